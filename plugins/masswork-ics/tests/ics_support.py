"""Helpers for the masswork-ics tests: external programs, the repository's examples and
the masswork command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


def under_ci() -> bool:
    """True when the CI variable is set (CI installs every program the tests need)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def need_program(name: str) -> str:
    """The path of ``name``; skips the test when it is missing, fails it under CI."""
    path = shutil.which(name)
    if path is None:
        if under_ci():
            pytest.fail(f"{name} is not installed, and CI must install it", pytrace=False)
        pytest.skip(f"{name} is not installed (set CI=true to make this a failure)")
    return path


def examples_dir() -> Path:
    return Path(os.environ.get("MASSWORK_EXAMPLES", ROOT / "examples"))


def example_cases() -> list[Any]:
    """(plan, schedule) for every ``examples/s*-*/plan.toml`` with its complete and flawed
    schedules, as pytest params."""
    out = []
    for plan in sorted(examples_dir().glob("s*-*/plan.toml")):
        for which in ("complete", "flawed"):
            schedule = plan.parent / f"schedule-{which}.toml"
            if schedule.exists():
                out.append(pytest.param(plan, schedule, id=f"{plan.parent.name}-{which}"))
    return out


def masswork(*args: str | Path, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[bytes]:
    """Run the masswork command line (this Python's), checking the exit code."""
    proc = subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True, timeout=300)
    assert proc.returncode in ok, (proc.returncode, proc.stderr.decode("utf-8", "replace"))
    return proc


def check_json(plan: Path, schedule: Path, *extra: str) -> dict[str, Any]:
    """``masswork check --format json`` (exit 0 or 1: met or not, both are reports)."""
    proc = masswork("check", plan, schedule, "--format", "json", *extra, ok=(0, 1))
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def write_sample(directory: Path) -> tuple[Path, Path]:
    """masswork.testing's sample plan and schedule as JSON files, for the command line."""
    from masswork.loaders import plan_to_dict, schedule_to_dict
    from masswork.loaders.files import dumps_json
    from masswork.testing import sample_plan, sample_schedule

    plan, schedule = directory / "plan.json", directory / "schedule.json"
    plan.write_text(dumps_json(plan_to_dict(sample_plan())), encoding="utf-8")
    schedule.write_text(dumps_json(schedule_to_dict(sample_schedule())), encoding="utf-8")
    return plan, schedule
