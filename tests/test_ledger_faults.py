"""The delivery ledger under faults, through ``masswork remind`` as a user runs it: a corrupt,
foreign, truncated, read-only or misplaced ledger is exit 2 with one message naming the file
(never a traceback, never exit 3); and several real ``masswork remind`` processes started at
once on one ledger deliver each reminder exactly once to a counting receiver on 127.0.0.1,
also when the receiver refuses some requests and the runs retry them."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultfs import read_only
from loopback import Answer, Request, http_server, ok

import masswork
from masswork.ledger import delivery_id, delivery_key
from masswork.remind import reminders


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, which the assertions read (subprocesses inherit it)."""
    monkeypatch.setenv("MASSWORK_LANG", "en")


N_REQ = 24
PLAN = "\n".join([
    'id = "many"', 'title = "多項方案"', "year = 2014",
    "[options]", "lead_days = [30, 7, 1]",
    '[[people]]\nid = "li-fei"\nname = "李飛"',
    '[[bodies]]\nid = "領導小組辦公室"\nname = "領導小組辦公室"',
    '[[bodies]]\nid = "督導組"\nname = "督導組"',
    '[[documents]]\nid = "計劃"\nname = "計劃"',
] + [f'[[requirements]]\nid = "r{i:02d}"\nclause = "T.{i}"\nkind = "deadline"\n'
     f'responsible = ["領導小組辦公室", "li-fei"]\ndocument = "計劃"\naction = "submitted"\n'
     f'party = "督導組"\nwithin = "{3 + i // 8}月{1 + i % 8 * 3}日前"' for i in range(N_REQ)]) + "\n"
DAYS = ["2014-02-20", "2014-03-05", "2014-03-20", "2014-04-10", "2014-05-01"]



def write_case(folder: Path, hook: str, backoff: float = 0.0) -> None:
    (folder / "plan.toml").write_text(PLAN, encoding="utf-8")
    (folder / "schedule.toml").write_text('plan = "many"\n', encoding="utf-8")
    (folder / "masswork.toml").write_text(
        f'[ledger]\npath = "ledger.sqlite"\nbackoff_seconds = {backoff}\nbackoff_max_seconds = {backoff}\n'
        f'[channels.hook]\ntype = "webhook"\nurl = "{hook}/hook"\ntimeout = 20\n', encoding="utf-8")


def masswork_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "masswork", *args]


def remind(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(masswork_cmd("remind", "plan.toml", "schedule.toml", "--as-of", DAYS[0], *extra),
                          cwd=folder, capture_output=True, text=True, timeout=120)


def assert_ledger_error(r: subprocess.CompletedProcess[str], name: str, *words: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert name in r.stderr, r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    with http_server() as (base, _):
        write_case(tmp_path, base)
        yield tmp_path


def _garbage(p: Path) -> None:
    p.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(8192)))


def _foreign(p: Path) -> None:
    with sqlite3.connect(p) as db:
        db.execute("CREATE TABLE deliveries (x INTEGER)")


def _other_app(p: Path) -> None:
    with sqlite3.connect(p) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")


def _text(p: Path) -> None:
    p.write_text("SQLite format 3 — not really\n" * 50, encoding="utf-8")


@pytest.mark.parametrize("spoil", [_garbage, _foreign, _text], ids=["garbage", "foreign-table", "text"])
def test_a_corrupt_or_foreign_ledger_is_exit_2_naming_it(folder: Path, spoil: object) -> None:
    spoil(folder / "ledger.sqlite")  # type: ignore[operator]
    before = (folder / "ledger.sqlite").read_bytes()
    for extra in ((), ("--dry-run",), ("--format", "json")):
        r = remind(folder, *extra)
        assert_ledger_error(r, "ledger.sqlite", "corrupt")
    assert (folder / "ledger.sqlite").read_bytes() == before  # left as it was, for the user to look at


def test_another_apps_database_gets_the_ledger_table_added_but_is_not_damaged(folder: Path) -> None:
    _other_app(folder / "ledger.sqlite")
    assert remind(folder).returncode == 0
    with sqlite3.connect(folder / "ledger.sqlite") as db:
        assert db.execute("SELECT count(*) FROM contacts").fetchone() == (0,)


@pytest.mark.parametrize("how", ["truncated", "pages-overwritten"])
def test_a_damaged_real_ledger_is_exit_2_naming_it(folder: Path, how: str) -> None:
    assert remind(folder).returncode == 0
    ledger = folder / "ledger.sqlite"
    with sqlite3.connect(ledger) as db:  # fold the WAL in, so the damage hits the only copy
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(ledger.read_bytes())
    assert len(data) >= 8192
    if how == "truncated":
        data = data[: len(data) // 2 + 100]
    else:
        rng = random.Random(7)
        for i in range(4096, len(data)):
            data[i] = rng.randrange(256)
    ledger.write_bytes(bytes(data))
    for extra in ((), ("--dry-run",)):
        r = remind(folder, "--as-of", DAYS[1], *extra)
        assert_ledger_error(r, "ledger.sqlite")
        assert "corrupt" in r.stderr or "malformed" in r.stderr


@pytest.mark.parametrize("where", ["directory", "parent-is-a-file"])
def test_a_ledger_path_that_is_not_a_file(folder: Path, where: str) -> None:
    if where == "directory":
        (folder / "ledger.sqlite").mkdir()
        name = "ledger.sqlite"
    else:
        (folder / "state").write_text("x")
        cfg = (folder / "masswork.toml").read_text().replace('path = "ledger.sqlite"', 'path = "state/ledger.sqlite"')
        (folder / "masswork.toml").write_text(cfg)
        name = "state/ledger.sqlite"
    assert_ledger_error(remind(folder), name, "cannot open")


def test_a_read_only_ledger_is_exit_2_and_dry_run_still_reads_it(folder: Path) -> None:
    assert remind(folder).returncode == 0
    with sqlite3.connect(folder / "ledger.sqlite") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with read_only(folder) as ro:
        r = subprocess.run(masswork_cmd("remind", "plan.toml", "schedule.toml", "--as-of", DAYS[1]),
                           cwd=ro, capture_output=True, text=True, timeout=120)
        assert_ledger_error(r, "ledger.sqlite", "cannot be written")
        dry = subprocess.run(masswork_cmd("remind", "plan.toml", "schedule.toml", "--as-of", DAYS[0], "--dry-run",
                                          "--format", "json"), cwd=ro, capture_output=True, text=True, timeout=120)
        assert dry.returncode in (0, 2), dry.stderr
        assert "Traceback" not in dry.stderr
        if dry.returncode == 0:  # SQLite could read it without its -shm: the earlier sends are known
            rows = json.loads(dry.stdout)["reminders"]
            assert rows and all(x["state"] == "already-sent" for x in rows)


# ---------------------------------------------------------------- concurrent runs


class Counting:
    """A receiver counting accepted deliveries by delivery id; refuses a share of requests
    (errcode ≠ 0, so the sender knows it was not taken)."""

    def __init__(self, refuse: float, seed: int) -> None:
        self.accepted: Counter[str] = Counter()
        self.refused = 0
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.refuse = refuse

    def __call__(self, req: Request) -> Answer:
        did = req.headers.get("X-Masswork-Delivery-Id", "")
        time.sleep(0.01)  # a receiver that takes a moment keeps the runs' sends overlapping
        with self.lock:
            if self.rng.random() < self.refuse:
                self.refused += 1
                return 200, "OK", {"errcode": 45009, "errmsg": "busy, try later"}
            self.accepted[did] += 1
        return ok(req)


def expected_ids(folder: Path, day: str) -> set[str]:
    import datetime as dt

    plan = masswork.load_plan(folder / "plan.toml")
    schedule = masswork.load_schedule(folder / "schedule.toml", plan)
    return {delivery_id(delivery_key(r.key, "hook")) for r in reminders(plan, schedule, dt.date.fromisoformat(day))}


@pytest.mark.parametrize("refuse", [0.0, 0.3], ids=["all-accepted", "30%-refused"])
def test_concurrent_remind_processes_send_each_reminder_once(tmp_path: Path, refuse: float) -> None:
    procs_per_round = 4
    receiver = Counting(refuse, seed=int(refuse * 100) + 13)
    runs = 0
    states: Counter[str] = Counter()
    with http_server(receiver) as (base, got):
        write_case(tmp_path, base)
        want: set[str] = set()
        for day in DAYS[1:4]:
            want |= expected_ids(tmp_path, day)
            for _ in range(4 if refuse else 1):  # rounds: refused deliveries are retried by later runs
                procs = [subprocess.Popen(masswork_cmd("remind", "plan.toml", "schedule.toml", "--as-of", day,
                                                       "--format", "json"),
                                          cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                         for _ in range(procs_per_round)]
                for p in procs:
                    out, err = p.communicate(timeout=300)
                    runs += 1
                    assert p.returncode in (0, 1), err
                    assert "Traceback" not in err
                    states.update(row["state"] for row in json.loads(out)["reminders"])
                if set(receiver.accepted) >= want:
                    break
        requests = len(got)
    lost = want - set(receiver.accepted)
    duplicated = {k: n for k, n in receiver.accepted.items() if n > 1}
    print(f"\nconcurrent remind: {runs} processes ({procs_per_round} at a time) over 3 days, "
          f"{len(want)} deliveries due, {requests} requests, {receiver.refused} refused, "
          f"{len(lost)} lost, {len(duplicated)} duplicated; states seen {dict(states)}")
    assert len(want) >= 60
    assert not duplicated
    assert not lost
    assert set(receiver.accepted) == want
    assert states["in-flight"] + states["already-sent"] > 0  # the runs did meet each other's work


def test_a_ledger_on_a_full_disk_is_exit_2_naming_it(tmp_path: Path) -> None:
    from faultfs import small_disk

    with http_server() as (base, got), small_disk(tmp_path, "4m") as small:
        write_case(tmp_path, base)
        cfg = (tmp_path / "masswork.toml").read_text().replace('path = "ledger.sqlite"',
                                                               f'path = "{small / "ledger.sqlite"}"')
        (tmp_path / "masswork.toml").write_text(cfg)
        (small / "filler").write_bytes(b"\0" * (4 * 1024 * 1024 - 8192))
        r = remind(tmp_path)
        assert_ledger_error(r, "ledger.sqlite", "disk is full")
        sent = len(got)
        # room again: the next run delivers the rest, and what the failed run sent but could not
        # record (at most the one delivery in flight: the documented window) is not lost
        (small / "filler").unlink()
        again = remind(tmp_path)
        assert again.returncode == 0, again.stderr
        ids = Counter(req.headers["X-Masswork-Delivery-Id"] for req in got)
        assert set(ids) == expected_ids(tmp_path, DAYS[0])
        assert sum(n - 1 for n in ids.values()) <= 1 and sent <= 1
