"""The ``html-checklist`` export format: ``masswork explain`` as one self-contained page
made to print on A4 — every requirement with a box to tick, its clause, title and the
plan's words, the window its calendar phrase resolves to and its due date, who is
responsible, the per-person breakdown (王建國 ×2、其他人 ×1) and, judged on ``--as-of``,
where it stands.

``masswork export PLAN SCHEDULE --format html-checklist -o 落實清單.html [--as-of DATE] [--lang zh-Hans|zh-Hant|en]``

The rows come from :func:`masswork.checklist.checklist`, the same data the docx plugin's
``docx-checklist`` prints. Print CSS: ``@page`` A4 landscape, 10.5-point text, the table's
header repeated on each printed page (``thead``), rows not split across pages, a phase's
heading kept with its table. Inline CSS only, no script, the same Content-Security-Policy
as the report page; all text escaped.
"""

from __future__ import annotations

from masswork.checklist import ChecklistItem, checklist, quota_text, window_text
from masswork.exporters import ExportInput
from masswork.i18n import is_chinese, normalize

from .page import CATALOGUE, CSP
from .text import esc

__all__ = ["render_checklist", "export_html_checklist", "HEADERS"]

HEADERS = ("clause", "requirement", "window", "responsible", "per", "status")
"""The columns after the tick box, as codes ``html.checklist.col.<key>`` of the catalogue."""

_CSS = """
@page { size: A4 landscape; margin: 15mm 15mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  "Noto Sans CJK TC", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto;
  max-width: 267mm; padding: 8mm 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 4pt; }
p.meta { text-align: center; color: #333; margin: 0 0 10pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #555; padding: 3pt 4pt; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #e8eef7; }
td.box { text-align: center; font-size: 13pt; }
.quote { display: block; font-size: 9pt; color: #333; margin-top: 2pt; }
.title { font-weight: bold; }
.s-met { background: #e2f0d9; } .s-unmet, .s-overdue { background: #f8d7da; }
.s-open { background: #fff2cc; } .s-waived { background: #e7e6e6; }
p.sign { margin: 18pt 0 0; }
tbody.end { break-inside: avoid; page-break-inside: avoid; }
tr.sign td { border: none; padding: 0; }
col.c-box { width: 4%; } col.c-clause { width: 8%; } col.c-req { width: 31%; }
col.c-when { width: 17%; } col.c-who { width: 14%; } col.c-people { width: 16%; }
col.c-status { width: 10%; }
/* Traditional text drawn with Traditional glyph forms (the lang attribute alone does not pick
   the face when the first family named covers the character). */
html:lang(zh-Hant) body { font-family: "Noto Sans CJK TC", "Source Han Sans TC",
  "Microsoft JhengHei", "PingFang TC", "Noto Sans CJK SC", sans-serif; }
@media screen { body { padding: 12mm; } }
"""

_COLS = ("c-box", "c-clause", "c-req", "c-when", "c-who", "c-people", "c-status")


def _when(item: ChecklistItem, lang: str) -> str:
    parts = []
    window = window_text(item, lang)
    if window:
        parts.append(esc(f"{item.phrase}({window})" if is_chinese(lang) and item.phrase else
                         f"{item.phrase} ({window})" if item.phrase else window))
    if item.due:
        parts.append(esc(CATALOGUE.tr(lang, "html.checklist.due", day=item.due)))
    return "<br>".join(parts)


def _row(item: ChecklistItem, lang: str) -> str:
    zh = is_chinese(lang)
    quote = ""
    if item.quote:
        quote = f'<span class="quote">{esc(f"「{item.quote}」" if zh else f"“{item.quote}”")}</span>'
    status = ""
    cls = ""
    if item.status is not None:
        status = esc(item.status.label(lang))
        cls = f' class="s-{item.status.value}"'
    who = esc(("、" if zh else ", ").join(item.responsible))
    return (f'<tr data-rule="{esc(item.rule)}"><td class="box">☐</td><td>{esc(item.clause)}</td>'
            f'<td><span class="title">{esc(item.title)}</span>{quote}</td><td>{_when(item, lang)}</td>'
            f"<td>{who}</td><td>{esc(quota_text(item.quotas, lang))}</td><td{cls}>{status}</td></tr>")


def render_checklist(inp: ExportInput) -> str:
    """The checklist page, as text."""
    lang = normalize(inp.lang) or "en"

    t = CATALOGUE.tr
    # The plan's own title keeps its script; only masswork's words follow the language.
    title = t(lang, "html.checklist.title", title=inp.plan.title)
    meta = []
    unit = inp.schedule.unit or inp.plan.issuer
    if unit:
        meta.append(t(lang, "html.checklist.unit", unit=unit))
    if inp.as_of:
        meta.append(t(lang, "html.checklist.as_of", day=inp.as_of))
    items = checklist(inp)
    by_phase: dict[str, list[ChecklistItem]] = {}
    for item in items:
        by_phase.setdefault(item.phase, []).append(item)
    head = "<th>✓</th>" + "".join(f"<th>{esc(t(lang, 'html.checklist.col.' + k))}</th>" for k in HEADERS)
    cols = "".join(f'<col class="{c}">' for c in _COLS)
    sign = t(lang, "html.checklist.sign")
    sections = []
    for n, (phase, rows) in enumerate(by_phase.items(), start=1):
        name = rows[0].phase_name or (t(lang, "html.checklist.whole") if not phase else phase)
        last = n == len(by_phase)
        body = "\n".join(_row(r, lang) for r in (rows[:-1] if last else rows))
        # The signature goes in the last table with its last row, in one row group that is
        # not split: Chromium does not keep a paragraph after a table with the table's end,
        # and a signature alone on the last page is what a clerk must not get.
        end = (f'\n</tbody><tbody class="end">\n{_row(rows[-1], lang)}\n<tr class="sign"><td colspan="7">'
               f'<p class="sign">{esc(sign)}</p></td></tr>' if last else "")
        sections.append(f'<section><h2>{esc(name)}</h2>\n<table><colgroup>{cols}</colgroup>'
                        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}{end}\n</tbody></table></section>")
    if not sections:
        sections.append(f'<p class="sign">{esc(sign)}</p>')
    html_lang = lang
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<p class=\"meta\">{esc('　'.join(meta))}</p>\n"
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def export_html_checklist(inp: ExportInput) -> bytes:
    """The checklist page, UTF-8."""
    return render_checklist(inp).encode("utf-8")
