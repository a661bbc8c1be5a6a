"""What a ledger table (台賬: CSV, XLSX, TSV …) holds of a schedule, for round-trip tests of
the ledger exporters and readers: any schedule a plan admits with every record type filled
(:func:`ledger_schedules`: documents with submissions and approvals, notices, waivers,
attestations, periods), the schedule masswork's own ledger reads back to
(:func:`in_ledger_order`), and what a table of events only holds (:func:`ledger_events`)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from ..hanzi import to_simplified
from ..model import (Approval, Attestation, Document, Event, EventStatus, Moment, Notice, Period, Plan, Schedule,
                     Submission, Waiver)

__all__ = ["in_ledger_order", "ledger_schedules", "ledger_text", "ledger_events", "edge_schedule"]


def in_ledger_order(schedule: Schedule) -> Schedule:
    """``schedule`` with its events in the order a ledger lists them: by day, then start
    (a ledger is read by date; nothing else changes)."""
    return attrs.evolve(schedule, events=tuple(sorted(schedule.events, key=lambda e: (e.day, str(e.start)))))


ledger_text = st.text(st.sampled_from("會議學習座談甲乙丙abc 12=+-@'、,;/\n\"主題党日"), max_size=12).map(str.strip)
"""Cell text that tries the ledger's rules: formula starters, apostrophes, list separators,
quotes, line breaks inside a cell, either script (no spaces at the ends: cells are read
stripped)."""

_DAYS = st.dates(dt.date(2014, 1, 1), dt.date(2014, 12, 31))


@st.composite
def _moment(draw: st.DrawFn) -> Moment:
    day = draw(_DAYS)
    if draw(st.booleans()):
        return day
    return dt.datetime.combine(day, dt.time(draw(st.integers(0, 23)), draw(st.integers(0, 59)),
                                            draw(st.sampled_from((0, 0, 30, 59)))))


def _after(start: Moment, days: int) -> Moment:
    if isinstance(start, dt.datetime):
        return start + dt.timedelta(days=days, hours=1)
    return start + dt.timedelta(days=days)


@st.composite
def ledger_schedules(draw: st.DrawFn, plan: Plan) -> Schedule:
    """A schedule valid for ``plan`` with every field a ledger holds drawn: dates and
    date-times (with seconds), ids in the plan's script or the other (座谈会 for 座談會),
    and every record type."""
    people = [p.id for p in plan.people]
    bodies = [b.id for b in plan.bodies]
    groups = [g.id for g in plan.groups]
    acts = [a.id for a in plan.activities] + [to_simplified(a.id) for a in plan.activities
                                              if to_simplified(a.id) != a.id]
    parties = people + bodies + groups

    def lists(pool: list[str], n: int = 3) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(pool), max_size=n)))

    def maybe(pool: list[str]) -> str | None:
        return draw(st.none() | st.sampled_from(pool))

    events = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(_moment())
        end = draw(st.none() | st.builds(lambda d: _after(start, d), st.integers(0, 3)))
        events.append(Event(
            draw(st.sampled_from((f"e{i}", f"活動{i}", f"e-{i}.x"))), draw(st.sampled_from(acts)), start, end=end,
            status=draw(st.sampled_from(list(EventStatus))), title=draw(ledger_text), place=draw(ledger_text),
            host=maybe(people + bodies), participants=lists(people), attendees=lists(parties),
            topics=lists(groups, 2), targets=lists(groups, 2), channels=lists(groups, 1), sections=(),
            sources=lists(groups, 1), hours=draw(st.sampled_from((0.0, 1.0, 2.5, 0.1, 1e-05))),
            phase=maybe([p.id for p in plan.phases]), note=draw(ledger_text), unit=maybe(bodies),
            notices=tuple(Notice(draw(st.sampled_from(groups)), draw(_moment()))
                          for _ in range(draw(st.integers(0, 2)))) if groups else ()))
    event_ids = [e.id for e in events]
    docs = []
    for i in range(draw(st.integers(0, 3))):
        published = draw(st.none() | _moment())
        docs.append(Document(
            f"d{i}", draw(st.sampled_from([d.id for d in plan.documents])), title=draw(ledger_text),
            owner=maybe(people), drafted_by=maybe(people), drafted_on=draw(st.none() | _moment()),
            submitted=tuple(Submission(draw(st.sampled_from(bodies)), draw(_moment()), maybe(people))
                            for _ in range(draw(st.integers(0, 2)))),
            approved=tuple(Approval(draw(st.sampled_from(bodies)), draw(_moment()))
                           for _ in range(draw(st.integers(0, 2)))),
            covers=lists(people), event=maybe(event_ids) if event_ids else None, unit=maybe(bodies),
            completed_on=draw(st.none() | _moment()), filed_on=draw(st.none() | _moment()),
            published_on=published,
            published_until=None if published is None else draw(st.none() | st.just(_after(published, 5)))))
    if docs:
        events = [attrs.evolve(e, documents=tuple(draw(st.lists(st.sampled_from([d.id for d in docs]), max_size=2))))
                  for e in events]
    rules = [r.id for r in plan.requirements]
    waivers = tuple(Waiver(draw(st.sampled_from(rules)), draw(ledger_text), draw(st.sampled_from(people + bodies)),
                           draw(_DAYS)) for _ in range(draw(st.integers(0, 2))))
    attests = tuple(Attestation(draw(st.sampled_from(rules)), draw(st.sampled_from(people)), draw(_DAYS),
                                draw(ledger_text)) for _ in range(draw(st.integers(0, 2))))
    periods = []
    for i in range(draw(st.integers(0, 2))):
        start = draw(_DAYS)
        periods.append(Period(f"t{i}", start, start + dt.timedelta(days=draw(st.integers(0, 60))), draw(ledger_text)))
    return Schedule(plan=plan.id, unit=draw(ledger_text), events=tuple(events), documents=tuple(docs),
                    waivers=waivers, attestations=attests, periods=tuple(periods))


def ledger_events(schedule: Schedule, plan: Plan | None = None) -> list[Event]:
    """What a table of events only holds of a schedule (a plugin's own ledger format that
    keeps no other records): its events without document links and notices, in time order;
    a name the schedule writes in the other script (主题党日 for the plan's 主題黨日) is the
    plan's id. masswork's own CSV and XLSX ledgers hold everything: compare them with
    :func:`in_ledger_order`."""
    ids = {to_simplified(i): i for i in (plan.names() if plan is not None else {})}

    def one(x: str) -> str:
        return ids.get(to_simplified(x), x)

    def norm(e: Event) -> Event:
        return attrs.evolve(e, documents=(), notices=(), type=one(e.type),
                            attendees=tuple(one(a) for a in e.attendees),
                            participants=tuple(one(a) for a in e.participants),
                            unit=one(e.unit) if e.unit else e.unit)

    return sorted((norm(e) for e in schedule.events), key=lambda e: (e.day, str(e.start)))


def edge_schedule() -> Schedule:
    """A schedule of :func:`masswork.testing.sample_plan` whose cells try the ledger's rules,
    each once: formula starters and apostrophes, a list separator inside text, line breaks,
    an id in the other script, midnight and seconds, an end that is a day after a start that
    is a time, every record type."""
    from .sample import sample_plan

    plan = sample_plan()
    return Schedule(plan=plan.id, unit="'=單位", events=(
        Event("e-1", "座谈会", dt.datetime(2014, 3, 4, 0, 0), end=dt.date(2014, 3, 5), title="=1+1",
              place="''a", note="第一行\n第二行", host="li-fei", participants=("sun-ping",),
              attendees=("sun-ping", "督導組", "為了誰"), topics=("為了誰",), hours=0.1,
              notices=(Notice("門戶網站", dt.datetime(2014, 3, 1, 9, 30, 59)),), documents=("d-1",)),
        Event("e-2", "動員大會", dt.date(2014, 3, 4), status=EventStatus.CANCELLED, title="'plain",
              place="a、b, c"),
    ), documents=(
        Document("d-1", "學習計劃", title="-負數開頭", owner="li-fei", drafted_on=dt.date(2014, 2, 1),
                 submitted=(Submission("督導組", dt.datetime(2014, 2, 2, 10, 0), "sun-ping"),
                            Submission("黨組", dt.date(2014, 2, 3))),
                 approved=(Approval("黨組", dt.date(2014, 2, 5)),), covers=("li-fei", "sun-ping"), event="e-1",
                 published_on=dt.date(2014, 2, 6), published_until=dt.date(2014, 2, 10)),
    ), waivers=(Waiver("talks", "@因故", "督導組", dt.date(2014, 4, 1)),),
        attestations=(Attestation("forums", "li-fei", dt.date(2014, 4, 2), "+原汁原味"),),
        periods=(Period("集中", dt.date(2014, 2, 24), dt.date(2014, 6, 30), "集中教育"),))
