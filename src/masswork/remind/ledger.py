"""The delivery ledger (送達台賬): a SQLite file that makes each reminder reach each channel
once, across runs, failures and crashes.

A delivery is keyed by the reminder's :attr:`~masswork.remind.Reminder.key` plus the channel
name: (plan, requirement, kind, recipient, due date, lead, channel). Its row moves through

``sending`` (claimed) → ``sent``, or ``sending`` → ``failed`` → ``sending`` → … → ``sent``.

Every state change is one SQLite transaction (``BEGIN IMMEDIATE`` … ``COMMIT``; WAL journal,
``synchronous=FULL``), so a process killed at any instant leaves the file in the state of its
last committed change. :func:`masswork.remind.dispatch.dispatch` runs, for each delivery:

1. **claim** — in one transaction: skip a row that is ``sent``; skip one another process
   holds (``sending`` with an unexpired lease); skip a ``failed`` row whose retry time has
   not come (backoff); otherwise mark it ``sending`` with our claim id and a lease, and
   count the attempt. Committed *before* anything is sent.
2. **send** through the channel.
3. **commit the outcome** right after the channel returns: ``sent``, or ``failed`` with the
   error and the next retry time (``backoff_seconds`` × 2^(attempts−1), at most
   ``backoff_max_seconds``).

Guarantees, honestly:

* **Nothing is lost.** A failed delivery stays due and is retried on a later run (after
  its backoff). A process killed after claiming leaves a ``sending`` row whose lease
  expires (``lease_seconds``; at once when the claimant was a process on this machine that
  no longer exists), and a later run claims it again.
* **Nothing is sent twice, except in one window.** A delivery recorded ``sent`` is never
  sent again; two processes never hold the same claim. The remaining at-least-once window
  is between a channel accepting a message and step 3's commit: a process killed there —
  or a send whose answer never came back (a timeout after the server took the message) —
  leaves a row that is not ``sent``, and the later retry sends it again. The window is
  kept small: the commit is the very next thing after the send, each send has a timeout
  far shorter than the lease, and every send carries a stable delivery id
  (:func:`delivery_id`: the e-mail ``Message-ID``, the ``X-Masswork-Delivery-Id`` header and
  ``delivery_id`` field of the generic webhook) so a receiver can drop the repeat. Rows
  retried after such an unknown outcome are marked ``uncertain`` in the ledger.

``--dry-run`` never opens the ledger for writing: it sends and records nothing (an existing
ledger is read, to tell what was already sent).

Public path: ``masswork.ledger`` (an alias re-exporting this module and the dispatch names).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import MassworkError
from .ledger_faults import EXPECTED_COLUMNS, guarded, ledger_problem
from .redact import redact

__all__ = [
    "Ledger",
    "LedgerRow",
    "Claim",
    "Skip",
    "delivery_key",
    "delivery_id",
    "DEFAULT_LEASE_SECONDS",
    "DEFAULT_BACKOFF_SECONDS",
    "DEFAULT_BACKOFF_MAX_SECONDS",
]

DEFAULT_LEASE_SECONDS = 600.0
DEFAULT_BACKOFF_SECONDS = 60.0
DEFAULT_BACKOFF_MAX_SECONDS = 6 * 3600.0

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    id           TEXT PRIMARY KEY,             -- delivery_id(key)
    key          TEXT NOT NULL UNIQUE,         -- JSON array: plan, requirement, kind, recipient, due, lead, channel
    plan         TEXT NOT NULL,
    requirement  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    due          TEXT NOT NULL,
    lead         TEXT NOT NULL,
    channel      TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    claimed_by   TEXT,
    lease_until  REAL,
    next_attempt REAL,
    last_error   TEXT,
    uncertain    INTEGER NOT NULL DEFAULT 0,   -- retried after an attempt whose outcome is unknown
    first_seen   REAL NOT NULL,
    sent_at      REAL,
    message      TEXT
);
CREATE INDEX IF NOT EXISTS deliveries_state ON deliveries (state);
"""

Key = tuple[str, ...]


def delivery_key(reminder_key: Sequence[str], channel: str) -> Key:
    """The ledger's key: the reminder's key and the channel name."""
    return (*reminder_key, channel)


def delivery_id(key: Sequence[str]) -> str:
    """A stable id for a delivery (32 hex digits), the same on every retry."""
    raw = json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))
    # surrogatepass: a lone surrogate from a JSON plan still gets its own id
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _storable(text: str) -> str:
    """``text`` as SQLite can store it (UTF-8): a lone surrogate becomes U+FFFD."""
    return text.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in text) else text


@attrs.frozen
class LedgerRow:
    """One delivery as recorded."""

    id: str
    key: Key
    state: str
    attempts: int
    claimed_by: str | None
    lease_until: float | None
    next_attempt: float | None
    last_error: str | None
    uncertain: bool
    sent_at: float | None


@attrs.frozen
class Claim:
    """The right to send one delivery, held until ``lease_until``."""

    id: str
    key: Key
    token: str
    attempt: int
    uncertain: bool = False


@attrs.frozen
class Skip:
    """Why a delivery was not attempted: ``already-sent``, ``in-flight`` (another process holds
    it) or ``deferred`` (waiting for its retry time)."""

    state: str
    row: LedgerRow


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


class Ledger:
    """The delivery ledger in the SQLite file ``path`` (created with its folder if missing).

    ``clock`` gives the time in seconds (tests pass a fake one). ``lease_seconds`` is how long
    a claim protects a delivery in flight; ``backoff_seconds`` and ``backoff_max_seconds`` set
    the wait before retrying a failed delivery.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        clock: Callable[[], float] = time.time,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        backoff_seconds: float = DEFAULT_BACKOFF_SECONDS,
        backoff_max_seconds: float = DEFAULT_BACKOFF_MAX_SECONDS,
        readonly: bool = False,
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.lease_seconds = float(lease_seconds)
        self.backoff_seconds = float(backoff_seconds)
        self.backoff_max_seconds = float(backoff_max_seconds)
        self.readonly = readonly
        self.host = socket.gethostname()
        self.token = f"{self.host}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        try:
            if readonly:
                self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30,
                                           isolation_level=None)
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
                self._check_schema(missing_ok=True)  # refuse a foreign file before writing to it
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                self._init()
            self._check_schema()
        except (sqlite3.Error, OSError) as exc:
            raise ledger_problem(self.path, exc) from None

    @classmethod
    def open_existing(cls, path: str | Path, **kw: Any) -> Ledger | None:
        """The ledger at ``path`` opened read-only, or None when there is none (dry runs)."""
        if not Path(path).exists():
            return None
        return cls(path, readonly=True, **kw)

    def _init(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > _SCHEMA_VERSION:
            raise MassworkError(f"ledger {self.path} has schema version {version}; this masswork knows "
                                f"{_SCHEMA_VERSION} (送達台賬版本過新)")
        self._db.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version = {_SCHEMA_VERSION};COMMIT;")

    def _check_schema(self, missing_ok: bool = False) -> None:
        # reading the table list reads the header: a file that is not SQLite fails here
        cols = {str(r[1]) for r in self._db.execute("PRAGMA table_info(deliveries)")}
        if (cols or not missing_ok) and not EXPECTED_COLUMNS <= cols:
            raise sqlite3.DatabaseError("not a masswork ledger (its deliveries table has other columns)")

    def close(self) -> None:
        with guarded(self.path):
            self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions

    class _Tx:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
            if exc_type is None:
                self.db.execute("COMMIT")
            elif self.db.in_transaction:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the first error is the one to report

    def _tx(self) -> Ledger._Tx:
        return Ledger._Tx(self._db)

    # -- reading

    def row(self, key: Sequence[str]) -> LedgerRow | None:
        with guarded(self.path):
            return self._row_of(key)

    def _row_of(self, key: Sequence[str]) -> LedgerRow | None:
        cur = self._db.execute(
            "SELECT id, key, state, attempts, claimed_by, lease_until, next_attempt, last_error, uncertain,"
            " sent_at FROM deliveries WHERE id = ?", (delivery_id(key),))
        r = cur.fetchone()
        return _row(r) if r else None

    def rows(self, state: str | None = None) -> list[LedgerRow]:
        with guarded(self.path):
            return self._rows(state)

    def _rows(self, state: str | None) -> list[LedgerRow]:
        sql = ("SELECT id, key, state, attempts, claimed_by, lease_until, next_attempt, last_error, uncertain,"
               " sent_at FROM deliveries")
        args: tuple[Any, ...] = ()
        if state is not None:
            sql += " WHERE state = ?"
            args = (state,)
        return [_row(r) for r in self._db.execute(sql + " ORDER BY first_seen, id", args)]

    def counts(self) -> dict[str, int]:
        out = {"sending": 0, "sent": 0, "failed": 0}
        with guarded(self.path):
            for state, n in self._db.execute("SELECT state, COUNT(*) FROM deliveries GROUP BY state"):
                out[str(state)] = int(n)
        return out

    # -- state changes (each one transaction)

    def _expired(self, row: LedgerRow, now: float) -> bool:
        if row.lease_until is not None and row.lease_until <= now:
            return True
        parts = (row.claimed_by or "").split(":")
        if len(parts) == 3 and parts[0] == self.host and parts[1].isdigit():
            pid = int(parts[1])
            return pid != os.getpid() and not _alive(pid)
        return False

    def claim(self, key: Sequence[str], message: str = "") -> Claim | Skip:
        """Claim a delivery, or say why not (see the module docstring)."""
        if self.readonly:
            raise MassworkError("the ledger is open read-only (dry run)")
        key = tuple(key)
        did = delivery_id(key)
        now = self.clock()
        with guarded(self.path), self._tx() as db:
            r = db.execute(
                "SELECT id, key, state, attempts, claimed_by, lease_until, next_attempt, last_error, uncertain,"
                " sent_at FROM deliveries WHERE id = ?", (did,)).fetchone()
            if r is None:
                fields = list(key) + [""] * max(0, 7 - len(key))
                db.execute(
                    "INSERT INTO deliveries (id, key, plan, requirement, kind, recipient, due, lead, channel,"
                    " state, attempts, claimed_by, lease_until, first_seen, message)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', 1, ?, ?, ?, ?)",
                    (did, json.dumps(list(key), ensure_ascii=True), *map(_storable, fields[:6]),
                     _storable(fields[-1]), self.token, now + self.lease_seconds, now, _storable(message)))
                return Claim(did, key, self.token, 1)
            row = _row(r)
            if row.state == "sent":
                return Skip("already-sent", row)
            uncertain = False
            if row.state == "sending":
                if not self._expired(row, now):
                    return Skip("in-flight", row)
                uncertain = True  # the claimant died: its send may or may not have happened
            elif row.next_attempt is not None and row.next_attempt > now:
                return Skip("deferred", row)
            attempt = row.attempts + 1
            db.execute(
                "UPDATE deliveries SET state = 'sending', attempts = ?, claimed_by = ?, lease_until = ?,"
                " uncertain = uncertain OR ?, message = ? WHERE id = ?",
                (attempt, self.token, now + self.lease_seconds, int(uncertain), _storable(message), did))
            return Claim(did, key, self.token, attempt, uncertain)

    def succeed(self, claim: Claim) -> None:
        """Record a delivery as sent (whoever holds the claim now: the message is out)."""
        now = self.clock()
        with guarded(self.path), self._tx() as db:
            db.execute(
                "UPDATE deliveries SET state = 'sent', sent_at = ?, claimed_by = NULL, lease_until = NULL,"
                " next_attempt = NULL, last_error = NULL WHERE id = ?", (now, claim.id))

    def fail(self, claim: Claim, error: str, *, uncertain: bool = False) -> float:
        """Record a failed attempt; returns the time of the next retry. A later claim by
        someone else (our lease ran out) is left alone. ``error`` should already be redacted
        with the channel's secrets (:func:`~masswork.remind.dispatch.dispatch` does it); the
        patterns of :func:`~masswork.remind.redact.redact` are applied again here."""
        now = self.clock()
        wait = min(self.backoff_seconds * (2 ** max(0, claim.attempt - 1)), self.backoff_max_seconds)
        with guarded(self.path), self._tx() as db:
            db.execute(
                "UPDATE deliveries SET state = 'failed', claimed_by = NULL, lease_until = NULL,"
                " next_attempt = ?, last_error = ?, uncertain = uncertain OR ?"
                " WHERE id = ? AND state = 'sending' AND claimed_by = ?",
                (now + wait, _storable(redact(error)[:2000]), int(uncertain), claim.id, claim.token))
        return float(now + wait)


def _row(r: Sequence[Any]) -> LedgerRow:
    return LedgerRow(id=r[0], key=tuple(json.loads(r[1])), state=r[2], attempts=int(r[3]), claimed_by=r[4],
                     lease_until=r[5], next_attempt=r[6], last_error=r[7], uncertain=bool(r[8]), sent_at=r[9])
