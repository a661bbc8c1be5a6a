"""Atomic writes: every file masswork writes (``export -o``, ``draft -o``, …) is the old file
or the complete new one, whatever happens — a crash, SIGKILL, a full disk.

:func:`write_atomic` writes to a temporary file beside the target, flushes and fsyncs it,
gives it the target's mode, renames it over the target (``os.replace``, atomic on POSIX and
Windows) and fsyncs the folder. The temporary file is named
``.NAME.<pid>.masswork-tmp`` — recognisable, and carrying the writer's process id — so a
writer killed in the window leaves a file that the next write to the same target removes
(when that process no longer runs); nothing else in the folder is touched.

It refuses, as :class:`OutputError` (exit 2, naming the file): a target that is a symbolic
link (``-o`` never replaces a link — not even ``/dev/stdout`` — nor writes through it), a
device, FIFO, socket or folder; a folder that does not exist; and every OS failure on the way
(no permission, read-only file system, disk full, file too large), after removing its
temporary file.

The standard library has no atomic-replace helper (``tempfile`` + ``os.replace`` is the
idiom); the small libraries that wrap it (atomicwrites, now unmaintained) neither refuse
links and devices nor clean up after a kill, which is why this is ours.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .errors import InputError, Problem
from .i18n import Msg

__all__ = ["write_atomic", "OutputError", "temp_name", "stale_temps", "TEMP_SUFFIX"]

TEMP_SUFFIX = ".masswork-tmp"
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.(?P<rand>[0-9a-f]{8})" + re.escape(TEMP_SUFFIX) + "$")


class OutputError(InputError):
    """A file could not be written; the message names it and says why. The old file, if
    any, is unchanged."""


def temp_name(target: Path) -> Path:
    """The temporary file for ``target`` in this process."""
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def stale_temps(target: Path) -> list[Path]:
    """Temporary files left beside ``target`` by writers that no longer run."""
    folder = target.parent if str(target.parent) else Path(".")
    out = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        m = _TEMP.match(name)
        if m and m.group("name") == target.name and not _alive(int(m.group("pid"))):
            out.append(folder / name)
    return out


def _fail(target: Path, what: str, expected: str | None = None, **params: object) -> OutputError:
    # ``what`` and ``expected`` are codes of the catalogue's ``write.`` family.
    return OutputError(Problem(msg=Msg.of(f"write.{what}", **params), file=str(target),
                               expected=Msg.of(f"write.expected.{expected}", **params) if expected else None))


def _os_problem(target: Path, exc: OSError) -> OutputError:
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _fail(target, "disk_full", "free_space")
    if code == errno.EFBIG:
        return _fail(target, "too_big")
    if code == errno.EROFS:
        return _fail(target, "read_only")
    if code in (errno.EACCES, errno.EPERM):
        return _fail(target, "no_permission", "writable")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return _fail(target, "no_folder", "folder")
    if code == errno.EISDIR:
        return _fail(target, "is_folder", "file_name")
    reason = exc.strerror or type(exc).__name__
    return _fail(target, "failed", error=reason)


def _check_target(target: Path) -> None:
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise _fail(target, "no_folder", "create_folder", folder=str(folder)) from None
        return
    except OSError as exc:
        raise _os_problem(target, exc) from None
    if stat.S_ISLNK(st.st_mode):
        raise _fail(target, "is_link", "regular_or_target")
    if stat.S_ISDIR(st.st_mode):
        raise _fail(target, "is_folder", "file_name")
    if not stat.S_ISREG(st.st_mode):
        raise _fail(target, "not_regular", "regular_or_stdout")


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` (text is UTF-8) to ``path``: see the module docstring. Raises
    :class:`OutputError`."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    _check_target(target)
    for old in stale_temps(target):
        try:
            os.unlink(old)
        except OSError:
            pass
    tmp = temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise _os_problem(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # a plain open() would give the umask's mode; a replaced file keeps its own
        try:
            mode = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        _check_target(target)  # nothing swapped in meanwhile (a link planted in the window)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _os_problem(target, exc) from None
        raise
    _sync_folder(target)


def _sync_folder(target: Path) -> None:
    """fsync the folder so the rename itself survives a power cut (POSIX; a no-op elsewhere)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(target.parent if str(target.parent) else ".", os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
