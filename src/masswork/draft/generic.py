"""The family recognisers (:mod:`masswork.draft.families`) applied to an article: every
statement of every unit (sentences cut at semicolons, and at :data:`MAX_STATEMENT`
characters), each kind a statement states drafted once — unless the clause reader of
:mod:`masswork.draft.recognise` already drafted that kind from the same words.

Prose (a notice, a news-style summary) has no numbered clauses: each sentence becomes a unit
``P3.2`` (paragraph 3, sentence 2), so every requirement still cites where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .clauses import Article, Paragraph, Unit
from .families import MAX_STATEMENT, Statement, read_statement
from .recognise import ArticleReading, Candidate, Ref
from .sentences import sentences
from .text import fold

__all__ = ["extend", "prose_units", "statements"]

_SENT = re.compile(r"[。!?]")


def prose_units(article: Article) -> list[Unit]:
    """One unit per sentence of an article without numbered clauses: ``P{paragraph}.{sentence}``."""
    out: list[Unit] = []
    k = 0
    for p in article.lines:
        if not p.text.strip():
            continue
        k += 1
        m = 0
        for piece in _pieces(p.text):
            m += 1
            out.append(Unit(f"P{k}.{m}", (Paragraph(p.line, piece),), None, ()))
    return out


def _pieces(text: str) -> Iterator[str]:
    f = fold(text)
    pos = 0
    for m in _SENT.finditer(f):
        if text[pos:m.end()].strip():
            yield text[pos:m.end()].strip()
        pos = m.end()
    if text[pos:].strip():
        yield text[pos:].strip()


def _chunks(text: str) -> Iterator[str]:
    """``text`` cut at semicolons, and long pieces at a comma (else hard) every
    :data:`MAX_STATEMENT` characters, so each statement is short."""
    f = fold(text)
    pos = 0
    n = len(text)
    while pos < n:
        end = f.find(";", pos, pos + MAX_STATEMENT)
        if end == -1:
            end = pos + MAX_STATEMENT
            if end < n:
                comma = f.rfind(",", pos + MAX_STATEMENT // 2, end)
                end = comma if comma != -1 else end
            else:
                end = n
        piece = text[pos:end + 1].strip()
        if piece.strip(" ;,"):
            yield piece
        pos = end + 1


def statements(unit: Unit) -> Iterator[Statement]:
    for s in sentences(unit):
        for piece in _chunks(s.text):
            yield Statement(unit.id, piece, fold(piece), s.line)


def _ids(value: Any, refs: list[Ref]) -> Any:
    if isinstance(value, Ref):
        refs.append(value)
        return value.id
    if isinstance(value, list):
        return [_ids(v, refs) for v in value]
    if isinstance(value, dict):
        return {k: _ids(v, refs) for k, v in value.items()}
    return value


def _covered(existing: list[Candidate], st: Statement) -> set[str]:
    out = set()
    fs = fold(st.text)
    for c in existing:
        if c.clause != st.clause:
            continue
        fq = fold(c.quote)
        if fq in fs or fs in fq:
            out.add(c.kind)
    return out


def extend(reading: ArticleReading, units: list[Unit], year: int) -> ArticleReading:
    """Add what the family recognisers find to ``reading`` (in place, and returned)."""
    by_clause: dict[str, list[Candidate]] = {}
    for c in reading.candidates:
        by_clause.setdefault(c.clause, []).append(c)
    added: list[Candidate] = []
    for unit in units:
        existing = by_clause.get(unit.id, [])
        for st in statements(unit):
            skip = _covered(existing, st)
            for found in read_statement(st, year, tuple(skip)):
                refs: list[Ref] = []
                params = _ids(found.params, refs)
                roster = found.kind in ("per-person", "pairwise") or bool(params.get("all_sections"))
                added.append(Candidate(unit.id, found.kind, params, st.text, found.confidence,
                                       st.line, refs, roster=roster))
    reading.candidates.extend(added)
    return reading
