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

__all__ = ["ledger_problem", "guarded", "EXPECTED_COLUMNS"]

#: The columns a masswork ledger's ``deliveries`` table has (schema version 1).
EXPECTED_COLUMNS = frozenset({
    "id", "key", "plan", "requirement", "kind", "recipient", "due", "lead", "channel", "state", "attempts",
    "claimed_by", "lease_until", "next_attempt", "last_error", "uncertain", "first_seen", "sent_at", "message"})

_ASIDE = ("move it aside and run again: a new ledger is created (what the old one recorded as sent "
          "may then be sent again) 移走後重新運行將新建台賬(已發送的可能再發一次)")


def ledger_problem(path: Path | str, exc: BaseException) -> InputError:
    """The error for ``exc`` met on the ledger at ``path``."""
    file = str(path)
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if "readonly" in text or "read-only" in text or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return InputError(Problem(
            "送達台賬不可寫(只讀文件、文件夾或文件系統)",
            "the delivery ledger cannot be written (a read-only file, folder or file system)",
            file=file, expected="a writable file and folder: SQLite also writes FILE-wal and FILE-shm beside it; "
                                "or --dry-run, which only reads it"))
    if "not a database" in text or "malformed" in text or "encrypted" in text or "no such table" in text \
            or "no such column" in text or "not a masswork ledger" in text:
        return InputError(Problem("送達台賬已損壞,或不是 masswork 的台賬",
                                  "the delivery ledger is corrupt or not a masswork ledger",
                                  file=file, expected=_ASIDE))
    if "locked" in text or "busy" in text:
        return InputError(Problem("送達台賬被另一進程鎖住超過 30 秒",
                                  "the delivery ledger stayed locked by another process for 30 s",
                                  file=file, expected="run again when the other `masswork remind` has finished"))
    if "full" in text or code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or (
            "disk i/o error" in text and _low_space(Path(path))):
        return InputError(Problem("磁盤已滿,無法寫入送達台賬", "the disk is full: the delivery ledger cannot be written",
                                  file=file, expected="free some space and run again"))
    if "disk i/o error" in text:
        return InputError(Problem("讀寫送達台賬時磁盤出錯", "a disk I/O error on the delivery ledger",
                                  file=file, expected="check the disk and its free space, then run again"))
    if "unable to open" in text or isinstance(exc, (IsADirectoryError, NotADirectoryError, FileNotFoundError)):
        return InputError(Problem("無法打開送達台賬(路徑不是文件,或文件夾無法創建)",
                                  "cannot open the delivery ledger (the path is not a file, or its folder "
                                  "cannot be created)", file=file, expected="a path to a file in a writable folder"))
    return InputError(Problem(f"送達台賬出錯: {exc}", f"the delivery ledger failed: {exc}", file=file,
                              expected=_ASIDE))


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
