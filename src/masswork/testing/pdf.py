"""Reading back a printed PDF in tests, with poppler's ``pdfinfo`` and ``pdftotext``: the
size of each page, the text of one page or of all, the height of every word.

The print tests of the xlsx, docx and html plugins print an export (LibreOffice,
Chromium) and check the paper a clerk gets; these are the readings they share. Each
program is found through :func:`~masswork.testing.cli.require_program` (skipped without
it, failed under CI).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .cli import require_program

__all__ = ["POPPLER_INSTALL", "page_sizes", "page_text", "page_texts", "word_heights"]

POPPLER_INSTALL = "apt-get install -y --no-install-recommends poppler-utils"
_SIZE = re.compile(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)")
_BOX = re.compile(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"')


def _run(program: str, *args: str | Path) -> str:
    proc = subprocess.run([require_program(program, POPPLER_INSTALL), *map(str, args)],
                          capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout.decode("utf-8")


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page (A4 portrait is about 595 × 842)."""
    info = _run("pdfinfo", "-f", "1", "-l", "9999", pdf)
    return [(float(w), float(h)) for w, h in _SIZE.findall(info)]


def page_text(pdf: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The text of page ``page`` (from 1), or of the whole PDF when ``None``."""
    pages: tuple[str, ...] = () if page is None else ("-f", str(page), "-l", str(page))
    return _run("pdftotext", "-enc", "UTF-8", *pages, *(("-layout",) if layout else ()), pdf, "-")


def page_texts(pdf: Path, *, layout: bool = False) -> list[str]:
    """The text of each page, in order."""
    return [page_text(pdf, n, layout=layout) for n in range(1, len(page_sizes(pdf)) + 1)]


def word_heights(pdf: Path) -> list[float]:
    """The height in points of every word's box (a rough measure of the text size)."""
    return [float(b) - float(a) for a, b in _BOX.findall(_run("pdftotext", "-bbox", pdf, "-"))]
