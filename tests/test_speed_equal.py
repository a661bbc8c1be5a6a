"""The optimised loader and engine give the same reports as before they were optimised.

* every example (complete and flawed, as a whole and on two days), synthetic schedules of
  every example plan and the Python sample give the report JSON recorded before the
  optimisation (tests/data/reports/digests.json, written by tests/golden_reports.py);
* for any generated plan and schedule, the fast loader builds the very objects the
  error-locating walker builds, and the engine with its per-check caches gives the report the
  unoptimised rules give (``reference_context``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import masswork
from masswork.loaders.fast import Fallback, fast_structure
from masswork.loaders.schedule import schedule_to_dict
from masswork.loaders.structure import _Walker
from masswork.model import Schedule
from masswork.testing.strategies import plans_and_schedules
from masswork.testing.synth import synthetic_schedule

sys.path.insert(0, str(Path(__file__).resolve().parent))
import golden_reports  # noqa: E402
import reference_context  # noqa: E402

RECORDED = json.loads((golden_reports.DATA / "digests.json").read_text(encoding="utf-8"))
CASES = list(golden_reports.cases())


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_report_as_recorded_before_optimising(case: tuple[str, Any, Any, Any]) -> None:
    name, plan, sched, day = case
    assert golden_reports.digest(golden_reports.report_json(plan, sched, day)) == RECORDED[name]


def test_every_recorded_case_is_still_checked() -> None:
    assert {c[0] for c in CASES} == set(RECORDED)


def _walker(data: Any) -> Any:
    w = _Walker()
    out = w.attrs_class(Schedule, data, ())
    return out, w.problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules())
def test_fast_loader_builds_what_the_walker_builds(ps: Any) -> None:
    _plan, sched = ps
    data = json.loads(json.dumps(schedule_to_dict(sched), ensure_ascii=False))
    walked, problems = _walker(data)
    assert not problems
    assert fast_structure(Schedule, data) == walked == sched


_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["2014-03-01", "2014-03-01T09:00", "held", "cancelled", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "type", "start", "end", "status", "host", "participants",
                         "hours", "topics", "to", "on", "by", "covers", "submitted", "bogus"]),
        inner, max_size=6),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"plan": st.just("p")}, optional={
    "events": st.lists(_junk, max_size=3), "documents": st.lists(_junk, max_size=2),
    "unit": _junk}))
def test_fast_loader_never_accepts_what_the_walker_rejects(data: dict[str, Any]) -> None:
    walked, problems = _walker(data)
    try:
        fast = fast_structure(Schedule, data)
    except Fallback:
        return  # the walker then reports (or builds) it: either way the walker decides
    assert not problems and fast == walked


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules(), st.sampled_from([None, "2014-03-15", "2014-06-30"]))
def test_engine_gives_the_unoptimised_report(ps: Any, day: str | None) -> None:
    import datetime as dt

    plan, sched = ps
    as_of = dt.date.fromisoformat(day) if day else None
    fast = masswork.check(plan, sched, as_of=as_of).to_dict("en")
    with reference_context.unoptimised():
        slow = masswork.check(plan, sched, as_of=as_of).to_dict("en")
    assert fast == slow


@pytest.mark.parametrize("seed", [3, 4])
def test_synthetic_s2_schedule_gives_the_unoptimised_report(seed: int) -> None:
    plan = masswork.load_plan(golden_reports.ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml")
    sched = masswork.load_schedule(synthetic_schedule(plan, 300, seed=seed), plan)
    fast = masswork.check(plan, sched).to_dict("zh")
    with reference_context.unoptimised():
        slow = masswork.check(plan, sched).to_dict("zh")
    assert fast == slow
