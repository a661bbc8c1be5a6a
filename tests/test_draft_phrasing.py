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
    "柳塘镇立足镇情,扎实开展“三会一课”,推动学习常态化。",
]


@pytest.mark.parametrize("text", DESCRIBES)
def test_descriptions_require_no_event(text: str) -> None:
    assert not kinds(text) & {"occurs", "attest"}


REQUIRES = [
    "支部要组织党员开展志愿服务。",
    "该局要求各支部认真开展谈心谈话。",
    "召开党员大会,进行民主评议。",
    "要召开一次专题民主生活会。",
    "中层干部的民主评议由领导小组办公室组织。",
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


MORE_COVERAGE = [
    "对照检查材料要写明存在的问题、产生问题的原因和整改措施。",
    "学习篇目为党章、准则和条例。",
    "民主评议党员要对照党员标准,从思想、工作、作风、纪律四个方面进行评议。",
    "剖析材料要从思想、政治、作风、能力、廉洁五个方面查摆问题。",
    "要认真查摆理想信念、宗旨意识、担当作为等方面存在的问题。",
    "座谈的重点是群众反映的难点、堵点和痛点问题。",
]


@pytest.mark.parametrize("text", MORE_COVERAGE)
def test_more_coverage_cues(text: str) -> None:
    assert "coverage" in kinds(text)


def test_tasks_after_the_cue_are_not_a_list() -> None:
    # 查擺 / 重點是 followed by tasks (開展…, 搞好…), not by the things examined
    assert "coverage" not in kinds("对不认真查摆问题、没有明显改进的干部,要进行诫勉谈话。")
    assert "coverage" not in kinds("重点是搞好宣传教育、开展调查研究。")


def test_quote_holds_a_long_sentence() -> None:
    # a long sentence (over 160 characters) read as one statement is quoted whole too
    text = ("在专题学习阶段,班子成员要围绕理想信念、宗旨意识、担当作为、纪律规矩等方面,结合分管工作和"
            "本人思想实际,认真研读规定篇目,深入基层联系点开展调查研究,广泛听取服务对象、基层党员、"
            "离退休老同志和民主党派人士的意见建议,梳理汇总各方面反映的突出问题和意见,逐条分析原因、"
            "明确整改方向、落实整改责任;同时,每人撰写一份不少于三千字的对照检查材料,"
            "经支部审阅后提交领导小组办公室存档备查。")
    assert len(text) > 160
    quotes = [r.quote for d in draft_text(text + "\n", year=2019) for r in d.requirements
              if r.kind == "per-person"]
    assert quotes and all("班子成员" in q and "对照检查材料" in q for q in quotes)


def _coverage_items(text: str) -> list[list[str]]:
    return [r["items"] for d in draft_text(text + "\n", year=2019)
            for r in d.plan.get("requirements", []) if r["kind"] == "coverage" and "items" in r]


def test_sources_are_the_words_between_the_cue_and_opinions() -> None:
    items = _coverage_items("要广泛听取离退休老干部、服务对象和人大代表的意见。")
    assert any({"服務對象", "人大代表"} <= set(i) or {"服务对象", "人大代表"} <= set(i) for i in items)


def test_deeds_around_opinions_are_not_sources() -> None:
    # the statement's other deeds are not the sources 聽取…意見 names (it names none here)
    assert _coverage_items("深入车间班组、走访困难职工、听取意见。") == []
    assert _coverage_items("到基层走访和听取意见。") == []
