"""Values → canonical (Traditional) Chinese and English wording.

``format_window``, ``format_duration`` and ``format_offset`` are the inverses of the
parsers (``parse_x(format_x(v)) == v``); ``_quantity_zh`` / ``_quantity_en`` word an
amount of a unit for them and for messages.
"""

from __future__ import annotations

import calendar
import math
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from .units import Unit

if TYPE_CHECKING:
    from .durations import Duration
    from .offsets import Offset
    from .windows import Window


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


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


_UNIT_EN: Final = {
    "minute": "minute",
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


def _quantity_zh(amount: Fraction, unit: Unit) -> str:
    word, counter = {
        "minute": ("分鐘", False),
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
