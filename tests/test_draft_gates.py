"""Gates, reports to an unnamed recipient, and an order beside a limit in ``masswork draft``:
sentences written for these tests (Simplified and Traditional), through the public API and
the CLI; every drafted plan loads, explains and checks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import masswork
from masswork.draft import draft_text
from masswork.hanzi import to_simplified as simp

from draft_roundtrip import draft_explain_check

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXTRA = Path(__file__).parent / "data" / "draft-extra"


def drafted(text: str, year: int = 2024) -> list[dict[str, Any]]:
    return [r.to_dict() for d in draft_text(text, year=year) for r in d.requirements]


def of_kind(text: str, kind: str, year: int = 2024) -> list[dict[str, Any]]:
    got = [dict(r["params"]) for r in drafted(text, year) if r["kind"] == kind]
    assert got, (kind, [(r["kind"], r["params"]) for r in drafted(text, year)])
    return got


def simple(p: dict[str, Any]) -> dict[str, Any]:
    """The params in Simplified characters (lists item by item)."""
    return {k: [simp(x) for x in v] if isinstance(v, list) else simp(v) if isinstance(v, str) else v
            for k, v in p.items()}


# ---------------------------------------------------------------- gates

@pytest.mark.parametrize("text, approver, waits", [
    ("未經黨委批准,不得召開專題會議。", "党委", "会议"),
    ("未经县委组织部审核同意,各单位不得擅自印发学习计划。", "县委组织部", "印发学习计划"),
    ("學習計劃未經支部委員會討論通過的,一律不得組織實施。", "支部委员会", "组织实施"),
])
def test_nothing_happens_without_the_approval(text: str, approver: str, waits: str) -> None:
    (p,) = [simple(x) for x in of_kind("一、工作\n(一)" + text, "gate")]
    assert p["approved_by"] == [approver]
    assert p["before_activity"] == waits
    assert not p["document"].startswith("未经")  # 未經X批准 is the condition, not a document


def test_without_a_document_named_the_request_is_approved() -> None:
    (p,) = of_kind("一、工作\n(一)未經黨委批准,不得召開專題會議。", "gate")
    assert p["document"] == "請示"


@pytest.mark.parametrize("text, document, approver, waits", [
    ("整改方案报县委审批后实施。", "整改方案", "县委", "实施"),
    ("实施方案经县委组织部审核同意后方可实施。", "实施方案", "县委组织部", "实施"),
    ("調研報告待鄉鎮黨委審定後再印發。", "调研报告", "党委", "印发"),
    ("整改方案經黨組審定後再組織實施。", "整改方案", "党组", "实施"),
    ("涉及集體資產處置的事項,待鎮農經站審定後再組織實施。", "请示", "镇农经站", "实施"),
    ("活动方案报请县委组织部批准后实施。", "活动方案", "县委组织部", "实施"),
    ("学习计划须报上级党委备案同意后执行。", "学习计划", "上级党委", "执行"),
    ("实施方案在县委批复后启动。", "实施方案", "县委", "启动"),
    ("申請人名單報鄉鎮黨委預審同意後,方可列為發展對象。", "申请人名单", "乡镇党委", "列为发展对象"),
])
def test_approved_then(text: str, document: str, approver: str, waits: str) -> None:
    ps = [simple(x) for x in of_kind("一、工作\n(一)" + text, "gate")]
    assert any(p["approved_by"] == [approver] and p["before_activity"] == waits
               and simp(p["document"]) == document for p in ps), ps


def test_the_approver_before_the_approval_word_is_never_a_term_after_it() -> None:
    # 黨員 (in 黨員大會, after the approval) is not who approves
    (p,) = [simple(x) for x in of_kind("一、工作\n(一)支部委员会研究同意后,于7月1日前召开党员大会。", "gate")]
    assert p["approved_by"] == ["支部委员会"]
    assert p["before_activity"] == "党员大会"


def test_a_long_list_of_approvers_before_the_meeting() -> None:
    ps = of_kind("一、工作\n(一)班子对照检查材料须于会前10天报市纪委监委派驻纪检监察组和市委组织部审核。", "gate")
    assert ps[0]["approved_by"] == ["市纪委监委派驻纪检监察组", "市委组织部"]
    assert ps[0]["before_activity"] == "会议"


def test_sent_by_someone_the_body_approves() -> None:
    (p,) = [simple(x) for x in of_kind("一、工作\n(一)支部召開黨員大會討論,須經上級黨委派人談話、審批。", "occurs")]
    assert p.get("party") == "上级党委"


def test_unread_material_waits_for_the_review_just_named() -> None:
    text = ("一、材料\n(一)班子成員撰寫對照檢查材料,經黨委書記審閱同意後定稿。"
            "對照檢查材料未經審閱的,不得提交會議。")
    ps = [simple(x) for x in of_kind(text, "gate")]
    assert {"定稿", "提交会议"} <= {p["before_activity"] for p in ps}, ps
    assert all(p["approved_by"] == ["党委书记"] for p in ps), ps


def test_consent_first_approves_a_request() -> None:
    (p,) = of_kind("一、會議\n(一)经市委同意,局党组定于1月下旬召开民主生活会。", "gate")
    assert p["document"] == "請示" and p["approved_by"] == ["市委"]


# ---------------------------------------------------------------- reports

def test_handing_in_what_was_drafted_is_a_report_not_an_order() -> None:
    got = drafted("一、黨課\n(一)讲稿形成后,报镇党委宣传委员审阅。")
    assert [r["kind"] for r in got] == ["report"], got
    assert simple(dict(got[0]["params"]))["to"] == ["镇党委宣传委员"]


@pytest.mark.parametrize("text, document, to", [
    ("村黨組織要在三日內將決議內容在村務公開欄公布。", "决议内容", "村务公开栏"),
    ("集团将通过公司内网公布整改清单。", None, "公司内网"),
])
def test_posted_where_everyone_sees_it(text: str, document: str | None, to: str) -> None:
    ps = [simple(x) for x in of_kind("一、公開\n(一)" + text, "report")]
    assert any(p["to"] == [to] and (document is None or p["document"] == document) for p in ps), ps


@pytest.mark.parametrize("text, document, to", [
    ("各支部形成專題調研報告報送縣委組織部。", "专题调研报告", "县委组织部"),
    ("活動結束後,書面報告上級黨委。", "书面报告", "上级党委"),
    ("机关党委每年年底检查一次,检查结果在全体党员大会上通报。", "检查结果", "全体党员大会"),
    ("活动结束后,各支部在“党建云平台”上传活动照片和记录。", "记录", "党建云平台"),
    ("整改結果在集團內網公示。", None, "集团内网"),
    ("每次談話後,談話人應填寫《談心談話記錄表》,由被談話人簽字確認,交支部存檔。", "谈心谈话记录表", "党支部"),
])
def test_a_report_to_a_recipient_in_the_plans_words(text: str, document: str | None, to: str) -> None:
    ps = [simple(x) for x in of_kind("一、工作\n(一)" + text, "report")]
    assert any(p["to"] == [to] and (document is None or p["document"] == document) for p in ps), ps
    assert not any(x.startswith("告") for p in ps for x in p["to"])  # not 告上級黨委 cut from 報告


@pytest.mark.parametrize("text, document, to", [
    ("各支部要将学习情况及时报告镇党委。", "学习情况", "镇党委"),
    ("有关情况书面报告市委组织部。", "有关情况", "市委组织部"),
    ("自查报告经支部书记签字后报机关党委。", "自查报告", "机关党委"),
    ("检查情况形成通报,印发各支部。", "通报", "各支部"),
    ("活动开展情况要及时在党建网上发布。", "活动开展情况", "党建网"),
    ("评议结果要反馈给所在单位党组织。", "评议结果", "所在单位党组织"),
])
def test_what_is_sent_and_to_whom(text: str, document: str, to: str) -> None:
    ps = [simple(x) for x in of_kind("一、工作\n(一)" + text, "report")]
    assert any(p["to"] == [to] and p["document"] == document for p in ps), ps


def test_a_recurring_report_names_its_subject() -> None:
    (p,) = of_kind("一、工作\n(一)整改情况于每月底前书面报告县委督导组。", "recurring")
    assert (p["document"], p["every"]) == ("整改情况", "month")


def test_fed_back_to_someone_named() -> None:
    text = "一、征求意見\n(一)征求意见表于1月10日前收回,梳理后原汁原味反馈给班子成员本人。"
    ps = [simple(x) for x in of_kind(text, "report")]
    assert ps[0]["to"] == ["班子成员本人"]


def test_fed_back_to_each_member_is_not_a_report() -> None:
    text = "一、評議\n(一)支委會依據測評結果,對每名黨員提出評定意見,並反饋給本人。"
    assert not [r for r in drafted(text) if r["kind"] == "report"]


# ---------------------------------------------------------------- order beside a limit

@pytest.mark.parametrize("text", [
    "会后5个工作日内,将会议情况报县委组织部。",
    "民主生活會召開後15日內,向黨員通報會議情況。",
    "評議結束後十日內召開支委會。",
])
def test_a_limit_after_an_event_is_one_deadline_not_also_an_order(text: str) -> None:
    got = drafted("一、工作\n(一)" + text)
    deadlines = [r["params"] for r in got if r["kind"] == "deadline"]
    assert len(deadlines) == 1 and deadlines[0].get("limit"), got
    assert not [r for r in got if r["kind"] == "order"], got


@pytest.mark.parametrize("text, lead", [
    ("動員大會結束後一週內,各支部報送學習計劃。", "會後一週內"),
    ("集中学习结束后,各支部要在一周内召开支委会。", "会后一周内"),
])
def test_an_order_carries_the_limit_beside_it(text: str, lead: str) -> None:
    orders = of_kind("一、工作\n(一)" + text, "order")
    assert len(orders) == 1 and orders[0]["lead"] == lead, orders


def test_an_order_and_a_calendar_date_are_two_rules_not_duplicates() -> None:
    got = drafted("一、工作\n(一)征求意见结束后,于6月底前召开专题民主生活会。")
    kinds = sorted(r["kind"] for r in got)
    assert kinds == ["deadline", "order"], got  # a date and an event before it: one clock each
    order = next(r["params"] for r in got if r["kind"] == "order")
    assert order["relation"] == "after" and "lead" not in order


# ---------------------------------------------------------------- whole documents

@pytest.mark.parametrize("name", ["e17", "e18", "e19", "e20", "e21"])
def test_the_new_passages_draft_load_explain_and_check(name: str, tmp_path: Path) -> None:
    plan = draft_explain_check(EXTRA / f"{name}.txt", 2024, tmp_path)
    kinds = {q.kind for q in plan.requirements}
    assert "gate" in kinds, kinds


_WORDS = st.sampled_from([
    "未经", "未經", "批准", "审核", "同意", "审定", "审批", "后", "後", "方可", "不得", "一律", "擅自", "待", "经", "报",
    "党委", "黨委", "支部委员会", "农经站", "召开", "实施", "印发", "学习计划", "方案", "会前", "会后", "10天", "内",
    "反馈给", "本人", "交", "存档", "在", "平台", "上传", "公示", "内网", "大会上", "通报", "书面", "报告", "上级党委",
    "结束后", "一周", "5个工作日", "各支部", "要", "的", ",", "。", ";", "、", "\n", "(一)", "一、",
])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_WORDS, max_size=30).map("".join))
@example("")
@example("未经党委批准,不得")
@example("未经的,不得方案")
@example("交存档")
@example("反馈给,")
@example("在平台上传")
def test_gate_and_report_words_in_any_order_draft_plans_that_load(text: str) -> None:
    try:
        drafts = draft_text(text, year=2024)
    except masswork.InputError:
        return  # no text, or no plan in it: a clear error, never a traceback
    for d in drafts:
        masswork.load_plan(tomllib.loads(d.to_toml()))
