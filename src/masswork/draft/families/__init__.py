"""The small recognisers, one module per family of requirement (as :mod:`masswork.kinds` has
one module per family of kind). Each module is a table of :class:`~.base.Row` — a pattern,
the kind it signals and the words it reads — and one ``build`` function that turns a hit
into the kind's parameters, naming things through :mod:`.words`. A new phrase is one row.

=================  =====================================================
module             kinds
=================  =====================================================
:mod:`.events`     occurs, attest
:mod:`.timing`     deadline, duration
:mod:`.sequence`   order, gate
:mod:`.reporting`  report, notice
:mod:`.counting`   per-person, per-unit, recurring, quantity, attendance
:mod:`.talks`      pairwise (tried before :mod:`.lists`)
:mod:`.lists`      coverage, pairwise
:mod:`.logic`      negation, examples, hedges, alternatives (modifiers)
=================  =====================================================

:func:`read_statement` runs every table over one statement and returns at most one
requirement per kind (the first row of the kind that both matches and builds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .. import narrative
from . import counting, events, lists, reporting, sequence, talks, timing
from .base import ALSO, AT, MAX_STATEMENT, Hit, Params, Row, Statement
from .logic import HEDGE_CONFIDENCE, PERMISSION, hedged, in_means, negated, not_required

__all__ = ["FAMILIES", "Found", "read_statement", "Statement", "Row", "MAX_STATEMENT",
           "all_rows"]

Build = Callable[[Statement, Hit, int], "Params | None"]

FAMILIES: tuple[tuple[str, tuple[Row, ...], Build], ...] = (
    ("timing", timing.ROWS + timing.DURATION_ROWS, timing.build),
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

MAX_KINDS = int(__import__("os").environ.get("MASSWORK_DRAFT_MAX_KINDS", "2"))
"""At most this many requirements from one statement."""

_GENERAL = {"occurs", "attest"}
_TOLD = ("occurs", "attest", "per-unit", "recurring")
"""The kinds a statement that only tells what was done (:func:`~masswork.draft.narrative.describes`)
does not state: ``近年來,市委堅持每年開展一次…`` and ``各支部普遍開展…,共征求意見200餘條``
hold no event, unit rule or schedule to check."""

_EXCLUDES = (("attendance", "quantity"), ("quantity", "recurring"), ("quantity", "duration"),
             ("notice", "report"), ("notice", "order"))
_OVERLAPS = (("duration", "deadline"),)
"""(a, b): ``b`` read from words inside ``a``'s is the same words read again (the dates of a
span ``自5月下旬起,到7月上旬止`` are not a deadline)."""
"""(a, b): when a statement states ``a`` its ``b`` is the same words read again
(``每年不少於32學時`` is a quantity, not a recurring event)."""

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
    """The requirements one statement states, at most one per kind, kinds in ``skip``
    left out (another recogniser already drafted them); only kinds in ``only`` if given."""
    out: dict[str, Found] = {}
    if narrative.describes(st.f):
        skip = (*skip, *_TOLD)  # what a unit has done or what came of it: no event required
    may = PERMISSION.search(st.f) is not None
    for _name, table, build in FAMILIES:
        for row in table:
            if row.kind in out or row.kind in skip or (only and row.kind not in only):
                continue
            if may and row.kind in _GENERAL:
                continue
            if row.unless is not None and row.unless.search(st.f):
                continue
            for tries, m in enumerate(row.pattern.finditer(st.f)):
                if tries >= _TRIES:
                    break
                if row.kind in _NEGATABLE and (negated(st.f, m.start()) or in_means(st.f, m.start())
                                               or not_required(st.f, m.start())):
                    continue
                params = build(st, Hit(row, m), year)
                if params is None:
                    continue
                conf = min(row.confidence, HEDGE_CONFIDENCE) if hedged(st.f, m.start()) else row.confidence
                out[row.kind] = Found(row.kind, params, conf, row, m.span())
                break
    found = sorted(out.values(), key=lambda x: PRIORITY.index(x.kind))
    for a, b in _EXCLUDES:
        if any(x.kind == a for x in found):
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
    kept = (specific[:MAX_KINDS] + [x for x in found if x.kind in _GENERAL])[:MAX_KINDS]
    return [y for x in kept for y in _joined(x, st)]


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
