"""Peak memory of checking one unit with a very large schedule through the command line: the
S2 example plan and a synthetic JSON schedule of N events (default 1 000 000) of its own
types and roster, written to a file, then ``masswork check --format json`` in a child
process, with the input limits raised for this trusted file (``--max-bytes``,
``--max-events``: by default a schedule file may hold at most 8 MiB and 100 000 events,
docs/limits.md).

Prints the child's peak resident set (target at 1 000 000 events: ≤ 1 GiB) and times; the
last line is ``events=N peak_rss_mb=… check_s=… file_mb=… target_mb=1024 ok=…``.

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
        cmd = [*_command(), "check", "--format", "json", "--max-bytes", str(file.stat().st_size),
               "--max-events", str(max(args.events, 1)), str(PLAN), str(file)]
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ)
        elapsed = time.perf_counter() - t0
        if r.returncode not in (0, 1):  # 1: something unmet, as a synthetic schedule may have
            sys.exit(f"the check failed ({r.returncode}): {r.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"file {size:.0f} MB, read + check + report {elapsed:.1f} s, peak RSS {peak:.0f} MB", file=sys.stderr)
    print(f"events={args.events} peak_rss_mb={peak:.0f} check_s={elapsed:.1f} file_mb={size:.0f} "
          f"target_mb=1024 ok={peak <= 1024}")


def _command() -> list[str]:
    exe = Path(sys.executable).with_name("masswork")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "masswork"]


if __name__ == "__main__":
    main()
