"""``--max-bytes``, ``--max-events``, ``--no-limits`` and their environment variables: the
input limits (docs/limits.md) raised or lowered on the command line, for single files and
for ``--batch``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from masswork.limit_options import make_limits, parse_size
from masswork.loaders.limits import DEFAULT_LIMITS
from masswork.testing.cli import run_masswork

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml"


@pytest.fixture
def files(limit_schedules: tuple[Path, Path, Path]) -> tuple[Path, Path, Path]:
    return limit_schedules


def test_sizes_read_as_people_write_them() -> None:
    assert parse_size("8388608") == 8 << 20
    assert parse_size("512K") == 512 << 10
    assert parse_size("64M") == parse_size("64MiB") == parse_size("64mb") == 64 << 20
    assert parse_size("2G") == 2 << 30
    with pytest.raises(ValueError):
        parse_size("a lot")


def test_the_options_make_the_limits_they_name() -> None:
    assert make_limits() == DEFAULT_LIMITS
    assert make_limits(max_bytes=1 << 30).max_file_bytes == 1 << 30
    assert make_limits(max_events=2_000_000).max_items == 2_000_000
    lifted = make_limits(no_limits=True)
    assert lifted.max_file_bytes > 1 << 40 and lifted.max_items > 1 << 40 and lifted.max_string > 1 << 40
    assert lifted.max_depth == DEFAULT_LIMITS.max_depth and lifted.max_extends == DEFAULT_LIMITS.max_extends


def test_a_file_over_the_default_size_needs_a_switch(files: tuple[Path, Path, Path]) -> None:
    _folder, _small, large = files
    refused = run_masswork("check", "--lang", "en", PLAN, large, ok=(2,))
    assert "file too large" in refused.stderr and str(large) in refused.stderr
    assert "Traceback" not in refused.stderr
    done = run_masswork("check", "--format", "json", "--no-limits", PLAN, large, ok=(0, 1))
    assert json.loads(done.stdout)["plan"]
    by_env = run_masswork("check", "--format", "json", PLAN, large, ok=(0, 1), env={"MASSWORK_MAX_BYTES": "64M"})
    assert json.loads(by_env.stdout)["plan"]


def test_limits_can_be_lowered_too(files: tuple[Path, Path, Path]) -> None:
    _folder, small, _large = files
    ok = run_masswork("check", "--format", "json", PLAN, small, ok=(0, 1))
    assert json.loads(ok.stdout)["findings"]
    few = run_masswork("check", "--lang", "en", "--max-events", "60", PLAN, small, ok=(2,))
    assert "too many entries" in few.stderr and "events" in few.stderr
    tiny = run_masswork("check", "--lang", "en", "--max-bytes", "1K", PLAN, small, ok=(2,))
    assert "file too large" in tiny.stderr
    bad = run_masswork("check", "--max-bytes", "lots", PLAN, small, ok=(2,))
    assert "not a size" in bad.stderr


def test_batch_units_are_read_within_the_limits_given(files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _folder, small, _large = files
    unit = tmp_path / "batch" / "unit-1"
    unit.mkdir(parents=True)
    (unit / "plan.toml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    (unit / "schedule.json").write_text(small.read_text(encoding="utf-8"), encoding="utf-8")
    whole = run_masswork("check", "--batch", tmp_path / "batch", "--summary-format", "json", "--jobs", "1",
                         ok=(0, 1))
    assert json.loads(whole.stdout)["checked"] == 1
    few = run_masswork("check", "--batch", tmp_path / "batch", "--summary-format", "json", "--jobs", "1",
                       "--max-events", "60", ok=(2,))
    broken = json.loads(few.stdout)["broken"]
    assert [b["unit"] for b in broken] == ["unit-1"] and "too many entries" in broken[0]["error"]["en"]
