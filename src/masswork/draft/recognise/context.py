"""The state of reading one article and the look-ups every recogniser shares: the terms of
the lexicon a sentence names (outside quotations of other documents), the terms of a
clause's headings, the references a requirement declares, the calendar phrases of a
sentence, and the document or activity a sentence is about when it names none itself.

A recogniser (one function in :mod:`.counts`, :mod:`.timing`, :mod:`.order`,
:mod:`.reports`, :mod:`.coverage` or :mod:`.events`) reads one sentence through a
:class:`Context` and adds what it finds with :meth:`Context.cand`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ...periods import PhraseError, parse_window
from ..clauses import Article, Unit
from ..lexicon import Lexicon, Match, Term, is_foreign
from ..sentences import DATE, NUM, Sentence, enumeration, heads, strip_marks
from ..text import fold
from .results import ArticleReading, Candidate, Ref

__all__ = ["Context", "Recogniser"]


class Context:
    """One article being read: its lexicon, its units, what has been drafted so far
    (:attr:`out`) and the segments of the current statement a per-person quota has
    claimed (:attr:`claimed`: a count does not read them again)."""

    def __init__(self, article: Article, lex: Lexicon, units: list[Unit]) -> None:
        self.article = article
        self.lex = lex
        self.units = units
        self.out = ArticleReading(article)
        self.claimed: set[tuple[int, int]] = set()
        all_text = "\n".join(p.text for p in article.lines)
        self.article_f = fold(all_text)
        self.has_mobilization = any(
            m.id == "動員大會" and not is_foreign(self.article_f, m.start)
            for m in lex.find(self.article_f, ("activity",)))

    # -- references

    def ref(self, term: Term) -> Ref:
        return Ref(term.id, term.category, term.id, term.name_en, True, term.includes, term.parent)

    def free(self, words: str, category: str) -> Ref:
        ident = strip_marks(words)[:40] or words
        return Ref(ident, category, words.strip("“”\" "), "", False)

    # -- terms a sentence or its clause's headings name

    def terms(self, s: Sentence, cats: Sequence[str], a: int = 0, b: int | None = None) -> list[Match]:
        end = len(s.f) if b is None else b
        return [m for m in s.matches(self.lex)
                if m.category in cats and a <= m.start and m.end <= end
                and not (m.category in ("activity", "document") and is_foreign(s.f, m.start))]

    def heading_terms(self, unit: Unit, cats: Sequence[str]) -> list[Term]:
        out: list[Term] = []
        for h in unit.headings:
            hf = fold(h)
            ms = [m for m in self.lex.find(hf, cats) if not is_foreign(hf, m.start)]
            hs_ = heads(hf, ms)
            out.extend(m.term for m in hs_)
            if out:
                break
        return out

    # -- drafting

    def add(self, c: Candidate) -> None:
        self.out.candidates.append(c)

    def cand(self, s: Sentence, kind: str, params: dict[str, Any], confidence: float,
             refs: Iterable[Ref], **kw: Any) -> Candidate:
        c = Candidate(s.unit.id, kind, params, s.text, confidence, s.line, list(refs), **kw)
        self.add(c)
        return c

    def responsible(self, s: Sentence, before: int) -> list[Ref]:
        a, _ = s.segment_at(before)
        out: list[Ref] = []
        by = re.search(r"由", s.f)
        cats = ("body", "role")
        ms = self.terms(s, cats, a, before)
        if by:
            ms = ms or self.terms(s, cats, by.end(), by.end() + 24)
        for m in ms[:1]:
            out.append(self.ref(m.term))
        return out

    # -- what a sentence is about when it does not say

    def dates(self, s: Sentence) -> list[tuple[int, int, str]]:
        out = []
        for m in DATE.finditer(s.f):
            if m.end() - m.start() < 2:
                continue
            raw = s.text[m.start():m.end()]
            try:
                parse_window(raw, 2000)
            except PhraseError:
                continue
            except Exception:  # noqa: BLE001 - a phrase the calendar cannot read is skipped
                continue
            out.append((m.start(), m.end(), raw))
        return out

    def counted_activities(self, s: Sentence) -> list[Match]:
        out = []
        for m in re.finditer(NUM + r"\s*(次|场)", s.f):
            seg = s.segment_at(m.start())
            acts = self.terms(s, ("activity",), m.end(), seg[1])
            if acts:
                hd = heads(s.f, acts)
                out.append(hd[-1] if hd else acts[-1])
        return out

    def doc_before(self, s: Sentence, prior: Sequence[Sentence], pos: int) -> Ref | None:
        seg = s.segment_at(pos)
        docs = self.terms(s, ("document",), seg[0], pos)
        if not docs:
            earlier = [m for m in self.terms(s, ("document",), 0, seg[0])]
            docs = earlier[-1:] if earlier else []
        if docs:
            return self.ref(docs[-1].term)
        for p in reversed(prior):
            if p.heading:
                continue
            ds = self.terms(p, ("document",))
            if ds:
                return self.ref(ds[-1].term)
        hs = self.heading_terms(s.unit, ("document",))
        if hs:
            return self.ref(hs[0])
        return None

    def subject_activity(self, s: Sentence) -> Term | None:
        acts = [x for x in self.terms(s, ("activity",))]
        if acts:
            return acts[0].term
        hs = self.heading_terms(s.unit, ("activity",))
        return hs[0] if hs else None

    def in_preparation(self, unit: Unit) -> bool:
        return any(re.search(r"准备", fold(h)) for h in unit.headings)

    def items(self, s: Sentence, a: int, b: int) -> list[tuple[str, Term | None]]:
        """The items of an enumeration in s[a:b] with the term each names. ``A、B等C``
        with C a term is C; ``機關、企事業單位全體人員`` distributes the shared head
        (機關全體人員, 企事業單位全體人員)."""
        f = s.f
        seg = f[a:b]
        deng = re.search(r"等([^、,;和及等]{2,12})$", seg.rstrip("。. "))
        if deng:
            t = self.lex.item(deng.group(1))
            if t is not None:
                return [(s.text[a + deng.start(1):a + deng.end(1)], t)]
        out: list[tuple[str, Term | None]] = []
        raw = enumeration(f, a, b)
        for i, (ia, ib) in enumerate(raw):
            words = s.text[ia:ib]
            w = fold(words)
            w2 = re.sub(r"等[^、,;和及]{0,6}$", "", w)
            if w2 != w:
                words = words[:len(w2)]
                w = w2
            t = self.lex.item(w)
            if t is None and i + 1 < len(raw):
                nxt = fold(s.text[raw[i + 1][0]:raw[i + 1][1]])
                suffixes = sorted((a for a, t3 in self.lex.by_alias.items()
                                   if t3.collective and nxt.endswith(a) and len(a) < len(nxt)), key=len)
                if suffixes:
                    head = suffixes[0]
                    t2 = self.lex.item(w + head)
                    if t2 is not None and t2.collective:
                        out.append((words + s.text[raw[i + 1][1] - len(head):raw[i + 1][1]], t2))
                        continue
                    if not self.lex.find(w):
                        continue  # 局機關及企事業單位全體人員: one collective
            out.append((words, t))
        return out


#: A recogniser: reads one sentence (``prior`` are the sentences of the clause before it)
#: and adds what it finds to ``cx.out``.
Recogniser = Callable[[Context, Sentence, Sequence[Sentence]], None]
