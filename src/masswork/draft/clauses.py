"""The structure of a plan document: its articles (第一篇, 第二篇 …) and, in each, the clause
tree marked by 一、 / (一) / 1、 / (1) / ①, with the clause ids of requirements.md.

Ids: ``S<article>`` then one number per level, taken from the marker itself —
``S3.3.1`` is article 3, section 三, item (一); ``S2.5.2.1`` is 五 (二) 1. A clause that has
sub-clauses keeps its own lead text (the words before its first sub-clause) under
``<id>.0`` (``S1.4.0`` is the 四聽四問 paragraph of section 四); a clause without sub-clauses
is its own id (``S1.6``). Text before the first section is the article's preamble,
``S<n>.0``. A number used twice (the source numbers 一(三) twice) gives both clauses the
same id; the requirements drafted from them are told apart by their own ids.

A line starting ``(1)`` or ``①`` right after a line that ends with a colon is a list item
of that clause, not a clause of its own.

Numerals are read by :func:`cn_number`, kept hand-written rather than cn2an by
``benchmarks/draft_numerals.py``: on the 784 numerals the recognisers' ``NUM`` pattern
matches in the corpus and sources (63 distinct) the two agree on every one; on a table of 31
numerals of plan texts cn_number is right on 24, cn2an 0.5.24's ``smart`` mode on 26 (it also
reads 一千 and 1.5, which ``NUM`` never passes) and its sentence converter on 29 (also 第三,
三分之二, 百分之九十, which the ratio rows read as phrases); both refuse 五個一 and 十幾, neither
reads 半. cn_number takes 1.6–6 µs a call, cn2an 12–44 µs, and cn2an with its dependency
(proces) adds 0.2–0.6 s to start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .text import fold

__all__ = ["Paragraph", "Clause", "Article", "Unit", "parse_articles", "cn_number", "units"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """``"十二"`` → 12, ``"3"`` → 3, ``"二十"`` → 20; None for anything else."""
    t = fold(text.strip())
    if not t:
        return None
    if t.isdigit():
        return int(t)
    if all(c in _CN_DIGITS for c in t) and len(t) > 1:
        # 二〇一四 style: digit by digit.
        return int("".join(str(_CN_DIGITS[c]) for c in t))
    total, current = 0, 0
    for c in t:
        if c in _CN_DIGITS:
            current = _CN_DIGITS[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


_NUM_CN = "一二三四五六七八九十"
_ARTICLE = re.compile(r"^\s*第([一二三四五六七八九十百零〇两\d]{1,4})(篇|部分)\s*(.*)$")
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^\s*([{_NUM_CN}]{{1,3}})\s*[、.](?!\d)")),
    (2, re.compile(rf"^\s*[(]\s*([{_NUM_CN}]{{1,3}})\s*[)]\s*")),
    (3, re.compile(r"^\s*(\d{1,2})\s*(?:[、.](?!\d)|\s(?=\S))")),
    (4, re.compile(r"^\s*[(]\s*(\d{1,2})\s*[)]\s*")),
    (5, re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@attrs.frozen
class Paragraph:
    """One line of the document: its 1-based line number and text (original and folded)."""

    line: int
    text: str

    @property
    def folded(self) -> str:
        return fold(self.text)


@attrs.define
class Clause:
    """A numbered clause: its marker level (1 = 一、 … 5 = ①), number, heading (the words up
    to the first 。 of the marker line, when short) and its paragraphs."""

    level: int
    number: int
    heading: str
    line: int
    paragraphs: list[Paragraph] = attrs.field(factory=list)
    children: list[Clause] = attrs.field(factory=list)
    id: str = ""
    parent: Clause | None = attrs.field(default=None, repr=False, eq=False)

    def headings(self) -> list[str]:
        """This clause's heading and its ancestors', nearest first."""
        out: list[str] = []
        c: Clause | None = self
        while c is not None:
            if c.heading:
                out.append(c.heading)
            c = c.parent
        return out


@attrs.define
class Article:
    """One plan of the document (第N篇), its preamble and its top-level clauses."""

    number: int
    title: str
    line: int
    preamble: list[Paragraph] = attrs.field(factory=list)
    clauses: list[Clause] = attrs.field(factory=list)
    lines: list[Paragraph] = attrs.field(factory=list)

    @property
    def id(self) -> str:
        return f"S{self.number}"

    def walk(self) -> Iterator[Clause]:
        stack = list(reversed(self.clauses))
        while stack:
            c = stack.pop()
            yield c
            stack.extend(reversed(c.children))


@attrs.frozen
class Unit:
    """The text that one clause id covers: the paragraphs (with the heading line first when
    the clause has one), the clause it belongs to (None for the preamble) and the headings
    above it."""

    id: str
    paragraphs: tuple[Paragraph, ...]
    clause: Clause | None
    headings: tuple[str, ...]
    lead: bool = False


def _heading(rest: str) -> str:
    """The title of a clause: the words before its first 。 (or the whole line), when they
    read as a title — short and without a comma. A first sentence that is a statement
    (``黨支部每季度召開一次組織生活會，黨員…``) is not a title."""
    f = fold(rest)
    cut = len(f)
    i = f.find("。")
    if i != -1:
        cut = i
    head = rest[:cut].strip()
    hf = fold(head)
    if len(head) > 30 or re.search(r"[,;]", hf):
        return ""
    return head


def _marker(line: str) -> tuple[int, int, int] | None:
    """(level, number, end of marker) for a line starting a clause."""
    f = fold(line)
    for level, pattern in _MARKERS:
        m = pattern.match(f)
        if not m:
            continue
        token = m.group(1)
        number = _CIRCLED.index(token) + 1 if level == 5 else cn_number(token)
        if number is None or number == 0:
            continue
        rest = f[m.end():]
        if not rest.strip() and level >= 3:
            continue
        if level == 3 and re.match(r"\s*[年月日号%]", rest):
            continue
        return level, number, m.end()
    return None


def _split_articles(lines: list[str]) -> list[Article]:
    arts: list[Article] = []
    current: Article | None = None
    for i, raw in enumerate(lines, start=1):
        m = _ARTICLE.match(fold(raw))
        if m and len(raw.strip()) <= 40:
            n = cn_number(m.group(1)) or len(arts) + 1
            current = Article(number=n, title=raw.strip(), line=i)
            arts.append(current)
            continue
        if current is not None:
            current.lines.append(Paragraph(i, raw))
    if not arts:
        whole = Article(number=1, title="", line=1)
        whole.lines = [Paragraph(i, raw) for i, raw in enumerate(lines, start=1)]
        arts.append(whole)
    return arts


def _build(article: Article) -> None:
    stack: list[Clause] = []
    last_text = ""
    for p in article.lines:
        text = p.text
        if not text.strip():
            continue
        mk = _marker(text)
        if mk is not None:
            level, number, end = mk
            current = stack[-1] if stack else None
            # (1) / ① after "…:" continue a list in the clause above.
            is_list = level >= 4 and current is not None and fold(last_text).rstrip().endswith((":", ";"))
            if is_list and current is not None and current.paragraphs:
                # the item joins the line that introduced the list, so the list reads as one
                prev = current.paragraphs[-1]
                current.paragraphs[-1] = Paragraph(prev.line, prev.text.rstrip() + text.strip())
                last_text = text
                continue
            if not is_list:
                while stack and stack[-1].level >= level:
                    stack.pop()
                parent = stack[-1] if stack else None
                rest = text[end:]
                clause = Clause(level=level, number=number, heading=_heading(rest), line=p.line,
                                parent=parent)
                clause.paragraphs.append(p)
                (parent.children if parent else article.clauses).append(clause)
                stack.append(clause)
                last_text = text
                continue
        if stack:
            stack[-1].paragraphs.append(p)
        else:
            article.preamble.append(p)
        last_text = text


def _assign_ids(article: Article) -> None:
    def visit(c: Clause, prefix: str) -> None:
        c.id = f"{prefix}.{c.number}"
        for ch in c.children:
            visit(ch, c.id)

    for c in article.clauses:
        visit(c, article.id)


def parse_articles(text: str) -> list[Article]:
    """The articles of a document with their clause trees and ids."""
    lines = text.split("\n")
    arts = _split_articles(lines)
    for a in arts:
        _build(a)
        _assign_ids(a)
    return arts


def units(article: Article) -> list[Unit]:
    """Every clause id of an article with the text it covers, in document order."""
    out: list[Unit] = []
    if article.preamble:
        out.append(Unit(f"{article.id}.0", tuple(article.preamble), None, (), lead=True))
    for c in article.walk():
        heads = tuple(c.headings())
        if c.children:
            out.append(Unit(f"{c.id}.0", tuple(c.paragraphs), c, heads, lead=True))
        else:
            out.append(Unit(c.id, tuple(c.paragraphs), c, heads))
    return out
