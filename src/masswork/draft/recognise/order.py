"""In what order: an event after, before or at another (``X後``, ``在X上``, ``X前``, ``提前N天``),
relative to the meeting a clause is about (``會前15天…``, ``會後形成…``), and gates — a
document approved before something may go on (``經…審閱同意後``, ``征得同意後``, ``批准後``,
``方可``, ``下一環節``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...periods import PhraseError, parse_offset
from ..lexicon import Match, Term
from ..sentences import NUM, VERBS_DOC, Sentence, list_of
from .context import Context

__all__ = ["orders", "meeting_relative", "gates"]


def orders(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    acts = cx.terms(s, ("activity",))
    for m in acts:
        tail = f[m.end:m.end + 6]
        am = re.match(r"(结束|召开|举行)?(之后|以后|后)", tail)
        relation = None
        if am:
            relation = "after"
            end = m.end + am.end()
        elif f[max(0, m.start - 1):m.start] == "在" and tail.startswith("上"):
            relation = "same_day"
            end = m.end + 1
        elif re.match(r"(召开)?(之前|以前|前)", tail) and not re.match(r"前[后期]", tail):
            relation = "before"
            end = m.end + len(re.match(r"(召开)?(之前|以前|前)", tail).group(0))  # type: ignore[union-attr]
        if relation is None:
            continue
        subj: Term | None = None
        later = [x for x in cx.terms(s, ("activity", "document"), end) if x.id != m.id]
        seg_after = s.segment_at(end)
        if later:
            docs = [x for x in later if x.category == "document"
                    and any(v in f[max(end, x.start - 8):x.start] for v in VERBS_DOC + ("报送", "报"))]
            pick = docs[0] if docs and (not [x for x in later if x.category == "activity"]
                                        or docs[0].start < seg_after[1] + 40) else later[0]
            if relation == "before" or pick.category == "activity" or docs:
                subj = pick.term
        if subj is None and relation == "same_day":
            continue
        if subj is None and relation == "before":
            earlier = [x for x in cx.terms(s, ("activity", "document"), 0, m.start) if x.id != m.id]
            subj = earlier[-1].term if earlier else None
        conf = 0.85
        if subj is None:
            hs = [t for t in cx.heading_terms(s.unit, ("activity", "document")) if t.id != m.id]
            subj = hs[0] if hs else None
            conf = 0.75
        if subj is None:
            continue
        key = "document" if subj.category == "document" else "activity"
        params: dict[str, Any] = {key: subj.id, "relation": relation, "anchor_activity": m.id}
        lead = re.search(r"(会前|提前)\s*" + NUM + r"\s*(个)?(天|日|周|个工作日|小时)", f)
        if lead and relation == "before":
            params["lead"] = s.text[lead.start():lead.end()]
        cx.cand(s, "order", params, conf, [cx.ref(subj), cx.ref(m.term)])


def meeting_relative(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    """``會前15天將對照檢查材料報…`` / ``會前要開展談心談話`` / ``會後形成…報告``: the
    meeting is the one the sentence (or the one before it) names."""
    f = s.f
    m = re.search(r"(会前|会议召开前|会后|会议结束后)\s*"
                  r"((?:" + NUM[1:-1] + r")\s*(个)?(天|日|周|个工作日|小时))?", f)
    if not m:
        return
    if re.match(r"[^,;。]{0,6}(发放|下发|印发|分发|送达)", f[m.end():]):
        return  # forms handed out before the meeting: a notice
    anchors = [x for x in cx.terms(s, ("activity",), 0, m.start())]
    if not anchors:
        for p in reversed(prior):
            if p.heading:
                continue
            acts = cx.terms(p, ("activity",))
            if acts:
                anchors = acts[-1:]
                break
    if not anchors:
        return
    anchor = anchors[-1]
    later = [x for x in cx.terms(s, ("activity", "document"), m.end()) if x.id != anchor.id]
    if not later:
        return
    subj = later[0]
    before = m.group(1) in ("会前", "会议召开前")
    params: dict[str, Any] = {}
    if subj.category == "document":
        params["document"] = subj.id
        bodies = [x for x in cx.terms(s, ("body", "role"), subj.end)
                  if re.search(r"(报送|报|交|提交)[^,;。]{0,12}$", f[subj.end:x.start])]
        if bodies:
            params["action"] = "submitted"
            params["party"] = bodies[0].id
    else:
        params["activity"] = subj.id
    params["relation"] = "before" if before else "after"
    params["anchor_activity"] = anchor.id
    if m.group(2):
        raw = ("會前" if before else "會後") + s.text[m.start(2):m.end(2)]
        try:
            parse_offset(raw)
            params["lead"] = raw
        except PhraseError:
            pass
    if not before:
        params.pop("lead", None)
    cx.cand(s, "order", params, 0.8, [cx.ref(subj.term), cx.ref(anchor.term)])


def gates(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    last = 0
    carried: list[Match] = []
    for m in re.finditer(r"(审阅并同意|审阅同意|审核同意|研究同意|审议通过|研究通过|研究确定|审定|"
                         r"同意|批准|批复|审批)(之后|以后|后)?", f):
        chunk = f[last:m.start()]
        intro = None
        for v in re.finditer(r"征得|须经|经过|经|报送|报|交|提请", chunk):
            intro = v
        if intro is None and not m.group(2):
            last = m.end()
            carried = []
            continue
        zone_start = last + (intro.end() if intro else 0)
        bodies = cx.terms(s, ("body",), zone_start, m.start())
        if not bodies and intro is not None and intro.group(0) in ("征得", "经", "经过", "须经"):
            bodies = [x for x in cx.terms(s, ("body",), 0, m.start())
                      if re.search(r"(报送|报|交|向)[^,;。]{0,16}$", f[max(0, x.start - 18):x.start])]
            if not bodies:
                for p in reversed(prior):
                    bs = [x for x in cx.terms(p, ("body",))
                          if re.search(r"(报送|报|交|向|与)[^,;。]{0,16}$", p.f[max(0, x.start - 18):x.start])]
                    if bs:
                        bodies = bs[-1:]
                        break
        bodies = carried + bodies
        docs = cx.terms(s, ("document",), last, m.start())
        if not docs and carried:
            docs = []
        doc_terms: list[Term] = list_of(f, docs) if docs else []
        if not doc_terms:
            d = None
            for p in reversed(prior):
                if p.heading:
                    continue
                ds = cx.terms(p, ("document",))
                if ds:
                    d = ds[-1].term
                    break
            if d is None:
                hs = cx.heading_terms(s.unit, ("document",))
                d = hs[0] if hs else None
            if d is None and m.group(1) in ("批准", "批复", "审批"):
                d = cx.lex.get("請示")
            doc_terms = [d] if d is not None else []
        last = m.end()
        rest = f[m.end():]
        joined = re.match(r"[^,;。]{0,2}(并|和|后再|再)(报|经|交)", rest)
        if not m.group(2) and joined and bodies:
            carried = bodies  # 經黨組研究確定並報督導組審閱同意後: both approve
            continue
        carried = []
        if not bodies or not doc_terms:
            continue
        approved_by = list(dict.fromkeys(b.id for b in bodies))
        anchor: dict[str, Any] = {}
        conf = 0.85
        made: list[Match] = []
        if m.group(2) or re.match(r"[^。]{0,4}方可", rest):
            if re.match(r"[^。]{0,20}下一(个)?[“\"]?[^。]{0,14}?(环节|阶段)", rest) and cx.out.next_phase:
                anchor = {"before_phase": cx.out.next_phase}
            else:
                nxt = [x for x in cx.terms(s, ("activity", "document"), m.end())]
                made = [x for x in nxt if x.category == "document"
                        and any(v in f[max(m.end(), x.start - 8):x.start] for v in VERBS_DOC)]
                if made:
                    for d2 in doc_terms:
                        cx.cand(s, "order", {"document": made[0].id, "relation": "after",
                                               "anchor_document": d2.id, "anchor_action": "approved",
                                               "anchor_party": approved_by[0]},
                                  0.75, [cx.ref(made[0].term), cx.ref(d2),
                                         cx.ref(bodies[0].term)])
                elif nxt and nxt[0].category == "activity":
                    anchor = {"before_activity": nxt[0].id}
        if not anchor and cx.in_preparation(s.unit) and cx.has_mobilization:
            anchor = {"before_activity": "動員大會"}
            conf = 0.7
        if not anchor:
            if not made:
                # Approval with nothing named that waits for it: the document is approved.
                for d in doc_terms:
                    cx.cand(s, "occurs", {"document": d.id, "action": "approved",
                                            "party": approved_by[0], "min": 1}, 0.7,
                              [cx.ref(d), cx.ref(bodies[0].term)], key="approved")
            continue
        for d in doc_terms:
            refs = [cx.ref(d)] + [cx.ref(b.term) for b in bodies]
            if "before_activity" in anchor:
                t = cx.lex.get(anchor["before_activity"])
                if t is not None:
                    refs.append(cx.ref(t))
            cx.cand(s, "gate", {"document": d.id, "approved_by": approved_by, **anchor}, conf, refs)
