"""Schedule ids in the other script: a ledger written in Simplified (读书班) against a plan
written in Traditional (讀書班), or the other way round.

An id the plan does not declare, whose Simplified form (:func:`masswork.hanzi.to_simplified`)
is that of exactly one id the plan does declare, is read as that id, and the report says so
in a ``script-match`` notice. Ids that fold to more than one plan id stay as written, so the
usual "unknown reference" error (with its hint) names them.
"""

from __future__ import annotations

import weakref
from itertools import chain
from operator import attrgetter
from collections.abc import Iterable, Mapping

import attrs

from .hanzi import to_simplified
from .model import Approval, Document, Event, Notice as EventNotice, Plan, Schedule, Submission
from .report import Notice

__all__ = ["script_matches", "match_scripts", "referenced"]

_NAMESPACES = ("roles", "people", "bodies", "sections", "groups", "activities", "documents", "phases")


def _known(plan: Plan) -> set[str]:
    return {item.id for ns in _NAMESPACES for item in getattr(plan, ns)}


def _schedule_values(schedule: Schedule) -> Iterable[str]:
    for e in schedule.events:
        yield e.type
        yield from (v for v in (e.host, e.phase, e.unit) if v)
        for field in ("participants", "attendees", "topics", "targets", "channels", "sections", "sources"):
            yield from getattr(e, field)
        yield from (n.channel for n in e.notices)
    for d in schedule.documents:
        yield d.type
        yield from (v for v in (d.owner, d.drafted_by, d.unit) if v)
        yield from (s.to for s in d.submitted)
        yield from (a.by for a in d.approved)
        yield from d.covers


_TYPE, _HOST, _UNIT, _PHASE = (attrgetter(f) for f in ("type", "host", "unit", "phase"))
_PARTICIPANTS, _NOTICES, _CHANNEL = attrgetter("participants"), attrgetter("notices"), attrgetter("channel")
_ANY = tuple(attrgetter(f) for f in ("attendees", "topics", "targets", "channels", "sections", "sources"))
_chain = chain.from_iterable


def _collect(schedule: Schedule) -> dict[str, set[str]]:
    by_kind: dict[str, set[str]] = {"activity": set(), "party": set(), "phase": set(),
                                    "any": set(), "document": set()}
    activity, party, phase, any_ = by_kind["activity"], by_kind["party"], by_kind["phase"], by_kind["any"]
    events = schedule.events
    # A pass per field, each in C (map, filter, chain), rather than one Python loop doing
    # a dozen things per event: a third of the time on a unit's few hundred events.
    activity.update(map(_TYPE, events))
    for getter, into in ((_HOST, party), (_UNIT, party), (_PHASE, phase)):
        into.update(filter(None, map(getter, events)))
    party.update(_chain(map(_PARTICIPANTS, events)))
    for getter in _ANY:
        any_.update(_chain(map(getter, events)))
    any_.update(map(_CHANNEL, _chain(map(_NOTICES, events))))
    for d in schedule.documents:
        by_kind["document"].add(d.type)
        party.update(x for x in (d.owner, d.drafted_by, d.unit) if x)
        party.update(s.to for s in d.submitted)
        party.update(a.by for a in d.approved)
        any_.update(d.covers)
    party.update(a.by for a in schedule.attestations)
    party.update(w.approved_by for w in schedule.waivers)
    return by_kind


# The sets of a schedule, by id() while it lives: loading validates the references and
# check() matches scripts, and both would otherwise walk every event for the same ids.
_REFERENCED: dict[int, tuple[weakref.ref[Schedule], dict[str, set[str]]]] = {}


def referenced(schedule: Schedule) -> dict[str, set[str]]:
    """Every id the schedule names, by what it must name: ``activity`` (event types),
    ``document`` (document types), ``party`` (people and bodies), ``phase``, and ``any``
    (attendees, topics, targets … any plan id). Computed once per schedule object; do not
    change the sets."""
    key = id(schedule)
    hit = _REFERENCED.get(key)
    if hit is not None and hit[0]() is schedule:
        return hit[1]
    sets = _collect(schedule)
    def forget(_ref: object, key: int = key) -> None:
        _REFERENCED.pop(key, None)

    try:
        ref = weakref.ref(schedule, forget)
    except TypeError:
        return sets
    _REFERENCED[key] = (ref, sets)
    return sets


def script_matches(schedule: Schedule, plan: Plan) -> dict[str, str]:
    """Schedule id → plan id, for ids that differ from a plan id only in script."""
    known = _known(plan)
    if all(values <= known for values in referenced(schedule).values()):
        return {}  # every id is the plan's own: the common case, by set arithmetic
    folded: dict[str, set[str]] = {}
    for k in known:
        folded.setdefault(to_simplified(k), set()).add(k)
    out: dict[str, str] = {}
    for value in _schedule_values(schedule):
        if value in known or value in out:
            continue
        hits = folded.get(to_simplified(value), set())
        if len(hits) == 1:
            out[value] = next(iter(hits))
    return out


def _m(mapping: Mapping[str, str], value: str | None) -> str | None:
    return None if value is None else mapping.get(value, value)


def _ms(mapping: Mapping[str, str], values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(mapping.get(v, v) for v in values)


def _event(mapping: Mapping[str, str], e: Event) -> Event:
    return attrs.evolve(
        e, type=mapping.get(e.type, e.type), host=_m(mapping, e.host), phase=_m(mapping, e.phase),
        unit=_m(mapping, e.unit), participants=_ms(mapping, e.participants),
        attendees=_ms(mapping, e.attendees), topics=_ms(mapping, e.topics), targets=_ms(mapping, e.targets),
        channels=_ms(mapping, e.channels), sections=_ms(mapping, e.sections), sources=_ms(mapping, e.sources),
        notices=tuple(EventNotice(mapping.get(n.channel, n.channel), n.on) for n in e.notices))


def _document(mapping: Mapping[str, str], d: Document) -> Document:
    return attrs.evolve(
        d, type=mapping.get(d.type, d.type), owner=_m(mapping, d.owner), drafted_by=_m(mapping, d.drafted_by),
        unit=_m(mapping, d.unit), covers=_ms(mapping, d.covers),
        submitted=tuple(Submission(mapping.get(s.to, s.to), s.on, s.by) for s in d.submitted),
        approved=tuple(Approval(mapping.get(a.by, a.by), a.on) for a in d.approved))


def match_scripts(schedule: Schedule, plan: Plan) -> tuple[Schedule, list[Notice]]:
    """``schedule`` with ids in the other script read as the plan's, and one notice per id."""
    mapping = script_matches(schedule, plan)
    if not mapping:
        return schedule, []
    fixed = attrs.evolve(schedule, events=tuple(_event(mapping, e) for e in schedule.events),
                         documents=tuple(_document(mapping, d) for d in schedule.documents))
    notices = [Notice("script-match", f"台賬中的 {src!r} 按方案的 {dst!r} 讀取(簡繁字形不同)",
                      f"the schedule's {src!r} is read as the plan's {dst!r} (Simplified/Traditional forms)",
                      subject=src)
               for src, dst in mapping.items()]
    return fixed, notices
