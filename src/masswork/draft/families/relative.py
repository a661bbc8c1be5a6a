"""Deadlines counted from another event: ``會後一週內報送``, ``收到通知後10個工作日內反饋``,
``動員大會後一個月內完成``, ``活動結束後5個工作日內上報總結`` — a ``deadline`` with an anchor
(``after_activity`` or ``after_document``) and a ``limit`` (a length after it).

A calendar date in the same words (``3月10日後5日內``) is not an anchor: the calendar rows
of :mod:`.timing` read those."""

from __future__ import annotations

import re

from ...periods import PhraseError, parse_duration
from .base import CN, Hit, Params, Statement, rows
from .timing import _submitted
from .words import activity, document, heading_activity, placeholder

__all__ = ["ROWS", "build"]

_N = rf"(?:\d+|[{CN}两半]+)"
_UNIT = r"(?:个工作日|工作日|个月|月|周|星期|天|日)"

ROWS = rows("deadline", (
    (rf"(?P<anchor>[^,;:。()]{{1,14}}?)(?:结束|召开|闭幕|下发|印发|之)?后(?P<lim>{_N}{_UNIT})(?:之内|以内|内)",
     "a limit after an event 會後一週內, 收到通知後10個工作日內", 0.7),
))

_HAND = re.compile(r"[^,;:。]{0,6}?(?:将|把)")
_SUBMIT = re.compile(r"(?:向[^,;:。]{2,10}?)?(?:报送|上报|提交|反馈|报)(?P<obj>[^,;:。()]{2,14})?")
_DONE = re.compile(r"(?:完成|召开|开展|举行|组织)(?P<obj>[^,;:。()]{2,14})?")
_RECEIVED = re.compile(r"^(?:收到|接到)")
# What comes before the anchor's name: 「各支部要在會後」, 「應在培訓結束後」.
_FILLER = re.compile(r"^(?:.*[,;:、在于要须应请并将])?")


def _limit(st: Statement, hit: Hit) -> str | None:
    m = hit.match
    words = st.text[m.start("lim"):m.end()].replace("两", "二").replace("兩", "二")
    try:
        parse_duration(words)
    except (PhraseError, ValueError):
        return None
    return words


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    if re.search(r"\d月|\d日|[{CN}]月".format(CN=CN), m.group("anchor")):
        return None  # 3月10日後: a calendar day, not an event
    limit = _limit(st, hit)
    if limit is None:
        return None
    p: Params = {"limit": limit}
    a = m.start("anchor") + _FILLER.match(m.group("anchor")).end()  # type: ignore[union-attr]
    b = m.end("anchor")
    if a >= b:
        return None
    received = _RECEIVED.match(st.f[a:b])
    if received:
        a += received.end()
        p["after_document"] = document(st, a, b) or placeholder(st.words(a, b), "document")
    else:
        words = st.words(a, b)
        # A bare 會 (會後一週內) is the meeting the clause is about.
        p["after_activity"] = activity(st, a, b) or placeholder(
            words + ("議" if words in ("會", "会") else ""), "activity")
    skip = len(st.f[m.end():]) - len(st.f[m.end():].lstrip(",:"))
    handed = _submitted(st, m.end() + skip) if _HAND.match(st.f, m.end() + skip) else None  # 「會後15日內,將會議情況報告報市委組織部」
    if handed is not None:
        p.update(handed)
        return p
    rest = st.f[m.end() + skip:]
    sent = _SUBMIT.match(rest)
    if sent:
        o = sent.group("obj")
        at = m.end() + skip + (sent.start("obj") if o else 0)
        doc = document(st, at, at + len(o)) if o else None
        doc = doc or (placeholder(st.words(at, at + len(o)), "document") if o else None)
        if doc is None:
            return None
        p.update({"document": doc, "action": "submitted"})
        return p
    done = _DONE.match(rest)
    if done and done.group("obj"):
        at = m.end() + skip + done.start("obj")
        p["activity"] = activity(st, at, at + len(done.group("obj"))) or placeholder(
            st.words(at, at + len(done.group("obj"))), "activity")
        return p
    act = heading_activity(st)
    if act is None:
        return None
    p["activity"] = act
    return p
