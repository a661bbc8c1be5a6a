"""Reports and notices: ``報送``, ``上報``, ``逐級上報``, ``報X審核/備案``, ``向X作出書面報告``,
``印發給``, ``推薦``; notices ``提前N天下發通知``, ``公示``, ``預告``, ``通過公開欄…發布``."""

from __future__ import annotations

import re

from ...periods import PhraseError, parse_offset
from ..text import fold
from .base import CN, Hit, Params, Statement, number, rows
from ..recognise import Ref
from .words import activity, document, heading_activity, parties, placeholder

__all__ = ["ROWS", "build"]

REPORT_ROWS = rows("report", (
    (r"报送|上报|呈报|逐级上报|报备|备案|抄报|抄送|一并报", "報送, 上報, 備案, 抄報"),
    (r"报(?!告)(?=[^,;。]{1,14}?(?:审核|审阅|审批|审定|备案|批准))", "報X審核"),
    (r"向[^,;。]{2,24}?(?:作出|作|做)?(?:书面)?(?:报告|汇报)", "向X作出書面報告"),
    (r"(?:印发|下发|分送|送交|提交|推荐)(?:给|到|至)?", "印發給, 下發到, 推薦", 0.6),
    (r"(?:报告|汇报)(?=[^,;。]{0,10}?(?:党委|党组|组织部|纪委|办公室|领导小组|党组织|上级))", "報告上級黨組織"),
    (r"(?:^|[,;]|后)(?:并|再|要|须|及时)?报(?!告)(?=[^,;。审]{1,12}?(?:党委|党组|组织部|纪委|办公室|领导小组|督导组|指导组|党工委|上级)(?:[,;。]|$))",
     "…,報縣委組織部"),
    (r"反馈(?:给|至|到)(?!(?:其|党员)?本人|个人)(?P<to>[^,;:。]{2,12}?)(?=[,;:。]|$)", "反饋給X本人: fed back to X (in the plan's words)", 0.6),
    (r"(?<![移转递提])交(?!流|纳|通|叉|心|往|换|付)(?:由|给)?(?P<to>[^,;:。]{2,10}?)(?:存档|归档|留存|保存|备查)",
     "交支部存檔: filed with X", 0.6),
    (r"(?:在|到|向|通过)(?P<to>[^,;:。在到向]{2,16}?(?:平台|系统|网站|内网|网|公众号|公开栏|公示栏|宣传栏))[”\"]?(?:上)?(?:上传|发布|录入|公布|公示)",
     "在X平台上傳, 在集團內網公示: uploaded to / posted on X", 0.6),
    (r"在(?P<to>[^,;:。]{2,14}?(?:大会|会议|会))上(?:通报|报告|公布)", "在全體黨員大會上通報: told to that meeting", 0.6),
), unless=r"报告会(?!议)|辅导报告|作报告|宣讲报告")

NOTICE_ROWS = rows("notice", (
    (rf"提前(?P<lead>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日))?[^,;。]{{0,12}}?(?:下发|发出|发布|印发)?(?:通知|告知|预告|公布|发布|发放)",
     "提前15天下發通知"),
    (rf"(?:事先|预先|会前|提前)(?P<lead3>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日))?[^,;。]{{0,16}}?"
     r"(?:告知|通知|发给|送达|发放)", "事先把會議安排告知每一位參會人員, 會前3天將材料送達"),
    (rf"前(?P<lead2>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日))(?:左右)?[^。]{{0,24}}?(?:告知|通知|发给|送达)",
     "每次學習前1周左右…通知到參會人員"),
    (rf"(?P<lead5>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日))(?:之前|以前|前)[^,;。]{{0,20}}?(?:告知|通知|发给|送达|发放)",
     "會議召開3天前將議題通知與會人員"),
    (rf"通知[^,;。]{{0,6}}?提前(?P<lead4>(?:\d+|[{CN}]+)个?(?:天|周|日|工作日|个工作日))[^,;。]{{0,6}}?(?:下发|发出|印发|发放|送达|发到)",
     "會議通知提前3天下發"),
    (r"预告|公告栏|公开栏|张贴|通知到|书面通知", "預告, 公開欄, 通知到"),
))

_PERIOD = r"(?P<unit>周|月|季度|季|年|半年)"
RECURRING_REPORT_ROWS = rows("recurring", (
    (rf"每{_PERIOD}(?:的)?(?P<day>\d{{1,2}}|[{CN}]{{1,3}})[日号](?:前|之前|以前)[^,;。]{{0,12}}?"
     r"(?P<verb>报送|上报|报告|提交|报)", "每月5日前報送上月…: due by that day of the next period"),
    (rf"每{_PERIOD}[^,;。]{{0,14}}?(?P<verb>报送|上报|提交|汇报|报告)(?!会)(?:一次|1次)?", "每季度向X報送一次…"),
))

ROWS = RECURRING_REPORT_ROWS + REPORT_ROWS + NOTICE_ROWS

_EVERY = {"周": "week", "月": "month", "季度": "quarter", "季": "quarter", "年": "year", "半年": "half-year"}
_WHAT = re.compile(r"(?:报送|上报|报告|提交|汇报|报)(?:一次|1次)?(?:给|至|到)?([^,;:。]{2,16}?)(?:[,;:。]|$)")


_OBJECT = re.compile(r"(?:报送|上报|呈报|报告|汇报|提交|送交|报)(?:给|至|到)?([^,;:。]{2,16}?)(?:审核|审阅|备案|$|[,;:。])")
_HANDED = re.compile(r"(?:把|将)([^,;。把将]{2,16}?)(?:及时|书面|按时|如实|逐级|一并)*"
                     r"(?:报告|报送|上报|呈报|汇报|提交|反馈|通报|报|交|送)")
_BODYISH = re.compile(r"(?:部门|单位|党委|党组|组织部|纪委|办公室|领导小组|组|委|局|处|上级|党组织|支部|中心)$")
_CHANNEL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:公开栏|公告栏|公众号|网站|短信|微信群|平台)")


def _bodies_after(st: Statement, a: int) -> list[Ref]:
    """The body right after a bare 報 (``…,報市委組織部``): a lexicon body, else its words."""
    m = re.match(r"([^,;:。]{2,16}?)(?:审核|审阅|审批|备案|[,;:。]|$)", st.f[a:])
    if m is None or not _BODYISH.search(m.group(1)):
        return []
    a0, a1 = a + m.start(1), a + m.end(1)
    known = [t for t in st.terms("role", "body") if a0 <= t.start and t.end <= a1]
    if known and known[0].start == a0 and known[0].end == a1:
        t = known[0].term
        return [Ref(t.id, t.category, t.id, t.name_en, True)]
    return [placeholder(st.words(a0, a1), "body")]


def _named_party(st: Statement, a0: int, a1: int) -> Ref:
    """The recipient a row names in [a0, a1) (``反饋給班子成員本人``, ``交支部存檔``, ``在“黨建雲平台”
    上傳``): a lexicon role or body spanning the words, else the words as a placeholder —
    never a known term they only contain."""
    known = [t for t in st.terms("role", "body") if t.start == a0 and t.end == a1]
    if known:
        t = known[0].term
        return Ref(t.id, t.category, t.id, t.name_en, True)
    return placeholder(st.words(a0, a1), "body")


def _plain_party(r: Ref) -> Ref:
    """``向黨委書面報告`` reports to 黨委: 書面 / 口頭 say how, not to whom."""
    if r.known:
        return r
    name = re.sub(r"(?:书面|書面|口头|口頭|及时|及時)$", "", r.name)
    name = re.sub(r"^(?:告)?(?:经|經)", "", name)  # 「報告經黨組會議研究」: 黨組會議 approves
    name = re.sub(r"^告?(?:报送|報送|上报|上報|待|等)?(?=[\u4e00-\u9fff]{2})", "", name)  # 書面報告上級黨委: not 告上級黨委
    name = re.sub(r"^(?:送|交|至|给|給|请|請)(?=[\u4e00-\u9fff]{2})", "", name)  # 報送上級黨委 → 上級黨委
    return placeholder(name, r.category) if len(name) >= 2 and name != r.name else r


def _recurring_report(st: Statement, hit: Hit) -> Params | None:
    """``各支部每月5日前報送上月工作情況``: one submission every period, due by that day of
    the next (``due_day``)."""
    m = hit.match
    what = _WHAT.search(st.f, m.start("verb"))
    doc = document(st, m.end("verb"))
    if doc is None and what is not None:
        words = re.sub(r"^(?:一次|1次)?(?:上|本)?(?:月|季度|季|年|周)?(?:度)?(?:的)?", "",
                       st.words(what.start(1), what.end(1)))
        if len(words) >= 2 and not _BODYISH.search(fold(words)):
            doc = placeholder(words, "document")
    lead = re.match(r"([^,;:。于在每]{2,12}?)(?:要|应|须|必须)?(?:于|在)?每", st.f)
    if (doc is None or not doc.known) and lead and not _BODYISH.search(lead.group(1)) \
            and not re.match(r"各|全体|所有", lead.group(1)):
        doc = placeholder(st.words(lead.start(1), lead.end(1)), "document")  # 「整改情況於每月底前書面報告…」
    doc = doc or document(st)
    if doc is None:
        doc = placeholder("報告", "document")
    p: Params = {"document": doc, "action": "submitted", "every": _EVERY[m.group("unit")], "min": 1}
    to = parties(st)
    if to:
        p["party"] = _plain_party(to[0])
    day = m.groupdict().get("day")
    if day:
        n = number(day)
        if n is None or not 1 <= n <= 28:
            return None
        p["due_day"] = n
    return p


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    if hit.kind == "recurring":
        return _recurring_report(st, hit)
    if hit.kind == "report":
        if m.start() == 0 and m.group(0) in ("报告", "汇报"):
            return None  # 「報告經黨組會議研究通過後」: the report is the statement's subject
        if m.group(0) in ("报告", "汇报") and re.match(r"待|经|须|需|由|要|应|在|于|和|及|、|的", st.f[m.end():]):
            return None  # 「調研報告待鄉鎮黨委審定」: a document's name, the subject, not the verb
        doc = document(st, 0, m.start()) or document(st)
        if doc is not None and not doc.known and re.search(r"向|提前|及时", fold(doc.name)):
            doc = None  # 「提前一周向黨委報告」 is the verb phrase, not a document's name
        if doc is not None and not doc.known:
            # 「各支部形成專題調研報告」: the report, not who writes it nor the writing
            name = re.sub(r"^[^,;:。]{0,8}?(?:形成|撰写|撰寫|写出|寫出|起草|制定|写好|寫好)", "", doc.name)
            doc = placeholder(name, "document") if len(name) >= 2 and name != doc.name else doc
        seg = re.search(r"([^,;:。]{2,10})$", st.f[:m.start()])
        if (seg and (doc is None or (not doc.known and fold(doc.name) not in seg.group(1)))
                and not re.search(r"要|应|须|将|把|向|的|并|及时|同时|党委|支部|部门|单位|\d|请|于|前|后|"
                                  r"书面|口头|如实|按时|逐级|定期|形成|由|确认", seg.group(1))):
            # 「…推優結果報送上級黨委」: what is sent stands right before the verb
            doc = placeholder(st.words(seg.start(1), seg.end(1)), "document")
        if doc is None:
            after = re.match(r"(?:给|至|到)?(?:一次|1次)?([^,;:。]{2,16}?)(?:[,;:。]|$)", st.f[m.end():])
            if after and not _BODYISH.search(after.group(1)):
                doc = placeholder(st.words(m.end() + after.start(1), m.end() + after.end(1)), "document")
        if doc is None and m.groupdict().get("to"):
            # 「意見梳理後反饋給…」「…要在三日內將決議內容在公開欄公布」: what stands before the verb
            ahead = re.search(r"(?:^|[,;:]|将|把)([^,;:。将把]{2,16}?)(?:梳理|整理|汇总|核实)?(?:后|以后)?$",
                              st.f[:m.start()])
            a1 = ahead.end(1) - len(re.sub(r"^.*?(?=(?:要|应当|应|须|必须|及时|均|都)*$)", "", ahead.group(1))) if ahead else 0
            if ahead and a1 - ahead.start(1) >= 2 and not re.search(r"后|要|应|须|的|\d", st.f[ahead.start(1):a1]):
                doc = placeholder(st.words(ahead.start(1), a1), "document")
            elif st.before:
                doc = document(Statement(st.clause, st.before, st.before, st.line))  # 「…收回,梳理後反饋給本人」
        if doc is None:
            obj = re.search(r"(?:把|将)([^,;。]{2,16}?)(?:连同|以|报|向|送)", st.f)
            if obj:
                doc = placeholder(st.words(obj.start(1), obj.end(1)), "document")
            elif "报告" in st.f:
                doc = placeholder("書面報告" if "书面" in st.f else "報告", "document")
            else:
                return None
        held = _HANDED.search(st.f)
        if held and m.start() <= held.end() <= m.end() + 2 and (doc is None or not doc.known):
            # 「將學習情況及時報告鎮黨委」: what 將 takes is what is sent (not 報告 cut from the verb)
            doc = document(st, held.start(1), held.end(1)) or placeholder(st.words(held.start(1), held.end(1)), "document")
        if doc is not None and not doc.known:
            cut = re.search(r"(?:书面|書面|口头|口頭)(?:报告|報告|汇报|匯報)$", doc.name)
            if cut and cut.start() >= 2:
                doc = placeholder(doc.name[:cut.start()], "document")  # 「有關情況書面報告X」: the 有關情況
        p: Params = {"document": doc}
        if m.groupdict().get("to"):
            p["to"] = [_named_party(st, m.start("to"), m.end("to"))]
            return p
        sent = m.group(0).lstrip(",;")
        to = _bodies_after(st, m.end()) if sent.endswith(("报", "印发", "下发", "分送", "送交")) else []
        to = to or parties(st)
        if not to:
            obj = _OBJECT.search(st.f, m.start())
            if obj and _BODYISH.search(obj.group(1)):
                to = [placeholder(st.words(obj.start(1), obj.end(1)), "body")]
            elif "上" in m.group(0):
                to = [placeholder("上級", "body")]
            else:
                return None
        p["to"] = [_plain_party(t) for t in to]
        return p
    act = activity(st) or heading_activity(st)
    if act is not None and not act.known:
        name = re.sub(rf"^会[前后](?:(?:\d+|[{CN}]+)个?(?:天|周|日))?(?:将|把)?", "", act.name)
        name = re.sub(r"^.*(?:栏|欄|公布|發布|发布|公佈)", "", name)  # 「公開欄公布活動」: the activity announced
        if re.search(r"\d|将|將|把", name):  # 「3天前將會議議題通知與會」: the meeting in it
            meeting = re.search(r"会议|會議|[\u4e00-\u9fff]{0,4}(?:生活会|生活會|大会|大會)", name)
            name = meeting.group(0) if meeting else name
        act = placeholder(name, "activity") if len(name) >= 2 else act
    if act is None and st.before:
        act = activity(Statement(st.clause, st.before, st.before, st.line))
    if act is None:
        return None
    p = {"activity": act}
    g = m.groupdict()
    lead = g.get("lead") or g.get("lead2") or g.get("lead3") or g.get("lead4") or g.get("lead5")
    if lead:
        w = "提前" + lead.replace("两", "二")
        try:
            parse_offset(w)
            p["lead"] = w
        except (PhraseError, ValueError):
            pass
    ch = [placeholder(re.sub(r"^(?:提前|要|通过|通過|在|利用|依托|依託)+", "", st.text[x.start():x.end()]), "group")
          for x in _CHANNEL.finditer(st.f)]
    if not ch:
        word = re.search(r"通知|公示|预告|公告|告知|公布|发布|送达|发给|发放", st.f)
        if word is None:
            return None
        ch = [placeholder(st.text[word.start():word.end()], "group")]
    p["channels"] = ch
    return p
