"""A small, complete plan and schedule built in Python — every built-in kind, met and
failing findings, planned and held events — for plugin authors' tests and our own."""

from __future__ import annotations

import datetime as dt

from ..engine import check
from ..exporters import ExportInput
from ..kinds import (
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
from ..model import (
    ActivityType,
    Approval,
    Attestation,
    Body,
    Document,
    DocumentType,
    Event,
    EventStatus,
    Group,
    Notice,
    Period,
    Person,
    Phase,
    Plan,
    PlanOptions,
    Requirement,
    Role,
    Schedule,
    Section,
    Submission,
)

__all__ = ["sample_plan", "sample_schedule", "sample_export_input", "with_text"]


def sample_plan() -> Plan:
    """A plan of 14 requirements, one or more of each built-in kind."""
    R = Requirement
    return Plan(
        id="sample", title="示例單位學習教育環節實施辦法", year=2014, issuer="示例局黨組",
        start="2014-02-01", end="2014-06-30",
        options=PlanOptions(lead_days=(7, 1)),
        roles=(Role("班子成員", "班子成員", "leadership member", includes=("主要負責人",)),
               Role("主要負責人", "主要負責人", "principal leader")),
        people=(Person("li-fei", "李飛", roles=("主要負責人",), oversees=("辦公室",)),
                Person("sun-ping", "孫平", roles=("班子成員",), invented=True),
                Person("zhou-lan", "周蘭", roles=("班子成員",), invented=True),
                Person("wang-min", "王敏", section="辦公室", invented=True),
                Person("zhao-lei", "趙磊", section="辦公室", invented=True)),
        bodies=(Body("督導組", "市委督導組", "supervision group"), Body("黨組", "局黨組", "party group")),
        sections=(Section("辦公室", "局辦公室", head="wang-min", deputies=("zhao-lei",)),),
        groups=(Group("門戶網站", "局門戶網站", "portal website"), Group("公告欄", "局公告欄", "notice board"),
                Group("為了誰", "為了誰、依靠誰、我是誰", "for whom"),
                Group("群眾觀察員", "群眾觀察員", "mass observers")),
        activities=(ActivityType("動員大會", "動員大會", "mobilization meeting"),
                    ActivityType("座談會", "座談會", "forum"),
                    ActivityType("談心談話", "談心談話", "heart-to-heart talk"),
                    ActivityType("中心組學習會", "中心組學習會", "central-group study session"),
                    ActivityType("專題討論", "專題討論", "topic discussion")),
        documents=(DocumentType("學習計劃", "學習計劃", "study plan"),
                   DocumentType("工作小結", "工作小結", "phase summary")),
        phases=(Phase("學習教育", "學習教育、聽取意見", "study and listening", start="2月24日", end="6月前",
                      gate="工作小結"),
                Phase("查擺問題", "查擺問題、開展批評", "finding problems", start="6月1日", end="2014-06-30")),
        requirements=(
            R("mobilization", "X.2.1", "deadline", Deadline(within="2月下旬", activity="動員大會"),
              quote="2月下旬召開動員大會", phase="學習教育"),
            R("forums", "X.4.2", "per-person",
              PerPerson(role="班子成員", activity="座談會", min=1, min_for={"主要負責人": 2}),
              quote="主要負責同志至少召開2次座談會,其他每位班子成員至少主持1次", phase="學習教育",
              responsible=("班子成員",)),
            R("study-plan", "X.3.1", "report", ReportRule(document="學習計劃", to=("督導組",), within="2月25日前"),
              quote="學習計劃報督導組審閱(2月25日前)", phase="學習教育", lead_days=(3, 1)),
            R("central-study", "X.3.1b", "occurs", Occurs(activity="中心組學習會", min=2), quote="召開2次中心組學習會",
              phase="學習教育"),
            R("talks", "X.5.1", "pairwise",
              Pairwise(activity="談心談話", pairs=(PairRule("among", a="班子成員"), PairRule("head-deputy"))),
              quote="班子成員之間必談,正職與副職必談"),
            R("talks-after", "X.5.1b", "order", Order(activity="談心談話", anchor_activity="動員大會"),
              quote="動員大會後進行談話"),
            R("summary-gate", "X.6", "gate",
              Gate(document="工作小結", approved_by=("黨組", "督導組"), before_phase="查擺問題"),
              quote="經黨組研究確定並報督導組審閱同意後,對下一環節工作進行整體安排"),
            R("topics", "X.3.2", "coverage", Coverage(items=("為了誰",), field="topics", activity="專題討論"),
              quote="圍繞“為了誰、依靠誰、我是誰”開展討論"),
            R("observers", "X.2.1b", "coverage",
              Coverage(items=("群眾觀察員", "督導組"), field="attendees", activity="動員大會"),
              quote="參加會議人員是:市委督導組成員…群眾觀察員"),
            R("publish", "X.2.1c", "notice", NoticeRule(activity="動員大會", channels=("門戶網站", "公告欄")),
              quote="會議時間確定後,通過局門戶網站和局公告欄信息"),
            R("concentrated", "X.5.0", "duration", DurationRule(length="不少於3個月", period="concentrated"),
              quote="集中教育時間不少於3個月"),
            R("honest", "X.4.6", "attest", Attest(statement="意見原汁原味梳理匯總", by="主要負責人"),
              quote="原汁原味地梳理匯總", due="5月底前"),
            R("monthly", "X.7", "recurring", Recurring(activity="中心組學習會", every="month", within="3月至4月"),
              quote="每月召開一次中心組學習會"),
            R("hours", "X.8", "quantity", Quantity(min=4, activity="中心組學習會"), quote="學習不少於4學時"),
        ),
    )


def sample_schedule() -> Schedule:
    """A schedule that meets most of :func:`sample_plan` and fails a few rules on purpose:
    孫平 hosts no forum, 周蘭 and 孫平 never talk, the summary lacks 督導組's approval."""
    d = dt.date
    t = dt.datetime
    held, planned = EventStatus.HELD, EventStatus.PLANNED
    return Schedule(
        plan="sample", unit="示例局",
        events=(
            Event("mob", "動員大會", t(2014, 2, 26, 9), t(2014, 2, 26, 11), held, "全局動員大會", "四樓會議室",
                  host="li-fei", attendees=("督導組", "群眾觀察員", "班子成員"), phase="學習教育",
                  notices=(Notice("門戶網站", d(2014, 2, 20)), Notice("公告欄", d(2014, 2, 21)))),
            Event("f1", "座談會", d(2014, 3, 4), host="li-fei", title="企業代表座談會", phase="學習教育"),
            Event("f2", "座談會", d(2014, 3, 18), host="li-fei", title="老同志座談會", phase="學習教育"),
            Event("f3", "座談會", d(2014, 4, 9), host="zhou-lan", status=planned, title="服務對象座談會"),
            Event("s1", "中心組學習會", d(2014, 3, 12), host="li-fei", hours=2.5, phase="學習教育"),
            Event("s2", "中心組學習會", d(2014, 4, 16), host="li-fei", hours=2.0, phase="學習教育"),
            Event("t1", "談心談話", d(2014, 3, 5), participants=("li-fei", "sun-ping")),
            Event("t2", "談心談話", d(2014, 3, 6), participants=("li-fei", "zhou-lan")),
            Event("t3", "談心談話", d(2014, 3, 7), participants=("wang-min", "zhao-lei")),
            Event("dis", "專題討論", d(2014, 4, 2), topics=("為了誰",), host="sun-ping"),
            Event("p2", "座談會", d(2014, 6, 10), host="sun-ping", status=EventStatus.CANCELLED,
                  phase="查擺問題", title="取消的座談會"),
        ),
        documents=(
            Document("plan-doc", "學習計劃", "局黨組學習計劃", drafted_on=d(2014, 2, 18),
                     submitted=(Submission("督導組", d(2014, 2, 24)),), approved=(Approval("黨組", d(2014, 2, 21)),)),
            Document("summary", "工作小結", "學習教育環節工作小結", drafted_on=d(2014, 5, 20),
                     approved=(Approval("黨組", d(2014, 5, 23)),)),
        ),
        attestations=(Attestation("honest", "li-fei", d(2014, 5, 10), "已核對"),),
        periods=(Period("concentrated", d(2014, 2, 26), d(2014, 6, 10), "集中教育"),),
    )


def sample_export_input(as_of: dt.date | None = None, lang: str = "zh") -> ExportInput:
    """Plan, schedule and the report on them, ready for an exporter."""
    plan, schedule = sample_plan(), sample_schedule()
    return ExportInput(plan, schedule, check(plan, schedule, as_of), lang, as_of)


def with_text(schedule: Schedule, text: str) -> Schedule:
    """The schedule with ``text`` put in every free-text field a person may type (titles,
    places, notes, document titles): what an exporter must escape."""
    import attrs

    events = tuple(attrs.evolve(e, title=text, place=text, note=text) for e in schedule.events)
    docs = tuple(attrs.evolve(doc, title=text) for doc in schedule.documents)
    return attrs.evolve(schedule, events=events, documents=docs, unit=text)
