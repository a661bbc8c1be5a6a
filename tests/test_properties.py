"""Properties that hold for any valid plan and schedule (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import masswork
from masswork import Status
from masswork.loaders import tomlw
from masswork.testing.strategies import MONOTONE_KINDS, held_events, plans, plans_and_schedules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# MASSWORK_HYPOTHESIS_EXAMPLES=3000 for a deeper hunt than CI's.
SETTINGS = settings(max_examples=int(os.environ.get("MASSWORK_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(plans())
def test_plan_json_and_toml_round_trip(plan: masswork.Plan) -> None:
    data = masswork.plan_to_dict(plan)
    assert masswork.plan_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == plan
    assert masswork.plan_from_dict(tomllib.loads(tomlw.dumps(data))) == plan


@SETTINGS
@given(plans_and_schedules())
def test_schedule_json_and_toml_round_trip(ps: tuple[masswork.Plan, masswork.Schedule]) -> None:
    _, sched = ps
    data = masswork.schedule_to_dict(sched)
    assert masswork.schedule_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == sched
    assert masswork.schedule_from_dict(tomllib.loads(tomlw.dumps(data))) == sched


@SETTINGS
@given(plans_and_schedules(), st.one_of(st.none(), st.dates(dt.date(2013, 6, 1), dt.date(2015, 6, 1))))
def test_engine_never_raises_on_valid_input(ps: tuple[masswork.Plan, masswork.Schedule], as_of: dt.date | None) -> None:
    plan, sched = ps
    report = masswork.check(plan, sched, as_of)
    assert [f.rule for f in report.findings] == [r.id for r in plan.requirements]
    assert json.loads(json.dumps(report.to_dict()))["findings"]


@SETTINGS
@given(st.data())
def test_adding_a_held_event_never_turns_met_unmet(data: st.DataObject) -> None:
    plan, sched = data.draw(plans_and_schedules(kinds=MONOTONE_KINDS))
    as_of = data.draw(st.none() | st.just(dt.date(2014, 12, 31)))
    before = masswork.check(plan, sched, as_of)
    extra = data.draw(held_events(plan, prefix="added-"))
    after = masswork.check(plan, attrs.evolve(sched, events=sched.events + (extra,)), as_of)
    for b, a in zip(before.findings, after.findings):
        if b.status is Status.MET:
            assert a.status is Status.MET, (b, a, extra)


@SETTINGS
@given(plans_and_schedules())
def test_as_of_before_every_deadline_has_nothing_overdue(ps: tuple[masswork.Plan, masswork.Schedule]) -> None:
    plan, sched = ps
    report = masswork.check(plan, sched, as_of=dt.date(2013, 12, 31))
    assert not report.by_status(Status.OVERDUE)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["occurs", "per-person", "pairwise", "3月中旬", "2014-02-30", "座談會", "班子成員"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "clause", "kind", "min", "role", "activity", "title", "year",
                                       "requirements", "people", "roles", "events", "start", "type", "within",
                                       "pairs", "mode", "min_for", "options", "x"]), inner, max_size=6),
    max_leaves=25,
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["id", "title", "year", "requirements", "people", "roles",
                                        "activities", "options", "start", "phases"]), _JSON, max_size=8))
def test_loading_any_plan_data_raises_only_input_errors(data: dict[str, object]) -> None:
    try:
        masswork.load_plan(data)
    except masswork.InputError as exc:
        assert exc.problems and all(p.zh and p.en for p in exc.problems)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["plan", "events", "documents", "waivers", "periods", "unit"]),
                       _JSON, max_size=6))
def test_loading_any_schedule_data_raises_only_input_errors(data: dict[str, object]) -> None:
    from masswork.testing import sample_plan

    try:
        masswork.load_schedule(data, sample_plan())
    except masswork.InputError as exc:
        assert exc.problems


@SETTINGS
@given(st.text(max_size=300))
def test_reading_any_text_as_a_plan_file_raises_only_input_errors(text: str) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        for name in ("p.toml", "p.json"):
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            try:
                masswork.load_plan(path)
            except masswork.InputError:
                pass
