"""Calendar phrases ⇄ date windows, durations and offsets (日期短語 ⇄ 日期窗口、時長、相對時間).

Campaign plans (實施方案) state their schedule in words: ``3月中旬``, ``2月底前``,
``6月前``, ``8個月左右``, ``提前半天``.  This module turns such words into values a
rule engine can compute with, and back into canonical (Traditional) Chinese:

* :class:`Window` / :func:`parse_window` / :func:`format_window` — inclusive date windows;
* :class:`Duration` / :func:`parse_duration` / :func:`format_duration` — lengths with a
  bound (at least, about, at most, exactly, within);
* :class:`Offset` / :func:`parse_offset` / :func:`format_offset` — a window relative to an
  anchor event (會前7天, 會後3天內, 提前半天, 當天, 間隔半個月);
* :func:`add_duration`, :func:`subtract_duration`, :func:`add_working_days`,
  :func:`measure`, :func:`months_between` — the arithmetic behind them.

Every parser accepts Traditional and Simplified characters, Arabic, full-width and Chinese
numerals (一 … 十 … 三十一, 兩, 廿, 卅, 二〇一四), whitespace anywhere, surrounding
brackets (also a lone one left over from cutting the phrase out of a sentence) and
trailing punctuation.  Every parser raises only :class:`PhraseError` (a ``ValueError``)
for text it cannot read; the error says, in Chinese and English, what is wrong and which
forms are accepted.

Readings chosen where the words are ambiguous (see requirements.md, "Calendar phrases"):

* ``X日前`` is *on or before* day X; ``X日後`` is *on or after* day X (both include the
  named day: the day is the boundary and counts, so an event held the afternoon after a
  morning meeting on that day is not flagged).
* ``X月前`` is *before the 1st of month X* (the month is excluded); ``X月後`` is *after
  the last day of month X*.  ``X月底前`` / ``X月底`` / ``X月末`` is *on or before the last
  day of month X*; ``年底前`` likewise for 31 December and ``年內`` is the whole year.
* ``X月中旬前`` / ``X月中旬後`` are rejected as ambiguous (by the end of the 旬, or before
  it begins?): write ``3月20日前`` or ``3月10日前`` instead.
* ``半個月`` is half a *calendar* month: the amount is kept as ``Fraction(1, 2)`` month and
  :func:`add_duration` moves half way to the same day of the following month (14–15.5
  days), not a fixed 15 days.  ``半天`` is half a day, i.e. 12 hours; ``半年`` is 6 months.
* In an offset a bare count is read as a deadline, as notices do: ``會前7天`` / ``提前3天``
  is *at least* 7 / 3 days before; ``會後3天`` is *within* 3 days after; ``間隔半個月`` is
  *at least* half a month between consecutive events.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import Final, Literal, TypeVar, get_args

import attrs
from dateutil.relativedelta import relativedelta

__all__ = [
    "ABOUT_TOLERANCE",
    "BOUNDS",
    "DIRECTIONS",
    "UNITS",
    "Bound",
    "Direction",
    "Duration",
    "Offset",
    "PhraseError",
    "Unit",
    "Window",
    "add_duration",
    "add_working_days",
    "format_duration",
    "format_offset",
    "format_window",
    "measure",
    "months_between",
    "normalize_phrase",
    "parse_duration",
    "parse_offset",
    "parse_window",
    "subtract_duration",
]

Unit = Literal["hour", "day", "working_day", "week", "month", "year"]
Bound = Literal["at_least", "about", "at_most", "exactly", "within"]
Direction = Literal["before", "after", "same_day", "interval"]

UNITS: Final[tuple[Unit, ...]] = get_args(Unit)
BOUNDS: Final[tuple[Bound, ...]] = get_args(Bound)
DIRECTIONS: Final[tuple[Direction, ...]] = get_args(Direction)

#: Relative tolerance used for ``左右`` (about) when a plan gives none: 8個月左右 accepts
#: 7–9 months.  A policy choice, not something the sources state; callers may pass
#: their own ``tolerance``.
ABOUT_TOLERANCE: Final = Fraction(1, 8)

# Phrases are short; capping the length keeps the span search (which tries every
# separator position) cheap even when someone passes a whole paragraph.
_MAX_PHRASE_LENGTH: Final = 60

_DT = TypeVar("_DT", date, datetime)


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class PhraseError(ValueError):
    """A calendar phrase that cannot be read (無法識別的日期短語).

    Attributes:
        text: the text as given.
        message_zh: what is wrong, in Chinese.
        message_en: the same in English.
        expected: short English descriptions of the forms that would be accepted.
    """

    def __init__(
        self,
        text: str,
        message_zh: str,
        message_en: str,
        expected: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        self.message_zh = message_zh
        self.message_en = message_en
        self.expected = tuple(expected)
        super().__init__(self._render())

    def _render(self) -> str:
        msg = f"「{self.text}」：{self.message_zh} / {self.message_en}"
        if self.expected:
            msg += " — expected: " + "; ".join(self.expected)
        return msg

    def __reduce__(self) -> tuple[type[PhraseError], tuple[str, str, str, tuple[str, ...]]]:
        # The custom __init__ signature would otherwise break pickling (multiprocessing).
        return (PhraseError, (self.text, self.message_zh, self.message_en, self.expected))


WINDOW_FORMS: Final[tuple[str, ...]] = (
    "3月中旬 / 4月上旬 / 4月下旬 / 3月上中旬 (thirds of a month: 1-10, 11-20, 21-end)",
    "2月底前, 2月底, 2月末 (on or before the last day of the month)",
    "2月25日前, 2月25日之前, 2月25日以前 (on or before the day)",
    "2月25日後, 之後, 以後 (on or after the day); 3月5日起 (from the day)",
    "6月前 (before the 1st of June); 6月後 (from the 1st of July)",
    "3月, 3月份, 3月內 (the whole month); 2月24日, 2月24號 (one day)",
    "2014年3月11日, 2014-03-11, 2014/3/11, 二〇一四年三月十一日 (the year overrides the default)",
    "3月11日至20日, 3月11日至4月20日, 3月至5月, 3月中旬至4月上旬 (spans; also 到, -, ~)",
    "2014年, 年內 (the whole year); 年底前 (by 31 December); 不限 (unbounded)",
)

DURATION_FORMS: Final[tuple[str, ...]] = (
    "3天, 3日, 12小時, 3個工作日, 2週, 3個月, 5年 (a length)",
    "半天, 半個月, 半年, 一個半月, 一天半 (halves)",
    "8個月左右, 約8個月 (about)",
    "不少於3個月, 至少3個月, 3個月以上, 提前3天 (at least)",
    "不超過2天, 最多2天, 2天以下 (at most)",
    "3天內, 3個工作日內, 近5年, 近5年內 (within)",
    "整7天 (exactly)",
)

OFFSET_FORMS: Final[tuple[str, ...]] = (
    "會前, 會前7天, 提前3天, 提前半天 (before the anchor; a count is a minimum lead)",
    "會前3天內 (within 3 days before)",
    "會後, 會後3天, 會後3天內 (after the anchor; a count is a deadline)",
    "當天, 當日, 同日, 會上 (the same day)",
    "間隔半個月 (at least this long between consecutive events)",
    "近5年內 (within the 5 years before the anchor)",
)


def _error(text: str, zh: str, en: str, expected: tuple[str, ...] = WINDOW_FORMS) -> PhraseError:
    return PhraseError(text, zh, en, expected)


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

# Simplified → Traditional, only for characters that occur in calendar phrases.
# Traditional is the canonical form because format_* emit Traditional.
_S2T: Final = str.maketrans(
    "于个后内周间届会当号过两时钟头约从议结现场为开来礼长满余达东这",
    "於個後內週間屆會當號過兩時鐘頭約從議結現場為開來禮長滿餘達東這",
)

_DASHES: Final = re.compile(r"[-~‐‑‒–—―〜]+")
_BRACKETS: Final = {
    "(": ")",
    "[": "]",
    "{": "}",
    "【": "】",
    "〔": "〕",
    "「": "」",
    "『": "』",
    "“": "”",
    "‘": "’",
    '"': '"',
    "《": "》",
    "〈": "〉",
}
_OPENER_OF: Final = {close: open_ for open_, close in _BRACKETS.items()}
_CLOSERS: Final = frozenset(_OPENER_OF)
_TRAILING_PUNCT: Final = "。，,；;、：:！!？?．"


def normalize_phrase(text: str) -> str:
    """Return *text* in the canonical form the parsers read.

    NFKC (full-width digits, brackets and dashes become ASCII), all whitespace removed,
    Simplified characters mapped to Traditional, every dash or tilde made ``-``,
    trailing punctuation and surrounding brackets stripped.
    """
    s = unicodedata.normalize("NFKC", text)
    s = "".join(s.split())
    s = s.translate(_S2T)
    s = _DASHES.sub("-", s)
    changed = True
    while changed and s:
        changed = False
        stripped = s.rstrip(_TRAILING_PUNCT)
        if stripped != s:
            s, changed = stripped, True
        if not s:
            break
        if len(s) >= 2 and _BRACKETS.get(s[0]) == s[-1]:
            s, changed = s[1:-1], True
        # A phrase cut out of running text often keeps only one bracket of its pair.
        elif s[-1] in _CLOSERS and _OPENER_OF[s[-1]] not in s:
            s, changed = s[:-1], True
        elif s[0] in _BRACKETS and _BRACKETS[s[0]] not in s:
            s, changed = s[1:], True
    return s


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

_CN_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
# Short on purpose: years have at most four digits and days two; a longer run of digits
# is not a calendar number, and int() on thousands of digits raises ValueError in 3.11.
_NUM: Final = r"(?:[0-9]{1,6}|[〇零一二兩三四五六七八九十廿卅]{1,6})"
_TENS_RE: Final = re.compile(r"([一二三四五六七八九])?十([一二三四五六七八九])?")
_NIAN_SA_RE: Final = re.compile(r"([廿卅])([一二三四五六七八九])?")


def _number(tok: str) -> int | None:
    """Value of an Arabic or Chinese numeral token, or None if it is malformed."""
    if re.fullmatch(r"[0-9]+", tok):
        return int(tok)
    if tok == "兩":
        return 2
    m = _TENS_RE.fullmatch(tok)
    if m:
        tens = _CN_DIGITS[m.group(1)] if m.group(1) else 1
        ones = _CN_DIGITS[m.group(2)] if m.group(2) else 0
        return tens * 10 + ones
    m = _NIAN_SA_RE.fullmatch(tok)
    if m:
        base = 20 if m.group(1) == "廿" else 30
        return base + (_CN_DIGITS[m.group(2)] if m.group(2) else 0)
    if tok and all(c in _CN_DIGITS for c in tok):
        # Digit-by-digit form, as in years: 二〇一四.
        return int("".join(str(_CN_DIGITS[c]) for c in tok))
    return None


# ---------------------------------------------------------------------------
# Windows
# ---------------------------------------------------------------------------


def _check_bound(instance: Window, attribute: attrs.Attribute[date | None], value: date | None) -> None:
    # datetime is a date subclass, but comparing one with a date raises TypeError later.
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise TypeError(f"Window.{attribute.name} must be a date or None, not {value!r}")


@attrs.frozen
class Window:
    """An inclusive date window (日期窗口).

    Attributes:
        start: first day allowed, or ``None`` for unbounded in the past.
        end: last day allowed, or ``None`` for unbounded in the future.
        phrase: the source words the window was read from; kept for messages and
            ignored by ``==`` and ``hash``.

    ``start`` and ``end`` must be plain dates (not datetimes) and ``start <= end``
    when both are given; otherwise the constructor raises ``TypeError`` /
    ``ValueError``.
    """

    start: date | None = attrs.field(validator=_check_bound)
    end: date | None = attrs.field(validator=_check_bound)
    phrase: str | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"Window start {self.start} is after end {self.end}")

    def contains(self, d: date) -> bool:
        """True if day *d* lies in the window, ends included (a datetime counts by its date)."""
        if isinstance(d, datetime):
            d = d.date()
        if self.start is not None and d < self.start:
            return False
        return self.end is None or d <= self.end

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.contains(d)

    def __str__(self) -> str:
        """ISO form: ``2014-03-11..2014-03-20``; an open side is left empty (``..2014-02-25``)."""
        left = self.start.isoformat() if self.start else ""
        right = self.end.isoformat() if self.end else ""
        return f"{left}..{right}"


_Grain = Literal["day", "xun", "month", "year"]


@attrs.frozen
class _Point:
    """One calendar point of a phrase, resolved to the days it covers."""

    first: date
    last: date
    grain: _Grain
    year: int
    month: int | None
    eom: bool  # 底/末: the point is the period's last day, read as a deadline
    explicit_year: bool
    explicit_month: bool
    bare_year: bool  # 年 / 年內 with no number


_POINT_RE: Final = re.compile(
    rf"(?:(?P<y>{_NUM})年度?|(?P<this>本年度?|今年|年度?))?"
    rf"(?:(?P<m>{_NUM})?(?P<mchar>月)份?)?"
    rf"(?:(?P<d>{_NUM})(?P<dmark>[日號])?|(?P<xun>上中|中下|上|中|下)旬|(?P<eom>[底末]))?"
)
_ISO_RE: Final = re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})(?:[-/.](?P<d>[0-9]{1,2}))?")

_XUN_DAYS: Final = {"上": (1, 10), "中": (11, 20), "下": (21, 31), "上中": (1, 20), "中下": (11, 31)}
# Fixed, not calendar.month_name, which follows the locale.
_MONTH_EN: Final = ("", *"January February March April May June July August September October November December".split())


def _check_year(text: str, y: int) -> int:
    if not 1 <= y <= 9999:
        raise _error(
            text,
            f"年份{y}超出範圍（應為1至9999）",
            f"year {y} is out of range (1 to 9999)",
            ("a year from 1 to 9999",),
        )
    return y


def _check_month(text: str, m: int) -> int:
    if not 1 <= m <= 12:
        raise _error(
            text,
            f"沒有{m}月：月份應為1至12",
            f"there is no month {m}: months run from 1 to 12",
            ("a month from 1 to 12",),
        )
    return m


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _check_day(text: str, y: int, m: int, d: int) -> date:
    last = _last_day(y, m)
    if not 1 <= d <= last:
        raise _error(
            text,
            f"{y}年{m}月沒有{d}日（該月只有{last}天）",
            f"{_MONTH_EN[m]} {y} has no day {d} (it has {last} days)",
            (f"a day from 1 to {last}",),
        )
    return date(y, m, d)


def _needs_month(text: str, what: str, example: str) -> PhraseError:
    return _error(
        text,
        f"「{what}」缺少月份，例如「{example}」",
        f"'{what}' needs a month, e.g. {example}",
        ("a month before the day, 旬 or 底: 2月25日前, 3月中旬, 2月底前",),
    )


def _shift_day(text: str, d: date, days: int) -> date:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        raise _error(
            text,
            "日期超出可表示的範圍（1年至9999年）",
            "the date falls outside the representable range (years 1 to 9999)",
            ("a date between the years 1 and 9999",),
        ) from None


def _point(
    text: str,
    s: str,
    year: int,
    *,
    ctx_month: int | None = None,
    bare_day: bool = False,
) -> _Point | None:
    """Read one calendar point from *s*.

    Returns None when *s* is not shaped like a point; raises PhraseError when it is
    shaped like one but names an impossible date.
    """
    if not s:
        return None
    iso = _ISO_RE.fullmatch(s)
    if iso:
        iy = _check_year(text, int(iso["y"]))
        im = _check_month(text, int(iso["m"]))
        if iso["d"] is None:
            return _month_point(iy, im, explicit_year=True)
        iday = _check_day(text, iy, im, int(iso["d"]))
        return _Point(iday, iday, "day", iy, im, False, True, True, False)

    g = _POINT_RE.fullmatch(s)
    if g is None:
        return None
    nums: dict[str, int | None] = {}
    for key in ("y", "m", "d"):
        tok = g[key]
        nums[key] = None if tok is None else _number(tok)
        if tok is not None and nums[key] is None:
            return None
    bare_year = g["this"] is not None
    explicit_year = g["y"] is not None
    y_num = nums["y"]
    y = _check_year(text, y_num) if y_num is not None else year
    m_num = nums["m"]
    m = _check_month(text, m_num) if m_num is not None else None
    has_mchar = g["mchar"] is not None
    if bare_year and has_mchar:
        return None  # 年3月 is not a phrase; 年 alone only qualifies 底 / 內
    if has_mchar and m is None:
        if ctx_month is None:
            tail = g["xun"] + "旬" if g["xun"] else g["eom"] or ""
            raise _needs_month(text, "月" + tail, "2月" + tail)
        m = ctx_month
    explicit_month = m_num is not None

    d_tok = g["d"]
    if d_tok is not None:
        if g["dmark"] is None and not (bare_day and explicit_month):
            return None
        if bare_year:
            return None
        month = m if m is not None else ctx_month
        if month is None:
            raise _needs_month(text, f"{d_tok}日", f"2月{d_tok}日")
        d_num = nums["d"]
        assert d_num is not None
        day = _check_day(text, y, month, d_num)
        return _Point(day, day, "day", y, month, False, explicit_year, explicit_month, False)

    if g["xun"] is not None:
        month = m if m is not None else ctx_month
        if month is None or bare_year:
            raise _needs_month(text, g["xun"] + "旬", f"3月{g['xun']}旬")
        lo, hi = _XUN_DAYS[g["xun"]]
        hi = min(hi, _last_day(y, month))
        return _Point(
            date(y, month, lo), date(y, month, hi), "xun", y, month, False, explicit_year, explicit_month, False
        )

    if g["eom"] is not None:
        if m is None and not has_mchar and (explicit_year or bare_year):
            end = date(y, 12, 31)
            return _Point(end, end, "year", y, None, True, explicit_year, False, bare_year)
        month = m if m is not None else ctx_month
        if month is None:
            raise _needs_month(text, "月" + g["eom"], "2月" + g["eom"])
        end = date(y, month, _last_day(y, month))
        return _Point(end, end, "month", y, month, True, explicit_year, explicit_month, False)

    if m is not None:
        return _month_point(y, m, explicit_year=explicit_year, explicit_month=explicit_month)
    if explicit_year or bare_year:
        return _Point(date(y, 1, 1), date(y, 12, 31), "year", y, None, False, explicit_year, False, bare_year)
    return None


def _month_point(y: int, m: int, *, explicit_year: bool, explicit_month: bool = True) -> _Point:
    return _Point(
        date(y, m, 1),
        date(y, m, _last_day(y, m)),
        "month",
        y,
        m,
        False,
        explicit_year,
        explicit_month,
        False,
    )


_BEFORE_SUFFIXES: Final = ("之前", "以前", "前")
_AFTER_SUFFIXES: Final = ("之後", "以後", "後")
_FROM_SUFFIXES: Final = ("開始", "以來", "起")
_WITHIN_SUFFIXES: Final = ("以內", "之內", "期間", "內")
_SUFFIXES: Final = sorted(
    _BEFORE_SUFFIXES + _AFTER_SUFFIXES + _FROM_SUFFIXES + _WITHIN_SUFFIXES, key=len, reverse=True
)
_UNBOUNDED_WORDS: Final = frozenset({"不限", "不限時間", "不限期"})
_LEADING_WORDS: Final = ("從", "自", "由", "於", "在")


def _ambiguous_xun(text: str) -> PhraseError:
    return _error(
        text,
        "「旬前／旬後」有歧義（旬末之前還是旬初之前？），請寫具體日期，例如「3月20日前」或「3月10日前」",
        "'旬前/旬後' is ambiguous (by the end of the ten days, or before they begin?): "
        "name a day instead, e.g. 3月20日前 or 3月10日前",
        ("a day with 前/後: 3月20日前, 3月11日後", "the 旬 itself: 3月中旬"),
    )


def _single(text: str, s: str, year: int) -> Window | None:
    """A single point with an optional suffix (前, 後, 起, 內), or None."""
    for suffix in (*_SUFFIXES, ""):
        if suffix and not s.endswith(suffix):
            continue
        p = _point(text, s[: len(s) - len(suffix)], year)
        if p is None:
            continue
        if suffix in _BEFORE_SUFFIXES:
            if p.bare_year and not p.eom:
                return None  # 年前 colloquially means "before the Spring Festival"
            if p.eom or p.grain == "day":
                return Window(None, p.last, text)
            if p.grain == "xun":
                raise _ambiguous_xun(text)
            return Window(None, _shift_day(text, p.first, -1), text)
        if suffix in _AFTER_SUFFIXES:
            if p.bare_year or p.eom:
                return None
            if p.grain == "day":
                return Window(p.first, None, text)
            if p.grain == "xun":
                raise _ambiguous_xun(text)
            return Window(_shift_day(text, p.last, 1), None, text)
        if suffix in _FROM_SUFFIXES:
            if p.bare_year:
                return None
            return Window(p.first, None, text)
        if suffix in _WITHIN_SUFFIXES:
            if p.eom:
                return None
            return Window(p.first, p.last, text)
        # no suffix
        if p.eom:
            return Window(None, p.last, text)
        if p.bare_year and not s.startswith(("本", "今")):
            return None  # 年 alone says nothing
        return Window(p.first, p.last, text)
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
                raise _error(
                    text,
                    f"結束日期{rp.last.isoformat()}早於開始日期{lp.first.isoformat()}",
                    f"the span ends ({rp.last.isoformat()}) before it starts ({lp.first.isoformat()})",
                    ("a span whose end is not before its start: 3月11日至20日",),
                )
            return Window(lp.first, rp.last, text)
        except PhraseError as exc:
            if first_error is None:
                first_error = exc
    if first_error is not None:
        raise first_error
    return None


def parse_window(text: str, year: int) -> Window:
    """Read a calendar phrase as an inclusive :class:`Window`.

    Args:
        text: the phrase, e.g. ``"3月中旬"``, ``"(2月25日前)"``, ``"2月底前"``,
            ``"3月11日至4月20日"``, ``"2014-03-11"``; Traditional or Simplified.
        year: the year the plan is resolved in; a year written in the phrase wins.

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
        raise _error(str(text), f"年份{year!r}超出範圍", f"year {year!r} is out of range", ("a year from 1 to 9999",))
    s = normalize_phrase(text)
    if len(s) > _MAX_PHRASE_LENGTH:
        raise _error(text, "短語過長", "the phrase is too long to be a calendar phrase")
    if s in _UNBOUNDED_WORDS:
        return Window(None, None, text)
    for word in _LEADING_WORDS:
        if s.startswith(word) and len(s) > len(word):
            s = s[len(word) :]
            break
    w = _single(text, s, year)
    if w is None:
        w = _span(text, s, year)
    if w is None:
        if not s:
            raise _error(text, "沒有日期短語", "the phrase is empty")
        raise _error(text, "無法識別的日期短語", "not a calendar phrase this module reads")
    return w


_XUN_OF_START: Final = {1: "上", 11: "中", 21: "下"}


def _xun_of_end(d: date) -> str | None:
    if d.day == 10:
        return "上"
    if d.day == 20:
        return "中"
    if d.day == _last_day(d.year, d.month):
        return "下"
    return None


def _is_month_end(d: date) -> bool:
    return d.day == _last_day(d.year, d.month)


def format_window(w: Window, *, year: int | None = None) -> str:
    """Canonical (Traditional) Chinese phrase for *w*.

    ``parse_window(format_window(w), y) == w`` for every window and every ``y``: the
    year is always written.  With ``year=``, a year equal to it is left out, and then
    ``parse_window(format_window(w, year=y), y) == w``.

    The coarsest exact form is chosen: 年 / 月 / 旬 / 日, 底前 / 日前 / 起 / 日後,
    spans with ``至`` (``2014年3月11日至20日``); ``不限`` for an unbounded window.
    """
    s, e = w.start, w.end

    def y_(y: int) -> str:
        return "" if y == year else f"{y}年"

    if s is None and e is None:
        return "不限"
    if s is None:
        assert e is not None
        if e.month == 12 and e.day == 31:
            return "年底前" if e.year == year else f"{e.year}年底前"
        if _is_month_end(e):
            return f"{y_(e.year)}{e.month}月底前"
        return f"{y_(e.year)}{e.month}月{e.day}日前"
    if e is None:
        if s.month == 1 and s.day == 1 and s.year != year:
            return f"{s.year}年起"
        if s.day == 1:
            return f"{y_(s.year)}{s.month}月起"
        return f"{y_(s.year)}{s.month}月{s.day}日後"

    same_year = s.year == e.year
    right_year = "" if same_year else f"{e.year}年"
    # Whole years.
    if (s.month, s.day) == (1, 1) and (e.month, e.day) == (12, 31):
        if same_year:
            return "年內" if s.year == year else f"{s.year}年"
        return f"{s.year}年至{e.year}年"
    # Whole months.
    if s.day == 1 and _is_month_end(e):
        if same_year and s.month == e.month:
            return f"{y_(s.year)}{s.month}月"
        return f"{y_(s.year)}{s.month}月至{right_year}{e.month}月"
    # Thirds of months (旬).
    xs, xe = _XUN_OF_START.get(s.day), _xun_of_end(e)
    if xs is not None and xe is not None:
        if same_year and s.month == e.month:
            combined = xs if xs == xe else xs + xe
            return f"{y_(s.year)}{s.month}月{combined}旬"
        return f"{y_(s.year)}{s.month}月{xs}旬至{right_year}{e.month}月{xe}旬"
    # Days.
    head = f"{y_(s.year)}{s.month}月{s.day}日"
    if s == e:
        return head
    if same_year and s.month == e.month:
        return f"{head}至{e.day}日"
    return f"{head}至{right_year}{e.month}月{e.day}日"


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------


def _as_fraction(value: int | Fraction) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        raise TypeError(f"Duration amount must be an int or Fraction, not {value!r}")
    return Fraction(value)


def _check_amount(instance: Duration, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if (2 * value).denominator != 1:
        raise ValueError(f"Duration amount must be a whole or half number, not {value}")


@attrs.frozen
class Duration:
    """A length of time with a bound (時長), as plans state it.

    Attributes:
        amount: a whole or half number of units (``Fraction(1, 2)`` for 半); ints are
            converted to ``Fraction``.  Phrases always give ``amount >= 0``; a negative
            amount is allowed only as arithmetic shorthand — :func:`add_duration` then
            moves backward, exactly as :func:`subtract_duration` does with the positive
            amount — and has no Chinese phrase (:func:`format_duration` raises
            ``ValueError``).
        unit: ``"hour"``, ``"day"``, ``"working_day"`` (工作日), ``"week"``, ``"month"``
            or ``"year"``.
        bound: how the amount limits a measured length: ``"at_least"`` (不少於, 至少,
            以上), ``"about"`` (左右, 約), ``"at_most"`` (不超過, 最多), ``"within"`` (內,
            近 — also ``<=``, but tied to an anchor), ``"exactly"`` (no bound word).
    """

    amount: Fraction = attrs.field(converter=_as_fraction, validator=_check_amount)
    unit: Unit = attrs.field(validator=attrs.validators.in_(UNITS))
    bound: Bound = attrs.field(default="exactly", validator=attrs.validators.in_(BOUNDS))

    def accepts(self, length: Fraction | int | float, *, tolerance: Fraction | float = ABOUT_TOLERANCE) -> bool:
        """True if a measured *length* (in this duration's unit) satisfies the bound.

        ``about`` accepts ``|length - amount| <= tolerance * amount`` (relative tolerance).
        """
        amount = self.amount
        if self.bound == "at_least":
            return length >= amount
        if self.bound in ("at_most", "within"):
            return length <= amount
        if self.bound == "exactly":
            return length == amount
        return abs(Fraction(length) - amount) <= Fraction(tolerance) * amount

    def accepts_span(
        self,
        start: date,
        end: date,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> bool:
        """True if the time from *start* to *end*, measured in this unit, satisfies the bound."""
        return self.accepts(measure(start, end, self.unit, working_day=working_day), tolerance=tolerance)

    def describe_en(self) -> str:
        """English wording for messages: ``"about 8 months"``, ``"at least half a day"``."""
        quantity = _quantity_en(self.amount, self.unit)
        prefix = {
            "at_least": "at least ",
            "about": "about ",
            "at_most": "at most ",
            "within": "within ",
            "exactly": "",
        }[self.bound]
        return prefix + quantity

    def __str__(self) -> str:
        return format_duration(self)


_UNIT_EN: Final = {
    "hour": "hour",
    "day": "day",
    "working_day": "working day",
    "week": "week",
    "month": "month",
    "year": "year",
}


def _quantity_en(amount: Fraction, unit: Unit) -> str:
    name = _UNIT_EN[unit]
    if amount == Fraction(1, 2):
        return f"half a {name}"
    n = str(amount.numerator) if amount.denominator == 1 else f"{float(amount):g}"
    return f"{n} {name}" + ("" if amount == 1 else "s")


_UNIT_WORDS: Final[dict[str, Unit]] = {
    "小時": "hour",
    "鐘頭": "hour",
    "工作日": "working_day",
    "星期": "week",
    "禮拜": "week",
    "週": "week",
    "月": "month",
    "天": "day",
    "日": "day",
    "年": "year",
}
_QUANTITY_RE: Final = re.compile(
    rf"(?:(?P<n>{_NUM})(?P<ge1>個)?(?P<h1>半)?|(?P<h0>半))(?P<ge2>個)?"
    rf"(?P<u>小時|鐘頭|工作日|星期|禮拜|週|月|天|日|年)(?P<h2>半)?"
)
_GE_UNITS: Final = frozenset({"小時", "鐘頭", "工作日", "星期", "禮拜", "月"})

_PREFIX_BOUNDS: Final[tuple[tuple[str, Bound], ...]] = (
    ("不少於", "at_least"),
    ("不低於", "at_least"),
    ("不短於", "at_least"),
    ("至少", "at_least"),
    ("最少", "at_least"),
    ("起碼", "at_least"),
    ("提前", "at_least"),
    ("不超過", "at_most"),
    ("不超出", "at_most"),
    ("不多於", "at_most"),
    ("不長於", "at_most"),
    ("最多", "at_most"),
    ("至多", "at_most"),
    ("最長", "at_most"),
    ("大約", "about"),
    ("大致", "about"),
    ("大概", "about"),
    ("約", "about"),
    ("近", "within"),
    ("正好", "exactly"),
    ("恰好", "exactly"),
    ("整整", "exactly"),
    ("整", "exactly"),
)
_SUFFIX_BOUNDS: Final[tuple[tuple[str, Bound], ...]] = (
    ("及以上", "at_least"),
    ("或以上", "at_least"),
    ("以上", "at_least"),
    ("以下", "at_most"),
    ("左右", "about"),
    ("上下", "about"),
    ("以內", "within"),
    ("之內", "within"),
    ("內", "within"),
)
_FILLER_SUFFIXES: Final = ("的時間", "時間", "之久")


def _duration(text: str, s: str, default_bound: Bound, expected: tuple[str, ...]) -> Duration:
    """Read a (normalised) duration phrase; *default_bound* applies when no bound word is present."""
    if len(s) > _MAX_PHRASE_LENGTH:
        raise PhraseError(text, "短語過長", "the phrase is too long to be a duration", expected)
    prefix_bound: Bound | None = None
    for word, b in _PREFIX_BOUNDS:
        if s.startswith(word):
            prefix_bound, s = b, s[len(word) :]
            break
    suffix_bound: Bound | None = None
    for word, b in _SUFFIX_BOUNDS:
        if s.endswith(word):
            suffix_bound, s = b, s[: -len(word)]
            break
    for filler in _FILLER_SUFFIXES:
        if s.endswith(filler):
            s = s[: -len(filler)]
            break
    if prefix_bound and suffix_bound and prefix_bound != suffix_bound:
        raise PhraseError(
            text,
            "前後兩個限定詞互相矛盾",
            f"the bound words contradict each other ({prefix_bound} vs {suffix_bound})",
            expected,
        )
    bound: Bound = prefix_bound or suffix_bound or default_bound

    q = _QUANTITY_RE.fullmatch(s)
    if q is None:
        raise PhraseError(text, "無法識別的時長", "not a length of time this module reads", expected)
    halves = [k for k in ("h0", "h1", "h2") if q[k]]
    counters = [k for k in ("ge1", "ge2") if q[k]]
    word = q["u"]
    if len(halves) > 1 or len(counters) > 1 or (q["h1"] and not q["ge1"]):
        raise PhraseError(text, "無法識別的時長", "not a length of time this module reads", expected)
    if counters and word not in _GE_UNITS:
        raise PhraseError(text, f"「個{word}」不是時長寫法", f"'個{word}' is not how a length is written", expected)
    if word == "月" and not counters and not q["h0"]:
        raise PhraseError(
            text,
            f"「{s}」是日曆月份；表示時長請寫「{q['n'] or ''}個月」",
            f"'{s}' names a calendar month; for a length write {q['n'] or ''}個月",
            expected,
        )
    amount = Fraction(0)
    if q["n"] is not None:
        n = _number(q["n"])
        if n is None:
            raise PhraseError(text, "無法識別的數字", f"'{q['n']}' is not a number", expected)
        amount = Fraction(n)
    if halves:
        amount += Fraction(1, 2)
    return Duration(amount, _UNIT_WORDS[word], bound)


def parse_duration(text: str) -> Duration:
    """Read a length of time such as ``8個月左右``, ``不少於3個月``, ``3個工作日內``, ``半天``.

    Bound words: 不少於/至少/最少/提前/以上 → at_least; 不超過/最多/至多/以下 → at_most;
    左右/約/大約/大致 → about; 內/以內/近 → within; 整/正好 → exactly; none → exactly.
    ``N月`` without 個 is a calendar month and is rejected (write ``N個月``).

    Raises:
        PhraseError: the only exception for unreadable text.
    """
    return _duration(text, normalize_phrase(text), "exactly", DURATION_FORMS)


def _quantity_zh(amount: Fraction, unit: Unit) -> str:
    word, counter = {
        "hour": ("小時", True),
        "day": ("天", False),
        "working_day": ("工作日", True),
        "week": ("週", False),
        "month": ("月", True),
        "year": ("年", False),
    }[unit]
    n = math.floor(amount)
    half = amount != n
    ge = "個" if counter else ""
    if not half:
        return f"{n}{ge}{word}"
    if n == 0:
        return f"半{ge}{word}"
    return f"{n}個半{word}" if counter else f"{n}{word}半"


def format_duration(d: Duration) -> str:
    """Canonical Chinese for *d*: ``8個月左右``, ``不少於3個月``, ``3個工作日內``, ``半天``.

    ``parse_duration(format_duration(d)) == d`` for every Duration with ``amount >= 0``.

    Raises:
        ValueError: for a negative amount, which no phrase expresses.
    """
    if d.amount < 0:
        raise ValueError(f"a negative duration ({d.amount} {d.unit}) has no Chinese phrase")
    q = _quantity_zh(d.amount, d.unit)
    return {
        "at_least": f"不少於{q}",
        "at_most": f"不超過{q}",
        "about": f"{q}左右",
        "within": f"{q}內",
        "exactly": q,
    }[d.bound]


# ---------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------

_US_PER_SECOND: Final = 1_000_000
_SECONDS: Final[dict[str, int]] = {"hour": 3600, "day": 86400, "week": 7 * 86400}


def _microseconds(td: timedelta) -> int:
    return td // timedelta(microseconds=1)


def _scaled(td: timedelta, factor: Fraction) -> timedelta:
    # timedelta * Fraction is not supported; go through integer microseconds (truncating).
    return timedelta(microseconds=int(_microseconds(td) * factor))


def _as_datetime(d: date) -> datetime:
    return d if isinstance(d, datetime) else datetime.combine(d, time())


def add_working_days(d: _DT, n: int, is_working_day: Callable[[date], bool]) -> _DT:
    """The *n*-th working day after *d* (before it when *n* < 0); *d* itself is not counted.

    ``n == 0`` returns *d* unchanged.  *is_working_day* decides, so 調休 (a weekend made a
    working day) is the caller's calendar.  A datetime keeps its time of day.

    Raises:
        ValueError: if no working day turns up within ten years of searching.
    """
    step = 1 if n > 0 else -1
    remaining = abs(n)
    current = d
    idle = 0
    while remaining:
        try:
            current = current + timedelta(days=step)
        except OverflowError:
            raise ValueError("add_working_days ran past the representable dates") from None
        day = current.date() if isinstance(current, datetime) else current
        if is_working_day(day):
            remaining -= 1
            idle = 0
        else:
            idle += 1
            if idle > 3660:
                raise ValueError("is_working_day returned False for ten years in a row")
    return current


def _shift_months(x: datetime, months: Fraction, sign: int) -> datetime:
    # A half month interpolates between the same day of this and the next month, so that
    # measure() below is the exact inverse of adding.
    n = math.floor(months)
    frac = months - n
    base: datetime = x + relativedelta(months=sign * n)
    if frac:
        nxt: datetime = x + relativedelta(months=sign * (n + 1))
        base = base + _scaled(nxt - base, frac)
    return base


def _shift(
    d: _DT,
    amount: Fraction,
    unit: Unit,
    sign: int,
    working_day: Callable[[date], bool] | None,
) -> _DT:
    if amount < 0:
        amount, sign = -amount, -sign
    if unit == "working_day":
        if working_day is None:
            raise ValueError("a duration in working days (工作日) needs a working_day calendar")
        if amount.denominator != 1:
            raise ValueError("half working days cannot be added")
        return add_working_days(d, sign * int(amount), working_day)
    x = _as_datetime(d)
    try:
        if unit in _SECONDS:
            seconds = amount * _SECONDS[unit]
            result = x + sign * timedelta(microseconds=int(seconds * _US_PER_SECOND))
        elif unit == "month":
            result = _shift_months(x, amount, sign)
        else:
            result = _shift_months(x, amount * 12, sign)
    except OverflowError:
        raise ValueError("the result falls outside the representable dates") from None
    if isinstance(d, datetime):
        return result
    # A date stands for its midnight; the result is the day the instant falls on.
    return result.date()


def add_duration(
    d: _DT,
    dur: Duration,
    *,
    working_day: Callable[[date], bool] | None = None,
) -> _DT:
    """*d* moved forward by ``dur.amount`` units; the bound is ignored.

    Months and years use ``dateutil.relativedelta`` (1月31日 + 1個月 = 2月28日); a half
    month or half year interpolates toward the next one (半年 = 6 months).  A ``date``
    stands for its midnight and the result is the date on which the instant falls
    (2月24日 + 半天 = 2月24日); a ``datetime`` stays exact.

    Raises:
        ValueError: a ``working_day`` unit without the *working_day* calendar, half a
            working day, or a result outside years 1–9999.
    """
    return _shift(d, dur.amount, dur.unit, 1, working_day)


def subtract_duration(
    d: _DT,
    dur: Duration,
    *,
    working_day: Callable[[date], bool] | None = None,
) -> _DT:
    """*d* moved backward by ``dur.amount`` units; otherwise as :func:`add_duration`.

    A date result is the day the instant falls on, so 2月24日 − 半天 = 2月23日.
    """
    return _shift(d, dur.amount, dur.unit, -1, working_day)


def _measure_months(a: datetime, b: datetime) -> Fraction:
    if b < a:
        return -_measure_months(b, a)
    n = (b.year - a.year) * 12 + (b.month - a.month)
    while n > 0 and a + relativedelta(months=n) > b:
        n -= 1
    while a + relativedelta(months=n + 1) <= b:
        n += 1
    lo = a + relativedelta(months=n)
    hi = a + relativedelta(months=n + 1)
    return n + Fraction(_microseconds(b - lo), _microseconds(hi - lo))


def measure(
    a: date,
    b: date,
    unit: Unit,
    *,
    working_day: Callable[[date], bool] | None = None,
) -> Fraction:
    """Exact length from *a* to *b* in *unit* (negative if *b* is before *a*).

    Hours, days and weeks are elapsed time (dates stand for their midnights).  Months
    count whole calendar months from *a* plus the fraction of the next one, so that
    ``measure(a, add_duration(a, Duration(k, "month")), "month") == k`` for datetimes;
    years are months / 12.  Working days count the working days in ``(a, b]`` (for
    *b* before *a*: minus those in ``[b, a)``), the inverse of :func:`add_working_days`.

    Raises:
        ValueError: ``working_day`` unit without a *working_day* calendar.
    """
    if unit == "working_day":
        if working_day is None:
            raise ValueError("measuring in working days (工作日) needs a working_day calendar")
        da = a.date() if isinstance(a, datetime) else a
        db = b.date() if isinstance(b, datetime) else b
        # Count the working days stepped onto when walking from a to b, so that
        # measure(a, add_working_days(a, n)) == n in both directions.
        step = 1 if db >= da else -1
        days = (da + timedelta(days=step * k) for k in range(1, abs((db - da).days) + 1))
        return Fraction(step * sum(1 for day in days if working_day(day)))
    x, y = _as_datetime(a), _as_datetime(b)
    if unit in _SECONDS:
        return Fraction(_microseconds(y - x), _SECONDS[unit] * _US_PER_SECOND)
    months = _measure_months(x, y)
    return months if unit == "month" else months / 12


def months_between(a: date, b: date) -> float:
    """Calendar months from *a* to *b* as a float (see :func:`measure` for the exact value).

    ``months_between(date(2014, 1, 15), date(2014, 9, 15)) == 8.0``; used with
    :meth:`Duration.accepts` to judge ``8個月左右``.
    """
    return float(measure(a, b, "month"))


# ---------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------


def _check_offset(instance: Offset, attribute: attrs.Attribute[Duration | None], value: Duration | None) -> None:
    if value is not None and value.amount < 0:
        raise ValueError("an offset's duration must not be negative: the direction says which way")
    if instance.direction == "same_day" and value is not None:
        raise ValueError("a same-day offset (當天) takes no duration")
    if instance.direction == "interval" and value is None:
        raise ValueError("an interval offset (間隔) needs a duration")


@attrs.frozen
class Offset:
    """A time relative to an anchor event (相對時間): 會前7天, 會後3天內, 提前半天, 當天, 間隔半個月.

    Attributes:
        direction: ``"before"`` / ``"after"`` the anchor, ``"same_day"`` as the anchor, or
            ``"interval"`` — the gap between consecutive events of one kind.
        duration: how far (never negative), with its bound; ``None`` for plain 會前 / 會後 (any time
            before / after) and always for ``same_day``; required for ``interval``.

    Meaning of the bound, for ``before`` (``after`` mirrors it):

    * ``at_least`` n — no later than n before the anchor (會前7天, 提前半天);
    * ``within`` / ``at_most`` n — between n before and the anchor (會前3天內, 近5年內);
    * ``exactly`` n — at n before; ``about`` n — within the tolerance around n before.
    """

    direction: Direction = attrs.field(validator=attrs.validators.in_(DIRECTIONS))
    duration: Duration | None = attrs.field(default=None, validator=_check_offset)

    def bounds(
        self,
        anchor: _DT,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> tuple[_DT | None, _DT | None]:
        """Earliest and latest allowed instants (inclusive; ``None`` = open) around *anchor*.

        Raises:
            ValueError: for ``interval`` offsets, which have no anchor (use :meth:`accepts`).
        """
        if self.direction == "interval":
            raise ValueError("an interval offset (間隔) has no window; use Offset.accepts(previous, next)")
        if self.direction == "same_day":
            return anchor, anchor
        sign = -1 if self.direction == "before" else 1
        dur = self.duration
        if dur is None:
            return (None, anchor) if sign < 0 else (anchor, None)

        def at(amount: Fraction) -> _DT:
            assert dur is not None
            return _shift(anchor, amount, dur.unit, sign, working_day)

        if dur.bound == "at_least":
            near: _DT | None = at(dur.amount)
            far: _DT | None = None
        elif dur.bound in ("within", "at_most"):
            near, far = anchor, at(dur.amount)
        elif dur.bound == "exactly":
            near = far = at(dur.amount)
        else:
            tol = Fraction(tolerance)
            near, far = at(dur.amount * max(Fraction(0), 1 - tol)), at(dur.amount * (1 + tol))
        return (far, near) if sign < 0 else (near, far)

    def window(
        self,
        anchor: date,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> Window:
        """The allowed days around an anchor *date*, as a :class:`Window`.

        Dates stand for their midnights: 提前半天 before 2月24日 gives ``..2014-02-23``.
        """
        if isinstance(anchor, datetime):
            anchor = anchor.date()
        lo, hi = self.bounds(anchor, working_day=working_day, tolerance=tolerance)
        return Window(lo, hi, format_offset(self))

    def accepts(
        self,
        anchor: date,
        when: date,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> bool:
        """True if an event at *when* satisfies the offset from the event at *anchor*.

        For ``interval`` *anchor* is the previous event and *when* the next one.  If
        either is a plain date both are compared as dates.
        """
        if not (isinstance(anchor, datetime) and isinstance(when, datetime)):
            anchor = anchor.date() if isinstance(anchor, datetime) else anchor
            when = when.date() if isinstance(when, datetime) else when
        if self.direction == "interval":
            assert self.duration is not None
            gap = measure(anchor, when, self.duration.unit, working_day=working_day)
            return self.duration.accepts(gap, tolerance=tolerance)
        lo, hi = self.bounds(anchor, working_day=working_day, tolerance=tolerance)
        return (lo is None or lo <= when) and (hi is None or when <= hi)

    def describe_en(self) -> str:
        """English wording for messages: ``"at least half a day before"``, ``"on the same day"``."""
        if self.direction == "same_day":
            return "on the same day"
        if self.duration is None:
            return self.direction
        if self.direction == "interval":
            return f"{self.duration.describe_en()} apart"
        return f"{self.duration.describe_en()} {self.direction}"

    def __str__(self) -> str:
        return format_offset(self)


_SAME_DAY_WORDS: Final = frozenset(
    {"當天", "當日", "同日", "同天", "同一天", "會上", "會中", "會議上", "現場", "當場", "同時"}
)
_INTERVAL_PREFIXES: Final = ("間隔", "相隔", "每隔")
_BEFORE_PREFIXES: Final = ("會議召開前", "會議前", "會前", "事前", "提前", "之前", "以前", "前")
_AFTER_PREFIXES: Final = ("會議結束後", "會議後", "會後", "事後", "結束後", "之後", "以後", "後")


def parse_offset(text: str) -> Offset:
    """Read an offset from an anchor event.

    ``會前`` / ``會後`` (any time before / after), ``會前7天`` / ``提前3天`` / ``提前半天``
    (at least that long before), ``會前3天內`` (within), ``會後3天`` / ``會後3天內`` (within
    3 days after), ``當天`` / ``當日`` / ``同日`` / ``會上`` (same day), ``間隔半個月`` (at
    least half a month between consecutive events), ``近5年內`` (within 5 years before).
    Explicit bound words (至少, 不超過, 左右, 整, 內) override these defaults.

    Raises:
        PhraseError: the only exception for unreadable text.
    """
    s = normalize_phrase(text)
    if len(s) > _MAX_PHRASE_LENGTH:
        raise PhraseError(text, "短語過長", "the phrase is too long to be an offset", OFFSET_FORMS)
    if s in _SAME_DAY_WORDS:
        return Offset("same_day")
    if s.startswith("近"):
        return Offset("before", _duration(text, s, "within", OFFSET_FORMS))
    direction: Direction
    default: Bound
    for prefixes, direction, default in (
        (_INTERVAL_PREFIXES, "interval", "at_least"),
        (_BEFORE_PREFIXES, "before", "at_least"),
        (_AFTER_PREFIXES, "after", "within"),
    ):
        for prefix in prefixes:
            if not s.startswith(prefix):
                continue
            rest = s[len(prefix) :]
            if not rest and direction != "interval":
                return Offset(direction)
            return Offset(direction, _duration(text, rest, default, OFFSET_FORMS))
    raise PhraseError(text, "無法識別的相對時間", "not an offset this module reads", OFFSET_FORMS)


def format_offset(o: Offset) -> str:
    """Canonical Chinese for *o*; ``parse_offset(format_offset(o)) == o`` for every Offset.

    ``會前`` / ``會後`` / ``當天``; ``提前3天`` (before, at least), ``會前3天內``,
    ``會前不超過3天``, ``會前3天左右``, ``會前整3天``; ``會後3天內`` (after, within),
    ``會後至少3天``, ``會後不超過3天``, ``會後3天左右``, ``會後整3天``; ``間隔半個月``
    (at least), ``間隔不超過…``, ``間隔…內``, ``間隔…左右``, ``間隔整…``.
    """
    if o.direction == "same_day":
        return "當天"
    dur = o.duration
    if dur is None:
        return "會前" if o.direction == "before" else "會後"
    q = _quantity_zh(dur.amount, dur.unit)
    head = {"before": "會前", "after": "會後", "interval": "間隔"}[o.direction]
    if o.direction == "before" and dur.bound == "at_least":
        return f"提前{q}"
    if o.direction == "interval" and dur.bound == "at_least":
        return f"間隔{q}"
    if o.direction == "after" and dur.bound == "within":
        return f"會後{q}內"
    return {
        "at_least": f"{head}至少{q}",
        "at_most": f"{head}不超過{q}",
        "about": f"{head}{q}左右",
        "within": f"{head}{q}內",
        "exactly": f"{head}整{q}",
    }[dur.bound]
