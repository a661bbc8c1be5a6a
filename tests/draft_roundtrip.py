"""What a user does with a drafted plan, as the tests of the draft families repeat it:
``masswork draft`` the text, ``explain`` the plan, load it and ``check`` an empty schedule
against it — each step through the CLI, each without a plan error."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import masswork
from masswork.cli import cli
from masswork.model import Plan


def draft_explain_check(src: Path, year: int, tmp_path: Path) -> Plan:
    """Draft ``src`` for ``year`` into ``tmp_path``, explain and check it; the loaded plan."""
    out = tmp_path / "plan.toml"
    runner = CliRunner()
    r = runner.invoke(cli, ["draft", str(src), "--year", str(year), "-o", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["explain", str(out)])
    assert r.exit_code == 0, r.output
    plan = masswork.load_plan(out)
    sched = tmp_path / "schedule.toml"
    sched.write_text(f'plan = "{plan.id}"\n', encoding="utf-8")
    r = runner.invoke(cli, ["check", str(out), str(sched)])
    assert r.exit_code in (0, 1), r.output  # met or not, never a plan error
    return plan
