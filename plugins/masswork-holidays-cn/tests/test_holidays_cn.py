"""masswork-holidays-cn: 2014's holidays and 調休 working days, loud failure for years the
library does not cover, the override file, and the plugin at work in masswork (a meeting on
清明節 named in the warning; working-day lead times and "N個工作日內")."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import masswork
from masswork.errors import InputError, MassworkError
from masswork.loaders.files import parse_data
from masswork.plugins import make_plugin_manager
from masswork.remind import reminders
from masswork.workdays import WeekendCalendar, WorkingCalendar
from masswork_holidays_cn import CalendarCoverageError, ChineseCalendar, library_years, load_override
from masswork_holidays_cn import plugin as hc_plugin

D = dt.date
ROOT = Path(__file__).resolve().parents[3]
S3 = ROOT / "examples" / "s3-danyang-phase1"

OVERRIDE = """
years = [2099]

[[holidays]]
name = "春節"
name_en = "Spring Festival"
start = 2099-01-20
end = 2099-01-26

[[holidays]]
name = "清明節"
start = 2099-04-04

[[workdays]]
date = 2099-01-18
name = "春節"
"""


@pytest.fixture
def cal() -> ChineseCalendar:
    return ChineseCalendar()


def test_2014_public_holidays_and_their_names(cal: ChineseCalendar) -> None:
    rest = {
        D(2014, 1, 1): "元旦 New Year's Day",
        D(2014, 1, 31): "春節 Spring Festival",
        D(2014, 2, 6): "春節 Spring Festival",
        D(2014, 4, 5): "清明節 Qingming Festival",
        D(2014, 4, 7): "清明節 Qingming Festival",
        D(2014, 5, 1): "勞動節 Labour Day",
        D(2014, 5, 3): "勞動節 Labour Day",
        D(2014, 6, 2): "端午節 Dragon Boat Festival",
        D(2014, 9, 8): "中秋節 Mid-Autumn Festival",
        D(2014, 10, 7): "國慶節 National Day",
    }
    for day, name in rest.items():
        assert not cal.is_working_day(day), day
        assert cal.holiday(day) == name, day


def test_2014_make_up_working_days(cal: ChineseCalendar) -> None:
    # weekend days that were working days (調休) in 2014
    for day, for_ in ((D(2014, 1, 26), "春節"), (D(2014, 2, 8), "春節"), (D(2014, 5, 4), "勞動節"),
                      (D(2014, 9, 28), "國慶節"), (D(2014, 10, 11), "國慶節")):
        assert day.weekday() >= 5
        assert cal.is_working_day(day), day
        assert cal.holiday(day) is None
        assert (cal.makeup(day) or "").startswith(for_)
    assert not cal.is_working_day(D(2014, 3, 1))  # an ordinary Saturday
    assert cal.holiday(D(2014, 3, 1)) is None
    assert cal.is_working_day(D(2014, 4, 8)) and cal.makeup(D(2014, 4, 8)) is None
    assert isinstance(cal, WorkingCalendar)


def test_uncovered_years_fail_loudly_in_both_languages(cal: ChineseCalendar) -> None:
    first, last = library_years()
    for day in (D(last + 1, 3, 2), D(2099, 1, 1), D(first - 1, 6, 1)):
        with pytest.raises(CalendarCoverageError) as exc:
            cal.is_working_day(day)
        assert isinstance(exc.value, MassworkError)
        msg = exc.value.message("zh")
        assert str(day.year) in msg and "override" in msg and "覆蓋檔案" in msg
        assert "覆盖文件" in exc.value.message("zh-Hans") and "override file" in exc.value.message("en")
        with pytest.raises(CalendarCoverageError):
            cal.holiday(day)


def test_override_file_states_a_whole_year(tmp_path: Path) -> None:
    f = tmp_path / "holidays-2099.toml"
    f.write_text(OVERRIDE, encoding="utf-8")
    cal = ChineseCalendar(load_override(f))
    assert not cal.is_working_day(D(2099, 1, 20)) and cal.holiday(D(2099, 1, 22)) == "春節 Spring Festival"
    assert cal.holiday(D(2099, 4, 4)) == "清明節"
    assert cal.is_working_day(D(2099, 1, 18)) and D(2099, 1, 18).weekday() == 6
    assert cal.makeup(D(2099, 1, 18)) == "春節"
    assert cal.is_working_day(D(2099, 3, 3)) and not cal.is_working_day(D(2099, 3, 7))  # Tue / Sat
    assert cal.holiday(D(2099, 3, 7)) is None
    assert cal.holiday(D(2014, 4, 5)) == "清明節 Qingming Festival"   # other years: the library
    with pytest.raises(CalendarCoverageError) as exc:
        cal.is_working_day(D(2098, 1, 5))
    assert str(f) in exc.value.message("en")


@pytest.mark.parametrize(("text", "where"), [
    ("[[holidays]]\nname='x'\nstart=2099-01-01\n", "years"),
    ("years=[2099]\n[[holidays]]\nname='x'\nstart=2098-01-01\n", "holidays[0]"),
    ("years=[2099]\n[[holidays]]\nstart=2099-01-01\n", "holidays[0].name"),
    ("years=[2099]\n[[holidays]]\nname='x'\nstart='soon'\n", "holidays[0].start"),
    ("years=[2099]\n[[holidays]]\nname='x'\nstart=2099-01-05\nend=2099-01-01\n", "holidays[0].end"),
    ("years=[2099]\n[[workdays]]\ndate=2099-01-03\nnote='x'\n", "workdays[0].note"),
    ("years=[2099]\nextra=1\n", "extra"),
    ("years=[2099]\n[[holidays]]\nname='x'\nstart=2099-01-03\n[[workdays]]\ndate=2099-01-03\n", "workdays"),
    ("years = [", "TOML"),
])
def test_bad_override_files_name_the_key(tmp_path: Path, text: str, where: str) -> None:
    f = tmp_path / "o.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_override(f)
    msg = exc.value.message("en")
    assert where in msg and "o.toml" in msg
    with pytest.raises(InputError):
        load_override(tmp_path / "missing.toml")


def test_the_hook_answers_with_the_chinese_calendar(tmp_path: Path) -> None:
    host = make_plugin_manager(load_entrypoints=False, extra=(hc_plugin,))
    assert isinstance(host.calendar({}), ChineseCalendar)
    f = tmp_path / "o.toml"
    f.write_text(OVERRIDE, encoding="utf-8")
    with_override = host.calendar({"override": str(f)})
    assert isinstance(with_override, ChineseCalendar) and not with_override.is_working_day(D(2099, 1, 21))
    assert isinstance(host.calendar({"name": "weekends"}), WeekendCalendar)
    with pytest.raises(MassworkError) as exc:
        host.calendar({"overide": "x"})
    assert "overide" in exc.value.message("en")


def test_installed_plugin_is_found_through_its_entry_point() -> None:
    host = make_plugin_manager()
    assert "holidays-cn" in {host.pm.get_name(p) for p in host.pm.get_plugins()}
    assert host.calendar({}).name == "cn"


# ---------------------------------------------------------------- in masswork


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def test_a_meeting_on_a_2014_holiday_is_flagged_with_its_name() -> None:
    r = cli("check", S3 / "plan.toml", S3 / "schedule-flawed.toml", "--format", "json")
    warnings = json.loads(r.stdout)["warnings"]
    hits = [w for w in warnings if w["code"] == "non-working-day"]
    assert [w["subject"] for w in hits] == ["warning-visit"]
    # The holiday is named in each message's own language (the calendar's "清明節 Qingming
    # Festival" is split per language by the engine), never the other language's name.
    messages = hits[0]["messages"]
    assert "2014-04-07" in messages["zh"] and "清明節" in messages["zh"] and "Qingming" not in messages["zh"]
    assert "清明节" in messages["zh-Hans"] and "Qingming" not in messages["zh-Hans"]
    assert "2014-04-07" in messages["en"] and "Qingming Festival" in messages["en"] and "清明" not in messages["en"]
    complete = cli("check", S3 / "plan.toml", S3 / "schedule-complete.toml", "--format", "json")
    assert not [w for w in json.loads(complete.stdout)["warnings"] if w["code"] == "non-working-day"]


PLAN = """
id = "wd"
title = "工作日方案"
year = {year}
[options]
lead_days = [3]
working_days = true
[[bodies]]
id = "領導小組辦公室"
[[bodies]]
id = "督導組"
[[activities]]
id = "動員大會"
[[activities]]
id = "民主評議"
[[documents]]
id = "學習計劃"
[[requirements]]
id = "plan"
clause = "W.1"
kind = "deadline"
document = "學習計劃"
action = "submitted"
party = "督導組"
within = "5月6日前"
[[requirements]]
id = "appraisal"
clause = "W.2"
kind = "order"
activity = "民主評議"
anchor_activity = "動員大會"
relation = "after"
lead = "會後3個工作日內"
"""

SCHEDULE = """
plan = "wd"
[[events]]
id = "mob"
type = "動員大會"
start = {year}-04-30
[[events]]
id = "appr"
type = "民主評議"
start = {year}-05-06
"""


def _plan(year: int) -> tuple[masswork.Plan, masswork.Schedule]:
    plan = masswork.plan_from_dict(parse_data(PLAN.format(year=year), "toml"))
    return plan, masswork.load_schedule(parse_data(SCHEDULE.format(year=year), "toml"), plan)


def test_working_day_lead_times_count_2014_may_day(cal: ChineseCalendar) -> None:
    plan, schedule = _plan(2014)
    # 3 working days before Tuesday 6 May 2014: 5 May, Sunday 4 May (調休), 30 April
    (r,) = [x for x in reminders(plan, schedule, D(2014, 4, 30), calendar=cal) if x.requirement == "plan"]
    assert (r.lead, r.lead_tag, r.days_left) == (3, "3wd", 3)
    assert not [x for x in reminders(plan, schedule, D(2014, 4, 29), calendar=cal) if x.requirement == "plan"]
    # Monday to Friday alone would wait until 1 May (a holiday)
    assert not [x for x in reminders(plan, schedule, D(2014, 4, 30)) if x.requirement == "plan"]


def test_n_working_days_within_counts_holidays_and_make_up_days(cal: ChineseCalendar) -> None:
    plan, schedule = _plan(2014)
    # 會後3個工作日內 after 30 April: 4 May (Sunday, 調休), 5 May, 6 May — the 6 May appraisal is in time
    assert masswork.check(plan, schedule, calendar=cal).finding("appraisal").status.value == "met"
    # Monday to Friday: 1, 2, 5 May — 6 May is the fourth working day, too late
    assert masswork.check(plan, schedule, calendar=WeekendCalendar()).finding("appraisal").status.value == "unmet"


def test_remind_fails_loudly_for_an_uncovered_year_unless_overridden(tmp_path: Path) -> None:
    plan, schedule = _plan(2099)
    (tmp_path / "plan.toml").write_text(PLAN.format(year=2099), encoding="utf-8")
    (tmp_path / "schedule.toml").write_text(SCHEDULE.format(year=2099), encoding="utf-8")
    r = cli("remind", "plan.toml", "schedule.toml", "--as-of", "2099-04-30", "--dry-run", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "2099" in r.stderr and "覆蓋檔案" in r.stderr and "override" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "holidays-2099.toml").write_text(OVERRIDE.replace("start = 2099-04-04", "start = 2099-05-04"),
                                                encoding="utf-8")
    (tmp_path / "masswork.toml").write_text('[calendar]\noverride = "holidays-2099.toml"\n', encoding="utf-8")
    ok = cli("remind", "plan.toml", "schedule.toml", "--as-of", "2099-04-30", "--dry-run", "--format", "json",
             cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    out = json.loads(ok.stdout)
    assert out["calendar"] == "cn"
    # 6 May 2099 is a Wednesday; 4 May (Monday) is the override's holiday: 5, 1 May (Fri), 30 April
    assert [(x["requirement"], x["lead"]) for x in out["reminders"]] == [("plan", 3)]
