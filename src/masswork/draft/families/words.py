"""The things a statement names, for the families' parameters: the activity, document,
party (role or body) and per-person role. A lexicon term is used when the statement names
one; otherwise the plan's own words become a declared placeholder (``known=False``), never
a known term they are not (``黨委`` is not ``黨組``; ``黨委組織部`` stays one body).
"""

from __future__ import annotations

import re

from ..recognise import Ref
from ..sentences import strip_marks
from ..text import fold
from .base import Statement

__all__ = ["activity", "document", "party", "parties", "person_role", "placeholder",
           "EVENT_VERBS"]

EVENT_VERBS = (r"组织召开|主持召开|召开|开好|开展|举办|举行|(?<!党)组织(?!部|生活|委员)|进行|参加|出席|列席|过好|"
               r"安排|集中|开设|开|办|搞好|抓好")
_STOP = r"[,;:。!?()、\s]|并|和|及|与|时|后|前|上|中|的|要|都|为|或|之"
_ACTIVITY_TAIL = re.compile(
    r"(?:大会|会议|生活会|座谈会|报告会|交流会|研讨会|推进会|部署会|评议会|(?<![社机学体领理都开参与到])会|课|讲座|党课|"
    r"活动日|活动|学习|讨论|评议|谈话|谈心|培训|研讨|调研|宣讲|观摩|参观|竞赛|测试|考试|评选|"
    r"展示|交流|述学|述职|考核|检查|测评|走访|志愿服务|主题党日|党日|读书班|专题|仪式|教育)")
_OBJ = re.compile(rf"(?:{EVENT_VERBS})(?:了|好|一次|1次|一场|{'|'.join(('专题', ))})?"
                  rf"([^,;:。!?()\s]{{2,16}})")
_DOC_TAIL = (r"(?:材料|方案|计划|报告|提纲|意见|总结|笔记|心得|体会|文章|测评表|表|清单|记录|"
             r"台账|档案|名单|纪要|通报|简报|制度|办法|送审稿|初稿|稿)")
_DOC = re.compile(rf"《([^》]{{1,30}})》|([\u4e00-\u9fff“”]{{1,10}}?{_DOC_TAIL})(?![\u4e00-\u9fff]{{0,0}}[会])")
_PARTY_HEAD = re.compile(
    r"^(?:[由请经]|对|在|各|所属|全体)?([\u4e00-\u9fff()]{2,14}?)(?:都要|要|应当|应|须|必须|需|负责|"
    r"牵头|主持|统一|先|再|分别|按照|根据|结合|可|每|在|于|从|自|将|把)")
_EACH = re.compile(r"(?:每名|每位|每个|每一名|每一位|每一个|各位|人人|每人)([\u4e00-\u9fff]{0,8}?)"
                   r"(?=都|要|应|须|必须|还|每|逐|均|至少|不少于|对|在|,|撰写|写|参加|作|全年|年内|当年|一年|$)")
_TO = re.compile(r"(?:报送|上报|呈报|提交|送|交|印发|下发)(?:给|至|到)([\u4e00-\u9fff、和及]{2,20}?)"
                 r"(?:审核|审阅|审批|审定|备案|批准|同意|把关|$|[,;。])")
_BODY_END = (r"(?:党委|党组|组织部|宣传部|纪委|办公室|领导小组|委员会|工委|督导组|指导组|党支部|总支|支部|"
             r"党群工作部|工作部|局|处|科|中心)")
_TO3 = re.compile(rf"(?:报送|上报|呈报|报|交|送|提交)([\u4e00-\u9fff]{{0,12}}?{_BODY_END})(?![\u4e00-\u9fff])")
_TO2 = re.compile(r"向([\u4e00-\u9fff、和及以及]{2,24}?)(?:作出|作|做|报告|汇报|报送|推荐|提交|通报)")
_BY = re.compile(r"(?:经|须经|报|由|请)([\u4e00-\u9fff、和及]{2,16}?)(?:审核|审阅|审批|审定|批准|同意|把关|"
                 r"审查|研究|签字|认可)")


_NOT_PARTY = {"材料", "报告", "情况", "意见", "信息", "结果", "方案"}


def placeholder(words: str, category: str) -> Ref:
    """A thing the lexicon does not know, declared in the plan's own words."""
    w = strip_marks(words)[:24] or words.strip() or category
    return Ref(w, category, w, "", False)


_JUNK = re.compile(r"^(?:围绕|要|把|将|对|在|第.{1,3}条|确保|保证|推动|促进|做到|力争)|把|要(?!求)|围绕")


def _good_name(words: str) -> bool:
    """Whether words cut from a statement name a thing (not ``圍繞本單位學習`` or ``務實作風把專題``)."""
    return len(words) >= 2 and not _JUNK.search(fold(words))


def _clean(words: str) -> str:
    w = strip_marks(words)
    w = re.sub(r"^第[一二三四五六七八九十百\d]+[条條]\s*", "", w)
    w = re.sub(r"^(?:(?:[一二两三四五六七八九十]|\d+)(?:[-—至到~](?:[一二两三四五六七八九十]|\d+))?[次场期个]|好|了|在|对(?!照|象|话)|的)",
               "", w)
    w = re.sub(r"^[时時](?=[\u4e00-\u9fff]{2})", "", w)  # cut at the 及 of 及時
    return w


def activity(st: Statement, a: int = 0, b: int | None = None) -> Ref | None:
    """The activity named in [a, b): a lexicon activity, else the object of an event verb
    cut after its activity word (``召開專題組織生活會`` → 專題組織生活會)."""
    end = len(st.f) if b is None else b
    for m in st.terms("activity"):
        if a <= m.start and m.end <= end:
            return Ref(m.term.id, "activity", m.term.id, m.term.name_en, True)
    for om in _OBJ.finditer(st.f, a, end):
        obj = st.f[om.start(1):om.end(1)]
        tail = None
        for t in _ACTIVITY_TAIL.finditer(obj):
            tail = t
        if tail is None:
            continue
        words = _clean(st.text[om.start(1):om.start(1) + tail.end()])
        if _good_name(words):
            return placeholder(words, "activity")
    for t in _ACTIVITY_TAIL.finditer(st.f, a, end):
        s0 = max(a, t.start() - 6)
        seg = st.f[s0:t.end()]
        cut = max(seg.rfind(c) for c in ",;:、“”\"()的和及与要在 \u3000")
        words = _clean(st.text[s0 + cut + 1:t.end()])
        if _good_name(words):
            return placeholder(words, "activity")
    return None


def heading_activity(st: Statement) -> Ref | None:
    """The activity the clause's heading names (``2、學習時間`` under a 中心組學習 plan names
    none; ``(一)專題黨課`` names 專題黨課), for a statement that names none itself."""
    if not st.heading:
        return None
    h = Statement(st.clause, st.heading, fold(st.heading), st.line)
    return activity(h)


def document(st: Statement, a: int = 0, b: int | None = None) -> Ref | None:
    """The document named in [a, b): a lexicon document, a 《title》, or words ending in a
    document word (材料, 方案, 計劃, 提綱 …)."""
    end = len(st.f) if b is None else b
    for m in st.terms("document"):
        if a <= m.start and m.end <= end:
            return Ref(m.term.id, "document", m.term.id, m.term.name_en, True)
    for dm in _DOC.finditer(st.f, a, end):
        g = 1 if dm.group(1) else 2
        words = st.text[dm.start(g):dm.end(g)]
        # cut in folded words (將/對/寫 are 将/对/写), before the document word (紀要's 要)
        head = st.f[dm.start(g):dm.end(g)]
        if g == 2:
            tail = re.search(rf"{_DOC_TAIL}$", head)
            head = head[:tail.start()] if tail else head
        cut = max(head.rfind(c) for c in "、的和及与要在将把对写好出订立")
        words = _clean(words[cut + 1:])
        if len(words) >= 2:
            return placeholder(words, "document")
    return None


def party(st: Statement, a: int = 0, b: int | None = None) -> Ref | None:
    """Who acts in [a, b): a lexicon role or body, else the words before 要/應/負責 … at the
    start of the statement."""
    end = len(st.f) if b is None else b
    for m in st.terms("role", "body"):
        if a <= m.start and m.end <= end:
            return Ref(m.term.id, m.term.category, m.term.id, m.term.name_en, True,
                       m.term.includes, m.term.parent)
    m2 = _PARTY_HEAD.match(st.f, a)
    if m2 and not re.search(r"[的在对了]", m2.group(1)):
        return placeholder(st.text[m2.start(1):m2.end(1)], "body")
    return None


def parties(st: Statement) -> list[Ref]:
    """The bodies a statement reports to or is approved by (``報縣委組織部審核``,
    ``向市委組織部、市紀委作出書面報告``), each item its own party."""
    out: list[Ref] = []
    for rx in (_BY, _TO, _TO2, _TO3):
        for m in rx.finditer(st.f):
            for item in re.split(r"、|以及|和|及", st.text[m.start(1):m.end(1)]):
                item = _clean(item)
                if len(item) < 2 or fold(item) in _NOT_PARTY:
                    continue
                known = [t for t in st.terms("role", "body") if st.f[t.start:t.end] == item]
                if known:
                    t = known[0].term
                    out.append(Ref(t.id, t.category, t.id, t.name_en, True, t.includes, t.parent))
                else:
                    out.append(placeholder(item, "body"))
        if out:
            break
    return out


def person_role(st: Statement, words: str = "") -> Ref | None:
    """The role a per-person rule counts: after 每名/每位/人人 …, else a lexicon role, else
    ``words`` (the role the row read, in the plan's words)."""
    each = _EACH.search(st.f)
    if each and len(each.group(1)) >= 2:
        words = st.f[each.start(1):each.end(1)]
        for t in st.terms("role"):
            if st.f[t.start:t.end] == words:
                return Ref(t.term.id, "role", t.term.id, t.term.name_en, True, t.term.includes)
        return placeholder(st.text[each.start(1):each.end(1)], "role")
    for t in st.terms("role"):
        return Ref(t.term.id, "role", t.term.id, t.term.name_en, True, t.term.includes)
    if words:
        return placeholder(words, "role")
    if each:
        return placeholder("成員", "role")
    return None
