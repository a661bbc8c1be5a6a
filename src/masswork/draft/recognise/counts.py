"""How many: counts of events (``召開2次X``, ``一次X``, ``集中學習不少於12次``, a set named
``五個一``), quotas per person (``每位/其他每位…至少N次``, ``ROLE均要撰寫DOC``,
``ROLE要參加雙重ACT``) and pairwise talks (``A與B必談``, ``之間必談``, ``分管…``).

The words are table rows: :data:`COUNTED_AS` (whether a quota counts hosting or attending),
:data:`PER_PERSON` (the three ways a sentence sets a quota, tried in order) and
:data:`PAIRS` (the ways a list item pairs people for talks)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..clauses import cn_number
from ..lexicon import Term
from ..sentences import NUM, VERBS_EVENT, Sentence, generic_activity, heads, low_end, num, split_items
from ..text import fold
from .context import Context
from .results import Ref

__all__ = ["COUNTED_AS", "PER_PERSON", "PAIRS", "per_person", "pairwise", "counts"]

#: The verb after a role that says what a quota counts; the first row found wins, else
#: hosting (``每位班子成員至少主持1次``, ``參加2次``).
COUNTED_AS: tuple[tuple[str, str], ...] = (
    ("主持", "host"), ("主讲", "host"), ("参加", "attendee"), ("出席", "attendee"),
)
#: Words before a role that make a quota apply to each person (``每位``, ``其他``, ``各``).
EACH = ("其他", "每位", "每名", "每个", "每人", "各")
#: Words that make a document each person's own (``均要撰寫``), and the verbs of writing one.
ALL = ("均", "都", "每人", "每位", "各自")
WRITE = ("撰写", "提交", "形成", "起草", "完成", "填写")

_QUOTA = re.compile(r"(至少|不少于|最少)?[^,;]{0,8}?" + NUM + r"\s*(次|场|篇|份|件|项)")
_EACH = re.compile("|".join(EACH))
_OBJECT = re.compile(r"(?:与|同(?!志)|跟|和)(?:每名|每位|每个|每一名|每一位|各位|各|全体|所有)?$")
"""A role right after 與/同/跟 is whom someone else talks or works with (``書記每年要與每名黨員談心``):
the quota, if any, is not that role's."""
_WRITES = (re.compile("(" + "|".join(ALL) + r")(要|须|需|应)?[^,;。]{0,8}?(" + "|".join(WRITE) + ")"),
           re.compile(r"()(要|须|需|应)[^,;。]{0,8}?(" + "|".join(WRITE) + ")"))
_ATTENDS = re.compile(r"(要|须|应|均)(参加|出席)(双重)?")


def _counted_as(zone: str) -> str:
    return next((what for verb, what in COUNTED_AS if verb in zone), "host")


def _quotas(cx: Context, s: Sentence) -> bool:
    """``每位班子成員至少主持1次…,其他成員…2次``: one quota, with the other roles' minimums."""
    f = s.f
    quotas = []
    for a, b in s.segments():
        seg = f[a:b]
        m = _QUOTA.search(seg)
        roles = cx.terms(s, ("role",), a, b)
        if not m or not roles:
            continue
        cpos = a + m.start(2)
        role_before = [r for r in roles if r.end <= cpos and not _OBJECT.search(f, a, r.start)]
        if not role_before:
            continue
        n = low_end(f, cpos, num(m.group(2)))
        if n is None:
            continue
        each = _EACH.search(f[a:role_before[-1].start + 2]) is not None
        verb_zone = f[role_before[-1].end:cpos + len(m.group(0))]
        counts = _counted_as(verb_zone)
        obj = cx.terms(s, ("activity", "document"), cpos, b) or \
            cx.terms(s, ("activity", "document"), a, cpos)
        quotas.append((role_before[-1], n, each, counts, obj[0] if obj else None, (a, b),
                       m.group(1) is not None))
    if quotas and (any(q[2] for q in quotas) or any(q[6] for q in quotas)):
        subj = next((q[4] for q in quotas if q[4] is not None), None)
        if subj is None:
            hs = cx.heading_terms(s.unit, ("activity",))
            subj_term = hs[0] if hs else None
        else:
            subj_term = subj.term
        if subj_term is not None:
            base = next((q for q in quotas if q[2]), None)
            if base is None:
                base = next((q for q in quotas if q[0].term.includes), quotas[-1])
            min_for = {q[0].id: q[1] for q in quotas if q is not base and q[0].id != base[0].id}
            key = "document" if subj_term.category == "document" else "activity"
            params: dict[str, Any] = {"role": base[0].id, key: subj_term.id, "min": base[1]}
            if min_for:
                params["min_for"] = min_for
            params["counts"] = "owner" if key == "document" else base[3]
            refs = [cx.ref(base[0].term), cx.ref(subj_term)] + [cx.ref(q[0].term) for q in quotas]
            conf = 0.9 if base[2] else 0.75
            cx.cand(s, "per-person", params, conf, refs, roster=True)
            for q in quotas:
                cx.claimed.add(q[5])
            return True
    return False


def _writes(cx: Context, s: Sentence) -> bool:
    """``ROLE均要撰寫DOC`` / ``每位ROLE…撰寫DOC``: each writes one."""
    f = s.f
    m2 = _WRITES[0].search(f) or _WRITES[1].search(f)
    if m2:
        roles = cx.terms(s, ("role",), 0, m2.start(3))
        docs = cx.terms(s, ("document",), m2.end(), m2.end() + 16)
        if roles and docs and (m2.group(1) or fold(docs[0].id).startswith("个人")) \
                and not roles[-1].term.collective:
            r = roles[-1]
            cx.cand(s, "per-person", {"role": r.id, "document": docs[0].id, "min": 1,
                                      "counts": "owner"},
                    0.8, [cx.ref(r.term), cx.ref(docs[0].term)], roster=True)
            cx.claimed.add(s.segment_at(m2.start()))
            # The collective before 和 (領導班子和班子成員均要…) writes its own one.
            coll = cx.terms(s, ("body",), 0, r.start)
            if coll:
                cx.cand(s, "occurs", {"document": docs[0].id, "min": 1}, 0.7,
                        [cx.ref(docs[0].term)], responsible=[coll[-1].id], key="collective")
            return True
    return False


def _attends(cx: Context, s: Sentence) -> bool:
    """``ROLE要參加(雙重)ACT``: each attends once (twice, 雙重組織生活)."""
    m3 = _ATTENDS.search(s.f)
    if m3:
        roles = cx.terms(s, ("role",), 0, m3.start())
        acts = cx.terms(s, ("activity",), m3.end() - (2 if m3.group(3) else 0), m3.end() + 12)
        if roles and acts and not roles[-1].term.collective:
            n = 2 if m3.group(3) else 1
            cx.cand(s, "per-person", {"role": roles[-1].id, "activity": acts[0].id, "min": n,
                                      "counts": "attendee"},
                    0.6, [cx.ref(roles[-1].term), cx.ref(acts[0].term)], roster=True)
            return True
    return False


#: The ways a sentence sets a quota per person, tried in order; the first that drafts one wins.
PER_PERSON: tuple[Callable[[Context, Sentence], bool], ...] = (_quotas, _writes, _attends)


def per_person(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    for reading in PER_PERSON:
        if reading(cx, s):
            return


#: How a list item pairs people for talks: (words all in the item, words one of which is in
#: it, fewest and most roles it names, mode); the first row that fits is the item's pairing.
PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...], int, int | None, str], ...] = (
    (("之间",), (), 1, None, "among"),               # 班子成員之間必談
    (("分管",), ("科室", "部门"), 0, None, "oversees"),  # 與分管科室負責人必談
    (("分管",), (), 0, 1, "oversees"),
    (("正职", "副职"), (), 0, None, "head-deputy"),    # 正職與副職必談
    ((), ("与", "和", "同"), 2, None, "cross"),        # 黨組書記與班子成員必談
)


def _pairing(item: str, n_roles: int) -> str | None:
    for all_of, one_of, least, most, mode in PAIRS:
        if all(w in item for w in all_of) and (not one_of or any(w in item for w in one_of)) \
                and n_roles >= least and (most is None or n_roles <= most):
            return mode
    return None


def pairwise(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    if "必谈" not in f and not re.search(r"之间[^,;。]{0,6}谈", f):
        return
    pairs: list[dict[str, str]] = []
    refs: list[Ref] = []
    for a, b in split_items(f):
        item = f[a:b]
        if "谈" not in item:
            continue
        roles = cx.terms(s, ("role",), a, b)
        mode = _pairing(item, len(roles))
        if mode == "among":
            pairs.append({"mode": "among", "a": roles[0].id})
            refs.append(cx.ref(roles[0].term))
        elif mode == "oversees":
            rule = {"mode": "oversees"}
            if roles and roles[0].id == "分管領導":
                rule["a"] = roles[0].id
                refs.append(cx.ref(roles[0].term))
            pairs.append(rule)
        elif mode == "head-deputy":
            pairs.append({"mode": "head-deputy"})
        elif mode == "cross":
            pairs.append({"mode": "cross", "a": roles[0].id, "b": roles[1].id})
            refs += [cx.ref(roles[0].term), cx.ref(roles[1].term)]
    if not pairs:
        return
    talks = [x.term for x in cx.terms(s, ("activity",)) if x.id in ("談心談話", "個別談話")]
    act = talks[0] if talks else None
    if act is None:
        hs = [t for t in cx.heading_terms(s.unit, ("activity",)) if re.search(r"谈", fold(t.id))]
        act = hs[0] if hs else cx.lex.get("談心談話")
    assert act is not None
    cx.cand(s, "pairwise", {"activity": act.id, "pairs": pairs}, 0.85, [cx.ref(act)] + refs, roster=True)


def counts(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    found: list[tuple[Term | Ref, int, int, int]] = []
    for m in re.finditer(NUM + r"\s*(次|场|期)(?!性)", f):
        seg = s.segment_at(m.start())
        if seg in cx.claimed:
            continue
        pre = f[max(seg[0], m.start() - 8):m.start()]
        if re.search(r"每(月|季度|季|周|星期|年|半年)", f[max(seg[0], m.start() - 10):m.start()]):
            continue
        if "第" in f[m.start() - 1:m.start()] or not (
                any(v in pre for v in VERBS_EVENT) or re.search(r"(不少于|至少|累计)\s*$", pre)):
            continue
        n = low_end(f, m.start(1), num(m.group(1)))
        if not n:
            continue
        nxt = re.search(NUM + r"\s*(次|场|期)", f[m.end():seg[1]])
        tail_end = m.end() + nxt.start() if nxt else seg[1]
        acts = cx.terms(s, ("activity",), m.end(), tail_end)
        if not acts:
            # 集中學習不少於12次: the activity comes first
            before = cx.terms(s, ("activity",), seg[0], m.start())
            if before and re.fullmatch(r"(不少于|至少|累计|共)?\s*", f[before[-1].end:m.start()]):
                acts = before[-1:]
        if acts:
            hd = heads(f, acts)
            subj: Term | Ref = hd[-1].term if hd else acts[-1].term
            start = (hd[-1] if hd else acts[-1]).start
        else:
            g = generic_activity(s.text[m.end():tail_end], fold(s.text[m.end():tail_end]))
            if g is None:
                continue
            subj = cx.free(g, "activity")
            start = m.end()
        found.append((subj, n, m.start(), start))
    if not found:
        return
    total = len(found)
    setname = re.search(r"[“\"]?([一二三四五六七八九十])个一[”\"]?", f)
    if setname is None:
        for p in s.unit.headings:
            setname = re.search(r"([一二三四五六七八九十])个一", fold(p))
            if setname:
                break
    if setname is None:
        setname = re.search(r"([一二三四五六七八九十])个一", fold(" ".join(x.text for x in s.unit.paragraphs)))
    bonus = 0.05 if setname and cn_number(setname.group(1)) == total else 0.0
    for subj, n, pos, start in found:
        if isinstance(subj, Term):
            ref = cx.ref(subj)
            conf = 0.9
        else:
            ref = subj
            conf = 0.7
        params: dict[str, Any] = {"activity": ref.id, "min": n}
        seg = s.segment_at(pos)
        refs = [ref]
        org = re.search(r"组织([^,;。]{0,10})", s.f[seg[0]:start])
        if org:
            cs = [m for m in cx.terms(s, ("group", "role"), seg[0], start)
                  if m.term.collective]
            if cs:
                params["attended_by"] = [cs[0].id]
                refs.append(cx.ref(cs[0].term))
        resp = [r for r in cx.responsible(s, pos)]
        host = re.search(r"由?([^,;。]{0,10}?)(亲自)?(授课|主讲|主持|讲授)", s.f[seg[0]:seg[1]])
        if host:
            hr = cx.terms(s, ("role",), seg[0], seg[1])
            resp = [cx.ref(hr[0].term)] if hr else resp
        cx.cand(s, "occurs", params, min(conf + bonus, 0.95), refs + resp,
                responsible=[r.id for r in resp], key="count", roster=bool(params.get("attended_by")))
