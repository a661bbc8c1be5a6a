"""``for_each``: one rule, evaluated for every unit on that unit's own events (各黨支部 …).

Real plans write a requirement once for a set of units — "each branch holds 主題黨日 every
month", "each branch secretary talks with each member of that branch", "the talks before the
branch's own 組織生活會", "each meeting's plan approved before that meeting". Any kind takes
the common key ``for_each``; the engine then evaluates the rule once per unit, on a view of
the plan and schedule that holds only that unit:

* **units** (:func:`units`) — each id of ``for_each`` stands for: the sub-bodies of a body
  that has them (``"機關黨委"`` → every 黨支部 whose ``parent`` it is), else the body itself;
  a section; each holder of a role (each person); a person; each counting event of an
  activity type (each meeting, with the documents that belong to it);
* **the unit's own record** (:func:`unit_view`) — a body or section unit keeps the events
  whose ``unit`` is it or one of its sub-bodies (an event without ``unit`` belongs to the
  unit named in its ``sections``, hosting it, or whose member hosts it) and the documents
  whose ``unit`` is it, whose owner or drafter is a member, or that belong to one of its
  events; its roster is its members, so ``role = "黨員"`` means the unit's own 黨員. A
  person unit keeps what the person hosted, took part in or attended and owns. An event
  unit keeps that event and its documents (``Document.event``, ``Event.documents``);
* **anchors inside the unit** — order, gate, notice and report rules look for their anchor
  in the unit's own record, so "會前" is before *that branch's* meeting;
* **"{unit}"** in a parameter stands for the unit (``to = ["{unit}"]``), ``"{unit}/書記"``
  for the holders of a post in it.

The rule is met when it is met for every unit; shortfalls and messages name the unit
(``"第二黨支部:2023-11-01..2023-11-30"``). A monotone kind stays monotone per body, section,
role or person (an added event lands in one unit's record); over an activity type it does
not, since each added event is a new unit that must itself comply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..i18n import Msg, Name, Pair
from ..model import Document, Event, Plan, Requirement, Schedule
from ..report import Shortfall
from .base import Context, Described, Kind, Outcome, described
from .common import PlanWords

__all__ = ["UNIT", "Unit", "units", "unit_view", "evaluate", "describe", "substitute"]

UNIT = "{unit}"
"""The placeholder a ``for_each`` rule's parameters use for the unit being evaluated."""


@attrs.frozen
class Unit:
    """One unit a ``for_each`` rule is evaluated for.

    ``kind`` is ``"body"``, ``"section"``, ``"person"`` or ``"event"``; ``members`` the
    people in it (``None`` for an event: the whole roster stays)."""

    id: str
    kind: str
    name: str
    members: frozenset[str] | None


def _section_members(plan: Plan, sec_id: str) -> frozenset[str]:
    ids = {p.id for p in plan.people if p.section == sec_id}
    for s in plan.sections:
        if s.id == sec_id:
            ids |= {s.head, *s.deputies} - {None}  # type: ignore[arg-type]
    return frozenset(i for i in ids if i)


def _descendants(plan: Plan, body_id: str) -> set[str]:
    out: set[str] = set()
    stack = [body_id]
    while stack:
        b = stack.pop()
        for child in plan.bodies:
            if child.parent == b and child.id not in out:
                out.add(child.id)
                stack.append(child.id)
    return out


def _body_members(plan: Plan, body_id: str) -> frozenset[str]:
    ids: set[str] = set()
    for b in plan.bodies:
        if b.id == body_id or b.id in _descendants(plan, body_id):
            ids |= set(b.everyone())
    return frozenset(ids)


def units(ctx: Context, for_each: Iterable[str]) -> list[Unit]:
    """The units the ids of ``for_each`` stand for, each once, in the order written."""
    plan = ctx.plan
    bodies = {b.id: b for b in plan.bodies}
    sections = {s.id for s in plan.sections}
    activities = {a.id for a in plan.activities}
    out: dict[str, Unit] = {}
    for ref_id in for_each:
        if ref_id in bodies:
            children = [b for b in plan.bodies if b.parent == ref_id]
            for b in children or [bodies[ref_id]]:
                out.setdefault(b.id, Unit(b.id, "body", b.name or b.id, _body_members(plan, b.id)))
        elif ref_id in sections:
            out.setdefault(ref_id, Unit(ref_id, "section", ctx.name(ref_id), _section_members(plan, ref_id)))
        elif ref_id in ctx.people_by_id:
            out.setdefault(ref_id, Unit(ref_id, "person", ctx.name(ref_id), frozenset({ref_id})))
        elif ref_id in activities:
            for e in ctx.index.events(ref_id):
                out.setdefault(e.id, Unit(e.id, "event", f"{ctx.name(ref_id)} {e.day}", None))
        else:  # a role: each holder is a unit
            for person in plan.holders(ref_id):
                out.setdefault(person.id, Unit(person.id, "person", person.name, frozenset({person.id})))
    return list(out.values())


def _event_belongs(plan: Plan, unit: Unit, e: Event, within: set[str]) -> bool:
    if unit.kind == "person":
        return unit.id in {e.host, *e.participants, *e.attendees}
    if e.unit is not None:
        return e.unit in within
    members = unit.members or frozenset()
    return unit.id in e.sections or e.host == unit.id or (e.host is not None and e.host in members)


def _document_belongs(unit: Unit, d: Document, event_ids: set[str], linked: set[str],
                      within: set[str]) -> bool:
    if d.event is not None and d.event in event_ids:
        return True
    if d.id in linked:
        return True
    if unit.kind == "event":
        return False
    if d.unit is not None:
        return d.unit in within
    members = unit.members or frozenset()
    return any(x is not None and (x in members or x == unit.id) for x in (d.owner, d.drafted_by))


def unit_view(plan: Plan, schedule: Schedule, unit: Unit) -> tuple[Plan, Schedule]:
    """The plan (roster cut to the unit's members) and schedule (the unit's own events and
    documents) a rule is evaluated on for ``unit``."""
    within = {unit.id} | (_descendants(plan, unit.id) if unit.kind == "body" else set())
    if unit.kind == "event":
        events = tuple(e for e in schedule.events if e.id == unit.id)
    else:
        events = tuple(e for e in schedule.events if _event_belongs(plan, unit, e, within))
    event_ids = {e.id for e in events}
    linked = {d for e in events for d in e.documents}
    docs = tuple(d for d in schedule.documents if _document_belongs(unit, d, event_ids, linked, within))
    sub_schedule = attrs.evolve(schedule, events=events, documents=docs, unit=unit.id)
    if unit.members is None:
        return plan, sub_schedule
    people = tuple(p for p in plan.people if p.id in unit.members)
    return attrs.evolve(plan, people=people), sub_schedule


def _swap(value: str, unit_id: str) -> str:
    if value == UNIT:
        return unit_id
    if value.startswith(UNIT + "/"):
        return unit_id + value[len(UNIT):]
    return value


def substitute(obj: Any, unit_id: str) -> Any:
    """``obj`` (a kind's parameters) with ``"{unit}"`` replaced by ``unit_id`` in every
    string, tuple item, mapping key and nested attrs object."""
    if isinstance(obj, str):
        return _swap(obj, unit_id)
    if isinstance(obj, tuple):
        return tuple(substitute(v, unit_id) for v in obj)
    if isinstance(obj, Mapping):
        return {_swap(str(k), unit_id): v for k, v in obj.items()}
    if attrs.has(type(obj)):
        changes = {}
        for f in attrs.fields(type(obj)):
            v = getattr(obj, f.name)
            new = substitute(v, unit_id)
            if new != v:
                changes[f.name.lstrip("_")] = new
        return attrs.evolve(obj, **changes) if changes else obj
    return obj


def _sub_context(ctx: Context, unit: Unit) -> Context:
    plan, schedule = unit_view(ctx.plan, ctx.schedule, unit)
    sub = Context(plan, schedule, ctx.as_of, is_working_day=ctx.is_working_day)
    # Names stay those of the whole plan: a unit's messages may name people outside it.
    sub.names = ctx.names
    return sub


def evaluate(kind: Kind, req: Requirement, ctx: Context) -> Outcome:
    """The kind's outcome for ``req``; with ``for_each``, the conjunction over its units."""
    if not req.for_each:
        return kind.evaluate(req, ctx)
    found = units(ctx, req.for_each)
    if not found:
        return Outcome(False, msg=Msg.of("kind.units.none", units=ctx.words(req.for_each)),
                       shortfall=[Shortfall(req.for_each[0], detail="no units 無單位", code="no-units")])
    results: list[tuple[Unit, Outcome, dt.date | None]] = []
    for unit in found:
        sub_ctx = _sub_context(ctx, unit)
        sub_req = attrs.evolve(req, params=substitute(req.params, unit.id), for_each=())
        out = kind.evaluate(sub_req, sub_ctx)
        results.append((unit, out, out.due if out.due is not None else sub_ctx.default_due(sub_req)))
    evidence = dict.fromkeys(ref for _u, o, _d in results for ref in o.evidence)
    failing = [(u, o, d) for u, o, d in results if not o.met]
    if not failing:
        dues = [d for _u, _o, d in results if d is not None]
        return Outcome(True, msg=Msg.of("kind.units.met", n=len(results),
                                        units=tuple(Name(u.name) for u, _o, _d in results)),
                       evidence=evidence, due=max(dues) if dues else None)
    short: list[Shortfall] = []
    for u, o, _d in failing:
        if o.shortfall:
            short.extend(Shortfall(f"{u.id}:{s.subject}", name=f"{u.name}:{s.name or s.subject}",
                                   need=s.need, have=s.have, detail=s.detail, code=s.code, params=s.params,
                                   subjects=(u.id, *s.ids)) for s in o.shortfall)
        else:
            short.append(Shortfall(u.id, name=u.name, detail=o.message_en, code="unit-failed"))
    dues = [d for _u, _o, d in failing if d is not None]
    items: Msg | None = None
    for u, o, _d in failing:
        said = o.msg or Msg.of("finding.text", text=Pair(o.message_zh, o.message_en))
        item = Msg.of("kind.units.item", unit=Name(u.name), text=said)
        items = item if items is None else Msg.of("kind.units.then", first=items, then=item)
    return Outcome(False, msg=Msg.of("kind.units.unmet", failing=len(failing), n=len(results), items=items),
                   evidence=evidence, shortfall=short, due=min(dues) if dues else None,
                   final=any(o.final for _u, o, _d in failing))


def _unit_words(plan: Plan, for_each: tuple[str, ...]) -> tuple[Name | Msg, ...]:
    words = PlanWords(plan)
    activities = {a.id for a in plan.activities}
    roles = {r.id for r in plan.roles}
    out: list[Name | Msg] = []
    for ref_id in for_each:
        children = [b for b in plan.bodies if b.parent == ref_id]
        if children:
            out.extend(words.word(b.id) for b in children)
        elif ref_id in activities:
            out.append(Msg.of("kind.describe.each_event", activity=words.word(ref_id)))
        elif ref_id in roles:
            out.append(Msg.of("kind.describe.each", role=words.word(ref_id)))
        else:
            out.append(words.word(ref_id))
    return tuple(out)


def _legacy_units(text: Described) -> Described:
    # A kind that still describes itself as a (Traditional, English) pair writes "{unit}" as
    # it is in its parameters; on paper that is each unit's own (本單位書記, the unit's secretary).
    if isinstance(text, Msg):
        return text  # PlanWords already says "{unit}" in the reader's language
    zh, en = text
    return (zh.replace(UNIT + "/", "本單位").replace(UNIT, "本單位"),
            en.replace(UNIT + "/", "the unit's ").replace(UNIT, "the unit"))


def describe(kind: Kind, req: Requirement, plan: Plan, *, units: bool = True) -> Msg:
    """The kind's checklist line as a message, prefixed — unless ``units`` is false — with
    the units of a ``for_each`` rule. Accepts either form a kind's ``describe`` returns
    (:data:`~masswork.kinds.base.Described`)."""
    text = described(_legacy_units(kind.describe(req, plan)))
    if not req.for_each or not units:
        return text
    return Msg.of("kind.describe.for_each", units=_unit_words(plan, req.for_each), text=text)
