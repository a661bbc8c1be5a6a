"""Making schedule text safe for a workbook cell, and measuring it.

Schedule text is hostile until proven otherwise. Two things can go wrong in an xlsx file:

* characters XML 1.0 forbids (NUL and the other C0 controls except tab, LF and CR;
  U+FFFE, U+FFFF) make openpyxl raise ``IllegalCharacterError`` or, where it does not
  check, produce a file Excel refuses — they are removed;
* text a spreadsheet would run as a formula (starting with ``= + - @``, tab or CR) — it is
  prefixed with an apostrophe, as :func:`masswork.builtin.exporters.safe_cell` does for CSV,
  so the cell reads the same in the xlsx file and in any CSV a program later makes from it.

The workbook writer (:mod:`masswork_xlsx.workbook`) also stores every string with
``data_type = "s"`` explicitly: openpyxl would otherwise turn ``"=…"`` into a formula and
``"#N/A"`` into an error cell.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from masswork.builtin.exporters import safe_cell

__all__ = ["XML_ILLEGAL", "MAX_CELL", "strip_illegal", "safe_text", "display_width"]

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters an XML 1.0 document cannot hold (tab, LF and CR are allowed)."""

MAX_CELL = 32767
"""Excel's limit on the characters in one cell."""


def strip_illegal(value: Any) -> str:
    """``value`` as text without XML-illegal characters."""
    text = "" if value is None else str(value)
    return XML_ILLEGAL.sub("", text)


def safe_text(value: Any) -> str:
    """Cell text: XML-illegal characters removed, then a leading formula character
    neutralised with an apostrophe, then cut to Excel's cell limit."""
    return safe_cell(strip_illegal(value))[:MAX_CELL]


def display_width(text: str) -> int:
    """Columns the widest line of ``text`` takes in a spreadsheet: East Asian wide and
    full-width characters count 2, combining marks 0, everything else 1."""
    best = 0
    for line in text.splitlines() or [""]:
        width = 0
        for ch in line:
            if unicodedata.combining(ch):
                continue
            width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        best = max(best, width)
    return best
