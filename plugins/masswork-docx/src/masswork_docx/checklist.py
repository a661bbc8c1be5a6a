"""The ``docx-checklist`` export format: ``masswork explain`` as a printable A4 checklist —
every requirement with a box to tick, its clause, title and the plan's words, the window
its calendar phrase resolves to and its due date, who is responsible, the per-person
breakdown (王建國 ×2、其他人 ×1) and, judged on ``--as-of``, where it stands.

``masswork export PLAN SCHEDULE --format docx-checklist -o 落實清單.docx [--as-of DATE] [--lang zh|en]``

The rows come from :func:`masswork.checklist.checklist`, the same data the html plugin's
``html-checklist`` prints. A4 landscape (seven columns of Chinese text do not fit a portrait
page at a readable size), 10.5-point text (五號), the header row repeated on each page,
rows never split, page numbers in the footer.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from masswork.checklist import ChecklistItem, checklist, quota_text, window_text
from masswork.exporters import ExportInput, deterministic_zip
from masswork.i18n import is_chinese

from .fonts import apply_fonts
from .report import CATALOGUE, stamp
from .text import clean

__all__ = ["export_docx_checklist", "build_checklist", "COLUMNS", "checklist_title"]

COLUMNS = (
    ("box", 1.0), ("clause", 2.0), ("requirement", 7.6), ("window", 4.6),
    ("responsible", 3.6), ("per_person", 3.6), ("status", 2.3),
)
"""(key, width in cm) of the checklist table's columns; the header is
``docx.checklist.col.<key>`` in the catalogue."""

BOX = "☐"


def checklist_title(inp: ExportInput) -> str:
    title = clean(inp.plan.title)
    return CATALOGUE.tr(inp.lang, "docx.checklist.title", title=title)


def _when(item: ChecklistItem, lang: str) -> str:
    zh = is_chinese(lang)
    parts = []
    window = window_text(item, lang)
    if window:
        parts.append(window if not item.phrase else f"{item.phrase}({window})" if zh
                     else f"{item.phrase} ({window})")
    if item.due:
        parts.append(CATALOGUE.tr(lang, "docx.checklist.due", day=item.due))
    return "\n".join(parts)


def _status(item: ChecklistItem, lang: str) -> str:
    if item.status is None:
        return ""
    return item.status.label(lang)


def _page_number_footer(doc: Document, lang: str) -> None:
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # "Page {page}": the text either side of the page-number field.
    before, _, after = CATALOGUE.tr(lang, "docx.checklist.page").partition("{page}")
    p.add_run(before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    p.add_run(after)


def build_checklist(inp: ExportInput) -> Document:
    """The checklist as a python-docx document (not yet saved)."""
    zh = is_chinese(inp.lang)

    def t(code: str, **params: object) -> str:
        return CATALOGUE.tr(inp.lang, code, **params)

    doc: Document = docx.Document()
    apply_fonts(doc, inp.lang)
    normal = doc.styles["Normal"]
    if isinstance(normal, ParagraphStyle):
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(2)
    title_style = doc.styles["Title"]
    if isinstance(title_style, ParagraphStyle):
        title_style.font.size = Pt(18)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.left_margin = section.right_margin = Cm(1.8)
    _page_number_footer(doc, inp.lang)

    doc.add_heading(checklist_title(inp), level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    unit = clean(inp.schedule.unit) or clean(inp.plan.issuer)
    head = []
    if unit:
        head.append(t("docx.checklist.unit", unit=unit))
    if inp.as_of:
        head.append(t("docx.checklist.as_of", day=inp.as_of))
    if head:
        doc.add_paragraph(("    " if zh else "    ").join(head))

    items = checklist(inp)
    by_phase: dict[str, list[ChecklistItem]] = {}
    for item in items:
        by_phase.setdefault(item.phase, []).append(item)
    for n, (phase, rows) in enumerate(by_phase.items(), start=1):
        name = rows[0].phase_name or (t("docx.checklist.whole") if not phase else phase)
        heading = doc.add_heading(clean(name), level=1)
        heading.paragraph_format.keep_with_next = True
        if n < len(by_phase) or len(rows) == 1:
            _table(doc, rows, inp.lang)
            continue
        # The signature line never stands alone on the last page. LibreOffice keeps a table
        # with the next paragraph only when it can move the whole table, so the last row
        # goes in a table of its own (under its own header row, as on any page), which is
        # kept with the signature; a 1-point paragraph keeps the two tables apart (adjacent
        # tables would merge into one).
        _table(doc, rows[:-1], inp.lang)
        gap = doc.add_paragraph()
        gap.paragraph_format.space_before = gap.paragraph_format.space_after = Pt(0)
        gap.paragraph_format.line_spacing = Pt(1)
        gap.paragraph_format.keep_with_next = True
        _table(doc, rows[-1:], inp.lang)
    for row in doc.tables[-1].rows if doc.tables else ():
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True
    sign = doc.add_paragraph(t("docx.checklist.sign"))
    sign.paragraph_format.space_before = Pt(18)
    sign.paragraph_format.keep_together = True

    props = doc.core_properties
    when = stamp(inp)
    props.author = props.last_modified_by = "masswork"
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    props.title = checklist_title(inp)[:255]
    props.language = "zh-CN" if zh else "en"
    props.comments = props.keywords = props.category = ""
    return doc


def _table(doc: Document, rows: list[ChecklistItem], lang: str) -> None:
    zh = is_chinese(lang)
    table = doc.add_table(rows=1 + len(rows), cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, (key, width) in enumerate(COLUMNS):
        table.columns[col].width = Cm(width)  # the grid LibreOffice lays the table out by
        cell = table.rows[0].cells[col]
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(CATALOGUE.tr(lang, f"docx.checklist.col.{key}")).bold = True
    for r, item in enumerate(rows, start=1):
        title = clean(item.title)
        quote = clean(item.quote)
        values = [
            BOX, clean(item.clause),
            title + (f"\n「{quote}」" if zh and quote else f"\n“{quote}”" if quote else ""),
            _when(item, lang), ("、" if zh else ", ").join(clean(x) for x in item.responsible),
            clean(quota_text(item.quotas, lang)), _status(item, lang),
        ]
        for col, value in enumerate(values):
            cell = table.rows[r].cells[col]
            cell.width = Cm(COLUMNS[col][1])
            lines = value.split("\n")
            para = cell.paragraphs[0]
            for i, line in enumerate(lines):
                run = para.add_run(line)
                if col == 2 and i == 0:
                    run.bold = True
                if col == 2 and i > 0:
                    run.font.size = Pt(9)
                if i < len(lines) - 1:
                    run.add_break()
            if col == 0:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r, row in enumerate(table.rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        if r == 0:
            props.append(OxmlElement("w:tblHeader"))


def export_docx_checklist(inp: ExportInput) -> bytes:
    """The checklist as .docx bytes."""
    buf = io.BytesIO()
    build_checklist(inp).save(buf)
    return deterministic_zip(buf.getvalue(), stamp(inp))
