"""``masswork draft`` reads a deadline counted from another event (會後一週內報送,
收到通知後10個工作日內反饋) as a ``deadline`` with an anchor and a ``limit``; sentences
written for these tests, through the public API, and the drafted plan loads and checks."""

from __future__ import annotations

from typing import Any

import pytest

import masswork
from masswork.draft import draft_text


def deadlines(text: str) -> list[dict[str, Any]]:
    return [dict(r.to_dict()["params"]) for d in draft_text(text, year=2014) for r in d.requirements
            if r.kind == "deadline"]


@pytest.mark.parametrize(("text", "limit", "anchor_key", "anchor", "subject"), [
    ("動員大會後一個月內完成自查。", "一個月內", "after_activity", "動員大會", ("activity", "自查")),
    ("活動結束後5個工作日內上報總結。", "5個工作日內", "after_activity", "活動", ("document", "總結")),
    ("收到通知後10個工作日內反饋意見。", "10個工作日內", "after_document", "通知", ("document", "意見")),
    ("培訓結束後十日內,各單位將培訓情況報送組織部。", "十日內", "after_activity", "培訓", ("document", "培訓情況")),
    ("动员大会后一个月内完成自查。", "一个月内", "after_activity", "動員大會", ("activity", "自查")),
])
def test_a_limit_after_an_event_is_a_deadline_with_an_anchor(
        text: str, limit: str, anchor_key: str, anchor: str, subject: tuple[str, str]) -> None:
    got = [p for p in deadlines(text) if "limit" in p]
    assert got, deadlines(text)
    p = got[0]
    assert p["limit"] == limit and p[anchor_key] == anchor and p[subject[0]] == subject[1]
    assert "within" not in p


def test_a_calendar_day_is_not_an_anchor() -> None:
    assert all("limit" not in p for p in deadlines("3月10日後5日內完成自查。"))


def test_the_drafted_plan_loads_and_checks() -> None:
    (drafted,) = draft_text("一、動員大會後一個月內完成自查。活動結束後5個工作日內上報總結。", year=2014)
    plan = masswork.load_plan(drafted.plan)
    rules = [r for r in plan.requirements if r.kind == "deadline"]
    assert {getattr(r.params, "limit") for r in rules} >= {"一個月內", "5個工作日內"}
    report = masswork.check(plan, masswork.Schedule(plan.id))
    assert {f.rule for f in report.findings} >= {r.id for r in rules}
