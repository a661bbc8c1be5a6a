"""masswork's own CSV ledger holds the whole schedule and reads back to it: for every
example schedule, in each language, the schedule read back equals the original (events in
the ledger's time order; every field, dates and date-times, list order, document links,
notices, documents with their submissions and approvals, waivers, attestations, periods,
the unit) and the check report is the same; and so for any generated schedule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import masswork
from masswork.builtin.exporters import export_csv
from masswork.exporters import ExportInput
from masswork.readers import read_schedule
from masswork.testing import sample_plan
from masswork.testing.cli import example_cases, run_masswork
from masswork.testing.ledger import edge_schedule, in_ledger_order, ledger_schedules
from masswork.testing.strategies import plans

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh-Hant", "zh-Hans", "en")


@pytest.mark.parametrize("plan_path, schedule_path", example_cases(Path(__file__)))
@pytest.mark.parametrize("lang", LANGS)
def test_example_schedule_reads_back_from_its_csv_ledger(plan_path: Path, schedule_path: Path, lang: str) -> None:
    plan = masswork.load_plan(plan_path)
    schedule = masswork.load_schedule(schedule_path, plan)
    report = masswork.check(plan, schedule)
    got = read_schedule(export_csv(ExportInput(plan, schedule, report, lang)), plan, name="台賬.csv")
    assert got.reader == "csv" and got.notes == ()
    assert got.schedule == in_ledger_order(schedule)
    assert got.schedule.documents and got.schedule.documents == schedule.documents
    assert masswork.check(plan, got.schedule).to_dict(lang) == report.to_dict(lang)


@pytest.mark.parametrize("example_dir", ["s2-kejiju-campaign", "s4-jiguan-branches"])
def test_check_of_the_exported_csv_equals_check_of_the_schedule(example_dir: str, tmp_path: Path) -> None:
    d = ROOT / "examples" / example_dir
    for name in ("schedule-complete.toml", "schedule-flawed.toml"):
        out = tmp_path / "台賬.csv"
        run_masswork("export", d / "plan.toml", d / name, "--format", "csv", "-o", out)
        a = run_masswork("check", d / "plan.toml", d / name, "--format", "json", "--lang", "zh-Hans", ok=(0, 1))
        b = run_masswork("check", d / "plan.toml", out, "--format", "json", "--lang", "zh-Hans", ok=(0, 1))
        assert a.returncode == b.returncode
        assert json.loads(a.stdout) == json.loads(b.stdout)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_schedule_round_trips_through_the_csv_ledger(data: st.DataObject) -> None:
    plan = data.draw(plans())
    schedule = data.draw(ledger_schedules(plan))
    lang = data.draw(st.sampled_from(LANGS))
    inp = ExportInput(plan, schedule, masswork.check(plan, schedule, validate=False), lang)
    got = read_schedule(export_csv(inp), plan, name="t.csv").schedule
    assert got == in_ledger_order(schedule)


@pytest.mark.parametrize("lang", LANGS)
def test_edge_cells_round_trip_through_the_csv_ledger(lang: str) -> None:
    plan, schedule = sample_plan(), edge_schedule()
    report = masswork.check(plan, schedule)
    got = read_schedule(export_csv(ExportInput(plan, schedule, report, lang)), plan, name="t.csv").schedule
    assert got == in_ledger_order(schedule)
    assert masswork.check(plan, got).to_dict(lang) == report.to_dict(lang)
