"""A plan's sentences and the pieces the recogniser reads in them: sentences of a clause
(its heading first), their parts between semicolons, comma segments, enumerations
(``A、B和C等``), spans that are only means or background (``通過…的形式``, ``在…基礎上``),
the head of a run of terms (``民主生活會情況通報會`` → 通報會), and the shared patterns
(numbers, calendar phrases, verbs). All positions are in folded text, which has the length of
the original, so a quote is the original's slice."""

from __future__ import annotations

import re

import attrs

from .clauses import Unit, cn_number
from .lexicon import Lexicon, Match, Term
from .text import fold

__all__ = ["low_end", "NUM", "DATE", "VERBS_EVENT", "VERBS_DOC", "REQUIREMENT_CUES", "Sentence", "sentences",
           "parts", "heads", "list_of", "split_items", "enumeration", "others", "means_spans",
           "generic_activity", "num", "strip_marks"]

NUM = r"(\d+|[一二两三四五六七八九十]+)"
_SENT_END = re.compile(r"[。!?]")
_SEG = re.compile(r"[,;:]")
VERBS_EVENT = ("召开", "举办", "举行", "组织召开", "组织开展", "组织", "开展", "进行", "参观",
                "观看", "主讲", "讲授", "安排", "主持召开", "主持", "上", "讲", "参加")
VERBS_DOC = ("研究制定", "制定", "制订", "起草", "撰写", "形成", "出台", "研究提出", "完成",
              "印发")
_ACT_SUFFIX = ("大会", "会议", "会", "课", "讲座", "活动", "教育", "学习", "讨论", "评议", "谈话",
               "培训", "研讨", "调研", "宣讲", "观摩", "参观", "班", "竞赛", "测试")
REQUIREMENT_CUES = re.compile(
    r"要|必须|须|应当|应|确保|务必|至少|不少于|及时|按时|报送|召开|举办|开展|组织|制定|制订|"
    r"撰写|建立|落实|完成|做到|报|提交|严格")
DATE = re.compile(
    r"(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
    r"(?:(?:至|到|-|~)(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
    r"(?:之前|以前|前|之后|以后|后|起)?"
    r"|上中旬|中下旬|上旬|中旬|下旬|底前|底|末|份|内|前"
    r")?"
    r"(?:(?:至|到|-|~)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:上旬|中旬|下旬|底|份)?)?"
    r"|年底前|\d{4}-\d{2}-\d{2}"
)


# ---------------------------------------------------------------- sentences


@attrs.define
class Sentence:
    text: str
    f: str
    line: int
    unit: Unit
    heading: bool = False
    _matches: list[Match] | None = None

    def matches(self, lex: Lexicon) -> list[Match]:
        if self._matches is None:
            self._matches = lex.find(self.f)
        return self._matches

    def segments(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in _SEG.finditer(self.f):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, len(self.f)))
        return [(a, b) for a, b in out if b > a]

    def segment_at(self, pos: int) -> tuple[int, int]:
        for a, b in self.segments():
            if a <= pos < b or (pos == b):
                return a, b
        return 0, len(self.f)


def sentences(unit: Unit) -> list[Sentence]:
    out: list[Sentence] = []
    for k, p in enumerate(unit.paragraphs):
        text = p.text
        start = 0
        if k == 0 and unit.clause is not None:
            f = fold(text)
            m = re.match(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(\s*[一二三四五六七八九十]{1,3}\s*\)|"
                         r"\d{1,2}\s*[、.]?|\(\s*\d{1,2}\s*\)|[①-⑳])\s*", f)
            if m:
                start = m.end()
            head = unit.clause.heading
            if head:
                hs = text.find(head, start)
                if hs != -1:
                    he = hs + len(head)
                    out.append(Sentence(text[hs:he], fold(text[hs:he]), p.line, unit, heading=True))
                    start = he
                    while start < len(text) and fold(text[start]) in "。.":
                        start += 1
        rest = text[start:]
        pos = 0
        f_rest = fold(rest)
        for m in _SENT_END.finditer(f_rest):
            piece = rest[pos:m.end()]
            if piece.strip():
                out.extend(_mk(piece, p.line, unit))
            pos = m.end()
        if rest[pos:].strip():
            out.extend(_mk(rest[pos:], p.line, unit))
    return out


MAX_SENTENCE = 400
"""A sentence longer than this (a paragraph with no 。) is read in pieces cut at a comma, so
the per-sentence rules stay bounded and reading stays linear in the text."""


def _mk(piece: str, line: int, unit: Unit) -> list[Sentence]:
    stripped = piece.strip()
    out: list[Sentence] = []
    while len(stripped) > MAX_SENTENCE:
        f = fold(stripped[:MAX_SENTENCE])
        cut = max(f.rfind(c, MAX_SENTENCE // 2) for c in ",;:、 ")
        cut = cut + 1 if cut > 0 else MAX_SENTENCE
        out.append(Sentence(stripped[:cut].strip(), fold(stripped[:cut].strip()), line, unit))
        stripped = stripped[cut:].strip()
    if stripped:
        out.append(Sentence(stripped, fold(stripped), line, unit))
    return out




_RANGE_FROM = re.compile(NUM + r"\s*(?:至|到|—|–|-|~|～|或)\s*$")


def low_end(f: str, start: int, value: int | None) -> int | None:
    """A count that ends a range (``1至2次``, ``2—3次``, ``一到兩次``) is at least its low end:
    ``value`` is the count read at ``start``; the number before ``至`` wins when there is one."""
    m = _RANGE_FROM.search(f, max(0, start - 8), start)
    if m is None or value is None:
        return value
    low = num(m.group(1))
    return low if low is not None and 0 < low < value else value


def num(tok: str) -> int | None:
    return cn_number(tok.replace("两", "二"))


def strip_marks(text: str) -> str:
    return re.sub(r"[“”\"《》、,，;；:：()（）\s]", "", text)


def parts(s: Sentence) -> list[Sentence]:
    """A sentence cut at its semicolons: each part is one statement (局黨組舉辦1次中心組學習會
    (2月底前);…;局統一組織召開一次…(四月中旬))."""
    if ";" not in s.f:
        return [s]
    out, pos = [], 0
    for m in re.finditer(r";", s.f):
        piece = s.text[pos:m.end()]
        if piece.strip():
            out.append(Sentence(piece.strip(), fold(piece.strip()), s.line, s.unit))
        pos = m.end()
    if s.text[pos:].strip():
        out.append(Sentence(s.text[pos:].strip(), fold(s.text[pos:].strip()), s.line, s.unit))
    return out


def heads(f: str, ms: list[Match]) -> list[Match]:
    """Drop terms that only modify the next one (``民主生活會情況通報會``: the head is 通報會)."""
    out = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is not None:
            between = f[m.end:nxt.start]
            if between in ("", "情况", "的", "之", "工作") and nxt.category == m.category:
                continue
        out.append(m)
    return out


def list_of(f: str, ms: list[Match]) -> list[Term]:
    """The enumerated run of terms ending with the last of ``ms`` (``A、B和C``)."""
    if not ms:
        return []
    run = [ms[-1]]
    for m in reversed(ms[:-1]):
        between = f[m.end:run[0].start]
        if len(between) <= 14 and re.fullmatch(r"[^,;:。]*?(、|和|及|与|以及)[^,;:。]*", between):
            run.insert(0, m)
        else:
            break
    return list({m.term.id: m.term for m in run}.values())


def split_items(f: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[,;:、。]", f):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(f)))
    return [(a, b) for a, b in out if b > a]


def enumeration(f: str, a: int, b: int) -> list[tuple[int, int]]:
    """Items of an enumeration in f[a:b]: split on 、,; 和 及 以及 與 and (1)(2) markers,
    with 等 and surrounding quotes dropped."""
    text = f[a:b]
    out = []
    pos = 0
    for m in re.finditer(r"\(\d+\)|[①-⑳]|[、,;]|以及|和|及|与|或", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    items = []
    for s, e in out:
        seg = text[s:e]
        # trim 等/等等 and quotes and trailing words like 的意见
        tm = re.match(r"^[\s“”\"]*(.*?)[\s“”\"]*(等等|等)?[\s“”\"。.]*$", seg)
        if not tm:
            continue
        inner = tm.group(1)
        if not inner.strip():
            continue
        off = seg.find(inner)
        items.append((a + s + off, a + s + off + len(inner)))
    return items


def others(f: str, pos: int) -> bool:
    """Whether the statement at ``pos`` is addressed to other units (各單位同步制定…)."""
    return re.search(r"各(单位|部门|科室|支部|基层党组织|党组织)[^,;。]{0,8}$", f[max(0, pos - 16):pos]) is not None


def means_spans(f: str) -> list[tuple[int, int]]:
    """Spans ``通過…(的形式|方式)`` and ``在…的基礎上``: words there are means or background,
    not things required."""
    out = []
    for m in re.finditer(r"在[^。;]{2,40}?基础上", f):
        out.append((m.start(), m.end()))
    for m in re.finditer(r"通过", f):
        rest = f[m.end():]
        stop = re.search(r"(形式|方式|途径|渠道|平台|等)|(进行|开展|召开|举办)\s*(一|\d+)\s*次|[,;。]", rest)
        end = m.end() + (stop.end() if stop else len(rest))
        out.append((m.start(), end))
    return out


def generic_activity(orig: str, folded: str) -> str | None:
    """An activity named in the plan's own words after ``一次``: the words after the last
    ``的``, or a quoted name, when they end like an activity (…會, …課, …講座 …)."""
    q = re.search(r"“([^”]{2,16})”", folded)
    if q:
        return orig[q.start(1):q.end(1)]
    cut = folded.rfind("的")
    tail_f = folded[cut + 1:] if cut != -1 else folded
    tail = orig[len(orig) - len(tail_f):]
    tail_f = tail_f.strip()
    if not tail_f or len(tail_f) > 12:
        return None
    if not tail_f.endswith(_ACT_SUFFIX):
        return None
    return tail.strip()
