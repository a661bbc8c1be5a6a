"""Counting kinds: ``occurs`` (at least N events), ``per-person`` (each holder of a role at
least N), ``per-unit`` and ``quantity`` (total hours at least N); ``recurring`` is in
:mod:`.recurring`. All are monotone: an added event never turns them unmet."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ..i18n import Msg, Name
from ..i18n.dates import span
from ..periods.windows import Window
from ..model import Event, Person, Plan, Requirement
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import ACTIONS as _ACTIONS
from .quantity import QUANTITY, Quantity
from .common import PlanWords, ids, min_for_msg, scope, scope_msg, select, subject, times, what, window_text

__all__ = ["Occurs", "PerPerson", "PerUnit", "Quantity", "Tally", "quota", "tally", "counts_for", "KINDS"]



def _action(_inst: object, _attr: object, value: str) -> None:
    if value not in _ACTIONS:
        raise ValueError(f"action must be one of {', '.join(_ACTIONS)}")


def _positive(_inst: object, attr: attrs.Attribute[int], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attr.name} must not be negative")


@attrs.frozen
class Occurs:
    """At least ``min`` events of ``activity`` (or actions on a ``document`` type), inside
    ``within`` and ``in_phase``, hosted by ``host`` and attended by all of ``attended_by``;
    at most ``max`` when given."""

    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)
    action: str = attrs.field(default="any", validator=_action)
    party: str | None = ref("party", default=None)
    min: int = attrs.field(default=1, validator=_positive)
    max: int | None = None
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)
    host: str | None = ref("party", default=None)
    attended_by: tuple[str, ...] = ref("any", default=())

    def __attrs_post_init__(self) -> None:
        if (self.activity is None) == (self.document is None):
            raise ValueError("give exactly one of activity or document")


def _occurs(req: Requirement, ctx: Context) -> Outcome:
    p: Occurs = req.params
    w = scope(ctx, p.within, p.in_phase)
    if p.activity:
        found: tuple[str, ...] = ids(select(ctx, p.activity, within=p.within, in_phase=p.in_phase,
                                            host=p.host, attended_by=p.attended_by))
    else:
        assert p.document is not None
        occ = ctx.occurrences(document=p.document, action=p.action, party=p.party)
        found = tuple(dict.fromkeys(o.ref for o in occ
                                    if (w.start is None or o.day >= w.start)
                                    and (w.end is None or o.day <= w.end)))
    n = len(found)
    said = dict(what=what(ctx, p.activity, p.document, p.action, p.party),
                host=Msg.of("kind.hosted_by", host=ctx.word(p.host)) if p.host else "",
                within=_within(w))
    if p.max is not None and n > p.max:
        return Outcome(False, msg=Msg.of("kind.occurs.too_many", **said, max=p.max, n=n),
                       evidence=found, final=True, due=w.end,
                       shortfall=[Shortfall(p.activity or p.document or "", need=p.max, have=n,
                                            detail="too many 過多", code="too-many", params={"max": p.max, "have": n})])
    if n >= p.min:
        return Outcome(True, msg=Msg.of("kind.occurs.met", **said, min=p.min, n=n), evidence=found, due=w.end)
    return Outcome(False, msg=Msg.of("kind.occurs.unmet", **said, min=p.min, n=n, planned=ctx.planned(p.activity)),
                   evidence=found, due=w.end,
                   shortfall=[Shortfall(p.activity or p.document or "", name=ctx.name(p.activity or p.document),
                                        need=p.min, have=n, code="count-short", params={"need": p.min, "have": n})])


def _describe_occurs(req: Requirement, plan: Plan) -> Msg:
    p: Occurs = req.params
    w = PlanWords(plan)
    return Msg.of("kind.describe.occurs", what=subject(w, p.activity, p.document, p.action, p.party),
                  times=times(p.min),
                  host=Msg.of("kind.describe.hosted_by", host=w.word(p.host)) if p.host else "",
                  scope=scope_msg(w, p.within, p.in_phase))


def _read_only(value: Mapping[str, int]) -> Mapping[str, int]:
    # A frozen class holding a plain dict could still be changed through it.
    return MappingProxyType(dict(value))


@attrs.frozen
class PerPerson:
    """Each holder of ``role`` (a role, a body's members, a section's staff) does
    ``activity`` at least ``min`` times — as host (``as_`` = "host"), participant or
    attendee — or owns at least ``min`` documents of type ``document``. ``min_for`` gives a
    larger (or smaller) quota to holders of a narrower role or to a named person."""

    role: str = ref("party")
    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)
    action: str = attrs.field(default="any", validator=_action)
    party: str | None = ref("party", default=None)
    min: int = attrs.field(default=1, validator=_positive)
    min_for: Mapping[str, int] = ref("party", factory=dict, converter=_read_only)
    counts: str = attrs.field(default="host", validator=attrs.validators.in_(
        ("host", "participant", "attendee", "owner")))
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)

    def __attrs_post_init__(self) -> None:
        if (self.activity is None) == (self.document is None):
            raise ValueError("give exactly one of activity or document")


@attrs.frozen
class Tally:
    """One person's standing under a per-person quota: their quota, which key of
    ``min_for`` (or the role) set it, and the events or documents that count."""

    person: Person
    quota: int
    basis: str
    done: tuple[str, ...]

    @property
    def owed(self) -> int:
        return max(0, self.quota - len(self.done))


def quota(p: PerPerson, plan: Plan, person: Person) -> tuple[int, str]:
    """A person's quota under ``p`` and what set it: the largest ``min_for`` entry naming the
    person or a role they hold, else ``min`` for the role."""
    roles = plan.person_roles(person)
    best: int | None = None
    basis = p.role
    for key, n in p.min_for.items():
        if (key == person.id or key in roles) and (best is None or n > best):
            best, basis = n, key
    return (p.min if best is None else best), basis


def tally(req: Requirement, ctx: Context) -> tuple[Tally, ...]:
    """Every holder of a ``per-person`` requirement's role with what counts for them — the
    numbers behind the finding, for exporters that show who did how much."""
    p: PerPerson = req.params
    people = ctx.people(p.role)
    w = scope(ctx, p.within, p.in_phase)
    counted: dict[str, dict[str, None]] = {person.id: {} for person in people}
    if p.activity:
        for e in select(ctx, p.activity, within=p.within, in_phase=p.in_phase):
            there = ctx.attendees_of(e) if p.counts == "attendee" else ()
            for person in people:
                if counts_for(p.counts, e, person.id) or person.id in there:
                    counted[person.id][e.id] = None
    else:
        assert p.document is not None
        for o in ctx.occurrences(document=p.document, action=p.action, party=p.party):
            if (w.start and o.day < w.start) or (w.end and o.day > w.end):
                continue
            doc = ctx.index.documents_by_id[o.ref]
            owner = doc.owner or doc.drafted_by
            if owner in counted:
                counted[owner][o.ref] = None
    return tuple(Tally(person, *quota(p, ctx.plan, person), tuple(counted[person.id])) for person in people)


def _per_person(req: Requirement, ctx: Context) -> Outcome:
    p: PerPerson = req.params
    people = ctx.people(p.role)
    w = scope(ctx, p.within, p.in_phase)
    short = []
    seen: dict[str, None] = {}  # an ordered set: evidence in the order it was found
    for t in tally(req, ctx):
        seen.update(dict.fromkeys(t.done))
        if t.owed:
            short.append(Shortfall(t.person.id, name=t.person.name, need=t.quota, have=len(t.done), code="count-short",
                                   params={"need": t.quota, "have": len(t.done)}))
    subject = what(ctx, p.activity, p.document, p.action, p.party)
    verb = Msg.of(f"kind.counts.{p.counts}")
    role = ctx.word(p.role)
    if not people:
        return Outcome(False, msg=Msg.of("kind.per_person.no_holders", role=role, what=subject),
                       due=w.end, shortfall=[Shortfall(p.role, detail="no holders 無人", code="no-holders")])
    if not short:
        return Outcome(True, msg=Msg.of("kind.per_person.met", role=role, verb=verb, what=subject, n=len(people)),
                       evidence=seen, due=w.end)
    return Outcome(False, msg=Msg.of("kind.per_person.unmet", verb=verb, what=subject, who=_counted(short),
                                     planned=ctx.planned(p.activity)),
                   evidence=seen, shortfall=short, due=w.end)


def _counted(short: list[Shortfall]) -> tuple[Msg, ...]:
    """Who is short and by how much: 孫平(應 2 次,實 1 次) / 孫平 (1 of 2)."""
    return tuple(Msg.of("kind.times_of", name=Name(s.name or s.subject), need=s.need, have=s.have) for s in short)


def counts_for(how: str, e: Event, person: str) -> bool:
    """Whether ``e`` counts for ``person`` as ``how`` ("host", "participant", or anything
    else: attendee) by the names the event lists."""
    if how == "host":
        return e.host == person
    if how == "participant":
        return person == e.host or person in e.participants
    return person == e.host or person in e.participants or person in e.attendees


def _describe_per_person(req: Requirement, plan: Plan) -> Msg:
    p: PerPerson = req.params
    w = PlanWords(plan)
    return Msg.of("kind.describe.per_person", role=w.word(p.role),
                  what=subject(w, p.activity, p.document, p.action, p.party), times=times(p.min),
                  extra=min_for_msg(w, p.min_for), scope=scope_msg(w, p.within, p.in_phase))


@attrs.frozen
class PerUnit:
    """Each section (科室) or body (a party branch 黨支部 …) in ``units`` — or every section
    with ``all_sections`` — has at least ``min`` events of ``activity`` (``min_for`` per
    unit), or owns ``min`` documents of type ``document``. An event counts for a unit that
    hosts it, is listed in its ``sections``, ``participants`` or ``attendees``, or whose
    member or staff hosts it."""

    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)
    action: str = attrs.field(default="any", validator=_action)
    party: str | None = ref("party", default=None)
    units: tuple[str, ...] = ref("party", default=())
    all_sections: bool = False
    min: int = attrs.field(default=1, validator=_positive)
    min_for: Mapping[str, int] = ref("party", factory=dict, converter=_read_only)
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)

    def __attrs_post_init__(self) -> None:
        if (self.activity is None) == (self.document is None):
            raise ValueError("give exactly one of activity or document")
        if not self.units and not self.all_sections:
            raise ValueError("give units or all_sections = true")


def _unit_members(ctx: Context, unit: str) -> set[str]:
    members = {p.id for p in ctx.plan.people if p.section == unit}
    for b in ctx.plan.bodies:
        if b.id == unit:
            members |= set(b.everyone())
    return members


def _per_unit(req: Requirement, ctx: Context) -> Outcome:
    p: PerUnit = req.params
    units = list(dict.fromkeys(p.units + (tuple(s.id for s in ctx.plan.sections) if p.all_sections else ())))
    w = scope(ctx, p.within, p.in_phase)
    counted: dict[str, dict[str, None]] = {u: {} for u in units}
    if p.activity:
        for e in select(ctx, p.activity, within=p.within, in_phase=p.in_phase):
            named = {e.host, *e.participants, *e.attendees, *e.sections}
            for u in units:
                if u in named or (e.host is not None and e.host in _unit_members(ctx, u)):
                    counted[u][e.id] = None
    else:
        assert p.document is not None
        for o in ctx.occurrences(document=p.document, action=p.action, party=p.party):
            if (w.start and o.day < w.start) or (w.end and o.day > w.end):
                continue
            if o.owner in counted:
                counted[o.owner][o.ref] = None
    short, seen = [], {}
    for u in units:
        need = p.min_for.get(u, p.min)
        seen.update(dict.fromkeys(counted[u]))
        if len(counted[u]) < need:
            short.append(Shortfall(u, name=ctx.name(u), need=need, have=len(counted[u]), code="count-short",
                                   params={"need": need, "have": len(counted[u])}))
    subject = what(ctx, p.activity, p.document, p.action, p.party)
    if not units:
        return Outcome(False, msg=Msg.of("kind.per_unit.no_units", what=subject),
                       due=w.end, shortfall=[Shortfall(req.id, detail="no units 無單位", code="no-units")])
    if not short:
        return Outcome(True, msg=Msg.of("kind.per_unit.met", what=subject, n=len(units)), evidence=seen, due=w.end)
    return Outcome(False, msg=Msg.of("kind.per_unit.unmet", what=subject, who=_counted(short),
                                     planned=ctx.planned(p.activity)),
                   evidence=seen, shortfall=short, due=w.end)


def _describe_per_unit(req: Requirement, plan: Plan) -> Msg:
    p: PerUnit = req.params
    w = PlanWords(plan)
    said = dict(what=subject(w, p.activity, p.document, p.action, p.party), times=times(p.min),
                extra=min_for_msg(w, p.min_for), scope=scope_msg(w, p.within, p.in_phase))
    if p.all_sections and not p.units:
        return Msg.of("kind.describe.per_unit_all", **said)
    units: tuple[Name | Msg, ...] = w.words(p.units)
    if p.all_sections:
        units += (Msg.of("kind.describe.every_unit"),)
    return Msg.of("kind.describe.per_unit", units=units, **said)


KINDS = (
    Kind("occurs", Occurs, _occurs, _describe_occurs, monotone=True, title="kind.title.occurs"),
    Kind("per-person", PerPerson, _per_person, _describe_per_person, monotone=True, title="kind.title.per-person"),
    Kind("per-unit", PerUnit, _per_unit, _describe_per_unit, monotone=True, title="kind.title.per-unit"),
    QUANTITY,
)


def _within(w: Window) -> Msg | str:
    """The window a count is made in, in words (``span``: dates per language, the plan's
    phrase quoted); a window the plan names only by its phrase stays that phrase."""
    text = window_text(w)  # ``window`` stays the data form in message_params (additive JSON)
    if w.start or w.end:
        return Msg.of("kind.within", window=text, span=span(w.start, w.end, w.phrase))
    return Msg.of("kind.within", window=text, span=text) if text else ""
