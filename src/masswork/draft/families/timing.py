"""Deadlines and durations: calendar phrases (``6月15日前``, ``3月中旬``, ``自3月19日至4月25日``,
``上半年``, ``年底前``), campaign and phase spans (``從3月開始…8月基本結束``,
``自5月下旬起,到7月上旬止``) and lengths (``用時半年左右``, ``為期一個月``)."""

from __future__ import annotations

import re

from ...hanzi import script_of
from ...periods import PhraseError, parse_duration, parse_window
from .base import CN, Hit, Params, Statement, rows
from ..recognise import Ref
from ..text import fold
from .words import activity, document, heading_activity, placeholder

__all__ = ["ROWS", "build", "window_phrase", "campaign_window", "CAMPAIGN", "phase_window", "PHASES"]

_D = rf"(?:\d{{1,2}}|[{CN}]{{1,3}})"
_Y = r"(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?"
_MONTH_PART = r"(?:上旬|中旬|下旬|上中旬|中下旬|底|末|初|份)?"
_DATE = rf"{_Y}{_D}月(?:{_D}[日号])?{_MONTH_PART}"

ROWS = rows("deadline", (
    (rf"即日起(?:至|到)(?P<w>{_DATE})", "from today until a day 即日起至3月31日"),
    (rf"(?P<w>{_DATE}(?:至|到|—|-|~){_Y}(?:{_D}月)?(?:{_D}[日号]?)?{_MONTH_PART})",
     "a span of dates 3月19日至4月25日, 2005年1月—6月"),
    (rf"(?P<w>{_Y}{_D}月{_D}[日号](?:之前|以前|前))", "by a day 6月15日前"),
    (rf"(?P<w>{_Y}{_D}月(?:上旬|中旬|下旬|上中旬|中下旬|底|末|份)(?:前|之前|以前)?)",
     "a part of a month 3月中旬, 5月底前"),
    (rf"(?P<w>{_Y}{_D}月)(?:前|之前|以前|内|初|基本结束|结束|完成)", "a month 6月前, 8月基本结束"),
    (rf"(?P<w>{_Y}{_D}月{_D}[日号])(?!(?:起|开始|至|到))", "one day 2月24日"),
    (rf"(?P<w>{_Y}{_D}月)(?=[:])", "a month on a timetable line 5月:整改落實"),
    (r"(?P<w>年底前|年底|年初|年内|年终|上半年|下半年|第一季度|第二季度|第三季度|第四季度)",
     "parts of the year 年底前, 上半年"),
    (r"(?P<w>[“\"]?(?:七一|国庆节|国庆|元旦|五一|建党节)[”\"]?(?:前后|之前|前|左右))", "festivals 七一前後, 國慶節前"),
))

_AMOUNT = rf"(?:\d+|[{CN}]+|半)"
_BOUND = r"不得少于|不少于|不低于|不短于|至少|不超过|不得超过|不多于|控制在|为"

DURATION_ROWS = rows("duration", (
    (rf"阶段[(:]?(?P<a>{_DATE})(?:至|到|—|-|~)(?P<b>{_Y}(?:{_D}月)?{_D}[日号]|{_DATE})[)]?",
     "a phase with its window 整改提高階段(9月13日至10月16日)"),
    (rf"阶段[:]?[^,;。()]{{2,12}}[(](?P<a>{_DATE})(?:至|到|—|-|~)(?P<b>{_Y}(?:{_D}月)?{_D}[日号]|{_DATE})[)]",
     "a phase, its name, its window 第一階段:學習教育(3月至4月)"),
    (rf"(?P<a>{_DATE})(?:至|到|—|-|~)(?P<b>{_Y}(?:{_D}月)?{_D}[日号]|{_DATE})[,:]?[^,;。]{{2,12}}阶段",
     "a window, then its phase 9月上旬至10月中旬,學習動員階段"),
    (rf"(?:从|自|于)(?P<a>{_DATE})(?:开始|起)[,]?(?:到|至)(?P<b>{_DATE})(?:结束|止|为止)",
     "a span 從3月19日開始,到5月20日結束"),
    (rf"(?:从|自)(?P<a>{_DATE})(?:开始|起)", "a start 從2005年1月開始 (with a length)", 0.6),
    (rf"每次(?P<what>[^,;。]{{0,10}}?)(?:时间|会期|时长|用时)?(?:一般|原则上)?(?P<bound>{_BOUND})"
     rf"(?P<len>{_AMOUNT}(?:分钟|个?半?小时|个钟头|半天|天|周))(?P<tail>以内|之内|内|左右|以上)?",
     "each session's length 每次不少於半天, 每次交流控制在15分鐘以內", 0.75),
    (rf"公示(?:期|时间)?(?:为|不少于|不得少于)?(?P<plen>{_AMOUNT}个?(?:天|周|工作日|个工作日|日))",
     "a publicity period 公示一周, 公示期不少於5個工作日"),
    (r"(?:用时|历时|为期|时间为|持续)(?P<len>[^,;。]{1,8}?(?:天|周|个月|月|年半|年)(?:左右)?)",
     "a length 用時半年左右, 為期一個月"),
    (r"(?<![前提])(?P<len>(?:\d+|[一二两三四五六七八九十半]+)个?(?:月|周|天|年半|年))左右", "about a length 8個月左右"),
    (r"(?:不少于|不短于)(?P<len>(?:\d+|[一二两三四五六七八九十]+)个?(?:月|周))", "at least a length 不少於3個月"),
))

_PARTS = {"年底前": "年底前", "年底": "12月", "年终": "12月", "年初": "1月", "年内": "年內",
          "上半年": "1月至6月", "下半年": "7月至12月", "第一季度": "1月至3月",
          "第二季度": "4月至6月", "第三季度": "7月至9月", "第四季度": "10月至12月"}


_TEN_DAYS_BY = {"上旬": "10日前", "中旬": "20日前", "下旬": "底前"}


def window_phrase(words: str, year: int) -> str | None:
    """A calendar phrase as the plan format reads it, or None when it is not one
    (``1月中旬前`` — by the end of mid-January — is ``1月20日前``)."""
    w = _PARTS.get(words, words)
    w = re.sub(r"[“”\"]", "", w).replace("—", "至").replace("初", "上旬")
    by = re.fullmatch(r"(.*月)(上旬|中旬|下旬)(?:之前|以前|前)", w)
    if by:
        w = by.group(1) + _TEN_DAYS_BY[by.group(2)]
    try:
        parse_window(w, year)
    except (PhraseError, ValueError):
        return None
    return w


def _length(words: str) -> str | None:
    try:
        parse_duration(words)
    except (PhraseError, ValueError):
        return None
    return words


_SUBMIT = re.compile(r"(?:将|把)(?P<obj>[^,;:。]{2,16}?)(?:报送|上报|提交|报|交|送)(?P<to>[^,;:。]{0,16})")
_SUBMIT_LATER = re.compile(r"(?:报送|上报|提交|交|报|送)(?:至|到|给)?(?P<to>[^,;:。]{2,16})")


def _submitted(st: Statement, after: int) -> Params | None:
    """``4月20日前將學習情況報送機關黨委``: the date is when a document is handed in — a
    deadline on the document's submission (``action = "submitted"``, ``party``)."""
    m = _SUBMIT.search(st.f, after)
    if m is None or m.start() - after > 6:
        m = _SUBMIT_LATER.match(st.f, after)  # 「意見建議請於5月26日前交組織人事處」
        if m is None:
            return None
        lead = re.match(r"([^,;:。]{2,12}?)(?:要|须|应|请|务必)?(?:于|在)", st.f)
        if lead is None:
            return None
        doc = document(st, lead.start(1), lead.end(1)) or placeholder(st.words(lead.start(1), lead.end(1)), "document")
    else:
        doc = document(st, m.start("obj"), m.end("obj")) or placeholder(st.words(m.start("obj"), m.end("obj")), "document")
    p: Params = {"document": doc, "action": "submitted"}
    to = m.group("to")
    if to:
        to_end = m.start("to") + len(re.sub(r"(?:审核|审阅|备案|审批)$", "", to))
        for t in st.terms("role", "body"):
            if t.start == m.start("to") and t.end == to_end:  # the whole name, not a word inside it
                p["party"] = Ref(t.term.id, t.term.category, t.term.id, t.term.name_en, True)
                break
        else:
            words = st.words(m.start("to"), to_end)
            if re.search(r"(?:党委|党组|组织部|纪委|办公室|领导小组|督导组|支部|党工委|中心|处|科|室|部)$", fold(words)):
                p["party"] = placeholder(words, "body")
    return p


_BEFORE_DATE = set("在于从自至到即和及、与或将把年前后起止内中前为是对由")
_AFTER_DATE = set("前底起开召举完进组启结基全内中上下以之至到和及份初末旬日号要应须将把由在对正为是左"
                  "安定集分举行")


def _attribute(f: str, a: int, b: int) -> bool:
    """A month between a verb and its object (``集中交納5月份黨費``) says which month's
    dues, not when: no deadline."""
    if a == 0 or b >= len(f):
        return False
    prev, nxt = f[a - 1], f[b]
    hanzi = "\u4e00" <= prev <= "\u9fff" and "\u4e00" <= nxt <= "\u9fff"
    return hanzi and prev not in _BEFORE_DATE and nxt not in _AFTER_DATE


def _timetable_subject(st: Statement, a: int, b: int) -> Ref | None:
    """On a timetable line that is only a date and a name (``1.3月1日—15日:學習動員``,
    ``5月:整改落實``), the name is what the date is for."""
    mark = _LINE_MARK.match(st.f)
    if st.f[mark.end() if mark else 0:a].strip("(") :
        return None
    after = re.match(r"[)]?[:,]\s*([^,;:。()]{2,14})[。;]?$", st.f[b:])
    if after is None:
        return None
    w0, w1 = b + after.start(1), b + after.end(1)
    for t in st.terms("activity"):
        if t.start == w0 and t.end == w1:  # the whole name is a lexicon term
            return Ref(t.term.id, "activity", t.term.id, t.term.name_en, True)
    return placeholder(st.words(w0, w1), "activity")


_DATELINE = re.compile(rf"{_Y}{_D}月{_D}[日号](?:上午|下午)?(?:[,:]|$)")


_LINE_MARK = re.compile(r"^(?:\d{1,2}[.、]|[(][一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十]{1,3}、)")


def _named_by_heading(st: Statement, date_at: int, date_end: int) -> Ref | None:
    """What a bare date is for: the words after it on a timetable line (``3月1日—15日:學習
    動員``), the words before it (``總結測評(8月3日至15日)``), the phase the sentence before
    names (``整改落實階段。6月1日至30日。``), else the clause's heading (a timetable line
    under ``(一)學習調研``)."""
    after = re.match(r"[)]?[:,]\s*([^,;:。()]{2,14})[。;]?$", st.f[date_end:])
    if after:
        return placeholder(st.words(date_end + after.start(1), date_end + after.end(1)), "activity")
    mark = _LINE_MARK.match(st.f)
    lead = mark.end() if mark else 0
    before = re.sub(r"(?:(?:时间安排|时间|一般|原则上|安排|定|自|从|于|在|请|务必|每年|当年|每季度)[:]?)+$", "",
                    st.f[lead:date_at].rstrip("(:,"))
    if len(before) >= 2 and not re.search(r"[,;。]|\d月|[至到]$", before):
        return placeholder(st.text[lead:lead + len(before)], "activity")
    if st.before and not before.strip():
        phase = re.search(r"([^,;:。]{2,10}?)(?:阶段|环节)[。]?$", st.before)
        if phase:
            return placeholder(st.before[phase.start(1):phase.end(1)], "activity")
    if st.heading:
        h = fold(st.heading)
        return activity(Statement(st.clause, st.heading, h, st.line)) or placeholder(st.heading, "activity")
    return None


_BOUND_WORD = {"不得少于": "不少于", "不低于": "不少于", "不短于": "不少于", "不得超过": "不超过",
               "不多于": "不超过", "控制在": "", "为": ""}


_S2T = str.maketrans("于过钟时个内为两头", "於過鐘時個內為兩頭")


def _in_script(words: str, like: str) -> str:
    """``words`` (Simplified) in the script of ``like``, so a drafted phrase reads as the
    plan does (``不少於90分鐘`` in a Traditional plan); only the characters a length phrase
    uses are converted (the reverse of folding is not one to one)."""
    return words.translate(_S2T) if script_of(like) == "zh-Hant" else words


def _each_session(st: Statement, hit: Hit) -> Params | None:
    """``每次學習時間不得少於半天``: every event of the activity lasts that long — the
    activity named before 每次 (or in the words after it), else the clause's heading."""
    m = hit.match
    bound = _BOUND_WORD.get(m.group("bound"), m.group("bound"))
    tail = m.group("tail") or ""
    if bound == "" and tail in ("以内", "之内"):
        tail = "以内"
    length = _length(f"{bound}{m.group('len')}{tail}".replace("两", "二").replace("钟头", "小时"))
    if length is None:
        return None
    length = _in_script(length, st.text)
    before = activity(st, 0, m.start())
    act = before if before is not None and before.known else activity(st, m.start("what"), m.end("what"))
    if act is None:
        what = re.sub(r"(?:时间|時間|会期|會期)$", "", st.words(m.start("what"), m.end("what")))
        if len(what) >= 2:
            act = placeholder(what, "activity")
    act = act or before or heading_activity(st)
    if act is None:
        return None
    return {"activity": act, "length": length}


_PUBLISHED = re.compile(r"(?:把|将|对)([^,;:。]{2,14}?)(?:在[^,;。]{1,10}?)?(?:进行)?公示")


def _publicity(st: Statement, hit: Hit) -> Params | None:
    """``把評議結果公示一周``: each published document of that kind is on show that long."""
    m = hit.match
    length = _length(m.group("plen").replace("两", "二"))
    if length is None:
        return None
    if re.search(r"不少于|不得少于", m.group(0)):
        length = _length("不少于" + m.group("plen").replace("两", "二")) or length
    length = _in_script(length, st.text)
    obj = _PUBLISHED.search(st.f, 0, m.end())
    doc = None
    if obj:
        doc = document(st, obj.start(1), obj.end(1)) or placeholder(st.words(obj.start(1), obj.end(1)), "document")
    else:
        doc = document(st, 0, m.start()) or document(st)
    if doc is None:
        # 「評議結果要在支部範圍內公示,公示期不少於5個工作日」: what is shown opens the sentence
        lead = re.match(r"([^,;:。]{2,12}?)(?:要|应|须|将)?(?:在[^,;。]{0,10}?)?(?:进行)?公示", st.f)
        if lead is None:
            return None
        doc = placeholder(st.words(lead.start(1), lead.end(1)), "document")
    return {"document": doc, "length": length}


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    if hit.kind == "deadline":
        if _DATELINE.match(st.f) and m.start() == 0 and not re.search(r"至|到|前|底|旬", m.group(0)):
            return None  # "3月24日,…召開會議": a report's dateline, or the date a text is signed
        if _attribute(st.f, m.start("w"), m.end("w")):
            return None
        w = window_phrase(st.text[m.start("w"):m.end("w")].strip(), year)
        if w is None:
            w = window_phrase(m.group("w"), year)
        if w is None:
            return None
        if m.group(0).startswith("即日") and not re.search(r"前|底|旬", w):
            w = window_phrase(w + "前", year) or w  # 即日起至3月31日: from now until then
        p: Params = {"within": w}
        sent = _submitted(st, m.end("w"))
        if sent is not None:
            p.update(sent)
            return p
        act = _timetable_subject(st, m.start("w"), m.end("w")) or activity(st) or \
            _named_by_heading(st, m.start(), m.end("w"))
        if act is None:
            return None
        p["activity"] = act
        return p
    groups = m.groupdict()
    if groups.get("a") and groups.get("b"):
        a = window_phrase(m.group("a"), year)
        b = window_phrase(m.group("b"), year)
        if a is None or b is None:
            return None
        start = parse_window(a, year).start
        end = parse_window(b, year).end
        if start is None or end is None or end < start:
            return None
        days = (end - start).days + 1
        return {"length": f"{days}天左右" if not re.search(r"日|号", m.group(0)) else f"{days}天"}
    if groups.get("bound"):
        return _each_session(st, hit)
    if groups.get("plen"):
        return _publicity(st, hit)
    if groups.get("len"):
        length = _length(m.group("len").replace("两", "二"))
        return {"length": length} if length else None
    if groups.get("a"):
        rest = re.search(r"(?:用时|历时|为期)([^,;。]{1,8}?(?:天|周|个月|月|年半|年)(?:左右)?)", st.f)
        if rest:
            length = _length(rest.group(1))
            return {"length": length} if length else None
    return None



CAMPAIGN = re.compile(
    rf"(?:从|自|于)(?P<a>{_DATE})(?:开始|启动|起|开展|全面展开)"
    rf"[^。;]{{0,60}}?(?:至|到)?(?P<b>{_DATE}(?:前|之前)?)(?:基本|全部)?(?:结束|完成|收尾)")
"""``從3月開始…8月基本結束``, ``自2005年1月開始…至2006年6月基本結束``: the campaign's own
window (``campaign``: starts, ends), when the words before it name the campaign, not a
phase (``本階段從3月19日開始`` is a phase's span, a duration)."""
_CAMPAIGN_WORDS = re.compile(r"活动|教育|主题|整个|全党|全市|全省|全县|全校|全局|本次|这次")
_PHASE_WORDS = re.compile(r"阶段|环节|第[一二三四五六七八九十\d]+批|步骤")


def campaign_window(st: Statement, year: int) -> Params | None:
    """The campaign's start and end a statement states, as ``campaign`` parameters."""
    m = CAMPAIGN.search(st.f)
    if m is None:
        return None
    before = st.f[:m.start()]
    between = st.f[m.end("a"):m.start("b")]
    if _PHASE_WORDS.search(before[-12:]) or _PHASE_WORDS.search(between):
        return None
    if not (_CAMPAIGN_WORDS.search(before) or _CAMPAIGN_WORDS.search(between)):
        return None
    a = window_phrase(st.text[m.start("a"):m.end("a")], year) or window_phrase(m.group("a"), year)
    b = window_phrase(st.text[m.start("b"):m.end("b")], year) or window_phrase(m.group("b"), year)
    if a is None or b is None:
        return None
    try:
        start, end = parse_window(a, year).start, parse_window(b, year).end
    except (PhraseError, ValueError):
        return None
    if start is None or end is None or end < start:
        return None
    return {"starts": a, "ends": b}


_SPAN = rf"(?P<a>{_DATE})(?:至|到|—|-|~)(?P<b>{_Y}(?:{_D}月)?{_D}[日号]|{_DATE})"
PHASES = tuple(re.compile(p) for p in (
    rf"(?P<name>[^,;:。()]{{2,10}}?)阶段[(:]?{_SPAN}[)]?",
    rf"{_SPAN}[,:]?(?P<name>[^,;:。()]{{2,12}}?)阶段",
    rf"阶段[:]?(?P<name>[^,;:。()]{{2,12}})[(]{_SPAN}[)]",
    rf"(?P<name>[^,;:。()]{{2,10}}?)阶段[,]?(?:从|自)(?P<a>{_DATE})(?:开始|起)[,]?(?:到|至)(?P<b>{_DATE})(?:结束|止|为止)",
))
"""A phase named with its window: ``整改提高階段(9月13日至10月16日)``, ``9月上旬至10月中旬,
學習動員階段``, ``第二階段:查擺問題(5月至6月)``, ``分析檢查階段自5月下旬起,到7月上旬止``."""
_NOT_A_NAME = re.compile(r"^(?:本|这一?|该|各|每个?|整个|第[一二三四五六七八九十\d]+)$")


def phase_window(st: Statement, year: int) -> tuple[str, str, str] | None:
    """(phase name in the plan's words, start phrase, end phrase), or None."""
    for rx in PHASES:
        m = rx.search(st.f)
        if m is None:
            continue
        name = re.sub(r"^(?:.*[,;:)]|[(][一二三四五六七八九十\d]{1,3}[)]|第[一二三四五六七八九十\d]+阶段[:]?|"
                      r"[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])", "", m.group("name"))
        if len(name) < 2 or _NOT_A_NAME.match(name) or re.search(r"\d|月|日", name):
            continue
        words = st.words(m.start("name") + (len(m.group("name")) - len(name)), m.end("name"))
        a = window_phrase(m.group("a"), year)
        b = window_phrase(m.group("b"), year)
        if a is None or b is None:
            continue
        b_full = b if re.search(r"月", b) else a.split("月")[0] + "月" + b
        try:
            start, end = parse_window(a, year).start, parse_window(b_full, year).end
        except (PhraseError, ValueError):
            continue
        if start is None or end is None or end < start:
            continue
        return words, a, b_full
    return None
