"""The schedule's structural checks, first asked in C (validate/schedule.py), report exactly
what the plain loops report: the same problems, in the same order, with the same key paths
and hints — for schedules with duplicate event ids, events that end before they start,
events naming documents the schedule lacks, documents naming events it lacks, and
publicity windows backwards or alone. Through the public ``validate_schedule``."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masswork.errors import PlanError, Problem, nearest
from masswork.i18n import Msg
from masswork.model import Document, Event, Plan, Schedule
from masswork.validate import validate_schedule

PLAN = Plan(id="p", title="p", year=2014)
IDS = st.sampled_from(["e1", "e2", "e3", "e4"])
DOC_IDS = st.sampled_from(["d1", "d2", "d3"])
DAYS = st.dates(dt.date(2014, 3, 1), dt.date(2014, 3, 6))
MOMENTS = st.one_of(DAYS, st.builds(dt.datetime.combine, DAYS, st.sampled_from([dt.time(9), dt.time(15)])))


def _key(m: dt.date) -> tuple[dt.date, dt.time]:
    if isinstance(m, dt.datetime):
        return (m.date(), m.time().replace(tzinfo=None))
    return (m, dt.time.min)


def reference(schedule: Schedule) -> list[Problem]:
    """The loops as they were before the checks were asked in C."""
    out: list[Problem] = []
    seen: set[str] = set()
    for i, e in enumerate(schedule.events):
        if e.id in seen:
            out.append(Problem(msg=Msg.of("validate.duplicate_event", id=repr(e.id)), path=("events", i, "id")))
        seen.add(e.id)
        if e.end is not None and _key(e.end) < _key(e.start):
            out.append(Problem(msg=Msg.of("validate.event_backwards"), path=("events", i, "end")))
    doc_ids = {d.id for d in schedule.documents}
    if len(doc_ids) != len(schedule.documents):
        out.append(Problem(msg=Msg.of("validate.duplicate_documents"), path=("documents",)))
    for i, e in enumerate(schedule.events):
        for j, d in enumerate(e.documents):
            if d not in doc_ids:
                out.append(Problem(msg=Msg.of("validate.unknown_document", id=repr(d)),
                                   path=("events", i, "documents", j), hint=nearest(d, doc_ids)))
    event_ids = {e.id for e in schedule.events}
    for i, doc in enumerate(schedule.documents):
        if doc.event is not None and doc.event not in event_ids:
            out.append(Problem(msg=Msg.of("validate.unknown_event", id=repr(doc.event)),
                               path=("documents", i, "event"), expected=Msg.of("validate.expected.event_id"),
                               hint=nearest(doc.event, event_ids)))
        if doc.published_until is not None and doc.published_on is None:
            out.append(Problem(msg=Msg.of("validate.published_until_alone"), path=("documents", i, "published_until")))
        elif (doc.published_until is not None and doc.published_on is not None
              and _key(doc.published_until) < _key(doc.published_on)):
            out.append(Problem(msg=Msg.of("validate.publicity_backwards"), path=("documents", i, "published_until")))
    return out


events = st.builds(Event, id=IDS, type=st.just("座談會"), start=MOMENTS,
                   end=st.one_of(st.none(), MOMENTS), documents=st.lists(DOC_IDS, max_size=2).map(tuple))
documents = st.builds(Document, id=DOC_IDS, type=st.just("方案"),
                      event=st.one_of(st.none(), IDS, st.just("e9")),
                      published_on=st.one_of(st.none(), DAYS), published_until=st.one_of(st.none(), DAYS))


def problems(schedule: Schedule) -> list[Problem]:
    try:
        validate_schedule(schedule, PLAN, strict=False)
    except PlanError as exc:
        return list(exc.problems)
    return []


@settings(max_examples=300, deadline=None)
@given(st.lists(events, max_size=6), st.lists(documents, max_size=3))
@example([Event(id="e1", type="座談會", start=dt.date(2014, 3, 2), end=dt.date(2014, 3, 1)),
          Event(id="e1", type="座談會", start=dt.date(2014, 3, 2), documents=("d9",))],
         [Document(id="d1", type="方案", event="e7")])
@example([Event(id="e1", type="座談會", start=dt.datetime(2014, 3, 2, 15), end=dt.datetime(2014, 3, 2, 9))], [])
def test_structural_checks_report_what_the_loops_report(evs: list[Event], docs: list[Document]) -> None:
    schedule = Schedule(plan="p", events=tuple(evs), documents=tuple(docs))
    assert [(p.path, p.msg, p.hint, p.expected) for p in problems(schedule)] == \
           [(p.path, p.msg, p.hint, p.expected) for p in reference(schedule)]
