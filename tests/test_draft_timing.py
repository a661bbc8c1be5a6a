"""The timing, order and reporting side of ``masswork draft``: each phrase class the family
recognisers read (deadlines, lengths, lead times, gates, orders, reports, notices, the
campaign's window), with sentences written for these tests, through the public API and the
CLI; and every drafted plan loads, explains and checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import masswork
from masswork.draft import draft_text
from masswork.hanzi import to_simplified as simp
from masswork.periods import parse_duration

from draft_roundtrip import draft_explain_check

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def drafted(text: str, year: int = 2020) -> list[dict[str, Any]]:
    return [r.to_dict() for d in draft_text(text, year=year) for r in d.requirements]


def one(text: str, kind: str, year: int = 2020) -> dict[str, Any]:
    """The params of the one requirement of ``kind`` drafted from ``text``."""
    got = [r for r in drafted(text, year) if r["kind"] == kind]
    assert got, (kind, [(r["kind"], r["params"]) for r in drafted(text, year)])
    return dict(got[0]["params"])


# ---------------------------------------------------------------- lengths


@pytest.mark.parametrize("text, activity, length", [
    ("读书班每周举办一次,每次研讨时间不少于半天。", "读书班", "不少于半天"),
    ("读书会每次不得少于90分钟。", "读书会", "不少于90分钟"),
    ("各支部每月召开一次党小组会,每次发言控制在10分钟以内。", None, "10分钟以内"),
    ("每次培训一般为2小时。", None, "2小时"),
])
def test_each_session_has_a_length(text: str, activity: str | None, length: str) -> None:
    p = one(text, "duration")
    assert parse_duration(p["length"]) == parse_duration(length)
    assert "activity" in p
    if activity is not None:
        assert simp(p["activity"]) == activity


def test_minutes_are_a_unit_of_length() -> None:
    d = parse_duration("不超過20分鐘")
    assert (d.unit, d.amount, d.bound) == ("minute", 20, "at_most")
    assert parse_duration("15分钟以内").describe_en() == "within 15 minutes"


def test_a_session_longer_than_its_minutes_is_unmet() -> None:
    plan = masswork.load_plan({
        "id": "p", "title": "t", "year": 2020,
        "activities": [{"id": "交流會", "name": "交流會"}],
        "requirements": [{"id": "r", "clause": "S1", "quote": "每次交流控制在15分鐘以內",
                          "kind": "duration", "activity": "交流會", "length": "15分鐘以內"}]})
    def outcome(end: str) -> str:
        sched = masswork.load_schedule({"plan": "p", "events": [
            {"id": "e1", "type": "交流會", "start": "2020-03-02T09:00:00", "end": end, "status": "held"}]})
        return masswork.check(plan, sched).findings[0].status
    assert outcome("2020-03-02T09:12:00") == "met"
    assert outcome("2020-03-02T09:40:00") != "met"


def test_a_publicity_period_is_a_documents_length() -> None:
    p = one("评议结束后,党支部要把评议结果公示一周。", "duration")
    assert p == {"document": "评议结果", "length": "一周"}
    p = one("拟表彰名单公示期不少于5个工作日。", "duration")
    assert parse_duration(p["length"]) == parse_duration("不少於5個工作日")


def test_a_length_after_before_is_a_lead_not_a_duration() -> None:
    kinds = {r["kind"] for r in drafted("每次党课前3天左右,要把课题告知参加人员。")}
    assert "duration" not in kinds
    assert "notice" in kinds


def test_one_and_a_half_years_is_read_whole() -> None:
    assert parse_duration(one("整个活动用时一年半左右。", "duration")["length"]) == parse_duration("1年半左右")


# ---------------------------------------------------------------- not requirements


def test_exhortation_drafts_nothing() -> None:
    text = ("开展主题活动,要以新发展理念为指导,紧扣服务群众这一主线,聚焦突出问题,"
            "树牢宗旨意识,推动各项工作落到实处。")
    assert drafted(text) == []


def test_exhortation_with_a_count_is_still_read() -> None:
    text = "要以新发展理念为指导,紧扣主线,聚焦问题,每季度召开一次专题研讨会。"
    assert "recurring" in {r["kind"] for r in drafted(text)}


def test_a_news_reports_opening_is_no_requirement() -> None:
    text = ("6月3日,区委组织部召开专题会议,对年度组织生活会工作进行部署。"
            "会议要求,各支部要在7月底前召开组织生活会。")
    got = drafted(text)
    assert all(not r["clause"].endswith(".1") for r in got), got
    assert any(r["kind"] == "deadline" for r in got)


def test_who_else_may_follow_the_rules_is_no_requirement() -> None:
    assert drafted("街道党工委召开组织生活会时,可参照执行。") == []


def test_days_added_up_over_a_year_are_no_length() -> None:
    assert "duration" not in {r["kind"] for r in drafted("全年集中学习累计不少于10天。")}


# ---------------------------------------------------------------- dates


def test_timetable_lines_name_what_the_date_is_for() -> None:
    text = "日程安排\n1.4月2日—4月20日:专题辅导\n2.5月:交流研讨\n"
    got = {(simp(r["params"].get("activity", "")), r["params"]["within"])
           for r in drafted(text) if r["kind"] == "deadline"}
    assert got == {("专题辅导", "4月2日至4月20日"), ("交流研讨", "5月")}


@pytest.mark.parametrize("text, within", [
    ("各支部在“七一”前后召开专题组织生活会。", "七一前后"),
    ("各单位要在国庆节前召开座谈会。", "国庆节前"),
    ("即日起至5月15日,集中开展调查研究。", "5月15日前"),
])
def test_festivals_and_from_today(text: str, within: str) -> None:
    assert one(text, "deadline")["within"] == within


def test_a_date_to_hand_something_in_is_its_submission_deadline() -> None:
    p = one("各党小组要于6月10日前将整改台账报送支部委员会。", "deadline")
    assert (p["action"], simp(p["document"]), p["within"]) == ("submitted", "整改台账", "6月10日前")


def test_please_hand_in_by_a_date() -> None:
    p = one("读书体会请于9月10日前交党建工作办公室。", "deadline")
    assert (p["action"], simp(p["document"]), simp(p["party"])) == ("submitted", "读书体会", "党建工作办公室")


def test_a_label_heading_is_no_activity() -> None:
    text = "关于召开党员大会的通知\n一、时间\n定于3月8日下午。\n"
    p = one(text, "deadline", 2022)
    assert simp(p["activity"]) == "党员大会"


def test_ordered_steps_keep_their_own_words() -> None:
    text = "工作分三步依次推进:个人自查;集中评议;组织表彰和处理。"
    acts = [simp(r["params"]["activity"]) for r in drafted(text) if r["kind"] == "order"]
    assert acts == ["集中评议", "组织表彰和处理"]


def test_a_month_naming_which_months_dues_is_no_deadline() -> None:
    assert "deadline" not in {r["kind"] for r in drafted("各党小组集中交纳6月份党费。")}
    assert one("各党小组6月份完成党费收缴。", "deadline")["within"] == "6月份"


def test_the_phase_before_a_bare_window_is_its_subject() -> None:
    p = one("巩固提高阶段。7月1日至7月31日。", "deadline")
    assert simp(p["activity"]) == "巩固提高" and p["within"] == "7月1日至7月31日"


def test_by_the_middle_of_a_month() -> None:
    assert one("述职评议于1月中旬前完成。", "deadline")["within"] == "1月20日前"
    assert one("述职评议于3月上旬前完成。", "deadline")["within"] == "3月10日前"


def test_a_phase_with_its_window_in_brackets_is_its_length() -> None:
    p = one("第二阶段:查摆剖析(5月至6月)", "duration")
    assert parse_duration(p["length"]).unit == "day"


# ---------------------------------------------------------------- gates


@pytest.mark.parametrize("text, document, by, before", [
    ("全体学员不得缺席集中学习;确需请假的,须经班主任批准。", "请假", "班主任", "集中学习"),
    ("座谈会每半年召开一次。如需调整时间的,须报机关党委同意。", "调整时间", "機關黨委", "座談會"),
    ("整改方案须经支部书记认真审查。", "整改方案", "支部書記", None),
    ("学习计划经领导小组审定后印发。", "學習計劃", None, "印发"),
])
def test_gates(text: str, document: str | None, by: str | None, before: str | None) -> None:
    p = one(text, "gate")
    if document is not None:
        assert simp(p["document"]) == simp(document)
    if by is not None:
        assert simp(by) in [simp(b) for b in p["approved_by"]]
    assert p["before_activity"]
    if before is not None:
        assert simp(p["before_activity"]) == simp(before)


def test_a_gate_naming_nothing_that_waits_waits_for_the_meeting_the_plan_is_about() -> None:
    text = "关于开好年度民主生活会的通知\n班子成员的发言提纲,县委督导组要从严审阅。确需请假的,须经组长同意。"
    gates = [r["params"] for r in drafted(text) if r["kind"] == "gate"]
    assert len(gates) == 2
    assert {simp(g["before_activity"]) for g in gates} == {"专题民主生活会"}


def test_then_it_may_be_held_waits_for_the_meeting_named_before() -> None:
    p = one("召开组织生活会前,发言提纲要报党总支审阅,经同意后方可召开。", "gate")
    assert simp(p["before_activity"]) == "组织生活会"


def test_passed_after_discussion_is_a_gate() -> None:
    p = one("整改方案经支委会讨论通过后,报机关党委备案。", "gate")
    assert simp(p["document"]) == "整改方案"


def test_a_date_agreed_with_a_body_is_a_gate() -> None:
    p = one("各党小组会议在6月召开;具体时间由各党小组同机关党委协商确定。", "gate")
    assert [simp(b) for b in p["approved_by"]] == ["机关党委"]


# ---------------------------------------------------------------- order


def test_first_then() -> None:
    p = one("各党小组先组织学习讨论,再召开组织生活会。", "order")
    assert p["relation"] == "after"
    assert simp(p["activity"]) == "组织生活会"


def test_same_day() -> None:
    p = one("党员测评放在党员大会上一并进行。", "order")
    assert p["relation"] == "same_day"
    p = one("材料审核通过后,各支部召开党员大会,并同时进行民主评议。", "order")
    assert (p["relation"], simp(p["activity"]), simp(p["anchor_activity"])) == ("same_day", "民主评议", "党员大会")


def test_after_the_meeting_within_a_time() -> None:
    # one requirement carries the order and the limit: the deadline counted from the event
    # (an "after" order from the same words would say the first half again)
    p = one("會後三天內,要將會議紀要報送黨總支。", "deadline")
    assert (p["after_activity"], p["limit"], p["document"]) == ("會議", "三天內", "會議紀要")
    p = one("测评结束后五日内,支部要把测评结果报党委。", "deadline")
    assert (p["after_activity"], p["limit"]) == ("测评", "五日内")
    for text in ("會後三天內,要將會議紀要報送黨總支。", "测评结束后五日内,支部要把测评结果报党委。"):
        assert [r for r in drafted(text) if r["kind"] == "order"] == []


def test_traditional_plans_keep_their_script_in_lengths() -> None:
    assert one("每次研討時間不少於90分鐘。", "duration")["length"] == "不少於90分鐘"
    p = one("評議結果要在支部範圍內公示,公示期不少於5個工作日。", "duration")
    assert (p["document"], p["length"]) == ("評議結果", "不少於5個工作日")


def test_a_span_between_two_events_orders_them() -> None:
    p = one("第二阶段从读书班开班开始,到年终总结会为止。", "order")
    assert p["relation"] == "after"
    assert simp(p["anchor_activity"]) == "读书班" and simp(p["activity"]) != "读书班"


def test_a_list_in_order_drafts_one_order_per_step() -> None:
    text = "整个工作分三个步骤依次进行:个人自学;集中研讨;总结提高。"
    orders = [r for r in drafted(text) if r["kind"] == "order"]
    assert len(orders) == 2
    assert all(r["quote"] == text for r in orders)


def test_an_order_anchored_earlier_quotes_the_whole_sentence() -> None:
    text = "会上,先由党小组长汇报工作情况,接受党员评议;随后按等次进行民主测评。"
    orders = [r for r in drafted(text) if r["kind"] == "order"]
    assert any(r["quote"] == text for r in orders), orders


def test_a_heading_before_the_meeting_orders_its_statements() -> None:
    text = "一、做好会前准备\n(一)支部书记要广泛开展谈心谈话,了解党员思想状况。\n"
    p = one(text, "order")
    assert p["relation"] == "before"


def test_before_what_was_just_said() -> None:
    p = one("各党小组在6月召开组织生活会。在此之前,要组织党员开展谈心谈话。", "order")
    assert (p["relation"], simp(p["anchor_activity"]), simp(p["activity"])) == ("before", "组织生活会", "谈心谈话")


def test_on_the_basis_of_is_not_an_order() -> None:
    kinds = {r["kind"] for r in drafted("在深入自学的基础上,组织党员开展专题研讨。")}
    assert "order" not in kinds


def test_a_lead_names_what_is_done_ahead() -> None:
    p = one("各党小组要提前五天向支部委员会报告党小组会的议题。", "order")
    assert p["lead"] == "提前五天"
    assert p["relation"] == "before"
    assert p["document"] == "党小组会的议题"


def test_after_something_ends_then() -> None:
    p = one("待个人自学结束后,再召开班子务虚会。", "order")
    assert p["relation"] == "after" and simp(p["anchor_activity"]) == "个人自学"
    p = one("问题清单形成后,要在三天内向本支部党员通报。", "order")
    assert p["relation"] == "after" and simp(p["activity"]) == "向本支部党员通报"


def test_a_window_then_its_phase_is_the_phases_length() -> None:
    p = one("3月上旬至4月下旬,学习提高阶段。", "duration")
    assert parse_duration(p["length"]).unit == "day"


def test_each_session_at_least_hours_is_a_length_not_hours_to_add_up() -> None:
    got = drafted("每次集中学习时间不少于3小时。")
    assert {r["kind"] for r in got} >= {"duration"} and "quantity" not in {r["kind"] for r in got}


def test_approved_after_report_names_the_body() -> None:
    p = one("工作方案报经党工委同意后实施。", "gate")
    assert [simp(b) for b in p["approved_by"]] in (["党工委"], ["党组"])


# ---------------------------------------------------------------- reports and notices


def test_a_bare_report_to_a_body() -> None:
    p = one("形成书面调研报告,报区委组织部。", "report")
    assert simp(p["document"]).endswith("调研报告") and p["to"]


def test_n_days_before_then_notified() -> None:
    p = one("要在党员大会召开5天前将会议议程通知全体党员。", "notice")
    assert p["lead"] == "提前5天"


def test_the_report_goes_to_the_body_after_bare_report() -> None:
    p = one("调研报告经支委会研究通过后,报街道党工委。", "report")
    assert [simp(t) for t in p["to"]] == ["街道党工委"]


def test_the_notice_comes_first_then_its_lead() -> None:
    p = one("会议通知提前5天下发到各党小组。", "notice")
    assert p["lead"] == "提前5天"


def test_a_notice_boards_name_is_its_channel() -> None:
    p = one("要通过党务公开栏公布活动安排。", "notice")
    assert [simp(c) for c in p["channels"]] == ["党务公开栏"]


def test_at_most_half_a_day_is_a_length_not_a_share() -> None:
    got = drafted("每次会议时间一般不超过半天。")
    assert {r["kind"] for r in got} == {"duration"}


def test_sent_before_the_meeting_is_a_notice_with_its_lead() -> None:
    p = one("会前2天将会议通知送达每名委员。", "notice")
    assert p["lead"] == "提前2天"


def test_a_report_of_the_meeting_is_not_a_lecture() -> None:
    p = one("会议结束后,要向县委组织部报告会议召开情况。", "report")
    assert p["to"]


def test_at_the_same_time_reported_is_a_second_statement() -> None:
    text = "结果确定后十日内,支部要把评议结果公示一周,同时将评议登记表一并报送县委组织部。"
    got = drafted(text)
    kinds = {r["kind"] for r in got}
    assert {"report", "duration"} <= kinds
    report = next(r for r in got if r["kind"] == "report")
    assert report["quote"].startswith("同时")


def test_told_in_advance_is_a_notice() -> None:
    p = one("组织生活会召开前,支部委员要事先把会议议程告知全体党员。", "notice")
    assert simp(p["activity"]) == "组织生活会"


@pytest.mark.parametrize("text, every, due_day", [
    ("各党小组每月10日前报送上月学习情况。", "month", 10),
    ("各支部每季度向机关党委报送一次工作总结。", "quarter", None),
    ("各党总支每半年向党委书面报告一次组织生活情况。", "half-year", None),
])
def test_recurring_reports(text: str, every: str, due_day: int | None) -> None:
    p = one(text, "recurring")
    assert p["every"] == every and p["action"] == "submitted"
    assert p.get("due_day") == due_day


# ---------------------------------------------------------------- the campaign


def test_the_campaign_window_is_the_plans_start_and_end() -> None:
    d = draft_text("本次专题学习从4月开始,9月底前基本结束。", year=2021)[0]
    camp = [r for r in d.requirements if r.kind == "campaign"]
    assert camp and camp[0].entry["starts"] == "4月" and camp[0].entry["ends"] == "9月底前"
    assert (d.plan["start"], d.plan["end"]) == ("4月", "9月底前")


def test_a_phase_span_is_not_the_campaign() -> None:
    kinds = {r["kind"] for r in drafted("本阶段从4月8日开始,到5月30日结束。")}
    assert "campaign" not in kinds and "duration" in kinds


@pytest.mark.parametrize("text, phase, start, end", [
    ("10月上旬至11月中旬,查摆剖析阶段。", "查摆剖析", "10月上旬", "11月中旬"),
    ("(二)集中学习阶段(4月6日至5月15日)。", "集中学习", "4月6日", "5月15日"),
    ("第三阶段:总结提高(6月至7月)", "总结提高", "6月", "7月"),
    ("巩固提高阶段自8月中旬起,到9月下旬止。", "巩固提高", "8月中旬", "9月下旬"),
])
def test_a_phase_dated_in_the_text_is_a_plan_phase_with_its_window(
        text: str, phase: str, start: str, end: str) -> None:
    d = draft_text(text, year=2022)[0]
    got = [(simp(ph["name"]), ph.get("start"), ph.get("end")) for ph in d.plan.get("phases", [])]
    assert (phase, start, end) in got
    plan = masswork.load_plan(tomllib.loads(d.to_toml()))
    assert any(ph.start == start for ph in plan.phases)


# ---------------------------------------------------------------- every draft loads and checks

DOCUMENT = """关于开展年度组织生活会的安排

一、时间安排
本次组织生活会从11月开始,12月底前基本结束。各支部要提前7天把会议议题通知全体党员。

二、会前准备
(一)支部书记要广泛开展谈心谈话。
(二)全体党员不得缺席会议;确需请假的,须经支部书记同意。

三、会议程序
会议分三个步骤依次进行:书记报告;个人发言;民主测评。每次发言控制在10分钟以内。

四、会后工作
会后,支部要把测评结果公示3天,同时将会议情况报送机关党委。各支部每月5日前报送上月整改情况。

五、整改落实阶段(12月1日至12月31日)
各支部要在“元旦”前完成整改。
"""


def test_a_document_of_every_class_drafts_loads_explains_and_checks(tmp_path: Path) -> None:
    kinds = {r["kind"] for r in drafted(DOCUMENT, 2021)}
    assert {"campaign", "notice", "gate", "order", "duration", "report", "recurring"} <= kinds, kinds
    src = tmp_path / "plan.txt"
    src.write_text(DOCUMENT, encoding="utf-8")
    draft_explain_check(src, 2021, tmp_path)


_WORDS = st.sampled_from([
    "每次", "不少于", "不得少于", "控制在", "以内", "分钟", "半天", "小时", "公示", "一周", "确需", "请假", "的,",
    "须经", "须报", "同意", "审查", "协商确定", "同", "先", "再", "依次", "分三个阶段", ":", ";", "、",
    "放在", "上一并进行", "从", "开始", "到", "为止", "基本结束", "3月", "8月底前", "5日前", "每月", "每季度",
    "报送", "上月", "情况", "同时", "将", "提前", "7天", "事先", "告知", "会前", "会后", "随后", "召开",
    "组织生活会", "支部", "党委", "活动", "阶段", "。", ",", "\n", "二、", "(一)", "准备", "左右", "前",
])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_WORDS, max_size=30).map("".join), st.one_of(st.none(), st.integers(2000, 2030)))
@example("从3月开始8月基本结束活动", 2020)
@example("每次不少于0分钟", 2020)
@example("公示0天", None)
@example("每月0日前报送上月情况", 2020)
@example("分三个阶段:;;", 2020)
def test_timing_words_in_any_order_draft_plans_that_load(text: str, year: int | None) -> None:
    try:
        drafts = draft_text(text, year=year)
    except masswork.InputError:
        return
    for d in drafts:
        plan = masswork.load_plan(tomllib.loads(d.to_toml()))
        again = masswork.load_plan(json.loads(json.dumps(dict(d.plan), ensure_ascii=False)))
        assert plan.id == again.id and len(plan.requirements) == len(again.requirements)
