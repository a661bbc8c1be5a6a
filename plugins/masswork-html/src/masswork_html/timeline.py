"""The SVG timeline: month ticks, phases as bands, requirement windows as bars, deadlines as
stacked columns by status, failing rules as red diamonds, events as dots (held filled,
planned hollow, cancelled crossed) in one row per activity type, the as-of day as a line,
and a legend. Plain inline SVG: no script, no external reference; every text escaped."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from masswork.exporters import ExportInput
from masswork.model import Event, EventStatus, Plan, Requirement
from masswork.periods import Window, parse_window
from masswork.report import Finding, Status

from .text import esc, fit, text_width

__all__ = ["timeline_svg", "STATUS_COLOURS", "PHASE_COLOURS", "Labels"]

W = 1160          # viewBox width
LABEL = 168       # left column for lane labels
PX0 = LABEL + 14  # plot area
PX1 = W - 28

STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    # (strong, light)
    Status.MET: ("#2e7d32", "#e6f4ea"),
    Status.OPEN: ("#1e6bb8", "#e4eefb"),
    Status.OVERDUE: ("#d32f2f", "#fdecea"),
    Status.UNMET: ("#9a1b1b", "#f9dede"),
    Status.WAIVED: ("#7b7f86", "#eef0f2"),
}
PHASE_COLOURS = (
    ("#dcebfa", "#5b8fc7", "#1d4f86"),
    ("#fde9cf", "#d9973a", "#7a4a06"),
    ("#e1f1dc", "#6aa95b", "#2c5a22"),
    ("#ece2f7", "#9873c4", "#4d2a78"),
    ("#fbe0e7", "#cf6f8a", "#7a1f3a"),
    ("#dff3f3", "#4aa3a3", "#1c5757"),
)
EVENT_COLOUR = "#37474f"
AS_OF_COLOUR = "#e07b00"
# Stack order in a deadline column, bottom to top: the failing ones end on top, in sight.
STACK = (Status.MET, Status.WAIVED, Status.OPEN, Status.OVERDUE, Status.UNMET)


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


class _Axis:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.t0 = dt.date(first.year, first.month, 1)
        nxt = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        self.t1 = nxt
        self.days = max(1, (self.t1 - self.t0).days)

    def x(self, d: dt.date) -> float:
        """Left edge of day ``d``."""
        return PX0 + (d - self.t0).days / self.days * (PX1 - PX0)

    def mid(self, d: dt.date) -> float:
        return self.x(d) + self.day_width / 2

    @property
    def day_width(self) -> float:
        return (PX1 - PX0) / self.days

    def months(self) -> list[dt.date]:
        span = (self.t1.year - self.t0.year) * 12 + self.t1.month - self.t0.month
        step = 1 if span <= 18 else 3 if span <= 60 else 12 if span <= 240 else max(12, span // 20 // 12 * 12)
        out = []
        y, m = self.t0.year, self.t0.month
        i = 0
        while dt.date(y, m, 1) < self.t1:
            if i % step == 0:
                out.append(dt.date(y, m, 1))
            i += 1
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _pack(items: Sequence[tuple[float, float]], gap: float = 4.0) -> list[int]:
    """Rows for horizontal extents so none overlap in a row (first fit, in the given order)."""
    ends: list[float] = []
    rows = []
    for left, right in items:
        for i, end in enumerate(ends):
            if left >= end + gap:
                ends[i] = right
                rows.append(i)
                break
        else:
            ends.append(right)
            rows.append(len(ends) - 1)
    return rows


def _f(v: float) -> str:
    """A coordinate: short and stable."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def _diamond(cx: float, cy: float, r: float, fill: str, stroke: str, extra: str = "") -> str:
    pts = f"{_f(cx)},{_f(cy - r)} {_f(cx + r)},{_f(cy)} {_f(cx)},{_f(cy + r)} {_f(cx - r)},{_f(cy)}"
    return f'<polygon points="{pts}" fill="{fill}" stroke="{stroke}" stroke-width="1.2"{extra}/>'


def timeline_svg(inp: ExportInput, labels: Labels) -> str:
    """The whole timeline as one ``<svg>`` element (empty string when nothing has a date)."""
    plan, schedule, report = inp.plan, inp.schedule, inp.report
    names = labels.names
    word = labels.words
    events = sorted(schedule.events, key=lambda e: (e.day, str(e.start), e.id))
    phs = [p._replace(name=names.get(p.id, p.name)) for p in phases(plan, events)]
    wins = windows(plan, report.findings)
    dues = [f for f in report.findings if f.due is not None]

    dates: list[dt.date] = [e.day for e in events] + [_last_day(e) for e in events]
    dates += [p.start for p in phs] + [p.end for p in phs]
    dates += [f.due for f in dues if f.due is not None]
    dates += [s for _, s, _ in wins] + [e for _, _, e in wins]
    camp = (_window(plan, plan.start), _window(plan, plan.end))
    camp_s = camp[0].start if camp[0] else None
    camp_e = camp[1].end if camp[1] else None
    dates += [d for d in (camp_s, camp_e, inp.as_of) if d is not None]
    if not dates:
        return ""
    axis = _Axis(min(dates), max(dates))
    parts: list[str] = []
    y = 46.0
    lane_tops: list[tuple[float, str]] = []

    # -------------------------------------------------------------- phases
    if phs:
        rows = _pack([(axis.x(p.start), axis.x(p.end + dt.timedelta(days=1))) for p in phs], gap=-0.5)
        lane_tops.append((y, word["lane_phases"]))
        band_h, pitch = 28.0, 32.0
        for i, (p, row) in enumerate(zip(phs, rows)):
            fill, stroke, ink = PHASE_COLOURS[i % len(PHASE_COLOURS)]
            x0, x1 = axis.x(p.start), axis.x(p.end + dt.timedelta(days=1))
            top = y + row * pitch
            dash = ' stroke-dasharray="4 3"' if p.derived else ""
            tip = f"{p.name} {p.start.isoformat()} – {p.end.isoformat()}"
            if p.derived:
                tip += f" ({word['derived']})"
            label = fit(p.name, 12.5, x1 - x0 - 12)
            label_x = x0 + 8
            if not label:  # too narrow: the name goes beside the band, if there is room
                label = fit(p.name, 12.5, PX1 - x1 - 8)
                label_x = x1 + 6
            parts.append(
                f'<g class="phase" data-phase="{esc(p.id)}"><title>{esc(tip)}</title>'
                f'<rect x="{_f(x0 + 1)}" y="{_f(top)}" width="{_f(max(x1 - x0 - 2, 2))}" height="{_f(band_h)}" rx="5" '
                f'fill="{fill}" stroke="{stroke}"{dash}/>'
                + (f'<text x="{_f(label_x)}" y="{_f(top + band_h / 2 + 4.5)}" class="phase-label" fill="{ink}">'
                   f"{esc(label)}</text>" if label else "")
                + "</g>")
        y += (max(rows) + 1) * pitch + 14

    # -------------------------------------------------------------- requirement windows
    if wins:
        lane_tops.append((y, word["lane_windows"]))
        extents = []
        for f, ws, we in wins:
            right = axis.x(we + dt.timedelta(days=1))
            due = f.due
            if due is not None and ws <= due <= we:
                right = max(right, axis.mid(due) + 6)
            extents.append((axis.x(ws), right + 6 + text_width(f.clause, 10.5)))
        order = sorted(range(len(wins)), key=lambda i: (extents[i][0], wins[i][0].rule))
        rows_sorted = _pack([extents[i] for i in order])
        rows = [0] * len(wins)
        for i, r in zip(order, rows_sorted):
            rows[i] = r
        pitch = 17.0
        for (f, ws, we), row in zip(wins, rows):
            strong, light = STATUS_COLOURS[f.status]
            cy = y + row * pitch + 7
            x0, x1 = axis.x(ws), axis.x(we + dt.timedelta(days=1))
            tip = f"{f.clause} {labels.status[f.status]} · {ws.isoformat()} – {we.isoformat()} · {f.message(labels.speech)}"
            g = [f'<g class="window" data-rule="{esc(f.rule)}"><title>{esc(tip)}</title>',
                 f'<rect x="{_f(x0)}" y="{_f(cy - 3.5)}" width="{_f(max(x1 - x0, 2))}" height="7" rx="3.5" '
                 f'fill="{light}" stroke="{strong}"/>']
            end_x = x1
            due = f.due
            if due is not None and ws <= due <= we:  # a later due date shows in the deadlines lane
                g.append(_diamond(axis.mid(due), cy, 5.5, strong, "#fff"))
                end_x = max(end_x, axis.mid(due) + 6)
            g.append(f'<text x="{_f(end_x + 4)}" y="{_f(cy + 3.8)}" class="small" fill="{strong}">{esc(f.clause)}</text>')
            g.append("</g>")
            parts.append("".join(g))
        y += (max(rows) + 1) * pitch + 12

    # -------------------------------------------------------------- deadlines by day
    if dues:
        by_day: dict[dt.date, list[Finding]] = defaultdict(list)
        for f in dues:
            assert f.due is not None
            by_day[f.due].append(f)
        biggest = max(len(v) for v in by_day.values())
        col_max, col_w = 64.0, 9.0
        lane_tops.append((y, word["lane_deadlines"]))
        base = y + col_max + 16
        last_x = -1e9
        for day in sorted(by_day):
            fs = by_day[day]
            true_x = axis.mid(day)
            cx = max(true_x, last_x + col_w + 2)
            last_x = cx
            h = max(8.0, col_max * math.sqrt(len(fs) / biggest))
            counts = {st: sum(1 for f in fs if f.status is st) for st in STACK}
            tip_lines = [f"{day.isoformat()} · {word['due']} {len(fs)}"]
            tip_lines += [f"{labels.status[st]} {n}" for st, n in counts.items() if n]
            tip_lines += [f"{f.clause} {labels.status[f.status]}" for f in sorted(fs, key=lambda f: (STACK.index(f.status), f.clause))][:40]
            g = [f'<g class="due" data-day="{day.isoformat()}" data-n="{len(fs)}"><title>{esc(chr(10).join(tip_lines))}</title>']
            top = base
            n_total = len(fs)
            for st in STACK:
                n = counts[st]
                if not n:
                    continue
                seg = max(2.5, h * n / n_total)
                top -= seg
                g.append(f'<rect x="{_f(cx - col_w / 2)}" y="{_f(top)}" width="{_f(col_w)}" height="{_f(seg)}" '
                         f'fill="{STATUS_COLOURS[st][0]}"/>')
            g.append(f'<text x="{_f(cx)}" y="{_f(top - 4)}" class="count" text-anchor="middle">{n_total}</text>')
            if abs(cx - true_x) > 0.5:
                g.append(f'<path d="M{_f(true_x)} {_f(base + 5)} L{_f(cx)} {_f(base)}" class="leader"/>')
            g.append("</g>")
            parts.append("".join(g))
        parts.append(f'<line x1="{PX0}" x2="{PX1}" y1="{_f(base)}" y2="{_f(base)}" class="baseline"/>')
        y = base + 18

    # -------------------------------------------------------------- failing rules
    failing = sorted((f for f in dues if f.status.failing), key=lambda f: (f.due or dt.date.min, f.clause, f.rule))
    if failing:
        lane_tops.append((y, word["lane_failing"]))
        tags = []
        for f in failing:
            assert f.due is not None
            req = _requirement(plan, f.rule)
            title = (req.title if labels.lang == "zh" else (req.title_en or req.title)) if req is not None else ""
            tag = fit(f"{f.clause} {title}".strip(), 10.5, 170)
            left = axis.mid(f.due) - 6
            right = left + 14 + text_width(tag, 10.5)
            if right > W - 2:  # a late due date: the label goes left of its diamond, not off the edge
                left, right = axis.mid(f.due) + 6 - (14 + text_width(tag, 10.5)), axis.mid(f.due) + 6
            tags.append((f, tag, left, right))
        rows = _pack([(a, b) for _, _, a, b in tags])
        pitch = 18.0
        for (f, tag, left, _), row in zip(tags, rows):
            assert f.due is not None
            strong, _light = STATUS_COLOURS[f.status]
            cx, cy = axis.mid(f.due), y + row * pitch + 8
            tip = f"{labels.status[f.status]} · {f.clause} · {f.message(labels.speech)}"
            at = (f'x="{_f(cx + 9)}"' if abs(left - (cx - 6)) < 1e-6 else f'x="{_f(cx - 9)}" text-anchor="end"')
            parts.append(
                f'<g class="fail" data-rule="{esc(f.rule)}" data-status="{f.status.value}"><title>{esc(tip)}</title>'
                f'{_diamond(cx, cy, 6, strong, "#fff")}'
                f'<text {at} y="{_f(cy + 3.8)}" class="small strong" fill="{strong}">{esc(tag)}</text></g>')
        y += (max(rows) + 1) * pitch + 10

    # -------------------------------------------------------------- events, one row per type
    if events:
        types: list[str] = []
        for ev in events:
            if ev.type not in types:
                types.append(ev.type)
        pitch = 20.0
        for i, t in enumerate(types):
            cy = y + i * pitch + pitch / 2
            if i % 2 == 0:
                parts.append(f'<rect x="6" y="{_f(cy - pitch / 2)}" width="{_f(PX1 - 6 + 6)}" '
                             f'height="{_f(pitch)}" class="stripe"/>')
            name = names.get(t, t)
            parts.append(f'<text x="{LABEL}" y="{_f(cy + 4)}" class="row-label" text-anchor="end">'
                         f"<title>{esc(name)}</title>{esc(fit(name, 12, LABEL - 14))}</text>")
            for state in ("cancelled", "planned", "held"):  # held drawn last, on top
                mine = [ev for ev in events if ev.type == t and _state(ev) == state]
                for cluster in _clusters(mine, axis):
                    parts.append(_event_mark(cluster, state, cy, axis, labels))
        y += len(types) * pitch + 6

    plot_bottom = y

    # -------------------------------------------------------------- frame: campaign, months, as-of
    frame: list[str] = []
    if camp_s is not None and camp_e is not None and camp_s <= camp_e:
        frame.append(f'<rect x="{_f(axis.x(camp_s))}" y="34" width="{_f(axis.x(camp_e + dt.timedelta(days=1)) - axis.x(camp_s))}" '
                     f'height="{_f(plot_bottom - 34)}" class="campaign"><title>{esc(word["campaign"])} '
                     f"{camp_s.isoformat()} – {camp_e.isoformat()}</title></rect>")
    ticks = axis.months()
    for j, m in enumerate(ticks):
        x = axis.x(m)
        frame.append(f'<line x1="{_f(x)}" x2="{_f(x)}" y1="26" y2="{_f(plot_bottom)}" class="grid"/>')
        nxt = ticks[j + 1] if j + 1 < len(ticks) else axis.t1
        label = _month_label(m, labels.lang, first=(j == 0 or m.month == 1))
        frame.append(f'<text x="{_f((x + axis.x(nxt)) / 2)}" y="22" class="month" text-anchor="middle">{esc(label)}</text>')
    frame.append(f'<line x1="{PX1}" x2="{PX1}" y1="26" y2="{_f(plot_bottom)}" class="grid"/>')
    for top, text in lane_tops:
        if text:
            frame.append(f'<text x="{LABEL}" y="{_f(top + 12)}" class="lane-label" text-anchor="end">{esc(text)}</text>')
    over: list[str] = []
    if inp.as_of is not None and axis.t0 <= inp.as_of < axis.t1:
        x = axis.mid(inp.as_of)
        over.append(f'<g class="asof"><title>{esc(word["as_of"])} {inp.as_of.isoformat()}</title>'
                    f'<line x1="{_f(x)}" x2="{_f(x)}" y1="30" y2="{_f(plot_bottom)}" stroke="{AS_OF_COLOUR}" '
                    f'stroke-width="1.6" stroke-dasharray="5 4"/>'
                    f'<rect x="{_f(x - 44)}" y="{_f(plot_bottom + 2)}" width="88" height="18" rx="9" fill="{AS_OF_COLOUR}"/>'
                    f'<text x="{_f(x)}" y="{_f(plot_bottom + 15)}" class="asof-label" text-anchor="middle">'
                    f"{esc(word['as_of_short'])} {inp.as_of.strftime('%m-%d')}</text></g>")
        plot_bottom += 22

    legend, legend_h = _legend(plot_bottom + 18, labels)
    height = plot_bottom + 18 + legend_h + 10
    title = esc(f"{word['timeline']} — {plan.title}")
    return (f'<svg class="timeline" viewBox="0 0 {W} {_f(height)}" width="{W}" height="{_f(height)}" '
            f'xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="tl-title">'
            f'<title id="tl-title">{title}</title>'
            + "".join(frame) + "".join(parts) + "".join(over) + legend + "</svg>")


def _month_label(m: dt.date, lang: str, first: bool) -> str:
    if lang == "zh":
        return f"{m.year}年{m.month}月" if first else f"{m.month}月"
    name = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m.month - 1]
    return f"{name} {m.year}" if first else name


DOT_R = 5.0


def _state(e: Event) -> str:
    return "cancelled" if e.status is EventStatus.CANCELLED else e.status.value


def _clusters(events: Sequence[Event], axis: _Axis) -> list[list[Event]]:
    """Events (in time order) grouped where their dots would touch."""
    out: list[list[Event]] = []
    last_x = -1e9
    for e in events:
        x = axis.mid(e.day)
        if out and x - last_x < 2 * DOT_R + 2:
            out[-1].append(e)
        else:
            out.append([e])
        last_x = x
    return out


def _event_mark(evs: list[Event], state: str, cy: float, axis: _Axis, labels: Labels) -> str:
    """One dot (held filled, planned hollow, cancelled crossed) for a single event, a
    bigger dot with a count for several on one day, a capsule with a count for a run of
    days; multi-day events get a faint bar to their last day."""
    names = labels.names
    lines = []
    for e in evs[:40]:
        when = e.start.strftime("%Y-%m-%d %H:%M") if isinstance(e.start, dt.datetime) else e.day.isoformat()
        sep = ":" if labels.lang == "zh" else ": "
        what = names.get(e.type, e.type) + (sep + e.title if e.title else "")
        bits = [when, what, labels.event_status[e.status.value]]
        if e.host:
            bits.append(names.get(e.host, e.host))
        if e.place:
            bits.append(e.place)
        lines.append(" · ".join(bits))
    if len(evs) > 40:
        lines.append(f"… +{len(evs) - 40}")
    tip = esc("\n".join(lines))
    n = len(evs)
    x0, x1 = axis.mid(evs[0].day), axis.mid(evs[-1].day)
    out = [f'<g class="ev ev-{state}" data-n="{n}"><title>{tip}</title>']
    for e in evs:
        last = _last_day(e)
        if last > e.day:
            out.append(f'<line x1="{_f(axis.mid(e.day))}" x2="{_f(axis.mid(last))}" y1="{_f(cy)}" y2="{_f(cy)}" '
                       f'stroke="{EVENT_COLOUR}" stroke-width="3" stroke-linecap="round" opacity="0.3"/>')
    if state == "cancelled":
        for e in evs:
            cx, d = axis.mid(e.day), DOT_R * 0.75
            out.append(f'<path d="M{_f(cx - d)} {_f(cy - d)} L{_f(cx + d)} {_f(cy + d)} M{_f(cx + d)} {_f(cy - d)} '
                       f'L{_f(cx - d)} {_f(cy + d)}" stroke="#9aa3ab" stroke-width="1.8" stroke-linecap="round"/>')
        out.append("</g>")
        return "".join(out)
    held = state == "held"
    paint = f'fill="{EVENT_COLOUR}"' if held else f'fill="#fff" stroke="{EVENT_COLOUR}" stroke-width="1.6"'
    if n == 1:
        r = DOT_R if held else DOT_R - 0.8
        out.append(f'<circle cx="{_f(x0)}" cy="{_f(cy)}" r="{_f(r)}" {paint}/>')
    else:
        r = 7.0
        count = str(n)
        width = max(x1 - x0 + 2 * r, 2 * r, text_width(count, 9) + 8)
        mid = (x0 + x1) / 2
        out.append(f'<rect x="{_f(mid - width / 2)}" y="{_f(cy - r)}" width="{_f(width)}" height="{_f(2 * r)}" '
                   f'rx="{_f(r)}" {paint}/>')
        ink = "#fff" if held else EVENT_COLOUR
        out.append(f'<text x="{_f(mid)}" y="{_f(cy + 3.2)}" class="dot-count" text-anchor="middle" fill="{ink}">{count}</text>')
    out.append("</g>")
    return "".join(out)


def _legend(top: float, labels: Labels) -> tuple[str, float]:
    word = labels.words
    items: list[tuple[str, str]] = []  # (glyph svg at 0,0 centre, label)
    items.append((f'<circle r="5" fill="{EVENT_COLOUR}"/>', word["held_event"]))
    items.append((f'<circle r="4.2" fill="#fff" stroke="{EVENT_COLOUR}" stroke-width="1.6"/>', word["planned_event"]))
    items.append(('<path d="M-3.8 -3.8 L3.8 3.8 M3.8 -3.8 L-3.8 3.8" stroke="#9aa3ab" stroke-width="1.8"/>',
                  word["cancelled_event"]))
    for s in (Status.MET, Status.OPEN, Status.OVERDUE, Status.UNMET, Status.WAIVED):
        items.append((f'<rect x="-5" y="-5" width="10" height="10" rx="2" fill="{STATUS_COLOURS[s][0]}"/>', labels.status[s]))
    items.append((_diamond(0, 0, 5.5, STATUS_COLOURS[Status.OVERDUE][0], "#fff"), word["legend_due"]))
    items.append((f'<rect x="-9" y="-3.5" width="18" height="7" rx="3.5" fill="{STATUS_COLOURS[Status.OPEN][1]}" '
                  f'stroke="{STATUS_COLOURS[Status.OPEN][0]}"/>', word["legend_window"]))
    items.append((f'<rect x="-9" y="-6" width="18" height="12" rx="3" fill="{PHASE_COLOURS[0][0]}" '
                  f'stroke="{PHASE_COLOURS[0][1]}"/>', word["legend_phase"]))
    items.append((f'<line x1="0" x2="0" y1="-7" y2="7" stroke="{AS_OF_COLOUR}" stroke-width="1.6" stroke-dasharray="3 2"/>',
                  word["as_of"]))
    out = [f'<g class="legend"><rect x="6" y="{_f(top)}" width="{_f(PX1)}" height="LEGEND_H" rx="8" class="legend-box"/>']
    x, row_y = 20.0, top + 20
    rows = 1
    for glyph, text in items:
        w = 30 + text_width(text, 12) + 18
        if x + w > PX1:
            x, row_y, rows = 20.0, row_y + 24, rows + 1
        out.append(f'<g transform="translate({_f(x + 10)} {_f(row_y)})">{glyph}</g>'
                   f'<text x="{_f(x + 24)}" y="{_f(row_y + 4.2)}" class="legend-label">{esc(text)}</text>')
        x += w
    out.append("</g>")
    h = rows * 24 + 16
    return "".join(out).replace("LEGEND_H", _f(h)), h
