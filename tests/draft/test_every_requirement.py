"""A statement drafts every requirement it carries: every kind it states (a deadline, a
report, a quantity side by side), and a second requirement of one kind when another clause
states it of another subject — each with a cue of its own, never what is left over.

Every sentence here was written for these tests in the ways plans phrase them; none is taken
from a corpus."""

from __future__ import annotations

import pytest

from masswork.draft import draft_text
from masswork.loaders.plan import plan_from_dict


def drafted(text: str) -> list[tuple[str, dict[str, object]]]:
    skip = ("id", "clause", "kind", "quote", "title", "title_en", "severity", "responsible", "phase")
    return [(r.kind, {k: v for k, v in r.entry.items() if k not in skip})
            for d in draft_text(text + "\n", year=2021) for r in d.requirements]


def of_kind(text: str, kind: str) -> list[dict[str, object]]:
    return [p for k, p in drafted(text) if k == kind]


def test_three_kinds_in_one_statement() -> None:
    got = {k for k, _ in drafted("各黨支部要在10月底前召開專題組織生活會,會前將對照檢查材料報送機關黨委審閱,"
                                 "每名黨員學習時間不少於20個學時。")}
    assert {"deadline", "report", "quantity"} <= got, got


@pytest.mark.parametrize("text", [
    "機關黨委要在9月10日前制定學習計劃,9月20日前開展專題研討。",
    "各支部要在6月30日前召開黨員大會,7月15日前將工作總結報送縣委組織部。",
    "一、工作\n(一)各支部要在6月30日前召開黨員大會,7月15日前將工作總結報送縣委組織部。",
    "支部書記要在年底前與每名黨員談心一次,並於12月20日前召開組織生活會。",
])
def test_two_deadlines_in_two_clauses(text: str) -> None:
    got = of_kind(text, "deadline")
    assert len(got) == 2, got
    assert len({str(p.get("activity") or p.get("document")) for p in got}) == 2, got
    assert len({str(p["within"]) for p in got}) == 2, got


def test_each_deadline_names_the_subject_of_its_own_clause() -> None:
    got = {str(p["within"]): p.get("activity") or p.get("document")
           for p in of_kind("各支部要在6月30日前召開黨員大會,7月15日前將工作總結報送縣委組織部。", "deadline")}
    assert got == {"6月30日前": "黨員大會", "7月15日前": "工作總結"}


@pytest.mark.parametrize("text", [
    "各支部要在3月底前召開支委會,研究確定學習安排。",    # one date: one deadline
    "黨委要在4月15日前召開動員大會,動員大會由黨委書記主持。",  # one subject named twice
])
def test_one_cue_is_one_requirement(text: str) -> None:
    assert len(of_kind(text, "deadline")) == 1, drafted(text)


def test_a_period_list_is_not_read_twice() -> None:
    got = [(p["activity"], p["every"]) for p in
           of_kind("一、制度\n(一)各支部每月召開一次支委會,每季度召開一次黨員大會。", "recurring")]
    assert got == [("支委會", "month"), ("黨員大會", "quarter")]


def test_a_plain_event_beside_specific_rules_is_no_extra_requirement() -> None:
    # the meeting the deadline, the report and the quantity are about is not a fourth rule
    assert "occurs" not in {k for k, _ in drafted(
        "各黨支部要在10月底前召開專題組織生活會,會前將對照檢查材料報送機關黨委審閱,"
        "每名黨員學習時間不少於20個學時。")}


@pytest.mark.parametrize("text", [
    "各支部要在6月30日前召開黨員大會,7月15日前將工作總結報送縣委組織部。",
    "機關黨委要在9月10日前制定學習計劃,9月20日前開展專題研討,10月底前報送學習情況。",
])
def test_the_drafted_plan_loads(text: str) -> None:
    for d in draft_text(text + "\n", year=2021):
        plan_from_dict(dict(d.plan))
