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
from .common import PlanWords, ids, scope_msg, select
from .measure import describe_measure, evaluate_measure

__all__ = ["Quantity", "QUANTITY", "CREDIT_PER", "credited"]

CREDIT_PER = ("event", "day", "half-day", "hour")
"""What ``credit`` hours are given for: each event, each day it spans, each half day, each of
its recorded hours."""


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


def _describe_quantity(req: Requirement, plan: Plan) -> Msg:
    p: Quantity = req.params
    w = PlanWords(plan)
    if p.measure is not None:
        return describe_measure(p, w)
    # 學時 (the default unit) is masswork's word, said in the reader's language; another unit
    # is the plan's own.
    unit: Msg | Name = Msg.of("kind.describe.study_hours") if p.unit in ("學時", "学时") else Name(p.unit)
    credit = (Msg.of(f"kind.describe.credit.{p.credit_per}", credit=p.credit, unit=unit)
              if p.credit is not None else "")
    scope = scope_msg(w, p.within, p.in_phase)
    what = w.word(p.activity) if p.activity else ""
    if p.credit is not None and not p.min:
        return Msg.of("kind.describe.quantity_credit" if p.activity else "kind.describe.quantity_credit_any",
                      what=what, credit=credit, scope=scope)
    return Msg.of("kind.describe.quantity" + ("_of" if p.activity else ""),
                  who=Msg.of("kind.describe.each", role=w.word(p.per)) if p.per else Msg.of("kind.describe.in_all"),
                  what=what, unit=unit, min=p.min,
                  credit=Msg.of("kind.describe.paren", text=credit) if credit else "", scope=scope)


# monotone: true of hours and of a measure with only a floor; a measured rule with ``max``
# (控制在5000字以內) can be broken by one more event or document, as ``occurs`` with ``max`` can.
QUANTITY = Kind("quantity", Quantity, _quantity, _describe_quantity, monotone=True, title="kind.title.quantity")
