"""Order: ``X後`` / ``X之後`` / ``X結束後`` / ``X形成後`` / ``會後`` (after, with the limit beside
it: ``X結束後一週內``, ``X結束後,要在一週內…``), ``X前`` / ``X之前`` / ``會前`` / ``事先`` /
``提前N天`` (before, with a lead), ``先…再…``, ``首先…其次``. Gates (``經X審閱同意後``,
``未經X批准,不得Y`` …) are read by :mod:`.gates`; their rows are part of this family's table."""

from __future__ import annotations

import re

from ...hanzi import script_of
from ...periods import PhraseError, parse_offset
from ..recognise import Ref
from ..text import fold
from .base import CN, Hit, Params, Statement, rows
from .gates import _DOC_VERB, GATE_ROWS, _gate, gate_before
from .words import activity, document, placeholder

__all__ = ["ROWS", "build", "gate_before"]

_EVENT_END = (r"(?:会议|会|课|党日|活动|学习|评议|测评|讨论|调研|培训|发言|述职|考核|检查|整改|总结|教育|谈话|谈心|"
              r"工作|阶段|环节|材料|方案|报告|意见|结果|计划|清单)")
_WITHIN = rf"(?P<within>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日|个月)(?:内|以内|之内))?"
ORDER_ROWS = rows("order", (
    (rf"(?P<anchor>[^,;:。]{{1,16}}?{_EVENT_END})(?:召开|开过|结束|形成|完成|开完|告一段落)?"
     rf"(?:之后|以后|后){_WITHIN}[,]?(?:再|才|要|应|还|,)?", "after X: X後, X結束後, X形成後, X結束後十日內"),
    (rf"(?P<anchor>[^,;:。]{{1,16}}?{_EVENT_END})(?:召开|结束|完成)?(?:之前|以前|前)[,]", "before X: X之前, X召開前, X結束前"),
    (rf"(?:待|等)?(?P<anchor>[^,;:。]{{2,16}}?)(?:结束|完成|开完|告一段落|形成|定稿)(?:之后|以后|后){_WITHIN}[,]?(?:再|才|要|应|,)?",
     "after X ends: 待個人自學結束後,再…, 討論稿形成後,…"),
    (r"(?P<anchor>[^,;:。]{2,12}?)(?:之后|以后)[,](?:再|才|要|应)?", "after a step the words name: 查擺問題之後,…", 0.6),
    (rf"(?P<anchor>会)(?P<rel>前|后){_WITHIN}(?:[,]|(?=要|应|须|都|也|还|先|就|召开|开展|组织|进行))",
     "會前 / 會後 / 會後一週內 / 會前要…: before / after the meeting"),
    (r"[,;](?:在|于)?(?P<by>会|会议召开|[^,;:。]{2,12}?(?:会|会议)召开)(?:之)?前(?:完成|进行|结束|做好|全部完成)",
     "…,會前完成 / 於會議召開前完成: what the statement names is done before the meeting"),
    (r"(?P<same_next>[^,;:。]{2,16}?)(?:要|应)?同步(?:开展|进行|召开|举行|组织)", "X同步開展Y: Y on the day of X"),
    (r"(?P<rel>事先|预先)", "事先: before the meeting the statement names", 0.6),
    (rf"提前(?P<lead>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日|小时))", "a lead 提前15天, 提前一周"),
    (r"(?<![首优率事预争领抢])(?P<first>先)(?!进|锋|后|烈|例|导|行|期)(?P<a>[^,;。]{2,24}?)[,]?[^,;。]{0,6}?"
     r"(?P<then>再|然后|才|后(?!期|续|来|勤))", "先…再…, 先…後…"),
    (r"(?P<rel>首先|其次|然后|最后|随后|接着|之后)", "order words 首先…其次", 0.55),
    (r"(?P<rel>在此之前|此前|在这之前|在此之后|此后|在这之后)", "before / after what was just said: 在此之前", 0.55),
    (r"(?:放在|安排在|结合)(?P<same>[^,;:。]{2,16}?)(?:上|中|时)(?:一并|同时|同步)(?:进行|开展|召开)",
     "the same day: 放在X上一併進行"),
    (r"(?:与|和|同)(?P<same>[^,;:。]{2,12}?)(?:同步|同时|同日)(?:开展|进行|召开|举行)", "與X同步開展"),
    (r"(?P<same_prev>(?:并|,)同时(?:进行|开展))", "召開X,並同時進行Y", 0.6),
    (r"(?:从|自)(?P<from>[^,;:。]{2,16}?)(?:开始|起)[,]?(?:到|至)(?P<to>[^,;。]{2,20}?)(?:结束|止|为止)",
     "from event X to event Y: 從X開始,到Y為止", 0.6),
), unless=r"^(?:前|后)")

ROWS = ORDER_ROWS + GATE_ROWS


def _lead(words: str) -> str | None:
    w = "提前" + words.replace("两", "二")
    try:
        parse_offset(w)
    except (PhraseError, ValueError):
        return None
    return w


_DEED = re.compile(r"(?:要|应|须|必须|先|再)([^,;:。]{2,12})")
_LIMIT = re.compile(r"(?:在|于)[^,;:。]{1,10}?(?:内|以内|之内|前|之前)(?:将|把)?|(?:及时|认真|按时|尽快)(?:将|把)?")


def _deed(st: Statement, a: int) -> Ref | None:
    """What the statement says to do after ``a`` (``…要廣泛聽取群眾意見``), in its words;
    right after an order word that took the 要 (``X形成後,要在一周內向群眾公布``), the words
    up to the next comma, without a time limit (在一週內) before them."""
    m = _DEED.search(st.f, a)
    if m:
        start = m.start(1)
        limit = _LIMIT.match(st.f, start)
        if limit and len(st.f[limit.end():m.end(1)]) >= 2:
            start = limit.end()  # 「要在5個工作日內將會議情況報…」: the deed, not its time limit
        return placeholder(st.words(start, m.end(1)), "activity")
    rest = re.match(r"(?:在[^,;:。]{1,8}?内)?([^,;:。]{3,12})", st.f[a:])
    if rest and re.search(r"[\u4e00-\u9fff]{2}", rest.group(1)):
        return placeholder(st.words(a + rest.start(1), a + rest.end(1)), "activity")
    return None


_STEP = re.compile(r"(?:首先|其次|然后|最后|随后|接着|之后|[,:])*(?:由)?(?:[^,;:。]{0,10}?(?:代表[^,;:。]{2,8}?)?)"
                   r"(?P<verb>作|进行|开展|召开|组织|通报|报告|发言|测评|讲|填写|宣读|提交)(?P<obj>[^,;:。]{0,12})")


def _step(st: Statement, a: int = 0) -> Ref | None:
    """A step of a list of steps in the plan's words (``支部書記代表支委會作對照檢查``,
    ``黨員逐一發言``): the verb and what it takes."""
    m = _STEP.match(st.f, a) or _STEP.search(st.f, a)
    if m is None:
        return None
    words = st.words(m.start("verb"), m.end("obj"))
    if m.group("verb") in ("作", "讲") and len(m.group("obj")) >= 2:
        words = st.words(m.start("obj"), m.end("obj"))
    return placeholder(words, "activity") if len(words) >= 2 else None


_DATEISH = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:月|日|号)|旬|\d{4}年")


def _thing(st: Statement, a: int, b: int) -> Ref | None:
    """The activity or document named in [a, b), else those words as a placeholder."""
    found = activity(st, a, b) or document(st, a, b)
    if found is not None:
        return found
    words = re.sub(r"^(?:在|对|待|等|由|要|作|开展|进行|组织)", "", st.words(a, b))
    words = re.sub(r"(?:情况|工作)$", "", words) or words
    return placeholder(words[-12:], "activity") if len(words) >= 2 else None


def _subject_at(st: Statement, a: int) -> Ref | None:
    """The activity or document after ``a``; a document whose words hold the activity's
    (``整理會議記錄`` names 會議記錄, not a 會議) is the one meant."""
    act = activity(st, a)
    doc = document(st, a)
    if act is not None and not act.known and re.search(r"内|将|把|\d", fold(act.name)):
        act = None  # 「在5個工作日內將會議情況報…」: words cut across a time limit, not an event
    if doc is not None and not doc.known and re.search(r"向|内|将|把", fold(doc.name)):
        doc = None  # 「三天內向黨員通報」: a verb phrase ending in 通報, not a document's name
    named_in_doc = (act is not None and doc is not None and fold(act.name) in fold(doc.name)
                    and not re.match(r"召开|开展|组织|举办|进行", fold(doc.name)))
    if doc is not None and not doc.known:
        verb = _DOC_VERB.match(fold(doc.name))
        if verb and len(doc.name) - verb.end() >= 2:
            doc = placeholder(doc.name[verb.end():], "document")  # 整理會議記錄 → 會議記錄
    if named_in_doc:
        return doc
    if act is not None and not act.known and doc is not None and doc.known:
        verb = _DOC_VERB.match(fold(act.name))
        if verb and fold(act.name)[verb.end():] in fold(doc.name):
            return doc  # 「撰寫對照檢查材料」: the document, not 撰寫對照檢查 cut out of it
    return act or doc


_ADVANCE = re.compile(r"(?:下发|发出|印发|发放|报送|上报|提交|报告|汇报|通知|告知)")


def _advance_deed(st: Statement, a: int) -> Ref | None:
    """What is done ahead (``提前一周向黨委報告``): the verb's deed as a document."""
    v = _ADVANCE.search(st.f, a)
    if v is None:
        return None
    obj = re.match(r"(?:给|至|到)?([^,;:。]{2,16}?)(?:[,;:。]|$)", st.f[v.end():])
    if obj and not re.search(r"(?:党委|党组|支部|组织部|办公室|领导小组|全体|人员|党员)$", obj.group(1)):
        return placeholder(st.words(v.end() + obj.start(1), v.end() + obj.end(1)), "document")
    return placeholder(st.words(v.start(), v.end()), "document")


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    g = m.groupdict()
    if hit.kind == "gate":
        return _gate(st, hit)
    rel = "after"
    anchor = None
    subject = None
    if g.get("first"):
        # 先A,再B: A, then B (both in the plan's words when the lexicon names neither)
        anchor = _thing(st, m.start("a"), m.end("a"))
        subject = (activity(st, m.end("then")) or document(st, m.end("then"))
                   or _deed(st, m.start("then")))
    elif g.get("same"):
        rel = "same_day"
        anchor = _thing(st, m.start("same"), m.end("same"))
        subject = activity(st, 0, m.start()) or _thing(st, 0, m.start())
    elif g.get("same_prev"):
        rel = "same_day"
        near = st.f.rfind(",", 0, m.start()) + 1  # the event named just before 並同時
        anchor = (activity(st, near, m.start()) or activity(st, 0, m.start())
                  or document(st, 0, m.start()))
        subject = activity(st, m.end()) or _deed(st, m.end() - 2)
    elif g.get("by"):
        rel = "before"
        words = st.words(m.start("by"), m.end("by"))
        anchor = activity(st, m.start("by"), m.end("by")) or placeholder(re.sub(r"召开$", "", words), "activity")
        subject = activity(st, 0, m.start()) or document(st, 0, m.start())
    elif g.get("same_next"):
        rel = "same_day"
        anchor = activity(st, m.start("same_next"), m.end("same_next"))
        subject = activity(st, m.end() - 2) or _deed(st, m.end() - 2)
    elif g.get("from"):
        if _DATEISH.search(m.group("from")) or _DATEISH.search(m.group("to")):
            return None  # 從3月19日開始,到5月20日結束: dates, a duration (timing)
        anchor = _thing(st, m.start("from"), m.end("from"))
        subject = _thing(st, m.start("to"), m.end("to"))
    elif g.get("anchor"):
        a0, a1 = m.start("anchor"), m.end("anchor")
        anchor = activity(st, a0, a1) or document(st, a0, a1)
        if anchor is None:
            words = st.words(a0, a1)
            words = re.sub(r"^(?:在|对|待|等)", "", words)
            short_ok = g.get("rel") in ("前", "后")  # 會前 / 會後: the meeting itself
            anchor = placeholder(words[-12:], "activity") if len(words) >= 2 or (words and short_ok) else None
        if anchor is not None and not anchor.known and _DATEISH.search(fold(anchor.name)):
            return None  # 「5月10日以後,…」: a date (timing), not an event
        subject = _subject_at(st, m.end()) or _deed(st, m.end()) or activity(st, 0, a0)
        if (anchor is not None and anchor.category == "document" and subject is not None and not subject.known
                and re.match(r"(?:报送|上报|报|提交|交|送)(?!告)", fold(subject.name))):
            return None  # 「講稿形成後,報X審閱」: handing in what was drafted — the report says it, no order
        if "前" in st.f[a1:m.end()] and "后" not in st.f[a1:m.end()]:
            rel = "before"
    elif g.get("rel") in ("随后", "然后", "接着", "之后", "其次", "最后", "在此之前", "此前", "在这之前",
                          "在此之后", "此后", "在这之后") and st.before:
        prev = Statement(st.clause, st.before, st.before, st.line)
        anchor = activity(prev) or document(prev)
        if anchor is None or not anchor.known:
            anchor = _step(prev) or anchor  # 「首先,書記代表支委會作對照檢查」: the step, not 支委會
        subject = activity(st, m.end()) or document(st, m.end()) or _deed(st, m.end()) or _step(st, m.end())
        if "前" in g["rel"]:
            rel = "before"
    elif g.get("lead"):
        rel = "before"
        anchor = activity(st, m.end()) or activity(st)
        subject = _advance_deed(st, m.end()) or document(st, m.end())
    else:
        anchor = activity(st) or document(st)
        subject = _subject_at(st, m.end())
        if g.get("rel") in ("前", "事先", "预先"):
            rel = "before"
    if anchor is None or subject is None or anchor.id == subject.id:
        return None
    p: Params = {"relation": rel}
    p["document" if subject.category == "document" else "activity"] = subject
    p["anchor_document" if anchor.category == "document" else "anchor_activity"] = anchor
    if g.get("lead"):
        lead = _lead(m.group("lead"))
        if lead:
            p["lead"] = lead
    elif rel == "after" and "within" in g:
        limit = _NEAR_LIMIT.match(st.f, m.end())  # 「X結束後,各支部要在一週內召開…」: the limit in the next clause
        at = (m.start("within"), m.end("within")) if g.get("within") else limit.span(1) if limit else None
        if at is not None:
            try:  # 「會後一週內」「評議結束後十日內」: after it, and within that time
                parse_offset("后" + st.f[at[0]:at[1]])
                p["lead"] = ("會後" if script_of(st.text) == "zh-Hant" else "会后") + st.words(*at)
            except (PhraseError, ValueError):
                pass
    return p


_NEAR_LIMIT = re.compile(rf"[^,;:。]{{0,8}}?(?:在|于)((?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日|个月)(?:内|以内|之内))")
