"""Order and gates: ``X後`` / ``X之後`` / ``X結束後`` / ``X形成後`` / ``會後`` (after),
``X前`` / ``X之前`` / ``會前`` / ``事先`` / ``提前N天`` (before, with a lead), ``先…再…``,
``首先…其次``; gates ``經X審閱同意後``, ``審核通過後方可``, ``須經X同意``, ``從嚴審閱``."""

from __future__ import annotations

import re

from ...periods import PhraseError, parse_offset
from .base import CN, Hit, Params, Statement, rows
from ..recognise import Ref
from .words import activity, document, parties, placeholder

__all__ = ["ROWS", "build"]

_EVENT_END = (r"(?:会议|会|课|党日|活动|学习|评议|测评|讨论|调研|培训|发言|述职|考核|检查|整改|总结|教育|谈话|谈心|"
              r"工作|阶段|环节|材料|方案|报告|意见|结果|计划|清单)")
ORDER_ROWS = rows("order", (
    (rf"(?P<anchor>[^,;:。]{{1,16}}?{_EVENT_END})(?:召开|开过|结束|形成|完成|开完|告一段落)?"
     r"(?:之后|以后|后)[,]?(?:再|才|要|应|还|,)?", "after X: X後, X結束後, X形成後"),
    (rf"(?P<anchor>[^,;:。]{{1,16}}?{_EVENT_END})(?:召开)?(?:之前|以前|前)[,]", "before X: X之前, X召開前"),
    (r"(?P<anchor>会)(?P<rel>前|后)[,]", "會前 / 會後: before / after the meeting"),
    (r"(?P<rel>事先|预先)", "事先: before the meeting the statement names", 0.6),
    (rf"提前(?P<lead>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日|小时))", "a lead 提前15天, 提前一周"),
    (r"(?P<rel>先)[^,;。]{2,24}?[,]?(?:再|然后|后|才)", "先…再…"),
    (r"(?P<rel>首先|其次|然后|最后|随后|接着|之后)", "order words 首先…其次", 0.55),
    (r"(?P<anchor>在[^,;:。]{2,16}?)(?:基础上|之后)", "on the basis of X 在…基礎上", 0.55),
    (r"(?:开始|起)[,]?(?:到|至)[^,;。]{2,20}?(?:结束|止|为止)", "from X to Y: 從X開始,到Y為止", 0.6),
), unless=r"^(?:前|后)")

GATE_ROWS = rows("gate", (
    (r"(?:审核|审阅|审定|审查|批准|同意|把关)(?:通过)?(?:后|以后|之后)", "approved, then: 審閱同意後, 審核通過後"),
    (r"(?:须经|需经|必须经|经)[^,;。]{1,16}?(?:审核|审阅|审定|审批|批准|同意|把关)", "須經X同意"),
    (r"(?:方可|才能|才可|才)(?:召开|实施|印发|开展|进行|下发|上报)", "審核通過後方可召開"),
    (r"从严(?:审阅|审核|把关)|严格把关", "從嚴審閱"),
))

ROWS = ORDER_ROWS + GATE_ROWS


def _lead(words: str) -> str | None:
    w = "提前" + words.replace("两", "二")
    try:
        parse_offset(w)
    except (PhraseError, ValueError):
        return None
    return w


_DEED = re.compile(r"(?:要|应|须|必须|先|再)([^,;:。]{2,12})")


def _deed(st: Statement, a: int) -> Ref | None:
    """What the statement says to do after ``a`` (``…要廣泛聽取群眾意見``), in its words."""
    m = _DEED.search(st.f, a)
    return placeholder(st.words(m.start(1), m.end(1)), "activity") if m else None


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    g = m.groupdict()
    if hit.kind == "gate":
        doc = document(st, 0, m.start()) or document(st)
        by = parties(st)
        after = activity(st, m.end()) or activity(st)
        if doc is None:
            doc = placeholder(st.words(0, min(m.start(), 12)) or "材料", "document")
        if not by:
            return None
        if after is None:
            verb = re.search(r"召开|实施|印发|开展|进行|下发|上报|报送", st.f[m.start():])
            if verb is None:
                return None
            after = placeholder(verb.group(0), "activity")
        return {"document": doc, "approved_by": by, "before_activity": after}
    rel = "after"
    anchor = None
    subject = None
    if g.get("anchor"):
        a0, a1 = m.start("anchor"), m.end("anchor")
        anchor = activity(st, a0, a1) or document(st, a0, a1)
        if anchor is None:
            words = st.words(a0, a1)
            words = re.sub(r"^(?:在|对|待|等)", "", words)
            short_ok = g.get("rel") in ("前", "后")  # 會前 / 會後: the meeting itself
            anchor = placeholder(words[-12:], "activity") if len(words) >= 2 or (words and short_ok) else None
        subject = (activity(st, m.end()) or document(st, m.end()) or _deed(st, m.end())
                   or activity(st, 0, a0))
        if "前" in st.f[a1:m.end()] and "后" not in st.f[a1:m.end()]:
            rel = "before"
    elif g.get("rel") in ("随后", "然后", "接着", "之后", "其次", "最后") and st.before:
        prev = Statement(st.clause, st.before, st.before, st.line)
        anchor = activity(prev) or document(prev)
        subject = activity(st, m.end()) or document(st, m.end()) or _deed(st, m.end())
    else:
        anchor = activity(st) or document(st)
        subject = activity(st, m.end()) or document(st, m.end())
        if g.get("rel") in ("前", "事先", "预先") or g.get("lead"):
            rel = "before"
    if anchor is None or subject is None or anchor.id == subject.id:
        return None
    p: Params = {"relation": rel}
    p["document" if subject.category == "document" else "activity"] = subject
    p["anchor_document" if anchor.category == "document" else "anchor_activity"] = anchor
    if g.get("lead"):
        lead = _lead(m.group("lead"))
        if lead:
            p["lead"] = lead
    return p
