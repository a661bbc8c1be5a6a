"""Schedules from where they are kept: readers chosen by content, masswork's own CSV ledger
read back (tests/test_read_roundtrip.py), a unit's own table read by its Chinese headers or a mapping
file, encodings detected and reported, and every unreadable cell reported by its place."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import masswork
from masswork.loaders import plan_to_dict, schedule_to_dict
from masswork.loaders.files import dumps_json
from masswork.readers import read_schedule
from masswork.readers.dates import parse_day
from masswork.readers.text import decode
from masswork.testing import sample_plan
from masswork.testing.cli import run_masswork

ROOT = Path(__file__).resolve().parent.parent
S3 = ROOT / "examples" / "s3-danyang-phase1"


def _plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(dumps_json(plan_to_dict(sample_plan())), encoding="utf-8")
    return path


UNIT_TABLE = (
    "某局教育實踐活動台賬\n"  # a title row above the header, as units write them
    "日期,活動,主持人,參加人員,備註\n"
    "2014年3月4日,座談會,李飛,孫平、督導組,\n"
    "2014.3.12,座談會,孫平,李飛,\n"
    "3月20日,座談會,李飛,,下午\n"
)


@pytest.mark.parametrize("encoding, expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                 ("gb18030", "gb18030")])
def test_unit_csv_in_each_encoding_is_read_and_the_encoding_reported(encoding: str, expected: str) -> None:
    got = read_schedule(UNIT_TABLE.encode(encoding), sample_plan(), name="台賬.csv")
    assert got.encoding == expected
    events = got.schedule.events
    assert [e.start for e in events] == [dt.date(2014, 3, 4), dt.date(2014, 3, 12), dt.date(2014, 3, 20)]
    assert [e.host for e in events] == ["li-fei", "sun-ping", "li-fei"]
    assert events[0].attendees == ("sun-ping", "督導組")
    assert events[2].note == "下午"


def test_simplified_headers_and_names_are_recognised() -> None:
    table = "日期,活动,主持人,参加人员\n2014年3月4日,座谈会,李飞,孙平\n"
    got = read_schedule(table.encode("gb18030"), sample_plan(), name="台账.csv")
    assert got.schedule.events[0].host == "li-fei"  # a name, in the other script
    # An id in the other script is kept as written; the checker reads it as the plan's id
    # and says so, as for a TOML schedule (masswork.idmatch).
    assert got.schedule.events[0].type == "座谈会"
    report = masswork.check(sample_plan(), got.schedule)
    assert any("座谈会" in w.message("en") and "座談會" in w.message("en") for w in report.warnings)


def test_cli_reports_how_a_table_was_read(tmp_path: Path) -> None:
    plan = _plan_file(tmp_path)
    table = tmp_path / "台賬.csv"
    table.write_bytes(UNIT_TABLE.encode("gb18030"))
    proc = run_masswork("check", plan, table, "--format", "json", ok=(0, 1))
    assert "csv, GB18030" in proc.stderr
    assert len(json.loads(proc.stdout)["findings"]) == len(sample_plan().requirements)


def test_reader_chosen_by_content_not_suffix(tmp_path: Path) -> None:
    plan = sample_plan()
    toml_text = (S3 / "schedule-complete.toml").read_bytes()
    assert read_schedule(UNIT_TABLE.encode(), plan, name="export.toml").reader == "csv"
    assert read_schedule(UNIT_TABLE.encode(), plan, name="ledger.txt").reader == "csv"
    real = masswork.load_plan(S3 / "plan.toml")
    assert read_schedule(toml_text, real, name="ledger.dat").reader == "toml"
    as_json = dumps_json(schedule_to_dict(masswork.load_schedule(S3 / "schedule-complete.toml"))).encode()
    assert read_schedule(as_json, real, name="no-suffix").reader == "json"


def test_every_bad_cell_is_reported_with_its_place_and_nothing_is_checked(tmp_path: Path) -> None:
    table = ("日期,活動,主持人,時間,狀態\n"
             "2014-03-04,座談會,李飛,09:00,已舉行\n"
             "3月32日,座談會,李飛,,\n"
             "2014-03-06,,李飛,25:00,開過了\n")
    with pytest.raises(masswork.InputError) as info:
        read_schedule(table.encode(), sample_plan(), name="台賬.csv")
    text = info.value.message("en")
    assert "台賬.csv: A3: \"3月32日\" is not a date" in text
    assert "台賬.csv: B4:" in text and "event type is missing" in text
    assert '台賬.csv: D4: "25:00" is not a time' in text
    assert "台賬.csv: E4: \"開過了\" is not an event status" in text
    assert len(info.value.problems) == 4
    plan = _plan_file(tmp_path)
    path = tmp_path / "台賬.csv"
    path.write_text(table, encoding="utf-8")
    proc = run_masswork("check", plan, path, ok=(2,))
    assert proc.stdout == "" and "A3" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_name_points_at_its_cell() -> None:
    table = "日期,活動,主持人\n2014-03-04,座談會,李飛\n2014-03-05,座談會,王五\n"
    with pytest.raises(masswork.InputError) as info:
        read_schedule(table.encode(), sample_plan(), name="t.csv")
    assert "t.csv: C3: unknown party '王五' (events[1].host)" in info.value.message("en")


def test_mapping_file_names_the_columns(tmp_path: Path) -> None:
    table = "序,開會日子,會議,誰主持,到會\n1,2014/3/4,座談會,李飛,孫平\n"
    (tmp_path / "ledger.csv").write_text(table, encoding="utf-8")
    (tmp_path / "ledger.mapping.toml").write_text(
        '[columns]\ndate = "開會日子"\ntype = "C"\nhost = "誰主持"\nattendees = "到會"\nid = "序"\n',
        encoding="utf-8")
    got = read_schedule(tmp_path / "ledger.csv", sample_plan())
    e = got.schedule.events[0]
    assert (e.id, e.start, e.type, e.host, e.attendees) == ("1", dt.date(2014, 3, 4), "座談會", "li-fei", ("sun-ping",))
    with pytest.raises(masswork.InputError) as info:
        read_schedule(table.encode(), sample_plan(), name="x.csv", mapping={"colums": {}})
    assert "unknown key 'colums'" in info.value.message("en") and "columns" in info.value.message("en")


def test_no_header_is_a_clear_error() -> None:
    with pytest.raises(masswork.InputError) as info:
        read_schedule(b"a,b,c\n1,2,3\n", sample_plan(), name="x.csv")
    assert "no ledger header found" in info.value.message("en")


@pytest.mark.parametrize("text, want", [
    ("2014年3月5日", dt.date(2014, 3, 5)), ("2014.3.5", dt.date(2014, 3, 5)), ("3月5日", dt.date(2014, 3, 5)),
    ("2014/03/05", dt.date(2014, 3, 5)), ("二〇一四年三月五日", dt.date(2014, 3, 5)),
    ("３月５日", dt.date(2014, 3, 5)), ("2014-03-05 09:30", dt.datetime(2014, 3, 5, 9, 30)),
    ("3月5日下午2:30", dt.datetime(2014, 3, 5, 14, 30)), ("2014年12月31日", dt.date(2014, 12, 31)),
])
def test_dates_as_clerks_write_them(text: str, want: dt.date) -> None:
    assert parse_day(text, lambda: 2014) == want


def test_text_neither_utf8_nor_gb18030_is_refused_with_its_line() -> None:
    with pytest.raises(masswork.InputError) as info:
        decode(b"date,type\n\x80\x80\x80\xff\n", "x.csv")
    assert info.value.problems[0].line == 2


def test_swapped_arguments_said_in_the_first_line() -> None:
    proc = run_masswork("check", S3 / "schedule-complete.toml", S3 / "plan.toml", ok=(2,),
                        env={"MASSWORK_LANG": "en"})
    lines = proc.stderr.splitlines()
    assert "swapped order" in lines[1] and "unknown key" not in lines[1]
    assert any("unknown key" in ln for ln in lines[2:])


def test_schedule_of_another_plan_said_in_the_first_line() -> None:
    other = ROOT / "examples" / "s2-kejiju-campaign" / "schedule-complete.toml"
    proc = run_masswork("check", S3 / "plan.toml", other, ok=(2,), env={"MASSWORK_LANG": "en"})
    lines = proc.stderr.splitlines()
    assert "belongs to plan 's2-kejiju-campaign'" in lines[1]
    assert any("unknown" in ln for ln in lines[2:])


@pytest.mark.parametrize("lang, how, note, swapped", [
    ("zh-Hans", "读取: csv, GB18030", "未使用的栏: 備註", "这是台账(toml)而不是方案"),
    ("zh-Hant", "讀取: csv, GB18030", "未使用的欄: 備註", "這是台賬(toml)而不是方案"),
    ("en", "read: csv, GB18030", "columns not used: 備註", "this is a schedule (toml), not a plan"),
])
def test_how_a_table_was_read_and_pairing_mistakes_in_each_language(tmp_path: Path, lang: str, how: str,
                                                                     note: str, swapped: str) -> None:
    plan = _plan_file(tmp_path)
    table = tmp_path / "台賬.csv"
    table.write_bytes("日期,活動,主持人,備註\n2014年3月4日,座談會,李飛,\n".encode("gb18030"))
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\nnote = "沒有這欄"\n', encoding="utf-8")
    proc = run_masswork("check", plan, table, "--mapping", mapping, "--lang", lang, ok=(0, 1))
    assert how in proc.stderr and note in proc.stderr, proc.stderr
    proc = run_masswork("check", S3 / "schedule-complete.toml", S3 / "plan.toml", "--lang", lang, ok=(2,))
    assert swapped in proc.stderr.splitlines()[1]


def test_reader_remarks_are_catalogue_messages_in_every_language() -> None:
    table = "日期,活動,文件,多餘\n2014-03-04,座談會,會議記錄,x\n"
    got = read_schedule(table.encode(), sample_plan(), name="t.csv")
    assert [m.code for m in got.messages] == ["read.links_dropped", "read.columns_unused"]
    assert "was not read" in got.remarks("en")[0] and "未讀入" in got.remarks("zh-Hant")[0]
    assert "未读入" in got.remarks("zh-Hans")[0]
    assert got.notes == tuple((m.render("zh-Hant"), m.render("en")) for m in got.messages)
