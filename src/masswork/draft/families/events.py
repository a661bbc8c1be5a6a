"""Events that must happen (``召開``, ``開好``, ``舉辦``, ``開展``, ``組織``, ``抓好…兩個環節``,
``分三批進行``) and qualities someone must sign off (``如實``, ``原汁原味``, ``存檔備查``)."""

from __future__ import annotations

import re

from .base import NUMBER, Hit, Params, Statement, number, rows
from .words import EVENT_VERBS, activity, document

__all__ = ["ROWS", "build"]

OCCURS_ROWS = rows("occurs", (
    (rf"(?:{EVENT_VERBS})(?:了|好)?(?P<k>{NUMBER})?[次场个期批]?", "召開, 開好, 舉辦, 開展, 組織 (a count: 召開2次)"),
    (rf"分(?P<k>{NUMBER})批(?:进行|开展|实施)", "分三批進行"),
    (r"(?:起草|制定|制订|订出|形成|出台|撰写)(?!的)", "a document drafted: 制定…方案, 訂出…計劃", 0.6),
    (r"做好记录|记录[^,;。]{0,4}情况|存档备查|负责通知|考勤", "records kept: 做好記錄, 考勤", 0.6),
))

ATTEST_ROWS = rows("attest", (
    (r"原汁原味|签字确认|签名确认|逐一确认|本人签字", "qualities: 原汁原味, 簽字確認"),
))

ROWS = OCCURS_ROWS + ATTEST_ROWS


_MUST = re.compile(r"要|须|应|必须|务必|需|按时|确保|一律|抓好|开好|搞好|过好|办好|重点|认真|切实")


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    if hit.kind == "attest":
        return {"statement": st.text[:200]}
    g = m.groupdict()
    k = number(g.get("k"))
    if not (k or _MUST.search(st.f, 0, m.start() + 1)):
        return None  # a verb without 要/須/應 or a count describes; it does not require
    act = activity(st, m.start()) or activity(st)
    p: Params
    if act is None:
        doc = document(st, m.start()) or document(st)
        if doc is None:
            return None
        p = {"document": doc}
    else:
        p = {"activity": act}
    if k and k > 1 and not re.match(r"批", st.f[m.end():m.end() + 1]):
        p["min"] = k
    return p
