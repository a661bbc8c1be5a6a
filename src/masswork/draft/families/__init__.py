"""The small recognisers, one module per family of requirement (as :mod:`masswork.kinds` has
one module per family of kind). Each module is a table of :class:`~.base.Row` — a pattern,
the kind it signals and the words it reads — and one ``build`` function that turns a hit
into the kind's parameters, naming things through :mod:`.words`. A new phrase is one row.

=================  =====================================================
module             kinds
=================  =====================================================
:mod:`.events`     occurs, attest
:mod:`.timing`     deadline, duration
:mod:`.relative`   deadline after another event (會後一週內)
:mod:`.sequence`   order, gate
:mod:`.reporting`  report, notice
:mod:`.counting`   per-person, per-unit, recurring, quantity, attendance
:mod:`.talks`      pairwise (tried before :mod:`.lists`)
:mod:`.lists`      coverage, pairwise
:mod:`.logic`      negation, examples, hedges, alternatives (modifiers)
=================  =====================================================

:func:`read_statement` runs every table over one statement, each family on its own, and keeps
every requirement they find that no other one already states: every kind the statement
states (a deadline *and* a quantity *and* a report), and a second requirement of a kind
when another clause of the statement states it of another subject. Each needs its own cue
(the row's match), never what is left over from another; what two kinds read from the same
words is settled by :data:`_EXCLUDES` and :data:`_OVERLAPS`, and an ``occurs`` that a more
specific rule on its subject implies is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from .. import narrative
from ..text import fold
from . import counting, events, lists, relative, reporting, sequence, talks, timing
from .base import ALSO, AT, MAX_STATEMENT, Hit, Params, Row, Statement
from .logic import HEDGE_CONFIDENCE, PERMISSION, hedged, in_means, negated, not_required

__all__ = ["FAMILIES", "Found", "read_statement", "Statement", "Row", "MAX_STATEMENT",
           "all_rows", "named_in_clause", "subject_of"]

Build = Callable[[Statement, Hit, int], "Params | None"]

FAMILIES: tuple[tuple[str, tuple[Row, ...], Build], ...] = (
    ("timing", timing.ROWS + timing.DURATION_ROWS, timing.build),
    ("relative", relative.ROWS, relative.build),
    ("sequence", sequence.ROWS, sequence.build),
    ("reporting", reporting.ROWS, reporting.build),
    ("counting", counting.ROWS, counting.build),
    ("talks", talks.ROWS, talks.build),
    ("lists", lists.ROWS, lists.build),
    ("events", events.ROWS, events.build),
)
"""(family name, its rows, its builder), in the order they are tried."""

PRIORITY = ("gate", "notice", "report", "deadline", "duration", "attendance", "quantity", "recurring",
            "pairwise", "order", "per-unit", "per-person", "coverage", "occurs", "attest")
"""Kinds from the most to the least specific: a statement is drafted as its most specific
kinds; ``occurs`` and ``attest`` only when it states nothing more specific (a deadline for a
meeting already requires the meeting)."""

_PER_KIND = 2
"""At most this many requirements of one kind from one statement, each read in a clause of
its own (between commas) and each about another subject (``10月底前完成自查,11月中旬前接受
檢查``: two deadlines). A statement that names one subject twice states it once."""

_GENERAL = {"occurs", "attest"}
_GENERAL_BESIDE = 2
"""Every specific kind a statement states is kept; an ``occurs`` or ``attest`` only while the
statement has fewer specific requirements than this: beside two specific rules, a plain
event is the words those rules are about read once more (``…擬於3月中旬召開,由…主持`` is a
deadline and a host, not also an event of "活動"), a leftover with no cue of its own."""
_TOLD = ("occurs", "attest", "per-unit", "recurring")
"""The kinds a statement that only tells what was done (:func:`~masswork.draft.narrative.describes`)
does not state: ``近年來,市委堅持每年開展一次…`` and ``各支部普遍開展…,共征求意見200餘條``
hold no event, unit rule or schedule to check."""

_EXCLUDES = (("attendance", "quantity"), ("quantity", "recurring"), ("quantity", "duration"),
             ("notice", "report"), ("notice", "order"))
"""(a, b): when a statement states ``a`` its ``b`` is the same words read again
(``每年不少於32學時`` is a quantity, not a recurring event). A quantity that measures a
recorded amount (字數, 到會率) reads no time words, so it excludes nothing: 每兩個月1期…
到會率不低於90% is a recurring event and a quorum."""
_OVERLAPS = (("duration", "deadline"),)
"""(a, b): ``b`` read from words inside ``a``'s is the same words read again (the dates of a
span ``自5月下旬起,到7月上旬止`` are not a deadline)."""

_TRIES = 3
"""A row tries its first few matches in a statement only: a statement that repeats a phrase
does not say more by repeating it, and the bound keeps reading linear."""

_NEGATABLE = {"occurs", "per-person", "per-unit", "recurring", "notice", "report", "pairwise"}


@attrs.frozen
class Found:
    """One requirement a row found: kind, parameters (things named as
    :class:`~masswork.draft.recognise.Ref`), confidence and the row."""

    kind: str
    params: Params
    confidence: float
    row: Row
    span: tuple[int, int] = (0, 0)


def all_rows() -> list[Row]:
    """Every row of every family, for docs and tests."""
    return [r for _, rs, _ in FAMILIES for r in rs]


def read_statement(st: Statement, year: int, skip: Sequence[str] = (),
                   only: Sequence[str] = ()) -> list[Found]:
    """The requirements one statement states — every kind it states, at most
    :data:`_PER_KIND` of a kind (each in a clause of its own, about another subject) —
    kinds in ``skip`` left out (another recogniser already drafted them); only kinds in
    ``only`` if given."""
    out: dict[str, list[Found]] = {}
    if narrative.describes(st.f):
        skip = (*skip, *_TOLD)  # what a unit has done or what came of it: no event required
    may = PERMISSION.search(st.f) is not None
    for _name, table, build in FAMILIES:
        for row in table:
            if row.kind in skip or (only and row.kind not in only):
                continue
            if may and row.kind in _GENERAL:
                continue
            if row.unless is not None and row.unless.search(st.f):
                continue
            have = out.setdefault(row.kind, [])
            hits = [m for _, m in zip(range(_TRIES), row.pattern.finditer(st.f))]
            apart = len({_clause_at(st.f, m.start()) for m in hits}) > 1
            for m in hits:
                if len(have) >= _PER_KIND:
                    break
                if any(_same_clause(st.f, m.start(), x.span[0]) for x in have):
                    continue  # this clause's requirement of the kind is read; another clause may state one more
                if row.kind in _NEGATABLE and (negated(st.f, m.start()) or in_means(st.f, m.start())
                                               or not_required(st.f, m.start())):
                    continue
                # the first reads the whole statement (its subject often stands first, the
                # topic of every clause); one more, in another clause, names its own subject there
                if not have:
                    params = build(st, Hit(row, m), year)
                    if apart and _belongs_elsewhere(st.f, m, hits, params):
                        own = _in_clause(st, row, m, year, build)  # 6月底前召開X,7月15日前報送Y: X by June
                        params = own if named_in_clause(st.f, m.start(), own) else params
                elif apart:
                    params = _in_clause(st, row, m, year, build)
                    params = params if named_in_clause(st.f, m.start(), params) else None
                else:
                    params = None
                if params is None or _subject(params) in {_subject(p) for x in have
                                                          for p in (x.params, *x.params.get(ALSO, ()))}:
                    continue
                conf = min(row.confidence, HEDGE_CONFIDENCE) if hedged(st.f, m.start()) else row.confidence
                have.append(Found(row.kind, params, conf, row, m.span()))
                if not apart:
                    break
    found = sorted((x for xs in out.values() for x in xs), key=lambda x: PRIORITY.index(x.kind))
    for a, b in _EXCLUDES:
        if any(x.kind == a and not x.params.get("measure") for x in found):
            found = [x for x in found if x.kind != b]
    for a, b in _OVERLAPS:
        spans = [x.span for x in found if x.kind == a]
        found = [x for x in found
                 if x.kind != b or not any(s0 < x.span[1] and x.span[0] < s1 for s0, s1 in spans)]
    named = {_subject(x.params) for x in found if x.kind not in _GENERAL}
    found = [x for x in found if x.kind not in _GENERAL or _subject(x.params) not in named
             or x.params.get("action", "any") != "any" or x.params.get("host")
             or (x.params.get("min") or 1) > 1]  # says more: who hosts, how many times
    specific = [x for x in found if x.kind not in _GENERAL]
    found = specific + [x for x in found if x.kind in _GENERAL][:max(0, _GENERAL_BESIDE - len(specific))]
    return [y for x in found for y in _joined(x, st)]


def _joined(x: Found, st: Statement) -> list[Found]:
    """One found requirement, and one more for each activity joined to it by 和/及
    (``召開支委會和黨員大會``: two meetings, two requirements); a build names them in
    ``ALSO``."""
    also = x.params.get(ALSO)
    if not also:
        return [x]
    first = {k: v for k, v in x.params.items() if k != ALSO}
    out = [attrs.evolve(x, params=first)]
    for p in also:
        at = p.pop(AT, None)
        conf = x.confidence
        if at is not None:
            conf = min(x.row.confidence, HEDGE_CONFIDENCE) if hedged(st.f, at) else x.row.confidence
        out.append(attrs.evolve(x, params=p, confidence=conf))
    return out


def _subject(params: Params) -> str:
    for key in ("activity", "document", "before_activity"):
        v = params.get(key)
        if v is not None:
            return str(getattr(v, "id", v))
    return ""


_CLAUSE_CUT = re.compile(r"[,;:]")


def _same_clause(f: str, a: int, b: int) -> bool:
    """Whether positions ``a`` and ``b`` of ``f`` stand in one clause (between commas)."""
    lo, hi = min(a, b), max(a, b)
    return _CLAUSE_CUT.search(f, lo, hi) is None


def _clause_at(f: str, at: int) -> tuple[int, int]:
    """[start, end) of the clause (between commas, semicolons, colons) holding position ``at``."""
    a = max((m.end() for m in _CLAUSE_CUT.finditer(f, 0, at)), default=0)
    b = _CLAUSE_CUT.search(f, at)
    return a, b.start() if b else len(f)


def subject_of(params: Params) -> Any:
    """What a requirement is about: its activity, document or the activity a gate holds."""
    return next((params[k] for k in ("activity", "document", "before_activity") if params.get(k)), None)


def named_in_clause(f: str, at: int, params: Params | None) -> bool:
    """Whether the subject ``params`` name stands in the clause holding ``at``."""
    if params is None:
        return False
    a, b = _clause_at(f, at)
    v = subject_of(params)
    name = fold(str(getattr(v, "name", v))) if v is not None else ""
    return bool(name) and name in f[a:b]


def _belongs_elsewhere(f: str, m: re.Match[str], hits: list[re.Match[str]], params: Params | None) -> bool:
    """Whether the subject ``params`` name stands not in ``m``'s clause but in the clause of
    another hit of the same row: it is the other requirement's subject."""
    if params is None or named_in_clause(f, m.start(), params):
        return False
    return any(named_in_clause(f, h.start(), params) for h in hits if h is not m)


def _in_clause(st: Statement, row: Row, m: re.Match[str], year: int, build: Build) -> Params | None:
    """``row``'s reading of its hit ``m`` in the clause that holds it alone, so that the
    subject it names is that clause's (``5月底前完成自查,6月中旬前召開總結大會``: 自查 by the
    end of May, the meeting by mid-June), or None."""
    a, b = _clause_at(st.f, m.start())
    if m.end() > b:
        return None
    part = Statement(st.clause, st.text[a:b], st.f[a:b], st.line, st.heading, st.before)
    again = row.pattern.search(part.f, m.start() - a)
    if again is None or again.start() != m.start() - a:
        return None
    return build(part, Hit(row, again), year)
