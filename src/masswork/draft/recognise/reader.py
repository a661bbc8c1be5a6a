"""The clause reader's driver: every unit of an article, sentence by sentence, through the
recognisers in a fixed order (:data:`LOCAL` for each statement, :data:`WHOLE` for each
sentence), then the unit's headings, then what a clause's candidates imply of each other
(:func:`~.settle.settle`).

A sentence cut at semicolons is read part by part by :data:`LOCAL` (a deadline, an order, a
count is stated in one part) and whole by :data:`WHOLE` (a list runs across semicolons). A
heading is read after its body, so that a rule the body states cites the body; a heading
from which nothing else is read still says its subject is done (``(三)開展調查研究``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..clauses import Article, Unit
from ..lexicon import LEXICON, Lexicon, is_foreign
from ..sentences import REQUIREMENT_CUES, Sentence, heads, parts, sentences
from ..text import fold
from . import counts, coverage, events, order, reports, timing
from .context import Context, Recogniser
from .phases import read_phases, unit_phase
from .results import ArticleReading, Candidate, Review
from .settle import settle

__all__ = ["LOCAL", "WHOLE", "read_article"]

#: The recognisers of one statement (a sentence, or a part of it between semicolons), in
#: the order they run, each with whether it also reads a lead paragraph. A lead paragraph
#: sums up its sub-clauses: what it names is required there, not in the lead.
LOCAL: tuple[tuple[Recogniser, bool], ...] = (
    (counts.per_person, True),
    (counts.counts, True),
    (events.exists, False),
    (timing.deadlines, True),
    (order.orders, True),
    (order.meeting_relative, True),
    (order.gates, True),
    (reports.reports, True),
    (timing.durations, True),
    (reports.notices, True),
    (events.attests, True),
    (events.recurring, True),
    (events.quantities, True),
)

#: The recognisers that read lists, which run across semicolons: each reads a whole sentence.
WHOLE: tuple[Recogniser, ...] = (
    counts.pairwise,
    coverage.topics,
    coverage.sources,
    coverage.labelled,
    coverage.sets,
    coverage.spelled_out,
    coverage.each_section,
    coverage.channels,
    coverage.all_of,
    coverage.participants,
)


def read_article(article: Article, units: list[Unit], lexicon: Lexicon = LEXICON) -> ArticleReading:
    """Recognise the requirements of one article."""
    cx = Context(article, lexicon, units)
    read_phases(cx)
    for unit in units:
        _read_unit(cx, unit)
    return cx.out


def _read_unit(cx: Context, unit: Unit) -> None:
    sents = sentences(unit)
    phase = unit_phase(cx, unit)
    before = len(cx.out.candidates)
    prior: list[Sentence] = []
    for s in sents:
        n0 = len(cx.out.candidates)
        if s.heading:
            prior.append(s)
            continue
        for part in parts(s):
            _local(cx, part, prior, lead=unit.lead)
            prior.append(part)
        _whole(cx, s, prior)
        if len(cx.out.candidates) == n0 and REQUIREMENT_CUES.search(s.f):
            cx.out.reviews.append(Review(unit.id, s.text, s.line,
                                         "no rule recognised 未能識別為要求"))
    for s in sents:
        if not s.heading:
            continue
        n0 = len(cx.out.candidates)
        _local(cx, s, prior, lead=unit.lead)
        _whole(cx, s, prior)
        if not unit.lead and len(cx.out.candidates) == n0:
            _from_heading(cx, s)
    new = _specialise(cx, unit, cx.out.candidates[before:])
    for c in new:
        if c.phase is None and not (c.kind == "gate" and c.params.get("before_phase")):
            c.phase = phase
    cx.out.candidates[before:] = settle(new)


def _local(cx: Context, s: Sentence, prior: Sequence[Sentence], *, lead: bool) -> None:
    cx.claimed = set()
    for recognise, in_lead in LOCAL:
        if in_lead or not lead:
            recognise(cx, s, prior)


def _whole(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    for recognise in WHOLE:
        recognise(cx, s, prior)


def _specialise(cx: Context, unit: Unit, cands: list[Candidate]) -> list[Candidate]:
    """A coverage of a generic document (對照檢查材料) in a clause that names its kinds
    (領導班子對照檢查材料, 個人對照檢查材料) applies to each of them."""
    text = fold("\n".join(p.text for p in unit.paragraphs))
    named = {m.id: m.term for m in cx.lex.find(text, ("document",))}
    out: list[Candidate] = []
    for c in cands:
        d = c.params.get("document")
        subs = [t for i, t in named.items() if d and i != d and i.endswith(d)] \
            if c.kind == "coverage" else []
        if c.kind == "per-person" and d and "個人" + d in named:
            subs = [named["個人" + d]]
        if not subs:
            out.append(c)
            continue
        for t in subs:
            refs = [r for r in c.refs if r.id != d] + [cx.ref(t)]
            out.append(attrs.evolve(c, params={**c.params, "document": t.id}, refs=refs))
    return out


_FORM = re.compile(r"附件|参考格式|格式$|样式|模板|样表")


def _from_heading(cx: Context, s: Sentence) -> None:
    """A heading nothing else was read from: the activities and documents it names are done."""
    if _FORM.search(s.f):
        return  # 「附件:1.征求意見表」, 「…報告參考格式」: a form attached, not work to do
    ms = [m for m in cx.lex.find(s.f, ("activity", "document")) if not is_foreign(s.f, m.start)]
    for m in heads(s.f, ms):
        key = "document" if m.category == "document" else "activity"
        cx.cand(s, "occurs", {key: m.id, "min": 1}, 0.6, [cx.ref(m.term)], heading=True)
