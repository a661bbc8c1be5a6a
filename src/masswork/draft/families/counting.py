"""Counts: per person (``每名黨員…``, ``人人``, ``黨員領導幹部要…參加``), per unit (``各支部``,
``各單位``, ``每個支部``), recurring (``每月``, ``每季度至少一次``, ``每兩個月1個專題``,
``每半年``), and quantities (``不少於12天``, ``每周5個學時``; amounts, shares and quorums in measures.py).
Counts are kept exactly (``每個專題2次`` is 2)."""

from __future__ import annotations

import re

from .base import ALSO, AT, NUMBER, Hit, Params, Statement, low_end, number, rows
from .logic import MEANS, PERMISSION
from .measures import MEASURE_ROWS, build_measure
from .words import EVENT_VERBS, activity, document, heading_activity, person_role, placeholder

__all__ = ["ROWS", "build", "every_of", "TARGETS"]

TARGETS = re.compile(r"(?P<each>为|对|确定|给)每(?:名|位|个|一名|一位)(?P<role>[\u4e00-\u9fff]{1,6}?)(?:逐一|实事求是地|都)?"
                     r"(?:形成|提出|作出|确定|的)")
"""``為每名黨員逐一形成評議意見``: something for every holder of a role (coverage, not a quota)."""

_EACH_PERSON = r"每名|每位|每一名|每一位|每个(?=党员|成员|干部|同志)|人人|每人|人均|逐人|逐个|本人|个人"
PER_PERSON_ROWS = rows("per-person", (
    (rf"(?:{_EACH_PERSON})", "每名黨員…, 人人, 逐人, 本人 (為每名黨員形成… covers every member: coverage)"),
    (r"(?P<role>(?:[\u4e00-\u9fff]{2,6}?(?<![全各每])(?=[\u4e00-\u9fff]{2}$|科级|处级|县处级|新提拔|外出|流动|离退休|年轻|预备))?"
     r"(?:党员领导干部|领导干部|班子成员|中心组成员|成员|党员干部|党员|支部书记|书记|干部))(?:原则上)?(?:都|还|均|也|再)?(?:要|应|须|必须)",
     "a role that must: 黨員領導幹部要…"),
    (r"的(?P<role>党员|成员|干部|同志),(?:都|还)?(?:要|应|须|必须)", "those of a role who…: 因故不能參加的黨員,要…補課"),
    (r"^(?P<role>党员|班子成员|中心组成员|党员领导干部|领导干部|支部委员)(?:每(?:年|季度|月|周|半年|学期))(?:都)?(?:至少|不少于)",
     "a role's own count per period: 黨員每季度至少參加一次志願服務"),
    (r"以普通党员身份", "以普通黨員身份參加"),
    (r"(?P<role>主要负责(?:人|同志)|其他(?:班子)?成员|班子其他成员)(?:都|还|均|也|分别)?(?:要|应|须)?(?:带头)?"
     r"(?=讲|作|撰写|参加|到|深入|提交)", "the head and the others each: 主要負責人講一次黨課,其他班子成員到分管單位講"),
    (r"(?P<role>[\u4e00-\u9fff]{0,6}(?:领导|干部|书记|成员|委员))(?:要|应|须)?全程(?:参加|出席|列席)",
     "a role attends throughout: 聯繫支部的處級領導全程參加"),
    (r"^(?P<duty>按时|准时)(?:足额)?(?:参加|出席|交纳|缴纳)", "a duty with no subject in a list of members' duties: (6)按時參加…考試", 0.5),
), unless=r"^(?:各|全体)") + rows("per-person", (
    (r"^各(?:位|名)?(?P<role>党员|成员|班子成员|中心组成员|党员领导干部|领导干部|党员干部|委员|同志)(?:都|还|均|也)?(?:要|应|须|必须)",
     "各 before a person's role is each of them: 各黨員要…, 各位成員要…"),
    (r"(?P<role>党员领导干部|领导干部|班子成员|中心组成员|支部书记|书记|委员|成员)(?:要|应|须|都要)?(?:带头|率先)(?=讲|上|作|参加|撰写|交)",
     "a role that leads by doing it: 黨員領導幹部帶頭講黨課, 支部書記帶頭講黨課"),
    (r"(?P<role>党员领导干部|领导干部|班子成员|中心组成员|党员|成员|委员)(?:要|应|须|都要)?(?P<turn>逐一|逐个|逐人|分别|各自)"
     r"(?:作出|作|进行)?(?=写|撰写|讲|发言|对照|检视|剖析|提交|填写|述|交流|汇报|表态|谈)",
     "each of a role in turn: 班子成員逐一作對照檢查, 黨員逐個發言"),
))

PER_UNIT_ROWS = rows("per-unit", (
    (r"(?<!指导)(?<!督促)(?<!联系)(?<!帮助)(?<!检查)(?<!对)(?<!向)(?<!给)(?<!深入)(?<!到)(?:各(?:基层|学生|教工|机关|在职|离退休)?(?:党)?(?:总)?支部|"
     r"各(?:级|二级|基层|直属)?党组织|各(?:基层|直属|所属)?单位|各部门|各处室|各科室|各党小组|各党委|各党组|各党工委|"
     r"各(?:乡镇|街道|村|社区|学院|院系|系|县|区)(?![\u4e00-\u9fff]{0,2}(?:长|干部|书记))|"
     r"(?:每一?个|所有|所属)(?:基层|直属)?(?:党)?(?:总支部|支部|小组|党组织|单位|部门|处室|科室)|所属各)"
     r"(?!书记|委员|成员|负责人|主要负责|领导|党员(?!大会)|干部|同志|职工|群众|人员)"
     r"(?![^,;。]{0,4}?(?:推荐|选派|派出?|确定)(?:\d+|[一二两三四五六七八九十]+)名)",
     "各支部, 各單位, 各學生黨支部, 各鄉鎮, 各村(社區), 各級黨組織, 每個黨小組, 所有黨支部, 所屬單位 "
     "(not 指導各單位…: the superior's work)"),
    (r"(?<!上级)(?<!上一级)(?<!各)党组织(?:都|也|还)?(?:要|应|须)", "a party organisation that must: 黨組織要制定整改方案", 0.55),
    (r"(?P<subj>[^,;:。]{2,12}?)以各(?:[^,;。]{0,6}?)为单位", "以各黨支部為單位: 學時登記以各黨支部為單位實施"),
    (r"(?:^|,)(?:并|同时|还要|另外,?要|要)?(?:如实)?(?P<carry>填写|填好|写出|撰写|提交|报送|制定)",
     "the subject carried from the statement before: 各單位要…;並如實填寫征求意見表", 0.55),
    (r"^(?:同时|此外|另外|并|还要)?,?(?:要)?(?P<carry>每(?:月|季度|季|年|半年|周|学期)|(?:至少|定期)(?:召开|开展|组织|举行))",
     "a period with no subject, the subject carried from the sentence before: 各黨支部要…。每月至少開展一次集中學習", 0.55),
))

RECURRING_ROWS = rows("recurring", (
    (rf"每(?P<n>{NUMBER})?个?(?P<unit>周|月|季度|季|年|半年|学期|半月|双月)(?!方案|计划|工作计划|总结)(?:[^,;。]{{0,16}}?(?P<k>{NUMBER})[次个场篇期])?",
     "每月, 每季度至少一次, 每兩個月1個專題"),
    (r"(?:实行|开展|进行)(?P<unit>年度)|(?P<unit2>每年年初)", "實行年度…, 每年年初", 0.55),
    (rf"(?:一|1)(?P<unit>年|季度|个月|月)(?:内)?[^,;。]{{0,6}}?(?P<k>{NUMBER})次", "一年召開1次"),
    (r"(?P<vague>定期|经常性|常态化|经常|不定期)地?(?:召开|开展|组织|举行|举办|进行|参加|学习|交流)",
     "定期, 經常性, 常態化 name no period: a warning (at least once a year) until someone sets one", 0.5),
))

QUANTITY_ROWS = rows("quantity", (
    (rf"(?P<cper>每次|每天|每半天|每个半天|每小时|(?:1|一)次|(?:1|一)天|半天|(?:1|一)(?:个)?小时)[^,;。]{{0,12}}?"
     rf"(?:折算|折合|(?<![累合总])计|记|算)(?:为)?(?P<k>{NUMBER}(?:\.\d+)?)个?(?P<u>学时|课时)",
     "a counting rule: 參加1次專題講座折算4學時, 每半天折算4學時, 每小時折算1學時 (credit, no total)", 0.6),
    (rf"(?P<cper>每次|每天|每半天|每个半天|每小时|(?:1|一)次|(?:1|一)天|半天|(?:1|一)(?:个)?小时)[^,;。]{{0,12}}?"
     rf"按(?:照)?(?P<k>{NUMBER}(?:\.\d+)?)个?(?P<u>学时|课时)(?:计算|计|记|认定)",
     "a counting rule: 每次集中學習按2學時計算", 0.6),
    (rf"(?P<k>{NUMBER}(?:\.\d+)?)个?(?P<u>学时|课时)", "N個學時"),
    (rf"(?:不少于|不低于|至少|累计)[^,;。]{{0,6}}?(?P<k>{NUMBER}(?:\.\d+)?)个?(?P<u>天|小时|学时|%|课时)", "不少於12天, 不低於90%"),
    (rf"(?P<k>\d+(?:\.\d+)?)(?P<u>%)|半数以上|三分之二以上|(?<!超)过半", "ratios 90%, 半數以上 (not of attendance: 到會率 is attendance)"),
    (rf"每天[^,;。]{{0,6}}?(?P<k>{NUMBER}|半)个?(?P<u>小时)", "每天…一小時"),
), unless=r"每次[^,;。]{0,12}?(?:不少于|不得少于|至少|不低于|不超过|不得超过|控制在)[^,;。学课]{0,6}(?:小时|天|分钟)")
"""(每次…不少於2小時 is each session's length, a duration: no quantity.)"""

ROWS = PER_PERSON_ROWS + PER_UNIT_ROWS + RECURRING_ROWS + MEASURE_ROWS + QUANTITY_ROWS
"""(A quorum, ``到會率不低於90%``, ``須有半數以上黨員到會``, is a ``quantity`` of attendees of those
expected, measures.py — how the corpus labels it — no longer an ``attendance`` draft.)"""

_EVERY = {"周": ("week", 1), "月": ("month", 1), "季度": ("quarter", 1), "季": ("quarter", 1),
          "年": ("year", 1), "半年": ("year", 2), "年度": ("year", 1), "每年年初": ("year", 1),
          "定期": ("year", 1), "经常性": ("year", 1), "个月": ("month", 1), "学期": ("half-year", 1),
          "半月": ("week", 1), "双月": ("month", 1)}


def every_of(unit: str, n: int | None) -> tuple[str, int, int] | None:
    """(the plan format's ``every``, its ``interval``, how many times per period one time
    per ``n`` units makes): every 2 months → (month, 2, 1); every half year → (half-year, 1,
    1); every 3 weeks → (week, 3, 1). None for a count of 0."""
    every, per = _EVERY[unit]
    if n == 0:
        return None
    if unit == "半年":
        every, per = "half-year", 1
    if unit in ("半月", "双月"):
        return every, 2 * (n or 1), per  # every half month: every 2 weeks; every other month
    return every, n or 1, per


_DEED = re.compile(r"参加|出席|列席|(?<!编)写|撰写|填|提交|(?<![交相])交(?!流|心|换)|讲(?:[^,;。]{0,4}?党课|课|话|评)|"
                   r"作(?:出|好)?(?:对照)?(?:党性分析|发言|表态|检查|点评|汇报|总结|述职|报告|自我批评)|检视剖析|自我剖析|"
                   r"备好|订好|改好|修改|至少|不少于|报告|发言|交流|述职|上党课|补课|补学|请假|走访|牵头|承担")
_UNITS_ACT = re.compile(r"^[^,;。]{0,20}?各(?:[^,;。]{0,8}?)(?:支部|党组织|单位|部门|处室|科室)[^,;。]{0,6}?要")
_OBJECT_OF = re.compile(r"(?:告知|通知到?|发给|印发给|送给|送达|与|同|跟|(?:摸清|了解|掌握|覆盖)[^,;。]{0,8}?)$")
def _segment(f: str, pos: int) -> tuple[int, int]:
    """The comma segment around ``pos``: a period's event is named beside it, else in the
    heading, else elsewhere in the statement."""
    a = max(f.rfind(c, 0, pos) for c in ",;:。") + 1
    ends = [k for k in (f.find(c, pos) for c in ",;:。") if k != -1]
    return a, min(ends) if ends else len(f)


_BOOKS = re.compile(rf"{NUMBER}\s*[本部册](?!单位|人|次)")
_MORE_UNITS = re.compile(r"(?:[、和及]?各[\u4e00-\u9fff]{0,6}?(?:单位|部门|支部|党组织|科室|处室))+")
_TIME_LEAD = re.compile(r"(?:都|均)?(?:应|要|须)?(?:在|于)[^,;。]{2,24}?(?:之前|以前|前|之后|以后|后|期间|时)")


def _past_lead(f: str, pos: int) -> int:
    """Where the subject of 各X begins: after a time lead (``應在專題民主生活會召開前…``: the
    meeting is when, not what) or the means it may use (``可通過召開職工大會等辦法``)."""
    more = _MORE_UNITS.match(f, pos)
    pos = more.end() if more else pos
    tm = _TIME_LEAD.match(f, pos)
    if tm:
        return tm.end()
    for mm in MEANS.finditer(f, pos):
        if mm.start() - pos <= 3:
            return mm.end()
        break
    return pos


_QUALITY = re.compile(r"(?:都|也|还)?(?:要|应|须|必须)?(?:进一步|切实|始终|不断)?(?:加强|高度重视|重视|提高|增强|强化|"
                      r"坚持|注重|把|将|认真落实|切实履行|履行|发挥|做到|确保)")
_LENGTH = re.compile(r"时间|会期|时长|每次|每期|每场|用时")
_UNIT_COUNT = re.compile(rf"(?:至少|不少于)?(?:{EVENT_VERBS})?(?P<k>{NUMBER})[次场期](?!以上的)")
_PLAN_VERB = re.compile(r"订好|订出|制定|制订|拟定|修订")
_QUANTITY_LATER = re.compile(r"(?:不少于|不低于|至少|累计)[^,;。]{0,8}?\d+(?:\.\d+)?个?(?:学时|课时|小时|天)|\d+个?(?:学时|课时)")
_COUNT = re.compile(rf"(?:至少|不少于)?(?P<k>{NUMBER})\s*[次篇份本]")
_DOC_VERB = re.compile(r"(?:写|撰写|写出|写好|填|填好|备好|订好|订出|交|提交|形成|制定|修改|建立|建好)")


_WRITTEN = re.compile(rf"(?:撰写|写出|写好|提交|交|填写|形成|牵头|承担|领办|认领)(?:{NUMBER}|若干)?[份篇本次条个项]?(?:以上)?(?P<what>[^,;。]{{2,16}}?)"
                      r"(?=[,;。]|$|不少于|不低于|至少)")


def _written(st: Statement, a: int) -> Params | None:
    """What each person writes or hands in, in the plan's words when the lexicon does not
    know it (``每人提交一份心得體會``)."""
    wm = _WRITTEN.search(st.f, a)
    if wm is None:
        return None
    return {"document": placeholder(st.words(wm.start("what"), wm.end("what")), "document")}


def _turn_subject(st: Statement, m: re.Match[str]) -> Params | None:
    """What each does in turn (``班子成員逐一作對照檢查``): named after the turn word, in the
    plan's words when the lexicon does not know it."""
    found = _subject(st, m.end())
    if found is not None:
        return found
    b = _segment(st.f, m.end())[1]
    words = st.words(m.end(), b)
    return {"activity": placeholder(words, "activity")} if 2 <= len(words) <= 12 else None


def _subject(st: Statement, a: int = 0) -> Params | None:
    doc_verb = _DOC_VERB.search(st.f, a)
    act = activity(st, a)
    doc = document(st, a)
    if doc is not None and (act is None or (doc_verb is not None and doc_verb.start() < 60)):
        return {"document": doc}
    if act is not None:
        return {"activity": act}
    if doc is not None:
        return {"document": doc}
    return None


_CREDIT_PER = {"每次": "event", "1次": "event", "一次": "event", "每天": "day", "1天": "day", "一天": "day",
               "每半天": "half-day", "每个半天": "half-day", "半天": "half-day"}


def _credit(st: Statement, m: re.Match[str]) -> Params | None:
    """``專題講座:每半天折算4學時``: how many hours an event (a day, half day, hour of it)
    counts — the quantity's ``credit``, with no total of its own (``min = 0``)."""
    k = m.group("k")
    amount = float(k) if k[0].isdigit() else float(number(k) or 0)
    if amount <= 0:
        return None
    p: Params = {"min": 0.0, "credit": amount, "credit_per": _CREDIT_PER.get(m.group("cper"), "hour"),
                 "unit": {"课时": "學時", "学时": "學時"}[m.group("u")]}
    act = activity(st, 0, m.end()) or heading_activity(st)
    if act is not None:
        p["activity"] = act
    return p


def _recurring(st: Statement, m: re.Match[str]) -> Params | None:
    """One ``每月…一次`` rule: the event named in the period's comma segment."""
    g = m.groupdict()
    a, b = _segment(st.f, m.start())
    if _QUANTITY_LATER.search(st.f, m.start(), b):
        return None  # "每年…不少於32學時": the period of a quantity, not a recurring event
    if _PLAN_VERB.search(st.f, m.end()) and not g.get("k") and document(st, m.end()):
        return None  # "每年(年初)…要訂好年度學習計劃": a document drawn up, not an event
    if _BOOKS.search(st.f, a, b):
        return None  # "每年研讀…著作至少2本": books read, not an event held
    act = (activity(st, m.start(), b) if g.get("vague") else None) or activity(st, a, b) \
        or heading_activity(st) or activity(st)
    if act is None:
        return None
    if g.get("vague") == "不定期" or (g.get("vague") and PERMISSION.search(st.f, 0, m.start())):
        return None  # "不定期抽查": no period at all; "可以…定期組織輔導": a means one may use
    ev = every_of(g.get("unit") or g.get("unit2") or "年", number(g.get("n")))
    if ev is None:
        return None
    every, interval, times = ev
    k = (low_end(st.f, m.start("k"), number(g.get("k"))) if g.get("k") else None) or 1
    p: Params = {"activity": act, "every": every, "min": times * k}
    if interval > 1:
        p["interval"] = interval
    return p


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    g = m.groupdict()
    if hit.row in MEASURE_ROWS:
        return build_measure(st, hit)
    if hit.kind == "per-person" and g.get("duty"):
        subj = _subject(st)
        if subj is None and re.search(r"党费", st.f):
            subj = {"activity": placeholder("交納黨費", "activity")}  # a duty done, not an event named
        return None if subj is None else {"role": placeholder("成員", "role"), **subj}
    if hit.kind == "per-person":
        if any(TARGETS.match(st.f, max(0, m.start() - k)) for k in (1, 2)) or \
                _OBJECT_OF.search(st.f, 0, m.start()):
            return None  # "為每名黨員形成評議意見", "告知每一位參會人員": every member is reached, no quota
        if st.f.count("“", 0, m.start()) > st.f.count("”", 0, m.start()):
            return None  # "“人人上台講黨史”": the name of an activity
        deed = _DEED.search(st.f, m.end("role")) if g.get("role") else None
        if g.get("role") and deed is None:
            return None  # "班子成員要真正開展批評": a quality asked of everyone, not a count per person
        words = st.words(m.start("role"), m.end("role")).split("的")[-1] if g.get("role") else ""
        role = person_role(st, words)
        if role is None and m.group(0) in ("每人", "人均"):
            role = placeholder("成員", "role")  # "每人提交…", "人均撰寫…": everyone the plan addresses
        subj = _turn_subject(st, m) if g.get("turn") else _subject(st)
        if subj is None and deed is not None and deed.group(0) in ("补课", "补学", "请假"):
            subj = {"activity": placeholder(st.words(deed.start(), deed.end()), "activity")}
        if subj is None:
            subj = _written(st, m.end())
        if role is None or subj is None:
            return None
        p: Params = {"role": role, **subj}
        km = _COUNT.search(st.f)
        if km and number(km.group("k")):
            p["min"] = low_end(st.f, km.start("k"), number(km.group("k")))
        return p
    if hit.kind == "per-unit" and g.get("subj"):
        words = st.words(m.start("subj"), m.end("subj"))
        return {"activity": activity(st, m.start("subj"), m.end("subj")) or placeholder(words, "activity"),
                "all_sections": True}
    if hit.kind == "per-unit" and g.get("carry"):
        if not _UNITS_ACT.search(st.before):
            return None  # only when the statement before has 各單位 as the subject that acts
        subj = _subject(st, m.start())
        if subj is None:
            return None
        pc: Params = {**subj, "all_sections": True}
        kc = _UNIT_COUNT.search(st.f, m.end(), _segment(st.f, m.end())[1])
        low_c = low_end(st.f, kc.start("k"), number(kc.group("k"))) if kc else None
        if low_c is not None and low_c > 1:
            pc["min"] = low_c
        return pc
    if hit.kind == "per-unit":
        start = _past_lead(st.f, m.end())
        if _QUALITY.match(st.f, start) and not re.search(EVENT_VERBS, st.f[start:_segment(st.f, start)[1]]):
            return None  # "各黨支部要加強學習", "要高度重視": a quality asked, no event or document
        subj = _subject(st, start)
        if subj is None:
            return None
        p = {**subj, "all_sections": True}
        km = _UNIT_COUNT.search(st.f, m.end(), _segment(st.f, m.end())[1])
        low = low_end(st.f, km.start("k"), number(km.group("k"))) if km else None
        if low is not None and low > 1:
            p["min"] = low  # "各支部每年至少開展4次…": 4, kept exactly; "1至2次": at least 1
        return p
    if hit.kind == "recurring":
        first = _recurring(st, m)
        if first is None:
            return None
        # "每月召開一次支委會,每季度召開一次黨員大會": each period in its own segment is one more rule
        more = []
        seg_end = _segment(st.f, m.start())[1]
        for m2 in hit.row.pattern.finditer(st.f, seg_end):
            if m2.start() < seg_end:
                continue
            p2 = _recurring(st, m2)
            if p2 is not None and p2 != first:
                more.append({**p2, AT: m2.start()})
            seg_end = _segment(st.f, m2.start())[1]
        return {**first, ALSO: more} if more else first
    if g.get("cper"):
        first_credit = _credit(st, m)
        more_credits = [{**c, AT: m2.start()} for m2 in hit.row.pattern.finditer(st.f, m.end())
                        if (c := _credit(st, m2)) is not None]
        if first_credit is None:
            return None
        return {**first_credit, ALSO: more_credits} if more_credits else first_credit
    k_words = g.get("k")
    unit = g.get("u") or "%"
    if unit == "%":
        return None  # a share that is not of attendance (滿意率達到80%): no hours to add up
    if unit in ("天", "小时") and _LENGTH.search(st.f, 0, m.start()) and "累计" not in st.f:
        return None  # "時間不少於3天", "每次會期不少於1天": how long one event lasts, a duration
    if k_words is None:
        amount: float = 50.0
    elif k_words == "半":
        amount = 0.5
    else:
        try:
            amount = float(k_words)
        except ValueError:
            amount = float(number(k_words) or 0)
    if amount <= 0:
        return None
    p = {"min": amount, "unit": {"课时": "學時", "学时": "學時", "小时": "小時"}.get(unit, unit)}
    act = activity(st)
    if act is not None:
        p["activity"] = act
    return p

