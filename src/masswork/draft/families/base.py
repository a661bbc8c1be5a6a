"""The shape every family of requirement shares: a :class:`Row` is one phrase the reader
knows (a regular expression on folded text, the kind it signals, the words it reads and how
sure it is), a :class:`Statement` is one statement of the plan being read, and a
:class:`Hit` is what a row found in it.

The patterns are bounded (``{0,12}``, no nested repetition), and every statement is short
(:data:`MAX_STATEMENT` characters at most), so reading is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ..clauses import cn_number
from ..lexicon import LEXICON, Match, is_foreign
from ..sentences import low_end, strip_marks

__all__ = ["Row", "Hit", "Statement", "Params", "MAX_STATEMENT", "ALSO", "AT", "CN", "NUMBER", "number",
           "rows", "low_end"]

ALSO = "_also"
"""A build's parameters may list, under this key, the parameters of more requirements of the
same kind the same words state (two activities joined by 和)."""

AT = "_at"
"""… each of them may give, under this key, where its words stand (for the hedge that governs it)."""

MAX_STATEMENT = 400
"""A statement longer than this is cut at a comma (or hard) before it is read."""

CN = "一二两三四五六七八九十百"
NUMBER = rf"(?:\d+|[{CN}]+)"
"""A count, in digits or Chinese numerals."""

Params = dict[str, Any]


def number(tok: str | None) -> int | None:
    """``3`` / ``三`` / ``两`` / ``十二`` → int; None for anything else."""
    if not tok:
        return None
    if tok.isdigit():
        return int(tok)
    return cn_number(tok.replace("两", "二"))


@attrs.frozen
class Row:
    """One phrase of a family: ``pattern`` (folded text) signals a requirement of ``kind``;
    ``reads`` says in words what the row understands (docs/draft.md lists them);
    ``confidence`` is how sure a hit is; ``unless`` (a pattern on the whole statement)
    vetoes the row."""

    kind: str
    pattern: re.Pattern[str]
    reads: str
    confidence: float = 0.7
    unless: re.Pattern[str] | None = None


def rows(kind: str, table: Sequence[tuple[str, str] | tuple[str, str, float]],
         unless: str | None = None) -> tuple[Row, ...]:
    """Rows of one kind from ``(pattern, reads[, confidence])`` tuples."""
    veto = re.compile(unless) if unless else None
    out = []
    for t in table:
        conf = t[2] if len(t) == 3 else 0.7
        out.append(Row(kind, re.compile(t[0]), t[1], float(conf), veto))
    return tuple(out)


@attrs.frozen
class Hit:
    """A row that matched a statement, at [start, end) of the folded text."""

    row: Row
    match: re.Match[str]

    @property
    def kind(self) -> str:
        return self.row.kind


@attrs.define
class Statement:
    """One statement: its clause id, original text, folded text (same length), line, and
    the heading of its clause (for a date that names no subject, ``(5月25日前)``), the
    statement before it in the clause (folded; what ``隨後`` / ``然後`` follow), the
    lexicon terms found in it (computed once), and whether it is its clause's only sentence
    (a heading with nothing under it states the work itself)."""

    clause: str
    text: str
    f: str
    line: int
    heading: str = ""
    before: str = ""
    _terms: list[Match] | None = None
    alone: bool = False

    def terms(self, *cats: str) -> list[Match]:
        if self._terms is None:
            self._terms = LEXICON.find(self.f)
        return [m for m in self._terms if not cats or m.category in cats
                if not (m.category in ("activity", "document") and is_foreign(self.f, m.start))]

    def words(self, a: int, b: int) -> str:
        """The original words of [a, b), without quote marks and spaces."""
        return strip_marks(self.text[a:b])


Builder = Callable[[Statement, Hit], "Params | None"]
