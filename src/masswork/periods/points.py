"""One calendar point of a phrase (``3月``, ``3月中旬``, ``2月25日``, ``2月底``, ``2014年``)
resolved to the days it covers, with what the words made explicit; :mod:`.parsing` turns
points into windows by their suffix.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Final, Literal

import attrs

from ..i18n import Msg
from .errors import PhraseError, _error
from .normalize import _NUM, _number

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


def _check_year(text: str, y: int) -> int:
    if not 1 <= y <= 9999:
        raise _error(text, "phrase.year_range", (Msg.of("phrase.expected.year"),), year=y)
    return y


def _check_month(text: str, m: int) -> int:
    if not 1 <= m <= 12:
        raise _error(text, "phrase.no_month", (Msg.of("phrase.expected.month"),), month=m)
    return m


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _check_day(text: str, y: int, m: int, d: int) -> date:
    last = _last_day(y, m)
    if not 1 <= d <= last:
        raise _error(text, "phrase.no_day", (Msg.of("phrase.expected.day", last=last),),
                     year=y, month=Msg.of(f"month.{m}"), day=d, last=last)
    return date(y, m, d)


def _needs_month(text: str, what: str, example: str) -> PhraseError:
    return _error(text, "phrase.needs_month", (Msg.of("phrase.expected.with_month"),), what=what, example=example)


def _shift_day(text: str, d: date, days: int) -> date:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        raise _error(text, "phrase.out_of_range", (Msg.of("phrase.expected.date_range"),)) from None


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
