"""``recurring``: at least N events — or document actions — in every calendar period of the
campaign (每月, 每季度, 每兩個月), optionally due by a day of the next period (每月5日前報送上月
工作情況). Periods come from dateutil's rrule; the rule is monotone."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs
from dateutil import rrule
from dateutil.relativedelta import relativedelta

from ..i18n import Msg
from ..model import Plan, Requirement
from ..periods import Window
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import ACTIONS, PlanWords, ids, scope, scope_msg, select, subject, times, what

__all__ = ["Recurring", "KINDS"]


def _positive(_inst: object, attr: attrs.Attribute[int], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attr.name} must not be negative")


def _action(_inst: object, _attr: object, value: str) -> None:
    if value not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")


_FREQ: dict[str, tuple[Literal[0, 1, 2, 3, 4, 5, 6], int]] = {
    "week": (rrule.WEEKLY, 1), "month": (rrule.MONTHLY, 1), "quarter": (rrule.MONTHLY, 3),
    "half-year": (rrule.MONTHLY, 6), "year": (rrule.YEARLY, 1)}


def _day_of_month(_inst: object, _attr: object, value: int | None) -> None:
    if value is not None and not 1 <= value <= 28:
        raise ValueError("due_day must be a day of the month from 1 to 28 (every month has it)")


def _at_least_one(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attr.name} must be at least 1")


@attrs.frozen
class Recurring:
    """At least ``min`` events of ``activity`` — or actions on documents of type
    ``document`` (``action``, ``party`` as for ``occurs``) — in every calendar ``every``
    (week, month, quarter, half-year, year; ``interval`` of them: 每兩個月 is ``every =
    "month"``, ``interval = 2``) of the window: ``within``, else the phase, else the
    plan's own ``start`` … ``end``. With ``due_day``, what covers a period is due by that
    day of the *next* period (每月5日前報送上月工作情況: ``due_day = 5``)."""

    activity: str | None = ref("activity", default=None)
    every: str = attrs.field(default="month", validator=attrs.validators.in_(tuple(_FREQ)))
    min: int = attrs.field(default=1, validator=_positive)
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)
    document: str | None = ref("document", default=None)
    action: str = attrs.field(default="any", validator=_action)
    party: str | None = ref("party", default=None)
    interval: int = attrs.field(default=1, validator=_at_least_one)
    due_day: int | None = attrs.field(default=None, validator=_day_of_month)

    def __attrs_post_init__(self) -> None:
        if (self.activity is None) == (self.document is None):
            raise ValueError("give exactly one of activity or document")


def _periods(start: dt.date, end: dt.date, every: str, interval: int = 1) -> list[tuple[dt.date, dt.date]]:
    freq, step = _FREQ[every]
    step *= interval
    if every == "week":
        first = start - dt.timedelta(days=start.weekday())
    elif every == "year":
        first = start.replace(month=1, day=1)
    else:
        first = start.replace(day=1)
    starts = [d.date() for d in rrule.rrule(freq, interval=step, dtstart=first, until=end)]
    out = []
    for i, s in enumerate(starts):
        nxt = starts[i + 1] if i + 1 < len(starts) else None
        if nxt is None:
            if freq == rrule.WEEKLY:
                nxt = s + dt.timedelta(days=7 * step)
            else:
                nxt = s + relativedelta(months=step * (12 if every == "year" else 1))
        out.append((max(s, start), min(nxt - dt.timedelta(days=1), end)))
    return out


def _recurring_days(p: Recurring, ctx: Context, w: Window) -> tuple[list[tuple[str, dt.date]], tuple[str, ...]]:
    """(evidence id, day) of everything that counts, in time order."""
    if p.activity is not None:
        events = select(ctx, p.activity, in_phase=p.in_phase)
        return [(e.id, e.day) for e in events], ids(events)
    assert p.document is not None
    occ = ctx.occurrences(document=p.document, action=p.action, party=p.party)
    return [(o.ref, o.day) for o in occ], tuple(dict.fromkeys(o.ref for o in occ))


def _recurring(req: Requirement, ctx: Context) -> Outcome:
    p: Recurring = req.params
    w = scope(ctx, p.within, p.in_phase)
    # The plan's own start and end bound a recurring rule that names no window: a missed
    # first month must show, so the first event does not get to start the count.
    start = w.start or ctx.campaign.start
    end = w.end or ctx.campaign.end
    subject_msg = what(ctx, p.activity, p.document, p.action, p.party)
    subject = p.activity or p.document or ""
    if start is None or end is None:
        return Outcome(False, msg=Msg.of("kind.recurring.no_window", what=subject_msg),
                       shortfall=[Shortfall(subject, detail="no window 無時間範圍", code="no-window")])
    days, evidence = _recurring_days(p, ctx, w)
    short: list[Shortfall] = []
    first_due: dt.date | None = None
    used: set[int] = set()
    for a, b in _periods(start, end, p.every, p.interval):
        if p.due_day is not None:
            nxt = b + dt.timedelta(days=1)
            due = nxt.replace(day=p.due_day) if nxt.day <= p.due_day else \
                (nxt + relativedelta(months=1)).replace(day=p.due_day)
        else:
            due = b
        if ctx.as_of is not None and due > ctx.as_of:
            if a > ctx.as_of:
                break
            continue  # the current period is still running
        # Earliest first, each item once: with due_day the windows overlap (a report of
        # 3 February may cover January), and this greedy match is then a maximum one.
        have = 0
        for k, (_ref, day) in enumerate(days):
            if have >= p.min:
                break
            if k not in used and a <= day <= due:
                used.add(k)
                have += 1
        if have < p.min:
            short.append(Shortfall(f"{a}..{b}", need=p.min, have=have,
                                   detail=f"due {due}" if p.due_day is not None else "",
                                   code="due-by" if p.due_day is not None else "count-short",
                                   params={"day": str(due), "need": p.min, "have": have}))
            first_due = first_due or due
    unit = Msg.of(f"kind.recurring.unit.{p.every}")
    per = Msg.of("kind.recurring.every_n", n=p.interval, unit=unit) if p.interval > 1 \
        else Msg.of("kind.recurring.every", unit=unit)
    said = dict(what=subject_msg, per=per, min=p.min,
                by=Msg.of("kind.recurring.by_day", unit=unit, day=p.due_day) if p.due_day else "")
    if not short:
        return Outcome(True, msg=Msg.of("kind.recurring.met", **said), evidence=evidence, due=end)
    return Outcome(False, msg=Msg.of("kind.recurring.unmet", **said, gaps=tuple(s.subject for s in short)),
                   evidence=evidence, shortfall=short, due=first_due)


def _describe_recurring(req: Requirement, plan: Plan) -> Msg:
    p: Recurring = req.params
    w = PlanWords(plan)
    every = (Msg.of(f"kind.describe.every.{p.every}") if p.interval == 1 else
             Msg.of(f"kind.describe.every_n.{p.every}",
                    n=Msg.of(f"kind.describe.num.{p.interval}") if p.interval <= 10 else p.interval))
    due = Msg.of(f"kind.describe.due_day.{p.every}", day=p.due_day) if p.due_day else ""
    return Msg.of("kind.describe.recurring", what=subject(w, p.activity, p.document, p.action, p.party),
                  every=every, times=times(p.min), due=due, scope=scope_msg(w, p.within, p.in_phase))


KINDS = (Kind("recurring", Recurring, _recurring, _describe_recurring, monotone=True,
              title="kind.title.recurring"),)
