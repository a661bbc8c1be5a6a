"""The bundled examples (examples/s1-…, s2-…, s3-…), checked as a user would through the
CLI: the complete schedule passes and cites every clause of its article, the flawed one
fails with exactly the violations its README lists (expected.toml), progress on given days
matches, and every file validates against the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import masswork
from masswork.loaders.files import read_data
from masswork.schema import plan_schema, report_schema, schedule_schema

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("s[0-9]-*") if (p / "expected.toml").exists())
IDS = [p.name for p in EXAMPLES]


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def expected(example: Path) -> dict[str, Any]:
    return tomllib.loads((example / "expected.toml").read_text(encoding="utf-8"))


def from_sources(example: Path) -> bool:
    """Whether the example encodes one of the source plans (s1–s3), not one written for
    the project (s4-…: its quotes are its own words)."""
    return str(read_data(example / "plan.toml").get("source", "")).startswith("shared/sources")


def test_there_are_three_source_examples() -> None:
    assert [p.name[:3] for p in EXAMPLES if from_sources(p)] == ["s1-", "s2-", "s3-"]
    assert any(p.name.startswith("s4-") for p in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_complete_schedule_meets_every_requirement(example: Path) -> None:
    r = cli("check", example / "plan.toml", example / "schedule-complete.toml", "--format", "json")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr
    report = json.loads(r.stdout)
    assert {f["status"] for f in report["findings"]} <= {"met", "waived"}
    cited = {f["clause"] for f in report["findings"]}
    assert set(expected(example)["complete"]["clauses"]) <= cited
    jsonschema.validate(report, report_schema())


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_flawed_schedule_has_the_listed_violations(example: Path) -> None:
    r = cli("check", example / "plan.toml", example / "schedule-flawed.toml", "--format", "json", "--lang", "en")
    assert r.returncode == 1, r.stderr
    failing = {f["rule"] for f in json.loads(r.stdout)["findings"] if f["status"] in ("unmet", "overdue")}
    assert failing == set(expected(example)["flawed"]["failing"])
    assert len(failing) >= 5
    readme = (example / "README.md").read_text(encoding="utf-8")
    for rule in failing:
        assert rule in readme, f"{rule} is not explained in {example.name}/README.md"


def _as_of_cases() -> list[Any]:
    cases = []
    for ex in EXAMPLES:
        for i, case in enumerate(expected(ex).get("as_of", [])):
            cases.append(pytest.param(ex, case, id=f"{ex.name}-{case['date']}-{i}"))
    return cases


@pytest.mark.parametrize("example, case", _as_of_cases())
def test_progress_on_a_day(example: Path, case: dict[str, Any]) -> None:
    plan = masswork.load_plan(example / "plan.toml")
    sched = masswork.load_schedule(example / case.get("schedule", "schedule-complete.toml"), plan)
    day = case["date"] if isinstance(case["date"], dt.date) else dt.date.fromisoformat(case["date"])
    report = masswork.check(plan, sched, as_of=day)
    got = {rule: report.finding(rule).status.value for rule in case["status"]}
    assert got == case["status"]


def _jsonable(data: Any) -> Any:
    return json.loads(json.dumps(data, default=lambda o: o.isoformat(), ensure_ascii=False))


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_files_validate_against_the_schemas(example: Path) -> None:
    jsonschema.validate(_jsonable(read_data(example / "plan.toml")), plan_schema())
    for name in ("schedule-complete.toml", "schedule-flawed.toml"):
        jsonschema.validate(_jsonable(read_data(example / name)), schedule_schema())


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_requirement_cites_clause_and_words(example: Path) -> None:
    plan = masswork.load_plan(example / "plan.toml")
    source = (ROOT.parent / "shared" / "sources").glob("*.txt")
    text = "".join(p.read_text(encoding="utf-8") for p in source)
    for req in plan.requirements:
        assert req.clause and req.quote, req.id
        if text and from_sources(example):
            # the quote is the plan's own words: every fragment of it stands in the source
            for fragment in [f for f in req.quote.replace("…", "|").split("|") if len(f) >= 4]:
                assert fragment in text, (req.id, fragment)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_explain_prints_every_clause(example: Path) -> None:
    r = cli("explain", example / "plan.toml")
    assert r.returncode == 0
    for clause in expected(example)["complete"]["clauses"]:
        assert f"[{clause}]" in r.stdout


def _cases() -> list[Any]:
    return [pytest.param(ex, name, id=f"{ex.name}-{name[9:-5]}")
            for ex in EXAMPLES for name in ("schedule-complete.toml", "schedule-flawed.toml")]


@pytest.mark.parametrize("example, schedule", _cases())
def test_builtin_formats_agree_with_the_report(tmp_path: Path, example: Path, schedule: str) -> None:
    import csv

    plan, sched = example / "plan.toml", example / schedule
    report = json.loads(cli("check", plan, sched, "--format", "json").stdout)
    events = masswork.load_schedule(sched).events
    outs = {}
    for fmt in ("json", "csv", "csv-findings", "markdown"):
        outs[fmt] = tmp_path / f"out-{fmt}"
        assert cli("export", plan, sched, "--format", fmt, "-o", outs[fmt]).returncode == 0
    exported = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert exported["report"]["summary"]["counts"] == report["summary"]["counts"]
    assert len(exported["schedule"]["events"]) == len(events)
    import io

    from masswork.readers.records import record_of

    ledger = list(csv.reader(io.StringIO(outs["csv"].read_text(encoding="utf-8-sig"), newline="")))
    record = ledger[0].index("記錄類型")  # events first, then the schedule's other records
    assert [record_of(r[record]) for r in ledger[1:]].count("event") == len(events)
    findings = list(csv.DictReader(outs["csv-findings"].read_text(encoding="utf-8-sig").splitlines()))
    label = {s.label("zh-Hant"): s.value for s in masswork.Status}
    assert [(r["要求"], label[r["狀態"]]) for r in findings] == [(f["rule"], f["status"]) for f in report["findings"]]
    md = outs["markdown"].read_text(encoding="utf-8")
    section = md.split("## 檢查結果")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert len(rows) - 1 == len(report["findings"])  # less the header row
