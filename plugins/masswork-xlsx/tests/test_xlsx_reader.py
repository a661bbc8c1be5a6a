"""The xlsx schedule reader: masswork's own workbook read back (test_xlsx_roundtrip.py), a unit's
own spreadsheet read by its Chinese headers (either script) or a mapping file, dates as
Excel serials, text and date-time cells, and every unreadable cell reported by
sheet!cell — exit 2, nothing checked."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import masswork
import pytest
from masswork.loaders import plan_to_dict
from masswork.loaders.files import dumps_json
from masswork.readers import read_schedule
from masswork.testing import sample_plan
from masswork.testing.cli import run_masswork
from openpyxl import Workbook

S3 = Path(__file__).resolve().parents[3] / "examples" / "s3-danyang-phase1"


def workbook_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    wb = Workbook()
    first = True
    for title, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = title
        first = False
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_workbook_and_csv_of_one_schedule_read_the_same(tmp_path: Path) -> None:
    plan = masswork.load_plan(S3 / "plan.toml")
    xlsx, csv = tmp_path / "台賬.xlsx", tmp_path / "台賬.csv"
    for fmt, out in (("xlsx", xlsx), ("csv", csv)):
        run_masswork("export", S3 / "plan.toml", S3 / "schedule-flawed.toml", "--format", fmt, "-o", out)
    assert read_schedule(xlsx, plan).schedule == read_schedule(csv, plan).schedule
    a = run_masswork("check", S3 / "plan.toml", xlsx, "--format", "json", ok=(1,)).stdout
    b = run_masswork("check", S3 / "plan.toml", csv, "--format", "json", ok=(1,)).stdout
    assert json.loads(a) == json.loads(b)


UNIT_ROWS: list[list[Any]] = [
    ["某局黨的群眾路線教育實踐活動台賬"],
    [],
    ["序號", "日期", "活動", "主持人", "參加人員", "時間"],
    [1, dt.datetime(2014, 3, 4), "座談會", "李飛", "孫平、督導組", "09:30"],  # a date cell
    [2, 41710, "座談會", "孫平", "李飛", None],  # an Excel serial: 2014-03-12
    [3, "2014年3月20日", "座談會", "李飛", None, None],
    [4, "3月25日", "座談會", "孫平", None, None],  # the plan's year
    [5, dt.datetime(2014, 3, 28, 14, 0), "座談會", "李飛", None, None],  # date and time in one cell
    [6, "2014.4.2", "座談會", "孫平", None, None],
]


def test_unit_spreadsheet_read_by_its_headers() -> None:
    data = workbook_bytes({"說明": [["本表由辦公室填寫"]], "活動記錄": UNIT_ROWS})
    events = read_schedule(data, sample_plan(), name="台賬.xlsx").schedule.events
    assert [e.start for e in events] == [
        dt.datetime(2014, 3, 4, 9, 30), dt.date(2014, 3, 12), dt.date(2014, 3, 20), dt.date(2014, 3, 25),
        dt.datetime(2014, 3, 28, 14, 0), dt.date(2014, 4, 2)]
    assert [e.id for e in events] == ["1", "2", "3", "4", "5", "6"]
    assert events[0].host == "li-fei" and events[0].attendees == ("sun-ping", "督導組")


def test_simplified_headers_without_a_mapping() -> None:
    rows = [["日期", "活动", "主持人", "参加人员"], ["2014年3月4日", "座谈会", "李飞", "孙平"]]
    e = read_schedule(workbook_bytes({"活动记录": rows}), sample_plan(), name="台账.xlsx").schedule.events[0]
    # Names are read as ids; an id in the other script stays as written, for the checker
    # to read as the plan's id and say so (masswork.idmatch).
    assert (e.type, e.host, e.attendees) == ("座谈会", "li-fei", ("sun-ping",))


def test_every_bad_cell_is_reported_by_sheet_and_cell(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["日期", "活動", "主持人", "參加人員"]] + [["2014-03-04", "座談會", "李飛", ""]] * 15
    rows.append(["2014-03-05", "座談會", "李飛", ""])
    bad = [list(r) for r in rows]
    bad.append(["2014-03-06", "座談會", "李飛", ""])
    bad[16][0] = "3月32日"  # row 17
    bad[5][1] = None  # row 6: no event type
    data = workbook_bytes({"活動記錄": bad})
    with pytest.raises(masswork.InputError) as info:
        read_schedule(data, sample_plan(), name="台賬.xlsx")
    text = info.value.message("en")
    assert '台賬.xlsx: 活動記錄!A17: "3月32日" is not a date' in text
    assert "台賬.xlsx: 活動記錄!B6:" in text
    path = tmp_path / "台賬.xlsx"
    path.write_bytes(data)
    plan = tmp_path / "plan.json"
    plan.write_text(dumps_json(plan_to_dict(sample_plan())), encoding="utf-8")
    proc = run_masswork("check", plan, path, "--format", "json", ok=(2,))
    assert proc.stdout == "" and "活動記錄!A17" in proc.stderr and "Traceback" not in proc.stderr


def test_mapping_names_sheet_and_columns() -> None:
    rows = [["會期", "類", "主持", "備考"], ["2014/3/4", "座談會", "李飛", "x"]]
    data = workbook_bytes({"封面": [["封面"]], "記錄": rows})
    mapping = {"sheet": "記錄", "columns": {"date": "A", "type": "類", "host": "主持"}}
    got = read_schedule(data, sample_plan(), name="a.xlsx", mapping=mapping)
    assert got.schedule.events[0].host == "li-fei"
    assert any("備考" in en for _, en in got.notes)  # a column not used is said
    with pytest.raises(masswork.InputError) as info:
        read_schedule(data, sample_plan(), name="a.xlsx", mapping={"sheet": "沒有"})
    assert "there is no sheet named '沒有'" in info.value.message("en")


def test_not_a_workbook_is_a_clear_error() -> None:
    with pytest.raises(masswork.InputError) as info:
        read_schedule(b"PK\x03\x04xl/ broken", sample_plan(), name="x.xlsx")
    assert "cannot read the workbook" in info.value.message("en")


def test_docx_is_not_taken_for_a_workbook() -> None:
    from masswork_xlsx.reader import looks_like_xlsx

    assert looks_like_xlsx(workbook_bytes({"a": [["日期"]]}))
    assert not looks_like_xlsx(b"PK\x03\x04\x14\x00word/document.xml")


@pytest.mark.slow
def test_libreoffice_saved_workbook_is_read(tmp_path: Path,
                                            masswork_libreoffice: Callable[[Path, str, Path], Path]) -> None:
    # A workbook as LibreOffice (or WPS) saves it: generated here, opened and re-saved by
    # LibreOffice Calc, then read back.
    src = tmp_path / "src" / "台賬.ods"
    src.parent.mkdir()
    (tmp_path / "orig.xlsx").write_bytes(workbook_bytes({"活動記錄": UNIT_ROWS}))
    masswork_libreoffice(tmp_path / "orig.xlsx", "ods", src.parent)
    out = masswork_libreoffice(src.parent / "orig.ods", "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    data = (out / "orig.xlsx").read_bytes()
    events = read_schedule(data, sample_plan(), name="台賬.xlsx").schedule.events
    assert [e.start for e in events][:3] == [dt.datetime(2014, 3, 4, 9, 30), dt.date(2014, 3, 12), dt.date(2014, 3, 20)]
    assert len(events) == 6
