"""The SVG timeline: month ticks, phases as bands, requirement windows as bars, deadlines as
stacked columns by status, failing rules as red diamonds, events as dots (held filled,
planned hollow, cancelled crossed) in one row per activity type, the as-of day as a line,
and a legend. Plain inline SVG: no script, no external reference; every text escaped."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from masswork.exporters import ExportInput
from masswork.report import Finding

from .svgparts import (
    AS_OF_COLOUR, LABEL, PHASE_COLOURS, PX0, PX1, STACK, STATUS_COLOURS, W, _Axis, _clusters,
    _diamond, _event_mark, _f, _legend, _month_label, _pack, _state,
)
from .text import esc, fit, text_width
from .timeline_data import Labels, _last_day, _requirement, _window, phases, windows

__all__ = ["timeline_svg", "STATUS_COLOURS", "PHASE_COLOURS", "Labels"]


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
