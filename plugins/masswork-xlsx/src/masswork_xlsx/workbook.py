"""The workbook: three sheets built from an :class:`~masswork.exporters.ExportInput`, and
one for each other kind of record the schedule holds (:mod:`masswork.readers.records`), so
that the workbook reads back to the whole schedule.

* 台賬 / Ledger — one row per schedule event, in time order (the columns of
  :data:`masswork.builtin.exporters.LEDGER_HEADER`);
* 檢查結果 / Findings — one row per finding, the status cell coloured;
* 個人定額 / Quotas — one row per person under each ``per-person`` requirement.

Every sheet has a bold header row that stays in view (frozen), an autofilter over its
rows and columns as wide as their text (CJK characters count 2).

Printing (a clerk prints these for the supervision group): every sheet is set up for A4,
fitted to one page wide with the header row repeated on each page, page numbers in the
footer and the plan and sheet named in the header. A sheet whose columns fit a portrait
page at full size prints portrait, any other landscape; and where even landscape would
shrink the text below :data:`MIN_PRINT_SCALE` (11-point text printed under 8 points), the
widest columns are narrowed and their text wrapped until it does not.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from masswork.i18n import normalize
from masswork.builtin.exporters import LEDGER_HEADER, ledger_rows, record_cells
from masswork.exporters import ExportInput, deterministic_zip
from masswork.report import Finding, Status
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .cells import display_width, safe_text, strip_illegal
from .quota import QuotaRow, quota_rows
from .words import CATALOGUE

__all__ = [
    "build_workbook",
    "export_xlsx",
    "SHEET_NAMES",
    "sheet_name",
    "CATALOGUE",
    "FINDINGS_COLUMNS",
    "QUOTA_COLUMNS",
    "STATUS_FILL",
    "FINDINGS_ORDER",
    "MIN_PRINT_SCALE",
    "print_scale",
]

# Sheet names are ``xlsx.sheet.<key>`` in the catalogue, findings columns ``xlsx.col.<key>``,
# quota columns ``xlsx.quota.<key>``.
SHEET_NAMES = ("ledger", "findings", "quota")
FINDINGS_COLUMNS = ("status", "clause", "rule", "message", "evidence", "due", "quote")
QUOTA_COLUMNS = ("rule", "clause", "what", "name", "role", "quota", "done", "owed", "person_status",
                 "evidence", "status", "person")
FINDINGS_ORDER = (Status.OVERDUE, Status.UNMET, Status.OPEN, Status.MET, Status.WAIVED)
"""The findings sheet lists failures first: overdue, unmet, then open, met, waived; in plan
order within each."""
STATUS_FILL = {
    Status.MET: "C6EFCE",
    Status.UNMET: "FFC7CE",
    Status.OVERDUE: "F8CBAD",
    Status.OPEN: "FFEB9C",
    Status.WAIVED: "D9D9D9",
}
_EVENT_FILL = {"held": "E2EFDA", "planned": "FFF2CC", "cancelled": "D9D9D9",
               "已舉行": "E2EFDA", "計劃": "FFF2CC", "已取消": "D9D9D9"}
_HEADER_FILL = "DDEBF7"
_DATE_FORMAT = "yyyy-mm-dd"
_WRAP_AT = 48  # columns wider than this wrap their text instead of growing
_MIN_WIDTH = 6
_LINE_HEIGHT = 16  # points per line of 11-point text, CJK glyphs included
_NARROWEST_WRAP = 14  # a wrapped column is never narrowed below this

# A4 is 8.27 × 11.69 inches; with the margins below, what is left for the columns, in the
# pixels (at 96 dpi) spreadsheet programs lay columns out in: a column of width w (in
# characters of the default font) takes about 7·w + 5 pixels.
PAPER_A4 = 9  # the paperSize code of A4 in SpreadsheetML
_MARGIN_IN = 0.5
PORTRAIT_PX = int((8.27 - 2 * _MARGIN_IN) * 96)
LANDSCAPE_PX = int((11.69 - 2 * _MARGIN_IN) * 96)
MIN_PRINT_SCALE = 0.75
"""The smallest fit-to-width scale a sheet is allowed to print at (11 pt → 8.25 pt)."""


def columns_px(widths: Sequence[float]) -> float:
    """The printed width, in pixels at 100 %, of columns of these widths (in characters)."""
    return sum(7 * w + 5 for w in widths)


def print_scale(widths: Sequence[float], orientation: str) -> float:
    """The scale fit-to-width will print columns of these widths at, on A4."""
    page = PORTRAIT_PX if orientation == "portrait" else LANDSCAPE_PX
    return min(1.0, page / max(columns_px(widths), 1))


class _Sheet:
    """A worksheet being filled row by row, remembering how wide each column must be."""

    def __init__(self, ws: Worksheet, header: Sequence[str], title: str = "", printed: int | None = None) -> None:
        self.ws = ws
        self.title = title
        # Columns past ``printed`` are there for reading the workbook back, hidden: they
        # do not print (spreadsheets skip hidden columns), so the page stays readable.
        self.printed = printed
        self.widths = [display_width(h) for h in header]
        self.texts: dict[tuple[int, int], str] = {}
        self.row = 1
        bold = Font(bold=True)
        fill = PatternFill("solid", fgColor=_HEADER_FILL)
        border = Border(bottom=Side(style="thin"))
        for col, text in enumerate(header, start=1):
            cell = self.put(col, text)
            cell.font = bold
            cell.fill = fill
            cell.border = border
            cell.alignment = Alignment(vertical="center")

    def put(self, col: int, value: Any, *, fill: str | None = None) -> Any:
        cell = self.ws.cell(row=self.row, column=col)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            cell.value = value
            cell.number_format = _DATE_FORMAT
            width = 12  # "2014-02-24" in a proportional font, with room to spare
        elif value is None:
            width = 0
        elif isinstance(value, bool):
            cell.value = str(value)
            cell.data_type = "s"
            width = len(str(value))
        elif isinstance(value, (int, float)):
            cell.value = value
            width = len(str(value))
        else:
            text = safe_text(value)
            if text:
                cell.value = text
                # Never a formula ("=…"), never an error value ("#N/A"): a string, whatever it says.
                cell.data_type = "s"
                self.texts[self.row, col] = text
            width = display_width(text)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        self.widths[col - 1] = max(self.widths[col - 1], width)
        return cell

    def add(self, values: Sequence[Any], fills: dict[int, str] | None = None) -> None:
        self.row += 1
        fills = fills or {}
        for col, value in enumerate(values, start=1):
            self.put(col, value, fill=fills.get(col))

    def finish(self) -> None:
        ws = self.ws
        last = get_column_letter(len(self.widths))
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{last}{max(self.row, 1)}"
        top = Alignment(vertical="top")
        wrap = Alignment(vertical="top", wrap_text=True)
        dated = Alignment(vertical="top", horizontal="left")
        shown = [min(max(width, _MIN_WIDTH), _WRAP_AT) for width in self.widths]
        n_printed = self.printed or len(shown)
        # Narrow the widest column, a step at a time, until landscape prints readably.
        while print_scale([w + 2 for w in shown[:n_printed]], "landscape") < MIN_PRINT_SCALE:
            widest = max(range(n_printed), key=lambda i: shown[i])
            if shown[widest] <= _NARROWEST_WRAP:
                break
            shown[widest] -= 2
        for col, width in enumerate(self.widths, start=1):
            letter = get_column_letter(col)
            wraps = width > shown[col - 1]
            ws.column_dimensions[letter].width = shown[col - 1] + 2
            if col > n_printed:
                ws.column_dimensions[letter].hidden = True
            for r in range(2, self.row + 1):
                cell = ws.cell(row=r, column=col)
                # A date left-aligned like the text around it: right-aligned (a number's
                # default) it prints run into the next column ("2014-02-1809:00").
                cell.alignment = wrap if wraps else dated if isinstance(cell.value, dt.date) else top
        # Spreadsheets do not all grow a row to fit wrapped text (LibreOffice keeps the
        # default height of a row written without one), so give tall rows their height.
        lines: dict[int, int] = {}
        for (r, col), text in self.texts.items():
            n = sum(max(1, -(-display_width(line) // shown[col - 1])) for line in text.split("\n"))
            lines[r] = max(lines.get(r, 1), n)
        for r, n in lines.items():
            if n > 1:
                ws.row_dimensions[r].height = _LINE_HEIGHT * n
        printed = [w + 2 for w in shown[:n_printed]]
        ws.print_title_rows = "1:1"
        ws.page_setup.paperSize = PAPER_A4
        ws.page_setup.orientation = "portrait" if columns_px(printed) <= PORTRAIT_PX else "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        m = ws.page_margins
        m.left = m.right = _MARGIN_IN
        m.top = m.bottom = 0.75
        m.header = m.footer = 0.3
        ws.print_options.gridLines = True
        ws.print_options.horizontalCentered = True
        # "&" starts a header/footer code; the plan's title is text, so its "&" is doubled.
        header, footer = ws.oddHeader, ws.oddFooter
        if header is not None:
            header.left.text = self.title.replace("&", "&&")[:200]
            header.right.text = ws.title.replace("&", "&&")
        if footer is not None:
            footer.center.text = "&P / &N"


def _header(prefix: str, columns: Sequence[str], lang: str) -> list[str]:
    return [CATALOGUE.tr(lang, f"{prefix}.{key}") for key in columns]


def sheet_name(key: str, lang: str) -> str:
    """The name of sheet ``key`` (one of :data:`SHEET_NAMES`) in ``lang``."""
    return CATALOGUE.tr(lang, f"xlsx.sheet.{key}")


def _ledger(wb: Workbook, inp: ExportInput) -> None:
    ws = wb.active
    assert ws is not None
    ws.title = sheet_name("ledger", inp.lang)
    # The first release's columns print; those appended since (end … unit) are hidden.
    sheet = _Sheet(ws, _header("col", [en for en, _ in LEDGER_HEADER], inp.lang), strip_illegal(inp.plan.title),
                   printed=[en for en, _ in LEDGER_HEADER].index("id") + 1)
    status_col = [en for en, _ in LEDGER_HEADER].index("status") + 1
    for row in ledger_rows(inp):
        values: list[Any] = list(row)
        values[0] = dt.date.fromisoformat(row[0])
        fill = _EVENT_FILL.get(row[status_col - 1])
        sheet.add(values, {status_col: fill} if fill else None)
    sheet.finish()


def _status_text(status: Status, lang: str) -> str:
    return status.label(lang)


def _findings(wb: Workbook, inp: ExportInput) -> None:
    ws = wb.create_sheet(sheet_name("findings", inp.lang))
    sheet = _Sheet(ws, _header("xlsx.col", FINDINGS_COLUMNS, inp.lang), strip_illegal(inp.plan.title))
    f: Finding
    for f in sorted(inp.report.findings, key=lambda f: FINDINGS_ORDER.index(f.status)):
        sheet.add(
            [_status_text(f.status, inp.lang), f.clause, f.rule, f.message(inp.lang),
             " ".join(f.evidence), f.due, f.quote],
            {1: STATUS_FILL[f.status]},
        )
    sheet.finish()


def _quotas(wb: Workbook, inp: ExportInput, rows: list[QuotaRow]) -> None:
    ws = wb.create_sheet(sheet_name("quota", inp.lang))
    sheet = _Sheet(ws, _header("xlsx.quota", QUOTA_COLUMNS, inp.lang), strip_illegal(inp.plan.title))
    owed_col = QUOTA_COLUMNS.index("owed") + 1
    mine_col = QUOTA_COLUMNS.index("person_status") + 1
    status_col = QUOTA_COLUMNS.index("status") + 1
    for q in rows:
        fills = {owed_col: STATUS_FILL[Status.UNMET] if q.owed else STATUS_FILL[Status.MET],
                 mine_col: STATUS_FILL[q.person_status]}
        if q.status is not None:
            fills[status_col] = STATUS_FILL[q.status]
        sheet.add(
            [q.rule, q.clause, q.what, q.name, q.role, q.quota, q.done, q.owed,
             _status_text(q.person_status, inp.lang), " ".join(q.evidence),
             _status_text(q.status, inp.lang) if q.status else "", q.person],
            fills,
        )
    sheet.finish()


def _records(wb: Workbook, inp: ExportInput) -> None:
    """A sheet for each kind of record the schedule holds beside its events (文件, 報送,
    審批, 通知, 豁免, 確認, 時段, 台賬信息), so the workbook holds the whole schedule and
    reads back to it (:mod:`masswork.readers.records`)."""
    from masswork.i18n import tr
    from masswork.readers.records import RECORDS

    rows: dict[str, list[dict[str, Any]]] = {}
    for kind, cells in record_cells(inp):
        rows.setdefault(kind, []).append(cells)
    for kind, record in RECORDS.items():
        if kind not in rows:
            continue
        ws = wb.create_sheet(tr(inp.lang, "sheet." + kind))
        sheet = _Sheet(ws, [tr(inp.lang, "col." + k) for k in record.columns], strip_illegal(inp.plan.title))
        for cells in rows[kind]:
            sheet.add([cells.get(k) for k in record.columns])
        sheet.finish()


def stamp(inp: ExportInput) -> dt.datetime:
    """When the workbook says it was made (:meth:`ExportInput.stamp`)."""
    return inp.stamp()


def build_workbook(inp: ExportInput) -> Workbook:
    """The workbook for ``inp`` (not yet saved)."""
    wb = Workbook()
    _ledger(wb, inp)
    _findings(wb, inp)
    _quotas(wb, inp, quota_rows(inp))
    _records(wb, inp)
    when = stamp(inp)
    props = wb.properties
    props.creator = "masswork"
    props.lastModifiedBy = "masswork"
    props.created = when
    props.modified = when
    props.title = strip_illegal(inp.plan.title)[:255] or None
    props.subject = strip_illegal(inp.schedule.unit)[:255] or None
    props.description = strip_illegal(inp.plan.id)[:255] or None
    props.language = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}.get(normalize(inp.lang) or "en", "en")
    return wb


def export_xlsx(inp: ExportInput) -> bytes:
    """The ledger workbook as xlsx bytes."""
    wb = build_workbook(inp)
    buf = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which would stamp "modified" with the clock.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return deterministic_zip(buf.getvalue(), stamp(inp))
