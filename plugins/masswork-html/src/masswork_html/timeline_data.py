"""What the timeline shows, taken from the plan, the schedule and the report: the phases
with their dates (their own, else their events' span), the requirement windows, and the
labels in the reader's language. No drawing here: :mod:`.svgparts` draws, :mod:`.timeline`
lays out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from masswork.model import Event, EventStatus, Plan, Requirement
from masswork.periods import Window, parse_window
from masswork.report import Finding, Status


class Labels(NamedTuple):
    lang: str  # "zh" or "en": the layout's choice (date style, separators)
    names: dict[str, str]
    status: dict[Status, str]
    event_status: dict[str, str]
    words: dict[str, str]
    speech: str = "zh-Hant"  # the language messages are rendered in (zh-Hans, zh-Hant, en)


class _Phase(NamedTuple):
    id: str
    name: str
    start: dt.date
    end: dt.date          # inclusive
    derived: bool         # bounds taken from the events, the plan names none


def _window(plan: Plan, phrase: str | None) -> Window | None:
    if not phrase:
        return None
    try:
        return parse_window(phrase, plan.year)
    except Exception:  # noqa: BLE001 - a phrase the timeline cannot place is left out
        return None


def _requirement(plan: Plan, rule: str) -> Requirement | None:
    try:
        return plan.requirement(rule)
    except KeyError:
        return None


def _day(e: Event) -> dt.date:
    return e.day


def _last_day(e: Event) -> dt.date:
    if e.end is None:
        return e.day
    end = e.end.date() if isinstance(e.end, dt.datetime) else e.end
    return max(e.day, end)


def phases(plan: Plan, events: Sequence[Event]) -> list[_Phase]:
    """The plan's phases with dates: their own, else the span of their events; a phase
    with one bound only is closed by the campaign's. Phases with neither are left out."""
    camp_s = (_window(plan, plan.start) or Window(None, None)).start
    camp_e = (_window(plan, plan.end) or Window(None, None)).end
    out = []
    for ph in plan.phases:
        s = (_window(plan, ph.start) or Window(None, None)).start
        e = (_window(plan, ph.end) or Window(None, None)).end
        derived = False
        mine = [ev for ev in events if ev.phase == ph.id and ev.status is not EventStatus.CANCELLED]
        if s is None and mine:
            s, derived = min(_day(ev) for ev in mine), True
        if e is None and mine:
            e, derived = max(_last_day(ev) for ev in mine), True
        if s is None and e is None:
            continue  # no dates of its own and no events: nothing honest to draw
        s = s or camp_s or e
        e = e or camp_e or s
        if s is None or e is None or s > e:
            continue
        out.append(_Phase(ph.id, ph.name or ph.id, s, e, derived))
    return out


def windows(plan: Plan, findings: Iterable[Finding]) -> list[tuple[Finding, dt.date, dt.date]]:
    """Findings whose requirement names a bounded window (``within = "3月中旬"``)."""
    out = []
    for f in findings:
        req = _requirement(plan, f.rule)
        within = getattr(req.params, "within", None) if req is not None else None
        w = _window(plan, within) if isinstance(within, str) else None
        if w is not None and w.start is not None and w.end is not None:
            out.append((f, w.start, w.end))
    return out
