"""Where the time of one check goes: the S2 example plan against a synthetic schedule of N
events of the plan's own types and roster (``masswork.testing.synth``), written as a JSON
file, then read and checked as the CLI does.

Prints the seconds of ``json.loads`` of the file, of ``load_schedule`` and of ``check``, and
their ratio to ``json.loads``; with ``--profile`` the top of a cProfile of load + check
(docs/performance.md quotes these).

    python benchmarks/profile_check.py [--events 10000] [--profile] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

from masswork import check
from masswork.loaders.plan import load_plan
from masswork.loaders.schedule import load_schedule
from masswork.testing.synth import synthetic_schedule

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sort", default="cumulative")
    args = ap.parse_args()
    plan = load_plan(PLAN)
    data = synthetic_schedule(plan, args.events, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "schedule.json"
        file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        t0 = time.perf_counter()
        json.loads(file.read_text(encoding="utf-8"))
        t_json = time.perf_counter() - t0
        prof = cProfile.Profile() if args.profile else None
        if prof:
            prof.enable()
        t0 = time.perf_counter()
        sched = load_schedule(file, plan)
        t_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = check(plan, sched)
        t_check = time.perf_counter() - t0
        if prof:
            prof.disable()
    total = t_load + t_check
    print(f"events={args.events} json_loads_s={t_json:.3f} load_s={t_load:.3f} check_s={t_check:.3f} "
          f"ratio_vs_json_loads={total / t_json:.1f} findings={len(report.findings)}")
    if prof:
        stats = pstats.Stats(prof, stream=sys.stdout)
        stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
