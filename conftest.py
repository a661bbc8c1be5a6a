"""Shared by every test directory (tests/ and each plugin's tests/).

Messages follow the language of the environment (``MASSWORK_LANG``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``); tests that do not choose one must see the same output on any
developer's machine, so those variables are cleared (``LANG`` set to ``C.UTF-8``, which
names no language) and the plan's own script decides. Tests of the language choice set
them explicitly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _neutral_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MASSWORK_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def limit_schedules(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(folder, a small schedule, one over the default 8 MiB) of the S2 example's plan, written
    once per run for every test of the input limits (a 30 000-event file takes seconds)."""
    import masswork
    from masswork.loaders.limits import DEFAULT_LIMITS
    from masswork.testing.synth import synthetic_schedule

    plan = masswork.load_plan(Path(__file__).resolve().parent / "examples" / "s2-kejiju-campaign" / "plan.toml")
    folder = tmp_path_factory.mktemp("limits")
    small = folder / "schedule.json"
    small.write_text(json.dumps(synthetic_schedule(plan, 80, seed=3), ensure_ascii=False), encoding="utf-8")
    large = folder / "large.json"
    large.write_text(json.dumps(synthetic_schedule(plan, 30_000, seed=4), ensure_ascii=False, indent=1),
                     encoding="utf-8")
    assert large.stat().st_size > DEFAULT_LIMITS.max_file_bytes
    return folder, small, large
