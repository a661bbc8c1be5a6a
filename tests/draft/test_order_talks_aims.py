"""A statement that carries several requirements drafts each of them (talks between members
and their order before the meeting; an activity and its place in the sequence), and words
that state an aim, an example or what was already done draft no event.

Every sentence here was written for these tests in the ways plans phrase them; none is taken
from the development corpus."""

from __future__ import annotations

import pytest

from masswork.draft import draft_text


def drafted(text: str) -> list[tuple[str, dict[str, object]]]:
    out = []
    for d in draft_text(text + "\n", year=2019):
        for r in d.requirements:
            out.append((r.kind, dict(r.entry)))
    return out


def kinds(text: str) -> set[str]:
    return {k for k, _ in drafted(text)}


TALKS_BEFORE = [
    "召开组织生活会前,支部要组织党员两两谈心。",
    "召开民主生活会前,书记与委员之间要逐一谈心。",
    "召开民主生活会前,主要负责同志要同班子成员逐一谈心。",
    "会前要广泛开展谈心谈话,班子成员之间必谈。",
    "支部委员之间、支部委员与党员之间要开展谈心谈话,会前完成。",
    "會前,黨委書記要與每位班子成員談心,班子成員之間也要互相談心。",
]


@pytest.mark.parametrize("text", TALKS_BEFORE)
def test_talks_and_their_order_are_two_requirements(text: str) -> None:
    found = kinds(text)
    assert {"pairwise", "order"} <= found, found


def test_the_anchor_meeting_is_not_asked_for() -> None:
    # 召開X前 names the time of the talks: no occurs of X from these words
    found = drafted("召开民主生活会前,书记与委员之间要逐一谈心。")
    assert [k for k, _ in found if k == "occurs"] == []


def test_cross_talks_name_both_roles() -> None:
    found = drafted("会前,书记和委员要逐一谈心。")
    pairs = [e["pairs"] for k, e in found if k == "pairwise"]
    assert pairs == [[{"mode": "cross", "a": "书记", "b": "委员"}]]


def test_head_with_comrade_is_not_cut_at_tong() -> None:
    # 主要負責同志要同…: 同 of 同志 is not the 同 that joins the two sides
    found = drafted("召开民主生活会前,主要负责同志要同班子成员逐一谈心。")
    pairs = [e["pairs"] for k, e in found if k == "pairwise"]
    assert pairs and pairs[0][0]["b"] == "班子成員"
    assert pairs[0][0]["a"] != "主要负责"


ORDERS = [
    ("专题组织生活会同步开展民主评议党员。", "same_day"),
    ("支部委员之间要开展谈心谈话,会前完成。", "before"),
    ("会前要认真听取党员群众意见。", "before"),
    ("集中学习结束后,召开专题组织生活会。", "after"),
    ("待个人自学结束后,再组织集中研讨。", "after"),
    ("支部要先开展学习研讨,后召开组织生活会。", "after"),
    ("讨论稿形成后,要广泛征求党员意见。", "after"),
    ("查摆问题之后,紧接着制定整改措施。", "after"),
]


def test_a_date_is_not_an_event_to_follow() -> None:
    # 「5月10日以後」 is a date: timing reads it, no order after an event "5月10日"
    assert "order" not in kinds("5月10日以后,各支部要召开组织生活会。")


def test_xian_of_xianjinxing_is_not_first() -> None:
    assert "order" not in kinds("深入开展先进性教育活动,再召开组织生活会。")


def test_the_document_written_after_is_the_subject() -> None:
    # 撰寫對照檢查材料: the order is of the document, and no separate occurs of it
    found = drafted("征求意见结束后,撰写对照检查材料。")
    assert [(k, e.get("document")) for k, e in found] == [("order", "對照檢查材料")]


GATES = [
    "个人对照检查材料经支部书记审阅后再定稿。",
    "各支部的实施方案由党委审核把关后实施。",
    "召开组织生活会前,各支部的学习情况经党委验收合格后,方可转入下一阶段。",
    "参加组织生活会的党员因故不能到会的,须事先向支部书记请假。",
    "召开民主生活会前,班子成员的发言提纲须经党组集体审议。",
]


@pytest.mark.parametrize("text", GATES)
def test_gate_cues(text: str) -> None:
    assert "gate" in kinds(text)


def test_seeing_to_work_is_not_a_gate() -> None:
    # 由…負責把關 with no document: someone sees to the work, nothing waits for an approval
    assert "gate" not in kinds("各支部每月组织党员学习一次,由支部书记负责把关。")


@pytest.mark.parametrize(("text", "relation"), ORDERS)
def test_order_cues(text: str, relation: str) -> None:
    relations = [e["relation"] for k, e in drafted(text) if k == "order"]
    assert relation in relations, relations


NOT_EVENTS = [
    "确保学习教育取得实效,确保开展专题组织生活会取得成效。",
    "开展这次学习教育的目的,是进一步坚定理想信念。",
    "旨在通过开展专题学习,推动全面从严治党向基层延伸。",
    "截至目前,全县已召开座谈会56场。",
    "去年以来,该镇共开展主题党日活动32次。",
    "学校已召开动员大会,部署学习教育工作。",
    "以开展“三会一课”为抓手,推动基层组织建设。",
    "要把开展主题教育作为当前的重要政治任务。",
    "要深刻认识召开专题民主生活会的重要性和必要性。",
    "开展主题教育是推进党的自我革命的必然要求。",
    "要结合开展主题教育,推动解决群众急难愁盼问题。",
]


TOLD = [
    "近年来,市委坚持每年开展一次主题教育。",
    "活动中,各支部普遍开展谈心谈话,共征求意见200余条。",
]


@pytest.mark.parametrize("text", TOLD)
def test_what_was_done_states_no_rule(text: str) -> None:
    assert not kinds(text) & {"occurs", "per-unit", "recurring"}


def test_a_means_segment_leaves_the_event_asked_for() -> None:
    # 結合開展X is a means; the meeting the next segment asks for is still drafted
    found = drafted("要结合开展主题教育,召开专题组织生活会。")
    assert [e.get("activity") for k, e in found if k == "occurs"] == ["專題組織生活會"]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_aims_tallies_and_news_draft_no_occurs(text: str) -> None:
    assert "occurs" not in kinds(text)


def test_examples_are_not_events() -> None:
    found = drafted("各支部要组织党员开展主题党日活动,如参观红色教育基地、重温入党誓词等。")
    named = {str(e.get("activity")) for k, e in found}
    assert "主題黨日" in named
    assert not any("参观" in n or "重温" in n for n in named)


def test_an_aim_beside_a_duty_keeps_the_duty() -> None:
    # the event asked for with 要 stays; the aim after it adds nothing
    found = drafted("各支部要召开专题组织生活会,确保取得实效。")
    assert any(e.get("activity") == "專題組織生活會" for _, e in found)


def test_the_step_after_suihou_is_a_requirement_of_its_own() -> None:
    # a gate, a report and then a meeting: the meeting's order is not lost to the first two
    found = drafted("督导组审核同意后,再向市领导小组报送阶段总结报告,随后召开会议,进行阶段小结和转段动员。")
    assert {"gate", "report", "order"} <= {k for k, _ in found}
    gates = [e["approved_by"] for k, e in found if k == "gate"]
    assert gates == [["督導組"]]  # who stands before 審核同意後, not the body reported to


def test_steps_of_a_meeting_follow_each_other() -> None:
    found = drafted("首先,支部书记代表支委会作对照检查;其次,党员逐一发言;最后,开展民主评议。")
    pairs = [(e.get("anchor_activity"), e.get("activity")) for k, e in found if k == "order"]
    assert ("对照检查", "发言") in pairs
    assert ("发言", "民主評議") in pairs


def test_the_deed_after_a_time_limit() -> None:
    found = drafted("会后,支部要在5个工作日内将会议情况报上级党委。")
    subjects = [e.get("activity") or e.get("document") for k, e in found if k == "order"]
    assert subjects and all("工作日" not in str(x) for x in subjects)


def test_a_date_before_is_not_news() -> None:
    # 「10日前」 is a deadline's day, not 日前 (recently): the recurring report stays
    assert "recurring" in kinds("各党小组每月10日前报送上月学习情况。")


def test_signed_by_is_attested() -> None:
    assert "attest" in kinds("学习心得报告须经党组织书记签字。")


def test_before_a_step_ends() -> None:
    relations = [e["relation"] for k, e in drafted("学习动员阶段结束前,乡镇党委要对各村学习情况逐村检查。")
                 if k == "order"]
    assert relations == ["before"]


def test_an_approval_that_names_nothing_waiting_gates_the_handing_in() -> None:
    found = drafted("述职报告须经本单位班子集体审议,不得由办公室代写。")
    gates = [e for k, e in found if k == "gate"]
    assert gates and gates[0]["document"] == "述职报告"
    assert gates[0]["before_activity"] == "述职报告提交"


def test_sent_for_approval_is_a_gate() -> None:
    assert "gate" in kinds("召开党员大会前,支委会提出评定等次意见,报公司党委审批。")


def test_encouraged_talks_are_not_a_rule() -> None:
    numbered = "一、谈心谈话\n(一)党员之间提倡经常开展谈心,互相提醒。\n"
    assert "pairwise" not in kinds(numbered)
    assert "pairwise" not in kinds("党员之间提倡经常开展谈心,互相提醒。")


def test_read_and_filed_is_not_a_gate() -> None:
    text = "关于召开组织生活会的通知\n每名党员撰写一篇心得体会,由所在党支部审阅后存档。"
    assert "gate" not in kinds(text)


def test_an_attached_form_is_not_work() -> None:
    text = "一、会议安排\n(一)会前学习。\n二、附件\n(一)民主生活会情况报告参考格式\n"
    found = drafted(text)
    assert not [e for k, e in found if "报告" in str(e.get("document", ""))]


def test_sent_for_review_ahead_is_a_gate() -> None:
    assert "gate" in kinds("召开组织生活会前,支部书记要提前3天将活动方案报所在学院党委审核。")
