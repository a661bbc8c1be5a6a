"""The delivery ledger: claim before send, a lease that expires when the claimant dies,
backoff after failures, once-only delivery across runs and concurrent processes, and dry
runs that write nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

from masswork.channels import DeliveryError
from masswork.errors import MassworkError
from masswork.ledger import Claim, Ledger, Skip, Target, delivery_id, delivery_key, dispatch


class Clock:
    def __init__(self, t: float = 1_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@attrs.frozen
class R:
    """A stand-in reminder: what dispatch needs is a key and a message."""

    key: tuple[str, ...]

    def message(self, lang: str = "zh") -> str:
        return "提醒 " + "/".join(self.key)


def reminders(n: int) -> list[R]:
    return [R(("plan", f"req-{i}", "due-soon", "office", "2014-02-25", "7d")) for i in range(n)]


KEY = ("plan", "req", "due-soon", "office", "2014-02-25", "7d", "console")


def make(tmp_path: Path, clock: Clock | None = None, **kw: Any) -> Ledger:
    return Ledger(tmp_path / "ledger.sqlite", clock=clock or Clock(), **kw)


def test_claim_then_succeed_then_already_sent(tmp_path: Path) -> None:
    with make(tmp_path) as led:
        c = led.claim(KEY, "msg")
        assert isinstance(c, Claim) and c.attempt == 1 and c.id == delivery_id(KEY)
        led.succeed(c)
        again = led.claim(KEY)
        assert isinstance(again, Skip) and again.state == "already-sent"
        assert led.counts() == {"sending": 0, "sent": 1, "failed": 0}
        row = led.row(KEY)
        assert row is not None and row.key == KEY and row.sent_at is not None


def test_wal_and_schema(tmp_path: Path) -> None:
    make(tmp_path).close()
    db = sqlite3.connect(tmp_path / "ledger.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    cols = {r[1] for r in db.execute("PRAGMA table_info(deliveries)")}
    assert {"plan", "requirement", "recipient", "due", "lead", "channel", "state", "attempts"} <= cols


def test_a_claim_in_flight_is_not_claimed_twice_until_its_lease_expires(tmp_path: Path) -> None:
    clock = Clock()
    a = make(tmp_path, clock, lease_seconds=60)
    b = make(tmp_path, clock, lease_seconds=60)
    first = a.claim(KEY)
    assert isinstance(first, Claim)
    second = b.claim(KEY)
    assert isinstance(second, Skip) and second.state == "in-flight"
    clock.advance(61)
    third = b.claim(KEY)
    assert isinstance(third, Claim) and third.attempt == 2 and third.uncertain
    b.succeed(third)
    # the first claimant's late failure report does not undo the delivery
    a.fail(first, "late")
    row = a.row(KEY)
    assert row is not None and row.state == "sent" and row.uncertain


def test_backoff_doubles_and_is_capped(tmp_path: Path) -> None:
    clock = Clock()
    led = make(tmp_path, clock, backoff_seconds=10, backoff_max_seconds=25)
    waits = []
    for _ in range(4):
        c = led.claim(KEY)
        assert isinstance(c, Claim)
        nxt = led.fail(c, "down")
        waits.append(nxt - clock())
        skip = led.claim(KEY)
        assert isinstance(skip, Skip) and skip.state == "deferred" and skip.row.last_error == "down"
        clock.advance(waits[-1])
    assert waits == [10, 20, 25, 25]
    c = led.claim(KEY)
    assert isinstance(c, Claim) and c.attempt == 5


_CLAIM_AND_DIE = """
import os, sys
from masswork.ledger import Ledger
led = Ledger(sys.argv[1], lease_seconds=3600)
c = led.claim(tuple(sys.argv[2:]))
print(type(c).__name__, flush=True)
os._exit(0)
"""


def test_a_dead_claimants_lease_is_taken_over_at_once(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    Ledger(path).close()
    out = subprocess.run([sys.executable, "-c", _CLAIM_AND_DIE, str(path), *KEY], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip() == "Claim", out.stderr
    led = Ledger(path, lease_seconds=3600)
    row = led.row(KEY)
    assert row is not None and row.state == "sending"
    c = led.claim(KEY)  # the claimant's process is gone: no need to wait an hour
    assert isinstance(c, Claim) and c.uncertain and c.attempt == 2


def test_dispatch_sends_once_and_records_failures(tmp_path: Path) -> None:
    clock = Clock()
    sent: list[tuple[str, str]] = []
    fail = {"req-1"}

    def deliver(r: Any, settings: Mapping[str, Any]) -> None:
        if r.key[1] in fail:
            raise DeliveryError("mail server down")
        sent.append((r.key[1], settings["delivery_id"]))

    def broken(r: Any, settings: Mapping[str, Any]) -> None:
        raise RuntimeError("plugin bug")

    targets = [Target("mail", deliver, {"host": "x"}), Target("bad", broken),
               Target("only-boss", deliver, recipients=("boss",))]
    led = make(tmp_path, clock, backoff_seconds=5)
    out = dispatch(reminders(3), targets, led)
    assert [(d.reminder.key[1], d.channel, d.state) for d in out] == [
        ("req-0", "mail", "sent"), ("req-0", "bad", "failed"),
        ("req-1", "mail", "failed"), ("req-1", "bad", "failed"),
        ("req-2", "mail", "sent"), ("req-2", "bad", "failed")]
    assert out[1].error == "RuntimeError('plugin bug')" and out[2].error == "mail server down"
    assert [d.pending for d in out] == [False, True, True, True, False, True]
    assert sent[0][1] == delivery_id(delivery_key(reminders(1)[0].key, "mail"))
    out2 = dispatch(reminders(3), targets, led)
    assert [d.state for d in out2] == ["already-sent", "deferred", "deferred", "deferred", "already-sent", "deferred"]
    clock.advance(5)
    fail.clear()
    out3 = dispatch(reminders(3), targets[:1], led)
    assert [d.state for d in out3] == ["already-sent", "sent", "already-sent"]
    assert Counter(k for k, _ in sent) == {"req-0": 1, "req-1": 1, "req-2": 1}


def test_a_kill_between_send_and_commit_leaves_the_claim_to_expire(tmp_path: Path) -> None:
    class Killed(BaseException):
        pass

    clock = Clock()
    calls: list[str] = []

    def deliver(r: Any, settings: Mapping[str, Any]) -> None:
        calls.append(r.key[1])
        if len(calls) == 1:
            raise Killed()

    led = make(tmp_path, clock, lease_seconds=30)
    with pytest.raises(Killed):
        dispatch(reminders(1), [Target("c", deliver)], led)
    out = dispatch(reminders(1), [Target("c", deliver)], led)
    assert [d.state for d in out] == ["in-flight"]
    clock.advance(31)
    out = dispatch(reminders(1), [Target("c", deliver)], led)
    assert [(d.state, d.uncertain) for d in out] == [("sent", True)]
    assert calls == ["req-0", "req-0"]  # the documented window: sent, killed before commit, sent again


def test_dry_run_sends_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "ledger.sqlite"
    assert Ledger.open_existing(path) is None
    called: list[str] = []
    out = dispatch(reminders(2), [Target("c", lambda r, s: called.append("x"))], None, dry_run=True)
    assert [d.state for d in out] == ["dry-run", "dry-run"] and not called
    assert not path.parent.exists()
    with Ledger(path) as led:
        c = led.claim(delivery_key(reminders(1)[0].key, "c"))
        assert isinstance(c, Claim)
        led.succeed(c)
    before = path.read_bytes()
    ro = Ledger.open_existing(path)
    assert ro is not None
    out = dispatch(reminders(2), [Target("c", lambda r, s: called.append("x"))], ro, dry_run=True)
    assert [d.state for d in out] == ["already-sent", "dry-run"] and not called
    with pytest.raises(MassworkError, match="read-only"):
        ro.claim(("x",))
    ro.close()
    assert path.read_bytes() == before


def test_concurrent_runs_deliver_each_key_once(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    Ledger(path).close()
    got: Counter[str] = Counter()
    lock = threading.Lock()

    def deliver(r: Any, settings: Mapping[str, Any]) -> None:
        with lock:
            got[r.key[1]] += 1

    def run() -> None:
        with Ledger(path) as led:
            dispatch(reminders(40), [Target("c", deliver)], led)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == {f"req-{i}": 1 for i in range(40)}


def test_an_unreadable_ledger_is_bad_input(tmp_path: Path) -> None:
    from masswork.errors import InputError

    bad = tmp_path / "ledger.sqlite"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(InputError) as exc:
        Ledger(bad)
    assert "ledger.sqlite" in exc.value.message("en")
