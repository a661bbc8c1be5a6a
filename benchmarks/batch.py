"""The batch check of a synthetic province against the cost of merely reading its files.

Generates (``masswork.testing.province``) a template plan and N unit folders — a plan that
``extends`` the template with the unit's own roster (3–7 leaders, 2–12 members) and a
schedule of about M events, about 10 % of (unit, requirement) pairs broken — and a second
province of 10·N units, then measures in this one run:

* ``check_s``: ``masswork check --batch`` of the N units through the API (unit discovery,
  the local engine on all cores, the summary written as JSON);
* ``ratio_vs_json_loads``: ``check_s`` over ``json.loads`` of the same unit files (each
  unit's plan.json and schedule.json, read from disk, one process);
* ``ratio_vs_jsonschema``: ``check_s`` over validating those files against the published
  schemas (schemas/plan.schema.json, schemas/schedule.schema.json) with jsonschema, the
  validator compiled once;
* ``scale_10x``: the batch time of the 10·N units over ``check_s``;
* ``peak_rss_mb``: the largest resident set of this process or any worker, in MB.

and prints them as its last line::

    units=N events=TOTAL check_s=… ratio_vs_json_loads=… ratio_vs_jsonschema=… scale_10x=… peak_rss_mb=…

Targets on the 2-core development machine at ``--units 500 --events 300``:
ratio_vs_json_loads ≤ 5, ratio_vs_jsonschema ≤ 0.5, scale_10x ≤ 11.

    python benchmarks/batch.py [--units 500] [--events 300] [--jobs N] [--no-scale]
    python benchmarks/batch.py --units 50 --profile [--top 30] [--sort tottime]

``--profile`` instead runs the batch worker (``masswork.batch.run.check_unit``) over the
units in this process under cProfile and prints the top of the profile and its per-unit CPU
time against ``json.loads`` of the unit's files (docs/performance.md quotes it).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from masswork.batch import find_units, run_batch, summarise
from masswork.batch.formats import summary_exporters
from masswork.testing.province import write_province

ROOT = Path(__file__).resolve().parent.parent


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


CPU: dict[str, float] = {}


def _batch(root: Path, jobs: int | None) -> tuple[float, int, int]:
    c0, m0 = _cpu(), _own_cpu()
    t0 = time.perf_counter()
    units = find_units(root)
    results = run_batch(units, options={"jobs": jobs})
    summary = summarise(results)
    data = summary_exporters()["json"].export(summary, "zh")
    elapsed = time.perf_counter() - t0
    CPU[str(root)] = _cpu() - c0  # the pool's workers are reaped by now
    # This process alone: discovery, the pool's dispatch, the results, the summary — what
    # does not spread over the workers.
    CPU["main " + str(root)] = _own_cpu() - m0
    assert not summary.broken, summary.broken[:1]
    return elapsed, sum(r["events"] for r in results), len(data)


def _files(root: Path) -> list[Path]:
    return sorted(root.glob("unit-*/*.json"))


def _json_loads(files: list[Path]) -> float:
    c0 = _cpu()
    t0 = time.perf_counter()
    for f in files:
        json.loads(f.read_text(encoding="utf-8"))
    CPU["json"] = _cpu() - c0
    return time.perf_counter() - t0


def _jsonschema(files: list[Path]) -> float:
    import jsonschema

    validators = {}
    for name in ("plan", "schedule"):
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        validators[name] = jsonschema.validators.validator_for(schema)(schema)
    t0 = time.perf_counter()
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for _error in validators["plan" if f.name == "plan.json" else "schedule"].iter_errors(data):
            pass
    return time.perf_counter() - t0


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024  # ru_maxrss is in KiB on Linux


def _profile(root: Path, top: int, sort: str) -> None:
    import cProfile
    import pstats

    from masswork.batch.run import check_unit, warm_up

    warm_up()
    units = find_units(root)
    jobs = [(u, None, False, (str(root),)) for u in units]
    check_unit(jobs[0])  # converters and caches built once, as in a worker
    files = _files(root)
    t0 = time.process_time()
    for f in files:
        json.loads(f.read_text(encoding="utf-8"))
    t_json = time.process_time() - t0
    t0 = time.process_time()
    for job in jobs:
        check_unit(job)
    t_check = time.process_time() - t0
    prof = cProfile.Profile()
    prof.enable()
    for job in jobs:
        check_unit(job)
    prof.disable()
    pstats.Stats(prof, stream=sys.stdout).sort_stats(sort).print_stats(top)
    print(f"units={len(units)} cpu_per_unit_ms={t_check / len(units) * 1000:.2f} "
          f"json_loads_per_unit_ms={t_json / len(units) * 1000:.3f} cpu_ratio_vs_json_loads={t_check / t_json:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=500)
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-scale", action="store_true", help="skip the 10× province (scale_10x=nan)")
    ap.add_argument("--profile", action="store_true", help="profile the batch worker in this process")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--sort", default="tottime")
    args = ap.parse_args()
    if args.profile:
        with tempfile.TemporaryDirectory() as tmp:
            write_province(Path(tmp) / "province", args.units, args.events, seed=args.seed)
            _profile(Path(tmp) / "province", args.top, args.sort)
        return
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "province", Path(tmp) / "province10"
        t0 = time.perf_counter()
        expected = write_province(small, args.units, args.events, seed=args.seed)
        if not args.no_scale:
            write_province(big, 10 * args.units, args.events, seed=args.seed + 1)
        print(f"generated in {time.perf_counter() - t0:.1f} s; "
              f"{sum(map(len, expected.values()))} violations in {args.units} units", file=sys.stderr)
        _batch(small, args.jobs)  # warm the file cache and the imports
        files = _files(small)
        t_json = _json_loads(files)
        t_check, events, _size = _batch(small, args.jobs)
        t_schema = _jsonschema(files)
        t_big = _batch(big, args.jobs)[0] if not args.no_scale else float("nan")
    print(f"json.loads {t_json:.3f} s, jsonschema {t_schema:.3f} s, batch check {t_check:.3f} s, "
          f"10x batch {t_big:.3f} s", file=sys.stderr)
    # CPU seconds (this process and its workers): what a machine shared with other work
    # does not inflate. The check's CPU over json.loads's is the ratio on one core.
    cpu_check, cpu_json = CPU[str(small)], CPU["json"]
    print(f"cpu: json.loads {cpu_json:.3f} s, batch check {cpu_check:.3f} s (all workers), "
          f"cpu_ratio_vs_json_loads={cpu_check / cpu_json:.2f} "
          f"cpu_scale_10x={CPU.get(str(big), float('nan')) / cpu_check:.2f} "
          f"main_cpu={CPU['main ' + str(small)]:.3f} s main_cpu_10x={CPU.get('main ' + str(big), float('nan')):.3f} s",
          file=sys.stderr)
    print(f"units={args.units} events={events} check_s={t_check:.3f} "
          f"ratio_vs_json_loads={t_check / t_json:.2f} ratio_vs_jsonschema={t_check / t_schema:.3f} "
          f"scale_10x={t_big / t_check:.2f} peak_rss_mb={_peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
