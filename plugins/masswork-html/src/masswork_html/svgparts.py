"""The timeline's drawing parts: the geometry, the colours, the time axis, row packing,
coordinates, event marks and the legend — plain SVG strings, every text escaped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from masswork.model import Event, EventStatus
from masswork.report import Status

from .text import esc, text_width
from .timeline_data import Labels, _last_day

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

