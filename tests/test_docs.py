"""The docs tell the truth: every hook is documented in docs/plugins.md under a heading with
its signature, every example there runs, and every hook has a test of its own."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from masswork import hookspecs

ROOT = Path(__file__).resolve().parent.parent
PLUGINS_MD = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
HOOKS = sorted(name for name, fn in vars(hookspecs).items()
               if name.startswith("masswork_") and callable(fn))


def test_there_are_hooks() -> None:
    assert len(HOOKS) >= 6


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature(hook: str) -> None:
    params = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert f"## `{hook}({params})`" in PLUGINS_MD
    assert getattr(hookspecs, hook).__doc__, f"{hook} has no docstring"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test_of_its_own(hook: str) -> None:
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    assert f"def test_hook_{hook}(" in tests


def _sections() -> list[tuple[str, str]]:
    out = []
    for part in PLUGINS_MD.split("\n## ")[1:]:
        title = part.splitlines()[0]
        blocks = re.findall(r"```python\n(.*?)```", part, flags=re.S)
        out.append((title, "\n".join(blocks)))
    return out


@pytest.mark.parametrize("title, code", _sections(), ids=[t for t, _ in _sections()])
def test_every_example_runs(title: str, code: str) -> None:
    assert code.strip(), f"section {title} has no example"
    exec(compile(code, f"docs/plugins.md: {title}", "exec"), {"__name__": "docs_example"})


def _api_blocks() -> list[tuple[str, str]]:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    out = []
    for part in text.split("\n## ")[1:]:
        title = part.splitlines()[0]
        for i, block in enumerate(re.findall(r"```python\n(.*?)```", part, flags=re.S)):
            out.append((f"{title} #{i}", block))
    return out


@pytest.mark.parametrize("title, code", _api_blocks(), ids=[t for t, _ in _api_blocks()])
def test_api_examples_run(title: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(code, f"docs/api.md: {title}", "exec"), {"__name__": "docs_example"})
