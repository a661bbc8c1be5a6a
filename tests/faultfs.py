"""File-system faults for tests: a read-only folder and a small full file system.

An ordinary user gets a read-only folder from permissions; root ignores permissions, so for
root a tmpfs is mounted and remounted read-only (and a small tmpfs is the full disk). Where
neither works the test is skipped, saying why — the file-size-limit tests (RLIMIT_FSIZE)
cover running out of space everywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(mnt: Path, size: str) -> None:
    mnt.mkdir(exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode(errors='replace').strip()}")


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """A read-only copy of ``folder``'s files (or ``folder`` itself made read-only)."""
    if os.geteuid() != 0:
        modes = {f: f.stat().st_mode for f in folder.iterdir() if f.is_file()}
        for f in modes:
            os.chmod(f, 0o444)
        os.chmod(folder, 0o555)
        try:
            yield folder
        finally:
            os.chmod(folder, 0o755)
            for f, m in modes.items():
                os.chmod(f, m)
        return
    mnt = folder / "ro"
    _mount(mnt, "8m")
    try:
        for f in folder.iterdir():
            if f.is_file():
                shutil.copy2(f, mnt / f.name)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True, capture_output=True)
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@contextmanager
def small_disk(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``folder / "small"`` (root only)."""
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root; the RLIMIT_FSIZE test covers this case")
    mnt = folder / "small"
    _mount(mnt, size)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
