"""How many: counts of events (``召開2次X``, ``一次X``, ``集中學習不少於12次``, a set named
``五個一``), quotas per person (``每位/其他每位…至少N次``, ``ROLE均要撰寫DOC``,
``ROLE要參加雙重ACT``) and pairwise talks (``A與B必談``, ``之間必談``, ``分管…``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..clauses import cn_number
from ..lexicon import Term
from ..sentences import NUM, VERBS_EVENT, Sentence, generic_activity, heads, num, split_items
from ..text import fold
from .context import Context
from .results import Ref

__all__ = ["per_person", "pairwise", "counts"]


def per_person(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    quotas = []
    for a, b in s.segments():
        seg = f[a:b]
        m = re.search(r"(至少|不少于|最少)?[^,;]{0,8}?" + NUM + r"\s*(次|场|篇|份|件|项)", seg)
        roles = cx.terms(s, ("role",), a, b)
        if not m or not roles:
            continue
        cpos = a + m.start(2)
        role_before = [r for r in roles if r.end <= cpos]
        if not role_before:
            continue
        n = num(m.group(2))
        if n is None:
            continue
        each = re.search(r"其他|每位|每名|每个|每人|各", f[a:role_before[-1].start + 2]) is not None
        verb_zone = f[role_before[-1].end:cpos + len(m.group(0))]
        counts = "host" if "主持" in verb_zone or "主讲" in verb_zone else (
            "attendee" if ("参加" in verb_zone or "出席" in verb_zone) else "host")
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
            return
    # ROLE均要撰寫DOC / 每位ROLE…撰寫DOC
    m2 = re.search(r"(均|都|每人|每位|各自)(要|须|需|应)?[^,;。]{0,8}?(撰写|提交|形成|起草|完成|填写)", f) \
        or re.search(r"()(要|须|需|应)[^,;。]{0,8}?(撰写|提交|形成|起草|完成|填写)", f)
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
                          [cx.ref(docs[0].term)], responsible=[coll[-1].id],
                          key="collective")
            return
    # ROLE要參加(雙重)ACT
    m3 = re.search(r"(要|须|应|均)(参加|出席)(双重)?", f)
    if m3:
        roles = cx.terms(s, ("role",), 0, m3.start())
        acts = cx.terms(s, ("activity",), m3.end() - (2 if m3.group(3) else 0), m3.end() + 12)
        if roles and acts and not roles[-1].term.collective:
            n = 2 if m3.group(3) else 1
            cx.cand(s, "per-person", {"role": roles[-1].id, "activity": acts[0].id, "min": n,
                                        "counts": "attendee"},
                      0.6, [cx.ref(roles[-1].term), cx.ref(acts[0].term)], roster=True)


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
        if "之间" in item and roles:
            pairs.append({"mode": "among", "a": roles[0].id})
            refs.append(cx.ref(roles[0].term))
        elif "分管" in item and ("科室" in item or "部门" in item or len(roles) < 2):
            rule = {"mode": "oversees"}
            if roles and roles[0].id == "分管領導":
                rule["a"] = roles[0].id
                refs.append(cx.ref(roles[0].term))
            pairs.append(rule)
        elif "正职" in item and "副职" in item:
            pairs.append({"mode": "head-deputy"})
        elif len(roles) >= 2 and ("与" in item or "和" in item or "同" in item):
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
    cx.cand(s, "pairwise", {"activity": act.id, "pairs": pairs}, 0.85,
              [cx.ref(act)] + refs, roster=True)


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
        n = num(m.group(1))
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
                  responsible=[r.id for r in resp], key="count",
                  roster=bool(params.get("attended_by")))
