"""Faults: mail server down, webhook slow (timeout), webhook answering an error, the process
killed mid-run. Over many runs, count deliveries per key: nothing is lost (every due
reminder is delivered on a later run) and nothing is sent twice — except inside the
ledger's documented at-least-once window (a kill between a send and its commit, or a
timeout after the receiver took the message), and there at most once per such fault.

Two tests:

* in process, ~450 runs over every day of February–June 2014 on the S3 example with three
  channels and random faults injected into each delivery attempt (a "kill" is an exception
  that is not an ``Exception``, abandoning the run and its open claim, exactly as a dead
  process leaves the ledger);
* real processes killed with SIGKILL at random moments while delivering to a webhook
  server on 127.0.0.1 that sometimes answers errcode ≠ 0, then a final run.

The measured numbers are printed (``pytest -s tests/test_faults.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import masswork
from masswork.builtin.channels import UncertainDelivery
from masswork.channels import DeliveryError
from masswork.ledger import Ledger, Target, delivery_key, dispatch
from masswork.remind import Reminder, reminders

ROOT = Path(__file__).resolve().parent.parent
S3 = ROOT / "examples" / "s3-danyang-phase1"
DAYS = [dt.date(2014, 2, 1) + dt.timedelta(days=i) for i in range((dt.date(2014, 6, 30) - dt.date(2014, 2, 1)).days + 1)]
CHANNELS = ("mail", "ding", "hook")


class Killed(BaseException):
    """The process dies here: nothing after this line of the run happens."""


class Clock:
    def __init__(self) -> None:
        self.t = 1_400_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(scope="module")
def s3_days() -> list[tuple[dt.date, list[Reminder]]]:
    plan = masswork.load_plan(S3 / "plan.toml")
    schedule = masswork.load_schedule(S3 / "schedule-flawed.toml", plan)
    return [(day, reminders(plan, schedule, day)) for day in DAYS]


class World:
    """The receivers (what actually reached people) and the faults injected on the way."""

    AMBIGUOUS = ("timeout-late", "kill-after")

    def __init__(self, rng: random.Random, faults: tuple[str, ...], p_fault: float) -> None:
        self.rng = rng
        self.faults = faults
        self.p_fault = p_fault
        self.received: Counter[tuple[str, ...]] = Counter()
        self.ambiguous: Counter[tuple[str, ...]] = Counter()
        self.injected: Counter[str] = Counter()
        self.enabled = True

    def channel(self, name: str) -> Any:
        def deliver(reminder: Any, settings: Mapping[str, Any]) -> None:
            key = delivery_key(reminder.key, name)
            fault = self.rng.choice(self.faults) if self.enabled and self.rng.random() < self.p_fault else None
            if fault:
                self.injected[fault] += 1
            if fault == "kill-before":
                raise Killed()
            if fault == "down":
                raise DeliveryError("mail server down: connection refused")
            if fault == "errcode":
                raise DeliveryError("robot refused (errcode 310000: sign not match)")
            if fault == "timeout-lost":
                raise UncertainDelivery("timeout (the request never arrived)")
            self.received[key] += 1
            if fault == "timeout-late":
                self.ambiguous[key] += 1
                raise UncertainDelivery("timeout (the receiver took it, the answer was lost)")
            if fault == "kill-after":
                self.ambiguous[key] += 1
                raise Killed()

        return deliver


def _simulate(s3_days: list[tuple[dt.date, list[Reminder]]], tmp_path: Path, seed: int,
              faults: tuple[str, ...], p_fault: float = 0.35) -> dict[str, Any]:
    rng = random.Random(seed)
    world = World(rng, faults, p_fault)
    clock = Clock()
    path = tmp_path / f"ledger-{seed}.sqlite"
    targets = [Target(n, world.channel(n)) for n in CHANNELS]
    expected: set[tuple[str, ...]] = set()
    runs = kills = 0
    for day, due in s3_days:
        expected |= {delivery_key(r.key, n) for r in due for n in CHANNELS}
        rounds = rng.randint(1, 3)
        for i in range(rounds + 1):
            world.enabled = i < rounds        # the last run of the day meets no fault
            clock.t += rng.uniform(0, 7200) if world.enabled else 4 * 3600  # past any lease and backoff
            led = Ledger(path, clock=clock, lease_seconds=600, backoff_seconds=60, backoff_max_seconds=3600)
            runs += 1
            try:
                dispatch(due, targets, led)
            except Killed:
                kills += 1
            finally:
                led.close()          # a dead process's connection goes away; its claim stays
        # after the day's fault-free run every reminder due that day has reached its receiver
        assert all(world.received[k] >= 1 for r in due for k in [delivery_key(r.key, n) for n in CHANNELS])
    lost = sorted(k for k in expected if world.received[k] == 0)
    dups = {k: n - 1 for k, n in world.received.items() if n > 1}
    beyond = {k: d for k, d in dups.items() if d > world.ambiguous[k]}
    with Ledger(path) as led:
        states = led.counts()
    return {"runs": runs, "kills": kills, "keys": len(expected), "deliveries": sum(world.received.values()),
            "lost": len(lost), "duplicated": sum(dups.values()), "duplicated_beyond_window": sum(beyond.values()),
            "ambiguous_faults": sum(world.ambiguous.values()), "injected": dict(world.injected),
            "per_key": dict(Counter(world.received.values())), "ledger": states, "unexpected": set(world.received) - expected}


def test_random_faults_over_many_runs_lose_nothing(s3_days: list[tuple[dt.date, list[Reminder]]],
                                                   tmp_path: Path) -> None:
    all_faults = ("down", "errcode", "timeout-lost", "timeout-late", "kill-before", "kill-after")
    totals: Counter[str] = Counter()
    for seed in (1, 2, 3):
        m = _simulate(s3_days, tmp_path, seed, all_faults)
        print(f"\n[faults, all kinds, seed {seed}] " + json.dumps({k: v for k, v in m.items() if k != "unexpected"},
                                                               ensure_ascii=False, default=list))
        assert m["lost"] == 0
        assert m["duplicated_beyond_window"] == 0
        assert m["unexpected"] == set()
        assert m["ledger"] == {"sending": 0, "sent": m["keys"], "failed": 0}
        assert m["runs"] > 300 and m["kills"] > 10 and m["keys"] > 100
        totals.update({k: m[k] for k in ("runs", "kills", "keys", "lost", "duplicated", "ambiguous_faults")})
    assert totals["duplicated"] <= totals["ambiguous_faults"]


def test_faults_outside_the_window_never_duplicate(s3_days: list[tuple[dt.date, list[Reminder]]],
                                                   tmp_path: Path) -> None:
    """Mail down, robot errcode, a timeout before the request arrived, a kill before the
    send: exactly one delivery per key."""
    m = _simulate(s3_days, tmp_path, 7, ("down", "errcode", "timeout-lost", "kill-before"), p_fault=0.5)
    print("\n[faults outside the window] " + json.dumps({k: v for k, v in m.items() if k != "unexpected"},
                                                       ensure_ascii=False))
    assert m["lost"] == 0 and m["duplicated"] == 0
    assert m["per_key"] == {1: m["keys"]}
    assert m["kills"] > 10


# ---------------------------------------------------------------- real processes, SIGKILL

_DRIVER = r"""
import datetime as dt, sys
import masswork
from masswork.builtin.channels import WEBHOOK
from masswork.ledger import Ledger, Target, dispatch
from masswork.remind import reminders
ledger, url, plan_path, schedule_path = sys.argv[1:5]
plan = masswork.load_plan(plan_path)
schedule = masswork.load_schedule(schedule_path, plan)
targets = [Target(n, WEBHOOK.deliver, {"url": url + "/" + n, "timeout": 5}) for n in ("a", "b")]
print("ready", flush=True)
led = Ledger(ledger, backoff_seconds=0, lease_seconds=3600)
day = dt.date(2014, 2, 1)
while day <= dt.date(2014, 6, 30):
    dispatch(reminders(plan, schedule, day), targets, led)
    day += dt.timedelta(days=1)
print("done", flush=True)
"""


class Receiver(BaseHTTPRequestHandler):
    received: Counter[str] = Counter()
    fail_rate = 0.0
    rng = random.Random(11)
    lock = threading.Lock()

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        did = json.loads(raw)["delivery_id"]
        time.sleep(0.004)
        with self.lock:
            refuse = self.rng.random() < self.fail_rate
            if not refuse:
                self.received[did] += 1
        body = json.dumps({"errcode": 45009, "errmsg": "api freq out of limit"} if refuse
                          else {"errcode": 0, "errmsg": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def receiver() -> Iterator[str]:
    Receiver.received = Counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_processes_killed_mid_run_lose_nothing(receiver: str, s3_days: list[tuple[dt.date, list[Reminder]]],
                                               tmp_path: Path) -> None:
    from masswork.ledger import delivery_id

    ledger = tmp_path / "ledger.sqlite"
    args = [sys.executable, "-c", _DRIVER, str(ledger), receiver, str(S3 / "plan.toml"),
            str(S3 / "schedule-flawed.toml")]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    rng = random.Random(5)
    Receiver.fail_rate = 0.2
    kills = finished = 0
    runs = 6
    for _ in range(runs):
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.05, 0.8))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        else:
            finished += 1
        proc.wait(timeout=60)
    Receiver.fail_rate = 0.0
    final = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert final.returncode == 0 and "done" in final.stdout, final.stderr
    expected = {delivery_id(delivery_key(r.key, n)) for _, due in s3_days for r in due for n in ("a", "b")}
    got = Receiver.received
    lost = expected - set(got)
    duplicated = sum(n - 1 for n in got.values() if n > 1)
    print(f"\n[SIGKILL] runs={runs + 1} kills={kills} keys={len(expected)} deliveries={sum(got.values())} "
          f"lost={len(lost)} duplicated={duplicated} per_key={dict(Counter(got.values()))}")
    assert not lost
    assert set(got) <= expected
    assert duplicated <= kills  # a kill interrupts at most the one delivery in flight
    with Ledger(ledger) as led:
        assert led.counts() == {"sending": 0, "sent": len(expected), "failed": 0}
