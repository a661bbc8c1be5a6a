"""Phrase classes real plans use for per-person quotas, pairwise talks, coverage and order,
and sentences that only describe or motivate (no requirement drafted from them).

Every sentence here was written for these tests, in the ways plans of the campaigns and
routine arrangements phrase them; none is taken from the development corpus."""

from __future__ import annotations

import pytest

from masswork.draft import draft_text


def kinds(text: str) -> set[str]:
    return {r.kind for d in draft_text(text + "\n", year=2019) for r in d.requirements}


PER_PERSON = [
    "党员领导干部要带头讲专题党课。",
    "每人提交一份心得体会。",
    "人均撰写学习笔记不少于一万字。",
    "主要负责人讲一次党课,其他班子成员到分管单位讲党课。",
    "班子成员每人撰写一篇调研报告。",
]


@pytest.mark.parametrize("text", PER_PERSON)
def test_per_person_quotas(text: str) -> None:
    assert "per-person" in kinds(text)


def test_each_alone_is_not_a_quota() -> None:
    # 逐個落實 / 個人自學: no one is given something to do or hand in
    assert "per-person" not in kinds("明确责任人,逐项推进、逐个落实。")
    assert "per-person" not in kinds("坚持个人自学与集中学习相结合。")


COVERAGE = [
    "检视剖析要涵盖理想信念、政治纪律、作风建设三个方面。",
    "查摆问题要聚焦思想、工作、作风和纪律方面。",
    "调研要涉及基层党组织、普通党员和服务对象。",
    "征求意见要做到基层单位全覆盖。",
    "列出问题清单、任务清单和责任清单。",
]


@pytest.mark.parametrize("text", COVERAGE)
def test_coverage_cues(text: str) -> None:
    assert "coverage" in kinds(text)


def test_coverage_needs_a_list() -> None:
    # 聚焦 without items listed is an exhortation, not a list to cover
    assert "coverage" not in kinds("要聚焦主责主业,推动工作落实。")


DESCRIBES = [
    "该局坚持把学习教育与业务工作结合起来,切实开展调查研究。",
    "学习教育开展以来,广大党员积极参与,认真撰写心得体会。",
    "开展民主评议党员,是加强党员队伍建设的重要措施。",
    "通过召开民主生活会,班子成员进一步统一了思想。",
    "以开展主题教育为契机,切实加强基层组织建设。",
    "在学习教育中,许多党员主动开展志愿服务,受到群众好评。",
]


@pytest.mark.parametrize("text", DESCRIBES)
def test_descriptions_require_no_event(text: str) -> None:
    assert not kinds(text) & {"occurs", "attest"}


REQUIRES = [
    "支部要组织党员开展志愿服务。",
    "该局要求各支部认真开展谈心谈话。",
    "召开党员大会,进行民主评议。",
    "要召开一次专题民主生活会。",
]


@pytest.mark.parametrize("text", REQUIRES)
def test_required_events_kept(text: str) -> None:
    assert kinds(text) - {"attest"}


def test_quote_holds_the_whole_sentence() -> None:
    # the role stands before the semicolon, the quota after it: the quote holds both
    text = "班子成员要认真查摆问题;同时,每人撰写一份发言提纲。"
    quotes = [r.quote for d in draft_text(text + "\n", year=2019) for r in d.requirements
              if r.kind == "per-person"]
    assert quotes and all("班子成员" in q and "发言提纲" in q for q in quotes)
