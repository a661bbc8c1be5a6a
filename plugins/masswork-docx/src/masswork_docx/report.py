"""The self-inspection report (自查報告) a unit writes on how far it has carried out a plan.

Sections, in Chinese (English with ``--lang en``):

一、總體情況 — how many requirements stand met, unmet, overdue, open, waived;
二、各環節完成情況 — per phase, requirements done of all;
三、存在問題及尚欠事項 — each unmet, overdue or open requirement with its clause, the plan's
    words, what was found and what is still owed (who, how many);
四、已完成事項 — the met requirements;
(五、已豁免事項, 六、提示 where there are any), then the signature block.

On paper (A4): each open item's heading is the requirement's title from the plan (its
``title``/``title_en``, else the kind's description), with the clause; 責任 names the role
and the people holding it; a heading is kept with what follows it (and never directly followed by another heading,
which LibreOffice would strand), table rows do not split and a table's header row repeats
on a new page; the signature block is one paragraph kept with the report's last, so it
never stands alone on a page.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from masswork.checklist import rule_title
from masswork.i18n import Catalogue, is_chinese, normalize
from masswork.exporters import ExportInput, deterministic_zip
from masswork.report import Finding, Shortfall, Status
from masswork.shortfalls import SELF_DESCRIBED

from .fonts import apply_fonts
from .text import clean

__all__ = ["build_document", "export_docx", "owed_text", "owed_label", "title_text", "stamp", 
           "SECTION_TITLES", "section_title", "OPEN_STATUSES", "CATALOGUE"]

OPEN_STATUSES = (Status.OVERDUE, Status.UNMET, Status.OPEN)
"""Open items, in the order the report lists them: overdue first."""

CATALOGUE = Catalogue("masswork_docx")
"""The plugin's words: its own catalogue (``locale/*/LC_MESSAGES/masswork_docx.po``), codes ``docx.*``."""

SECTION_TITLES = ("summary", "phases", "open", "met", "waived", "warnings")
"""The report's sections in order; each heading is ``docx.section.<key>`` in the catalogue."""


def section_title(key: str, lang: str) -> str:
    """The heading of section ``key`` in ``lang``."""
    return CATALOGUE.tr(lang, f"docx.section.{key}")
_NUMERALS = "零一二三四五六七八九"


def _zh_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 105 (Arabic past 99)."""
    if n < 10:
        return _NUMERALS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (_NUMERALS[tens] if tens > 1 else "") + "十" + (_NUMERALS[ones] if ones else "")
    return str(n)


def _num(x: float) -> str:
    return f"{x:g}"


def title_text(inp: ExportInput) -> str:
    plan_title = clean(inp.plan.title)
    return CATALOGUE.tr(inp.lang, "docx.title", title=plan_title)


_COUNTED_KINDS = ("per-person", "occurs", "quantity", "recurring")


def owed_text(f: Finding, lang: str, names: Mapping[str, str] | None = None) -> str:
    """What the finding says is still owed, one clause per subject: "孫平:應 1,實 0,尚欠 1"
    where a number is owed, else who or what is missing ("孫平×周蘭") with the engine's
    detail where it gives one; the finding's message when it names no shortfall. ``names``
    turns ids (of documents, events) into what people call them."""
    counted = f.kind in _COUNTED_KINDS
    parts = [_owed_one(s, lang, counted, names or {}) for s in f.shortfall]
    if parts:
        return ";".join(parts) if is_chinese(lang) else "; ".join(parts)
    return clean(f.message(lang))


def owed_label(f: Finding, lang: str) -> str:
    """"尚欠" (owed) for something that can still be done; "差距" (gap) when every
    shortfall is a violation described in words (held late, in the wrong order)."""
    if f.shortfall and all(s.text(lang) and (s.need is None or s.have is None) for s in f.shortfall):
        return CATALOGUE.tr(lang, "docx.gap")
    return CATALOGUE.tr(lang, "docx.owed")


def _owed_one(s: Shortfall, lang: str, counted: bool, names: Mapping[str, str]) -> str:
    who = clean(s.name or names.get(s.subject) or s.subject)
    if s.need is not None and s.have is not None and (counted or s.need != 1):
        gap = max(s.need - s.have, 0)
        return who + CATALOGUE.tr(lang, "docx.owed_count", need=_num(s.need), have=_num(s.have), gap=_num(gap))
    said = shortfall_words(s, lang)
    if said and s.code in SELF_DESCRIBED:
        return clean(said)
    if said:
        return f"{who}:{clean(said)}" if is_chinese(lang) else f"{who}: {clean(said)}"
    return who


def shortfall_words(s: Shortfall, lang: str) -> str:
    """What a shortfall says is missing, in ``lang``: rendered from its code where it has
    one (every built-in kind gives one); a plugin's code-less detail as it wrote it."""
    return s.text(lang)


def _status(status: Status, lang: str) -> str:
    return status.label(lang)


def _date(day: dt.date | None, lang: str) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if is_chinese(lang) else day.isoformat()


class _Writer:
    def __init__(self, inp: ExportInput) -> None:
        self.inp = inp
        self.zh = is_chinese(inp.lang)
        self.doc: Document = docx.Document()
        apply_fonts(self.doc, inp.lang)
        normal = self.doc.styles["Normal"]
        if isinstance(normal, ParagraphStyle):
            normal.font.size = Pt(12)
        title = self.doc.styles["Title"]
        if isinstance(title, ParagraphStyle):
            title.font.size = Pt(22)  # 二號, the size of a Chinese official document's title
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(3.17)
        names = dict(inp.plan.names())
        names.update((e.id, e.title) for e in inp.schedule.events if e.title)
        names.update((d.id, d.title) for d in inp.schedule.documents if d.title)
        self.names: Mapping[str, str] = names
        self.requirements = {r.id: r for r in inp.plan.requirements}
        self.last: Paragraph | None = None

    def title_of(self, f: Finding) -> str:
        """The requirement's title in the report's language (the rule id for a finding the
        plan has no requirement for)."""
        req = self.requirements.get(f.rule)
        return clean(rule_title(req, self.inp.plan, self.inp.lang)) if req is not None else clean(f.rule)

    def who(self, ref: str) -> str:
        """A responsible id as people read it: a role with the people holding it
        (黨組書記(王建國)), a person or a body by name."""
        label = clean(self.names.get(ref, ref))
        holders = [clean(p.name) for p in self.inp.plan.holders(ref)] if any(
            r.id == ref for r in self.inp.plan.roles) else []
        if not holders:
            return label
        sep = "、" if self.zh else ", "
        return f"{label}({sep.join(holders)})" if self.zh else f"{label} ({sep.join(holders)})"

    def unit(self) -> str:
        """The unit reporting: the schedule's unit, else the plan's issuer."""
        return clean(self.inp.schedule.unit) or clean(self.inp.plan.issuer)

    def t(self, code: str, **params: object) -> str:
        return CATALOGUE.tr(self.inp.lang, code, **params)

    def para(self, text: str = "", *, bold_label: str = "", style: str | None = None,
             align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
        p = self.doc.add_paragraph(style=style)
        if bold_label:
            p.add_run(clean(bold_label)).bold = True
        if text:
            p.add_run(clean(text))
        if align is not None:
            p.alignment = align
        self.last = p
        return p

    def heading(self, key: str) -> None:
        self.doc.add_heading(section_title(key, self.inp.lang), level=1).paragraph_format.keep_with_next = True

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]],
              widths: Sequence[float] = ()) -> Table:
        """A table with a repeated header row; ``widths`` in cm, else equal columns."""
        body = [list(r) for r in rows]
        table: Table = self.doc.add_table(rows=1 + len(body), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if widths:
            table.autofit = False
            for col, width in enumerate(widths):
                table.columns[col].width = Cm(width)  # the grid LibreOffice lays out by
                for cell in table.columns[col].cells:
                    cell.width = Cm(width)
        for col, text in enumerate(header):
            cell = table.rows[0].cells[col]
            cell.paragraphs[0].add_run(clean(text)).bold = True
        for r, row in enumerate(body, start=1):
            for col, text in enumerate(row):
                table.rows[r].cells[col].paragraphs[0].add_run(clean(text))
        for r, row_ in enumerate(table.rows):
            props = row_._tr.get_or_add_trPr()
            props.append(OxmlElement("w:cantSplit"))
            if r == 0:
                props.append(OxmlElement("w:tblHeader"))  # repeated at the top of each page
        self.last = None
        return table

    # ------------------------------------------------------------------ parts

    def front(self) -> None:
        inp = self.inp
        self.doc.add_heading(title_text(inp), level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.para(self.unit(), bold_label=self.t("docx.unit"))
        plan = f"{inp.plan.title}({inp.plan.id})" if self.zh else f"{inp.plan.title} ({inp.plan.id})"
        self.para(plan, bold_label=self.t("docx.plan"))
        if inp.plan.issuer:
            self.para(inp.plan.issuer, bold_label=self.t("docx.issuer"))
        as_of = _date(inp.as_of, inp.lang) if inp.as_of else self.t("docx.whole")
        self.para(as_of, bold_label=self.t("docx.as_of"))

    def summary(self) -> None:
        r = self.inp.report
        self.heading("summary")
        counts = r.counts()
        total = len(r.findings)
        text = self.t("docx.summary_text", total=total, **{s.value: counts[s.value] for s in Status})
        self.para(text)
        self.table(
            [self.t("docx.col.status"), self.t("docx.col.count")],
            [[_status(s, self.inp.lang), str(counts[s.value])] for s in Status]
            + [[self.t("docx.col.total"), str(total)]],
        )

    def phases(self) -> None:
        self.heading("phases")
        rows = []
        for pid, row in self.inp.report.phase_completion().items():
            label = row["name"] or self.names.get(pid, pid) or self.t("docx.no_phase")
            rows.append([str(label), str(row["done"]), str(row["total"]), f"{row['ratio'] * 100:.0f}%"])
        if not rows:
            self.para(self.t("docx.none"))
            return
        # The phase's name is the long column (學習教育、聽取意見 wrapped in a quarter of the
        # page); the three numbers need little room.
        self.table([self.t("docx.col.phase"), self.t("docx.col.done"), self.t("docx.col.requirements"),
                    self.t("docx.col.completion")], rows, widths=(5.6, 2.2, 3.6, 3.2))  # 14.66 cm between the margins

    def open_items(self) -> None:
        self.heading("open")
        items = [f for s in OPEN_STATUSES for f in self.inp.report.findings if f.status is s]
        if not items:
            self.para(self.t("docx.all_done"))
            return
        counts = {s: sum(1 for f in items if f.status is s) for s in OPEN_STATUSES}
        # A line between the section heading and the first item's: LibreOffice does not
        # keep two consecutive keep-with-next headings together at a page's foot.
        self.para(self.t("docx.open_count", n=len(items), overdue=counts[Status.OVERDUE],
                         unmet=counts[Status.UNMET], open=counts[Status.OPEN]))
        for i, f in enumerate(items, start=1):
            number = f"({_zh_number(i)})" if self.zh else f"3.{i} "
            clause = f"〔{clean(f.clause)} {clean(f.rule)}〕" if self.zh else f"[{clean(f.clause)} {clean(f.rule)}] "
            text = (f"{number}{self.title_of(f)}{clause}— {_status(f.status, self.inp.lang)}" if self.zh else
                    f"{number}{self.title_of(f)} {clause}— {_status(f.status, self.inp.lang)}")
            # Kept with its first line. The item's own lines are not chained to each other:
            # LibreOffice gives up keep-with-next along a chain and strands the heading.
            self.doc.add_heading(text, level=2).paragraph_format.keep_with_next = True
            if f.quote:
                self.para(f"「{f.quote}」" if self.zh else f"“{f.quote}”", bold_label=self.t("docx.quote"))
            self.para(f.message(self.inp.lang), bold_label=self.t("docx.found"))
            self.para(owed_text(f, self.inp.lang, self.names), bold_label=owed_label(f, self.inp.lang))
            if f.due:
                self.para(_date(f.due, self.inp.lang), bold_label=self.t("docx.due"))
            if f.responsible:
                who = ("、" if self.zh else "; ").join(self.who(x) for x in f.responsible)
                self.para(who, bold_label=self.t("docx.responsible"))

    def listed(self, key: str, status: Status) -> None:
        items = self.inp.report.by_status(status)
        if not items and key != "met":
            return
        self.heading(key)
        if not items:
            self.para(self.t("docx.none"))
        for f in items:
            self.para(f.message(self.inp.lang), bold_label=f"[{f.clause}] {self.title_of(f)} ({f.rule}): ", style="List Bullet")

    def warnings(self) -> None:
        if not self.inp.report.warnings:
            return
        self.heading("warnings")
        for w in self.inp.report.warnings:
            self.para(w.message(self.inp.lang), style="List Bullet")

    def signature(self) -> None:
        """Seal, signature and date as one right-aligned paragraph kept whole and kept with
        the report's last paragraph, so it never stands alone on a page. (One paragraph, not
        a chain of kept paragraphs: LibreOffice drops keep-with-next along longer chains.)"""
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True
        unit = clean(self.unit())
        day = self.inp.as_of
        lines = [
            self.t("docx.seal", unit=unit),
            self.t("docx.signature"),
            _date(day, self.inp.lang) if day else self.t("docx.blank_date"),
        ]
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.space_before = Pt(48)
        p.paragraph_format.keep_together = True
        for i, line in enumerate(lines):
            run = p.add_run(line)
            if i < len(lines) - 1:
                run.add_break()

    def build(self) -> Document:
        self.front()
        self.summary()
        self.phases()
        self.open_items()
        self.listed("met", Status.MET)
        self.listed("waived", Status.WAIVED)
        self.warnings()
        self.signature()
        return self.doc


def stamp(inp: ExportInput) -> dt.datetime:
    """When the file says it was made (:meth:`ExportInput.stamp`), in UTC."""
    return inp.stamp().replace(tzinfo=dt.timezone.utc)


def build_document(inp: ExportInput) -> Document:
    """The report as a python-docx document (not yet saved)."""
    doc = _Writer(inp).build()
    props = doc.core_properties
    when = stamp(inp)
    props.author = "masswork"
    props.last_modified_by = "masswork"
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.title = title_text(inp)[:255]
    props.subject = clean(inp.schedule.unit)[:255]
    props.language = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}.get(normalize(inp.lang) or "en", "en")
    props.identifier = clean(inp.plan.id)[:255]
    props.comments = ""
    props.keywords = ""
    props.category = ""
    return doc


def export_docx(inp: ExportInput) -> bytes:
    """The self-inspection report as .docx bytes."""
    buf = io.BytesIO()
    build_document(inp).save(buf)
    return deterministic_zip(buf.getvalue(), stamp(inp))
