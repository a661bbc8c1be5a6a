"""Peak memory of checking one unit with a very large schedule: the S2 example plan and a
synthetic JSON schedule of N events (default 1 000 000) of its own types and roster, written
to a file, then read, checked and its JSON report written in a child process of its own
(``masswork.load_schedule`` + ``masswork.check``, what ``masswork check --format json`` runs).

The child raises the input limits (docs/limits.md): by default a schedule file may hold at
most 8 MiB and 100 000 events, which a million events exceed; the command line has no
switch for that, so the child uses the API's ``limits=``.

Prints the child's peak resident set (target at 1 000 000 events: ≤ 1 GiB) and times; the
last line is ``events=N peak_rss_mb=… check_s=… file_mb=…``.

    python benchmarks/memory.py [--events 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from masswork.loaders.plan import load_plan
from masswork.testing.synth import synthetic_schedule

_CHILD = """
import json, sys
import masswork
from masswork.loaders.limits import Limits
big = Limits(max_file_bytes=4 << 30, max_items=50_000_000)
plan = masswork.load_plan(sys.argv[1])
schedule = masswork.load_schedule(sys.argv[2], plan, limits=big)
report = masswork.check(plan, schedule)
sys.stdout.write(json.dumps(report.to_dict("zh"), ensure_ascii=False))
"""

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    args = ap.parse_args()
    plan = load_plan(PLAN)
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "schedule.json"
        step = 100_000
        # Written in slices, so that this process never holds the whole schedule either.
        with file.open("w", encoding="utf-8") as out:
            out.write('{"plan": %s, "unit": "bench", "events": [' % json.dumps(plan.id))
            first = True
            for lo in range(0, args.events, step):
                part = synthetic_schedule(plan, min(step, args.events - lo), seed=lo, documents=0)
                for e in part["events"]:
                    e["id"] = f"e{lo}-{e['id']}"
                    out.write(("" if first else ",") + json.dumps(e, ensure_ascii=False))
                    first = False
            out.write("]}")
        size = file.stat().st_size / 1e6
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", _CHILD, str(PLAN), str(file)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ)
        elapsed = time.perf_counter() - t0
        if r.returncode != 0:
            sys.exit(f"the check failed ({r.returncode}): {r.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"file {size:.0f} MB, read + check + report {elapsed:.1f} s, peak RSS {peak:.0f} MB", file=sys.stderr)
    print(f"events={args.events} peak_rss_mb={peak:.0f} check_s={elapsed:.1f} file_mb={size:.0f}")


if __name__ == "__main__":
    main()
