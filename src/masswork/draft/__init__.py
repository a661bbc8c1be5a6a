"""Drafting a plan file from the words of a plan (``masswork draft``).

>>> from masswork.draft import draft_text
>>> drafts = draft_text("一、召開動員大會\\n(一)局黨組3月中旬召開動員大會。", year=2014)
>>> [(r.clause, r.kind) for r in drafts[0].requirements]
[('S1.1.1', 'deadline')]

The pipeline, one module per step: :mod:`~masswork.draft.text` (bytes → text, encodings,
folding Traditional/Simplified for matching), :mod:`~masswork.draft.clauses` (articles and
clause ids), :mod:`~masswork.draft.lexicon` (the domain's words),
:mod:`~masswork.draft.recognise` (sentences → candidate requirements) and
:mod:`~masswork.draft.build` (→ a plan in the file structure, checked by the loader).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg
from .build import Draft, DraftedRequirement, NeedsReview, build_plan
from .clauses import parse_articles, units
from .generic import extend, prose_units
from .noise import clean
from .recognise import ArticleReading, read_article
from .text import SourceText, fold, read_document

__all__ = ["Draft", "DraftedRequirement", "NeedsReview", "draft_text", "draft_file",
           "draft_source", "guess_year"]


# The year a campaign's concentrated phase ran in (its plans name it, not the year). A
# campaign of two years (先進性教育 2005–06, 學習實踐 2008–10) gives its first year; dates in
# the text and document numbers take precedence.
CAMPAIGN_YEARS: tuple[tuple[str, int], ...] = (
    ("保持共产党员先进性教育", 2005), ("先进性教育活动", 2005),
    ("学习实践科学发展观", 2009), ("创先争优", 2010),
    ("群众路线教育实践", 2013), ("三严三实", 2015), ("两学一做", 2016),
    ("不忘初心、牢记使命", 2019), ("不忘初心牢记使命", 2019), ("党史学习教育", 2021),
    ("学习贯彻习近平新时代中国特色社会主义思想主题教育", 2023),
)
_DOC_NUMBER = re.compile(r"[〔【\[(]\s*((?:19|20)\d\d)\s*[〕】\])]")


def guess_year(text: str) -> int | None:
    """The year a plan's calendar phrases belong to: the latest year the text names
    (``2014年``), else a document number's (``〔2009〕4號``), else the year of the campaign it
    names (``三嚴三實`` → 2015); None when it says nothing."""
    f = fold(text)
    years = [int(y) for y in re.findall(r"(?<!\d)(19\d\d|20\d\d)\s*年", f)]
    if years:
        return max(years)
    nums = [int(y) for y in _DOC_NUMBER.findall(f)]
    if nums:
        return max(nums)
    named = [y for words, y in CAMPAIGN_YEARS if words in f]
    return max(named) if named else None


def _drop_answered_reviews(reading: ArticleReading) -> None:
    """A sentence left for review that a family recogniser has since read is answered."""
    quoted: dict[str, list[str]] = {}
    for c in reading.candidates:
        quoted.setdefault(c.clause, []).append(fold(c.quote))
    kept = []
    for r in reading.reviews:
        fr = fold(r.quote)
        if not any(q in fr or fr in q for q in quoted.get(r.clause, ())):
            kept.append(r)
    reading.reviews = kept


def _title(source: SourceText, article_title: str, number: int, multi: bool) -> str:
    first = next((ln.strip() for ln in source.text.split("\n") if ln.strip()), "")
    if article_title and not re.fullmatch(r"第.{1,4}(篇|部分)", article_title):
        return article_title
    base = first[:60] if first and not re.match(r"第.{1,4}(篇|部分)", first) else "草擬方案"
    return f"{base} {article_title}".strip() if multi else base


def draft_source(source: SourceText, *, year: int | None = None,
                 article: int | None = None) -> list[Draft]:
    """Draft every article of ``source`` (or the one numbered ``article``)."""
    source = attrs.evolve(source, text=clean(source.text))
    text = source.text
    year_assumed = False
    if year is None:
        year = guess_year(text)
        if year is None:
            # Nothing dates the text: the current year stands in, and the draft says so loudly.
            year = dt.date.today().year
            year_assumed = True
    if text.strip() and len(re.findall(r"[\u3400-\u9fff]", text)) < 0.05 * len(text.strip()):
        raise InputError(Problem(
            msg=Msg.of("draft.no_chinese", encoding=source.encoding_name),
            file=source.path, line=1, expected=Msg.of("draft.expected.chinese")))
    arts = parse_articles(text)
    multi = len(arts) > 1
    if article is not None:
        chosen = [a for a in arts if a.number == article]
        if not chosen:
            have = tuple(a.number for a in arts)
            raise InputError(Problem(
                msg=Msg.of("draft.no_article", article=article, have=have),
                file=source.path, expected=Msg.of("draft.expected.article", have=have)))
        arts = chosen
    drafts: list[Draft] = []
    stem = Path(source.path).stem if source.path else "text"
    for a in arts:
        us = units(a) if a.clauses else prose_units(a)
        if not us:
            if article is not None or not multi:
                raise InputError(Problem(
                    msg=Msg.of("draft.no_text"), file=source.path, line=a.line,
                    expected=Msg.of("draft.expected.text")))
            continue
        reading = extend(read_article(a, us), us, year)
        _drop_answered_reviews(reading)
        plan_id = re.sub(r"[^0-9A-Za-z_-]+", "-", f"draft-{stem}-s{a.number}").strip("-").lower()
        title = _title(source, a.title, a.number, multi)
        src = f"{source.path or 'text'}" + (f" {a.title}" if multi and a.title else "")
        plan, drafted, reviews = build_plan(reading, year=year, plan_id=plan_id, title=title,
                                            source=src, year_assumed=year_assumed)
        drafts.append(Draft(a.number, title, year, plan, tuple(drafted), tuple(reviews),
                            source.encoding_name, source.path, year_assumed))
    if not drafts:
        raise InputError(Problem(msg=Msg.of("draft.no_text"), file=source.path, line=1,
                                 expected=Msg.of("draft.expected.text")))
    return drafts


def draft_text(text: str, *, year: int | None = None, article: int | None = None) -> list[Draft]:
    """Draft the plan(s) in ``text``: one :class:`Draft` per article (第N篇), or only
    article ``article``. Raises :class:`~masswork.errors.InputError` when the text has no
    numbered clauses or no such article."""
    return draft_source(SourceText(text.replace("\r\n", "\n"), "str"), year=year, article=article)


def draft_file(path: str | Path, *, year: int | None = None, article: int | None = None) -> list[Draft]:
    """Read a plan document (.txt in UTF-8/GB18030/UTF-16, .docx through a plugin) and draft
    it like :func:`draft_text`; each draft records the encoding it was read in."""
    return draft_source(read_document(path), year=year, article=article)
