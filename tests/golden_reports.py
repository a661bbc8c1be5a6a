"""The report cases whose JSON was recorded before the loader and engine were optimised
(tests/data/reports/), and the code that records them.

Run ``python tests/golden_reports.py`` to record them again — only when a change to a kind's
judgement or wording is meant; a speed-up must leave them untouched (tests/test_speed_equal.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import masswork
from masswork.loaders.schedule import load_schedule
from masswork.testing.sample import sample_plan, sample_schedule
from masswork.testing.synth import synthetic_schedule

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "reports"
EXAMPLES = ("s1-kejiju-phase1", "s2-kejiju-campaign", "s3-danyang-phase1")
DAYS = (None, dt.date(2014, 3, 15), dt.date(2014, 6, 30))


def cases() -> Iterator[tuple[str, Any, Any, dt.date | None]]:
    """(name, plan, schedule, as_of) for every example file, synthetic schedules of each
    example plan, and the Python sample."""
    for ex in EXAMPLES:
        plan = masswork.load_plan(ROOT / "examples" / ex / "plan.toml")
        for which in ("complete", "flawed"):
            sched = load_schedule(ROOT / "examples" / ex / f"schedule-{which}.toml", plan)
            for day in DAYS:
                yield f"{ex}-{which}-{day or 'whole'}", plan, sched, day
        for seed in (1, 2):
            sched = load_schedule(synthetic_schedule(plan, 400, seed=seed), plan)
            for day in DAYS:
                yield f"{ex}-synth{seed}-{day or 'whole'}", plan, sched, day
    for day in DAYS:
        yield f"sample-{day or 'whole'}", sample_plan(), sample_schedule(), day


def report_json(plan: Any, sched: Any, day: dt.date | None) -> dict[str, Any]:
    report = masswork.check(plan, sched, as_of=day)
    return {"zh": report.to_dict("zh"), "en": report.to_dict("en")}


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


def main() -> None:
    """Reports are kept by the SHA-256 of their canonical JSON (whole, they would be
    megabytes); a mismatch names the case, and ``report_json`` shows it."""
    DATA.mkdir(parents=True, exist_ok=True)
    digests: dict[str, str] = {}
    for name, plan, sched, day in cases():
        data = report_json(plan, sched, day)
        digests[name] = digest(data)
        print(name, file=sys.stderr)
    (DATA / "digests.json").write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
