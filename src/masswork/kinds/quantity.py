"""``quantity``: the study hours (學時) of events add up to at least ``min`` — in all, or for
each holder of a role — with the hours an event counts for either its recorded ``hours`` or,
for a counting rule (「專題講座每半天折算4學時」, 「參加1次…計2學時」), ``credit`` hours per
event, day, half day or hour of it."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ..i18n import Msg, Name
from ..model import Event, Plan, Requirement
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import ids, scope_text, select
from .measure import evaluate_measure

__all__ = ["Quantity", "QUANTITY", "CREDIT_PER", "credited"]

CREDIT_PER = ("event", "day", "half-day", "hour")
"""What ``credit`` hours are given for: each event, each day it spans, each half day, each of
its recorded hours."""

_PER_ZH = {"event": "每次", "day": "每天", "half-day": "每半天", "hour": "每小時"}


def _not_negative(_inst: object, attr: "attrs.Attribute[float | None]", value: float | None) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attr.name} must not be negative")


def _min_not_negative(_inst: object, attr: "attrs.Attribute[float]", value: float) -> None:
    if value < 0:
        raise ValueError(f"{attr.name} must not be negative")


_MEASURE = re.compile(r"^[^\W\d][\w-]{0,39}$")


def _bad(code: str, **params: object) -> ValueError:
    # A Msg, so the loader says what is wrong in the reader's language (loaders/structure.py).
    return ValueError(Msg.of(code, **params))


@attrs.frozen
class Quantity:
    """The ``hours`` of events of ``activity`` add up to at least ``min``; with ``per``, for
    each holder of that role, counting the events they attended. With ``credit``, an event
    counts ``credit`` hours for each ``credit_per`` (event, day, half-day, hour) instead of
    its recorded hours; a rule with ``credit`` and ``min = 0`` states how events count and
    requires no total of its own."""

    min: float = attrs.field(validator=_min_not_negative)
    activity: str | None = ref("activity", default=None)
    per: str | None = ref("party", default=None)
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)
    unit: str = "學時"
    credit: float | None = attrs.field(default=None, validator=_not_negative)
    credit_per: str = attrs.field(default="event", validator=attrs.validators.in_(CREDIT_PER))
    measure: str | None = None
    """Instead of hours, a named amount recorded in the ``amounts`` of the events of
    ``activity`` (or documents of type ``document``): ``words``, ``attendees``, ``share``,
    ``pages`` … or any word the plan chooses."""
    of: str | None = None
    """With ``measure``: the share, in per cent, ``measure`` is of this recorded count
    (``attendees`` of ``expected``)."""
    each: bool = False
    """With ``measure``: every event or document is within ``min``..``max``, not their sum."""
    max: float | None = attrs.field(default=None, validator=_not_negative)
    document: str | None = ref("document", default=None)

    def __attrs_post_init__(self) -> None:
        if self.measure is None:
            for key in ("of", "each", "max", "document"):
                if getattr(self, key) not in (None, False):
                    raise _bad("quantity.needs_measure", key=key)
            return
        for key in ("measure", "of"):
            name = getattr(self, key)
            if name is not None and not _MEASURE.match(name):
                raise _bad("quantity.bad_measure", key=key, value=name)
        if self.of is not None and self.of == self.measure:
            raise _bad("quantity.same_of", value=self.of)
        if self.credit is not None:
            raise _bad("quantity.credit_measure")
        if self.per is not None:
            raise _bad("quantity.per_measure")
        if self.document is not None and self.activity is not None:
            raise _bad("quantity.both_sources")
        if self.max is not None and self.max < self.min:
            raise _bad("quantity.max_below_min", min=self.min, max=self.max)


def credited(p: Quantity, e: Event) -> float:
    """The hours event ``e`` counts for under rule ``p``."""
    if p.credit is None:
        return e.hours
    if p.credit_per == "hour":
        return p.credit * e.hours
    days = (e.last_day - e.day).days + 1
    size = {"event": 1, "day": days, "half-day": 2 * days}[p.credit_per]
    return p.credit * size


def _quantity(req: Requirement, ctx: Context) -> Outcome:
    p: Quantity = req.params
    if p.measure is not None:
        return evaluate_measure(req, ctx)
    need = p.min
    events = select(ctx, p.activity, within=p.within, in_phase=p.in_phase)
    if p.per is None:
        total = sum(credited(p, e) for e in events)
        ok = total >= need
        return Outcome(ok, msg=Msg.of("kind.quantity.total", total=float(total), unit=p.unit, min=float(need)),
                       evidence=ids([e for e in events if credited(p, e)]),
                       shortfall=() if ok else [Shortfall(p.activity or "total", need=need, have=total,
                                                             code="count-short",
                                                             params={"need": need, "have": total})])
    short: list[Shortfall] = []
    seen: dict[str, None] = {}
    if not ctx.people(p.per):
        # Every member of an empty roster has their hours: true, and worthless.
        return Outcome(False, msg=Msg.of("kind.quantity.no_holders", role=ctx.word(p.per), unit=p.unit),
                       shortfall=[Shortfall(p.per, detail="no holders 無人", code="no-holders")])
    attendance = ctx.attendance(events)
    for person in ctx.people(p.per):
        mine = attendance.get(person.id, [])
        have = sum(credited(p, e) for e in mine)
        seen.update(dict.fromkeys(e.id for e in mine))
        if have < need:
            short.append(Shortfall(person.id, name=person.name, need=need, have=have, code="count-short",
                                   params={"need": need, "have": have}))
    if not short:
        return Outcome(True, msg=Msg.of("kind.quantity.met", role=ctx.word(p.per), min=float(need), unit=p.unit),
                       evidence=seen)
    who = tuple(Msg.of("kind.have_of", name=Name(s.name or s.subject), have=s.have, need=s.need) for s in short)
    return Outcome(False, msg=Msg.of("kind.quantity.unmet", unit=p.unit, who=who),
                   evidence=seen, shortfall=short)


def _describe_measure(p: Quantity, names: Mapping[str, str]) -> tuple[str, str]:
    src = p.document or p.activity
    what = names.get(src, src) if src else ""
    s_zh, s_en = scope_text(names, p.within, p.in_phase)
    of_zh = f"占 {p.of} 的比例" if p.of else ""
    of_en = f" as a share of {p.of}" if p.of else ""
    lo_zh = f"不少於 {p.min:g}" if p.min or p.max is None else ""
    hi_zh = f"不超過 {p.max:g}" if p.max is not None else ""
    lo_en = f"at least {p.min:g}" if p.min or p.max is None else ""
    hi_en = f"at most {p.max:g}" if p.max is not None else ""
    bound_zh = "、".join(x for x in (lo_zh, hi_zh) if x)
    bound_en = " and ".join(x for x in (lo_en, hi_en) if x)
    each_zh, each_en = ("每份/每次", "each") if p.each else ("累計", "in all")
    return (f"{what}{each_zh}{p.measure}{of_zh}{bound_zh} {p.unit}{s_zh}",
            f"{src + ': ' if src else ''}{p.measure}{of_en}, {each_en}, {bound_en} {p.unit}{s_en}")


def _describe_quantity(req: Requirement, plan: Plan) -> tuple[str, str]:
    p: Quantity = req.params
    names = plan.names()
    if p.measure is not None:
        return _describe_measure(p, names)
    who = f"每位{names.get(p.per, p.per)}" if p.per else "累計"
    what = names.get(p.activity, p.activity) if p.activity else ""
    s_zh, s_en = scope_text(names, p.within, p.in_phase)
    credit_zh = f"{_PER_ZH[p.credit_per]}折算 {p.credit:g} {p.unit}" if p.credit is not None else ""
    credit_en = f"{p.credit:g} hours per {p.credit_per}" if p.credit is not None else ""
    if p.credit is not None and not p.min:
        return (f"{what}{credit_zh}{s_zh}",
                f"{p.activity + ': ' if p.activity else ''}{credit_en}{s_en}")
    return (f"{who}{what}{p.unit}不少於 {p.min:g}{'(' + credit_zh + ')' if credit_zh else ''}{s_zh}",
            f"{'each ' + p.per if p.per else 'in all'}: at least {p.min:g} hours"
            f"{' of ' + p.activity if p.activity else ''}{' (' + credit_en + ')' if credit_en else ''}{s_en}")


# monotone: true of hours and of a measure with only a floor; a measured rule with ``max``
# (控制在5000字以內) can be broken by one more event or document, as ``occurs`` with ``max`` can.
QUANTITY = Kind("quantity", Quantity, _quantity, _describe_quantity, "數量(學時)", "quantity (hours)",
                monotone=True)
