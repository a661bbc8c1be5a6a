"""Calendar phrase → :class:`~masswork.periods.windows.Window` (``parse_window``).

Table-driven as dateutil's parser is: a phrase is one *point* (``_POINT_RE``: year,
month, day / 旬 / 底) or a span of two points (``_SPAN_SEPARATORS``), and a point's
suffix (``_SUFFIX_RULES``: 前, 後, 起, 內 …) decides how the point becomes a window.
A new phrase is a new row, not a new branch.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final, Literal

import attrs

from .errors import PhraseError, _error
from .normalize import _NUM, _number, normalize_phrase
from .units import _MAX_PHRASE_LENGTH
from .windows import Window

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


def parse_window(text: str, year: int, *, around: int = AROUND_DAYS) -> Window:
    """Read a calendar phrase as an inclusive :class:`Window`.

    Args:
        text: the phrase, e.g. ``"3月中旬"``, ``"(2月25日前)"``, ``"2月底前"``,
            ``"3月11日至4月20日"``, ``"2014-03-11"``; Traditional or Simplified.
        year: the year the plan is resolved in; a year written in the phrase wins.
        around: days either side for ``X前後`` (七一前後 → 6月24日至7月8日 by default).

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
    s = _named_day(s)
    w = _around(text, s, year, around)
    if w is None:
        w = _single(text, s, year)
    if w is None:
        w = _span(text, s, year)
    if w is None:
        if not s:
            raise _error(text, "沒有日期短語", "the phrase is empty")
        raise _error(text, "無法識別的日期短語", "not a calendar phrase this module reads")
    return w
