"""A synthetic province (or city) for batch benchmarks and tests: a template plan, one folder
per unit with a plan that ``extends`` it and names the unit's own roster (of varied size),
and a schedule that would meet every requirement except the ones deliberately broken — about
``violations`` of (unit, requirement) pairs — padded with unconstrained events to the asked
number. :func:`write_province` returns which requirements each unit fails, so a test can
ask for exactly those.

Every rule of the template is a different kind, and each violation breaks exactly one rule:

========== ============ ============================================================
rule       kind         broken by
========== ============ ============================================================
mobilize   deadline     the 動員大會 held on 25 March, after 3月中旬
forums     per-person   one leader hosts one 座談會 instead of two
talks      pairwise     one pair of leaders never has its 談心談話
topics     coverage     one topic never discussed at a 專題討論
study      occurs       four 中心組學習會 instead of five, in March – June
hours      quantity     one leader misses the 集中學習 sessions (short of 8 hours)
rectify    report       the 整改方案 never submitted to the 督導組
========== ============ ============================================================
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

__all__ = ["RULES", "template_plan", "write_province"]

RULES = ("mobilize", "forums", "talks", "topics", "study", "hours", "rectify")
TOPICS = tuple(f"專題{i}" for i in range(1, 7))
FILLER = ("黨組會議", "支部活動")
YEAR = 2014


def template_plan() -> dict[str, Any]:
    """The template every unit's plan extends (plain data, as a JSON plan file holds it)."""
    R = "requirements"
    return {
        "id": "province-template", "title": "教育實踐活動實施方案(模板)", "year": YEAR,
        "start": "2014-02-01", "end": "2014-09-30",
        "roles": [{"id": "班子成員", "includes": ["主要負責人"]}, {"id": "主要負責人"},
                  {"id": "黨員", "includes": ["班子成員"]}],
        "bodies": [{"id": "督導組", "name": "督導組"}],
        "groups": [{"id": t} for t in TOPICS],
        "activities": [{"id": a} for a in ("動員大會", "座談會", "談心談話", "專題討論", "中心組學習會",
                                          "集中學習", *FILLER)],
        "documents": [{"id": "整改方案"}],
        R: [
            {"id": "mobilize", "clause": "T.1", "kind": "deadline", "activity": "動員大會",
             "within": "3月中旬"},
            {"id": "forums", "clause": "T.2", "kind": "per-person", "role": "班子成員",
             "activity": "座談會", "min": 2},
            {"id": "talks", "clause": "T.3", "kind": "pairwise", "activity": "談心談話",
             "pairs": [{"mode": "among", "a": "班子成員"}]},
            {"id": "topics", "clause": "T.4", "kind": "coverage", "activity": "專題討論",
             "field": "topics", "items": list(TOPICS)},
            {"id": "study", "clause": "T.5", "kind": "occurs", "activity": "中心組學習會", "min": 5,
             "within": "3月至6月"},
            {"id": "hours", "clause": "T.6", "kind": "quantity", "activity": "集中學習", "min": 8,
             "per": "班子成員"},
            {"id": "rectify", "clause": "T.7", "kind": "report", "document": "整改方案", "to": ["督導組"]},
        ],
    }


def _roster(rnd: random.Random, unit: str) -> list[dict[str, Any]]:
    leaders = rnd.randint(3, 7)
    members = rnd.randint(2, 12)
    people = [{"id": f"{unit}-p0", "name": f"{unit}書記", "roles": ["主要負責人"]}]
    people += [{"id": f"{unit}-p{i}", "name": f"{unit}委員{i}", "roles": ["班子成員"]} for i in range(1, leaders)]
    people += [{"id": f"{unit}-m{i}", "name": f"{unit}黨員{i}", "roles": ["黨員"]} for i in range(members)]
    return people


def _day(rnd: random.Random, start: dt.date, end: dt.date) -> dt.date:
    # Offices meet on weekdays (a ledger full of weekend meetings would be one long warning).
    while True:
        day = start + dt.timedelta(days=rnd.randrange((end - start).days + 1))
        if day.weekday() < 5:
            return day


def _schedule(rnd: random.Random, unit: str, plan_id: str, people: list[dict[str, Any]], events: int,
              broken: set[str]) -> dict[str, Any]:
    leaders = [p["id"] for p in people if set(p["roles"]) & {"班子成員", "主要負責人"}]
    everyone = [p["id"] for p in people]
    out: list[dict[str, Any]] = []

    def add(kind: str, day: dt.date, host: str, **kw: Any) -> None:
        out.append({"id": f"{unit}-e{len(out)}", "type": kind, "start": f"{day.isoformat()}T09:00:00",
                    "status": "held", "host": host, **kw})

    spring, summer = dt.date(YEAR, 3, 1), dt.date(YEAR, 6, 30)
    add("動員大會", dt.date(YEAR, 3, 25) if "mobilize" in broken else dt.date(YEAR, 3, 14), leaders[0],
        attendees=["黨員"])
    short = rnd.choice(leaders)
    for x in leaders:
        for _ in range(1 if ("forums" in broken and x == short) else 2):
            add("座談會", _day(rnd, spring, summer), x)
    pairs = [(x, y) for i, x in enumerate(leaders) for y in leaders[i + 1:]]
    skipped = rnd.choice(pairs) if "talks" in broken else None
    for x, y in pairs:
        if (x, y) != skipped:
            add("談心談話", _day(rnd, spring, summer), x, participants=[x, y])
    missing = rnd.choice(TOPICS) if "topics" in broken else None
    for t in TOPICS:
        if t != missing:
            add("專題討論", _day(rnd, spring, summer), leaders[0], topics=[t], attendees=["班子成員"])
    for _ in range(4 if "study" in broken else 5):
        add("中心組學習會", _day(rnd, dt.date(YEAR, 3, 1), dt.date(YEAR, 6, 30)), leaders[0], attendees=["班子成員"])
    absent = rnd.choice(leaders)
    for _ in range(4):  # 4 sessions × 2 hours = the 8 hours each leader needs
        present = [x for x in leaders if not ("hours" in broken and x == absent)]
        add("集中學習", _day(rnd, spring, summer), present[0], attendees=present, hours=2.0)
    while len(out) < events:
        add(rnd.choice(FILLER), _day(rnd, dt.date(YEAR, 2, 1), dt.date(YEAR, 9, 30)), rnd.choice(everyone),
            participants=rnd.sample(everyone, min(3, len(everyone))), attendees=["黨員"])
    doc: dict[str, Any] = {"id": f"{unit}-rectify", "type": "整改方案", "drafted_by": leaders[0],
                           "drafted_on": "2014-07-01"}
    if "rectify" not in broken:
        doc["submitted"] = [{"to": "督導組", "on": "2014-07-05"}]
    return {"plan": plan_id, "unit": unit, "events": out, "documents": [doc]}


def write_province(root: str | Path, units: int, events: int, *, seed: int = 0,
                   violations: float = 0.1, start: int = 0) -> dict[str, set[str]]:
    """Write ``root/template.json`` and ``root/<unit>/{plan,schedule}.json`` for ``units``
    units of about ``events`` events each (at least what meeting the plan takes); return
    unit id → the rules its schedule fails. ``start`` numbers the units from there, so that
    two calls can write disjoint provinces."""
    base = Path(root)
    base.mkdir(parents=True, exist_ok=True)
    (base / "template.json").write_text(json.dumps(template_plan(), ensure_ascii=False), encoding="utf-8")
    rnd = random.Random(seed)
    expected: dict[str, set[str]] = {}
    for n in range(start, start + units):
        unit = f"unit-{n:05d}"
        folder = base / unit
        folder.mkdir(exist_ok=True)
        people = _roster(rnd, unit)
        broken = {r for r in RULES if rnd.random() < violations}
        plan_id = f"plan-{unit}"
        plan = {"extends": "../template.json", "id": plan_id, "title": f"{unit}實施方案", "people": people}
        (folder / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        sched = _schedule(rnd, unit, plan_id, people, events, broken)
        (folder / "schedule.json").write_text(json.dumps(sched, ensure_ascii=False), encoding="utf-8")
        expected[unit] = broken
    return expected
