"""``masswork export --format docx`` end to end, on the sample and on the repository's
examples (``examples/s*-*/plan.toml`` with ``schedule-complete.toml`` and
``schedule-flawed.toml``), checked against ``masswork check --format json``."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from masswork.report import Status
from masswork.testing.cli import example_cases, export_and_check, run_masswork

from masswork_docx.report import section_title


def test_formats_lists_docx() -> None:
    rows = {r["name"]: r for r in json.loads(run_masswork("formats", "--json").stdout)}
    assert rows["docx"]["suffix"] == ".docx"
    assert rows["docx"]["plugin"] == "docx"


def check_export(plan: Path, schedule: Path, out: Path, *extra: str) -> None:
    report = export_and_check(plan, schedule, "docx", out, *extra)
    lang = extra[extra.index("--lang") + 1] if "--lang" in extra else "zh"
    zh = lang == "zh"

    doc = docx.Document(str(out))
    summary = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows[1:]}
    for status in Status:
        assert summary[status.zh if zh else status.value] == str(report["summary"]["counts"][status.value])
    assert summary["合計" if zh else "total"] == str(report["summary"]["total"])

    phases = [(r.cells[1].text, r.cells[2].text) for r in doc.tables[1].rows[1:]]
    assert phases == [(str(v["done"]), str(v["total"])) for v in report["summary"]["phases"].values()]

    failing = [f for f in report["findings"] if f["status"] in ("open", "unmet", "overdue")]
    items = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert len(items) == len(failing)
    for f in failing:
        assert any(f"{f['clause']} {f['rule']}" in h for h in items), f["rule"]
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert section_title("met", "zh" if zh else "en") in headings
    bullets = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    listed = [f for f in report["findings"] if f["status"] in ("met", "waived")]
    assert len(bullets) == len(listed) + len(report["warnings"])
    assert (section_title("waived", "zh" if zh else "en") in headings) == any(
        f["status"] == "waived" for f in listed)


@pytest.mark.parametrize("extra", [(), ("--lang", "en"), ("--as-of", "2014-04-01")])
def test_cli_export_on_sample(masswork_sample_files: tuple[Path, Path], tmp_path: Path,
                              extra: tuple[str, ...]) -> None:
    plan, schedule = masswork_sample_files
    check_export(plan, schedule, tmp_path / "out.docx", *extra)


@pytest.mark.parametrize(("plan", "schedule"), example_cases(Path(__file__)))
def test_cli_export_on_examples(plan: Path, schedule: Path, tmp_path: Path) -> None:
    check_export(plan, schedule, tmp_path / "out.docx")
