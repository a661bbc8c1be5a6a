"""The xlsx workbook, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import Counter
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from masswork.exporters import ExportInput
from masswork.plugins import make_plugin_manager
from masswork.report import Status
from masswork.testing import sample_export_input, with_text
from masswork.testing.strategies import hostile_text
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import masswork_xlsx
from masswork_xlsx import display_width, export_xlsx, quota_rows, safe_text
from masswork_xlsx.workbook import FINDINGS_ORDER, SHEET_NAMES, STATUS_FILL, sheet_name

AS_OF = dt.date(2014, 4, 1)


def read(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def rows(ws: Worksheet) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def column(ws: Worksheet, header: str) -> int:
    heads = [c.value for c in ws[1]]
    return heads.index(header)


def no_formulas(wb: Workbook) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                assert cell.data_type != "e", (ws.title, cell.coordinate, cell.value)


def test_registered_through_the_entry_point() -> None:
    host = make_plugin_manager()
    exporters = host.exporters()
    assert "xlsx" in exporters
    assert exporters["xlsx"].binary
    assert exporters["xlsx"].suffix == ".xlsx"
    assert host.owner_of("format", "xlsx") == "xlsx"
    assert not [f for f in host.failures if f.plugin == "xlsx"]


def test_registered_as_a_plugin_object() -> None:
    host = make_plugin_manager(load_entrypoints=False, extra=(masswork_xlsx,))
    assert host.exporters()["xlsx"] is masswork_xlsx.EXPORTER


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("as_of", [None, AS_OF])
def test_sheets_agree_with_schedule_and_report(lang: str, as_of: dt.date | None) -> None:
    inp = sample_export_input(as_of, lang)
    wb = read(export_xlsx(inp))
    assert wb.sheetnames[:3] == [sheet_name(k, lang) for k in SHEET_NAMES]
    assert wb.sheetnames[:3] == (["台賬", "檢查結果", "個人定額"] if lang == "zh" else ["Ledger", "Findings", "Quotas"])
    ledger, findings, quota = wb.worksheets[:3]

    # 台賬: one row per event, every event once, in time order.
    lrows = rows(ledger)
    assert len(lrows) == len(inp.schedule.events)
    idc = column(ledger, "編號" if lang == "zh" else "id")
    assert sorted(r[idc] for r in lrows) == sorted(e.id for e in inp.schedule.events)
    days = [r[0] for r in lrows]
    assert days == sorted(days)
    by_id = {e.id: e for e in inp.schedule.events}
    assert all(r[0].date() == by_id[r[idc]].day for r in lrows)

    # 檢查結果: one row per finding, statuses counted alike.
    frows = rows(findings)
    assert len(frows) == len(inp.report.findings)
    status_text = {s: (s.zh if lang == "zh" else s.value) for s in Status}
    counted = Counter(r[0] for r in frows)
    for status, n in inp.report.counts().items():
        assert counted.get(status_text[Status(status)], 0) == n
    # Failures first (overdue, unmet, then open, met, waived), plan order within each.
    ordered = sorted(inp.report.findings, key=lambda f: FINDINGS_ORDER.index(f.status))
    assert [r[2] for r in frows] == [f.rule for f in ordered]
    ranks = [FINDINGS_ORDER.index(f.status) for f in ordered]
    assert ranks == sorted(ranks)
    for i, f in enumerate(ordered, start=2):
        assert findings.cell(i, 1).fill.fgColor.rgb.endswith(STATUS_FILL[f.status])

    # 個人定額: one row per holder of each per-person rule; owed only where the finding says.
    qrows = rows(quota)
    per_person = [r for r in inp.plan.requirements if r.kind == "per-person"]
    assert len(qrows) == sum(len(inp.plan.holders(r.params.role)) for r in per_person)
    owed = {(r[0], r[-1]): r[7] for r in qrows}
    short = {(f.rule, s.subject): s for f in inp.report.findings if f.kind == "per-person"
             for s in f.shortfall}
    assert {k for k, v in owed.items() if v} == set(short)
    for key, s in short.items():
        assert owed[key] == s.need - s.have  # type: ignore[operator]


def test_forum_quota_counts_hosts() -> None:
    # li-fei hosted f1 and f2 (quota 2, as 主要負責人); sun-ping none; zhou-lan f3 (planned).
    whole = {q.person: q for q in quota_rows(sample_export_input())}
    assert (whole["li-fei"].quota, whole["li-fei"].done, whole["li-fei"].owed) == (2, 2, 0)
    assert (whole["sun-ping"].quota, whole["sun-ping"].done, whole["sun-ping"].owed) == (1, 0, 1)
    assert (whole["zhou-lan"].done, whole["zhou-lan"].owed) == (1, 0)
    assert whole["li-fei"].role == "主要負責人"
    assert whole["li-fei"].evidence == ("f1", "f2")
    # On 1 April the planned forum does not count yet.
    on_day = {q.person: q for q in quota_rows(sample_export_input(AS_OF))}
    assert (on_day["zhou-lan"].done, on_day["zhou-lan"].owed) == (0, 1)


def test_layout() -> None:
    inp = sample_export_input()
    wb = read(export_xlsx(inp))
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
        assert all(c.font.b for c in ws[1])
    ledger = wb.worksheets[0]
    widths = {k: v.width for k, v in ledger.column_dimensions.items()}
    # 參加人員 holds "市委督導組、群眾觀察員、班子成員": 16 CJK characters, 32 columns.
    assert widths["F"] >= 32
    # 時間 holds "09:00": narrow.
    assert widths["B"] < 12


def test_long_text_wraps_in_a_taller_row() -> None:
    inp = sample_export_input()
    inp = attrs.evolve(inp, schedule=with_text(inp.schedule, "群眾路線教育實踐活動" * 20))
    ledger = read(export_xlsx(inp)).worksheets[0]
    title = column(ledger, "名稱") + 1
    assert ledger.cell(2, title).alignment.wrap_text
    assert (ledger.row_dimensions[2].height or 0) >= 16 * 4  # 400 columns of text in a 48-wide column
    assert ledger.row_dimensions[1].height is None  # the header keeps the default


def test_english_headers() -> None:
    wb = read(export_xlsx(sample_export_input(lang="en")))
    assert [c.value for c in wb.worksheets[0][1]][:3] == ["date", "time", "type"]
    assert [c.value for c in wb.worksheets[1][1]][:3] == ["status", "clause", "rule"]
    assert "owed" in [c.value for c in wb.worksheets[2][1]]


def test_deterministic_and_dated_from_input() -> None:
    inp = sample_export_input(AS_OF)
    a, b = export_xlsx(inp), export_xlsx(inp)
    assert a == b
    props = read(a).properties
    assert props.created == props.modified == dt.datetime(2014, 4, 1)
    assert props.creator == "masswork"
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert {i.date_time for i in z.infolist()} == {(2014, 4, 1, 0, 0, 0)}
    whole = read(export_xlsx(sample_export_input())).properties
    assert whole.created == dt.datetime(2014, 6, 10)  # the schedule's last day


def test_no_formula_anywhere() -> None:
    wb = read(export_xlsx(sample_export_input()))
    no_formulas(wb)


@pytest.mark.parametrize("text, stored", [
    ("=1+1", "'=1+1"),
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+SUM(A1)", "'+SUM(A1)"),
    ("-2+3", "'-2+3"),
    ("@cmd", "'@cmd"),
    ("\tTAB", "'\tTAB"),
    ("\rCR", "'\rCR"),
    ("a\x00b", "ab"),
    ("\x01=1+1", "'=1+1"),  # the control character goes first, then the formula is caught
    ("#N/A", "#N/A"),
    ("#DIV/0!", "#DIV/0!"),
    ("line1\nline2", "line1\nline2"),
    ("a\ufffeb\uffffc\x0bd\x1fe", "abcde"),
])
def test_hostile_cell(text: str, stored: str) -> None:
    assert safe_text(text) == stored
    inp = sample_export_input()
    inp = attrs.evolve(inp, schedule=with_text(inp.schedule, text))
    wb = read(export_xlsx(inp))
    no_formulas(wb)
    ledger = wb.worksheets[0]
    titles = {r[3] for r in rows(ledger)}
    assert titles == {stored}
    for r in range(2, ledger.max_row + 1):
        assert ledger.cell(r, 4).data_type == "s"


def test_long_text_is_cut_to_the_cell_limit() -> None:
    inp = sample_export_input()
    inp = attrs.evolve(inp, schedule=with_text(inp.schedule, "長" * 40000))
    ledger = read(export_xlsx(inp)).worksheets[0]
    assert len(str(ledger.cell(2, 4).value)) == 32767


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text())
def test_hostile_text_property(text: str) -> None:
    base = sample_export_input()
    inp = ExportInput(base.plan, with_text(base.schedule, text), base.report, base.lang, base.as_of)
    wb = read(export_xlsx(inp))
    no_formulas(wb)
    ledger = wb.worksheets[0]
    expected = safe_text(text) or None
    for r in rows(ledger):
        assert r[3] == expected  # title
        assert r[6] == expected  # place
    assert wb.properties.subject == (masswork_xlsx.strip_illegal(text)[:255] or None)


@pytest.mark.parametrize("text, width", [
    ("", 0), ("abc", 3), ("台賬", 4), ("ＡＢ", 4), ("a台", 3), ("短\n長長長", 6), ("e\u0301", 1),
])
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width
