"""Limits and `extends` confinement through the public API (docs/limits.md): what is allowed
still works, what is not is an InputError naming the file, line or key path."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

import masswork
from masswork.errors import InputError
from masswork.loaders.limits import Limits
from masswork.terminal import safe_for_terminal
from masswork.testing.cli import run_masswork

GOOD = Path(__file__).parent / "corpus" / "good"
PLAN = (GOOD / "plan.toml").read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_limits_can_be_raised_or_lowered(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.toml", PLAN)
    assert masswork.load_plan(plan).id == "mini"
    with pytest.raises(InputError, match="file too large"):
        masswork.load_plan(plan, limits=Limits(max_file_bytes=100))
    with pytest.raises(InputError, match="string too long"):
        masswork.load_plan(plan, limits=Limits(max_string=3))
    with pytest.raises(InputError, match="too many entries"):
        masswork.load_plan(plan, limits=Limits(max_items=1))
    sched = write(tmp_path, "s.toml", (GOOD / "schedule.toml").read_text(encoding="utf-8"))
    with pytest.raises(InputError, match="too many entries"):
        masswork.load_schedule(sched, limits=Limits(max_items=1))


def test_plain_data_is_checked_like_a_file() -> None:
    import tomllib

    data = tomllib.loads(PLAN)
    data["requirements"][1]["min"] = math.inf
    with pytest.raises(InputError) as e:
        masswork.load_plan(data)
    assert e.value.problems[0].path == ("requirements", 1, "min")
    with pytest.raises(InputError, match="finite"):
        masswork.load_schedule({"plan": "mini", "events": [{"id": "e", "type": "學習", "start": "2014-03-01",
                                                              "hours": math.nan}]})


def test_extends_from_a_templates_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "templates", "city.toml", PLAN)
    child = write(tmp_path / "unit", "plan.toml", 'extends = "city.toml"\nid = "unit"\nremove = "study"\n')
    with pytest.raises(InputError) as e:
        masswork.load_plan(child)
    assert e.value.problems[0].path == ("extends",) and "does not exist" in e.value.message("en")
    plan = masswork.load_plan(child, templates=[tmp_path / "templates"])
    assert plan.id == "unit" and plan.extends == "mini"
    assert [r.id for r in plan.requirements] == ["forums"], "remove as a single id string works"
    monkeypatch.setenv("MASSWORK_TEMPLATES", str(tmp_path / "templates"))
    assert masswork.load_plan(child).id == "unit"
    run_masswork("explain", child, env={"MASSWORK_TEMPLATES": ""}, ok=(2,))
    run_masswork("explain", "--templates", tmp_path / "templates", child, env={"MASSWORK_TEMPLATES": ""})


def test_extends_may_use_subfolders_and_links_that_stay_inside(tmp_path: Path) -> None:
    write(tmp_path / "bases", "base.toml", PLAN)
    os.symlink("bases/base.toml", tmp_path / "link.toml")
    child = write(tmp_path, "plan.toml", 'extends = "link.toml"\nid = "unit"\n')
    assert masswork.load_plan(child).id == "unit"
    child2 = write(tmp_path, "plan2.toml", 'extends = "bases/base.toml"\nid = "unit2"\n')
    assert masswork.load_plan(child2).id == "unit2"


@pytest.mark.parametrize("target", ["/etc/hostname", "../outside.toml", "/dev/zero", "link-out.toml"])
def test_extends_outside_is_refused(tmp_path: Path, target: str) -> None:
    write(tmp_path, "outside.toml", PLAN)
    inner = tmp_path / "plans"
    inner.mkdir()
    os.symlink(tmp_path / "outside.toml", inner / "link-out.toml")
    child = write(inner, "plan.toml", f'extends = "{target}"\nid = "unit"\n')
    with pytest.raises(InputError) as e:
        masswork.load_plan(child)
    p = e.value.problems[0]
    assert p.file == str(child) and p.line == 1 and p.path == ("extends",)
    assert "outside" in p.en


def test_problem_in_a_base_is_blamed_on_the_base(tmp_path: Path) -> None:
    base = write(tmp_path, "base.toml", PLAN.replace('activity = "學習"', 'activity = "無此活動"'))
    line = PLAN.splitlines().index('activity = "學習"') + 1
    child = write(tmp_path, "plan.toml", 'extends = "base.toml"\nid = "unit"\n\n[[people]]\nid = "z"\nname = "趙"\n'
                                          'roles = ["無此角色"]\n')
    with pytest.raises(InputError) as e:
        masswork.load_plan(child)
    where = {(Path(p.file).name if p.file else None, p.line) for p in e.value.problems}
    assert ("base.toml", line) in where, e.value.message("en")
    assert ("plan.toml", 7) in where, e.value.message("en")
    assert base.exists()


def test_console_text_is_neutralised(tmp_path: Path) -> None:
    assert safe_for_terminal("a\x1b[31mb\u202ec\nd\te") == "a\\u001b[31mb\\u202ec\nd\te"
    plan = write(tmp_path, "plan.toml", PLAN.replace('title = "小方案"', 'title = "小\\u001b]0;owned\\u0007方\\u202e案"'))
    out = run_masswork("explain", plan).stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\u001b]0;owned" in out
    bad = write(tmp_path, "bad.toml", PLAN.replace('role = "班子成員"', 'role = "\\u001b[2J\\u202e"'))
    err = run_masswork("explain", bad, ok=(2,)).stderr
    assert "\x1b" not in err and "\u202e" not in err


def test_messages_quoting_huge_input_are_cut(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.toml", PLAN.replace('role = "班子成員"', f'role = "{"x" * 90_000}"'))
    with pytest.raises(InputError) as e:
        masswork.load_plan(plan)
    assert len(e.value.message("en")) < 2000
