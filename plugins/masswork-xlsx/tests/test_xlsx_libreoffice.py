"""LibreOffice opens the workbook: converted headless to CSV, the ledger rows are there, and
hostile text comes out as the text it was, not as a computed value."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from masswork.builtin.exporters import ledger_rows
from masswork.testing import sample_export_input, with_text

from masswork_xlsx import export_xlsx, safe_text
from masswork_xlsx.workbook import FINDINGS_ORDER

Convert = Callable[[Path, str, Path], Path]
UTF8_CSV = "csv:Text - txt - csv (StarCalc):44,34,76"
ALL_SHEETS = UTF8_CSV + ",1,,0,false,true,false,false,false,-1"

pytestmark = pytest.mark.slow


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_ledger_converts_to_csv(masswork_libreoffice: Convert, tmp_path: Path) -> None:
    inp = sample_export_input()
    book = tmp_path / "台賬.xlsx"
    book.write_bytes(export_xlsx(inp))
    out = masswork_libreoffice(book, UTF8_CSV, tmp_path / "csv")
    table = read_csv(out / "台賬.csv")
    assert table[0][:3] == ["日期", "時間", "類型"]
    expected = [[c for c in row] for row in ledger_rows(inp)]
    assert len(table) - 1 == len(expected) == len(inp.schedule.events)
    for got, want in zip(table[1:], expected):
        assert got == want


def test_every_sheet_converts(masswork_libreoffice: Convert, tmp_path: Path) -> None:
    inp = sample_export_input(lang="en")
    book = tmp_path / "book.xlsx"
    book.write_bytes(export_xlsx(inp))
    out = masswork_libreoffice(book, ALL_SHEETS, tmp_path / "csv")
    ledger = read_csv(out / "book-Ledger.csv")
    findings = read_csv(out / "book-Findings.csv")
    quotas = read_csv(out / "book-Quotas.csv")
    assert len(ledger) - 1 == len(inp.schedule.events)
    ordered = sorted(inp.report.findings, key=lambda f: FINDINGS_ORDER.index(f.status))
    assert [r[2] for r in findings[1:]] == [f.rule for f in ordered]
    assert [r[0] for r in findings[1:]] == [f.status.value for f in ordered]
    owed = {r[-1]: r[7] for r in quotas[1:]}
    assert owed == {"li-fei": "0", "sun-ping": "1", "zhou-lan": "0"}


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-1+1", "@SUM(1,1)", "=HYPERLINK(\"http://x\",\"y\")",
                                  "a\x00b\x01c", "#N/A", "line1\nline2"])
def test_hostile_text_stays_text(masswork_libreoffice: Convert, tmp_path: Path, text: str) -> None:
    inp = sample_export_input()
    inp = attrs.evolve(inp, schedule=with_text(inp.schedule, text))
    book = tmp_path / "hostile.xlsx"
    book.write_bytes(export_xlsx(inp))
    table = read_csv(masswork_libreoffice(book, UTF8_CSV, tmp_path / "csv") / "hostile.csv")
    titles = {row[3] for row in table[1:]}
    assert titles == {safe_text(text)}
    assert "2" not in titles and "0" not in titles
