"""The ``credit`` of a quantity rule (「專題講座每半天折算4學時」): an event counts ``credit``
hours per event, day, half day or recorded hour instead of its recorded hours; a rule with
``credit`` and ``min = 0`` only says how events count."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import masswork
from masswork import Event, Requirement, Status
from masswork.errors import InputError
from masswork.kinds import Quantity
from masswork.kinds.quantity import QUANTITY
from masswork.testing import sample_plan

D = dt.date


def run(params: Quantity, *events: Event) -> masswork.Finding:
    plan = attrs.evolve(sample_plan(), requirements=(Requirement("r", "C.1", "quantity", params, quote="原文"),))
    return masswork.check(plan, masswork.Schedule("sample", events=events), None).finding("r")


@pytest.mark.parametrize("per, end, hours, met", [
    ("event", None, 0.0, True),            # 參加1次折算4學時: one event is 4
    ("day", D(2014, 3, 4), 0.0, True),     # two days at 2 a day
    ("half-day", None, 0.0, True),         # one day is two half days at 2
    ("hour", None, 1.5, False),            # 1.5 recorded hours at 2 an hour is 3
])
def test_an_event_counts_its_credit(per: str, end: dt.date | None, hours: float, met: bool) -> None:
    p = Quantity(min=4, activity="中心組學習會", credit=2 if per != "event" else 4, credit_per=per)
    f = run(p, Event("a", "中心組學習會", D(2014, 3, 3), end=end, hours=hours))
    assert (f.status is Status.MET) is met, f.message


def test_without_credit_the_recorded_hours_count() -> None:
    f = run(Quantity(min=4, activity="中心組學習會"), Event("a", "中心組學習會", D(2014, 3, 3), hours=3))
    assert f.status is Status.UNMET


def test_a_counting_rule_needs_no_total() -> None:
    f = run(Quantity(min=0, activity="中心組學習會", credit=4, credit_per="half-day"))
    assert f.status is Status.MET
    rule = Requirement("r", "C.1", "quantity", Quantity(min=0, activity="中心組學習會", credit=4, credit_per="half-day"))
    said = QUANTITY.describe_msg(rule, sample_plan())
    assert "每半天折算 4 學時" in said.render("zh-Hant") and "每半天折算 4 学时" in said.render("zh-Hans")
    assert "4 study hours per half day" in said.render("en")


@pytest.mark.parametrize("extra, needle", [
    ({"credit": 4}, "min"),                             # min is still required (0: no total)
    ({"min": 0, "credit": 4, "credit_per": "week"}, "credit_per"),  # not a unit credit is given for
    ({"min": 4, "credit": -1}, "credit"),
])
def test_a_bad_quantity_is_a_plan_error(extra: dict[str, object], needle: str) -> None:
    plan = {"id": "p", "title": "t", "year": 2014, "activities": [{"id": "學習", "name_en": "study"}],
            "requirements": [{"id": "r", "clause": "1", "kind": "quantity", "activity": "學習", **extra}]}
    with pytest.raises(InputError) as exc:
        masswork.load_plan(plan)
    assert needle in str(exc.value)
