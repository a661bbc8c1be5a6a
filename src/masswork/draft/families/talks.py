"""Talks between people (pairwise): ``書記與委員之間要逐一談心``, ``主要負責同志要同班子成員
逐一談心``, ``黨員兩兩談心``, ``班子成員彼此之間必談``, ``一對一談心談話``.

Tried before :mod:`.lists` (whose rows stay the fallback): the first row that matches and
builds gives the statement's pairwise rule. A statement that also places the talks in time
(``會前``, ``召開…前``) keeps that order as a requirement of its own — the sequence family
reads it from the same words.
"""

from __future__ import annotations

import re

from ..recognise import Ref
from ..text import fold
from .base import Hit, Params, Statement, rows
from .words import activity, person_role, placeholder

__all__ = ["ROWS", "build"]

_TALK = r"(?:谈心谈话|谈心交心|谈心|谈话|交心|谈一次|必谈)"
_HOW = r"(?:都|也|还)?(?:要|应|须)?(?:逐一|逐个|分别|普遍|经常|认真|深入|开展|进行|一对一|两两|面对面){0,3}"
_EACH = r"(?:每名|每位|每个|所有|全体|各位|各|其他)?"
_WHEN = r"(?:定期|经常|每年|每半年|每季度|每月|每周|分别|主动|至少){0,2}"
"""How often or how, before or after 要 (``書記每年要與…``, ``書記要定期與…``)."""

ROWS = rows("pairwise", (
    (rf"(?P<pa>[\u4e00-\u9fff]{{2,10}}?){_WHEN}(?:都|也|还)?(?:要|应|须)?{_WHEN}"
     rf"(?:与|同(?!志|步|时)|跟|和)"
     rf"{_EACH}(?P<pb>[\u4e00-\u9fff]{{2,12}}?)(?:之间|彼此)?{_HOW}{_TALK}",
     "talks between two roles: 書記與委員之間要逐一談心, 主要負責同志要同班子成員逐一談心"),
    (rf"(?:两两|相互|互相|彼此|一对一)[”\"’']?(?:之间)?{_HOW}[“\"‘']?{_TALK}|之间{_HOW}{_TALK}",
     "talks among the holders of one role: 黨員兩兩談心, 班子成員彼此之間必談"),
))

_NOT_A_ROLE = re.compile(r"会前|会后|之间|要|组织|开展|进行|谈|党建|工作|情况|思想|意见|问题")
_ROLE_END = re.compile(r"(?:书记|委员|成员|党员|干部|负责人|负责同志|同志|主任|领导|群众|职工|代表|积极分子|发展对象|骨干|人员)$")


def _role(st: Statement, a: int, b: int) -> Ref | None:
    """The role in [a, b): the longest lexicon role or body there, else the plan's words
    (after 的, without a lead-in such as 會前 / 同時), when they end as a role does."""
    inside = [t for t in st.terms("role", "body") if a <= t.start and t.end <= b]
    words = re.sub(r"^(?:[,、]|会前|会后|其中|同时|并|由|请)+", "", fold(st.words(a, b)).split("的")[-1])
    if inside:
        t = max(inside, key=lambda t: t.end - t.start)
        if t.end == b or not _ROLE_END.search(words):
            return Ref(t.term.id, t.term.category, t.term.id, t.term.name_en, True, t.term.includes,
                       t.term.parent)
    if len(words) < 2 or _NOT_A_ROLE.search(words) or not _ROLE_END.search(words):
        return None
    original = st.words(a, b).split("的")[-1]
    return placeholder(original[len(original) - len(words):], "role")


def _talk(st: Statement, at: int) -> Ref:
    found = activity(st, at)
    if found is None or not found.known or not re.search("谈", fold(found.id)):
        found = activity(st)
    if found is None or not found.known or not re.search("谈", fold(found.id)):
        return placeholder("談心談話", "activity")
    return found


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    if m.groupdict().get("pa"):
        a = _role(st, m.start("pa"), m.end("pa"))
        b = _role(st, m.start("pb"), m.end("pb"))
        if a is None or b is None:
            return None
        if a.id == b.id:
            return {"activity": _talk(st, m.start("pb")), "pairs": [{"mode": "among", "a": a}]}
        return {"activity": _talk(st, m.start("pb")), "pairs": [{"mode": "cross", "a": a, "b": b}]}
    role = person_role(st) or placeholder("成員", "role")  # who talks: the clerk names them
    return {"activity": _talk(st, m.start()), "pairs": [{"mode": "among", "a": role}]}
