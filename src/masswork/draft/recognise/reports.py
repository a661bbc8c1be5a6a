"""Who is told: reports of documents to bodies (``報送X``, ``報X審閱``, ``同時報X和Y``,
``向X提交``) and notices of an event (``通過網站和公告欄…``, ``會前/提前半天發放``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...periods import PhraseError, parse_offset
from ..lexicon import Match, Term
from ..sentences import Sentence, list_of
from .context import Context
from .results import Review

__all__ = ["SENT_TO", "reports", "notices"]

#: The verbs that send a document to the body after them, one per row (报 but not 通報,
#: 匯報, 報告, 報名 …; 交 but not 交流; 向 only with 報送/提交 after the body).
SENT_TO = ("报送", "上报", "呈报", "(?<![通汇情举简申])报(?![告道名到纸刊表])", "提交", "交(?![流办])", "向")

_SENT = re.compile("(" + "|".join(SENT_TO) + r")(给)?([^,;。]{0,16})$")


def _reported(cx: Context, s: Sentence, prior: Sequence[Sentence], verb: int) -> tuple[list[Term], float]:
    """The documents sent by the verb at ``verb``, and how sure: those named before it in its
    segment, else earlier in the sentence, else the first after it, else the last an earlier
    sentence or the clause's heading names."""
    f = s.f
    seg = s.segment_at(verb)
    for a, b in ((seg[0], verb), (0, seg[0])):
        named = cx.terms(s, ("document",), a, b)
        if named:
            docs = list_of(f, named)
            if docs:
                return docs, 0.85
    after = cx.terms(s, ("document",), verb, len(f))
    if after:
        return [after[0].term], 0.85
    for p in reversed(prior):
        if p.heading:
            continue
        ds = cx.terms(p, ("document",))
        if ds:
            return [ds[-1].term], 0.75
    hs = cx.heading_terms(s.unit, ("document",))
    if hs:
        return [hs[0]], 0.75
    return [], 0.85



def reports(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    bodies: list[Match] = []
    first_verb = None
    for m in cx.terms(s, ("body", "role")):
        pre = f[max(0, m.start - 20):m.start]
        if m.category == "role" and not re.search(r"(交|报送|报|提交)(给)?$", pre):
            continue
        v = _SENT.search(pre)
        if not v:
            continue
        if v.group(1) == "向" and not re.match(r"[^,;。]{0,4}(报送|报告|上报|提交)", f[m.end:m.end + 8]):
            continue
        if "汇报" in pre[v.start():v.start() + 3] or pre[v.start() - 1:v.start()] == "汇":
            continue
        bodies.append(m)
        if first_verb is None:
            first_verb = m.start - len(v.group(0))
    if not bodies or first_verb is None:
        return
    docs, conf = _reported(cx, s, prior, first_verb)
    if not docs:
        cx.out.reviews.append(Review(s.unit.id, s.text, s.line,
                                     "report without a document 報送對象文件不明"))
        return
    to = list(dict.fromkeys(b.id for b in bodies))
    within = None
    for a, b, raw in cx.dates(s):
        if s.segment_at(a) == s.segment_at(bodies[0].start) or a > bodies[0].start:
            within = raw.strip("()")
    for d in docs:
        params: dict[str, Any] = {"document": d.id, "to": to}
        if within:
            params["within"] = within
        refs = [cx.ref(d)] + [cx.ref(b.term) for b in bodies]
        resp = cx.responsible(s, first_verb)
        cx.cand(s, "report", params, conf, refs + resp, responsible=[r.id for r in resp])


def notices(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    m = re.search(r"通过([^,;。]{2,30}?)(发布|公布|公告|通知|告知)?(信息|通知)?$", f.rstrip("。."))
    if m and re.search(r"时间|通知|公布|发布|信息", f) and not re.search(r"形式|方式", f):
        chans = [x for x in cx.lex.find(f[m.start(1):m.end(1)], ("group",)) if x.term.channel]
        act = cx.subject_activity(s)
        if chans and act is not None:
            cx.cand(s, "notice", {"activity": act.id, "channels": [c.id for c in chans]}, 0.8,
                    [cx.ref(act)] + [cx.ref(c.term) for c in chans])
            return
    m2 = re.search(r"(会前|提前[^,;。发]{0,6}?)[^,;。]{0,4}(发放|下发|印发|送达|分发)", f)
    if m2:
        things = [x for x in cx.terms(s, ("group", "document"), 0, m2.start()) if x.term.channel]
        if not things:
            return
        act = cx.subject_activity(s)
        if act is None:
            return
        params: dict[str, Any] = {"activity": act.id, "channels": [things[-1].id]}
        lead = re.match(r"(会前|提前)\s*(\d+|[一二两三四五六七八九十半]+)\s*(个)?(天|日|周|小时|个工作日)",
                        f[m2.start():])
        if lead:
            raw = s.text[m2.start():m2.start() + lead.end()]
            try:
                parse_offset(raw)
                params["lead"] = raw
            except PhraseError:
                pass
        cx.cand(s, "notice", params, 0.8, [cx.ref(act), cx.ref(things[-1].term)])
