"""Properties that hold for any valid plan and schedule (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
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

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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
