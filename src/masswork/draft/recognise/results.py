"""What the clause reader hands on: the references a requirement names (:class:`Ref`), the
requirements drafted from sentences (:class:`Candidate`), the sentences left for a person
(:class:`Review`) and all of it for one article (:class:`ArticleReading`). The family
recognisers (:mod:`masswork.draft.families`) and the plan builder
(:mod:`masswork.draft.build`) read and extend these."""

from __future__ import annotations

from typing import Any

import attrs

from ..clauses import Article

__all__ = ["Ref", "Candidate", "Review", "ArticleReading"]


@attrs.frozen
class Ref:
    """Something a requirement names, to be declared in the plan: a lexicon term
    (``known``) or words of the plan the lexicon does not know (a placeholder)."""

    id: str
    category: str
    name: str
    name_en: str = ""
    known: bool = True
    includes: tuple[str, ...] = ()
    parent: str | None = None


@attrs.define
class Candidate:
    """A requirement as drafted from one sentence."""

    clause: str
    kind: str
    params: dict[str, Any]
    quote: str
    confidence: float
    line: int
    refs: list[Ref] = attrs.field(factory=list)
    responsible: list[str] = attrs.field(factory=list)
    roster: bool = False
    phase: str | None = None
    key: str = ""
    heading: bool = False

    @property
    def unresolved(self) -> list[Ref]:
        return [r for r in self.refs if not r.known]


@attrs.frozen
class Review:
    """A sentence that reads like a requirement but was not turned into one."""

    clause: str
    quote: str
    line: int
    reason: str


@attrs.define
class ArticleReading:
    """What the recogniser made of one article."""

    article: Article
    candidates: list[Candidate] = attrs.field(factory=list)
    reviews: list[Review] = attrs.field(factory=list)
    phases: list[Ref] = attrs.field(factory=list)
    current_phase: str | None = None
    next_phase: str | None = None
    phases_overlap: bool = False
    people: dict[str, tuple[str, tuple[str, ...]]] = attrs.field(factory=dict)
    phase_windows: dict[str, tuple[str, str]] = attrs.field(factory=dict)
    """Phase id → (start, end) phrases the text gives it (``整改提高階段(9月13日至10月16日)``)."""
