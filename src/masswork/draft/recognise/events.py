"""That something is done: the events and documents a sentence requires (``召開X``,
``開展X``, ``制定X``, ``成立…領導小組``), qualities a person signs off (``原汁原味``,
``深刻、誠懇``), recurring events (``每月一次``) and quantities (``不少於N學時``).

The words are table rows: :data:`EVENT_VERBS` (the verbs that hold an event, and which of
them name a meeting firmly), :data:`SETUPS` (bodies set up), :data:`QUALITIES` (what a
person signs off), :data:`EVERY` (the periods of a recurring event)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..duty import FIRM
from ..sentences import NUM, VERBS_DOC, Sentence, heads, low_end, means_spans, num, others
from ..narrative import describes
from ..stance import aimed, exemplified
from .context import Context
from .results import Ref

__all__ = ["EVENT_VERBS", "SETUPS", "QUALITIES", "EVERY", "exists", "attests", "recurring",
           "quantities"]

#: The verbs before an activity that say it is held, and whether they name a meeting firmly
#: (召開/舉辦 a named meeting reads firmer than 開展/進行 an activity).
EVENT_VERBS: tuple[tuple[str, bool], ...] = (
    ("召开", True), ("举办", True), ("举行", True), ("组织", False), ("开展", False),
    ("进行", False), ("参观", False), ("开设", False), ("开辟", False),
)
#: The bodies a plan sets up (``成立…領導小組``): the words as read, and the id a draft gives.
SETUPS: tuple[tuple[str, str | None], ...] = (
    ("领导小组", "領導小組"), ("工作小组", None), ("专班", None),
)
#: Qualities a person signs off (an ``attest``): one phrase per row.
QUALITIES = ("原汁原味", "深刻、?诚恳", "真实准确", "实事求是地")
#: The periods of a recurring event (``每月``, ``每季度``) and the schedule's word for each.
EVERY: dict[str, str] = {"月": "month", "季度": "quarter", "季": "quarter", "周": "week",
                         "星期": "week", "年": "year"}

_ANCHOR = re.compile(r"(?:召开|结束|举行)?(?:之后|以后|后|上|之前|以前|前)(?![后期])")
"""Words right after an event that make it the time of something else (``X後``, ``X前``)."""
_FIRM = {v for v, firm in EVENT_VERBS if firm}
_SETUP = re.compile(r"成立([^,;。]{0,24}?)(" + "|".join(w for w, _ in SETUPS) + ")")
_SETUP_ID = {w: name for w, name in SETUPS}
_QUALITY = re.compile("|".join(QUALITIES))
_EVERY = re.compile(r"每(个)?(" + "|".join(EVERY) + r")(至少)?(?:[^,;。]{0,8}?(" + NUM[1:-1] + r")\s*次)?")
_CREDIT_BEFORE = re.compile(r"(?:折算|折合|(?<![累合总])计|记|按)(?:为)?\s*$")
_HOURS = re.compile(r"(不少于|至少|累计|达到)?\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(个)?学时")


def exists(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    """The events held, the documents made and the bodies set up that a sentence states
    (none from a sentence that only tells what was done or came of it)."""
    if describes(s.f):
        return
    means = means_spans(s.f)
    _events(cx, s, means)
    _documents(cx, s, means)
    _setups(cx, s)


_BIDS = re.compile(FIRM.pattern + r"|(?<![重主需纲提只])要求|请|拟|计划|定于|将于|将在|\d{1,2}月|[上中下]旬|底前|年底|年初|年内|由[^,;。]{2,24}?(?:组织|负责|主持|实施)")
"""The words that make a sentence ask for its events: 要 / 須 / 應 / 要求, 抓好 / 開好, 認真 / 切實,
what it schedules (擬, 定於, 將於, 5月底前, 3月中旬), or whom it assigns them (``由領導小組辦公室組織``). A sentence with none of them tells what is
done or was done (``柳塘鎮立足鎮情,紮實開展「三會一課」``); the family recognisers still read
the plan's own plain statements (a verb opening the statement, ``支部召開…``)."""


def _events(cx: Context, s: Sentence, means: list[tuple[int, int]]) -> None:
    f = s.f
    if _BIDS.search(f) is None and not s.heading:
        return
    for m in heads(f, cx.terms(s, ("activity",))):
        if any(a <= m.start < b for a, b in means) or aimed(f, m.start) or exemplified(f, m.start):
            continue
        seg = s.segment_at(m.start)
        if re.search(r"\d+\s*次|[一二两三四五六七八九十]\s*次", f[max(seg[0], m.start - 10):m.start]):
            continue
        pre = f[max(seg[0], m.start - 14):m.start]
        verbs = [v for v, _ in EVENT_VERBS if v in pre and not pre[pre.rfind(v) + 2:].startswith("的")]
        by = re.match(r"[^,;。]{0,10}?由[^,;。]{0,24}?(组织|负责|实施)", f[m.end:])
        if not verbs and not by:
            continue
        if _ANCHOR.match(f, m.end) or re.search(r"在[^,;]*$", pre):
            continue  # 「召開民主生活會前,…」: the meeting places what follows, it is not asked for here
        if re.search(r"[,;]?(的)?(形式|方式)", f[m.end:m.end + 4]):
            continue
        term = m.term
        params: dict[str, Any] = {"activity": term.id, "min": 1}
        refs = [cx.ref(term)]
        cs = [x for x in cx.terms(s, ("group", "role"), seg[0], m.start) if x.term.collective]
        if cs and "组织" in pre:
            params["attended_by"] = [cs[0].id]
            refs.append(cx.ref(cs[0].term))
        conf = 0.75 if any(v in _FIRM for v in verbs) else 0.7
        if others(f, m.start):
            conf = 0.6
        resp = cx.responsible(s, m.start)
        cx.cand(s, "occurs", params, conf, refs + resp, responsible=[r.id for r in resp],
                roster=bool(params.get("attended_by")))


def _documents(cx: Context, s: Sentence, means: list[tuple[int, int]]) -> None:
    f = s.f
    for m in cx.terms(s, ("document",)):
        if any(a <= m.start < b for a, b in means) or aimed(f, m.start) or exemplified(f, m.start):
            continue
        seg = s.segment_at(m.start)
        pre = f[max(seg[0], m.start - 18):m.start]
        if not any(v in pre for v in VERBS_DOC) or re.search(r"(如下|以下|本)$", pre):
            continue
        resp = cx.responsible(s, m.start)
        # A document drafted is weak evidence of a rule on its own (reports and gates on
        # it are the firm ones), and 各單位… addresses other units.
        conf = 0.6 if others(f, m.start) else 0.7
        cx.cand(s, "occurs", {"document": m.id, "min": 1}, conf, [cx.ref(m.term)] + resp,
                responsible=[r.id for r in resp])


def _setups(cx: Context, s: Sentence) -> None:
    for sm in _SETUP.finditer(s.f):
        name = "成立" + (_SETUP_ID[sm.group(2)] or s.text[sm.start(2):sm.end(2)])
        ref = Ref(name, "activity", name, "", False)
        cx.cand(s, "occurs", {"activity": ref.id, "min": 1}, 0.5, [ref], key="setup")


def attests(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    m = _QUALITY.search(f)
    if not m:
        return
    by = None
    refs: list[Ref] = []
    bm = re.search(r"由([^,;。]{0,24}?)(原汁原味|深刻|负责|统一)", f)
    if bm:
        bs = cx.terms(s, ("body", "role"), bm.start(), bm.end())
        if bs:
            by = bs[-1]
    seg = s.segment_at(m.start())
    statement = s.text[seg[0]:seg[1]].strip()
    params: dict[str, Any] = {"statement": statement}
    resp: list[str] = []
    if by is not None:
        # Who signs is a person of that body: the roster's business. The body is the one
        # to remind.
        resp = [by.id]
        refs.append(cx.ref(by.term))
    cx.cand(s, "attest", params, 0.7, refs, responsible=resp)


def recurring(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    for m in _EVERY.finditer(f):
        every = EVERY[m.group(2)]
        seg = s.segment_at(m.start())
        acts = cx.terms(s, ("activity",), m.start(), seg[1]) or cx.terms(s, ("activity",), seg[0], seg[1])
        if not acts:
            continue
        n = low_end(f, m.start(4), num(m.group(4))) if m.group(4) else 1  # 2—3次: at least 2
        cx.cand(s, "recurring", {"activity": acts[0].id, "every": every, "min": n or 1}, 0.85,
                [cx.ref(acts[0].term)])


def quantities(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    for m in _HOURS.finditer(f):
        if _CREDIT_BEFORE.search(f, max(0, m.start() - 4), m.start()):
            continue  # "每半天折算4學時" says how events count: the counting family drafts it
        amount = m.group(2)
        n: float | None = float(amount) if amount[0].isdigit() else num(amount)
        if not n:
            continue
        params: dict[str, Any] = {"min": n, "unit": "學時"}
        refs: list[Ref] = []
        seg = s.segment_at(m.start())
        acts = cx.terms(s, ("activity",), seg[0], seg[1]) or cx.terms(s, ("activity",))
        if acts:
            params["activity"] = acts[0].id
            refs.append(cx.ref(acts[0].term))
        roles = cx.terms(s, ("role",), 0, m.start())
        roster = False
        if roles and re.search(r"每(位|名|人)|人均|每个", f):
            params["per"] = roles[-1].id
            refs.append(cx.ref(roles[-1].term))
            roster = True
        cx.cand(s, "quantity", params, 0.8, refs, roster=roster)
