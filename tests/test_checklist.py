"""masswork.checklist: the plan resolved for a printed checklist agrees with the plan and
with the report (windows, due dates, responsible, per-person quotas)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import masswork
from masswork.checklist import Quota, checklist, quota_text, rule_title, window_text
from masswork.exporters import ExportInput
from masswork.testing import sample_export_input

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("s*-*/plan.toml"))


def example_input(plan_path: Path, lang: str, as_of: dt.date | None) -> ExportInput:
    plan = masswork.load_plan(plan_path)
    schedule = masswork.load_schedule(plan_path.parent / "schedule-flawed.toml", plan)
    return ExportInput(plan, schedule, masswork.check(plan, schedule, as_of=as_of), lang, as_of)


@pytest.mark.parametrize("plan_path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_item_per_requirement_agreeing_with_the_report(plan_path: Path, lang: str) -> None:
    inp = example_input(plan_path, lang, dt.date(2014, 3, 5))
    items = checklist(inp)
    assert [i.rule for i in items] == [r.id for r in inp.plan.requirements]
    findings = {f.rule: f for f in inp.report.findings}
    names = inp.plan.names(lang)
    for item, req in zip(items, inp.plan.requirements):
        assert item.clause == req.clause and item.quote == req.quote
        assert item.title == rule_title(req, inp.plan, lang) and item.title
        assert item.due == findings[req.id].due
        assert item.status is findings[req.id].status
        assert item.responsible == tuple(names.get(r, r) for r in req.responsible)
        if item.start and item.end:
            assert item.start <= item.end
        if req.kind == "per-person":
            holders = inp.plan.holders(req.params.role)
            assert [q.person for q in item.quotas] == [p.id for p in holders]
        else:
            assert item.quotas == ()


def test_windows_resolve_the_plans_phrases() -> None:
    inp = example_input(ROOT / "examples/s3-danyang-phase1/plan.toml", "zh", None)
    by_phrase = {i.phrase: i for i in checklist(inp) if i.phrase}
    early_april = by_phrase["4月上旬"]
    assert (early_april.start, early_april.end) == (dt.date(2014, 4, 1), dt.date(2014, 4, 10))
    assert window_text(early_april, "zh") == "2014-04-01至2014-04-10"
    assert window_text(early_april, "zh-Hans") == "2014-04-01至2014-04-10"
    assert window_text(early_april, "en") == "2014-04-01 – 2014-04-10"


def test_per_person_breakdown_names_the_exception() -> None:
    inp = example_input(ROOT / "examples/s3-danyang-phase1/plan.toml", "zh", None)
    forums = next(i for i in checklist(inp) if i.kind == "per-person")
    text = quota_text(forums.quotas, "zh")
    assert text.startswith("王建國 ×2、其他人 ×1(")
    assert quota_text(forums.quotas, "en").startswith("王建國 ×2, others ×1 (")


def test_sample_quota_follows_min_for() -> None:
    inp = sample_export_input()
    forums = next(i for i in checklist(inp) if i.rule == "forums")
    assert {q.person: q.count for q in forums.quotas} == {"li-fei": 2, "sun-ping": 1, "zhou-lan": 1}


@given(st.lists(st.tuples(st.sampled_from(["王建國", "陳紅", "Li", "孫偉"]), st.integers(1, 4)),
                min_size=1, max_size=6))
@example([("王建國", 2), ("陳紅", 1), ("孫偉", 1)])
@example([("王建國", 1), ("陳紅", 1)])
def test_quota_text_names_everyone_once(people: list[tuple[str, int]]) -> None:
    quotas = tuple(Quota(f"p{i}", name, n) for i, (name, n) in enumerate(people))
    for lang in ("zh", "en"):
        text = quota_text(quotas, lang)
        for q in quotas:
            assert q.name in text
        assert all(f"×{q.count}" in text for q in quotas)


def test_window_text_forms() -> None:
    item = checklist(sample_export_input())[0]
    import attrs

    assert window_text(attrs.evolve(item, start=None, end=None), "zh") == ""
    assert window_text(attrs.evolve(item, start=None, end=dt.date(2014, 2, 25)), "zh") == "2014-02-25前"
    assert window_text(attrs.evolve(item, start=None, end=dt.date(2014, 2, 25)), "en") == "by 2014-02-25"
    assert window_text(attrs.evolve(item, start=dt.date(2014, 2, 1), end=None), "en") == "from 2014-02-01"
