"""The repository's examples (``examples/s*-*/``) through the command line: the calendar
holds every event not cancelled and every finding with a due date that ``masswork check
--format json`` reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import vobject  # type: ignore[import-untyped]
from masswork.loaders import load_plan, load_schedule
from masswork.model import EventStatus
from masswork.testing.cli import check_json, example_cases, run_masswork

from masswork_ics import event_uid, finding_uid

CASES = example_cases(Path(__file__))


def _export(plan: Path, schedule: Path, out: Path, *extra: str) -> Any:
    run_masswork("export", plan, schedule, "--format", "ics", "-o", out, *extra)
    cals = list(vobject.readComponents(out.read_text(encoding="utf-8"), validate=True))
    assert len(cals) == 1
    return cals[0]


def _as_of(plan: Path) -> str:
    """A day inside the campaign, so some findings are open and some overdue."""
    return dt.date(load_plan(plan).year, 4, 15).isoformat()


@pytest.mark.parametrize(("plan", "schedule"), CASES)
@pytest.mark.parametrize("when", ["whole", "as-of"])
def test_example_counts_agree_with_check(plan: Path, schedule: Path, when: str, tmp_path: Path) -> None:
    extra = ("--as-of", _as_of(plan)) if when == "as-of" else ()
    cal = _export(plan, schedule, tmp_path / "out.ics", *extra)
    report = check_json(plan, schedule, *extra)
    p = load_plan(plan)
    s = load_schedule(schedule, p)
    comps = {c.uid.value: c for c in cal.contents.get("vevent", [])}
    assert len(comps) == len(cal.contents.get("vevent", []))  # unique UIDs

    events = {event_uid(p, e.id) for e in s.events if e.status is not EventStatus.CANCELLED}
    due = {finding_uid(p, f["rule"]): f for f in report["findings"] if f["due"]}
    assert events and due
    assert set(comps) == events | set(due)
    for uid, f in due.items():
        comp = comps[uid]
        assert comp.dtstart.value == dt.date.fromisoformat(f["due"])
        assert f["clause"] in comp.summary.value
        marked = comp.summary.value.startswith(("【已逾期】", "【未達標】"))
        assert marked == (f["status"] in ("overdue", "unmet")), (uid, f["status"])
    for e in s.events:
        if e.status is EventStatus.CANCELLED:
            continue
        comp = comps[event_uid(p, e.id)]
        assert comp.status.value == ("CONFIRMED" if e.status is EventStatus.HELD else "TENTATIVE")


@pytest.mark.parametrize(("plan", "schedule"), CASES)
def test_example_export_is_deterministic(plan: Path, schedule: Path, tmp_path: Path) -> None:
    run_masswork("export", plan, schedule, "--format", "ics", "-o", tmp_path / "a.ics")
    run_masswork("export", plan, schedule, "--format", "ics", "-o", tmp_path / "b.ics")
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
