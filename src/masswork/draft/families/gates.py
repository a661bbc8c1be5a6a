"""Gates: what waits for an approval — ``經X審閱同意後``, ``審核通過後方可``, ``須經X同意``,
``報X審批後實施``, ``待X審定後再…``, ``未經X批准,不得Y``, ``確需請假的,須經組長同意``,
``從嚴審閱``. The approver is a lexicon role or body when one spans its words, else the
plan's words (a placeholder); what is approved is the document the statement names, else a
request (請示); what waits is the activity or verb after the approval, the meeting of a
``會前…``, the statement before's activity, the heading's. The rows are part of
:mod:`.sequence`'s table (one family: order, gate)."""

from __future__ import annotations

import re

from ...hanzi import script_of
from ..lexicon import LEXICON
from ..recognise import Ref
from ..text import fold
from .base import Hit, Params, Statement, rows
from .words import activity, document, heading_activity, parties, party, placeholder

__all__ = ["GATE_ROWS", "gate", "gate_before"]

_DOC_VERB = re.compile(r"整理|填写|撰写|形成|提交|报送|起草|制定|写出|写好|修改|完善")
"""Verbs of drafting a document (整理會議記錄, 撰寫…材料): not an event that waits."""

GATE_ROWS = rows("gate", (
    ((r"未经(?P<unless_by>[^,;。]{0,16}?)(?:审核|审批|批准|同意|审定|审查|审议|审阅|讨论|研究)(?:通过|同意)?(?:的)?[,]?"
      r"[^,;。]{0,10}?(?:一律|均)?(?:不得|不能|不准|不许|严禁|禁止)(?:擅自|自行|私自)?(?P<gated>[^,;。]{2,16})"),
     "未經X批准,不得Y / 未經X同意不得Y: Y waits for X's approval"),
    (r"(?:审核|审阅|审定|审查|审批|批准|批复|同意|把关|研究|讨论|审议|验收|考核|考察)(?:通过|合格)?(?:后|以后|之后)",
     "approved, then: 審閱同意後, 審核通過後, 研究通過後, 報X審批後, 驗收合格後"),
    ((r"(?:确需|确因|如需|确要|因故|遇特殊情况确需)(?P<cond>[^,;。]{2,12}?)的,?(?:须|需|必须|应|要)?(?:经|报|征得)"
      r"[^,;。]{1,16}?(?:审核|审批|批准|同意|准假|备案同意)"), "a condition needing approval: 確需請假的,須經組長同意"),
    (r"(?:须经|需经|必须经|经)[^,;。]{1,16}?(?:审核|审阅|审定|审批|批准|同意|把关|审查|审议)", "須經X同意, 須經X集體審議"),
    (r"(?<![呈上])报(?:请|经)?[^,;。]{2,26}?(?:审批|批准|审定|审核|同意)(?![后通])", "報X審批, 報X審核, 報X同意: X approves what is sent", 0.6),
    (r"(?:须|需|应|要)?(?:事先|提前|预先)?向(?P<leave>[^,;。]{2,12}?)请假", "須事先向X請假: leave asked of X first", 0.6),
    (r"(?:同|与|和)(?P<with>[^,;。]{2,16}?)(?:协商确定|协商一致|商定)", "agreed with X first: 同督導組協商確定", 0.6),
    (r"(?:方可|才能|才可|才)(?:召开|实施|印发|开展|进行|下发|上报|转入|列为|进入|办理)", "審核通過後方可召開, 方可轉入…階段"),
    (r"(?P<by_body>由)[^,;。]{2,16}?(?:审核把关|审核|审定|审查|把关)(?![后通])", "由X審核把關: X approves the document first", 0.6),
    (r"从严(?:审阅|审核|把关)|严格把关", "從嚴審閱"),
))


_SUBMITTED = re.compile(r"(?:报告|材料|提纲|总结|意见|清单)$")
"""Documents that are handed in: approved before they are (when nothing else is named)."""
_PLAN_LIKE = re.compile(r"(?:方案|措施|计划|規劃|规划|办法|清单)$")

def _gated_step(st: Statement, doc: Ref, after_at: int) -> Ref | None:
    """What waits for the approval: an activity after it, a verb (實施, 召開 …), the
    activity of the statement before (``集中學習不得請假;確需請假的,須經組長同意``), the
    clause's heading — else a plan-like document's own implementation (方案 → 方案實施)."""
    after = activity(st, after_at)
    if after is not None:
        return after
    if re.search(r"(?:^|[,;于在须应要])会前|(?:^|[,;于在])会议召开前", st.f):
        # 「材料須於會前10天報…審核」: the meeting waits (the heading's, else 會議 in the plan's script)
        return heading_activity(st) or placeholder("會議" if script_of(st.text) == "zh-Hant" else "会议", "activity")
    verb = re.search(r"召开|实施|印发|开展|进行|下发|上报|报送|定稿|提交|公布|执行|启动|发布|"
                     r"(?:列为|转为|转入|进入|办理|确定为)[^,;:。]{0,10}", st.f[after_at:])
    named = activity(st)
    if named is not None and (fold(named.name) in fold(doc.name)
                              or (not named.known and re.search(r"经|报", fold(named.name)))
                              or (not named.known and _DOC_VERB.search(fold(named.name)))):
        named = None  # (not 「改方案經支委會」 cut from the approval itself, nor 「撰寫…材料」 the drafting)
    bare = verb is not None and re.match(r"[,;:。]|$", st.f[after_at + verb.end():]) is not None
    if named is not None and (verb is None or bare):
        return named  # 「召開專題民主生活會前…經同意後方可召開」: the meeting named before
    if verb is not None:
        return placeholder(st.words(after_at + verb.start(), after_at + verb.end()), "activity")
    if st.before:
        before = Statement(st.clause, st.before, st.before, st.line)
        prev = activity(before)
        doc_before = document(before)
        if prev is not None and not (not prev.known and doc_before is not None
                                     and fold(prev.name) in fold(doc_before.name)):
            return prev  # (not 對照檢查 cut out of the 對照檢查材料 the statement before names)
    head = heading_activity(st)
    if head is not None:
        return head
    if _PLAN_LIKE.search(fold(doc.name)):
        # the implementation, in the statement's script (as 會議 above: a Simplified plan gets 实施)
        return placeholder(doc.name + ("實施" if script_of(st.text) == "zh-Hant" else "实施"), "activity")
    return None


_ADVERB = re.compile(r"(?:认真|严格|从严|共同|统一|集体)$")


def _unadorned(r: Ref) -> Ref:
    """``督導組認真(審查)`` names 督導組, ``(報)經黨委`` 黨委: the adverb before the verb and
    the 經 after 報 are not the body's."""
    if r.known:
        return r
    lead = re.match(r"(?:告)?经", fold(r.name))  # (報)告經黨組會議 → 黨組會議
    name = r.name[lead.end():] if lead and len(r.name) - lead.end() >= 2 else r.name
    cut = _ADVERB.search(fold(name))
    if cut and cut.start() >= 2:
        name = name[:cut.start()]
    return placeholder(name, r.category) if name != r.name else r


def gate_before(st: Statement, topic: Ref | None) -> Params | None:
    """A gate that names nothing waiting for it (``材料…黨委要從嚴審閱``, ``確需請假的,須經
    組長同意`` alone) waits for the event the plan is about (``topic``: the first meeting the
    article names); in a plan about no meeting, a document handed in (報告, 材料, 提綱) waits
    to be handed in (``述職報告須經班子集體審議``)."""
    for row in GATE_ROWS:
        m = row.pattern.search(st.f)
        if m is None:
            continue
        params = _gate(st, Hit(row, m), topic, handed_in=topic is None)
        if params is not None:
            return params
    return None


_APPROVER = re.compile(r"(?:报经|须经|需经|必须经|经过|经|(?<![呈上汇])报(?:送|请)?(?!告))(?P<x>[^,;。]{2,26}?)(?:认真|严格|集体)?"
                       r"(?:审核|审阅|审定|审查|审批|批准|同意|讨论|研究|审议|验收|考核)|向(?P<x2>[^,;。]{2,12}?)请假")


def _approver(st: Statement) -> list[Ref]:
    """Who approves in ``經X審核 / 經X討論通過``: X (a lexicon role or body, else its words)."""
    m = _APPROVER.search(st.f)
    if m is None:
        return []
    g = "x" if m.group("x") else "x2"
    a0, a1 = m.start(g), m.end(g)
    out = []
    for item in re.finditer(r"[^、和及]+", st.f[a0:a1]):
        i0, i1 = a0 + item.start(), a0 + item.end()
        sent = re.search(r"(?:派人|派员|派专人)[\u4e00-\u9fff]{0,4}$|(?:预审|初审|备案)$", st.f[i0:i1])
        if sent and sent.start() >= 2:
            i1 = i0 + sent.start()  # 「經上級黨委派人談話、審批」「報鄉鎮黨委預審同意」: the body approves
        known = [t for t in st.terms("role", "body") if t.start == i0 and t.end == i1]
        if known:
            t = known[0].term
            out.append(Ref(t.id, t.category, t.id, t.name_en, True))
        elif i1 - i0 >= 2:
            out.append(_unadorned(placeholder(st.words(i0, i1), "body")))
    return out


_FILED = re.compile(r"[^,;:。]{0,4}?(?:存档|归档|备查)")
_APPROVAL_WORD = re.compile(r"审核|审阅|审定|审查|批准|批复|同意|把关|研究|讨论")


def _approver_before(st: Statement, at: int) -> list[Ref]:
    """Who approves in ``督導組審核同意後``: the role or body that stands right before the
    approval word, at the start of its comma segment."""
    seg0 = max(st.f.rfind(c, 0, at) for c in ",;:。") + 1
    if not 2 <= at - seg0 <= 12:
        return []
    known = [t for t in st.terms("role", "body") if seg0 <= t.start and t.end <= at
             and re.fullmatch(r"(?:认真|严格|从严)?(?:审核|审阅|审查|研究|审议)?", st.f[t.end:at])]
    if known:
        t = known[0].term
        return [Ref(t.id, t.category, t.id, t.name_en, True)]
    # 「材料待縣紀委批准後」「支部委員會研究同意後」: a body the lexicon does not know, in its words
    seg = st.f[seg0:at]
    lead = re.search(r"待|等|由|经|报|交|在", seg)  # the first: 「待鎮農經站」 is asked of 鎮農經站
    a0 = seg0 + (lead.end() if lead else 0)
    tail = re.search(r"(?:认真|严格|从严|集体)?(?:预审|初审|审核|审阅|审查|研究|审议|讨论|备案)?$", st.f[a0:at])
    a1 = a0 + (tail.start() if tail else at - a0)
    if a1 - a0 >= 2 and _BODY_WORD.search(st.f[a0:a1]):
        return [placeholder(st.words(a0, a1), "body")]
    return []


_BODY_WORD = re.compile(r"(?:党委|党组|党工委|支部|委员会|支委会|组织部|纪委|监委|领导小组|督导组|指导组|办公室|工作组|"
                        r"委|局|处|科|中心|小组|班子|站|所)$")
"""The end of a body's name: what approves, when the lexicon does not know it."""


def _request(st: Statement) -> Ref:
    """What is approved when the statement names no document: the request for approval
    (請示) the lexicon knows — an approval with nothing named approves a request."""
    t = LEXICON.get("請示")
    if t is None:  # pragma: no cover - the lexicon has it
        return placeholder("請示" if script_of(st.text) == "zh-Hant" else "请示", "document")
    return Ref(t.id, t.category, t.id, t.name_en, True)


def _gate(st: Statement, hit: Hit, topic: Ref | None = None, handed_in: bool = False) -> Params | None:
    m = hit.match
    g = m.groupdict()
    if _FILED.match(st.f, m.end()):
        return None  # 「由黨支部審閱後存檔」: read and filed, nothing waits for an approval
    if g.get("gated"):
        return _unless_approved(st, hit)
    if "未" in st.f[max(0, m.start() - 2):m.start() + 1]:
        return None  # 「未經黨委批准」: the 未經 row reads it (what may not happen without it)
    if g.get("cond"):
        doc: Ref | None = placeholder(st.words(m.start("cond"), m.end("cond")), "document")
    elif g.get("leave"):
        doc = placeholder("請假" if script_of(st.text) == "zh-Hant" else "请假", "document")
    else:
        doc = document(st, 0, m.start()) or document(st)
    if g.get("by_body") and document(st, 0, m.start()) is None:
        return None  # 「學習…由支部書記負責把關」: who sees to the work, no document approved
    before = _approver_before(st, m.start()) if _APPROVAL_WORD.match(m.group(0)) else []
    by = _approver(st) or before or [_unadorned(r) for r in parties(st)]
    if not by and g.get("with"):
        a0, a1 = m.start("with"), m.end("with")
        by = [Ref(t.term.id, t.term.category, t.term.id, t.term.name_en, True)
              for t in st.terms("role", "body") if a0 <= t.start and t.end <= a1]
        by = by or [placeholder(st.words(a0, a1), "body")]
        if doc is None:
            lead = re.match(r"([^,;:。]{2,8}?)(?:由|须|要|应)", st.f)
            doc = placeholder(st.words(lead.start(1), lead.end(1)) if lead else "安排", "document")
    if doc is None and (before or re.match(r"(?:须|需|必须)?经", st.f)):
        doc = _request(st)  # 「支部委員會研究同意後,召開…」「經市委同意,…召開」: the body asked, nothing handed in
    if doc is None:
        lead = re.match(r"[^,;:。]{2,12}?(?=经|须|需|报|由|要|应|,|$)", st.f)
        doc = placeholder(st.words(0, lead.end()) if lead else "材料", "document")
    if not by and re.search(r"从严|严格", m.group(0)):
        # 「…材料,黨委要從嚴審閱」: who reviews is the subject of the clause
        clause_at = st.f.rfind(",", 0, m.start()) + 1
        who = party(st, clause_at, m.start())
        if who is not None:
            by = [_unadorned(who)]
    if not by:
        return None
    after = _gated_step(st, doc, m.end()) or topic
    if after is None and handed_in and g.get("cond"):
        # 「確因特殊情況需要延期的,須經X同意」 in a plan about no meeting: the deed the condition names (延期) waits
        deed = re.sub(r"^.*(?:需要|需|要|必须)", "", st.f[m.start("cond"):m.end("cond")])
        if len(deed) >= 2:
            after = placeholder(st.words(m.end("cond") - len(deed), m.end("cond")), "activity")
    if after is None and handed_in and _SUBMITTED.search(fold(doc.name)):
        after = placeholder(f"{doc.name}提交", "activity")  # 述職報告須經班子審議: before it is handed in
    if after is None:
        return None
    return {"document": doc, "approved_by": by, "before_activity": after}


def _unless_approved(st: Statement, hit: Hit) -> Params | None:
    """``未經黨委批准,不得召開…``: what may not happen without the approval waits for it —
    the document named in the statement, else a request (請示); who approves is the words
    between 未經 and the approval word (a lexicon body, else a placeholder)."""
    m = hit.match
    a0, a1 = m.start("unless_by"), m.end("unless_by")
    by = _approver(st)  # the words after 經, each a lexicon body that spans them, else a placeholder
    if not by and st.before:
        # 「…經集團黨委書記審閱同意後定稿。材料未經審閱的,不得提交會議」: the review just named
        by = _approver(Statement(st.clause, st.before, st.before, st.line))
    if not by:
        return None  # 「未經審核的材料」: no approver named
    g1 = m.end("gated")
    g0 = g1 - len(re.sub(r"^(?:将|把|对|在)", "", st.f[m.start("gated"):g1]))
    in_gated = document(st, g0, g1)
    # 「不得印發學習計劃」: the handing out of the document waits (not a 學習 cut from its name)
    gated = placeholder(st.words(g0, g1), "activity") if in_gated is not None else activity(st, g0, g1)
    gated = gated or placeholder(st.words(g0, g1), "activity")
    doc = document(st, 0, a0) or document(st, a1, g0) or in_gated
    return {"document": doc or _request(st), "approved_by": by, "before_activity": gated}


def gate(st: Statement, hit: Hit) -> Params | None:
    """The gate a hit of :data:`GATE_ROWS` reads."""
    return _gate(st, hit)

