"""The family recognisers (:mod:`masswork.draft.families`) applied to an article: every
statement of every unit (sentences cut at semicolons, and at :data:`MAX_STATEMENT`
characters), each kind a statement states drafted once — unless the clause reader of
:mod:`masswork.draft.recognise` already drafted that kind from the same words.

Prose (a notice, a news-style summary) has no numbered clauses: each sentence becomes a unit
``P3.2`` (paragraph 3, sentence 2), so every requirement still cites where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .clauses import Article, Paragraph, Unit
from .families import MAX_STATEMENT, Found, Statement, named_in_clause, read_statement, subject_of
from .families.base import Params
from .families.sequence import gate_before
from .families.steps import chain_orders, heading_order
from .families.timing import campaign_window, phase_window
from .families.words import activity
from .recognise import ArticleReading, Candidate, Ref
from .sentences import sentences
from .text import fold

__all__ = ["extend", "prose_units", "statements"]

_SENT = re.compile(r"[。!?]")
_EXHORTATION = re.compile(
    r"以[^,;。]{2,24}?为(?:指导|总要求|主线|抓手|统领|根本|目标|遵循|动力)|紧扣|聚焦|突出[^,;。]{2,14}?(?:这一)?主题|"
    r"树牢|树立[^,;。]{2,10}意识|发扬[^,;。]{1,8}?(?:精神|民主)|学深悟透|入脑入心|又好又快|打下[^,;。]{0,6}基础|更加自觉|"
    r"取得实效|担起[^,;。]{0,4}责任|第一责任人|亲自抓|带头干|组织好、落实好|落到实处|见到实效|推动[^,;。]{2,12}(?:发展|提升|落实)|"
    r"增强[^,;。]{2,12}(?:意识|感|能力)|坚决防止|营造[^,;。]{2,10}(?:氛围|生态)")
"""Words of exhortation (以…為指導, 緊扣, 聚焦, 樹牢, 學深悟透, 親自抓、帶頭幹 …): a statement
with two of them and no count or date says how to work, not what to hold or hand in."""
_CONCRETE = re.compile(r"\d|[一二两三四五六七八九十]+[次个名篇本天周月]|每[年月季周半]|[上中下]旬|底前|日前|之前|以前|报送|上报")


_NEWS_FRAME = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:上午|下午)?,(?=[^。]*(?:部署|作出安排|进行安排))")
"""``3月24日,領導小組召開工作會議,…對主要任務進行部署``: a news report's opening says
that the work was set out, not what it requires (its requirements follow: 會議要求…)."""
_SCOPE = re.compile(r"参照执行|照此执行|参照本(?:办法|方案)")
"""``…召開民主生活會時,可參照執行``: who else the rules apply to, not a rule."""


def _exhortation(f: str) -> bool:
    if _NEWS_FRAME.search(f) and not re.search(r"(?<![主重需纲])要(?!求|点)|须|必须|(?<!相)应", f):
        return True
    if _SCOPE.search(f):
        return True
    return len(_EXHORTATION.findall(f)) >= 2 and not _CONCRETE.search(f)
_PURPOSE = re.compile(r"特制定|制定本(?:办法|方案|制度|细则|规定)|现(?:作|就|将)[^,;。]{0,12}(?:如下|安排|通知)|"
                      r"如下(?:安排|方案|意见)|^(?:为|为了)[^,;。]{2,40},(?:结合|根据|按照)?[^,;。]{0,20},?(?:特|现)")


def prose_units(article: Article) -> list[Unit]:
    """One unit per sentence of an article without numbered clauses: ``P{paragraph}.{sentence}``."""
    out: list[Unit] = []
    k = 0
    for p in article.lines:
        if not p.text.strip():
            continue
        k += 1
        m = 0
        for piece in _pieces(p.text):
            m += 1
            out.append(Unit(f"P{k}.{m}", (Paragraph(p.line, piece),), None, ()))
    return out


def _pieces(text: str) -> Iterator[str]:
    f = fold(text)
    pos = 0
    for m in _SENT.finditer(f):
        if text[pos:m.end()].strip():
            yield text[pos:m.end()].strip()
        pos = m.end()
    if text[pos:].strip():
        yield text[pos:].strip()


_ALSO = re.compile(r",(?=同时(?:要|还|也)?(?:(?:将|把)[^,;。]{2,30}?)?(?:一并)?(?:报送|上报|抄报|报告|报))")
"""``A,同時(將X)報送B``: the report after 同時 is a second requirement (its own kind and
quote), so it is cut off as a statement of its own, as at a semicolon."""


_NEXT_STEP = re.compile(r"(?<![后前时上]),(?=(?:随后|然后|紧接着|接着)(?!的))")
"""``…報送階段總結報告,隨後召開會議``: the step after 隨後 / 然後 is a requirement of its own
(an order after what the statement said first), cut off as at a semicolon."""


def _chunks(text: str) -> Iterator[str]:
    """``text`` cut at semicolons, and long pieces at a comma (else hard) every
    :data:`MAX_STATEMENT` characters, so each statement is short."""
    f = _NEXT_STEP.sub(";", _ALSO.sub(lambda m: ";" + m.group(0)[1:], fold(text)))
    pos = 0
    n = len(text)
    while pos < n:
        end = f.find(";", pos, pos + MAX_STATEMENT)
        if end == -1:
            end = pos + MAX_STATEMENT
            if end < n:
                comma = f.rfind(",", pos + MAX_STATEMENT // 2, end)
                end = comma if comma != -1 else end
            else:
                end = n
        piece = text[pos:end + 1].strip()
        if piece.strip(" ;,"):
            yield piece
        pos = end + 1


def statements(unit: Unit, before: str = "") -> Iterator[tuple[Statement, Statement | None, Statement]]:
    """Each statement of ``unit``, with the whole sentence when the statement is one part
    of it (a list runs across semicolons: ``下列人員參加:A;B;C``). ``before`` is the
    statement before the unit's first (the sentence before, in the same paragraph of
    prose)."""
    heading = unit.headings[0] if unit.headings else ""
    sents = list(sentences(unit))
    for s in sents:
        pieces = list(_chunks(s.text))
        whole = None
        if len(pieces) > 1 and len(s.text) <= MAX_STATEMENT:
            whole = Statement(unit.id, s.text, fold(s.text), s.line, heading, before)
        for k, piece in enumerate(pieces):
            f = fold(piece)
            st = Statement(unit.id, piece, f, s.line, heading, before, alone=len(sents) == 1)
            yield st, whole if k == 0 else None, whole or st
            before = f


def _ids(value: Any, refs: list[Ref]) -> Any:
    if isinstance(value, Ref):
        refs.append(value)
        return value.id
    if isinstance(value, list):
        return [_ids(v, refs) for v in value]
    if isinstance(value, dict):
        return {k: _ids(v, refs) for k, v in value.items()}
    return value


def _covered(existing: list[Candidate], st: Statement) -> set[str]:
    out = set()
    fs = fold(st.text)
    for c in existing:
        if c.clause != st.clause:
            continue
        fq = fold(c.quote)
        if fq in fs or fs in fq:
            out.add(c.kind)
    return out


def _second_of_kind(found: list[Found], existing: list[Candidate], st: Statement) -> list[Found]:
    """A kind the clause reader already drafted from ``st`` may be stated twice, once in each
    of two clauses (``6月30日前召開X,7月15日前報送Y``: two deadlines): of what the families
    read two of in ``st``, the one about a subject the clause reader's rules of that kind do
    not name, named in its own clause."""
    fs = fold(st.text)
    out = []
    for f in found:
        if sum(g.kind == f.kind for g in found) < 2 or not named_in_clause(st.f, f.span[0], f.params):
            continue
        theirs = [fold(_subject(c)) for c in existing if c.kind == f.kind and c.clause == st.clause
                  and (fold(c.quote) in fs or fs in fold(c.quote))]
        mine = fold(str(_ids(subject_of(f.params), [])))
        if not theirs or not all(theirs) or any(t in mine or mine in t for t in theirs):
            continue
        out.append(f)
    return out


def extend(reading: ArticleReading, units: list[Unit], year: int) -> ArticleReading:
    """Add what the family recognisers find to ``reading`` (in place, and returned)."""
    reading.candidates = [c for c in reading.candidates
                          if not _session_as_period(c) and not _exhortation(fold(c.quote))]
    by_clause: dict[str, list[Candidate]] = {}
    for c in reading.candidates:
        by_clause.setdefault(c.clause, []).append(c)
    added: list[Candidate] = []
    paragraph, before = "", ""
    topic = _topic(units)
    for unit in units:
        existing = by_clause.get(unit.id, [])
        para = unit.id.split(".")[0] if unit.id.startswith("P") else unit.id
        if para != paragraph:
            paragraph, before = para, ""
        listed = ""  # the sentence whose whole already drafted a list (its parts do not again)
        for st, whole, sentence in statements(unit, before):
            before = st.f
            found_all: list[tuple[Statement, Params, str, float]] = []
            if whole is not None:
                found_all += [(whole, f.params, f.kind, f.confidence)
                              for f in read_statement(whole, year, only=("coverage",))]
                listed = whole.f if found_all else ""
                found_all += [(whole, p, "order", conf) for p, conf in chain_orders(whole)]
            if _PURPOSE.search(st.f) or _exhortation(sentence.f):
                continue  # "為…,特制定本辦法": why the plan exists, not what it requires
            skip = _covered(existing, st) | ({"coverage"} if listed and st.f in listed else set())
            if sentence is st or whole is not None:
                _phase_dated(reading, sentence, year)
                window = campaign_window(sentence, year)
                if window is not None:
                    found_all.append((sentence, window, "campaign", 0.7))
            own = read_statement(st, year, tuple(skip))
            again = tuple(skip - {"coverage"})  # (lists are read whole, above)
            if again:
                own += _second_of_kind(read_statement(st, year, only=again), existing, st)
            for f in own:
                where = sentence if f.kind == "order" and _anchored_earlier(f.params, st, sentence) else st
                if len(sentence.text) <= _WHOLE_QUOTE and f.kind not in ("report", "notice"):
                    where = sentence
                found_all.append((where, f.params, f.kind, f.confidence))
            if "gate" not in skip and all(f.kind != "gate" for f in own):
                gate = gate_before(st, topic)
                if gate is not None:
                    found_all.append((st, gate, "gate", 0.55))
            if "order" not in skip and all(f.kind != "order" for f in own):
                by_heading = heading_order(st)
                if by_heading is not None:
                    found_all.append((st, by_heading, "order", 0.6))
            for where, found_params, kind, conf in found_all:
                anchor = found_params.get("anchor_activity")
                if topic is not None and isinstance(anchor, Ref) and fold(anchor.id) in ("会", "会议"):
                    found_params = {**found_params, "anchor_activity": topic}  # 會前 / 會後: that meeting
                act = found_params.get("activity")
                if (topic is not None and kind in ("notice", "deadline") and isinstance(act, Ref)
                        and not act.known and _NOT_AN_EVENT.search(fold(act.name))):
                    found_params = {**found_params, "activity": topic}
                refs: list[Ref] = []
                params = _ids(found_params, refs)
                roster = kind in ("per-person", "pairwise", "attendance") or bool(params.get("all_sections"))
                added.append(Candidate(unit.id, kind, params, where.text, conf,
                                       where.line, refs, roster=roster))
    reading.candidates.extend(added)
    reading.candidates = _anchored_orders_dropped(_leads_dropped(_implied_dropped(reading.candidates)))
    return reading


def _anchored_orders_dropped(cands: list[Candidate]) -> list[Candidate]:
    """``會後5個工作日內,將會議情況報…``: a deadline counted from an event (an anchor and a
    ``limit``) already says "after it"; an ``after`` order read from the same words of the same
    clause says it again, so only the deadline, which carries both, is kept."""
    limits = [(c.clause, fold(c.quote)) for c in cands if c.kind == "deadline" and c.params.get("limit")]
    if not limits:
        return cands
    return [c for c in cands
            if c.kind != "order" or c.params.get("relation") != "after"
            or not any(cl == c.clause and (q in fold(c.quote) or fold(c.quote) in q) for cl, q in limits)]


_WHOLE_QUOTE = MAX_STATEMENT
"""A requirement is quoted with its whole sentence when the sentence is read as one (at most
:data:`MAX_STATEMENT` characters): the subject, the list or the condition it rests on may
stand in another part of it (``班子成員要…;同時,每人…``). A report or notice cut off after
``,同時`` keeps its own words (it is a second requirement)."""


def _session_as_period(c: Candidate) -> bool:
    """A duration of a "period" named ``每次…`` is each session's own length
    (``每次研討時間不少於半天``): the timing family drafts it with its activity instead."""
    period = c.params.get("period")
    return c.kind == "duration" and isinstance(period, str) and fold(period).startswith("每次")


def _leads_dropped(cands: list[Candidate]) -> list[Candidate]:
    """A length right after 前 / 提前 / 後 (``學習前1周左右``, ``會前7天``) is a lead time
    — how long before something else happens — not how long anything lasts; one after 累計
    is a total of sessions: no duration rule from either (the clause reader reads
    ``1周左右`` alone)."""
    out = []
    for c in cands:
        length = c.params.get("length")
        if c.kind == "duration" and isinstance(length, str) and not c.params.get("activity"):
            f = fold(c.quote)
            at = f.find(fold(length))
            if at > 0 and f[at - 1] in "前后":
                continue
            if at > 0 and "累计" in f[max(0, at - 4):at]:
                continue  # 「全年累計不少於12天」 adds up days of sessions: a quantity, not a span
        out.append(c)
    return out


_MEETING = re.compile(r"会$|会议$|党日$|党课$")
_NOT_AN_EVENT = re.compile(r"^(?:时间|时间安排|日程|安排|具体安排|工作安排|步骤)$|确保|按时|便于|让")
"""A notice's or deadline's "activity" that is a label (時間) or a purpose (確保按時到會):
the meeting the article is about is meant."""


def _topic(units: list[Unit]) -> Ref | None:
    """The meeting the article is about: the first lexicon meeting it names (for a gate
    that names nothing waiting for it)."""
    first: Ref | None = None
    for unit in units:
        for para in unit.paragraphs:
            st = Statement(unit.id, para.text, fold(para.text), para.line)
            for t in st.terms("activity"):
                if _MEETING.search(fold(t.term.id)):
                    return Ref(t.term.id, "activity", t.term.id, t.term.name_en, True)
            if first is None and para.text.strip():
                named = activity(st)  # the title's meeting in its own words (關於召開黨員大會的通知)
                first = named if named is not None and _MEETING.search(fold(named.name)) else None
                first = first or Ref("", "activity", "", "", False)
    return first if first is not None and first.id else None


def _phase_dated(reading: ArticleReading, st: Statement, year: int) -> None:
    """A phase the text names with its window becomes a plan phase with that start and end
    (the phase the reader already knows by that name, else a new one in the plan's words)."""
    found = phase_window(st, year)
    if found is None:
        return
    words, start, end = found
    key = fold(words)
    ref = next((r for r in reading.phases if key in (fold(r.id), fold(r.name))), None)
    if ref is None:
        ref = Ref(words, "phase", words, "", False)
        reading.phases.append(ref)
    reading.phase_windows.setdefault(ref.id, (start, end))


def _anchored_earlier(params: Params, st: Statement, sentence: Statement) -> bool:
    """An order whose anchor is named in an earlier part of the same sentence
    (``…接受黨員評議;隨後…進行民主測評``) rests on the whole sentence: it is quoted."""
    if sentence is st:
        return False
    anchor = params.get("anchor_activity") or params.get("anchor_document")
    if not isinstance(anchor, Ref):
        return False
    name = fold(anchor.name)
    return name not in st.f and name in sentence.f


_GENERAL = ("occurs", "attest")


def _subject(c: Candidate) -> str:
    for key in ("activity", "document", "before_activity"):
        v = c.params.get(key)
        if v:
            return str(v)
    return ""


def _implied_dropped(cands: list[Candidate]) -> list[Candidate]:
    """An occurs rule is implied by a more specific rule on the same thing from the same
    words (a deadline for the meeting requires the meeting): keep the specific one only."""
    specific = {(c.clause, fold(c.quote), _subject(c)) for c in cands if c.kind not in _GENERAL}
    return [c for c in cands
            if c.kind not in _GENERAL or _counted(c)
            or (c.clause, fold(c.quote), _subject(c)) not in specific]


def _counted(c: Candidate) -> bool:
    """An occurs rule that says more than "it happens" (a count, a window, an approval)."""
    p = c.params
    return bool(p.get("within") or p.get("action", "any") != "any" or (p.get("min") or 1) > 1
                or p.get("host") or p.get("attended_by"))
