"""CSV ledgers: masswork's own ``csv`` export and the tables clerks save from Excel or WPS
(comma, tab or semicolon separated; UTF-8, UTF-8 with BOM or GB18030, detected and
reported)."""

from __future__ import annotations

import csv
import io

from ..errors import InputError, Problem
from ..i18n import Msg
from ..loaders import syntax
from .base import Reader, ReadInput, ReadResult
from .columns import HEADERS, fold
from .table import Table, read_tables
from .text import decode

__all__ = ["CSV_READER", "looks_like_csv"]

_DELIMITERS = (",", "\t", ";")
_WORDS = {fold(w) for words in HEADERS.values() for w in words}


def _head_text(head: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return head.decode(enc)
        except UnicodeDecodeError as exc:
            # The head may end inside a character; what comes before it decides.
            if exc.start > len(head) - 4:
                return head[: exc.start].decode(enc, errors="ignore")
    return ""


def _delimiter(text: str) -> str:
    for line in text.splitlines()[:20]:
        for d in _DELIMITERS:
            if sum(fold(c) in _WORDS for c in line.split(d)) >= 2:
                return d
    return ","


def looks_like_csv(head: bytes) -> bool:
    """A line among the first 20 names at least two ledger columns, split by a delimiter."""
    text = _head_text(head)
    for line in text.splitlines()[:20]:
        for d in _DELIMITERS:
            if sum(fold(c.strip('"')) in _WORDS for c in line.split(d)) >= 2:
                return True
    return False


def read_csv(inp: ReadInput) -> ReadResult:
    decoded = decode(inp.data, inp.name)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=_delimiter(decoded.text))
    try:
        rows = list(reader)
    except csv.Error as exc:  # a cell over the csv module's field limit, a broken quote
        raise InputError(Problem(msg=Msg.of("read.csv_unreadable", error=syntax.detail(str(exc))),
                                 file=inp.name, line=reader.line_num or None,
                                 expected=Msg.of("read.expected.csv_cells", n=csv.field_size_limit()))) from None
    return read_tables([Table(rows)], inp, "csv", decoded.encoding)


CSV_READER = Reader("csv", (".csv", ".tsv", ".txt"), read_csv, looks_like_csv,
                    media_types=("text/csv", "text/tab-separated-values"),
                    message="describe.reader.csv")
