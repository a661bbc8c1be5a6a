"""What a broken delivery ledger says: every SQLite or file-system fault met while opening,
reading or writing the ledger becomes one :class:`~masswork.errors.InputError` naming the
file, what is wrong and what to do (exit 2), never a traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError, Problem
from ..i18n import Msg

__all__ = ["ledger_problem", "guarded", "EXPECTED_COLUMNS"]

#: The columns a masswork ledger's ``deliveries`` table has (schema version 1).
EXPECTED_COLUMNS = frozenset({
    "id", "key", "plan", "requirement", "kind", "recipient", "due", "lead", "channel", "state", "attempts",
    "claimed_by", "lease_until", "next_attempt", "last_error", "uncertain", "first_seen", "sent_at", "message"})


def _problem(file: str, what: str, expected: str, **params: object) -> InputError:
    # ``what`` and ``expected`` name messages of the catalogue's ``ledger.`` family.
    return InputError(Problem(msg=Msg.of(f"ledger.{what}", **params), file=file,
                              expected=Msg.of(f"ledger.expected.{expected}")))


def ledger_problem(path: Path | str, exc: BaseException) -> InputError:
    """The error for ``exc`` met on the ledger at ``path``."""
    file = str(path)
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if "readonly" in text or "read-only" in text or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _problem(file, "read_only", "writable")
    if "not a database" in text or "malformed" in text or "encrypted" in text or "no such table" in text \
            or "no such column" in text or "not a masswork ledger" in text:
        return _problem(file, "corrupt", "aside")
    if "locked" in text or "busy" in text:
        return _problem(file, "locked", "later")
    if "full" in text or code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or (
            "disk i/o error" in text and _low_space(Path(path))):
        return _problem(file, "disk_full", "free_space")
    if "disk i/o error" in text:
        return _problem(file, "io_error", "check_disk")
    if "unable to open" in text or isinstance(exc, (IsADirectoryError, NotADirectoryError, FileNotFoundError)):
        return _problem(file, "cannot_open", "path")
    return _problem(file, "failed", "aside", error=str(exc))


def _low_space(path: Path) -> bool:
    """Whether the ledger's file system has under 1 MiB free: SQLite reports a full disk met
    while writing its WAL or shared-memory file as a plain "disk I/O error"."""
    try:
        st = os.statvfs(path.parent if str(path.parent) else ".")
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < (1 << 20)


@contextmanager
def guarded(path: Path | str) -> Iterator[None]:
    """Run a ledger operation; a SQLite or OS fault becomes :func:`ledger_problem`."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise ledger_problem(path, exc) from None
