"""In what order: an event after, before or at another (``X後``, ``在X上``, ``X前``, ``提前N天``),
relative to the meeting a clause is about (``會前15天…``, ``會後形成…``), and gates — a
document approved before something may go on (``經…審閱同意後``, ``征得同意後``, ``批准後``,
``方可``, ``下一環節``).

Each phrase is a row of a table: :data:`RELATIONS` (the words round an activity that place
something against it), :data:`MEETING` (words for "the meeting" itself), :data:`APPROVALS`
and :data:`INTROS` (the words of an approval and of the body asked for it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...hanzi import script_of
from ...periods import PhraseError, parse_offset
from ..lexicon import Match, Term
from ..sentences import NUM, VERBS_DOC, Sentence, list_of
from .context import Context

__all__ = ["RELATIONS", "MEETING", "APPROVALS", "INTROS", "orders", "meeting_relative", "gates"]

#: (the words right before an activity, the words right after it, words after it that are
#: not this phrase, the relation): the first row that matches places what follows.
RELATIONS: tuple[tuple[str, str, str | None, str], ...] = (
    ("", r"(结束|召开|举行)?(之后|以后|后)", None, "after"),       # 動員大會後
    ("在", r"上", None, "same_day"),                              # 在動員大會上
    ("", r"(召开)?(之前|以前|前)", r"前[后期]", "before"),         # 動員大會前 (not 前後, 前期)
)

#: Words for the meeting a clause is about, and whether what they introduce comes before it.
MEETING: tuple[tuple[str, bool], ...] = (
    ("会前", True),
    ("会议召开前", True),
    ("会后", False),
    ("会议结束后", False),
)

#: The words of an approval, and whether an approval with no document named is of a request
#: (請示) — 批准 approves a request; 同意 a document the clause names.
APPROVALS: tuple[tuple[str, bool], ...] = (
    ("审阅并同意", False), ("审阅同意", False), ("审核同意", False), ("研究同意", False),
    ("审议通过", False), ("研究通过", False), ("研究确定", False), ("审定", False),
    ("同意", False), ("批准", True), ("批复", True), ("审批", True),
)

#: The words that introduce who approves (``經黨組研究同意``, ``報督導組審閱同意``), and
#: whether they ask for an approval (then the approver may be the body the document went to).
INTROS: tuple[tuple[str, bool], ...] = (
    ("征得", True), ("须经", True), ("经过", True), ("经", True),
    ("报送", False), ("报", False), ("交", False), ("提请", False),
)

_APPROVAL = re.compile("(" + "|".join(w for w, _ in APPROVALS) + r")(之后|以后|后)?")
_OF_REQUEST = {w for w, request in APPROVALS if request}
_INTRO = re.compile("|".join(w for w, _ in INTROS))
_ASKS = {w for w, asks in INTROS if asks}
_MEETING = re.compile("(" + "|".join(w for w, _ in MEETING) + r")\s*"
                      r"((?:" + NUM[1:-1] + r")\s*(个)?(天|日|周|个工作日|小时))?")
_BEFORE_MEETING = {w for w, before in MEETING if before}
_WITHIN_AFTER = re.compile(r"(?:[,]?[^,;:。]{0,8}?(?:在|于))?\s*(" + NUM + r"\s*(?:个)?(?:天|日|周|个工作日|工作日|个月))"
                           r"\s*(?:之内|以内|内)")
"""A limit right after 後 or in the clause after it (``後一週內``, ``後,要在5個工作日內``)."""
_LEAD = re.compile(r"(会前|提前)\s*" + NUM + r"\s*(个)?(天|日|周|个工作日|小时)")


def _relation(f: str, m: Match) -> tuple[str, int] | None:
    """The relation the words round activity ``m`` state, and where they end."""
    tail = f[m.end:m.end + 6]
    for before, after, unless, relation in RELATIONS:
        if before and f[max(0, m.start - len(before)):m.start] != before:
            continue
        hit = re.match(after, tail)
        if hit and not (unless and re.match(unless, tail)):
            return relation, m.end + hit.end()
    return None


def orders(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    acts = cx.terms(s, ("activity",))
    for m in acts:
        placed = _relation(f, m)
        if placed is None:
            continue
        relation, end = placed
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
        lead = _LEAD.search(f)
        if lead and relation == "before":
            params["lead"] = s.text[lead.start():lead.end()]
        limit = _WITHIN_AFTER.match(f, end)
        if limit and relation == "after":
            # 「動員大會結束後一週內,…」「…結束後,各支部要在一週內召開…」: after it, and within that
            raw = ("會後" if script_of(s.text) == "zh-Hant" else "会后") + s.text[limit.start(1):limit.end()]
            try:
                parse_offset(raw)
                params["lead"] = raw
            except PhraseError:
                pass
        cx.cand(s, "order", params, conf, [cx.ref(subj), cx.ref(m.term)])


def meeting_relative(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    """``會前15天將對照檢查材料報…`` / ``會前要開展談心談話`` / ``會後形成…報告``: the
    meeting is the one the sentence (or the one before it) names."""
    f = s.f
    m = _MEETING.search(f)
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
    before = m.group(1) in _BEFORE_MEETING
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


def _approvers(cx: Context, s: Sentence, prior: Sequence[Sentence], intro: re.Match[str] | None,
               start: int, end: int) -> list[Match]:
    """The bodies that approve: named between the intro word and the approval, else (when the
    intro asks for an approval) the body the document was sent to, here or just before."""
    f = s.f
    bodies = cx.terms(s, ("body",), start, end)
    if not bodies and intro is not None and intro.group(0) in _ASKS:
        bodies = [x for x in cx.terms(s, ("body",), 0, end)
                  if re.search(r"(报送|报|交|向)[^,;。]{0,16}$", f[max(0, x.start - 18):x.start])]
        if not bodies:
            for p in reversed(prior):
                bs = [x for x in cx.terms(p, ("body",))
                      if re.search(r"(报送|报|交|向|与)[^,;。]{0,16}$", p.f[max(0, x.start - 18):x.start])]
                if bs:
                    return bs[-1:]
    return bodies


def _approved(cx: Context, s: Sentence, prior: Sequence[Sentence], docs: list[Match],
              approval: str) -> list[Term]:
    """The documents approved: those named before the approval, else the last one an
    earlier sentence or the clause's heading names, else (批准) a request."""
    if docs:
        named = list_of(s.f, docs)
        if named:
            return named
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
    if d is None and approval in _OF_REQUEST:
        d = cx.lex.get("請示")
    return [d] if d is not None else []


def gates(cx: Context, s: Sentence, prior: Sequence[Sentence]) -> None:
    f = s.f
    last = 0
    carried: list[Match] = []
    for m in _APPROVAL.finditer(f):
        intro = None
        for v in _INTRO.finditer(f[last:m.start()]):
            intro = v
        if intro is None and not m.group(2):
            last = m.end()
            carried = []
            continue
        zone_start = last + (intro.end() if intro else 0)
        bodies = carried + _approvers(cx, s, prior, intro, zone_start, m.start())
        doc_terms = _approved(cx, s, prior, cx.terms(s, ("document",), last, m.start()), m.group(1))
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
                                0.75, [cx.ref(made[0].term), cx.ref(d2), cx.ref(bodies[0].term)])
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
