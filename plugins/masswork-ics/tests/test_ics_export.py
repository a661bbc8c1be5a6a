"""The ics exporter, read back by an independent parser (vobject)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
import vobject  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from masswork.engine import check
from masswork.exporters import ExportInput
from masswork.model import EventStatus
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import run_masswork, write_sample_files
from masswork.testing.strategies import hostile_text, plans_and_schedules

import masswork_ics
from masswork_ics import clean_text, event_uid, export_ics, finding_uid

SHANGHAI = ZoneInfo("Asia/Shanghai")


def parse(data: bytes) -> Any:
    """The one VCALENDAR in ``data``, parsed and validated by vobject."""
    cals = list(vobject.readComponents(data.decode("utf-8"), validate=True))
    assert len(cals) == 1
    return cals[0]


def vevents(cal: Any) -> list[Any]:
    return list(cal.contents.get("vevent", []))


def by_uid(cal: Any) -> dict[str, Any]:
    out = {}
    for ev in vevents(cal):
        out[ev.uid.value] = ev
    return out


def value(comp: Any, name: str) -> Any:
    prop = comp.contents.get(name)
    return prop[0].value if prop else None


# ---------------------------------------------------------------- structure


def test_registered_with_masswork() -> None:
    host = make_plugin_manager()
    exporters = host.exporters()
    assert "ics" in exporters
    assert exporters["ics"].suffix == ".ics"
    assert exporters["ics"].media_type == "text/calendar"
    assert host.owner_of("format", "ics") == "ics"
    assert not [f for f in host.failures if f.plugin == "ics"]


def test_cli_lists_the_format_and_the_plugin() -> None:
    formats = json.loads(run_masswork("formats", "--json").stdout)
    assert any(f.get("name") == "ics" for f in formats)
    plugins = run_masswork("plugins").stdout
    assert "masswork-ics" in plugins


def test_counts_agree_with_schedule_and_report() -> None:
    inp = sample_export_input()
    cal = parse(export_ics(inp))
    uids = set(by_uid(cal))
    assert len(vevents(cal)) == len(uids)  # UIDs unique
    expected_events = {event_uid(inp.plan, e.id) for e in inp.schedule.events if e.status is not EventStatus.CANCELLED}
    expected_due = {finding_uid(inp.plan, f.rule) for f in inp.report.findings if f.due is not None}
    assert expected_events and expected_due
    assert uids == expected_events | expected_due
    assert event_uid(inp.plan, "p2") not in uids  # the cancelled forum


def test_events_status_time_zone_and_all_day() -> None:
    inp = sample_export_input()
    data = export_ics(inp)
    cal = parse(data)
    ev = by_uid(cal)
    assert [tz.tzid.value for tz in cal.contents["vtimezone"]] == ["Asia/Shanghai"]
    mob = ev["mob@sample.masswork"]
    assert mob.summary.value == "動員大會:全局動員大會"
    assert mob.location.value == "四樓會議室"
    assert mob.status.value == "CONFIRMED"
    start = mob.dtstart.value
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert start.astimezone(dt.timezone.utc) == dt.datetime(2014, 2, 26, 1, tzinfo=dt.timezone.utc)
    assert b"\r\nDTSTART;TZID=Asia/Shanghai:20140226T090000\r\n" in data
    assert mob.dtend.value.astimezone(SHANGHAI).hour == 11
    desc = mob.description.value
    assert "主持人:李飛" in desc and "群眾觀察員" in desc and "市委督導組" in desc
    f3 = ev["f3@sample.masswork"]
    assert f3.status.value == "TENTATIVE"
    assert f3.dtstart.value == dt.date(2014, 4, 9) and not isinstance(f3.dtstart.value, dt.datetime)
    assert f3.dtend.value == dt.date(2014, 4, 10)
    assert b"\r\nDTSTART;VALUE=DATE:20140409\r\n" in data
    dis = ev["dis@sample.masswork"]
    assert "為了誰、依靠誰、我是誰" in dis.description.value


def test_deadlines_have_alarms_at_lead_times() -> None:
    inp = sample_export_input()
    ev = by_uid(parse(export_ics(inp)))
    plan_doc = ev["study-plan@due.sample.masswork"]  # lead_days = (3, 1) on the rule
    assert plan_doc.dtstart.value == dt.date(2014, 2, 25)
    triggers = sorted(a.trigger.value for a in plan_doc.contents["valarm"])
    assert triggers == [dt.timedelta(days=-3), dt.timedelta(days=-1)]
    assert all(a.action.value == "DISPLAY" for a in plan_doc.contents["valarm"])
    talks = ev["talks@due.sample.masswork"]  # the plan's lead_days = (7, 1)
    assert sorted(a.trigger.value for a in talks.contents["valarm"]) == [dt.timedelta(days=-7), dt.timedelta(days=-1)]
    assert "【未達標】" in talks.summary.value
    assert value(talks, "priority") == "1"
    assert "狀態:未達標" in talks.description.value and "unmet" not in talks.description.value
    assert "X.5.1" in talks.summary.value


def test_as_of_marks_overdue_and_drops_reminders_of_done_rules() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 7, 15))
    ev = by_uid(parse(export_ics(inp)))
    overdue = [f for f in inp.report.findings if f.status.value == "overdue"]
    met = [f for f in inp.report.findings if f.status.value == "met" and f.due]
    assert overdue and met
    for f in overdue:
        comp = ev[finding_uid(inp.plan, f.rule)]
        assert comp.summary.value.startswith("【已逾期】")
        assert comp.contents.get("valarm")
        assert "狀態:已逾期" in comp.description.value
    for f in met:
        comp = ev[finding_uid(inp.plan, f.rule)]
        assert "【" not in comp.summary.value
        assert not comp.contents.get("valarm")
    stamp = next(iter(ev.values())).dtstamp.value
    assert stamp == dt.datetime(2014, 7, 15, tzinfo=dt.timezone.utc)


def test_english() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 7, 15), lang="en")
    ev = by_uid(parse(export_ics(inp)))
    assert ev["mob@sample.masswork"].summary.value == "mobilization meeting: 全局動員大會"
    assert any(e.summary.value.startswith("[OVERDUE] ") for e in ev.values())


def test_working_day_lead_times() -> None:
    inp = sample_export_input()
    plan = attrs.evolve(inp.plan, options=attrs.evolve(inp.plan.options, working_days=True))
    ev = by_uid(parse(export_ics(attrs.evolve(inp, plan=plan))))
    comp = ev["study-plan@due.sample.masswork"]  # due Tuesday 2014-02-25, 3 working days → Thursday 20th
    assert sorted(a.trigger.value for a in comp.contents["valarm"]) == [dt.timedelta(days=-5), dt.timedelta(days=-1)]


def test_mixed_and_open_ended_times() -> None:
    inp = sample_export_input()
    events = list(inp.schedule.events)
    events[1] = attrs.evolve(events[1], start=dt.datetime(2014, 3, 4, 14, 30), end=dt.date(2014, 3, 5))
    events[2] = attrs.evolve(events[2], start=dt.datetime(2014, 3, 18, 8, 0), end=None)
    events[4] = attrs.evolve(events[4], start=dt.datetime(2014, 3, 12, 1, 0, tzinfo=dt.timezone.utc),
                             end=dt.datetime(2014, 3, 12, 3, 0, tzinfo=dt.timezone.utc))
    events[5] = attrs.evolve(events[5], start=dt.date(2014, 4, 16), end=dt.date(2014, 4, 18))
    ev = by_uid(parse(export_ics(attrs.evolve(inp, schedule=attrs.evolve(inp.schedule, events=tuple(events))))))
    f1 = ev["f1@sample.masswork"]  # date-time start, date end: whole days
    assert (f1.dtstart.value, f1.dtend.value) == (dt.date(2014, 3, 4), dt.date(2014, 3, 6))
    f2 = ev["f2@sample.masswork"]  # a start and no end: an instant, no DTEND
    assert f2.dtstart.value.hour == 8 and "dtend" not in f2.contents
    s1 = ev["s1@sample.masswork"]  # UTC in the schedule: shown in Beijing time
    assert s1.dtstart.value.hour == 9 and s1.dtstart.value.utcoffset() == dt.timedelta(hours=8)
    s2 = ev["s2@sample.masswork"]  # a three-day all-day event
    assert (s2.dtstart.value, s2.dtend.value) == (dt.date(2014, 4, 16), dt.date(2014, 4, 19))


# ---------------------------------------------------------------- determinism


def test_same_input_same_bytes() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 4, 1))
    assert export_ics(inp) == export_ics(sample_export_input(as_of=dt.date(2014, 4, 1)))
    shuffled = attrs.evolve(inp, schedule=attrs.evolve(inp.schedule, events=tuple(reversed(inp.schedule.events))))
    assert export_ics(shuffled) == export_ics(inp)


def test_same_bytes_across_processes() -> None:
    code = ("import sys; from masswork.testing import sample_export_input; from masswork_ics import export_ics; "
            "sys.stdout.buffer.write(export_ics(sample_export_input()))")
    outs = set()
    for seed in ("1", "2", "random"):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ="America/New_York" if seed == "2" else "UTC")
        outs.add(subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, env=env).stdout)
    assert len(outs) == 1
    assert outs.pop() == export_ics(sample_export_input())


# ---------------------------------------------------------------- hostile text


def test_clean_text() -> None:
    assert clean_text("a\x00b\r\nc\rd\te\x1bf\x7f\x85g") == "ab\nc\nd\tefg"
    assert clean_text("BEGIN:VEVENT;,\\") == "BEGIN:VEVENT;,\\"
    assert clean_text(None) == ""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text(max_size=120))
def test_hostile_text_round_trips_through_vobject(text: str) -> None:
    base = sample_export_input()
    schedule = with_text(base.schedule, text)
    plan = attrs.evolve(base.plan, title=text)
    inp = ExportInput(plan, schedule, check(plan, schedule), "zh", None)
    data = export_ics(inp)
    cal = parse(data)
    clean = clean_text(text)
    assert value(cal, "x-wr-calname") == clean_text(f"{clean.strip()} — {clean.strip()}" if clean.strip() else clean.strip())
    ev = by_uid(cal)
    names = plan.names()
    for e in schedule.events:
        if e.status is EventStatus.CANCELLED:
            continue
        comp = ev[event_uid(plan, e.id)]
        kind = names[e.type]
        title = clean.strip()
        assert comp.summary.value == (f"{kind}:{title}" if title and title != kind else kind)
        if clean.strip():
            assert comp.location.value == clean
        else:
            assert "location" not in comp.contents
        if text:
            assert comp.description.value.endswith("備註:" + clean)
    # Hostile text never opens a component of its own.
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT") == len(ev)
    assert lines.count(b"BEGIN:VCALENDAR") == lines.count(b"END:VCALENDAR") == 1


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ps=plans_and_schedules(text=hostile_text()), as_of=st.none() | st.dates(dt.date(2014, 1, 1), dt.date(2014, 12, 31)))
def test_any_plan_and_schedule_gives_a_valid_calendar(ps: Any, as_of: dt.date | None) -> None:
    plan, schedule = ps
    inp = ExportInput(plan, schedule, check(plan, schedule, as_of), "zh", as_of)
    data = export_ics(inp)
    cal = parse(data)
    n_events = sum(1 for e in schedule.events if e.status is not EventStatus.CANCELLED)
    n_due = sum(1 for f in inp.report.findings if f.due is not None)
    assert len(vevents(cal)) == len(by_uid(cal)) == n_events + n_due
    assert data == export_ics(inp)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert data.endswith(b"END:VCALENDAR\r\n")


def test_exporter_object() -> None:
    assert masswork_ics.EXPORTER.name == "ics"
    assert masswork_ics.EXPORTER.export is export_ics
    assert masswork_ics.EXPORTER.description and masswork_ics.EXPORTER.description_en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_export_writes_the_same_bytes(tmp_path: Path, lang: str) -> None:
    plan, schedule = write_sample_files(tmp_path)
    out = tmp_path / "out.ics"
    run_masswork("export", plan, schedule, "--format", "ics", "-o", out, "--as-of", "2014-05-01", "--lang", lang)
    assert out.read_bytes() == export_ics(sample_export_input(as_of=dt.date(2014, 5, 1), lang=lang))
    # The bytes on stdout, CRLF line ends and all (run_masswork reads text, which would make them LF).
    stdout = subprocess.run([sys.executable, "-m", "masswork", "export", str(plan), str(schedule), "--format", "ics",
                             "--as-of", "2014-05-01", "--lang", lang], capture_output=True, timeout=300, check=True).stdout
    assert stdout == out.read_bytes()
