"""The workbook prints: A4, the orientation each sheet's width calls for, one page wide at a
readable scale, the header row on every page, failures first — checked in the file's page
setup, and in the PDF LibreOffice prints from it (page sizes, page text, glyph heights)."""

from __future__ import annotations

import datetime as dt
import io
import re
import statistics
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from masswork.report import Status
from masswork.testing import sample_export_input, with_text
from masswork.testing.pdf import page_sizes, page_texts, word_heights
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from masswork_xlsx import export_xlsx
from masswork_xlsx.workbook import (
    FINDINGS_ORDER,
    LANDSCAPE_PX,
    MIN_PRINT_SCALE,
    PAPER_A4,
    PORTRAIT_PX,
    columns_px,
    print_scale,
)

Convert = Callable[[Path, str, Path], Path]
A4 = (595.3, 841.9)  # points


def widths(ws: Worksheet) -> list[float]:
    # Hidden columns (the ledger's read-back columns) do not print.
    return [ws.column_dimensions[c].width for c in sorted(ws.column_dimensions, key=lambda c: (len(c), c))
            if not ws.column_dimensions[c].hidden]


def check_page_setup(ws: Worksheet) -> None:
    ps = ws.page_setup
    assert str(ps.paperSize) == str(PAPER_A4)
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None and setup.fitToPage
    assert (str(ps.fitToWidth), str(ps.fitToHeight)) == ("1", "0")  # one page wide, as many long as it takes
    assert str(ws.print_title_rows).replace("$", "") == "1:1"
    w = widths(ws)
    expected = "portrait" if columns_px(w) <= PORTRAIT_PX else "landscape"
    assert ps.orientation == expected
    assert print_scale(w, ps.orientation) >= MIN_PRINT_SCALE, (ws.title, w)
    footer = ws.oddFooter
    assert footer is not None and footer.center.text == "&P / &N"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sheet_is_set_up_for_a4(lang: str) -> None:
    wb = load_workbook(io.BytesIO(export_xlsx(sample_export_input(lang=lang))))
    for ws in wb.worksheets:
        check_page_setup(ws)


def test_long_text_wraps_rather_than_shrinking_the_print() -> None:
    inp = sample_export_input()
    inp = attrs.evolve(inp, schedule=with_text(inp.schedule, "群眾路線教育實踐活動專題會議" * 30))
    ledger = load_workbook(io.BytesIO(export_xlsx(inp))).worksheets[0]
    check_page_setup(ledger)
    assert ledger.page_setup.orientation == "landscape"
    assert columns_px(widths(ledger)) <= LANDSCAPE_PX / MIN_PRINT_SCALE
    assert max(widths(ledger)) < 48  # the long column was narrowed, its text wraps


def test_orientation_follows_the_width() -> None:
    assert print_scale([10] * 5, "portrait") == 1.0
    assert columns_px([10] * 5) <= PORTRAIT_PX < columns_px([10] * 12) <= LANDSCAPE_PX


@pytest.mark.parametrize("as_of", [None, dt.date(2014, 4, 1), dt.date(2014, 12, 31)])
def test_failures_come_first_and_people_have_their_own_status(as_of: dt.date | None) -> None:
    inp = sample_export_input(as_of)
    wb = load_workbook(io.BytesIO(export_xlsx(inp)))
    _, findings, quota = wb.worksheets[:3]
    label = {s.zh: s for s in Status}
    statuses = [label[str(r[0])] for r in findings.iter_rows(min_row=2, values_only=True)]
    assert statuses == sorted(statuses, key=FINDINGS_ORDER.index)
    assert statuses[0].failing == any(s.failing for s in statuses)
    head = [c.value for c in quota[1]]
    mine, owed = head.index("本人狀態"), head.index("尚欠")
    for row in quota.iter_rows(min_row=2, values_only=True):
        assert (label[str(row[mine])] is Status.MET) == (row[owed] == 0)


def test_some_sample_fails() -> None:
    statuses = {f.status for f in sample_export_input(dt.date(2014, 12, 31)).report.findings}
    assert any(s.failing for s in statuses)  # so the ordering test above orders something


# ------------------------------------------------------------------ printed by LibreOffice


@pytest.mark.slow
def test_printed_pdf_is_a4_readable_with_headers_on_every_page(masswork_libreoffice: Convert,
                                                               tmp_path: Path) -> None:
    inp = sample_export_input()
    # Enough events that the ledger runs over several pages.
    many = attrs.evolve(inp.schedule, events=tuple(
        attrs.evolve(e, id=f"{e.id}-{i}") for i in range(12) for e in inp.schedule.events))
    inp = attrs.evolve(inp, schedule=many)
    book = tmp_path / "台賬.xlsx"
    book.write_bytes(export_xlsx(inp))
    pdf = masswork_libreoffice(book, "pdf", tmp_path / "pdf") / "台賬.pdf"
    pages = page_sizes(pdf)
    assert len(pages) >= 3
    wb = load_workbook(io.BytesIO(book.read_bytes()))
    for w, h in pages:
        assert sorted((round(w, 1), round(h, 1))) == sorted(A4)
    texts = page_texts(pdf, layout=True)
    # The page header: the plan's title on the left, the sheet's name on the right (台賬 and
    # 台賬信息 are two sheets, so the name is compared whole).
    sheet_of = [t.splitlines()[0].split()[-1] for t in texts]
    ledger_pages = [t for t, name in zip(texts, sheet_of) if name == "台賬"]
    assert len(ledger_pages) >= 2  # the long ledger broke over pages …
    for t in ledger_pages:
        assert "日期" in t and "類型" in t  # … and each repeats the header row
    numbers = [re.findall(r"(\d+) ?/ ?(\d+)\s*$", t.rstrip()) for t in texts]  # the footer, last on the page
    assert numbers == [[(str(n), str(len(pages)))] for n in range(1, len(pages) + 1)]
    orientation = {ws.title: ws.page_setup.orientation for ws in wb.worksheets}
    for (w, h), sheet in zip(pages, sheet_of):
        assert (w > h) == (orientation[sheet] == "landscape"), sheet
    heights = word_heights(pdf)
    assert statistics.median(heights) >= 7.5  # 11-point text printed at 75 % or more, not 5 points
