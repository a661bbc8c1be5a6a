"""Helpers for tests that use masswork as a user would — the command line, real programs
that open exported files, the bundled examples. Needs pytest.

A test that needs a real program (LibreOffice, Chromium, calcurse …) calls
:func:`require_program`: on a developer's machine without it the test is skipped; under CI
(``CI`` set to anything but ``0``/``false``/``no``) it fails, since CI must install it.

A document exporter (xlsx, docx, odt …) is best checked by the program its users open the
file with: :func:`libreoffice_convert` converts it headless (to CSV, PDF …) for the test to
read back; the fixture ``masswork_libreoffice`` (:mod:`masswork.testing.fixtures`) does the
same with one LibreOffice profile for the whole session.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ..exporters import ExportInput
from ..loaders import plan_to_dict, schedule_to_dict
from ..loaders.files import dumps_json
from .sample import sample_plan, sample_schedule

__all__ = ["under_ci", "require_program", "run_masswork", "check_json", "export_and_check",
           "write_sample_files", "find_examples", "example_cases", "example_input", "LIBREOFFICE_INSTALL",
           "libreoffice_convert"]


def under_ci() -> bool:
    """True when the CI variable is set (CI installs every program the tests need)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_program(name: str, install: str = "") -> str:
    """The path of program ``name``: skip the test when it is missing, fail it under CI.
    ``install`` tells how to get it (``apt-get install -y chromium``)."""
    path = shutil.which(name)
    if path:
        return path
    how = f" ({install})" if install else ""
    if under_ci():
        pytest.fail(f"{name} is not installed and CI is set: CI must install it{how}", pytrace=False)
    pytest.skip(f"{name} is not installed{how}; set CI=true to make this a failure")


def run_masswork(*args: str | Path, ok: tuple[int, ...] | None = (0,), cwd: Path | None = None,
                 env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m masswork ARGS…`` (this interpreter, every installed plugin) and check
    the exit code is in ``ok`` (None: any)."""
    full_env = {k: v for k, v in os.environ.items() if k != "MASSWORK_LOAD_PLUGINS"}
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=full_env, cwd=cwd, timeout=timeout, check=False)
    if ok is not None:
        assert proc.returncode in ok, (proc.returncode, proc.stderr[-3000:])
    return proc


def check_json(plan: Path, schedule: Path, *extra: str) -> dict[str, Any]:
    """``masswork check --format json`` as data (exit 0 or 1 are both reports)."""
    data: dict[str, Any] = json.loads(run_masswork("check", plan, schedule, "--format", "json", *extra,
                                                   ok=(0, 1)).stdout)
    return data


def export_and_check(plan: Path, schedule: Path, fmt: str, out: Path, *extra: str) -> dict[str, Any]:
    """Run ``masswork export PLAN SCHEDULE --format FMT -o OUT EXTRA…`` (it must exit 0) and
    return :func:`check_json` for the same input and ``EXTRA`` (``--lang``, ``--as-of`` …):
    what the exported file must agree with."""
    run_masswork("export", plan, schedule, "--format", fmt, "-o", out, *extra)
    return check_json(plan, schedule, *extra)


def write_sample_files(directory: Path) -> tuple[Path, Path]:
    """The sample plan and schedule (:mod:`masswork.testing.sample`) written as JSON files
    in ``directory``, for the command line."""
    plan, schedule = directory / "plan.json", directory / "schedule.json"
    plan.write_text(dumps_json(plan_to_dict(sample_plan())), encoding="utf-8")
    schedule.write_text(dumps_json(schedule_to_dict(sample_schedule())), encoding="utf-8")
    return plan, schedule


def find_examples(start: Path | None = None) -> Path | None:
    """The repository's ``examples/`` folder: ``MASSWORK_EXAMPLES`` if set, else the first
    ``examples`` folder holding ``s*-*/plan.toml`` above ``start``."""
    env = os.environ.get("MASSWORK_EXAMPLES")
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "examples"
        if any(candidate.glob("s*-*/plan.toml")):
            return candidate
    return None


def example_cases(start: Path | None = None) -> list[Any]:
    """``pytest.param(plan, schedule)`` for every bundled example's complete and flawed
    schedule, for ``@pytest.mark.parametrize("plan, schedule", example_cases(Path(__file__)))``."""
    root = find_examples(start)
    out = []
    for plan in sorted(root.glob("s*-*/plan.toml")) if root else []:
        for which in ("complete", "flawed"):
            schedule = plan.parent / f"schedule-{which}.toml"
            if schedule.exists():
                out.append(pytest.param(plan, schedule, id=f"{plan.parent.name}-{which}"))
    return out


def example_input(name: str, lang: str = "zh-Hant", as_of: dt.date | None = None, *,
                  schedule: str = "schedule-flawed.toml", start: Path | None = None) -> ExportInput:
    """What an exporter gets for bundled example ``name`` (``"s3-danyang-phase1"``): its plan,
    the schedule named (the flawed one by default), judged on ``as_of``, in ``lang``.
    ``start`` is where to look for ``examples/`` from (the calling test's file)."""
    from .. import check, load_plan, load_schedule

    root = find_examples(start)
    assert root is not None, "the bundled examples/ folder was not found"
    plan = load_plan(root / name / "plan.toml")
    sched = load_schedule(root / name / schedule, plan)
    return ExportInput(plan, sched, check(plan, sched, as_of=as_of), lang, as_of)


LIBREOFFICE_INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer fonts-noto-cjk"
"""How CI gets LibreOffice (Calc for workbooks, Writer for documents, CJK fonts so Chinese
text survives into a PDF), for :func:`require_program`."""


def libreoffice_convert(file: Path, target: str, outdir: Path, profile: Path, *,
                        timeout: float = 300) -> Path:
    """Open ``file`` in LibreOffice headless and save it as ``target`` in ``outdir`` (created
    if missing); returns ``outdir``, where the result is ``file``'s stem with the new suffix.

    ``target`` is what ``soffice --convert-to`` takes: ``"pdf"``, ``"csv"`` or a filter with
    options (``"csv:Text - txt - csv (StarCalc):44,34,76"`` for UTF-8 CSV). ``profile`` is a
    folder for LibreOffice's user profile, so it never waits on a LibreOffice the developer
    has open; reuse one across calls, since the first start in a new profile is slow.
    ``soffice`` missing: the test is skipped, or fails under CI (:func:`require_program`).
    LibreOffice failing to convert fails the test with its error output."""
    program = require_program("soffice", install=LIBREOFFICE_INSTALL)
    outdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(outdir), str(file)],
        capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-3000:])
    return outdir
