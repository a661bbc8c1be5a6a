"""Request latency of ``masswork serve`` for the S2 example (the whole-campaign plan).

Starts a real server (uvicorn, one process) on 127.0.0.1 at a free port, then times
``POST /check`` with the S2 plan and complete schedule as JSON: N sequential requests, then
M requests all in flight at once; prints median and p95 in milliseconds, requests per
second, and the in-process ``masswork.check`` time of the same input for comparison (what
HTTP, JSON and the thread pool add). Loopback only; bounded in count and time.

    python benchmarks/server_latency.py [--sequential 200] [--concurrent 50] [--as-of 2014-06-30]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

import masswork
from masswork.loaders import plan_to_dict, schedule_to_dict

ROOT = Path(__file__).resolve().parent.parent
S2 = ROOT / "examples" / "s2-kejiju-campaign"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _show(label: str, ms: list[float], wall: float) -> None:
    print(f"{label:<28} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   p95 {_pct(ms, 0.95):7.1f} ms   "
          f"max {max(ms):7.1f} ms   {len(ms) / wall:6.1f} req/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sequential", type=int, default=200)
    ap.add_argument("--concurrent", type=int, default=50)
    ap.add_argument("--as-of", default="2014-06-30")
    args = ap.parse_args()

    plan = masswork.load_plan(S2 / "plan.toml")
    schedule = masswork.load_schedule(S2 / "schedule-complete.toml", plan)
    body = json.dumps({"plan": plan_to_dict(plan), "schedule": schedule_to_dict(schedule), "as_of": args.as_of},
                      ensure_ascii=False, default=str).encode("utf-8")
    day = dt.date.fromisoformat(args.as_of)
    masswork.check(plan, schedule, day)
    runs = []
    for _ in range(20):
        t0 = time.perf_counter()
        masswork.check(plan, schedule, day)
        runs.append((time.perf_counter() - t0) * 1000)
    print(f"S2: {len(plan.requirements)} requirements, {len(schedule.events)} events, request body {len(body)} bytes")
    print(f"{'in-process masswork.check':<28} n=20   median {statistics.median(runs):7.1f} ms")

    port = _port()
    env = {k: v for k, v in os.environ.items() if k not in ("MASSWORK_SERVER_TOKEN", "MASSWORK_LOAD_PLUGINS")}
    proc = subprocess.Popen([sys.executable, "-m", "masswork", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    headers = {"Content-Type": "application/json"}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
        with httpx.Client(timeout=120) as client:
            expected = client.post(url + "/check", content=body, headers=headers)
            assert expected.status_code == 200, expected.text
            for _ in range(5):  # warm up
                client.post(url + "/check", content=body, headers=headers)
            seq = []
            t_all = time.perf_counter()
            for _ in range(args.sequential):
                t0 = time.perf_counter()
                r = client.post(url + "/check", content=body, headers=headers)
                seq.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200
            _show("sequential POST /check", seq, time.perf_counter() - t_all)

        async def one(client: httpx.AsyncClient) -> float:
            t0 = time.perf_counter()
            r = await client.post(url + "/check", content=body, headers=headers)
            assert r.status_code == 200 and r.json() == expected.json()
            return (time.perf_counter() - t0) * 1000

        async def together() -> tuple[list[float], float]:
            limits = httpx.Limits(max_connections=args.concurrent)
            async with httpx.AsyncClient(timeout=300, limits=limits) as client:
                t0 = time.perf_counter()
                got = await asyncio.gather(*(one(client) for _ in range(args.concurrent)))
                return list(got), time.perf_counter() - t0

        conc, wall = asyncio.run(together())
        _show(f"{args.concurrent} concurrent POST /check", conc, wall)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
