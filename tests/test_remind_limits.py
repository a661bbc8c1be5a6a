"""``masswork remind`` takes ``--max-bytes``, ``--max-events`` and ``--no-limits`` (and their
environment variables) as check, explain and export do: a trusted schedule over the default
limits can be reminded from, and the limits can be lowered."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from masswork.testing.cli import run_masswork

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml"


@pytest.fixture
def files(limit_schedules: tuple[Path, Path, Path]) -> tuple[Path, Path]:
    _folder, small, large = limit_schedules
    return small, large


def _remind(*args: object, ok: tuple[int, ...], env: dict[str, str] | None = None, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A dry run in a folder of its own: no config file, no ledger written.
    return run_masswork("remind", "--as-of", "2014-03-20", "--dry-run", "--lang", "en", *args,
                        ok=ok, env=env, cwd=cwd)


@pytest.mark.slow
def test_remind_reads_a_large_trusted_schedule_with_a_switch(files: tuple[Path, Path], tmp_path: Path) -> None:
    _small, large = files
    refused = _remind(PLAN, large, ok=(2,), cwd=tmp_path)
    assert "file too large" in refused.stderr and str(large) in refused.stderr
    assert "Traceback" not in refused.stderr
    lifted = _remind("--format", "json", "--no-limits", PLAN, large, ok=(0,), cwd=tmp_path)
    assert "reminders" in json.loads(lifted.stdout)
    raised = _remind("--format", "json", "--max-bytes", "64M", PLAN, large, ok=(0,), cwd=tmp_path)
    assert json.loads(raised.stdout) == json.loads(lifted.stdout)
    by_env = _remind("--format", "json", PLAN, large, ok=(0,), env={"MASSWORK_MAX_BYTES": "64M"}, cwd=tmp_path)
    assert json.loads(by_env.stdout) == json.loads(lifted.stdout)
    assert not (tmp_path / ".masswork").exists()  # a dry run records nothing


def test_remind_limits_can_be_lowered(files: tuple[Path, Path], tmp_path: Path) -> None:
    small, _large = files
    ok = _remind("--format", "json", PLAN, small, ok=(0,), cwd=tmp_path)
    assert "reminders" in json.loads(ok.stdout)
    few = _remind("--max-events", "60", PLAN, small, ok=(2,), cwd=tmp_path)
    assert "too many entries" in few.stderr and "events" in few.stderr
    tiny = _remind("--max-bytes", "1K", PLAN, small, ok=(2,), cwd=tmp_path)
    assert "file too large" in tiny.stderr
    bad = _remind("--max-bytes", "lots", PLAN, small, ok=(2,), cwd=tmp_path)
    assert "not a size" in bad.stderr
    assert "Traceback" not in few.stderr + tiny.stderr + bad.stderr


def test_remind_help_names_the_limit_options(tmp_path: Path) -> None:
    shown = run_masswork("remind", "--help", ok=(0,), cwd=tmp_path)
    for option in ("--max-bytes", "--max-events", "--no-limits"):
        assert option in shown.stdout
