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
_PURPOSE = re.compile(r"特制定|制定本(?:办法|方案|制度|细则|规定)|现(?:作|就|将)[^,;。]{0,12}(?:如下|安排|通知)|"
                      r"如下(?:安排|方案|意见)|^(?:为|为了)[^,;。]{2,40},(?:结合|根据|按照)?[^,;。]{0,20},?(?:特|现)")


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


def statements(unit: Unit) -> Iterator[tuple[Statement, Statement | None]]:
    """Each statement of ``unit``, with the whole sentence when the statement is one part
    of it (a list runs across semicolons: ``下列人員參加:A;B;C``)."""
    heading = unit.headings[0] if unit.headings else ""
    before = ""
    sents = list(sentences(unit))
    for s in sents:
        pieces = list(_chunks(s.text))
        whole = None
        if len(pieces) > 1 and len(s.text) <= MAX_STATEMENT:
            whole = Statement(unit.id, s.text, fold(s.text), s.line, heading, before)
        for k, piece in enumerate(pieces):
            f = fold(piece)
            yield Statement(unit.id, piece, f, s.line, heading, before, alone=len(sents) == 1), \
                whole if k == 0 else None
            before = f


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
        listed = ""  # the sentence whose whole already drafted a list (its parts do not again)
        for st, whole in statements(unit):
            found_all = []
            if whole is not None:
                found_all += [(whole, f) for f in read_statement(whole, year, only=("coverage",))]
                listed = whole.f if found_all else ""
            if _PURPOSE.search(st.f):
                continue  # "為…,特制定本辦法": why the plan exists, not what it requires
            skip = _covered(existing, st) | ({"coverage"} if listed and st.f in listed else set())
            found_all += [(st, f) for f in read_statement(st, year, tuple(skip))]
            for where, found in found_all:
                refs: list[Ref] = []
                params = _ids(found.params, refs)
                roster = found.kind in ("per-person", "pairwise") or bool(params.get("all_sections"))
                added.append(Candidate(unit.id, found.kind, params, where.text, found.confidence,
                                       where.line, refs, roster=roster))
    reading.candidates.extend(added)
    reading.candidates = _implied_dropped(reading.candidates)
    return reading


_GENERAL = ("occurs", "attest")


def _subject(c: Candidate) -> str:
    for key in ("activity", "document", "before_activity"):
        v = c.params.get(key)
        if v:
            return str(v)
    return ""


def _implied_dropped(cands: list[Candidate]) -> list[Candidate]:
    """An occurs rule is implied by a more specific rule on the same thing from the same
    words (a deadline for the meeting requires the meeting): keep the specific one only."""
    specific = {(c.clause, fold(c.quote), _subject(c)) for c in cands if c.kind not in _GENERAL}
    return [c for c in cands
            if c.kind not in _GENERAL or _counted(c)
            or (c.clause, fold(c.quote), _subject(c)) not in specific]


def _counted(c: Candidate) -> bool:
    """An occurs rule that says more than "it happens" (a count, a window, an approval)."""
    p = c.params
    return bool(p.get("within") or p.get("action", "any") != "any" or (p.get("min") or 1) > 1
                or p.get("host") or p.get("attended_by"))
