"""Plans as units write them (issue 12), through the CLI as a clerk meets it: rules per unit
(``for_each``), posts in bodies, event documents and document states, the campaign window,
recurring documents due by a day of the month, judging multi-day events on their start or end,
attendance ratios, 「X前後」, ids in the other script — each with a complete and a flawed
schedule — and the regression tests of the bugs found while encoding later plans.

Properties (hypothesis, through the API): for counting kinds, adding a held event never turns
a met rule unmet; a rule written once with ``for_each`` is met exactly when the same rule,
written by hand for each unit (``"{unit}"`` spelled out) and checked on that unit's own
ledger, is met for every unit."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import masswork

from masswork.periods import parse_window

def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def base_plan(*requirements: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A committee with two branches (posts 書記), a leading group with a 組長, a few types."""
    plan: dict[str, Any] = {
        "id": "t", "title": "測試方案", "year": 2023, "start": "2023-09-01", "end": "2023-12-31",
        "options": {"working_days": True},
        "roles": [{"id": "黨員", "name": "黨員"}, {"id": "無人角色", "name": "無人角色"}],
        "people": [{"id": p, "name": p, "roles": ["黨員"]} for p in ("s1", "m1", "m2", "s2", "m3", "boss")],
        "bodies": [
            {"id": "黨委", "name": "機關黨委", "posts": {"書記": "boss"}},
            {"id": "支部一", "name": "第一黨支部", "parent": "黨委", "posts": {"書記": "s1"}, "members": ["m1", "m2"]},
            {"id": "支部二", "name": "第二黨支部", "parent": "黨委", "posts": {"書記": "s2"}, "members": ["m3"]},
            {"id": "小組", "name": "領導小組", "posts": {"組長": "boss", "副組長": "s1"}},
        ],
        "activities": [{"id": a, "name": a} for a in ("主題黨日", "談心談話", "組織生活會", "讀書班", "部署會", "黨課")],
        "documents": [{"id": d, "name": d} for d in ("會議方案", "月報", "公示材料", "整改事項")],
        "requirements": [{"clause": "T.1", "quote": "條款原文", **r} for r in requirements],
    }
    plan.update(extra)
    return plan


def ev(id: str, type: str, start: str, **kw: Any) -> dict[str, Any]:
    return {"id": id, "type": type, "start": start, "status": "held", **kw}


def check(tmp_path: Path, plan: dict[str, Any], events: list[dict[str, Any]] = (),  # type: ignore[assignment]
          documents: list[dict[str, Any]] = (), *args: str, **sched: Any) -> tuple[int, dict[str, Any]]:  # type: ignore[assignment]
    pf, sf = tmp_path / "plan.json", tmp_path / "schedule.json"
    pf.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    sf.write_text(json.dumps({"plan": "t", "events": list(events), "documents": list(documents), **sched},
                             ensure_ascii=False), encoding="utf-8")
    r = run("check", pf, sf, "--format", "json", "--lang", "en", *args)
    assert r.returncode in (0, 1), r.stderr
    return r.returncode, json.loads(r.stdout)


def finding(report: dict[str, Any], rule: str = "r") -> dict[str, Any]:
    return next(f for f in report["findings"] if f["rule"] == rule)


def plan_error(tmp_path: Path, plan: dict[str, Any]) -> str:
    pf = tmp_path / "plan.json"
    pf.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    r = run("explain", pf, "--lang", "en")  # the tests read the English wording
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    return r.stderr


# ---------------------------------------------------------------- regression tests of the bugs


def test_working_day_publicity_monday_to_friday_is_five_days(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "duration", "period": "公示期", "length": "不少於5個工作日"})
    ok, rep = check(tmp_path, plan, periods=[{"id": "公示期", "start": "2023-12-25", "end": "2023-12-29"}])
    assert ok == 0, finding(rep)
    assert "5 working days" in finding(rep)["message"] or "5 working days" in json.dumps(rep)
    bad, rep = check(tmp_path, plan, periods=[{"id": "公示期", "start": "2023-12-25", "end": "2023-12-28"}])
    assert bad == 1 and finding(rep)["status"] == "unmet"


def test_recurring_without_within_starts_at_the_plans_start(tmp_path: Path) -> None:
    # The plan starts in September; the first party day is in October: September is missed.
    plan = base_plan({"id": "r", "kind": "recurring", "activity": "主題黨日", "every": "month"})
    events = [ev(f"p{m}", "主題黨日", f"2023-{m:02d}-10") for m in (10, 11, 12)]
    code, rep = check(tmp_path, plan, events)
    assert code == 1
    assert [s["subject"] for s in finding(rep)["shortfall"]] == ["2023-09-01..2023-09-30"]
    code, _ = check(tmp_path, plan, events + [ev("p9", "主題黨日", "2023-09-12")])
    assert code == 0


def test_per_person_hours_with_an_empty_roster_is_unmet_with_the_reason(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "quantity", "min": 8, "activity": "讀書班", "per": "無人角色"})
    code, rep = check(tmp_path, plan, [ev("c", "讀書班", "2023-09-25", hours=40, attendees=["黨委"])])
    assert code == 1 and "no holder" in finding(rep)["message"]


def test_explain_keeps_order_actions_unit_windows_and_period_words(tmp_path: Path) -> None:
    plan = base_plan(
        {"id": "o", "kind": "order", "document": "會議方案", "action": "submitted", "party": "黨委",
         "anchor_document": "會議方案", "anchor_action": "approved", "anchor_party": "小組", "relation": "after"},
        {"id": "u1", "kind": "per-unit", "units": ["支部一", "支部二"], "activity": "黨課", "within": "10月"},
        {"id": "u2", "kind": "per-unit", "units": ["支部一", "支部二"], "activity": "黨課", "within": "11月"},
        {"id": "m", "kind": "recurring", "activity": "主題黨日", "every": "month"},
    )
    pf = tmp_path / "plan.json"
    pf.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    out = run("explain", pf).stdout
    def line(rule: str) -> str:
        return next(x for x in out.splitlines() if x.rstrip().endswith((f" {rule})", f"({rule})")))

    order = line("o")
    assert "會議方案報送機關黨委在會議方案經領導小組同意之後" in order
    u1, u2 = line("u1"), line("u2")
    assert "10月" in u1 and "11月" in u2 and u1.split("(")[0] != u2.split("(")[0]
    assert "每month" not in out and "主題黨日每月至少 1 次" in out
    en = run("explain", pf, "--lang", "en").stdout
    # The plan's names (not its ids) inside English words.
    assert "every month" in en and "submitted to 機關黨委 after 會議方案 approved by 領導小組" in en


def test_deadline_says_held_on_the_start_day_and_finished_on_the_end_day(tmp_path: Path) -> None:
    plan = base_plan({"id": "start", "kind": "deadline", "activity": "讀書班", "within": "9月下旬"},
                     {"id": "end", "kind": "deadline", "activity": "讀書班", "within": "10月15日前", "on": "end"})
    course = ev("c", "讀書班", "2023-09-27", end="2023-10-09")
    code, rep = check(tmp_path, plan, [course])
    assert code == 0
    assert "held on 27 September 2023" in finding(rep, "start")["message"]
    assert "finished on 9 October 2023" in finding(rep, "end")["message"]
    code, rep = check(tmp_path, plan, [dict(course, end="2023-10-20")])
    assert code == 1 and finding(rep, "start")["status"] == "met"
    assert "finished on 20 October 2023" in finding(rep, "end")["message"]


# ---------------------------------------------------------------- for_each and posts


def test_recurring_per_branch_on_each_branchs_own_events(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "recurring", "for_each": ["黨委"], "activity": "主題黨日"})
    events = [ev(f"{b}-{m}", "主題黨日", f"2023-{m:02d}-1{i}", unit=b)
              for i, b in enumerate(("支部一", "支部二")) for m in (9, 10, 11, 12)]
    assert check(tmp_path, plan, events)[0] == 0
    # 支部二 misses November; 支部一's two November days do not count for it.
    flawed = [e for e in events if e["id"] != "支部二-11"] + [ev("extra", "主題黨日", "2023-11-20", unit="支部一")]
    code, rep = check(tmp_path, plan, flawed)
    assert code == 1
    assert [s["subject"] for s in finding(rep)["shortfall"]] == ["支部二:2023-11-01..2023-11-30"]
    assert "第二黨支部" in finding(rep)["message"]


def test_order_anchored_on_the_branchs_own_meeting(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "order", "for_each": ["黨委"], "activity": "談心談話",
                      "relation": "before", "anchor_activity": "組織生活會"})
    events = [ev("m1", "組織生活會", "2023-12-05", unit="支部一"), ev("m2", "組織生活會", "2023-12-20", unit="支部二"),
              ev("t1", "談心談話", "2023-12-01", unit="支部一", participants=["s1", "m1"]),
              # after 支部一's meeting, before its own: fine for 支部二
              ev("t2", "談心談話", "2023-12-10", unit="支部二", participants=["s2", "m3"])]
    assert check(tmp_path, plan, events)[0] == 0
    late = events[:2] + [dict(events[2], start="2023-12-06"), events[3]]
    code, rep = check(tmp_path, plan, late)
    assert code == 1 and [s["subject"] for s in finding(rep)["shortfall"]] == ["支部一:t1"]


def test_pairwise_secretary_with_each_member_of_that_branch(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "pairwise", "for_each": ["黨委"], "activity": "談心談話",
                      "pairs": [{"mode": "cross", "a": "{unit}/書記", "b": "{unit}"}]})
    talks = [ev("a", "談心談話", "2023-12-01", unit="支部一", participants=["s1", "m1"]),
             ev("b", "談心談話", "2023-12-02", unit="支部一", participants=["s1", "m2"]),
             ev("c", "談心談話", "2023-12-03", unit="支部二", participants=["s2", "m3"])]
    assert check(tmp_path, plan, talks)[0] == 0
    code, rep = check(tmp_path, plan, talks[:1] + talks[2:])
    assert code == 1 and [s["subject"] for s in finding(rep)["shortfall"]] == ["支部一:s1×m2"]


def test_each_meeting_its_own_plan_approved_before_it(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "gate", "for_each": ["組織生活會"], "document": "會議方案",
                      "approved_by": ["黨委"], "before_activity": "組織生活會"})
    events = [ev("m1", "組織生活會", "2023-12-05"), ev("m2", "組織生活會", "2023-12-20")]
    docs = [{"id": "p1", "type": "會議方案", "event": "m1", "approved": [{"by": "黨委", "on": "2023-12-01"}]},
            # approved after the first meeting, but before its own: met
            {"id": "p2", "type": "會議方案", "event": "m2", "approved": [{"by": "黨委", "on": "2023-12-10"}]}]
    assert check(tmp_path, plan, events, docs)[0] == 0
    late = docs[:1] + [dict(docs[1], approved=[{"by": "黨委", "on": "2023-12-21"}])]
    code, rep = check(tmp_path, plan, events, late)
    assert code == 1 and [s["subject"] for s in finding(rep)["shortfall"]] == ["m2:黨委"]


def test_report_each_branch_submits_to_itself_and_post_hosts(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "occurs", "activity": "部署會", "host": "小組/組長"},
                     {"id": "lecture", "kind": "occurs", "for_each": ["黨委"], "activity": "黨課", "host": "{unit}/書記"})
    events = [ev("k", "部署會", "2023-09-05", host="boss"),
              ev("l1", "黨課", "2023-12-20", unit="支部一", host="s1"), ev("l2", "黨課", "2023-12-21", unit="支部二", host="s2")]
    assert check(tmp_path, plan, events)[0] == 0
    code, rep = check(tmp_path, plan, [dict(events[0], host="s1"), events[1], dict(events[2], host="m3")])
    assert code == 1 and finding(rep)["status"] == "unmet"
    assert [s["subject"] for s in finding(rep, "lecture")["shortfall"]] == ["支部二:黨課"]


def test_each_members_material_submitted_to_their_own_branch(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "report", "for_each": ["黨委"], "document": "公示材料",
                      "per": "{unit}", "to": ["{unit}"]})
    owners = {"s1": "支部一", "m1": "支部一", "m2": "支部一", "s2": "支部二", "m3": "支部二"}
    docs = [{"id": f"d-{p}", "type": "公示材料", "owner": p, "submitted": [{"to": b, "on": "2023-11-01"}]}
            for p, b in owners.items()]
    assert check(tmp_path, plan, [], docs)[0] == 0
    # m3 hands it to the other branch: not their own
    wrong = docs[:-1] + [dict(docs[-1], submitted=[{"to": "支部一", "on": "2023-11-01"}])]
    code, rep = check(tmp_path, plan, [], wrong)
    assert code == 1 and [s["subject"] for s in finding(rep)["shortfall"]] == ["支部二:m3→支部二"]


@pytest.mark.parametrize("change, words", [
    ({"for_each": ["支部三"]}, "requirements[0].for_each[0]"),
    ({"host": "{unit}/書記"}, "only meaningful in a rule with for_each"),
    ({"for_each": ["黨委"], "host": "{unit}/組長"}, "has no post '組長'"),
    ({"host": "小組/秘書長"}, "body '小組' has no post '秘書長'"),
    ({"host": "大組/組長"}, "unknown body '大組'"),
    ({"for_each": ["無人角色"]}, "no one holds '無人角色'"),
    ({"within": "2024年3月"}, "after the campaign ends"),
])
def test_bad_units_and_posts_are_plan_errors_naming_the_key(tmp_path: Path, change: dict[str, Any],
                                                            words: str) -> None:
    rule = {"id": "r", "kind": "occurs", "activity": "黨課", **change}
    assert words in plan_error(tmp_path, base_plan(rule))


def test_cyclic_anchors_in_unit_rules_are_rejected(tmp_path: Path) -> None:
    plan = base_plan(
        {"id": "a", "kind": "order", "for_each": ["黨委"], "activity": "談心談話", "relation": "before",
         "anchor_activity": "組織生活會"},
        {"id": "b", "kind": "order", "for_each": ["黨委"], "activity": "組織生活會", "relation": "before",
         "anchor_activity": "談心談話"})
    assert "cycle" in plan_error(tmp_path, plan)


def test_impossible_unit_windows_are_rejected(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "recurring", "for_each": ["黨委"], "activity": "主題黨日",
                      "within": "2022年3月"})
    assert "requirements[0].within" in plan_error(tmp_path, plan)
    plan = base_plan({"id": "r", "kind": "recurring", "activity": "主題黨日", "due_day": 31})
    assert "due_day" in plan_error(tmp_path, plan)


# ---------------------------------------------------------------- campaign, documents, ratios


def test_campaign_window_and_its_start_and_end(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "campaign", "starts": "9月", "ends": "12月底前"})
    events = [ev("k", "部署會", "2023-09-05"), ev("c", "讀書班", "2023-09-25", end="2023-09-29")]
    assert check(tmp_path, plan, events)[0] == 0
    code, rep = check(tmp_path, plan, [dict(events[0], start="2023-10-09"), dict(events[1], start="2023-10-10", end="2024-01-03")])
    assert code == 1
    assert {s["subject"] for s in finding(rep)["shortfall"]} == {"c", "start", "end"}


def test_before_the_campaign_ends_is_the_plans_own_end(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "deadline", "document": "整改事項", "action": "filed", "within": "活動結束前"})
    assert check(tmp_path, plan, [], [{"id": "f", "type": "整改事項", "filed_on": "2023-12-30"}])[0] == 0
    code, rep = check(tmp_path, plan, [], [{"id": "f", "type": "整改事項", "filed_on": "2024-01-02"}])
    assert code == 1 and "required by 31 December 2023" in finding(rep)["message"]
    no_end = base_plan({"id": "r", "kind": "deadline", "activity": "黨課", "within": "活動結束前"})
    del no_end["end"]
    assert "requirements[0].within" in plan_error(tmp_path, no_end)


def test_monthly_report_due_by_day_five_of_the_next_month(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "recurring", "for_each": ["黨委"], "document": "月報", "action": "submitted",
                      "party": "黨委", "every": "month", "due_day": 5})

    def rep(unit: str, month: int, day: str) -> dict[str, Any]:
        return {"id": f"{unit}-{month}", "type": "月報", "unit": unit, "submitted": [{"to": "黨委", "on": day}]}

    dues = {9: "2023-10-04", 10: "2023-11-03", 11: "2023-12-05", 12: "2024-01-03"}
    docs = [rep(u, m, d) for u in ("支部一", "支部二") for m, d in dues.items()]
    assert check(tmp_path, plan, [], docs)[0] == 0
    late = [d for d in docs if d["id"] != "支部二-10"] + [rep("支部二", 10, "2023-11-08")]
    code, report = check(tmp_path, plan, [], late)
    assert code == 1
    assert [s["subject"] for s in finding(report)["shortfall"]] == ["支部二:2023-10-01..2023-10-31"]
    # judged on 6 November, the October report is overdue, November's not yet due
    code, report = check(tmp_path, plan, [], late, "--as-of", "2023-11-06")
    assert finding(report)["status"] == "overdue"


def test_attendance_ratio_against_the_units_roster(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "attendance", "for_each": ["黨委"], "activity": "組織生活會",
                      "roster": "{unit}", "at_least": "半數以上"})
    events = [ev("m1", "組織生活會", "2023-12-05", unit="支部一", attendees=["s1", "m1"]),
              ev("m2", "組織生活會", "2023-12-06", unit="支部二", attendees=["支部二"])]
    assert check(tmp_path, plan, events)[0] == 0
    # half is not more than half
    code, rep = check(tmp_path, plan, [dict(events[0], attendees=["s1"]), events[1]])
    assert code == 1 and finding(rep)["shortfall"][0]["detail"] == "1/3"
    bad = base_plan({"id": "r", "kind": "attendance", "activity": "組織生活會", "roster": "黨委", "at_least": "很多"})
    assert "cannot read the share" in plan_error(tmp_path, bad)


def test_every_filed_item_is_completed_and_publicity_length(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "every-document", "document": "整改事項", "given": "filed", "then": "completed"},
                     {"id": "pub", "kind": "duration", "document": "公示材料", "length": "不少於5個工作日"})
    docs = [{"id": "f1", "type": "整改事項", "completed_on": "2023-12-01", "filed_on": "2023-12-05"},
            {"id": "f2", "type": "整改事項", "completed_on": "2023-12-10"},
            {"id": "g", "type": "公示材料", "published_on": "2023-12-25", "published_until": "2023-12-29"}]
    assert check(tmp_path, plan, [], docs)[0] == 0
    flawed = [dict(docs[0], completed_on="2023-12-08"), dict(docs[1], filed_on="2023-12-12", completed_on=None),
              dict(docs[2], published_until="2023-12-28")]
    flawed[1].pop("completed_on")
    code, rep = check(tmp_path, plan, [], flawed)
    assert code == 1
    assert [s["subject"] for s in finding(rep)["shortfall"]] == ["f1", "f2"]
    assert finding(rep, "pub")["status"] == "unmet"


def test_half_a_day_each_time(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "duration", "activity": "主題黨日", "length": "不少於半天"})
    day = ev("p", "主題黨日", "2023-10-10T14:00:00", end="2023-10-10T17:30:00")
    assert check(tmp_path, plan, [day])[0] == 0
    code, rep = check(tmp_path, plan, [dict(day, end="2023-10-10T15:00:00")])
    assert code == 1 and finding(rep)["shortfall"][0]["subject"] == "p"


def test_around_a_day_and_festivals() -> None:
    w = parse_window("七一前後", 2023)
    assert (w.start.isoformat(), w.end.isoformat()) == ("2023-06-24", "2023-07-08")  # type: ignore[union-attr]
    w = parse_window("12月26日前后", 2023, around=3)
    assert (w.start.isoformat(), w.end.isoformat()) == ("2023-12-23", "2023-12-29")  # type: ignore[union-attr]
    assert parse_window("国庆节前", 2023).end.isoformat() == "2023-10-01"  # type: ignore[union-attr]
    assert parse_window("2024年元旦前後", 2023).end.isoformat() == "2024-01-08"  # type: ignore[union-attr]


def test_around_uses_the_plans_tolerance(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "deadline", "activity": "黨課", "within": "12月26日前後"})
    assert check(tmp_path, plan, [ev("l", "黨課", "2023-12-30")])[0] == 0
    plan["options"]["around_days"] = 2
    assert check(tmp_path, plan, [ev("l", "黨課", "2023-12-30")])[0] == 1


# ---------------------------------------------------------------- Simplified and Traditional ids


def test_simplified_schedule_ids_match_a_traditional_plan(tmp_path: Path) -> None:
    plan = base_plan({"id": "r", "kind": "occurs", "for_each": ["黨委"], "activity": "主題黨日"})
    events = [ev("a", "主题党日", "2023-10-10", unit="支部一"), ev("b", "主題黨日", "2023-10-11", unit="支部二")]
    code, rep = check(tmp_path, plan, events)
    assert code == 0
    assert any(w["code"] == "script-match" and "主题党日" in w["message"] for w in rep["warnings"]), rep["warnings"]
    # A name that matches nothing in either script is still an error with a hint.
    pf, sf = tmp_path / "plan.json", tmp_path / "schedule.json"
    sf.write_text(json.dumps({"plan": "t", "events": [ev("a", "主题党课", "2023-10-10")]}, ensure_ascii=False),
                  encoding="utf-8")
    r = run("check", pf, sf, "--lang", "en")
    assert r.returncode == 2 and "主题党课" in r.stderr


def test_the_s4_example_names_the_branch_in_every_unit_finding() -> None:
    ex = Path(__file__).resolve().parent.parent / "examples" / "s4-jiguan-branches"
    r = run("check", ex / "plan.toml", ex / "schedule-flawed.toml", "--format", "json")
    report = json.loads(r.stdout)
    unit_rules = {f["rule"] for f in report["findings"] if f["status"] == "unmet" and f["rule"] != "S4.3-course-end"}
    for f in report["findings"]:
        if f["rule"] in unit_rules:
            assert all(s["subject"].split(":")[0] in ("第一黨支部", "第二黨支部", "第三黨支部")
                       for s in f["shortfall"]), f


# ---------------------------------------------------------------- properties

UNITS = ("支部一", "支部二")
PEOPLE = {"支部一": ("s1", "m1", "m2"), "支部二": ("s2", "m3")}
TYPES = ("主題黨日", "談心談話", "組織生活會")

RULES: dict[str, dict[str, Any]] = {
    "recurring": {"kind": "recurring", "activity": "主題黨日", "every": "month"},
    "occurs": {"kind": "occurs", "activity": "主題黨日", "min": 3},
    "pairwise": {"kind": "pairwise", "activity": "談心談話",
                 "pairs": [{"mode": "cross", "a": "{unit}/書記", "b": "{unit}"}]},
    "order": {"kind": "order", "activity": "談心談話", "relation": "before", "anchor_activity": "組織生活會"},
    "monthly-report": {"kind": "recurring", "document": "月報", "action": "submitted", "party": "黨委",
                       "every": "month", "due_day": 5},
    "attendance": {"kind": "attendance", "activity": "組織生活會", "roster": "{unit}", "at_least": "半數以上"},
}
COUNTING = ("recurring", "occurs", "pairwise", "monthly-report")


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    unit = draw(st.sampled_from(UNITS))
    day = dt.date(2023, 9, 1) + dt.timedelta(days=draw(st.integers(0, 121)))
    kind = draw(st.sampled_from(TYPES))
    people = PEOPLE[unit]
    return {"type": kind, "start": day.isoformat(), "status": "held", "unit": unit,
            "participants": [people[0], draw(st.sampled_from(people[1:]))],
            "attendees": draw(st.lists(st.sampled_from(people), unique=True, max_size=len(people)))}


@st.composite
def reports(draw: st.DrawFn) -> dict[str, Any]:
    unit = draw(st.sampled_from(UNITS))
    day = dt.date(2023, 9, 1) + dt.timedelta(days=draw(st.integers(0, 160)))
    return {"type": "月報", "unit": unit, "submitted": [{"to": "黨委", "on": day.isoformat()}]}


def _numbered(items: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}{i}", **item} for i, item in enumerate(items)]


def met(rule: dict[str, Any], evs: list[dict[str, Any]], docs: list[dict[str, Any]]) -> bool:
    plan = masswork.load_plan(base_plan({"id": "r", **rule}))
    sched = masswork.load_schedule({"plan": "t", "events": evs, "documents": docs}, plan)
    return masswork.check(plan, sched).finding("r").status is masswork.Status.MET


def by_hand(rule: dict[str, Any], unit: str) -> dict[str, Any]:
    text = json.dumps({k: v for k, v in rule.items() if k != "for_each"}, ensure_ascii=False)
    return dict(json.loads(text.replace("{unit}", unit)))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(COUNTING), st.lists(events(), max_size=14), st.lists(reports(), max_size=10),
       events(), reports(), st.booleans())
@example("recurring", [], [], {"type": "主題黨日", "start": "2023-09-01", "status": "held", "unit": "支部一",
                               "participants": ["s1", "m1"], "attendees": []},
         {"type": "月報", "unit": "支部一", "submitted": [{"to": "黨委", "on": "2023-10-01"}]}, True)
def test_adding_a_held_event_never_turns_a_met_counting_rule_unmet(
        name: str, evs: list[dict[str, Any]], docs: list[dict[str, Any]], extra: dict[str, Any],
        extra_doc: dict[str, Any], per_unit: bool) -> None:
    rule = dict(RULES[name], **({"for_each": ["黨委"]} if per_unit else {}))
    if not per_unit and "{unit}" in json.dumps(rule, ensure_ascii=False):
        rule = by_hand(rule, "支部一")
    before_e, before_d = _numbered(evs, "e"), _numbered(docs, "d")
    if met(rule, before_e, before_d):
        after_e = before_e + [{"id": "extra", **extra}]
        after_d = before_d + [{"id": "extra-doc", **extra_doc}]
        assert met(rule, after_e, before_d)
        assert met(rule, before_e, after_d)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(RULES)), st.lists(events(), max_size=14), st.lists(reports(), max_size=10))
@example("order", [{"type": "組織生活會", "start": "2023-12-05", "status": "held", "unit": "支部一",
                    "participants": ["s1", "m1"], "attendees": []},
                   {"type": "談心談話", "start": "2023-12-10", "status": "held", "unit": "支部二",
                    "participants": ["s2", "m3"], "attendees": []}], [])
def test_a_rule_per_unit_is_the_conjunction_of_the_rule_written_per_unit(
        name: str, evs: list[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    rule = dict(RULES[name], for_each=["黨委"])
    all_e, all_d = _numbered(evs, "e"), _numbered(docs, "d")
    by_units = all(met(by_hand(rule, u), [e for e in all_e if e["unit"] == u], [d for d in all_d if d["unit"] == u])
                   for u in UNITS)
    assert met(rule, all_e, all_d) == by_units
