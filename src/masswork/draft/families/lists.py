"""Lists: what an activity or document must cover (``圍繞…``, ``內容主要有:…``, ``重點檢視…``,
``對照…``), who attends (``出席的有…``, ``由全體黨員參加``, ``邀請…到會``, ``列席``), where
opinions come from (``聽取…意見``, ``征求…意見``), and pairwise talks (``之間…談心``,
``相互談``, ``一對一``). Items after 如/例如 are examples, not a list to cover."""

from __future__ import annotations

import re

from ..text import fold
from .base import Hit, Params, Statement, rows
from .logic import EXAMPLE
from .words import activity, document, person_role, placeholder

__all__ = ["ROWS", "build"]

COVERAGE_ROWS = rows("coverage", (
    (r"(?P<field>围绕|重点(?:学习|检视|检查|查摆|是)|对照|检视|研读|学习篇目|学习内容|主要学习)", "topics: 圍繞…, 重點檢視…"),
    (r"(?:内容|情况)(?:主要)?(?:有|是|为|包括)[:]?|包括|具体为|具体是|分别是|主要有|有以下|如下[:]|即[^,;。]{2,}、",
     "contents: 內容主要有:…, 具體為:…"),
    (r"(?P<att>出席|列席|到会|参会|参加人员|参加范围|全体党员参加|由全体|邀请)", "attendees: 出席的有…, 邀請…到會"),
    (r"(?P<src>听取|征求|收集)[^,;。]{0,16}?意见", "sources: 聽取…意見"),
    (r"(?P<each>为|对|确定|给)每(?:名|位|个|一名|一位)(?P<role>[\u4e00-\u9fff]{1,6}?)(?:逐一|实事求是地|都)?"
     r"(?:形成|提出|作出|确定|的)", "every holder covered: 為每名黨員逐一形成評議意見"),
    (r"(?P<means>采取|采用|通过)(?P<list>[^。;:]{2,60}?、[^。;]{2,60}?)等?(?:办法|方式|形式|渠道)",
     "channels: 採取召開座談會、個別談話等辦法"),
    (r"(?P<att2>下列人员|以下人员)(?:参加|出席|列席)", "attendees: 下列人員參加:…"),
    (r"一是[^。]{2,200}?二是", "a list 一是…二是…三是…"),
    (r"[^,;:。、]{2,14}、[^,;:。、]{2,14}(?:、[^,;:。、]{2,14})*(?:和|及|以及|与)[^,;:。、]{2,14}(?:等)?(?:情况|方面|内容|齐全)",
     "an enumerated list A、B和C等情況", 0.55),
))

PAIRWISE_ROWS = rows("pairwise", (
    (r"之间[^,;。]{0,8}?(?:谈心|谈话|交心)|(?:相互|互相)(?:谈心|谈话|交心)|一对一谈|必谈|逐一谈心|普遍谈心", "之間…談心, 必談"),
))

ROWS = COVERAGE_ROWS + PAIRWISE_ROWS

_SPLIT = re.compile(r"、|以及|和|及|与|;|[一二三四五六七八九十]是")


def _items(st: Statement, a: int, b: int | None = None) -> list[str]:
    f = st.f
    end = len(f) if b is None else b
    for c in "。":
        k = f.find(c, a)
        if k != -1:
            end = min(end, k)
    seg_text = st.text[a:end]
    out = []
    for piece in _SPLIT.split(re.sub(r"^[:,]", "", seg_text)):
        w = re.sub(r"[“”\"《》()\s,:]", "", piece)
        w = re.sub(r"等(?:情况|方面|内容)?$|(?:情况|方面)$", "", w)
        if 2 <= len(w) <= 30:
            out.append(w)
    return list(dict.fromkeys(out))[:20]


_VERBISH = re.compile(r"(?<![重主需纲摘提概])要|(?<![相对])应|须|必须|进行|开展|召开|通过|结合|作为|把|将(?!来)|"
                      r"(?<![相绝])对(?!照)|(?<![作成认])为")
_ATTENDEES = re.compile(r"由([^,;。]{2,40}?)(?:参加|出席|列席|参会)|(?:出席|参加|列席|参会)(?:会议)?(?:的|人员|范围|对象)?"
                        r"(?:有|是|为|包括)[:]?([^。;]{2,80})|邀请([^,;。]{2,40}?)(?:到会|参加|出席|列席)|"
                        r"([^,;。]{2,30}?)(?:参加|出席|列席|参会)(?:会议)?$")


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    g = m.groupdict()
    if hit.kind == "pairwise":
        role = person_role(st) or placeholder("成員", "role")
        talk = activity(st) or placeholder("談心談話", "activity")
        return {"activity": talk, "pairs": [{"mode": "among", "a": role}]}
    ex = EXAMPLE.search(st.f)
    if ex is not None and ex.start() <= m.start():
        return None  # an example list illustrates; it is not a list to cover
    if g.get("each"):
        holder = person_role(st, st.words(m.start("role"), m.end("role")))
        if holder is None:
            return None
        p0: Params = {"items_from": holder, "field": "targets"}
        subj = document(st, m.end()) or activity(st)
        if subj is not None:
            p0["document" if subj.category == "document" else "activity"] = subj
        return p0
    if g.get("means"):
        items = _items(st, m.start("list"), m.end("list"))
        if len(items) < 2:
            return None
        return {"items": [placeholder(i, "group") for i in items], "field": "channels"}
    if g.get("att2"):
        items = _items(st, m.end())
        return {"items": [placeholder(i, "group") for i in items], "field": "attendees"} if items else None
    field = "attendees" if g.get("att") else "sources" if g.get("src") else "topics"
    if field == "attendees":
        am = _ATTENDEES.search(st.f.rstrip("。;,"))
        if am is None:
            return None
        gi = next(i for i in range(1, 5) if am.group(i))
        items = _items(st, am.start(gi), am.end(gi))
        least = 1
    else:
        items = _items(st, m.end()) if field == "topics" else _items(st, 0)
        least = 2
    if len(items) < least or any(len(i) > 20 or _VERBISH.search(fold(i)) for i in items):
        return None  # a list is two or more short items, not clauses
    p: Params = {"items": [placeholder(i, "group") for i in items], "field": field}
    act = activity(st)
    doc = document(st)
    if act is not None:
        p["activity"] = act
    elif doc is not None:
        p["document"] = doc
    return p
