"""Reminders: plan + schedule + a day → who must be told what; and ``masswork remind`` as a
user meets it (config file, console channel, the ledger's once-only delivery, exit codes).

The done-when checks of issue 4 run on the S3 example (examples/s3-danyang-phase1) with
``--as-of`` days across February–June 2014."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import masswork
from masswork.cli import cli
from masswork.errors import InputError
from masswork.loaders import plan_from_dict
from masswork.loaders.files import parse_data
from masswork.model import Plan, Schedule
from masswork.remind import DEFAULT_RECIPIENT, REMINDER_KINDS, Reminder, default_recipient, reminders

ROOT = Path(__file__).resolve().parent.parent
S3 = ROOT / "examples" / "s3-danyang-phase1"
D = dt.date

PLAN = """
id = "mini"
title = "小方案"
year = 2014
start = "2014-02-01"
end = "2014-06-30"

[options]
lead_days = [7, 1]

[[roles]]
id = "班子成員"
name = "班子成員"
name_en = "leadership member"
includes = ["主要負責人"]

[[roles]]
id = "主要負責人"
name = "主要負責同志"
name_en = "principal leader"

[[people]]
id = "li-fei"
name = "李飛"
roles = ["主要負責人"]

[[people]]
id = "wang-min"
name = "王敏"
roles = ["班子成員"]

[[people]]
id = "zhao-lei"
name = "趙磊"
roles = ["班子成員"]

[[bodies]]
id = "督導組"
name = "市委督導組"
name_en = "supervision group"

[[bodies]]
id = "黨組"
name = "局黨組"
name_en = "party group"

[[bodies]]
id = "領導小組辦公室"
name = "領導小組辦公室"
name_en = "campaign office"

[[activities]]
id = "座談會"
name = "座談會"
name_en = "forum"

[[activities]]
id = "談心談話"
name = "談心談話"
name_en = "heart-to-heart talk"

[[activities]]
id = "部署會"
name = "環節部署會"
name_en = "phase kick-off"

[[documents]]
id = "學習計劃"
name = "學習計劃"
name_en = "study plan"

[[documents]]
id = "工作小結"
name = "工作小結"
name_en = "phase summary"

[[phases]]
id = "學習教育"
name = "學習教育、聽取意見"
start = "2月24日"
end = "5月31日"
gate = "工作小結"

[[phases]]
id = "查擺問題"
name = "查擺問題、開展批評"

[[requirements]]
id = "plan-due"
clause = "T.1"
quote = "學習計劃報督導組審閱(2月27日前)"
kind = "deadline"
responsible = ["領導小組辦公室"]
document = "學習計劃"
action = "submitted"
party = "督導組"
within = "2月27日前"

[[requirements]]
id = "forums"
clause = "T.2"
quote = "主要負責同志至少召開2次座談會,其他每位班子成員至少主持1次"
kind = "per-person"
phase = "學習教育"
lead_days = [14, 3]
activity = "座談會"
role = "班子成員"
min = 1
min_for = { "主要負責人" = 2 }

[[requirements]]
id = "summary-gate"
clause = "T.3"
kind = "gate"
lead_days = [7, 1]
responsible = ["領導小組辦公室"]
document = "工作小結"
approved_by = ["黨組", "督導組"]
before_phase = "查擺問題"

[[requirements]]
id = "talks"
clause = "T.4"
kind = "pairwise"
phase = "學習教育"
activity = "談心談話"
pairs = [{ mode = "cross", a = "主要負責人", b = "班子成員" }]
"""

SCHEDULE = """
plan = "mini"
unit = "示例局"

[[events]]
id = "forum-li-1"
type = "座談會"
start = 2014-03-10T09:00:00
status = "held"
host = "li-fei"
phase = "學習教育"

[[events]]
id = "forum-wang"
type = "座談會"
start = 2014-03-12
status = "held"
host = "wang-min"
phase = "學習教育"

[[events]]
id = "talk-li-wang"
type = "談心談話"
start = 2014-03-05
status = "held"
participants = ["li-fei", "wang-min"]
phase = "學習教育"

[[events]]
id = "kickoff-2"
type = "部署會"
start = 2014-06-03
status = "planned"
phase = "查擺問題"

[[documents]]
id = "summary"
type = "工作小結"
drafted_by = "領導小組辦公室"
drafted_on = 2014-05-20
approved = [{ by = "黨組", on = 2014-05-22 }]
"""


def mini(plan_extra: str = "", schedule_extra: str = "") -> tuple[Plan, Schedule]:
    plan = masswork.plan_from_dict(parse_data(PLAN + plan_extra, "toml"))
    schedule = masswork.load_schedule(parse_data(SCHEDULE + schedule_extra, "toml"), plan)
    return plan, schedule


def table(rs: list[Reminder]) -> set[tuple[str, str, str, Any]]:
    return {(r.kind, r.requirement, r.recipient, r.lead) for r in rs}


# ---------------------------------------------------------------- timing


@pytest.mark.parametrize(("day", "lead", "kind"), [
    (D(2014, 2, 19), None, None),          # 8 days ahead: nothing yet
    (D(2014, 2, 20), 7, "due-soon"),       # Thursday a week ahead: lead 7
    (D(2014, 2, 25), 7, "due-soon"),       # still the lead-7 reminder (same key: sent once)
    (D(2014, 2, 26), 1, "due-soon"),       # the day before: lead 1
    (D(2014, 2, 27), 1, "due-soon"),       # due today
    (D(2014, 2, 28), None, "overdue"),     # missing after its due date
    (D(2014, 5, 20), None, "overdue"),
])
def test_deadline_is_reminded_on_the_nearest_lead_time_then_overdue(day: dt.date, lead: int | None,
                                                                     kind: str | None) -> None:
    plan, schedule = mini()
    rs = [r for r in reminders(plan, schedule, day) if r.requirement == "plan-due"]
    if kind is None:
        assert rs == []
        return
    (r,) = rs
    assert (r.kind, r.lead, r.due, r.recipient) == (kind, lead, D(2014, 2, 27), "領導小組辦公室")
    assert r.overdue == (kind == "overdue")
    assert r.key == ("mini", "plan-due", kind, "領導小組辦公室", "2014-02-27",
                     f"{lead}d" if lead is not None else "overdue")


def test_reminder_keys_repeat_across_days_of_one_stage() -> None:
    plan, schedule = mini()
    keys = {r.key for day in range(20, 26) for r in reminders(plan, schedule, D(2014, 2, day))
            if r.requirement == "plan-due"}
    assert len(keys) == 1


def test_nothing_once_met_and_nothing_for_unmet() -> None:
    done = """
[[documents]]
id = "sp"
type = "學習計劃"
submitted = [{ to = "督導組", on = 2014-02-21 }]
"""
    plan, schedule = mini(schedule_extra=done)
    assert not [r for r in reminders(plan, schedule, D(2014, 2, 26)) if r.requirement == "plan-due"]
    late = done.replace("2014-02-21", "2014-03-03")
    plan, schedule = mini(schedule_extra=late)
    # submitted after the deadline: unmet, past mending — no reminder can help
    assert not [r for r in reminders(plan, schedule, D(2014, 3, 5)) if r.requirement == "plan-due"]


def test_requirement_lead_days_override_the_plans() -> None:
    plan, schedule = mini()
    # forums: lead_days = [14, 3], due 5月31日 (phase end)
    assert not [r for r in reminders(plan, schedule, D(2014, 5, 16)) if r.requirement == "forums"]
    on17 = [r for r in reminders(plan, schedule, D(2014, 5, 17)) if r.requirement == "forums"]
    assert {r.lead for r in on17} == {14}
    on28 = [r for r in reminders(plan, schedule, D(2014, 5, 28)) if r.requirement == "forums"]
    assert {r.lead for r in on28} == {3}


class HolidayCalendar:
    """May Day 2014 as a test calendar: 1–3 May rest days, Sunday 4 May a working day."""

    name = "test"
    rest = {D(2014, 5, 1), D(2014, 5, 2), D(2014, 5, 3)}

    def is_working_day(self, day: dt.date) -> bool:
        if day == D(2014, 5, 4):
            return True
        return day.weekday() < 5 and day not in self.rest

    def holiday(self, day: dt.date) -> str | None:
        return "勞動節 Labour Day" if day in self.rest else None


def test_working_day_lead_times_follow_the_calendar() -> None:
    extra = """
[[requirements]]
id = "wd"
clause = "T.5"
kind = "deadline"
lead_days = [3]
document = "學習計劃"
action = "drafted"
within = "5月6日前"
"""
    plan, schedule = mini(plan_extra=extra)
    plan = masswork.plan_from_dict({**masswork.plan_to_dict(plan),
                                    "options": {"lead_days": [7, 1], "working_days": True}})
    cal = HolidayCalendar()
    # 3 working days before Tuesday 6 May: 5 May, Sunday 4 May (調休), 30 April.
    on30 = [r for r in reminders(plan, schedule, D(2014, 4, 30), calendar=cal) if r.requirement == "wd"]
    assert [(r.lead, r.working_days, r.lead_tag, r.days_left) for r in on30] == [(3, True, "3wd", 3)]
    assert "個工作日" in on30[0].message_zh and "working days left" in on30[0].message_en
    # Monday to Friday alone would start on 1 May.
    assert not [r for r in reminders(plan, schedule, D(2014, 4, 30)) if r.requirement == "wd"]
    assert [r.lead for r in reminders(plan, schedule, D(2014, 5, 1)) if r.requirement == "wd"] == [3]


# ---------------------------------------------------------------- recipients, shortfalls, gates


def test_per_person_shortfalls_go_to_each_person_and_the_office_gets_the_summary() -> None:
    plan, schedule = mini()
    rs = [r for r in reminders(plan, schedule, D(2014, 5, 25)) if r.requirement == "forums"]
    assert table(rs) == {("due-soon", "forums", "領導小組辦公室", 14), ("shortfall", "forums", "li-fei", 14),
                         ("shortfall", "forums", "zhao-lei", 14)}
    office = next(r for r in rs if r.kind == "due-soon")
    assert "李飛" in office.message_zh and "趙磊" in office.message_zh and "still owed by" in office.message_en
    li = next(r for r in rs if r.recipient == "li-fei")
    assert li.owes_zh == ("「座談會」尚欠 1(已 1,應 2)",)
    assert li.owes_en == ("1 more forum (座談會) (1 of 2)",)
    assert li.message_zh.startswith("【個人待辦】[T.2] 李飛:")
    zhao = next(r for r in rs if r.recipient == "zhao-lei")
    assert "0 of 1" in zhao.message_en


def test_pairwise_shortfall_names_the_other_person() -> None:
    plan, schedule = mini()
    rs = [r for r in reminders(plan, schedule, D(2014, 5, 28)) if r.requirement == "talks" and r.kind == "shortfall"]
    by = {r.recipient: r for r in rs}
    assert set(by) == {"li-fei", "zhao-lei"}
    assert "與趙磊" in by["li-fei"].message_zh and "with 趙磊" in by["li-fei"].message_en
    assert "與李飛" in by["zhao-lei"].message_zh


def test_gate_falls_due_on_the_event_it_blocks() -> None:
    plan, schedule = mini()
    assert not [r for r in reminders(plan, schedule, D(2014, 5, 26)) if r.kind == "gate"]
    (g,) = [r for r in reminders(plan, schedule, D(2014, 5, 27)) if r.kind == "gate"]
    assert (g.requirement, g.due, g.lead, g.recipient) == ("summary-gate", D(2014, 6, 3), 7, "領導小組辦公室")
    assert "市委督導組" in g.message_zh and "kickoff-2" in g.message_en and "blocks" in g.message_en
    (g1,) = [r for r in reminders(plan, schedule, D(2014, 6, 2)) if r.kind == "gate"]
    assert g1.lead == 1


def test_responsible_roles_each_get_a_reminder() -> None:
    plan, schedule = mini()
    data = masswork.plan_to_dict(plan)
    for r in data["requirements"]:
        if r["id"] == "plan-due":
            r["responsible"] = ["主要負責人", "領導小組辦公室"]
    plan = masswork.plan_from_dict(data)
    rs = [r for r in reminders(plan, schedule, D(2014, 2, 26)) if r.requirement == "plan-due"]
    assert [r.recipient for r in rs] == ["主要負責人", "領導小組辦公室"]
    assert rs[0].recipient_name == "主要負責同志"
    assert "principal leader (主要負責同志)" in rs[0].message_en


def test_default_recipient_is_the_campaign_office() -> None:
    plan, _ = mini()
    assert default_recipient(plan) == "領導小組辦公室"
    data = masswork.plan_to_dict(plan)
    data["bodies"] = [b for b in data["bodies"] if b["id"] != "領導小組辦公室"]
    data["sections"] = [{"id": "辦公室", "name": "局辦公室"}]
    assert default_recipient(masswork.plan_from_dict(data)) == "辦公室"
    data["sections"] = []
    assert default_recipient(masswork.plan_from_dict(data)) == DEFAULT_RECIPIENT
    # forums names nobody responsible: the office is told
    p2, s2 = mini()
    rs = reminders(p2, s2, D(2014, 5, 25), recipient="黨組")
    assert {r.recipient for r in rs if r.requirement == "forums" and r.kind == "due-soon"} == {"黨組"}


def test_messages_are_bilingual_and_keys_unique() -> None:
    plan, schedule = mini()
    for day in (D(2014, 2, 26), D(2014, 5, 28), D(2014, 6, 2)):
        rs = reminders(plan, schedule, day)
        assert len({r.key for r in rs}) == len(rs)
        for r in rs:
            assert r.kind in REMINDER_KINDS
            assert r.message("zh") == r.message_zh and r.message("en") == r.message_en
            with pytest.warns(DeprecationWarning):
                assert r.message("both") == f"{r.message_zh}\n{r.message_en}"
            assert f"[{r.clause}]" in r.message_zh and f"[{r.clause}]" in r.message_en
            assert "未到期(" not in r.message_zh and "open (due" not in r.message_en
            d = r.to_dict("en")
            for k in ("clause", "requirement", "due", "lead", "recipient", "message", "key"):
                assert k in d
            json.dumps(d, ensure_ascii=False)


def test_reminders_is_pure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan, schedule = mini()
    monkeypatch.chdir(tmp_path)
    first = reminders(plan, schedule, D(2014, 5, 28))
    assert first == reminders(plan, schedule, D(2014, 5, 28))
    assert list(tmp_path.iterdir()) == []
    report = masswork.check(plan, schedule, D(2014, 5, 28))
    assert reminders(plan, schedule, D(2014, 5, 28), report=report) == first
    with pytest.raises(ValueError):
        reminders(plan, schedule, D(2014, 5, 29), report=report)


def test_a_plan_cannot_carry_secrets() -> None:
    top = parse_data(PLAN, "toml")
    top["password_env"] = "MASSWORK_SMTP_PASSWORD"
    opts = parse_data(PLAN, "toml")
    opts["options"]["webhook_secret"] = "s3cr3t"
    for data, where in ((top, "password_env"), (opts, "options.webhook_secret")):
        with pytest.raises(InputError) as exc:
            plan_from_dict(data)
        assert "unknown key" in exc.value.message("en") and where in exc.value.message("en")
    data = parse_data(PLAN, "toml")
    data["requirements"][0]["secret_env"] = "MASSWORK_DINGTALK_SECRET"
    with pytest.raises(InputError) as exc:
        plan_from_dict(data)
    assert "requirements[0].secret_env" in exc.value.message("en")


# ---------------------------------------------------------------- the S3 example (done-when)


@pytest.fixture(scope="module")
def s3() -> dict[str, tuple[Plan, Schedule]]:
    plan = masswork.load_plan(S3 / "plan.toml")
    return {name: (plan, masswork.load_schedule(S3 / f"schedule-{name}.toml", plan))
            for name in ("complete", "flawed")}


def _for(rs: list[Reminder], rule: str) -> list[Reminder]:
    return [r for r in rs if r.requirement == rule]


@pytest.mark.parametrize("name", ["complete", "flawed"])
def test_s3_study_plan_is_reminded_before_its_due_date(s3: dict[str, tuple[Plan, Schedule]], name: str) -> None:
    plan, schedule = s3[name]
    assert not _for(reminders(plan, schedule, D(2014, 2, 17)), "S3.3.1a-deadline")
    for day, lead in ((18, 7), (21, 7), (24, 1)):
        (r,) = _for(reminders(plan, schedule, D(2014, 2, day)), "S3.3.1a-deadline")
        assert (r.kind, r.due, r.lead, r.recipient) == ("due-soon", D(2014, 2, 25), lead, "領導小組")
        assert "學習計劃" in r.message_zh and "督導組" in r.message_zh and "2014-02-25" in r.message_en


def test_s3_study_plan_is_overdue_after_its_due_date_when_missing(s3: dict[str, tuple[Plan, Schedule]]) -> None:
    plan, flawed = s3["flawed"]
    (r,) = _for(reminders(plan, flawed, D(2014, 2, 26)), "S3.3.1a-deadline")
    assert (r.kind, r.overdue, r.lead, r.due) == ("overdue", True, None, D(2014, 2, 25))
    assert "已逾期 1 天" in r.message_zh and "overdue by 1 day" in r.message_en
    plan, complete = s3["complete"]
    assert not _for(reminders(plan, complete, D(2014, 2, 26)), "S3.3.1a-deadline")  # submitted on time


def test_s3_members_who_still_owe_a_forum(s3: dict[str, tuple[Plan, Schedule]]) -> None:
    plan, flawed = s3["flawed"]
    rs = _for(reminders(plan, flawed, D(2014, 5, 2)), "S3.4.2-forums")
    assert {(r.kind, r.recipient) for r in rs} == {("due-soon", "班子成員"), ("shortfall", "sun-wei")}
    sun = next(r for r in rs if r.kind == "shortfall")
    assert "孫偉" in sun.message_zh and "0 of 1" in sun.message_en
    june = _for(reminders(plan, flawed, D(2014, 6, 5)), "S3.4.2-forums")
    assert {(r.kind, r.overdue) for r in june} == {("overdue", True), ("shortfall", True)}
    plan, complete = s3["complete"]
    assert not _for(reminders(plan, complete, D(2014, 5, 2)), "S3.4.2-forums")


def test_s3_summary_must_be_approved_before_phase_two(s3: dict[str, tuple[Plan, Schedule]]) -> None:
    plan, flawed = s3["flawed"]
    (g,) = _for(reminders(plan, flawed, D(2014, 6, 5)), "S3.6-gate")
    assert (g.kind, g.due, g.lead) == ("gate", D(2014, 6, 10), 7)
    assert "phase2-kickoff" in g.message_en and "工作小結" in g.message_zh
    (g1,) = _for(reminders(plan, flawed, D(2014, 6, 9)), "S3.6-gate")
    assert g1.lead == 1
    plan, complete = s3["complete"]
    assert not _for(reminders(plan, complete, D(2014, 6, 5)), "S3.6-gate")


def test_s3_every_day_february_to_june(s3: dict[str, tuple[Plan, Schedule]]) -> None:
    """Every reminder on every day stands on an open or overdue finding, inside its lead
    time or after its due date; keys are unique per day."""
    for name, (plan, schedule) in s3.items():
        day = D(2014, 2, 1)
        keys: set[tuple[str, ...]] = set()
        while day <= D(2014, 6, 30):
            report = masswork.check(plan, schedule, day)
            rs = reminders(plan, schedule, day, report=report)
            assert len({r.key for r in rs}) == len(rs)
            for r in rs:
                f = report.finding(r.requirement)
                assert f.status.value in ("open", "overdue")
                assert r.due is not None
                if r.overdue:
                    assert day > r.due and f.status.value == "overdue"
                else:
                    assert r.lead is not None and 0 <= (r.due - day).days <= r.lead
            keys |= {r.key for r in rs}
            day += dt.timedelta(days=1)
        assert keys, name


# ---------------------------------------------------------------- the command


def invoke(*args: str | Path, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "schedule.toml").write_text(SCHEDULE, encoding="utf-8")
    return tmp_path


def test_remind_twice_sends_nothing_new(workdir: Path) -> None:
    first = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-05-28", "--format", "json")
    assert first.exit_code == 0, first.output
    out = json.loads(first.stdout)
    assert out["reminders"] and all(r["delivered"] and r["state"] == "sent" for r in out["reminders"])
    for r in out["reminders"]:
        for k in ("clause", "requirement", "due", "lead", "recipient", "channel", "message", "delivered"):
            assert k in r
        assert r["channel"] == "console"
    assert "[提醒]" in first.stderr  # one language (the plan's script); the console channel keeps stdout pure JSON
    assert (workdir / ".masswork" / "ledger.sqlite").exists()
    second = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-05-28", "--format", "json")
    assert second.exit_code == 0
    again = json.loads(second.stdout)["reminders"]
    assert len(again) == len(out["reminders"])
    assert not any(r["delivered"] for r in again) and {r["state"] for r in again} == {"already-sent"}
    assert "[提醒 reminder]" not in second.stderr
    # the next day only the new stage's reminders go out
    third = json.loads(invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-05-29",
                              "--format", "json").stdout)["reminders"]
    assert {r["requirement"] for r in third if r["delivered"]} == set()


def test_remind_text_and_dry_run_record_nothing(workdir: Path) -> None:
    dry = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "[試執行:不發送、不記錄]" in dry.stdout and "[提醒 reminder]" not in dry.stdout
    assert "將發送" in dry.stdout and "T.1" in dry.stdout
    assert not (workdir / ".masswork").exists()
    js = json.loads(invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--dry-run",
                           "--format", "json").stdout)
    assert js["dry_run"] is True and [r["state"] for r in js["reminders"]] == ["dry-run"]
    assert not (workdir / ".masswork").exists()
    real = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--lang", "en")
    assert real.exit_code == 0 and "[reminder] " in real.stdout and "sent" in real.stdout
    dry2 = json.loads(invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--dry-run",
                             "--format", "json").stdout)
    assert [r["state"] for r in dry2["reminders"]] == ["already-sent"]


def test_remind_exit_1_on_failed_delivery_then_retried(workdir: Path) -> None:
    (workdir / "masswork.toml").write_text("""
[ledger]
backoff_seconds = 0

[channels.hook]
type = "webhook"
url = "http://127.0.0.1:9/nowhere"
timeout = 1
""", encoding="utf-8")
    r = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--format", "json")
    assert r.exit_code == 1, r.output
    rows = json.loads(r.stdout)["reminders"]
    assert [(x["channel"], x["state"], x["delivered"]) for x in rows] == [("hook", "failed", False)]
    assert rows[0]["error"]
    # the same reminder, now on the console: a different channel, delivered
    ok = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--channel", "console")
    assert ok.exit_code == 0
    again = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--format", "json")
    assert again.exit_code == 1
    assert json.loads(again.stdout)["reminders"][0]["attempts"] == 2


@pytest.mark.parametrize(("config", "where"), [
    ('[channels.mail]\ntype = "email"\nhost = "127.0.0.1"\nfrom = "a@b"\npassword = "hunter2"\n',
     "channels.mail.password"),
    ('[channels.ding]\ntype = "dingtalk"\nurl = "https://oapi.dingtalk.com/robot/send?access_token=x"\n',
     "channels.ding.url"),
    ('[channels.x]\ntype = "pigeon"\n', "channels.x.type"),
    ('[channels.mail]\ntype = "email"\nhost = "h"\nfrom = "a@b"\nprot = 25\n', "channels.mail.prot"),
    ('[channels.mail]\ntype = "email"\nhost = "h"\n', "channels.mail.from"),
    ('[ledger]\npath = 3\n', "ledger.path"),
    ('[reminders]\nx = 1\n', "reminders"),
    ('[channels.hook]\ntype = "webhook"\nurl = "http://127.0.0.1:1/"\nsecret_env = "MASSWORK_TEST_UNSET_VAR"\n',
     "channels.hook.secret_env"),
])
def test_bad_config_is_exit_2_with_key_path(workdir: Path, config: str, where: str) -> None:
    (workdir / "masswork.toml").write_text(config, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MASSWORK_TEST_UNSET_VAR"}
    r = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", env=env)
    assert r.exit_code == 2, r.output
    assert where in r.stderr and "masswork.toml" in r.stderr and "Traceback" not in r.output


def test_unknown_channel_and_bad_files_are_exit_2(workdir: Path) -> None:
    r = invoke("remind", "plan.toml", "schedule.toml", "--channel", "consol")
    assert r.exit_code == 2 and "consol" in r.stderr and "console" in r.stderr
    r = invoke("remind", "missing.toml", "schedule.toml")
    assert r.exit_code == 2 and "missing.toml" in r.stderr
    r = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-13-01")
    assert r.exit_code == 2


def test_secrets_come_from_the_environment_and_dry_run_tolerates_them_missing(workdir: Path) -> None:
    (workdir / "masswork.toml").write_text("""
[channels.hook]
type = "webhook"
url = "http://127.0.0.1:9/"
secret_env = "MASSWORK_TEST_HOOK_SECRET"
""", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MASSWORK_TEST_HOOK_SECRET"}
    r = invoke("remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--dry-run", env=env)
    assert r.exit_code == 0 and "MASSWORK_TEST_HOOK_SECRET" in r.stderr


def test_remind_help_lists_the_options() -> None:
    r = invoke("remind", "--help")
    for opt in ("--as-of", "--channel", "--dry-run", "--format", "--config", "--ledger"):
        assert opt in r.stdout


def test_s3_remind_across_february_to_june_then_again_sends_nothing_new(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    days = ["2014-02-18", "2014-02-21", "2014-02-24", "2014-02-26", "2014-04-15", "2014-05-02", "2014-05-25",
            "2014-06-05", "2014-06-09", "2014-06-16"]
    sent: dict[str, list[tuple[str, str, str]]] = {}
    for day in days:
        r = invoke("remind", S3 / "plan.toml", S3 / "schedule-flawed.toml", "--as-of", day, "--format", "json")
        assert r.exit_code == 0, r.output
        rows = json.loads(r.stdout)["reminders"]
        sent[day] = [(x["requirement"], x["kind"], x["recipient"]) for x in rows if x["delivered"]]
    assert ("S3.3.1a-deadline", "due-soon", "領導小組") in sent["2014-02-18"]
    assert ("S3.3.1a-deadline", "due-soon", "領導小組") in sent["2014-02-24"]       # lead 1
    assert ("S3.3.1a-deadline", "due-soon", "領導小組") not in sent["2014-02-21"]   # lead 7 already sent
    assert ("S3.3.1a-deadline", "overdue", "領導小組") in sent["2014-02-26"]
    assert ("S3.4.2-forums", "shortfall", "sun-wei") in sent["2014-05-02"]
    assert ("S3.6-gate", "gate", "領導小組辦公室") in sent["2014-06-05"]
    assert sum(map(len, sent.values())) >= 15
    for day in days:
        r = invoke("remind", S3 / "plan.toml", S3 / "schedule-flawed.toml", "--as-of", day, "--format", "json")
        assert r.exit_code == 0
        rows = json.loads(r.stdout)["reminders"]
        assert rows and not any(x["delivered"] for x in rows), day
