"""The export plugins' entry modules load their heavy libraries (python-docx, openpyxl,
icalendar) only when a file is written or read: the plugin host loads every entry module to
list the exporters and readers (the first ``masswork --help`` after an install does), and
those libraries cost more to import than the whole command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("docx", "openpyxl", "icalendar", "lxml")


def _loaded(code: str) -> list[str]:
    probe = (f"import sys\n{code}\nimport json\n"
             f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    result: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("module", ["masswork_docx", "masswork_xlsx", "masswork_ics"])
def test_entry_module_imports_no_heavy_library(module: str) -> None:
    assert _loaded(f"import {module}") == []


def test_the_plugin_host_lists_every_format_without_the_heavy_libraries() -> None:
    code = ("from masswork.plugins import get_host\nh = get_host()\n"
            "assert {'docx', 'docx-checklist', 'xlsx', 'ics'} <= set(h.exporters())\n"
            "h.readers()")
    assert _loaded(code) == []


def test_the_names_the_plugins_export_still_resolve() -> None:
    import masswork_docx
    import masswork_ics
    import masswork_xlsx

    for module in (masswork_docx, masswork_xlsx, masswork_ics):
        for name in module.__all__:
            assert getattr(module, name) is not None, (module.__name__, name)
    with pytest.raises(AttributeError):
        getattr(masswork_docx, "no_such_name")
    with pytest.raises(AttributeError):
        getattr(masswork_xlsx, "no_such_name")


def test_writing_a_file_loads_the_library_then() -> None:
    code = ("from masswork.testing import sample_export_input\nimport masswork_ics\n"
            "assert masswork_ics.export_ics(sample_export_input()).startswith(b'BEGIN:VCALENDAR')")
    assert _loaded(code) == ["icalendar"]
