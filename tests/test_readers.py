"""Schedules from where they are kept: readers chosen by content, masswork's own CSV ledger
read back to the same events, a unit's own table read by its Chinese headers or a mapping
file, encodings detected and reported, and every unreadable cell reported by its place."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import masswork
from masswork.builtin.exporters import export_csv
from masswork.exporters import ExportInput
from masswork.loaders import plan_to_dict, schedule_to_dict
from masswork.loaders.files import dumps_json
from masswork.readers import read_schedule
from masswork.readers.dates import parse_day
from masswork.readers.text import decode
from masswork.testing import sample_plan
from masswork.testing.cli import example_cases, run_masswork
from masswork.testing.ledger import ledger_events
from masswork.testing.strategies import plans, schedules

ROOT = Path(__file__).resolve().parent.parent
S3 = ROOT / "examples" / "s3-danyang-phase1"


@pytest.mark.parametrize("plan_path, schedule_path", example_cases(Path(__file__)))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_own_csv_ledger_reads_back_to_the_same_events(plan_path: Path, schedule_path: Path, lang: str) -> None:
    plan = masswork.load_plan(plan_path)
    schedule = masswork.load_schedule(schedule_path, plan)
    data = export_csv(ExportInput(plan, schedule, masswork.check(plan, schedule), lang))
    got = read_schedule(data, plan, name="台賬.csv")
    assert got.reader == "csv" and got.encoding == "utf-8-sig"
    assert list(got.schedule.events) == ledger_events(schedule, plan)
    assert got.schedule.plan == plan.id


_WORDS = st.text(st.sampled_from("會議學習座談甲乙丙abc 12"), max_size=8).map(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_ledger_schedule_round_trips_through_csv(data: st.DataObject) -> None:
    plan = data.draw(plans())
    schedule = data.draw(schedules(plan, _WORDS))
    schedule = attrs.evolve(schedule, documents=(), unit="", events=tuple(ledger_events(schedule)))
    inp = ExportInput(plan, schedule, masswork.check(plan, schedule, validate=False))
    got = read_schedule(export_csv(inp), plan, name="t.csv").schedule
    assert got == schedule


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
    assert got.schedule.events[0].type == "座談會"
    assert got.schedule.events[0].host == "li-fei"


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
