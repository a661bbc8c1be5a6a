"""The ``xlsx`` batch summary workbook: the numbers of the summary, formula-safe text, and
the same bytes for the same batch."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import openpyxl

from masswork.batch import find_units, run_batch, summarise
from masswork.batch.formats import summary_exporters
from masswork.testing.province import RULES, write_province


def test_summary_workbook(tmp_path: Path) -> None:
    expected = write_province(tmp_path / "city", 8, 40, seed=4)
    bad = tmp_path / "city" / "=HYPERLINK(1)"
    bad.mkdir()
    (bad / "plan.json").write_text("{", encoding="utf-8")
    (bad / "schedule.json").write_text("{}", encoding="utf-8")
    summary = summarise(run_batch(find_units(tmp_path / "city"), options={"jobs": 1}))
    data = summary_exporters()["xlsx"].export(summary, "zh")
    # Across a change of the clock's second, so that a timestamp taken at save shows.
    time.sleep(1.1)
    assert data == summary_exporters()["xlsx"].export(summary, "zh")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["要求", "單位", "最落後", "無法檢查"]
    rows = {r[0]: r for r in wb["要求"].iter_rows(min_row=2, values_only=True)}
    assert set(rows) == set(RULES)
    for rule in RULES:
        failing = sum(rule in v for v in expected.values())
        assert rows[rule][3] == failing and rows[rule][1] == 8
    units = {r[0]: r for r in wb["單位"].iter_rows(min_row=2, values_only=True)}
    assert set(units) == set(expected)
    broken = list(wb["無法檢查"].iter_rows(min_row=2, values_only=True))
    assert len(broken) == 1 and str(broken[0][0]).startswith("'=")  # never a formula


def test_cli_writes_the_workbook(tmp_path: Path) -> None:
    write_province(tmp_path / "city", 3, 30, seed=1)
    out = tmp_path / "匯總.xlsx"
    r = subprocess.run([sys.executable, "-m", "masswork", "check", "--batch", str(tmp_path / "city"),
                        "--summary-format", "xlsx", "-o", str(out), "--lang", "en"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode in (0, 1), r.stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == "requirements"
