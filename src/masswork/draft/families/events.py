"""Events that must happen (``召開``, ``開好``, ``舉辦``, ``開展``, ``組織``, ``抓好…兩個環節``,
``分三批進行``) and qualities someone must sign off (``如實``, ``原汁原味``, ``存檔備查``)."""

from __future__ import annotations

import re

from ..duty import DUTY as _DUTY, FIRM as _MUST
from ..text import fold
from .base import ALSO, NUMBER, Hit, Params, Statement, number, rows
from .words import EVENT_VERBS, activity, document, heading_activity, placeholder

__all__ = ["ROWS", "build"]

OCCURS_ROWS = rows("occurs", (
    (r"(?P<host>[\u4e00-\u9fff]{2,12}?)(?:都|也)?(?:要|应|须)?(?:带头|亲自|先)?(?:讲|上|作|主持)"
     r"(?P<what>(?:一次|1次)?(?:专题)?党课|(?:专题|辅导|动员|形势)报告|召开[^,;。]{2,16}?会)",
     "hosting (told from attending): 中心主任帶頭講專題黨課, 黨委書記主持召開動員大會"),
    (r"由(?P<host>[\u4e00-\u9fff]{2,10}?)(?:负责)?主持(?!召开)", "hosting: 由支部書記主持", 0.6),
    (r"(?P<filed>归档|存档(?!备查))", "filed: 會議記錄、簽到表要及時歸檔", 0.6),
    (r"(?<!务)(?P<pub>公开|公示|通报|公布)(?![情栏的会])", "made known: 整改方案要…公開, 把…情況向群眾通報", 0.6),
    (rf"(?:{EVENT_VERBS})(?!情况|工作的|的|之?前|之?后|以后|时|期间|人数|人员|范围|对象)(?:了|好)?(?:(?P<k>{NUMBER})[次场个期批])?",
     "召開, 開好, 舉辦, 開展, 組織 (a count: 召開2次; 開展情況 is a noun, 召開之前 a time)"),
    (rf"分(?P<k>{NUMBER})批(?:进行|开展|实施)", "分三批進行"),
    (rf"每(?:个|一个|次)?(?:专题|主题|单元)[^,;。]{{0,10}}?(?:研讨|学习|讨论|交流|座谈)(?P<k>{NUMBER})次",
     "counts kept exactly: 每個專題要集中研討2次"),
    (r"(?P<doc>起草|制定|制订|订出|订好|拟定|排出|形成|出台|撰写)(?!的)", "a document drafted: 制定…方案, 訂出…計劃, 排出時間表", 0.6),
    (r"(?P<rec>做好记录|要有(?:书面)?记录|(?:登记|建立|建好)台账|如实记录|记录[^,;。]{0,4}情况|存档备查|留存备查|负责通知|考勤|专人(?:负责)?(?:记录|做记录)|"
     r"签到(?![表册簿]))", "records kept: 做好記錄, 考勤, 要有專人記錄, 提醒到會人員簽到", 0.6),
))

ATTEST_ROWS = rows("attest", (
    (r"原汁原味|原原本本|签字确认|签名确认|逐一确认|本人签字|(?:须|需|要|应)经[^,;。]{2,12}?(?:签字|签名|签批)|(?:严肃认真|实事求是)地[^,;。]{0,8}批评[^;。]{0,30}?做到实事求是",
     "qualities: 原汁原味, 原原本本記錄, 簽字確認, 須經書記簽字, 嚴肅認真地…批評…做到實事求是"),
))

ROWS = OCCURS_ROWS + ATTEST_ROWS


_JOINED = re.compile(r"和|及|与|以及|和|與")
_ACT_END = re.compile(r"(?:会|会议|活动|党课|讲座|培训|评议|座谈|谈话|主题党日|学习)$")
_HOST = re.compile(r"书记|主任|长|领导|成员|委员|干部|负责人|负责同志|专家|教授|老师|党委|党组|支部|班子")
_PERIOD_LEAD = re.compile(r"^(?:每(?:年|季度|月|学期)(?:年初|初|末|底)?|年初|年底|年末),")
_RECURRING_COUNT = re.compile(r"每(?:\d+|[一二两三四五六])?个?(?:周|月|季度|季|年|半年)[^,;。]{0,12}$")

_DIRECT = re.compile(r"(?:组织召开|召开|组织(?!生活|的|部|委|关系|建设|者|领导|上)|开展|举办|举行|排出|拟定|制定|订出)")
_PREP_LEAD = re.compile(r"^(?:依据|根据|按照|对照|结合|围绕|针对)[^,;。]{2,30},")
_BODY = re.compile(r"(?:党委|党组|党总支|总支|支部|支委会|党组织|领导小组|办公室|中心组|督导组)(?:先|再|随后|统一|及时)?$")
_LABEL = re.compile(r"^[^,;:。]{2,16}(?:要求|安排|方式|时间|范围|频次|内容|形式|程序|步骤)[。]?$")
"""``召開頻次與到會要求``: a label over what follows, not a statement."""
_TIME_OF = re.compile(r"(?:召开|结束|举行)?(?:之后|以后|后|之前|以前|前)$")
"""A segment ``召開X前`` / ``X結束後`` names the time of the statement, not an event it asks for."""
_LEAD_IN = re.compile(r"(?:基础上|之后|以后|后|之前|前|期间|时)$")
_NEWS = re.compile(r"^[^,;。]{0,6}?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|了|,(?:是|既是|也是|这是)")


def _direct(st: Statement, pos: int) -> bool:
    """A plan states what it does without 要 (``支部召開會議,…``, ``組織黨員學習討論…``): the verb opens the statement or a clause after a lead-in
    (``在…基礎上,``), or follows the body that acts; not a heading, which names the work its
    clause then states. A dated sentence (``3月24日,…召開``)
    or a verb with 了 tells what happened, not what is to happen."""
    f = st.f
    if _DIRECT.match(f, pos) is None or _NEWS.search(f) or _LABEL.search(f):
        return False
    if fold(st.heading).rstrip("。 ") == f.rstrip("。 ") and not st.alone:
        return False  # a heading names the work its clause then states
    if st.before.endswith(";") and pos == 0:
        return False  # an item of a list "依次推進:學習教育;…;組織表彰", not a statement
    seg0 = max(f.rfind(c, 0, pos) for c in ",;:。") + 1
    if pos == seg0:
        return pos == 0 or _LEAD_IN.search(f, 0, seg0 - 1) is not None or _PREP_LEAD.match(f) is not None
    return seg0 == 0 and _BODY.search(f, 0, pos) is not None and pos <= 12


def _segment_end(f: str, pos: int) -> int:
    """The end of the comma segment at ``pos``: a verb's object or subject stands in its own
    segment (``會議要圍繞…主題,班子成員要開展批評`` holds no 會議 to be held; ``座談會要定期、分批召開``
    holds its 座談會)."""
    ends = [k for k in (f.find(c, pos) for c in ",;。:") if k != -1]
    return min(ends) if ends else len(f)


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    if hit.kind == "attest":
        return {"statement": st.text[:200]}
    g = m.groupdict()
    k = number(g.get("k"))
    if fold(st.heading).rstrip("。 ") == st.f.rstrip("。 ") and not st.alone and not _DUTY.search(st.f):
        return None  # a heading names the work its clause then states (開好…生活會), unless it says 要
    if k and _RECURRING_COUNT.search(st.f, 0, m.start()):
        return None  # "每季度至少召開一次": the count of a recurring rule, not an event of its own
    if g.get("host") and not g.get("what"):
        what0 = activity(st, 0, m.start()) or heading_activity(st)
        if what0 is None or _NEWS.search(st.f) or not _HOST.search(st.f, m.start("host"), m.end("host")):
            return None
        return {"activity": what0, "host": placeholder(st.words(m.start("host"), m.end("host")), "role")}
    if g.get("host"):
        what = activity(st, m.start("what"), m.end("what")) or \
            placeholder(st.words(m.start("what"), m.end("what")).removeprefix("召开"), "activity")
        host = re.split(r"[的每为為对對给給向]", st.words(m.start("host"), m.end("host")))[0] \
            if re.search(r"[每为為对對给給向]", st.words(m.start("host"), m.end("host"))) else \
            st.words(m.start("host"), m.end("host")).split("的")[-1]
        host = re.sub(r"^(?:由|请|并|同时|会上|然后)", "", host)
        if len(host) < 2 or _NEWS.search(st.f) or not _HOST.search(fold(host)):
            return None  # "結合實際講黨課": no one is named to host
        return {"activity": what, "host": placeholder(host, "role")}
    lead = g.get("doc") and _PERIOD_LEAD.match(st.f)
    if not (k or lead or _MUST.search(st.f, 0, m.start() + 1) or _direct(st, m.start())):
        return None  # a verb without 要/須/應 or a count describes; it does not require
    end = _segment_end(st.f, m.end())
    start = max(st.f.rfind(c, 0, m.start()) for c in ",;。:") + 1
    if _TIME_OF.search(st.f, m.start(), end):
        return None  # 「召開民主生活會前,…」: the meeting is the time of what follows
    act = None if g.get("doc") and document(st, m.start(), end) else \
        activity(st, m.start(), end) or activity(st, start, end)
    if g.get("filed"):
        doc = document(st, start, end)
        return None if doc is None else {"document": doc, "action": "filed"}
    if g.get("pub"):
        doc = document(st, start, m.start())
        return {"document": doc, "action": "published"} if doc is not None else \
            {"activity": placeholder(st.words(m.start(), m.end()), "activity")}
    if g.get("rec") and act is not None and not act.known:
        act = None  # "提醒參會人員簽到": the record is what is required, not words cut around it
    p: Params
    if act is None:
        doc = document(st, m.start(), end) or document(st, start, end)
        if doc is None and g.get("rec"):
            doc = placeholder(st.words(m.start(), m.end()), "document")  # 提醒到會人員簽到: the sign-in
        if doc is None:
            return None
        p = {"document": doc}
    else:
        p = {"activity": act}
        parts = _JOINED.split(act.name) if not act.known else []
        if len(parts) > 1 and all(len(w) >= 2 and _ACT_END.search(fold(w)) for w in parts):
            p = {"activity": placeholder(parts[0], "activity"),
                 ALSO: [{"activity": placeholder(w, "activity")} for w in parts[1:]]}
    if k and k > 1 and not re.match(r"批", st.f[m.end():m.end() + 1]):
        p["min"] = k
        for q in p.get(ALSO, ()):
            q["min"] = k
    return p
