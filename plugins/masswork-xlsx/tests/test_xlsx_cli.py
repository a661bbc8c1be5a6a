"""``masswork export --format xlsx`` end to end, on the sample and on the repository's
examples (``examples/s*-*/plan.toml`` with ``schedule-complete.toml`` and
``schedule-flawed.toml``), checked against ``masswork check --format json``."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from masswork import load_plan, load_schedule
from masswork.report import Status
from masswork.testing.cli import example_cases, export_and_check, run_masswork
from openpyxl import load_workbook

from masswork_xlsx.workbook import FINDINGS_ORDER


def test_formats_lists_xlsx() -> None:
    rows = {r["name"]: r for r in json.loads(run_masswork("formats", "--json").stdout)}
    assert rows["xlsx"]["suffix"] == ".xlsx"
    assert rows["xlsx"]["plugin"] == "xlsx"


def check_export(plan: Path, schedule: Path, out: Path, *extra: str) -> None:
    report = export_and_check(plan, schedule, "xlsx", out, *extra)

    wb = load_workbook(io.BytesIO(out.read_bytes()))
    ledger, findings, quota = wb.worksheets[:3]
    p = load_plan(plan)
    s = load_schedule(schedule, p)
    assert ledger.max_row - 1 == len(s.events)
    ids = [str(r[10]) for r in ledger.iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(e.id for e in s.events)

    assert findings.max_row - 1 == report["summary"]["total"] == len(report["findings"])
    order = [s.value for s in FINDINGS_ORDER]  # failures first, plan order within a status
    assert [r[2] for r in findings.iter_rows(min_row=2, values_only=True)] == \
        [f["rule"] for f in sorted(report["findings"], key=lambda f: order.index(f["status"]))]
    lang = extra[extra.index("--lang") + 1] if "--lang" in extra else "zh"
    label = {(s.zh if lang == "zh" else s.value): s.value for s in Status}
    got = Counter(label[str(r[0])] for r in findings.iter_rows(min_row=2, values_only=True))
    assert {k: v for k, v in report["summary"]["counts"].items() if v} == dict(got)

    owed = {(r[0], r[-1]): r[7] for r in quota.iter_rows(min_row=2, values_only=True)}
    short = {(f["rule"], sf["subject"]): sf for f in report["findings"] if f["kind"] == "per-person"
             for sf in f["shortfall"] if "need" in sf}
    assert {k for k, v in owed.items() if v} == set(short)
    for key, sf in short.items():
        assert owed[key] == sf["need"] - sf["have"]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)


@pytest.mark.parametrize("extra", [(), ("--lang", "en"), ("--as-of", "2014-04-01")])
def test_cli_export_on_sample(masswork_sample_files: tuple[Path, Path], tmp_path: Path,
                              extra: tuple[str, ...]) -> None:
    plan, schedule = masswork_sample_files
    check_export(plan, schedule, tmp_path / "out.xlsx", *extra)


@pytest.mark.parametrize(("plan", "schedule"), example_cases(Path(__file__)))
def test_cli_export_on_examples(plan: Path, schedule: Path, tmp_path: Path) -> None:
    check_export(plan, schedule, tmp_path / "out.xlsx")


def test_failing_export_writes_no_file(tmp_path: Path) -> None:
    # A schedule that does not load: exit 2, and no file.
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    run_masswork("export", bad, bad, "--format", "xlsx", "-o", out, ok=(2,))
    assert not out.exists()
