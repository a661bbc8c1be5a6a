"""The phases (環節, 階段) an article names, the one it is about and the one after it, and
whether it runs its phases together (``不分階段``): read once per article, before its
sentences, because gates wait for the next phase and every requirement belongs to one."""

from __future__ import annotations

import re

import attrs

from ..clauses import Unit
from ..sentences import strip_marks
from ..text import fold
from .context import Context
from .results import Ref

__all__ = ["TOGETHER", "read_phases", "unit_phase"]

#: The phrases that run a campaign's phases together (the plan option ``phases_overlap``).
TOGETHER = ("不分阶段", "不搞转段", "不分环节", "不划阶段", "不划分阶段")


def read_phases(cx: Context) -> None:
    """Set ``cx.out``'s phases, current phase, next phase and ``phases_overlap``."""
    f = cx.article_f
    found: list[Ref] = []
    seen: set[str] = set()

    def add(words: str) -> Ref | None:
        w = words.strip("“”\" ")
        if not w or len(w) > 16:
            return None
        t = cx.lex.item(fold(w))
        r = cx.ref(t) if t is not None and t.category == "phase" else None
        if r is None:
            r = cx.free(w, "phase")
            r = attrs.evolve(r, id=strip_marks(w), name=w)
        if r.id not in seen:
            seen.add(r.id)
            found.append(r)
        return r

    orig = "\n".join(p.text for p in cx.article.lines)
    m = re.search(r"①([^①-⑳;。]{2,16})[;,]?②([^①-⑳;。]{2,16})(?:[;,]?③([^①-⑳;。]{2,16}))?", f)
    if m:
        for g in range(1, 4):
            if m.group(g):
                add(orig[m.start(g):m.end(g)])
    for m2 in re.finditer(r"[“\"]?([^,;:。“”\"、()]{2,8}、[^,;:。“”\"、()]{2,8})[”\"]?环节", f):
        if re.search(r"方案|办法|计划|第|的", m2.group(1)):
            continue
        words = orig[m2.start(1):m2.end(1)]
        add(words)
    # The lexicon's phases of the campaign when the text names one of them.
    cx.out.phases = found
    pre = fold("\n".join(p.text for p in cx.article.preamble))
    cur = None
    for r in found:
        if fold(r.name) in pre or strip_marks(fold(r.name)) in strip_marks(pre):
            cur = r.id
            break
    if cur is None and len(found) == 1:
        cur = found[0].id
    cx.out.current_phase = cur
    nxt = re.search(r"下一个?[“\"]?([^,;:。“”\"]{2,16}?)[”\"]?环节", f)
    if nxt and nxt.group(1) not in ("", "个"):
        named = add(orig[nxt.start(1):nxt.end(1)])
        cx.out.next_phase = named.id if named else None
    elif re.search(r"下一(个)?(环节|阶段)", f):
        ids = [r.id for r in found]
        if cur in ids and ids.index(cur) + 1 < len(ids):
            cx.out.next_phase = ids[ids.index(cur) + 1]
        else:
            lex_phases = [t for t in cx.lex.terms.values() if t.category == "phase"]
            order = [t.id for t in lex_phases]
            if cur in order and order.index(cur) + 1 < len(order):
                t = lex_phases[order.index(cur) + 1]
                r = cx.ref(t)
                if r.id not in seen:
                    found.append(r)
                    seen.add(r.id)
                cx.out.next_phase = r.id
            else:
                r = Ref("下一環節", "phase", "下一環節", "next phase", False)
                if r.id not in seen:
                    found.append(r)
                    seen.add(r.id)
                cx.out.next_phase = r.id
    if re.search("|".join(TOGETHER), f):
        cx.out.phases_overlap = True


def unit_phase(cx: Context, unit: Unit) -> str | None:
    """The phase a clause's heading names, else the article's current phase."""
    for h in unit.headings:
        hf = strip_marks(fold(h))
        for r in cx.out.phases:
            if strip_marks(fold(r.name)) == hf or r.id == hf:
                return r.id
    return cx.out.current_phase
