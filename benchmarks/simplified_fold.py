"""How right and how fast the character fold to Simplified is, for the messages still given
as a Traditional/English pair (requirement kinds' findings that have no catalogue code yet).

For every finding and notice of every example, judged as a whole and on several days, the
Traditional message is folded with :func:`masswork.hanzi.to_simplified` and converted with
OpenCC's phrase-aware ``t2s``; prints how many distinct messages there are, how many the
two disagree on, and the microseconds per message of each (one run, same machine).

    python benchmarks/simplified_fold.py        # needs: pip install opencc
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import opencc

import masswork
from masswork.hanzi import to_simplified
from masswork.plugins import get_calendar, get_kinds

ROOT = Path(__file__).resolve().parent.parent
DAYS = (None, dt.date(2014, 3, 1), dt.date(2014, 4, 15), dt.date(2014, 6, 30), dt.date(2014, 12, 31))


def example_messages() -> list[str]:
    out: set[str] = set()
    for ex in sorted((ROOT / "examples").glob("s*-*/plan.toml")):
        plan = masswork.load_plan(ex)
        for sched in sorted(ex.parent.glob("schedule-*.toml")):
            schedule = masswork.load_schedule(sched, plan)
            for day in DAYS:
                report = masswork.check(plan, schedule, day, kinds=get_kinds(), calendar=get_calendar())
                out.update(f.message("zh-Hant") for f in report.findings)
                out.update(w.message("zh-Hant") for w in report.warnings)
    return sorted(out)


def main() -> None:
    conv = opencc.OpenCC("t2s")
    msgs = example_messages()
    differ = [m for m in msgs if to_simplified(m) != conv.convert(m)]
    reps = 20
    t0 = time.perf_counter()
    for _ in range(reps):
        for m in msgs:
            to_simplified(m)
    fold = (time.perf_counter() - t0) / reps / len(msgs) * 1e6
    t0 = time.perf_counter()
    for _ in range(reps):
        for m in msgs:
            conv.convert(m)
    cc = (time.perf_counter() - t0) / reps / len(msgs) * 1e6
    print(f"{len(msgs)} distinct messages; fold and OpenCC disagree on {len(differ)}")
    print(f"fold {fold:.1f} us/message, OpenCC {cc:.1f} us/message, ratio {fold / cc:.2f}")
    for m in differ[:10]:
        print("  differs:", m)


if __name__ == "__main__":
    main()
