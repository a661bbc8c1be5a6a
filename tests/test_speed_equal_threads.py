"""Converters built by several threads at once (the Dask engine checks units in threads)
give every thread the same, complete objects: a class's converter is registered before its
fields' converters exist, and a thread that found it half made built a plan without its
``people`` slot ("'Plan' object has no attribute 'people'")."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from masswork.loaders import fast, load_plan, load_schedule
from masswork.loaders.plan import plan_to_dict
from masswork.loaders.schedule import schedule_to_dict
from masswork.model import Plan, Schedule
from masswork.testing.province import write_province


def test_converters_built_in_threads_at_once_build_whole_objects(tmp_path: Path) -> None:
    write_province(tmp_path / "city", 1, 40, seed=5)
    unit = next((tmp_path / "city").glob("unit-*"))
    plan = load_plan(unit / "plan.json", templates=[str(tmp_path / "city")])
    schedule = load_schedule(unit / "schedule.json", plan)
    plan_data, schedule_data = plan_to_dict(plan), schedule_to_dict(schedule)
    plan_data.pop("requirements", None)  # requirements are built by the plan loader, not here
    expected_plan = fast.fast_structure(Plan, plan_data)
    kept = fast._CACHE
    try:
        for _round in range(15):
            fast._CACHE = {}
            start = threading.Barrier(4)
            got: list[Any] = []
            failed: list[BaseException] = []

            def build() -> None:
                start.wait()
                try:
                    got.append((fast.fast_structure(Plan, plan_data), fast.fast_structure(Schedule, schedule_data)))
                except BaseException as exc:  # noqa: BLE001 - reported below
                    failed.append(exc)

            threads = [threading.Thread(target=build) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert not failed, failed[:1]
            for p, s in got:
                assert p == expected_plan
                assert s == schedule
    finally:
        fast._CACHE = kept
