"""A schedule checked in itself (duplicate ids, links to documents it lacks, dates in the
wrong order) and against its plan (event types, people, bodies the plan does not know)."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable
from itertools import chain
from operator import attrgetter
from typing import Any

from ..errors import PlanError, Problem, nearest
from ..i18n import Msg
from ..idmatch import script_matches
from ..model import Plan, Schedule
from .refs import Checker

__all__ = ["validate_schedule", "schedule_refs"]


def schedule_refs(schedule: Schedule) -> Iterable[tuple[tuple[str | int, ...], str, str]]:
    for i, e in enumerate(schedule.events):
        p: tuple[str | int, ...] = ("events", i)
        yield p + ("type",), e.type, "activity"
        if e.host:
            yield p + ("host",), e.host, "party"
        if e.phase:
            yield p + ("phase",), e.phase, "phase"
        if e.unit:
            yield p + ("unit",), e.unit, "party"
        for field, kind in (("participants", "party"), ("attendees", "any"), ("topics", "any"),
                            ("targets", "any"), ("channels", "any"), ("sections", "any"),
                            ("sources", "any")):
            for j, v in enumerate(getattr(e, field)):
                yield p + (field, j), v, kind
        for j, n in enumerate(e.notices):
            yield p + ("notices", j, "channel"), n.channel, "any"
    for i, d in enumerate(schedule.documents):
        p = ("documents", i)
        yield p + ("type",), d.type, "document"
        if d.owner:
            yield p + ("owner",), d.owner, "party"
        if d.drafted_by:
            yield p + ("drafted_by",), d.drafted_by, "party"
        if d.unit:
            yield p + ("unit",), d.unit, "party"
        for j, s in enumerate(d.submitted):
            yield p + ("submitted", j, "to"), s.to, "party"
        for j, a in enumerate(d.approved):
            yield p + ("approved", j, "by"), a.by, "party"
        for j, v in enumerate(d.covers):
            yield p + ("covers", j), v, "any"
    for i, att in enumerate(schedule.attestations):
        yield ("attestations", i, "by"), att.by, "party"
    for i, wv in enumerate(schedule.waivers):
        yield ("waivers", i, "approved_by"), wv.approved_by, "party"


def _key(m: dt.date) -> tuple[dt.date, dt.time]:
    if isinstance(m, dt.datetime):
        return (m.date(), m.time().replace(tzinfo=None))
    return (m, dt.time.min)


_ID, _DOCUMENTS = attrgetter("id"), attrgetter("documents")
_chain = chain.from_iterable


def _schedule_structure(schedule: Schedule, plan: Plan, file: str | None) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    events = schedule.events
    # The loops below find nothing in nearly every schedule; whether they would is first
    # asked in C (a set of the ids, the documents named), and
    # a loop runs only when there is something to say, with its messages in its order.
    event_ids = set(map(_ID, events))
    sound = len(event_ids) == len(events) and not any(
        _key(e.end) < _key(e.start) for e in events if e.end is not None)
    for i, e in enumerate(events if not sound else ()):
        if e.id in seen:
            out.append(Problem(msg=Msg.of("validate.duplicate_event", id=repr(e.id)),
                               path=("events", i, "id"), file=file))
        seen.add(e.id)
        if e.end is not None and _key(e.end) < _key(e.start):
            out.append(Problem(msg=Msg.of("validate.event_backwards"),
                               path=("events", i, "end"), file=file))
    doc_ids = {d.id for d in schedule.documents}
    if len(doc_ids) != len(schedule.documents):
        out.append(Problem(msg=Msg.of("validate.duplicate_documents"), path=("documents",), file=file))
    named = doc_ids.issuperset(_chain(map(_DOCUMENTS, events)))
    for i, e in enumerate(events if not named else ()):
        for j, d in enumerate(e.documents):
            if d not in doc_ids:
                out.append(Problem(msg=Msg.of("validate.unknown_document", id=repr(d)),
                                   path=("events", i, "documents", j), file=file,
                                   hint=nearest(d, doc_ids)))
    for i, doc in enumerate(schedule.documents):
        if doc.event is not None and doc.event not in event_ids:
            out.append(Problem(msg=Msg.of("validate.unknown_event", id=repr(doc.event)),
                               path=("documents", i, "event"), file=file, expected=Msg.of("validate.expected.event_id"),
                               hint=nearest(doc.event, event_ids)))
        if doc.published_until is not None and doc.published_on is None:
            out.append(Problem(msg=Msg.of("validate.published_until_alone"),
                               path=("documents", i, "published_until"), file=file))
        elif (doc.published_until is not None and doc.published_on is not None
              and _key(doc.published_until) < _key(doc.published_on)):
            out.append(Problem(msg=Msg.of("validate.publicity_backwards"),
                               path=("documents", i, "published_until"), file=file))
    return out


def _all_known(schedule: Schedule, c: Checker) -> bool:
    """Whether every reference of the schedule is known, by set arithmetic over the whole
    schedule: the common case, without a key path built for each of a million references.
    Must name the same fields as :func:`schedule_refs` (tests/test_speed_equal.py checks)."""
    from ..idmatch import referenced  # the same sets serve script matching (idmatch)

    by_kind = referenced(schedule)
    return all(values <= c.known(kind) for kind, values in by_kind.items())


def _unknown_refs(schedule: Schedule, plan: Plan, file: str | None) -> list[Problem]:
    c = Checker(plan, file)
    if _all_known(schedule, c):
        return []
    # An id in the other script (读书班 for 讀書班) is read as the plan's: see masswork.idmatch.
    other_script = script_matches(schedule, plan)
    for path, value, kind in schedule_refs(schedule):
        if value not in other_script:
            c.ref(path, value, kind)
    return c.problems


def validate_schedule(schedule: Schedule, plan: Plan, *, file: str | None = None,
                      strict: bool = True) -> None:
    """Raise :class:`PlanError` when the schedule is inconsistent in itself (duplicate ids,
    links to documents it lacks) or, when ``strict``, names event
    types, people or bodies the plan does not know."""
    if _VALIDATED.get(id(schedule)) == (id(plan), strict, True):
        return  # the loader validated this very schedule against this very plan
    problems = _schedule_structure(schedule, plan, file)
    if strict:
        problems += _unknown_refs(schedule, plan, file)
    if problems:
        raise PlanError(problems)
    _remember(schedule, plan, strict)


# Schedules found valid, by id(): the loader validates and check() would again (twice the
# cost of a large ledger). Entries leave with their schedule; the plan's id is only compared
# while the schedule lives, and a plan is kept alive by a weak reference check too.
_VALIDATED: dict[int, tuple[int, bool, bool]] = {}
_REFS: dict[int, tuple[Any, Any]] = {}


def _remember(schedule: Schedule, plan: Plan, strict: bool) -> None:
    key = id(schedule)

    def forget(_ref: Any, key: int = key) -> None:
        _VALIDATED.pop(key, None)
        _REFS.pop(key, None)

    try:
        refs = (weakref.ref(schedule, forget), weakref.ref(plan, forget))
    except TypeError:
        return  # not weakly referable: validate every time
    _VALIDATED[key] = (id(plan), strict, True)
    _REFS[key] = refs
