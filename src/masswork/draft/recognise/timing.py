"""When: deadlines from calendar phrases (``3月中旬``, ``2月25日前``, a submission deadline
``報…審閱(2月25日前)``, one event in each of several windows ``6月、8月、10月``) and
durations (``8個月左右``, ``不少於3個月``, ``為期7天的讀書班``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...periods import PhraseError, parse_duration
from ..lexicon import Term
from ..sentences import Sentence
from ..text import fold
from .context import Context
from .results import Ref, Review

__all__ = ["QUALIFIERS", "ABOUT", "UNITS", "deadlines", "durations"]

#: The words before a length: (qualifier, what it bounds, whether it makes a number of days
#: a length — ``為期7天`` is one, ``7天內`` a deadline).
QUALIFIERS: tuple[tuple[str, str, bool], ...] = (
    ("不少于", "min", True), ("至少", "min", True),
    ("不超过", "max", False), ("不多于", "max", False),
    ("大致安排", "about", False), ("大约", "about", False), ("约", "about", False),
    ("为期", "", True), ("历时", "", True), ("大致", "about", False),
)
#: The words after a length and what they bound.
ABOUT: dict[str, str] = {"左右": "about", "以上": "min"}
#: Units of a length and how the duration phrase writes them.
UNITS: dict[str, str] = {"月": "個月", "年": "年", "周": "周", "星期": "周", "天": "天"}

_QUALIFIER = {w: (bound, days) for w, bound, days in QUALIFIERS}
#: When two words bound a length differently, the first of these wins.
_PRECEDENCE = ("min", "max", "about", "")
_LENGTH = {"min": "不少於{}", "max": "不超過{}", "about": "{}左右", "": "{}"}
_DURATION = re.compile("(" + "|".join(w for w, _, _ in QUALIFIERS) + r")?\s*"
                       r"(\d+|[一二两三四五六七八九十半]+)\s*(个)?(" + "|".join(UNITS) + ")"
                       r"(左右|以上)?(的时间|时间)?")


def _subjects(cx: Context, s: Sentence, a: int, b: int) -> tuple[list[Term | Ref], float]:
    """What the date at s[a:b] is the deadline of, and how sure: the events counted in the
    sentence when the date closes it in brackets, else the subject of its segment, else the
    last one named before it, else the clause heading's."""
    f = s.f
    seg = s.segment_at(a)
    paren = f[a - 1:a] == "(" or f[b:b + 1] == ")"
    if paren and b >= len(f.rstrip("。.)")) - 1:
        counted: list[Term | Ref] = [m.term for m in cx.counted_activities(s)]
        if counted:
            return counted, 0.9
    near = cx.terms(s, ("activity", "document"), seg[0], seg[1])
    if near:
        before = [m for m in near if m.end <= a]
        return [(before[-1] if before else near[0]).term], 0.9
    near = cx.terms(s, ("activity", "document"), 0, a)
    if near:
        return [near[-1].term], 0.8
    hs = cx.heading_terms(s.unit, ("activity", "document"))
    if hs:
        return [hs[0]], 0.7
    return [], 0.9


def deadlines(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    found: list[tuple[Ref, str, float]] = []
    for a, b, raw in cx.dates(s):
        seg = s.segment_at(a)
        if any(x.start >= b and x.start - b <= 20 and re.match(r"(结束|召开)?(后|之后|以后)", f[x.end:x.end + 4])
               for x in cx.terms(s, ("activity",))) \
                or re.match(r"[^,;。]{0,6}(会议|会)(结束)?(后|之后)", f[b:b + 12]):
            continue  # the date names an anchor: "2月24日…動員大會後"
        # Submission deadline: "報市委督導組審閱(2月25日前)"
        rep = re.search(r"(报送|上报|报|提交|交)[^,;。]{0,20}$", f[seg[0]:a])
        rep_pos = rep.start() + seg[0] if rep else None
        after_rep = re.match(r"[)]?(报送|上报|报|提交|交)", f[b:b + 4])
        if rep_pos is None and after_rep:
            rep_pos = b + after_rep.start(1)
        bodies = cx.terms(s, ("body",), seg[0], seg[1])
        if rep_pos is not None and bodies:
            doc = cx.doc_before(s, prior, rep_pos)
            if doc is not None:
                cx.cand(s, "deadline", {"document": doc.id, "action": "submitted",
                                        "party": bodies[0].id, "within": raw},
                        0.85, [doc, cx.ref(bodies[0].term)])
                continue
        subjects, conf = _subjects(cx, s, a, b)
        if not subjects:
            cx.out.reviews.append(Review(s.unit.id, s.text, s.line,
                                         f"date {raw} without a subject 日期缺少對象"))
            continue
        for t in subjects:
            r = cx.ref(t) if isinstance(t, Term) else t
            found.append((r, raw.strip("()"), conf))
    per_subject: dict[str, list[tuple[Ref, str, float]]] = {}
    for r, within, conf in found:
        per_subject.setdefault(r.id, []).append((r, within, conf))
    for rid, rows in per_subject.items():
        windows = list(dict.fromkeys(w for _, w, _ in rows))
        for r, within, conf in rows:
            key = "document" if r.category == "document" else "activity"
            if len(windows) > 1 and key == "activity":
                # 時間安排在6月、8月、10月: one in each window, not a first-by deadline
                cx.cand(s, "occurs", {key: r.id, "min": 1, "within": within}, conf - 0.05, [r],
                        key="window")
            else:
                cx.cand(s, "deadline", {key: r.id, "within": within}, conf, [r])


def durations(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    for m in _DURATION.finditer(f):
        if re.search(r"近$", f[max(0, m.start() - 1):m.start()]) or re.match(r"内", f[m.end():m.end() + 1]):
            continue
        qual, amount, unit, about, timeword = m.group(1), m.group(2), m.group(4), m.group(5), m.group(6)
        pre = f[max(0, m.start() - 12):m.start()]
        if not (qual or about or timeword or "时间" in pre):
            continue
        if unit == "年" and not m.group(3) and not qual:
            continue
        if unit == "月" and not m.group(3):
            continue  # 2月 is a date, 2個月 a length
        if unit == "天" and not (qual and _QUALIFIER[qual][1]):
            continue
        core = "半年" if amount == "半" and unit == "年" else f"{amount}{UNITS[unit]}"
        bounds = {_QUALIFIER[qual][0] if qual else "", ABOUT.get(about or "", ""),
                  "about" if "大致" in pre else ""}
        bound = next(b for b in _PRECEDENCE if b in bounds)
        length = _LENGTH[bound].format(core)
        try:
            parse_duration(length)
        except PhraseError:
            continue
        params: dict[str, Any] = {"length": length}
        refs: list[Ref] = []
        of = re.match(r"的?", f[m.end():])
        acts = cx.terms(s, ("activity",), m.end(), m.end() + (of.end() if of else 0) + 12)
        if acts and acts[0].start - m.end() <= 2:
            # 為期7天的讀書班: the span of that activity
            params["start_activity"] = params["end_activity"] = acts[0].id
            refs.append(cx.ref(acts[0].term))
        else:
            period = _period_before(s, m.start())
            if period:
                params["period"] = period
        cx.cand(s, "duration", params, 0.85, refs)


def _period_before(s: Sentence, pos: int) -> str | None:
    """The span a duration measures when the words before it name one: ``集中教育時間不少於
    3個月`` → ``集中教育`` (the id of a period the schedule declares)."""
    m = re.search(r"([\u4e00-\u9fff]{2,})(的)?时间(为|是)?$", s.f[:pos])
    if not m:
        return None
    run_end = m.end(1)
    start = max(m.start(1), run_end - 4)
    words = s.text[start:run_end]
    if re.search(r"活动|安排|工作|大致|全部", fold(words)):
        return None
    return words
