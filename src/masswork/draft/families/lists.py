"""Lists: what an activity or document must cover (``圍繞…``, ``內容主要有:…``, ``重點檢視…``,
``對照…``), who attends (``出席的有…``, ``由全體黨員參加``, ``邀請…到會``, ``列席``), where
opinions come from (``聽取…意見``, ``征求…意見``), and pairwise talks (``之間…談心``,
``相互談``, ``一對一``). Items after 如/例如 are examples, not a list to cover."""

from __future__ import annotations

import re

from ..text import fold
from .base import Hit, Params, Statement, rows
from .logic import EXAMPLE, PERMISSION, in_means
from .counting import TARGETS
from ..recognise import Ref
from .words import activity, document, heading_activity, person_role, placeholder

__all__ = ["ROWS", "build"]

COVERAGE_ROWS = rows("coverage", (
    (r"(?P<cue>(?:内容|情况|范围|对象|人员|篇目|书目|议程)(?:主要)?(?:有|是|为|包括|以(?=[^,;。]{2,60}、[^;。]{2,120}为主))[:]?|包括[:]?|重点(?:内容)?(?:有|包括|为|是:)[:]?|重点是(?!搞好|做好|抓好|开展|进行|加强|通报|推动|落实)(?=[^,;。]{2,40}、)|具体为|具体是|分别是|主要有[:]?|有以下[^,;:。]{0,6}[:]|如下[:])",
     "contents, items may be clauses: 通報內容主要有:會議的基本情況、黨員對問題的認識和整改打算"),
    (r"即(?P<list>[^,;:。]{2,40}、[^,;:。]{2,80})", "contents after 即: 落實“四有”,即計劃、記錄、簽到表和照片齊全"),
    (r"(?P<sum>(?:系统|全面|认真)?(?:梳理|盘点|总结|汇总|列出|列明|开列|写明|写清|载明|注明))(?P<list>[^,;:。]{2,40}、[^,;:。]{2,80})",
     "what a summary covers: 梳理推進情況、主要成效和存在不足"),
    (r"(?:检视|检查|查摆|剖析|对照|内容|包括|重点|方面|围绕)[^,;:。]{0,8}(?P<semi>[:])(?=[^;。]{4,}?;[^;。]{4,})",
     "what is examined, then clauses cut by semicolons: 逐個檢視剖析:A;B;C"),
    (r"(?P<field>围绕|重点(?:学习|检视|检查|查摆|是)|对照(?!检查)|检视|研读|学习篇目|学习内容|主要学习)", "topics: 圍繞…, 重點檢視…"),
    (r"(?P<field>涵盖|涉及|聚焦(?:于)?|包含|囊括|突出)(?=[^,;。]{2,30}、)",
     "topics listed after 涵蓋/涉及/聚焦: 檢視剖析要涵蓋A、B、C三個方面"),
    (r"(?:做到|实现|达到|确保)(?P<full>[^,;:。]{0,12}?)全覆盖", "every holder reached: 征求意見要做到基層單位全覆蓋"),
    (r"(?<!不)(?<!不认真)(?P<sum>查摆)(?P<list>[^,;:。]{2,40}、(?!开展|进行|抓好|搞好|没有)[^,;:。]{2,80})",
     "what is examined: 查擺理想信念、宗旨意識、工作作風等方面的問題"),
    (r"从(?P<span>[^,;:。]{1,30}、[^,;:。]{1,60}?)(?:等)?(?:[一二三四五六七八九十\d]+个)?方面", "aspects: 從思想、工作、作風、紀律四個方面進行評議"),
    (r"(?P<att>出席|列席|到会|参会|参加人员|参加范围|全体(?:党员|成员|干部)[^,;。]{0,4}(?:参加|出席)|由全体|邀请|派(?:人|员)(?:参加|出席|列席|到场)|"
     r"、[^,;。]{2,16}(?:参加|出席|列席)(?=[。;]?$))",
     "attendees: 出席的有…, 邀請…到會, 黨組和督導組派員到場"),
    (r"(?P<att>(?:无一遗漏|一个不落|一个不少|不漏一人)地?(?:参加|出席|参与|到会|参会|参学))",
     "everyone, none left out: 全體黨員無一遺漏參加"),
    (r"(?P<src>听取|征求|收集)[^,;。]{0,40}?(?:的)?意见", "sources: 聽取A、B和C的意見"),
    (TARGETS.pattern, "every holder covered: 為每名黨員逐一形成評議意見"),
    (r"(?P<cover>覆盖|摸清|了解|掌握)(?P<whom>[^,;。]{0,16}?(?:每名|每位|各个层次的|各层次|各类|全体)[^,;。]{0,6}?"
     r"(?:群众|党员|干部|职工|成员|人员|对象))", "every holder reached: 覆蓋各個層次的群眾, 摸清每名黨員的思想狀況"),
    (r"(?P<means>采取|采用|通过)(?P<list>[^。;:]{2,60}?、[^。;]{2,60}?)等?(?:办法|方式|形式|渠道)",
     "channels: 採取召開座談會、個別談話等辦法"),
    (r"(?P<att2>下列人员|以下人员)(?:参加|出席|列席)", "attendees: 下列人員參加:…"),
    (r"一是[^。]{2,200}?二是", "a list 一是…二是…三是…"),
    (r"[^,;:。、]{2,14}、[^,;:。、]{2,14}(?:、[^,;:。、]{2,14})*(?:和|及|以及|与)[^,;:。、]{2,14}(?:等)?(?:情况|方面|内容|齐全)",
     "an enumerated list A、B和C等情況", 0.55),
))

PAIRWISE_ROWS = rows("pairwise", (
    (r"(?P<pa>[\u4e00-\u9fff]{2,10}?)(?:都|还)?(?:要|应|须)?(?:定期|经常|经常性|每年|每季度|每月|逐一|分别)?(?:与|同|跟)(?:每名|每位|所有|全体|各)?(?P<pb>[\u4e00-\u9fff]{2,12}?)"
     r"(?:之间)?(?:逐一|逐个|分别|普遍|都要|要|每年|每季度|每月)?(?:开展|进行)?(?:谈心谈话|谈心|谈话|交心|谈一次)",
     "talks between two roles: 支部書記要與每名黨員談心談話, 班子成員同分管科室負責人談心"),
    (r"之间[^,;。]{0,8}?(?:谈心|谈话|交心)|(?:相互|互相)(?:谈心|谈话|交心)|一对一谈|必谈|逐一谈心|普遍谈心", "之間…談心, 必談"),
))

ROWS = COVERAGE_ROWS + PAIRWISE_ROWS

_SPLIT = re.compile(r"、|以及|和|及|与|;|[一二三四五六七八九十]是")


_CUE_AGAIN = re.compile(r"(?:对照|围绕|聚焦|学习|突出)(?=[\u4e00-\u9fff]{2})")


def _items(st: Statement, a: int, b: int | None = None, cue_again: bool = False) -> list[str]:
    f = st.f
    end = len(f) if b is None else b
    for c in "。":
        k = f.find(c, a)
        if k != -1:
            end = min(end, k)
    seg_text = st.text[a:end]
    out = []
    for piece in _SPLIT.split(re.sub(r"^[:,]", "", seg_text)):
        w = re.sub(r"[“”\"《》()\s,:]", "", piece)
        w = re.sub(r"等(?:情况|方面|内容)?$|(?:情况|方面)$", "", w)
        again = _CUE_AGAIN.match(fold(w)) if cue_again else None
        w = w[again.end():] if again else w  # "對照A、對照B": the cue repeated before each item
        if 2 <= len(w) <= 30:
            out.append(w)
    return list(dict.fromkeys(out))[:20]


_VERBISH = re.compile(r"(?<![重主需纲摘提概])要|(?<![相对])应|须|必须|进行|开展|召开|通过|结合|作为|把|将(?!来)|搞好|做好|抓好|的$|"
                      r"(?<![相绝])对(?!照|象)|(?<![作成认])为")
_ATTENDEES = re.compile(r"由([^,;。]{2,40}?)(?:参加|出席|列席|参会)|(?:出席|参加|列席|参会)(?:会议)?(?:的|人员|范围|对象)?"
                        r"(?:有|是|为|包括)[:]?([^。;]{2,80})|邀请([^,;。]{2,40}?)(?:到会|参加|出席|列席)|"
                        r"([^,;。]{2,30}?)(?:参加|出席|列席|参会)(?:会议)?$|"
                        r"([^,;:。]{2,30}?)(?:将|要|均|都)?(?:分别)?派(?:人|员)(?:参加|出席|列席|到场)")


def build(st: Statement, hit: Hit, year: int) -> Params | None:
    m = hit.match
    g = m.groupdict()
    if hit.kind == "pairwise" and g.get("pa"):
        a = _party_ref(st, m.start("pa"), m.end("pa"))
        b = _party_ref(st, m.start("pb"), m.end("pb"))
        if a is None or b is None:
            return None
        talk = activity(st, m.end("pb"))
        if talk is None or not talk.known:
            talk = placeholder("談心談話", "activity")
        return {"activity": talk, "pairs": [{"mode": "cross", "a": a, "b": b}]}
    if hit.kind == "pairwise":
        role = person_role(st) or placeholder("成員", "role")
        talk = activity(st) or placeholder("談心談話", "activity")
        return {"activity": talk, "pairs": [{"mode": "among", "a": role}]}
    ex = EXAMPLE.search(st.f)
    if ex is not None and ex.start() <= m.start():
        return None  # an example list illustrates; it is not a list to cover
    if g.get("each"):
        holder = person_role(st, st.words(m.start("role"), m.end("role")))
        if holder is None:
            return None
        p0: Params = {"items_from": holder, "field": "targets"}
        subj = document(st, m.end()) or activity(st)
        if subj is not None:
            p0["document" if subj.category == "document" else "activity"] = subj
        return p0
    if g.get("full") is not None and hit.kind == "coverage":
        whom = st.words(m.start("full"), m.end("full"))
        holder = person_role(st, whom) if whom else person_role(st)
        if holder is None and len(whom) >= 2:
            holder = placeholder(whom, "group")
        if holder is None:
            return None
        p2: Params = {"items_from": holder, "field": "targets"}
        subj2 = activity(st, 0, m.start()) or document(st, 0, m.start())
        if subj2 is not None:
            p2["document" if subj2.category == "document" else "activity"] = subj2
        return p2
    if g.get("cover"):
        whom = st.words(m.start("whom"), m.end("whom"))
        cut = re.match(r"^.*?(?:每名|每位|各个层次的|各层次的?|各类|全体)", fold(whom))
        whom = whom[cut.end():] if cut and cut.end() < len(whom) else whom
        holder = person_role(st, whom) if g["cover"] != "覆盖" else placeholder(whom, "group")
        if holder is None:
            return None
        p1: Params = {"items_from": holder, "field": "targets"}
        subj = activity(st) or document(st)
        if subj is not None:
            p1["document" if subj.category == "document" else "activity"] = subj
        return p1
    if PERMISSION.search(st.f, 0, m.start()) and in_means(st.f, m.start() + 1):
        return None  # "可採取線上打卡、知識競賽等形式": means one may use, nothing to cover
    if g.get("means"):
        if not _VIEWS.search(st.f):
            return None  # "通過專家輔導、讀書班等形式集中學習": how a thing is done, nothing to cover
        ways = _clause_items(st, m.start("list"), m.end("list"))
        if len(ways) < 2:
            return None
        return {"items": [placeholder(i, "group") for i in ways], "field": "channels"}
    if g.get("cue") or g.get("list") or g.get("semi") or g.get("span"):
        return _contents(st, m)
    if g.get("att2"):
        items = _items(st, m.end())
        return {"items": [placeholder(i, "group") for i in items], "field": "attendees"} if items else None
    if g.get("att") and PERMISSION.search(st.f, 0, m.start()):
        return None  # "可邀請…參加": whom one may invite is not whom the rule requires
    field = "attendees" if g.get("att") else "sources" if g.get("src") else "topics"
    if g.get("field") in ("聚焦", "聚焦于", "突出") and activity(st, 0, m.start()) is None \
            and document(st, 0, m.start()) is None:
        return None  # "要突出問題導向、目標導向": a principle, not what some event covers
    if field == "attendees":
        am = _ATTENDEES.search(st.f.rstrip("。;,"))
        everyone = _EVERYONE.search(st.f)
        if am is None and everyone is not None:
            # "確保全體黨員無一遺漏參加民主評議": everyone of a role attends the event named after
            return _everyone(st, everyone)
        if am is None:
            return None
        gi = next(i for i in range(1, 6) if am.group(i))
        items = _items(st, am.start(gi), am.end(gi))
        least = 1
    else:
        # the sources are the words between 聽取 and 意見, not the whole statement's pieces
        items = _items(st, m.end(), _topics_end(st.f, m.end()), cue_again=True) if field == "topics" else \
            _items(st, m.end("src"), m.end() - 2 - (st.f[m.end() - 3:m.end() - 2] == "的"))
        least = 2
    if len(items) < least or any(len(i) > 20 or _VERBISH.search(fold(i)) for i in items) or _aims(items):
        return None  # a list is two or more short items, not clauses nor aims
    p: Params = {"items": [placeholder(i, "group") for i in items], "field": field}
    act = activity(st)
    doc = document(st)
    if act is not None:
        p["activity"] = act
    elif doc is not None:
        p["document"] = doc
    return p


_WHO_CUE = re.compile(r"(?:参会|参加|出席|列席|参学|学习|参训|培训)(?:人员|对象|范围)")
_CLAUSE_SPLIT = re.compile(r"、|,?以及|;")
_FRAME = re.compile(r"^(?:以|是|有|为|:)|(?:为主|为重点|等方面|等内容|等情况|等|[一二两三四五六七八九十\d]+样)?齐全$|"
                    r"(?:为主|为重点|等方面|等内容|等情况|等)$")


def _list_end(f: str, a: int) -> int:
    """Where an announced list ends: the full stop, or the first comma that does not go on
    with 以及 / 及 / 和 / 還有."""
    end = len(f)
    for c in "。;":
        k = f.find(c, a)
        if k != -1:
            end = min(end, k)
    pos = a
    while True:
        k = f.find(",", pos, end)
        if k == -1:
            return end
        if not re.match(r"以及|及|和|还有|还包括", f[k + 1:]):
            return k
        pos = k + 1


_TOPICS_END = re.compile(r"(?:等|[一二两三四五六七八九十\d]+个)+(?:方面|内容|问题|主题|专题|重点)?|"
                         r"(?<!、)(?:开展|进行|展开|深入)")


def _topics_end(f: str, a: int) -> int | None:
    """Where the topics after 圍繞 end: at ``等方面`` / ``三個方面`` or the verb after them
    (``圍繞A、B、C三個方面進行``), else at the end of the comma segment."""
    end = _list_end(f, a)
    m = _TOPICS_END.search(f, a, end)
    return m.start() if m else end


_EVERYONE = re.compile(r"(?:全体|全部)(?P<who>[\u4e00-\u9fff]{0,6}?(?:党员|成员|干部|职工|同志|委员|人员))"
                       r"(?=[^,;。的]{0,6}?(?:参加|出席|参与|到会|参会)(?!的))")
"""Everyone of a role as the subject that attends (``全體黨員無一遺漏參加``; not the object of
``通知全體黨員…到會``, nor ``全體黨員參加的…``, which names the meeting)."""


_OBJECT_BEFORE = re.compile(r"(?:通知|告知|组织|动员|要求|号召|发动|带领|召集)[^,;。]{0,4}$")


def _everyone(st: Statement, m: re.Match[str]) -> Params | None:
    """Everyone of a role (``全體黨員``) attends the activity named after them."""
    if _OBJECT_BEFORE.search(st.f, max(0, m.start() - 8), m.start()):
        return None
    act = activity(st, m.end()) or heading_activity(st)
    p: Params = {"items": [placeholder(st.words(*m.span()), "group")], "field": "attendees"}
    if act is not None:
        p["activity"] = act
    return p


_VIEWS = re.compile(r"意见|建议|诉求|反映|心声")
"""A list of means is a list of channels to cover only when they collect views
(``採取召開座談會、設置意見箱等辦法征求意見``)."""

AIMS = re.compile(r"^(?:牢固|进一步|不断|切实|自觉|始终|真正)?(?:坚定|树立|增强|提高|提升|强化|遵守|践行|弘扬|"
                  r"推动|促进|加强|改进|发挥|保持|筑牢|夯实|激发|营造|锤炼|涵养|坚守|厚植|锻造|提振|"
                  r"转变|改善|解决|破解|推进|深化|巩固|树牢|增进|达到|实现|做到|确保|服务(?:大局|中心|发展))")
"""The verbs that open an aim (``堅定理想信念、增強宗旨意識``): a list of aims says why, not
what each event must cover."""


def _aims(items: list[str]) -> bool:
    """Whether most items of a list are aims (``使黨員堅定理想信念、增強宗旨意識、提升能力``)."""
    n = sum(1 for i in items if AIMS.search(fold(i)))
    return n * 2 >= len(items) and n >= 1


_ROLE_END = re.compile(r"(?:书记|委员|成员|负责人|干部|主任|组长)$")
_NOT_A_ROLE = re.compile(r"[的在对把将于从]|^(?:要|并|同时|会前|会后|其中)")


def _party_ref(st: Statement, a: int, b: int) -> Ref | None:
    """The role or body in [a, b): a lexicon term, else the plan's words (cut after 的)."""
    words = st.words(a, b).split("的")[-1]
    inside = [t for t in st.terms("role", "body") if a <= t.start and t.end <= b]
    if inside:
        t = max(inside, key=lambda t: t.end - t.start)
        # "支部書記" is a role, though 支部 alone is a body: a term that is only part of a
        # role's words does not name it
        if not (t.end < b and _ROLE_END.search(fold(words))):
            return Ref(t.term.id, t.term.category, t.term.id, t.term.name_en, True, t.term.includes,
                       t.term.parent)
    words = re.sub(r"^(?:[,,、]|会前|会后|其中|同时|并)", "", words)
    if len(words) < 2 or _NOT_A_ROLE.search(fold(words)):
        return None
    return placeholder(words, "role")


def _segment(f: str, pos: int) -> int:
    """Where the comma segment holding ``pos`` starts."""
    return max(f.rfind(c, 0, pos) for c in ",;:。") + 1


def _clause_items(st: Statement, a: int, b: int) -> list[str]:
    """The items of a list whose items may be whole clauses (``黨員對問題的認識和整改打算``):
    cut at 、 / 以及 / semicolons only, the frame words (以…為主, 等, 六樣齊全) dropped."""
    out = []
    for piece in _CLAUSE_SPLIT.split(st.text[a:b]):
        w = re.sub(r"[“”\"《》()\s,:。]", "", piece)
        fw = fold(w)
        for _ in range(2):
            fm = _FRAME.search(fw)
            if fm is None:
                break
            w = w[:fm.start()] + w[fm.end():]
            fw = fw[:fm.start()] + fw[fm.end():]
        if 2 <= len(w) <= 40:
            out.append(w[:24])
    if out:
        # the last item "A和B" of short names is two items (黨章、十七大報告和《摘編》)
        last = re.split(r"和|及|与", out[-1])
        if len(last) == 2 and all(2 <= len(x) <= 12 and not _VERBISH.search(fold(x)) for x in last):
            out[-1:] = last
    return list(dict.fromkeys(out))[:20]


def _contents(st: Statement, m: re.Match[str]) -> Params | None:
    """A list a cue announces (內容主要有:, 即, 梳理…, a colon before clauses cut by
    semicolons): each item is one thing to cover, even when it is a clause."""
    g = m.groupdict()
    f = st.f
    if g.get("semi"):
        end = f.find("。", m.end())
        end = len(f) if end == -1 else end
        pieces = [p for p in re.split(r";", st.text[m.end():end]) if p.strip()]
        items = []
        for piece in pieces:
            first = re.split(r"[,,]", piece.strip())[0]
            w = re.sub(r"[“”\"《》()\s:。]", "", first)
            if len(w) >= 2:
                items.append(w[:24])
        items = list(dict.fromkeys(items))
    elif g.get("span"):
        items = _clause_items(st, m.start("span"), m.end("span"))
    elif g.get("list"):
        items = _clause_items(st, m.start("list"), _list_end(f, m.start("list")))
    elif m.group(0).endswith(":") or f[m.end():m.end() + 1] == ":":
        a = m.end() + (f[m.end():m.end() + 1] == ":")
        end = f.find("。", a)
        items = _clause_items(st, a, len(f) if end == -1 else end)
    else:
        items = _clause_items(st, m.end(), _list_end(f, m.end()))
    field = "topics"
    if _WHO_CUE.search(f, max(0, m.start() - 4), m.start() + 2):
        # "參會人員包括…", "學習對象為…": who attends, each a short name (A和B are two)
        field = "attendees"
        items = _items(st, m.end() + (f[m.end():m.end() + 1] == ":"), _list_end(f, m.end()))
    if len(items) < 2 or _aims(items):
        return None
    p: Params = {"items": [placeholder(i, "group") for i in items], "field": field}
    # what the list is of: named before the cue (通報內容主要有:…), else the clause's heading
    doc = document(st, 0, m.start())
    act = activity(st, 0, m.start()) or (heading_activity(st) if doc is None else None)
    if act is not None:
        p["activity"] = act
    elif doc is not None:
        p["document"] = doc
    return p
