"""Dates and times as clerks type them into a ledger, recognised by a table of patterns
(one row per way of writing a day), as dateutil's parser recognises its phrases.

A cell may hold a date or date-time the spreadsheet already knows (``datetime``), an Excel
serial number (days since 1899-12-30 in the 1900 date system), or text:
``2014-03-05``, ``2014/3/5``, ``2014.3.5``, ``2014年3月5日``, ``二〇一四年三月五日``,
``3月5日`` (the plan's year), with or without a time (``2014-03-05 09:00``,
``3月5日上午9:30``, ``下午2時``). Full-width digits count as digits.

Why not dateutil.parser here: it reads ``3.5`` as 3 May or 5 March depending on flags and
knows no 年/月/日 nor 上午/下午; a ledger date must be either read exactly or reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

__all__ = ["parse_day", "parse_time", "from_serial", "DateCellError", "DAY_PATTERNS"]

_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_FULLWIDTH = {ord("０") + i: ord("0") + i for i in range(10)} | {
    ord("／"): ord("/"), ord("－"): ord("-"), ord("．"): ord("."), ord("："): ord(":"), ord("　"): ord(" ")}
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


class DateCellError(ValueError):
    """The text is not a date (or time); the message says what was expected."""


def _cn_number(text: str) -> int:
    """二〇一四 → 2014 (digit by digit), 十二 → 12, 二十五 → 25, 三十一 → 31."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


_NUM = r"[0-9]+|[〇零○一二兩两三四五六七八九十]+"
_TIME = r"(?:\s*(?P<time>(?:上午|下午|晚上|早上|中午)?\s*[0-9]{1,2}\s*(?:[:時时点點]\s*(?:[0-9]{1,2})?\s*分?)?))?"

# One row per way of writing a day: (pattern, needs the plan's year).
DAY_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"^(?P<y>[0-9]{{4}})-(?P<m>[0-9]{{1,2}})-(?P<d>[0-9]{{1,2}})(?:[T ]\s*(?P<time>[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?))?$"), False),
    (re.compile(rf"^(?P<y>[0-9]{{4}})/(?P<m>[0-9]{{1,2}})/(?P<d>[0-9]{{1,2}}){_TIME}$"), False),
    (re.compile(rf"^(?P<y>[0-9]{{4}})\.(?P<m>[0-9]{{1,2}})\.(?P<d>[0-9]{{1,2}}){_TIME}$"), False),
    (re.compile(rf"^(?P<y>[0-9]{{4}}|[〇零○一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日號号]?{_TIME}$"), False),
    (re.compile(rf"^(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日號号]?{_TIME}$"), True),
)
EXPECTED = "2014-03-05, 2014/3/5, 2014.3.5, 2014年3月5日, 3月5日"


def from_serial(value: float) -> dt.datetime:
    """An Excel serial day number (1900 date system) as a date-time."""
    if not 1 <= value < 2958466:  # 9999-12-31
        raise DateCellError(f"{value!r} is outside the days Excel can hold")
    return _EXCEL_EPOCH + dt.timedelta(days=value)


def parse_time(text: str) -> dt.time:
    """``09:00``, ``9:00``, ``9時30分``, ``上午9點``, ``下午2:30`` → a time."""
    t = text.translate(_FULLWIDTH).strip()
    m = re.fullmatch(r"(上午|下午|晚上|早上|中午)?\s*([0-9]{1,2})\s*(?:[:時时点點]\s*([0-9]{1,2})?\s*分?)?(?::([0-9]{2}))?", t)
    if not m:
        raise DateCellError("not a time")
    half, hour, minute, second = m.group(1), int(m.group(2)), int(m.group(3) or 0), int(m.group(4) or 0)
    if half in ("下午", "晚上") and hour < 12:
        hour += 12
    if half == "中午" and hour < 6:
        hour += 12
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        raise DateCellError("not a time") from None


def parse_day(text: str, year: Callable[[], int | None]) -> dt.date | dt.datetime:
    """A day (or day and time) written in one of :data:`DAY_PATTERNS`. ``year()`` supplies
    the plan's year for a date written without one. Raises :class:`DateCellError`."""
    t = text.translate(_FULLWIDTH).strip()
    for pattern, needs_year in DAY_PATTERNS:
        m = pattern.match(t)
        if not m:
            continue
        if needs_year:
            y = year()
            if y is None:
                raise DateCellError("a date without its year needs the plan (its year)")
        else:
            y = _cn_number(m.group("y"))
        try:
            day = dt.date(y, _cn_number(m.group("m")), _cn_number(m.group("d")))
        except (ValueError, KeyError):
            raise DateCellError("no such day") from None
        if m.group("time"):
            return dt.datetime.combine(day, parse_time(m.group("time")))
        return day
    raise DateCellError("not a date")
