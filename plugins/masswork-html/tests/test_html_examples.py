"""The repository's examples (``examples/s*-*/``) through the command line: the page shows
every finding ``masswork check --format json`` reports, with its status, and every event
of the schedule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from html_support import Page
from masswork.loaders import load_plan, load_schedule
from masswork.testing.cli import example_cases, export_and_check, run_masswork

CASES = example_cases(Path(__file__))


@pytest.mark.parametrize(("plan", "schedule"), CASES)
@pytest.mark.parametrize("when", ["whole", "as-of"])
def test_example_counts_agree_with_check(plan: Path, schedule: Path, when: str, tmp_path: Path) -> None:
    p = load_plan(plan)
    extra = ("--as-of", dt.date(p.year, 4, 15).isoformat()) if when == "as-of" else ()
    out = tmp_path / "out.html"
    report = export_and_check(plan, schedule, "html", out, *extra)
    page = Page(out.read_text(encoding="utf-8"))
    rows = {str(r.attrs["data-rule"]): r for r in page.find("tr", "f")}
    assert len(rows) == len(page.find("tr", "f")) == len(report["findings"])
    for f in report["findings"]:
        assert f"st-{f['status']}" in rows[f["rule"]].classes()
    counts = report["summary"]["counts"]
    for status, n in counts.items():
        card = page.find("div", f"st-{status}")
        assert card and card[0].text.startswith(str(n))
    s = load_schedule(schedule, p)
    ledger = [el for el in page.find("tr") if "data-event" in el.attrs]
    assert sorted(str(el.attrs["data-event"]) for el in ledger) == sorted(e.id for e in s.events)
    assert sum(int(str(g.attrs["data-n"])) for g in page.find("g", "ev")) == len(s.events)
    assert sum(int(str(g.attrs["data-n"])) for g in page.find("g", "due")) == sum(1 for f in report["findings"] if f["due"])
    failing = {f["rule"] for f in report["findings"] if f["status"] in ("unmet", "overdue") and f["due"]}
    assert {str(g.attrs["data-rule"]) for g in page.find("g", "fail")} == failing


@pytest.mark.parametrize(("plan", "schedule"), CASES)
def test_example_export_is_deterministic(plan: Path, schedule: Path, tmp_path: Path) -> None:
    run_masswork("export", plan, schedule, "--format", "html", "-o", tmp_path / "a.html")
    run_masswork("export", plan, schedule, "--format", "html", "-o", tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
