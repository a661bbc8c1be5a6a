"""Orders read from more than one statement's words: an ordered list of steps
(``分四個階段依次推進:A;B;C`` — each step after the one before) and a clause's heading
(``抓好會前準備`` / ``會後工作`` — what the clause asks is done before / after the meeting).
Kept apart from :mod:`.sequence`, whose rows read one statement each."""

from __future__ import annotations

import re

from ..recognise import Ref
from ..text import fold
from .base import Params, Statement
from .words import activity, document, placeholder

__all__ = ["CHAIN", "HEADING_ORDER", "chain_orders", "heading_order"]


CHAIN = re.compile(
    r"(?:依次|先后|按顺序|按以下步骤|分(?:\d+|[一二三四五六七八九十]+)个?(?:阶段|步骤|环节|步|个步骤)(?:依次)?)"
    r"(?:推进|进行|开展|实施|展开)?[^:;。]{0,6}:(?P<items>[^。]{4,240})")
"""A list in order: ``分四個階段依次推進:學習教育;自我評價;民主評議;組織表彰``."""
_ITEM_MARK = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(?:步|阶段|环节)?|\d+[.、]|[(][^)]{1,3}[)])")


def _step(st: Statement, a: int, b: int) -> Ref | None:
    """One step of an ordered list: a lexicon activity naming the whole step, else the
    step's own words (``組織表彰和處理``, not the 組織表 a document word cuts out of it)."""
    for t in st.terms("activity", "document"):
        if t.start == a and t.end == b:
            return Ref(t.term.id, t.term.category, t.term.id, t.term.name_en, True)
    words = st.words(a, b).strip(" 。")
    return placeholder(words[:12], "activity") if len(words) >= 2 else None


def chain_orders(st: Statement) -> list[tuple[Params, float]]:
    """Each step of an ordered list after the one before it (one order rule per pair)."""
    m = CHAIN.search(st.f)
    if m is None:
        return []
    a = m.start("items")
    spans = []
    for piece in re.finditer(r"[^;、]+", st.f[a:m.end("items")]):
        x0, x1 = a + piece.start(), a + piece.end()
        mark = _ITEM_MARK.match(st.f, x0, x1)
        if mark:
            x0 = mark.end()
        if x1 - x0 >= 2:
            spans.append((x0, x1))
    if not 2 <= len(spans) <= 8:
        return []
    steps = [_step(st, x0, x1) for x0, x1 in spans]
    out: list[tuple[Params, float]] = []
    for prev, nxt in zip(steps, steps[1:]):
        if prev is None or nxt is None or prev.id == nxt.id:
            continue
        p: Params = {"relation": "after"}
        p["document" if nxt.category == "document" else "activity"] = nxt
        p["anchor_document" if prev.category == "document" else "anchor_activity"] = prev
        out.append((p, 0.6))
    return out


HEADING_ORDER = re.compile(r"(?P<rel>会前|会后|召开前|召开之前|结束后|结束以后|会议之前|会议之后)")
"""A clause headed ``抓好會前準備`` / ``會後工作``: what it asks is done before / after the
meeting."""
_MEETING = re.compile(r"会$")


def heading_order(st: Statement) -> Params | None:
    """The order a clause's heading gives a statement under it: its activity (or document)
    before / after the meeting — the meeting the statement names, else the heading's."""
    if not st.heading:
        return None
    hf = fold(st.heading)
    m = HEADING_ORDER.search(hf)
    if m is None:
        return None
    rel = "after" if "后" in m.group("rel") else "before"
    things = [t for t in _things(st) if t.known or not re.search(r"把|将|同时", fold(t.name))]
    if not [t for t in things if not _MEETING.search(fold(t.name))]:
        doc = document(st)
        things += [doc] if doc is not None else []
    meetings = [t for t in things if _MEETING.search(fold(t.name))]
    others = [t for t in things if not _MEETING.search(fold(t.name))]
    if not others:
        return None
    head = Statement(st.clause, st.heading, hf, st.line)
    anchor = meetings[0] if meetings else (activity(head, 0, m.start()) or placeholder("会", "activity"))
    subject = others[0]
    if anchor.id == subject.id:
        return None
    p: Params = {"relation": rel}
    p["document" if subject.category == "document" else "activity"] = subject
    p["anchor_activity"] = anchor
    return p


def _things(st: Statement) -> list[Ref]:
    """The activities, then documents, a statement names, in order."""
    out: list[Ref] = []
    for cat in ("activity", "document"):
        for t in st.terms(cat):
            out.append(Ref(t.term.id, cat, t.term.id, t.term.name_en, True))
    if not out:
        found = activity(st) or document(st)
        if found is not None:
            out.append(found)
    return out
