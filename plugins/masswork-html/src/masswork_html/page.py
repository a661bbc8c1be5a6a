"""The HTML page: one self-contained file — inline CSS, inline SVG, no script, nothing
fetched (a Content-Security-Policy meta tag forbids it) — with the summary, completion by
phase, the timeline, the findings, warnings and the ledger. Every piece of text from the
plan, schedule or report goes through :func:`masswork_html.text.esc`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from masswork.exporters import ExportInput
from masswork.i18n import Catalogue, is_chinese, normalize
from masswork.model import Event, EventStatus, Plan
from masswork.report import Finding, Status
from masswork.shortfalls import SELF_DESCRIBED

from .text import clean, esc
from .timeline import PHASE_COLOURS, STATUS_COLOURS, Labels, timeline_svg

__all__ = ["CSP", "render", "labels_for"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Labels come from the plugin's catalogue (locale/*/LC_MESSAGES/masswork_html.po):
# "html.word.<key>" and "html.event.<status>".
CATALOGUE = Catalogue("masswork_html")
_WORD_KEYS = (
    "report", "as_of", "as_of_short", "whole", "issuer", "unit", "source", "verdict_ok", "verdict_bad",
    "total", "events", "held", "planned", "cancelled", "phases", "no_phase", "timeline", "findings",
    "status", "clause", "rule", "message", "evidence", "due", "quote", "warnings", "ledger", "date",
    "time", "type", "title", "host", "place", "attendees", "lane_phases", "lane_windows",
    "lane_deadlines", "lane_failing", "lane_events", "derived", "campaign", "held_event",
    "planned_event", "cancelled_event", "legend_due", "legend_window", "legend_phase", "generated",
    "need", "have", "shortfall", "none", "done", "kind", "sep", "list", "n_events", "phase", "plan_id",
)
_EVENT_KEYS = ("planned", "held", "cancelled")
# Problems first, then what is still to do, then what is done.
_ORDER = {Status.UNMET: 0, Status.OVERDUE: 1, Status.OPEN: 2, Status.MET: 3, Status.WAIVED: 4}


def labels_for(plan: Plan, lang: str) -> Labels:
    """Labels in ``lang`` (zh-Hans, zh-Hant or en; the old "zh" is Traditional). ``Labels.lang``
    is "zh" or "en", the script-independent choice the layout makes (date style, separators)."""
    key = "zh" if is_chinese(lang) else "en"
    names = dict(plan.names(key))
    status = {s: s.label(lang) for s in Status}
    return Labels(key, names, status, CATALOGUE.labels("html.event", _EVENT_KEYS, lang),
                  CATALOGUE.labels("html.word", _WORD_KEYS, lang),
                  normalize(lang) or "en")


CSS = """
:root{--ink:#1f2933;--muted:#5f6b76;--line:#e3e7ec;--bg:#f5f7fa;--card:#fff;
--met:%(met)s;--met-l:%(met_l)s;--open:%(open)s;--open-l:%(open_l)s;--overdue:%(overdue)s;
--overdue-l:%(overdue_l)s;--unmet:%(unmet)s;--unmet-l:%(unmet_l)s;--waived:%(waived)s;--waived-l:%(waived_l)s}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;color:var(--ink);font:14px/1.6 "Noto Sans CJK TC","Noto Sans CJK SC","PingFang TC","PingFang SC",
"Microsoft JhengHei","Microsoft YaHei","Source Han Sans",system-ui,-apple-system,"Segoe UI",sans-serif;
-webkit-text-size-adjust:100%}
html:lang(zh-Hans) body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",
"Noto Sans CJK TC",system-ui,sans-serif}
main{max-width:1240px;margin:0 auto;padding:28px 28px 48px}
header.top{background:linear-gradient(135deg,#7f1d1d 0%,#b3261e 55%,#c2410c 100%);color:#fff;
border-radius:14px;padding:26px 30px 22px;box-shadow:0 6px 20px rgba(127,29,29,.18)}
header.top h1{margin:0 0 4px;font-size:24px;line-height:1.35;font-weight:700;overflow-wrap:anywhere}
header.top .sub{opacity:.92;font-size:14px}
header.top dl{display:flex;flex-wrap:wrap;gap:6px 26px;margin:14px 0 0;font-size:13px}
header.top dt{opacity:.75;display:inline}
header.top dd{display:inline;margin:0 0 0 6px;font-weight:600;overflow-wrap:anywhere}
.verdict{display:inline-block;margin-top:14px;padding:4px 14px;border-radius:999px;font-weight:700;
font-size:13px;background:rgba(255,255,255,.16);border:1px solid rgba(255,255,255,.45)}
.verdict.ok::before{content:"✓ "}.verdict.bad::before{content:"! "}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;margin-top:20px;
padding:18px 22px 20px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
h2{font-size:17px;margin:0 0 14px;display:flex;align-items:center;gap:10px}
h2::before{content:"";width:4px;height:18px;border-radius:2px;background:#b3261e;display:inline-block}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin-top:20px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 16px 12px;
border-top:4px solid var(--c,#9aa5b1)}
.card .n{font-size:30px;font-weight:700;line-height:1.1;color:var(--c,var(--ink));font-variant-numeric:tabular-nums}
.card .l{color:var(--muted);font-size:13px;margin-top:2px}
.card .bar{height:5px;border-radius:3px;background:var(--line);margin-top:10px;overflow:hidden}
.card .bar i{display:block;height:100%;background:var(--c)}
.phases{display:grid;gap:12px}
.phase-row{display:grid;grid-template-columns:minmax(160px,260px) 1fr 110px;align-items:center;gap:14px}
.phase-name{font-weight:600;overflow-wrap:anywhere}
.phase-name small{display:block;color:var(--muted);font-weight:400;font-size:12px}
.meter{height:14px;background:#edf0f3;border-radius:7px;overflow:hidden;display:flex}
.meter i{display:block;height:100%}
.phase-num{text-align:right;font-variant-numeric:tabular-nums;color:var(--muted)}
.phase-num b{color:var(--ink);font-size:15px}
.tl-wrap{overflow-x:auto}
svg.timeline{display:block;width:100%;height:auto;min-width:900px;font-family:inherit}
svg .month{font-size:12px;fill:#52606d;font-weight:600}
svg .grid{stroke:#e4e8ed;stroke-width:1}
svg .campaign{fill:#fbf7f2}
svg .lane-label{font-size:12px;fill:#7b8794;font-weight:700;letter-spacing:.04em}
svg .row-label{font-size:12px;fill:#3e4c59}
svg .phase-label{font-size:12.5px;font-weight:700}
svg .small{font-size:10.5px}
svg .strong{font-weight:700}
svg .count{font-size:10.5px;fill:#52606d;font-weight:700}
svg .dot-count{font-size:9px;font-weight:700}
svg .stripe{fill:#f7f9fb}
svg .baseline{stroke:#cbd2d9;stroke-width:1}
svg .leader{stroke:#9aa5b1;stroke-width:1;fill:none}
svg .asof-label{font-size:11px;fill:#fff;font-weight:700}
svg .legend-box{fill:#fafbfc;stroke:#e4e8ed}
svg .legend-label{font-size:12px;fill:#3e4c59}
svg g.ev:hover circle,svg g.fail:hover polygon,svg g.due:hover rect{filter:brightness(1.25)}
table{width:100%;border-collapse:separate;border-spacing:0;font-size:13.5px}
th{text-align:left;font-weight:600;color:var(--muted);font-size:12.5px;padding:8px 10px;
border-bottom:2px solid var(--line);white-space:nowrap;position:sticky;top:0;background:var(--card)}
td{padding:9px 10px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
tr.f td:first-child{border-left:4px solid var(--c)}
tr.f{background:linear-gradient(90deg,var(--cl) 0,var(--card) 260px)}
.pill{display:inline-block;padding:1px 10px;border-radius:999px;font-size:12px;font-weight:700;
color:#fff;background:var(--c);white-space:nowrap}
.clause{font-weight:700;white-space:nowrap}
.rule{color:var(--muted);font-size:12px;font-family:ui-monospace,"Noto Sans Mono CJK TC",monospace}
.quote{display:block;color:var(--muted);font-size:12.5px;margin-top:4px;padding-left:8px;border-left:3px solid var(--line)}
ul.short{margin:6px 0 0;padding-left:18px;font-size:12.5px;color:#3e4c59}
.ev-link{display:inline-block;margin:1px 4px 1px 0;padding:0 7px;border-radius:5px;background:#eef2f6;
color:#334e68;text-decoration:none;font-size:12px;font-family:ui-monospace,monospace}
.ev-link:hover{background:#d9e2ec}
.nowrap{white-space:nowrap;font-variant-numeric:tabular-nums}
ul.warn{margin:0;padding-left:20px}
ul.warn li{margin:4px 0}
td.st-held{color:var(--met);font-weight:600}td.st-planned{color:var(--open);font-weight:600}
tr.cancelled td{color:#9aa5b1;text-decoration:line-through}
tr:target td{background:#fff8e1}
bdi{unicode-bidi:isolate}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:26px}
@page{size:A4 landscape;margin:10mm 10mm 12mm}
@media print{html{background:#fff}main{padding:0}section{box-shadow:none;break-inside:avoid-page}
.tl-wrap{overflow:visible}svg.timeline{min-width:0;max-height:160mm;width:auto;max-width:100%;margin:0 auto}
h2{break-after:avoid}tr{break-inside:avoid}.cards{grid-template-columns:repeat(auto-fit,minmax(120px,1fr))}
header.top{box-shadow:none;-webkit-print-color-adjust:exact;print-color-adjust:exact}
tr.f,.pill,.card,.meter i{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""
_CSS_COLOURS = {
    "met": STATUS_COLOURS[Status.MET][0], "met_l": STATUS_COLOURS[Status.MET][1],
    "open": STATUS_COLOURS[Status.OPEN][0], "open_l": STATUS_COLOURS[Status.OPEN][1],
    "overdue": STATUS_COLOURS[Status.OVERDUE][0], "overdue_l": STATUS_COLOURS[Status.OVERDUE][1],
    "unmet": STATUS_COLOURS[Status.UNMET][0], "unmet_l": STATUS_COLOURS[Status.UNMET][1],
    "waived": STATUS_COLOURS[Status.WAIVED][0], "waived_l": STATUS_COLOURS[Status.WAIVED][1],
}
for _k, _v in _CSS_COLOURS.items():
    CSS = CSS.replace(f"%({_k})s", _v)


def _u(text: object) -> str:
    """User text: escaped, and isolated so a bidi override cannot reorder what follows."""
    return f"<bdi>{esc(text)}</bdi>"


def _multiline(text: object) -> str:
    return "<br>".join(_u(line) for line in clean(text).split("\n"))


def _summary_cards(inp: ExportInput, L: Labels) -> str:
    r = inp.report
    counts = r.counts()
    total = len(r.findings)
    w = L.words
    cards = [f'<div class="card" style="--c:#334e68"><div class="n">{total}</div><div class="l">{esc(w["total"])}</div></div>']
    for s in (Status.MET, Status.OPEN, Status.OVERDUE, Status.UNMET, Status.WAIVED):
        n = counts[s.value]
        pct = 100 * n / total if total else 0
        cards.append(f'<div class="card st-{s.value}" style="--c:var(--{s.value})"><div class="n">{n}</div>'
                     f'<div class="l">{esc(L.status[s])}</div><div class="bar"><i style="width:{pct:.1f}%"></i></div></div>')
    ev = inp.schedule.events
    held = sum(1 for e in ev if e.status is EventStatus.HELD)
    planned = sum(1 for e in ev if e.status is EventStatus.PLANNED)
    cancelled = sum(1 for e in ev if e.status is EventStatus.CANCELLED)
    detail = f'{esc(w["held"])} {held} · {esc(w["planned"])} {planned}' + (f' · {esc(w["cancelled"])} {cancelled}' if cancelled else "")
    cards.append(f'<div class="card" style="--c:#37474f"><div class="n">{len(ev)}</div>'
                 f'<div class="l">{esc(w["events"])} · {detail}</div></div>')
    return '<div class="cards" id="summary">' + "".join(cards) + "</div>"


def _phase_section(inp: ExportInput, L: Labels) -> str:
    w = L.words
    comp = inp.report.phase_completion()
    order = [p.id for p in inp.plan.phases if p.id in comp] + sorted(k for k in comp if k not in {p.id for p in inp.plan.phases})
    rows = []
    for i, pid in enumerate(order):
        row = comp[pid]
        fs = [f for f in inp.report.findings if (f.phase or "") == pid]
        total = len(fs)
        name = L.names.get(pid, row["name"] or pid) if pid else w["no_phase"]
        segs = []
        for s in (Status.MET, Status.WAIVED, Status.OPEN, Status.OVERDUE, Status.UNMET):
            n = sum(1 for f in fs if f.status is s)
            if n:
                segs.append(f'<i style="width:{100 * n / total:.2f}%;background:var(--{s.value})" '
                            f'title="{esc(L.status[s])} {n}"></i>')
        colour = PHASE_COLOURS[i % len(PHASE_COLOURS)][1] if pid else "#9aa5b1"
        pct = round(100 * row["ratio"])
        rows.append(
            f'<div class="phase-row"><div class="phase-name" style="border-left:4px solid {colour};padding-left:10px">'
            f'{_u(name)}<small>{esc(pid) if pid else ""}</small></div>'
            f'<div class="meter" role="img" aria-label="{esc(name)} {row["done"]}/{row["total"]}">{"".join(segs)}</div>'
            f'<div class="phase-num"><b>{row["done"]}</b>/{row["total"]} · {pct}%</div></div>')
    if not rows:
        rows.append(f"<p>{esc(w['none'])}</p>")
    return f'<section id="phases"><h2>{esc(w["phases"])}</h2><div class="phases">{"".join(rows)}</div></section>'


def _event_anchor(index: dict[str, int], ident: str) -> str | None:
    i = index.get(ident)
    return f"ev-{i}" if i is not None else None


def _findings_section(inp: ExportInput, L: Labels, index: dict[str, int]) -> str:
    w = L.words
    head = "".join(f"<th>{esc(w[k])}</th>" for k in ("status", "clause", "message", "evidence", "due"))
    rows = []
    order = sorted(enumerate(inp.report.findings), key=lambda kv: (_ORDER[kv[1].status], kv[0]))
    for _, f in order:
        rows.append(_finding_row(f, L, index))
    cols = '<colgroup><col style="width:92px"><col style="width:150px"><col><col style="width:22%"><col style="width:104px"></colgroup>'
    return (f'<section id="findings"><h2>{esc(w["findings"])}</h2><div class="tbl"><table>{cols}'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>")


def _finding_row(f: Finding, L: Labels, index: dict[str, int]) -> str:
    w = L.words
    s = f.status.value
    short = ""
    if f.shortfall:
        items = []
        for sf in f.shortfall[:30]:
            bits = [] if sf.code in SELF_DESCRIBED else [L.names.get(sf.subject, sf.name or sf.subject)]
            if sf.need is not None:
                bits.append(f"{w['need']} {sf.need:g}")
            if sf.have is not None:
                bits.append(f"{w['have']} {sf.have:g}")
            if sf.text(L.speech):
                bits.append(sf.text(L.speech))
            items.append("<li>" + " · ".join(_u(b) for b in bits) + "</li>")
        if len(f.shortfall) > 30:
            items.append(f"<li>… +{len(f.shortfall) - 30}</li>")
        short = f'<ul class="short">{"".join(items)}</ul>'
    quote = f'<q class="quote">{_multiline(f.quote)}</q>' if clean(f.quote).strip() else ""
    ev = []
    for ident in f.evidence:
        anchor = _event_anchor(index, ident)
        if anchor:
            ev.append(f'<a class="ev-link" href="#{anchor}">{esc(ident)}</a>')
        else:
            ev.append(f'<span class="ev-link">{esc(ident)}</span>')
    return (f'<tr class="f st-{s}" data-rule="{esc(f.rule)}" style="--c:var(--{s});--cl:var(--{s}-l)">'
            f'<td><span class="pill">{esc(L.status[f.status])}</span></td>'
            f'<td><div class="clause">{_u(f.clause)}</div><div class="rule">{_u(f.rule)}</div></td>'
            f'<td>{_multiline(f.message(L.speech))}{short}{quote}</td>'
            f'<td>{"".join(ev)}</td>'
            f'<td class="nowrap">{esc(f.due.isoformat()) if f.due else ""}</td></tr>')


def _ledger_section(inp: ExportInput, L: Labels, events: list[Event], index: dict[str, int]) -> str:
    w = L.words
    head = "".join(f"<th>{esc(w[k])}</th>" for k in ("date", "time", "type", "title", "host", "place", "attendees", "status"))
    cols = ('<colgroup><col style="width:96px"><col style="width:96px"><col style="width:112px"><col>'
            '<col style="width:84px"><col style="width:150px"><col style="width:24%"><col style="width:70px"></colgroup>')
    rows = []
    names = L.names
    for e in events:
        t = e.start.strftime("%H:%M") if isinstance(e.start, dt.datetime) else ""
        if isinstance(e.end, dt.datetime) and t:
            t += "–" + e.end.strftime("%H:%M")
        people = (w["list"]).join(names.get(a, a) for a in (*e.participants, *e.attendees))
        st = e.status.value
        rows.append(
            f'<tr id="ev-{index[e.id]}" class="{st}" data-event="{esc(e.id)}"><td class="nowrap">{e.day.isoformat()}</td><td class="nowrap">{esc(t)}</td>'
            f"<td>{_u(names.get(e.type, e.type))}</td><td>{_multiline(e.title)}"
            f'<div class="rule">{_u(e.id)}</div></td><td>{_u(names.get(e.host, e.host) if e.host else "")}</td>'
            f"<td>{_multiline(e.place)}</td><td>{_u(people)}</td>"
            f'<td class="st-{st} nowrap">{esc(L.event_status[st])}</td></tr>')
    return (f'<section id="ledger"><h2>{esc(w["ledger"])} · {len(events)} {esc(w["n_events"])}</h2><div class="tbl"><table>{cols}'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>")


def _warnings_section(inp: ExportInput, L: Labels) -> str:
    if not inp.report.warnings:
        return ""
    items = "".join(f"<li>{_multiline(n.message(L.speech))}</li>" for n in inp.report.warnings)
    return f'<section id="warnings"><h2>{esc(L.words["warnings"])}</h2><ul class="warn">{items}</ul></section>'


def _header(inp: ExportInput, L: Labels) -> str:
    w = L.words
    plan, r = inp.plan, inp.report
    meta: list[tuple[str, str]] = [(w["as_of"], r.as_of.isoformat() if r.as_of else w["whole"])]
    if clean(inp.schedule.unit).strip():
        meta.append((w["unit"], inp.schedule.unit))
    if clean(plan.issuer).strip():
        meta.append((w["issuer"], plan.issuer))
    meta.append((L.words["plan_id"], plan.id))
    dl = "".join(f"<div><dt>{esc(k)}</dt><dd>{_u(v)}</dd></div>" for k, v in meta)
    verdict = (f'<span class="verdict ok">{esc(w["verdict_ok"])}</span>' if r.ok
               else f'<span class="verdict bad">{esc(w["verdict_bad"])}</span>')
    return (f'<header class="top"><h1>{_u(plan.title)}</h1><div class="sub">{esc(w["report"])}</div>'
            f"<dl>{dl}</dl>{verdict}</header>")


def _title(inp: ExportInput, L: Labels) -> str:
    return " ".join(clean(inp.plan.title).split()) + " — " + L.words["report"]


def render(inp: ExportInput) -> str:
    """The page as a string."""
    L = labels_for(inp.plan, inp.lang)
    events = sorted(inp.schedule.events, key=lambda e: (e.day, str(e.start), e.id))
    index = {e.id: i for i, e in enumerate(events)}
    svg = timeline_svg(inp, L)
    tl = (f'<section id="timeline"><h2>{esc(L.words["timeline"])}</h2><div class="tl-wrap">{svg}</div></section>'
          if svg else "")
    body: Iterable[str] = (
        _header(inp, L), _summary_cards(inp, L), _phase_section(inp, L), tl,
        _findings_section(inp, L, index), _warnings_section(inp, L), _ledger_section(inp, L, events, index),
    )
    lang = normalize(inp.lang) or "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="masswork-html">\n'
        f"<title>{esc(_title(inp, L))}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{''.join(body)}\n"
        f'<footer>{esc(L.words["generated"])} · masswork-html</footer>\n</main>\n</body>\n</html>\n'
    )
