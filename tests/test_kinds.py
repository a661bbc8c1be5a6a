"""Each requirement kind, through the public API: met, unmet with the shortfall in detail,
and judged on a day (open before the due date, overdue after, unmet when it can no longer
be mended)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import masswork
from masswork import Approval, Attestation, Document, Event, EventStatus, Notice, Period, Requirement, Status, Submission, Waiver
from masswork.kinds import (
    Attest,
    Coverage,
    Deadline,
    DurationRule,
    Gate,
    NoticeRule,
    Occurs,
    Order,
    PairRule,
    Pairwise,
    PerPerson,
    Quantity,
    Recurring,
    ReportRule,
)
from masswork.testing import sample_plan

D = dt.date
T = dt.datetime
HELD, PLANNED, CANCELLED = EventStatus.HELD, EventStatus.PLANNED, EventStatus.CANCELLED


def run(req_kind: str, params: object, events: tuple[Event, ...] = (), docs: tuple[Document, ...] = (),
        as_of: dt.date | None = None, **sched: object) -> masswork.Finding:
    plan = attrs.evolve(sample_plan(), requirements=(Requirement("r", "C.1", req_kind, params, quote="原文"),))
    schedule = masswork.Schedule("sample", events=events, documents=docs, **sched)  # type: ignore[arg-type]
    return masswork.check(plan, schedule, as_of).finding("r")


def ev(id: str, type: str, start: dt.date, **kw: object) -> Event:
    return Event(id, type, start, **kw)  # type: ignore[arg-type]


# -- occurs


def test_occurs_counts_events_in_window_and_by_host() -> None:
    p = Occurs(activity="中心組學習會", min=2, within="3月份", host="主要負責人")
    events = (ev("a", "中心組學習會", D(2014, 3, 3), host="li-fei"),
              ev("b", "中心組學習會", D(2014, 4, 3), host="li-fei"),
              ev("c", "中心組學習會", D(2014, 3, 20), host="sun-ping"))
    f = run("occurs", p, events)
    assert f.status is Status.UNMET and f.evidence == ("a",)
    assert f.shortfall[0].need == 2 and f.shortfall[0].have == 1
    f = run("occurs", p, events + (ev("d", "中心組學習會", D(2014, 3, 25), host="li-fei"),))
    assert f.status is Status.MET and f.evidence == ("a", "d")


def test_occurs_as_of_open_then_overdue_and_planned_not_counted() -> None:
    p = Occurs(activity="中心組學習會", min=1, within="3月份")
    events = (ev("a", "中心組學習會", D(2014, 3, 25), status=PLANNED),)
    assert run("occurs", p, events).status is Status.MET  # as a whole, the plan is carried out
    f = run("occurs", p, events, as_of=D(2014, 3, 10))
    assert f.status is Status.OPEN and "2014-03-25" in f.message_en
    assert run("occurs", p, events, as_of=D(2014, 4, 2)).status is Status.OVERDUE


def test_occurs_ignores_cancelled_and_handles_documents() -> None:
    p = Occurs(activity="中心組學習會")
    assert run("occurs", p, (ev("a", "中心組學習會", D(2014, 3, 3), status=CANCELLED),)).status is Status.UNMET
    p2 = Occurs(document="學習計劃", action="approved", party="黨組")
    doc = Document("d", "學習計劃", approved=(Approval("黨組", D(2014, 2, 20)),))
    assert run("occurs", p2, docs=(doc,)).status is Status.MET
    assert run("occurs", p2, docs=(doc,), as_of=D(2014, 2, 19)).status is Status.OPEN


def test_occurs_max_is_a_final_violation() -> None:
    p = Occurs(activity="動員大會", min=1, max=1)
    events = (ev("a", "動員大會", D(2014, 2, 26)), ev("b", "動員大會", D(2014, 3, 26)))
    assert run("occurs", p, events, as_of=D(2014, 4, 1)).status is Status.UNMET


# -- per-person


def test_per_person_quota_with_larger_quota_for_leader() -> None:
    p = PerPerson(role="班子成員", activity="座談會", min=1, min_for={"主要負責人": 2})
    events = (ev("a", "座談會", D(2014, 3, 3), host="li-fei"), ev("b", "座談會", D(2014, 3, 4), host="sun-ping"))
    f = run("per-person", p, events)
    assert f.status is Status.UNMET
    short = {s.subject: (s.need, s.have) for s in f.shortfall}
    assert short == {"li-fei": (2, 1), "zhou-lan": (1, 0)}
    assert "李飛" in f.message_zh and "周蘭" in f.message_zh
    more = events + (ev("c", "座談會", D(2014, 3, 5), host="li-fei"), ev("d", "座談會", D(2014, 3, 6), host="zhou-lan"))
    assert run("per-person", p, more).status is Status.MET


def test_per_person_documents_by_owner() -> None:
    p = PerPerson(role="班子成員", document="學習計劃", action="submitted", party="督導組", counts="owner")
    docs = tuple(Document(f"d{i}", "學習計劃", owner=o, submitted=(Submission("督導組", D(2014, 3, 1)),))
                 for i, o in enumerate(("li-fei", "sun-ping")))
    f = run("per-person", p, docs=docs)
    assert [s.subject for s in f.shortfall] == ["zhou-lan"]


# -- pairwise


def test_pairwise_rules_and_missing_pairs() -> None:
    p = Pairwise(activity="談心談話", pairs=(PairRule("cross", a="主要負責人", b="班子成員"), PairRule("among", a="班子成員"),
                                            PairRule("oversees"), PairRule("head-deputy")))
    events = (ev("t1", "談心談話", D(2014, 3, 5), participants=("li-fei", "sun-ping")),
              ev("t2", "談心談話", D(2014, 3, 6), host="li-fei", participants=("zhou-lan",)),
              ev("t3", "談心談話", D(2014, 3, 7), participants=("li-fei", "wang-min")))
    f = run("pairwise", p, events)
    missing = {s.subject for s in f.shortfall}
    assert missing == {"sun-ping×zhou-lan", "wang-min×zhao-lei"}
    assert f.status is Status.UNMET
    full = events + (ev("t4", "談心談話", D(2014, 3, 8), participants=("zhou-lan", "sun-ping")),
                     ev("t5", "談心談話", D(2014, 3, 9), participants=("wang-min", "zhao-lei")))
    f = run("pairwise", p, full)
    assert f.status is Status.MET and set(f.evidence) == {"t1", "t2", "t3", "t4", "t5"}


# -- deadline


def test_deadline_window_early_late_and_missing() -> None:
    p = Deadline(within="3月中旬", activity="動員大會")
    assert run("deadline", p, (ev("m", "動員大會", D(2014, 3, 15)),)).status is Status.MET
    late = run("deadline", p, (ev("m", "動員大會", D(2014, 3, 25)),), as_of=D(2014, 3, 26))
    assert late.status is Status.UNMET and "too late" in late.message_en
    early = run("deadline", p, (ev("m", "動員大會", D(2014, 3, 5)),), as_of=D(2014, 3, 6))
    assert early.status is Status.UNMET and "too early" in early.message_en
    assert run("deadline", p, as_of=D(2014, 3, 12)).status is Status.OPEN
    assert run("deadline", p, as_of=D(2014, 3, 21)).status is Status.OVERDUE
    assert run("deadline", p, as_of=D(2014, 3, 21)).due == D(2014, 3, 20)


def test_deadline_for_document_submission() -> None:
    p = Deadline(within="2月25日前", document="學習計劃", action="submitted", party="督導組")
    on_time = Document("d", "學習計劃", submitted=(Submission("督導組", D(2014, 2, 25)),))
    assert run("deadline", p, docs=(on_time,)).status is Status.MET
    late = Document("d", "學習計劃", submitted=(Submission("督導組", D(2014, 2, 27)),))
    assert run("deadline", p, docs=(late,)).status is Status.UNMET
    assert run("deadline", p, docs=(late,), as_of=D(2014, 2, 26)).status is Status.OVERDUE


# -- order


def test_order_after_same_day_and_lead() -> None:
    after = Order(activity="談心談話", anchor_activity="動員大會")
    mob = ev("m", "動員大會", T(2014, 2, 24, 9))
    assert run("order", after, (mob, ev("t", "談心談話", T(2014, 2, 24, 14)))).status is Status.MET
    f = run("order", after, (mob, ev("t", "談心談話", D(2014, 2, 20))))
    assert f.status is Status.UNMET and f.shortfall[0].subject == "t"
    same = Order(activity="座談會", anchor_activity="動員大會", relation="same_day")
    assert run("order", same, (mob, ev("f", "座談會", T(2014, 2, 24, 15)))).status is Status.MET
    assert run("order", same, (mob, ev("f", "座談會", D(2014, 2, 25)))).status is Status.UNMET
    lead = Order(activity="座談會", anchor_activity="動員大會", relation="before", lead="會前7天")
    assert run("order", lead, (mob, ev("f", "座談會", D(2014, 2, 17)))).status is Status.MET
    assert run("order", lead, (mob, ev("f", "座談會", D(2014, 2, 20)))).status is Status.UNMET


def test_order_waits_for_anchor() -> None:
    after = Order(activity="談心談話", anchor_activity="動員大會")
    f = run("order", after, (ev("m", "動員大會", D(2014, 3, 15), status=PLANNED),), as_of=D(2014, 3, 1))
    assert f.status is Status.OPEN


# -- gate


def test_gate_before_activity() -> None:
    p = Gate(document="學習計劃", approved_by=("督導組",), before_activity="動員大會")
    mob = ev("m", "動員大會", D(2014, 2, 24))
    ok = Document("d", "學習計劃", approved=(Approval("督導組", D(2014, 2, 20)),))
    assert run("gate", p, (mob,), (ok,)).status is Status.MET
    late = Document("d", "學習計劃", approved=(Approval("督導組", D(2014, 2, 26)),))
    f = run("gate", p, (mob,), (late,), as_of=D(2014, 3, 1))
    assert f.status is Status.UNMET and "after" in f.message_en
    f = run("gate", p, (ev("m", "動員大會", D(2014, 2, 24), status=PLANNED),), as_of=D(2014, 2, 10))
    assert f.status is Status.OPEN and f.due == D(2014, 2, 24)


def test_gate_before_next_phase() -> None:
    p = Gate(document="工作小結", approved_by=("黨組", "督導組"), before_phase="查擺問題")
    first_p2 = ev("x", "座談會", D(2014, 6, 3), phase="查擺問題")
    both = Document("s", "工作小結", approved=(Approval("黨組", D(2014, 5, 20)), Approval("督導組", D(2014, 5, 28))))
    assert run("gate", p, (first_p2,), (both,)).status is Status.MET
    one = Document("s", "工作小結", approved=(Approval("黨組", D(2014, 5, 20)),))
    f = run("gate", p, (first_p2,), (one,))
    assert f.status is Status.UNMET and [s.subject for s in f.shortfall] == ["督導組"]


# -- report


def test_report_to_each_body_and_per_owner() -> None:
    p = ReportRule(document="學習計劃", to=("督導組", "黨組"), within="3月底前")
    d = Document("d", "學習計劃", submitted=(Submission("督導組", D(2014, 3, 1)), Submission("黨組", D(2014, 4, 2))))
    f = run("report", p, docs=(d,))
    assert f.status is Status.UNMET and [s.subject for s in f.shortfall] == ["黨組"]
    per = ReportRule(document="學習計劃", to=("督導組",), per="班子成員")
    docs = tuple(Document(f"d{o}", "學習計劃", owner=o, submitted=(Submission("督導組", D(2014, 3, 1)),))
                 for o in ("li-fei", "sun-ping", "zhou-lan"))
    assert run("report", per, docs=docs).status is Status.MET
    assert {s.subject for s in run("report", per, docs=docs[:2]).shortfall} == {"zhou-lan→督導組"}


# -- duration


@pytest.mark.parametrize("end, length, status", [
    (D(2014, 9, 20), "8個月左右", Status.MET),
    (D(2014, 6, 30), "8個月左右", Status.UNMET),
    (D(2014, 5, 31), "不少於3個月", Status.MET),
    (D(2014, 5, 20), "不少於3個月", Status.UNMET),
])
def test_duration_bounds(end: dt.date, length: str, status: Status) -> None:
    p = DurationRule(length=length, period="campaign")
    assert run("duration", p, periods=(Period("campaign", D(2014, 1, 20) if "8" in length else D(2014, 3, 1), end),)).status is status


def test_duration_between_activities() -> None:
    p = DurationRule(length="不少於3個月", start_activity="動員大會", end_activity="座談會")
    events = (ev("m", "動員大會", D(2014, 2, 24)), ev("f", "座談會", D(2014, 6, 3)))
    assert run("duration", p, events).status is Status.MET


# -- coverage


def test_coverage_of_topics_and_attendees() -> None:
    p = Coverage(items=("為了誰", "群眾觀察員"), field="topics", activity="專題討論")
    f = run("coverage", p, (ev("d", "專題討論", D(2014, 4, 2), topics=("為了誰",)),))
    assert [s.subject for s in f.shortfall] == ["群眾觀察員"]
    att = Coverage(items=("督導組", "群眾觀察員"), items_from="班子成員", field="attendees", activity="動員大會")
    mob = ev("m", "動員大會", D(2014, 2, 24), attendees=("督導組", "群眾觀察員", "班子成員"))
    assert run("coverage", att, (mob,)).status is Status.MET
    mob2 = ev("m", "動員大會", D(2014, 2, 24), attendees=("督導組", "li-fei", "sun-ping"))
    f = run("coverage", att, (mob2,))
    assert {s.subject for s in f.shortfall} == {"群眾觀察員", "zhou-lan"}


def test_coverage_each_section_and_each_document() -> None:
    p = Coverage(all_sections=True, field="sections", activity="座談會")
    assert run("coverage", p, (ev("x", "座談會", D(2014, 4, 22), sections=("辦公室",)),)).status is Status.MET
    docs = Coverage(items=("為了誰", "群眾觀察員"), field="covers", document="學習計劃", each_document=True)
    d1 = Document("d1", "學習計劃", drafted_on=D(2014, 3, 1), covers=("為了誰", "群眾觀察員"))
    d2 = Document("d2", "學習計劃", drafted_on=D(2014, 3, 1), covers=("為了誰",))
    f = run("coverage", docs, docs=(d1, d2))
    assert f.status is Status.UNMET and [s.subject for s in f.shortfall] == ["d2"]


# -- notice


def test_notice_lead_and_channels() -> None:
    p = NoticeRule(activity="動員大會", channels=("門戶網站", "公告欄"), lead="提前半天")
    good = ev("m", "動員大會", T(2014, 2, 24, 14), notices=(Notice("門戶網站", T(2014, 2, 24, 1)), Notice("公告欄", D(2014, 2, 20))))
    assert run("notice", p, (good,)).status is Status.MET
    bad = ev("m", "動員大會", T(2014, 2, 24, 14), notices=(Notice("門戶網站", T(2014, 2, 24, 12)),))
    f = run("notice", p, (bad,))
    assert f.status is Status.UNMET and {s.subject for s in f.shortfall} == {"m:門戶網站", "m:公告欄"}


# -- attest, recurring, quantity, waivers


def test_attest_by_role_holder() -> None:
    p = Attest(statement="原汁原味", by="主要負責人")
    assert run("attest", p, attestations=(Attestation("r", "li-fei", D(2014, 4, 1)),)).status is Status.MET
    assert run("attest", p, attestations=(Attestation("r", "sun-ping", D(2014, 4, 1)),)).status is Status.UNMET
    assert run("attest", p, attestations=(Attestation("r", "li-fei", D(2014, 4, 1)),),
               as_of=D(2014, 3, 1)).status is Status.OPEN


def test_recurring_monthly_rrule() -> None:
    p = Recurring(activity="中心組學習會", every="month", within="3月至5月")
    events = (ev("a", "中心組學習會", D(2014, 3, 3)), ev("b", "中心組學習會", D(2014, 5, 3)))
    f = run("recurring", p, events)
    assert [s.subject for s in f.shortfall] == ["2014-04-01..2014-04-30"]
    assert run("recurring", p, events, as_of=D(2014, 4, 15)).status is Status.MET  # April still running


def test_quantity_total_and_per_person() -> None:
    p = Quantity(min=4, activity="中心組學習會")
    assert run("quantity", p, (ev("a", "中心組學習會", D(2014, 3, 3), hours=2.5),)).status is Status.UNMET
    per = Quantity(min=2, activity="中心組學習會", per="班子成員")
    events = (ev("a", "中心組學習會", D(2014, 3, 3), hours=2.5, attendees=("班子成員",)),)
    assert run("quantity", per, events).status is Status.MET


def test_waiver_in_force_from_its_date() -> None:
    p = Occurs(activity="中心組學習會")
    w = (Waiver("r", "基地閉館", "督導組", D(2014, 4, 1)),)
    assert run("occurs", p, waivers=w).status is Status.WAIVED
    assert run("occurs", p, waivers=w, as_of=D(2014, 3, 1)).status is Status.OPEN


def test_report_each_document_and_drafted_by_party() -> None:
    p = ReportRule(document="學習計劃", to=("督導組",), each_document=True)
    d1 = Document("d1", "學習計劃", drafted_on=D(2014, 3, 1), submitted=(Submission("督導組", D(2014, 3, 2)),))
    d2 = Document("d2", "學習計劃", drafted_on=D(2014, 4, 1))
    f = run("report", p, docs=(d1, d2))
    assert f.status is Status.UNMET and [s.subject for s in f.shortfall] == ["d2→督導組"]
    assert "d1" in f.evidence
    assert run("report", p, docs=(d1,)).status is Status.MET
    drafted = Occurs(document="學習計劃", action="drafted", party="li-fei")
    mine = Document("d3", "學習計劃", drafted_by="li-fei", drafted_on=D(2014, 3, 1))
    assert run("occurs", drafted, docs=(d2,)).status is Status.UNMET
    assert run("occurs", drafted, docs=(mine,)).status is Status.MET


def test_per_person_tally_is_public() -> None:
    from masswork.kinds import Context, tally

    plan = sample_plan()
    req = plan.requirement("forums")
    sched = masswork.Schedule("sample", events=(ev("a", "座談會", D(2014, 3, 3), host="li-fei"),))
    rows = {t.person.id: (t.quota, t.basis, t.done, t.owed) for t in tally(req, Context(plan, sched))}
    assert rows["li-fei"] == (2, "主要負責人", ("a",), 1)
    assert rows["sun-ping"] == (1, "班子成員", (), 1)


def test_per_unit_quota_for_sections_and_branches() -> None:
    from masswork.kinds import PerUnit

    p = PerUnit(all_sections=True, units=("黨組",), activity="座談會", min=1, min_for={"黨組": 2})
    events = (ev("a", "座談會", D(2014, 3, 3), host="wang-min"),          # the 辦公室 head hosts
              ev("b", "座談會", D(2014, 3, 4), attendees=("黨組",)))
    f = run("per-unit", p, events)
    assert f.status is Status.UNMET
    assert [(s.subject, s.need, s.have) for s in f.shortfall] == [("黨組", 2, 1)]
    f = run("per-unit", p, events + (ev("c", "座談會", D(2014, 3, 5), host="黨組"),))
    assert f.status is Status.MET and set(f.evidence) == {"a", "b", "c"}
