"""``quantity`` with a ``measure``: an amount recorded on events or documents (their
``amounts``: words of a 心得, people present at a meeting, a share in per cent, pages,
articles), for each event or document (``each``) or summed, at least ``min`` and at most
``max``; with ``of``, the share (per cent) one recorded count is of another
(``attendees`` of ``expected``: 到會人數過半數)."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import Msg, Name
from ..model import Document, Event, Requirement
from ..report import Shortfall
from .base import Context, Outcome
from .common import PlanWords, scope_msg, select

__all__ = ["BUILT_IN", "evaluate_measure", "measured"]

BUILT_IN = ("words", "attendees", "share", "pages", "articles", "copies", "people", "items")
"""Measures every plan knows without declaring them; a plan may name any other (a word of
letters, digits, ``_`` and ``-``), and the schedule records it under that name."""

Item = Event | Document


def measured(ctx: Context, item: Item, name: str) -> float | None:
    """The amount ``name`` recorded on ``item``; for an event's ``attendees`` not recorded as
    a number, how many people its attendees list names. None when nothing says."""
    if name in item.amounts:
        return item.amounts[name]
    if name == "attendees" and isinstance(item, Event) and item.attendees:
        # the roster's people it names (a role counts its holders), else the ids listed
        return float(len(ctx.attendees_of(item)) or len(item.attendees))
    return None


def _word(name: str) -> Msg | str:
    # A built-in measure in the reader's language; a plan's own word as the plan wrote it.
    return Msg.of(f"quantity.measure.{name}") if name in BUILT_IN else name


def _bound(p: object) -> Msg:
    lo: float = getattr(p, "min")
    hi: float | None = getattr(p, "max")
    unit: str = getattr(p, "unit")
    if hi is None:
        return Msg.of("quantity.bound.min", min=float(lo), unit=unit)
    if not lo:
        return Msg.of("quantity.bound.max", max=float(hi), unit=unit)
    return Msg.of("quantity.bound.range", min=float(lo), max=float(hi), unit=unit)


def describe_measure(p: object, words: PlanWords) -> Msg:
    """One checklist line for a measured quantity: what is measured, on what, each or in
    all, its bound and its scope."""
    src: str | None = getattr(p, "document") or getattr(p, "activity")
    of: str | None = getattr(p, "of")
    return Msg.of("kind.describe.measure" if src else "kind.describe.measure_any",
                  what=words.word(src) if src else "", measure=_word(getattr(p, "measure")),
                  of=Msg.of("kind.describe.measure_of", of=_word(of)) if of else "",
                  each=Msg.of("kind.describe.measure_each" if getattr(p, "each") else "kind.describe.in_all"),
                  bound=_bound(p), scope=scope_msg(words, getattr(p, "within"), getattr(p, "in_phase")))


def _value(ctx: Context, p: object, items: Sequence[Item]) -> tuple[float | None, str | None]:
    """The measure over ``items`` (summed; a share of the summed ``of``), or None and the name
    of the amount one of them lacks."""
    measure: str = getattr(p, "measure")
    of: str | None = getattr(p, "of")
    top = 0.0
    bottom = 0.0
    for it in items:
        v = measured(ctx, it, measure)
        if v is None:
            return None, measure
        top += v
        if of is not None:
            d = measured(ctx, it, of)
            if d is None:
                return None, of
            bottom += d
    if of is None:
        return top, None
    if bottom <= 0:
        return None, of
    return round(100.0 * top / bottom, 2), None


def _items(ctx: Context, p: object) -> tuple[Item, ...]:
    document: str | None = getattr(p, "document")
    if document is None:
        return select(ctx, getattr(p, "activity"), within=getattr(p, "within"), in_phase=getattr(p, "in_phase"))
    return ctx.index.documents(document)


def _judge(subject: str, name: str, have: float, p: object) -> Shortfall | None:
    lo: float = getattr(p, "min")
    hi: float | None = getattr(p, "max")
    unit: str = getattr(p, "unit")
    if have < lo:
        return Shortfall(subject, name=name, need=lo, have=have, code="quantity.short",
                         params={"need": lo, "have": have, "unit": unit})
    if hi is not None and have > hi:
        return Shortfall(subject, name=name, need=hi, have=have, code="quantity.over",
                         params={"max": hi, "have": have, "unit": unit})
    return None


def evaluate_measure(req: Requirement, ctx: Context) -> Outcome:
    """Each event/document (``each``) or their sum (or share) between ``min`` and ``max``."""
    p = req.params
    items = _items(ctx, p)
    what = getattr(p, "document") or getattr(p, "activity")
    said = dict(measure=_word(p.measure), unit=p.unit, bound=_bound(p), what=ctx.word(what) if what else "")
    evidence = tuple(it.id for it in items)
    if not items:
        if p.each:  # a rule on each meeting with no meeting yet: nothing broke it
            return Outcome(True, msg=Msg.of("quantity.none", **said), evidence=())
        have0 = 0.0
        sf = _judge(what or p.measure, "", have0, p)
        return Outcome(sf is None, msg=Msg.of("quantity.total", **said, have=have0),
                       shortfall=() if sf is None else [sf])
    short: list[Shortfall] = []
    if p.each:
        for it in items:
            have, lacking = _value(ctx, p, (it,))
            if have is None:
                short.append(Shortfall(it.id, name=it.title, code="quantity.unrecorded",
                                       params={"measure": lacking or p.measure}))
                continue
            sf = _judge(it.id, it.title, have, p)
            if sf is not None:
                short.append(sf)
        if not short:
            return Outcome(True, msg=Msg.of("quantity.each_met", **said, n=len(items)), evidence=evidence)
        who = tuple(Name(s.name or s.subject) for s in short)
        return Outcome(False, msg=Msg.of("quantity.each_unmet", **said, n=len(short), who=who),
                       evidence=evidence, shortfall=short)
    have, lacking = _value(ctx, p, items)
    if have is None:
        return Outcome(False, msg=Msg.of("quantity.unrecorded_total", **said, lacking=lacking or p.measure),
                       evidence=evidence,
                       shortfall=[Shortfall(what or p.measure, code="quantity.unrecorded",
                                            params={"measure": lacking or p.measure})])
    sf = _judge(what or p.measure, "", have, p)
    return Outcome(sf is None, msg=Msg.of("quantity.total", **said, have=have), evidence=evidence,
                   shortfall=() if sf is None else [sf])
