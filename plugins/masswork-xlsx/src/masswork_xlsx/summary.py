"""The ``xlsx`` batch summary (``masswork check --batch DIR --summary-format xlsx -o 匯總.xlsx``):
a workbook with one sheet per view of the batch — requirements with their counts and failure
rates, every unit with its counts, the units furthest behind, and the units that could not be
checked. Text cells go through :func:`~masswork_xlsx.cells.safe_text` (no formulas from
unit files); equal summaries give equal bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from masswork.batch import Summary, error_text
from masswork.exporters import deterministic_zip

from .cells import safe_text
from .words import CATALOGUE

__all__ = ["summary_xlsx"]

_COLS = {
    "cols_req": ("rule", "units", "met", "unmet", "overdue", "open", "waived", "failure_rate"),
    "cols_unit": ("unit", "plan", "events", "met", "unmet", "overdue", "open", "waived", "failing_rules"),
    "cols_broken": ("unit", "reason"),
}


def _head(lang: str) -> dict[str, Any]:
    # Sheet names and headers from the plugin's catalogue ("xlsx.summary.*").
    h: dict[str, Any] = CATALOGUE.labels("xlsx.summary", ("req", "units", "behind", "broken"), lang)
    for group, keys in _COLS.items():
        h[group] = list(CATALOGUE.labels(f"xlsx.summary.{group}", keys, lang).values())
    return h


def _sheet(wb: Any, title: str, header: list[str], rows: list[list[Any]], first: bool = False) -> None:
    from openpyxl.styles import Font

    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([safe_text(v) if isinstance(v, str) else v for v in row])
    ws.freeze_panes = "A2"
    for i, _ in enumerate(header, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = 14 if i > 1 else 28


def summary_xlsx(summary: Summary, lang: str) -> bytes:
    from openpyxl import Workbook

    h = _head(lang)
    wb = Workbook()
    _sheet(wb, h["req"], h["cols_req"], [
        [r["rule"], r["units"], r["met"], r["unmet"], r["overdue"], r["open"], r["waived"], r["failure_rate"]]
        for r in summary.requirements()], first=True)
    for row in wb[h["req"]].iter_rows(min_row=2, min_col=8, max_col=8):
        row[0].number_format = "0.0%"
    unit_rows = [[u["unit"], u["plan"] or "", u["events"], u["met"], u["unmet"], u["overdue"], u["open"],
                  u["waived"], ", ".join(u["failing"])] for u in summary.unit_rows() if u["error"] is None]
    _sheet(wb, h["units"], h["cols_unit"], unit_rows)
    _sheet(wb, h["behind"], h["cols_unit"], [
        [u["unit"], u["plan"] or "", u["events"], u["met"], u["unmet"], u["overdue"], u["open"], u["waived"],
         ", ".join(u["failing"])] for u in summary.furthest_behind()])
    _sheet(wb, h["broken"], h["cols_broken"], [
        [u["unit"], error_text(u["error"], lang)] for u in summary.broken])
    when = dt.datetime.combine(summary.as_of or dt.date(1980, 1, 1), dt.time(0, 0))
    wb.properties.created = wb.properties.modified = when
    from openpyxl.writer.excel import ExcelWriter

    out = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps "modified" with the clock: two
    # exports a second apart would differ.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return deterministic_zip(out.getvalue(), when)
