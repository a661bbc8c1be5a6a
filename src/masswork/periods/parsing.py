"""Calendar phrase → :class:`~masswork.periods.windows.Window` (``parse_window``).

Table-driven as dateutil's parser is: a phrase is one *point* (:mod:`.points`: year,
month, day / 旬 / 底) or a span of two points (``_SPAN_SEPARATORS``), and a point's
suffix (``_SUFFIX_RULES``: 前, 後, 起, 內 …) decides how the point becomes a window;
festivals (``_NAMED_DAYS``) stand for their day and ``X前後`` widens a point.
A new phrase is a new row, not a new branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from ..i18n import Msg
from .errors import PhraseError, _error
from .normalize import _NUM, normalize_phrase
from .points import _check_year, _point, _Point, _shift_day
from .units import _MAX_PHRASE_LENGTH
from .windows import Window


_UNBOUNDED_WORDS: Final = frozenset({"不限", "不限時間", "不限期"})
_LEADING_WORDS: Final = ("從", "自", "由", "於", "在")


def _ambiguous_xun(text: str) -> PhraseError:
    return _error(text, "phrase.ambiguous_xun",
                  (Msg.of("phrase.expected.day_with_suffix"), Msg.of("phrase.expected.xun")))


# How a point becomes a window under each suffix.  Each reader gets the whole phrase
# (for errors and for the window's ``phrase``), the text before the suffix and the point,
# and returns None when the combination is not a phrase (年後, 2月底後).


def _before(text: str, s: str, p: _Point) -> Window | None:
    if p.bare_year and not p.eom:
        return None  # 年前 colloquially means "before the Spring Festival"
    if p.eom or p.grain == "day":
        return Window(None, p.last, text)
    if p.grain == "xun":
        raise _ambiguous_xun(text)
    return Window(None, _shift_day(text, p.first, -1), text)


def _after(text: str, s: str, p: _Point) -> Window | None:
    if p.bare_year or p.eom:
        return None
    if p.grain == "day":
        return Window(p.first, None, text)
    if p.grain == "xun":
        raise _ambiguous_xun(text)
    return Window(_shift_day(text, p.last, 1), None, text)


def _from(text: str, s: str, p: _Point) -> Window | None:
    return None if p.bare_year else Window(p.first, None, text)


def _within(text: str, s: str, p: _Point) -> Window | None:
    return None if p.eom else Window(p.first, p.last, text)


def _bare(text: str, s: str, p: _Point) -> Window | None:
    if p.eom:
        return Window(None, p.last, text)
    if p.bare_year and not s.startswith(("本", "今")):
        return None  # 年 alone says nothing
    return Window(p.first, p.last, text)


_Reader = Callable[[str, str, _Point], "Window | None"]

#: One row per suffix word (longest first when matching), as dateutil's parser keeps its
#: words in tables: the suffix names the reader that turns the point into a window.
_SUFFIX_RULES: Final[tuple[tuple[str, _Reader], ...]] = (
    ("之前", _before),
    ("以前", _before),
    ("前", _before),
    ("之後", _after),
    ("以後", _after),
    ("後", _after),
    ("開始", _from),
    ("以來", _from),
    ("起", _from),
    ("以內", _within),
    ("之內", _within),
    ("期間", _within),
    ("內", _within),
)
_SUFFIXES: Final = sorted(_SUFFIX_RULES, key=lambda row: len(row[0]), reverse=True)


def _single(text: str, s: str, year: int) -> Window | None:
    """A single point with an optional suffix (``_SUFFIX_RULES``), or None."""
    for suffix, reader in (*_SUFFIXES, ("", _bare)):
        if suffix and not s.endswith(suffix):
            continue
        p = _point(text, s[: len(s) - len(suffix)], year)
        if p is None:
            continue
        return reader(text, s, p)
    return None


_SPAN_SEPARATORS: Final = ("至", "到", "-")
_SPAN_RIGHT_SUFFIXES: Final = ("為止", "止")


def _span(text: str, s: str, year: int) -> Window | None:
    """``A至B`` with B inheriting year and month from A, or None."""
    first_error: PhraseError | None = None
    for i, ch in enumerate(s):
        if ch not in _SPAN_SEPARATORS:
            continue
        left, right = s[:i], s[i + 1 :]
        if left.endswith("起"):
            left = left[:-1]
        for suffix in _SPAN_RIGHT_SUFFIXES:
            if right.endswith(suffix):
                right = right[: -len(suffix)]
                break
        try:
            lp = _point(text, left, year, bare_day=True)
            if lp is None or lp.bare_year:
                continue
            rp = _point(text, right, lp.year, ctx_month=lp.month)
            if rp is None or rp.bare_year:
                continue
            if not rp.explicit_year and rp.explicit_month and rp.last < lp.first:
                # 12月20日至1月10日 runs into the next year.
                rp = _point(text, right, _check_year(text, lp.year + 1), ctx_month=lp.month)
                assert rp is not None
            if rp.last < lp.first:
                raise _error(text, "phrase.span_backwards", (Msg.of("phrase.expected.span"),),
                             start=lp.first, end=rp.last)
            return Window(lp.first, rp.last, text)
        except PhraseError as exc:
            if first_error is None:
                first_error = exc
    if first_error is not None:
        raise first_error
    return None


#: Days plans name by their festival (七一前後, 國慶節前): one row per name, read as the
#: month and day they stand for.  Lunar festivals (春節, 中秋) move and are not here.
_NAMED_DAYS: Final[tuple[tuple[str, str], ...]] = (
    ("元旦", "1月1日"),
    ("三八", "3月8日"),
    ("婦女節", "3月8日"),
    ("五一", "5月1日"),
    ("勞動節", "5月1日"),
    ("五四", "5月4日"),
    ("青年節", "5月4日"),
    ("六一", "6月1日"),
    ("七一", "7月1日"),
    ("建黨節", "7月1日"),
    ("八一", "8月1日"),
    ("建軍節", "8月1日"),
    ("教師節", "9月10日"),
    ("國慶節", "10月1日"),
    ("國慶", "10月1日"),
)
_NAMED_RE: Final = re.compile(
    rf"^(?P<y>(?:{_NUM}年)?)(?P<name>{'|'.join(sorted((n for n, _ in _NAMED_DAYS), key=len, reverse=True))})"
    r"(?P<rest>.*)$"
)
_AROUND_SUFFIXES: Final = ("前後", "左右")

#: How far "X前後" strays either side when the caller gives no tolerance.
AROUND_DAYS: Final = 7


def _named_day(s: str) -> str:
    m = _NAMED_RE.match(s)
    if m is None:
        return s
    return m["y"] + dict(_NAMED_DAYS)[m["name"]] + m["rest"]


def _around(text: str, s: str, year: int, days: int) -> Window | None:
    """``X前後`` / ``X左右``: the point widened by *days* either side."""
    for suffix in _AROUND_SUFFIXES:
        if not s.endswith(suffix):
            continue
        p = _point(text, s[: -len(suffix)], year)
        if p is None or p.eom or p.bare_year:
            return None
        return Window(_shift_day(text, p.first, -days), _shift_day(text, p.last, days), text)
    return None


#: Words for the campaign itself (活動結束前: before the plan's own end), one row each:
#: (word, which bounds of the campaign the window keeps).
_CAMPAIGN_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("活動結束前", "end"),
    ("活動結束之前", "end"),
    ("結束前", "end"),
    ("全程", "both"),
    ("活動期間", "both"),
    ("整個活動期間", "both"),
    ("活動開始後", "start"),
)


def _campaign_word(text: str, s: str, campaign: Window | None) -> Window | None:
    for word, keep in _CAMPAIGN_WORDS:
        if s != word:
            continue
        if campaign is None:
            raise _error(text, "phrase.needs_campaign",
                         (Msg.of("phrase.expected.campaign"), Msg.of("phrase.expected.date_instead")))
        start = campaign.start if keep in ("both", "start") else None
        end = campaign.end if keep in ("both", "end") else None
        return Window(start, end, text)
    return None


def parse_window(text: str, year: int, *, around: int = AROUND_DAYS, campaign: Window | None = None) -> Window:
    """Read a calendar phrase as an inclusive :class:`Window`.

    Args:
        text: the phrase, e.g. ``"3月中旬"``, ``"(2月25日前)"``, ``"2月底前"``,
            ``"3月11日至4月20日"``, ``"2014-03-11"``; Traditional or Simplified.
        year: the year the plan is resolved in; a year written in the phrase wins.
        around: days either side for ``X前後`` (七一前後 → 6月24日至7月8日 by default).
        campaign: the plan's own window, for 活動結束前 / 全程 / 活動期間 (``_CAMPAIGN_WORDS``).

    Festival names (元旦, 五四, 七一, 國慶 … see ``_NAMED_DAYS``) stand for their day.

    Returns:
        The window, with ``phrase`` set to *text*.

    Raises:
        PhraseError: for anything else — an impossible date (``2月30日``, ``13月``), a
            day or 旬 without a month, an ambiguous or unreadable phrase.  No other
            exception type escapes.
    """
    try:
        year_ok = 1 <= year <= 9999
    except TypeError:
        year_ok = False
    if not year_ok:
        raise _error(str(text), "phrase.year_range", (Msg.of("phrase.expected.year"),), year=repr(year))
    s = normalize_phrase(text)
    if len(s) > _MAX_PHRASE_LENGTH:
        raise _error(text, "phrase.too_long")
    if s in _UNBOUNDED_WORDS:
        return Window(None, None, text)
    for word in _LEADING_WORDS:
        if s.startswith(word) and len(s) > len(word):
            s = s[len(word) :]
            break
    s = _named_day(s)
    w = _campaign_word(text, s, campaign)
    if w is None:
        w = _around(text, s, year, around)
    if w is None:
        w = _single(text, s, year)
    if w is None:
        w = _span(text, s, year)
    if w is None:
        if not s:
            raise _error(text, "phrase.empty")
        raise _error(text, "phrase.unknown")
    return w
