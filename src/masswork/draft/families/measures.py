"""Amounts that are not study hours, drafted as ``quantity`` with a ``measure``: words of a
report or a 心得 (``不少於3000字``, ``控制在5000字以內``), people present (``每次參加人數不少於
6人``), the quorum of a meeting (``須有半數以上黨員到會``, ``三分之二以上``, ``五分之四``) and
shares (``參學率達到90%以上``, ``比例不超過20%``, ``覆蓋率100%``). One row per phrase shape."""

from __future__ import annotations

import re

from .base import NUMBER, Hit, Params, Statement, number, rows
from .words import activity, document, heading_activity, placeholder

__all__ = ["MEASURE_ROWS", "build_measure", "share_of"]

_LO = r"不少于|不得少于|不低于|不得低于|至少|达到|须达到?|要达到?|应达到?|不小于"
_HI = r"不超过|不得超过|不多于|不高于|不大于|控制在|限制在|限于|最多|至多"
_FRACTION = r"半数|过半数?|三分之二|四分之三|五分之四|三分之一|四分之一|五分之一|百分之[一二三四五六七八九十百]+"
_RATE = r"[\u4e00-\u9fff]{0,4}?(?:率|比例|比重|占比|佔比)"

MEASURE_ROWS = rows("quantity", (
    (rf"(?:(?P<lo>{_LO})|(?P<hi>{_HI}))?[^,;。\d]{{0,2}}?(?P<k>\d+(?:\.\d+)?|[{'零一二三四五六七八九十百千万两'}]+?)"
     rf"(?P<kilo>千|万)?余?(?P<u>字)(?P<tail>以内|以下|以上|左右)?",
     "words of a report or 心得: 不少於3000字, 控制在5000字以內, 3000字左右"),
    (rf"(?:(?P<lo>{_LO})|(?P<hi>{_HI}))(?P<k>\d+|[{'一二三四五六七八九十两'}]+)(?:个)?(?P<u>页)(?P<tail>以内|以下|以上)?",
     "pages: 不少於2頁, 不超過10頁"),
    (rf"(?P<q>参加|到会|出席|参会|列席|参评|参加测评)(?:的)?(?:人数|人员)?[^,;。]{{0,4}}?(?:(?P<lo>{_LO})|(?P<hi>{_HI}))"
     rf"(?:应到会?[\u4e00-\u9fff]{{0,6}}?的)?(?P<share>{_FRACTION}|\d+(?:\.\d+)?%)",
     "the share present, after the verb: 參加測評的人數不得少於應到會黨員的五分之四"),
    (rf"(?:(?P<q0>每次|参加|到会|出席|参会|列席|参评)[^,;。]{{0,8}}?|,(?:一般|原则上)?)(?:(?P<lo>{_LO})|(?P<hi>{_HI}))"
     rf"(?P<k>\d+|[{'一二三四五六七八九十两'}]+)(?P<u>人|名)(?![\u4e00-\u9fff]{{0,2}}(?:党员|干部|代表|同志)?(?:推荐|报名))",
     "people present: 每次參加人數不少於6人, 每次不少於6人, 一般不少於5人", 0.6),
    (rf"(?:须|应|要|必须)?有?(?P<share>(?:应到会?人数的?)?(?:{_FRACTION}|\d+(?:\.\d+)?%))(?:以上)?的?"
     rf"(?P<who>[\u4e00-\u9fff]{{0,9}}?)(?:到会|参会|出席|参加)",
     "a quorum: 須有半數以上黨員到會, 三分之二以上正式黨員到會"),
    (rf"(?P<rate>{_RATE})[^,;。%]{{0,6}}?(?:(?P<lo>{_LO})|(?P<hi>{_HI})|为|在)?(?P<share>\d+(?:\.\d+)?%|{_FRACTION})"
     rf"(?P<tail>以上|以内|以下|左右)?",
     "a share: 參學率達到90%以上, 比例不超過20%, 覆蓋率100%, 佔比為30%"),
    (rf"(?:(?P<lo>{_LO})|(?P<hi>{_HI}))[^,;。]{{0,12}}?(?:总数|人数)?的?(?P<share>\d+(?:\.\d+)?%)(?P<tail>以上|以内|以下)?",
     "a share with its bound first: 原則上不超過參評黨員總數的20%", 0.6),
))

_FRACTIONS = {"半数": 50.0, "过半": 50.0, "过半数": 50.0, "三分之二": 66.67, "四分之三": 75.0, "五分之四": 80.0,
              "三分之一": 33.33, "四分之一": 25.0, "五分之一": 20.0}


def share_of(words: str) -> float | None:
    """``90%`` → 90, ``三分之二`` → 66.67, ``百分之八十`` → 80; None for anything else."""
    w = words.replace("应到会人数的", "").replace("应到人数的", "").replace("应到会人数", "")
    m = re.match(r"(\d+(?:\.\d+)?)%", w)
    if m:
        v = float(m.group(1))
        return v if 0 < v <= 100 else None
    if w.startswith("百分之"):
        n = number(w[3:])
        return float(n) if n is not None and 0 < n <= 100 else None
    return _FRACTIONS.get(w)


_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_PLACES = {"十": 10, "百": 100, "千": 1000}


def _cn_amount(words: str) -> int | None:
    """``一千五百`` → 1500, ``三千`` → 3000, ``两万`` → 20000 (the counts of 個 stop at 百;
    the words of a report do not)."""
    total, section, digit = 0, 0, None
    for c in words:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _PLACES:
            section += (1 if digit is None else digit) * _PLACES[c]
            digit = None
        elif c == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    out = total + section + (digit or 0)
    return out or None


def _amount(k: str, kilo: str | None) -> float | None:
    v = float(k) if k[0].isdigit() else (number(k) or _cn_amount(k))
    if v is None or v <= 0:
        return None
    return float(v) * {"千": 1000, "万": 10000}.get(kilo or "", 1)


def _bounds(g: dict[str, str | None], v: float) -> Params:
    # 以內/以下 and 不超過/控制在 bound from above; anything else (不少於, 以上, 左右, a bare
    # number) from below — 左右 is drafted as its lower end, with the hedge's low confidence.
    if g.get("hi") or g.get("tail") in ("以内", "以下"):
        return {"min": 0.0, "max": v}
    return {"min": v}


_OF_WHAT = re.compile(r"的([\u4e00-\u9fff]{2,10}?)(?=[,;。、]|$|并|和|或)")


def _source(st: Statement, m: re.Match[str], fallback: str, category: str) -> Params:
    if category == "document":
        after = _OF_WHAT.match(st.f, m.end())
        if after:  # "1萬字以上的讀書筆記": what is that long is named after it
            return {"document": document(st, after.start(1), after.end(1))
                    or placeholder(st.words(after.start(1), after.end(1)), "document")}
        doc = document(st, 0, m.end()) or document(st)
        if doc is not None:
            return {"document": doc}
        act = activity(st, 0, m.start())
        return {"activity": act} if act is not None else {"document": placeholder(fallback, "document")}
    act = activity(st) or heading_activity(st) or placeholder(fallback, "activity")
    return {"activity": act}


def build_measure(st: Statement, hit: Hit) -> Params | None:
    m = hit.match
    g = m.groupdict()
    u = g.get("u")
    if u in ("字", "页"):
        v = _amount(g["k"] or "", g.get("kilo"))
        if v is None or (u == "字" and v < 100 and not g.get("kilo")):
            return None  # "八個字", "四字": a motto's length, not a report's
        if not (g.get("lo") or g.get("hi") or g.get("tail")) and not re.search(r"字数|篇幅|字左右", st.f):
            return None  # a bare "3000字" in passing states no bound
        return {"measure": "words" if u == "字" else "pages", "unit": u, "each": True, **_bounds(g, v),
                **_source(st, m, "材料", "document")}
    if u in ("人", "名"):
        v = _amount(g["k"] or "", None)
        if v is None or not re.search(r"每次|参加|到会|出席|参会|列席|参评|测评", st.f):
            return None  # "各支部推薦不少於5人": people named, not present
        return {"measure": "attendees", "unit": "人", "each": True, **_bounds(g, v),
                **_source(st, m, "會議", "activity")}
    share = share_of(st.f[m.start("share"):m.end("share")]) if g.get("share") else None
    if share is None:
        return None
    rate = g.get("rate") or ""
    present = g.get("q") is not None or (g.get("who") is not None and not rate) or \
        re.search(r"到会|参会|出席|参学|参训|到课|参加", rate) is not None
    if present:  # a quorum: those present as a share of those due
        rated = re.search(r"(参学|参训|到课)率", st.f)
        fallback = {"参学": "學習", "参训": "培訓", "到课": "課"}[rated.group(1)] if rated else "會議"
        return {"measure": "attendees", "of": "expected", "unit": "%", "each": True, "min": share,
                **_source(st, m, fallback, "activity")}
    return {"measure": "share", "unit": "%", **_bounds(g, share), **_source(st, m, "工作", "activity")}
