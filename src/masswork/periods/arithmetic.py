"""Durations added to and measured between dates (months via ``dateutil.relativedelta``)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from dateutil.relativedelta import relativedelta

from .units import _DT, Unit
from .working_days import add_working_days, count_working_days

if TYPE_CHECKING:
    from .durations import Duration

_US_PER_SECOND: Final = 1_000_000
_SECONDS: Final[dict[str, int]] = {"minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400}


def _microseconds(td: timedelta) -> int:
    return td // timedelta(microseconds=1)


def _scaled(td: timedelta, factor: Fraction) -> timedelta:
    # timedelta * Fraction is not supported; go through integer microseconds (truncating).
    return timedelta(microseconds=int(_microseconds(td) * factor))


def _as_datetime(d: date) -> datetime:
    return d if isinstance(d, datetime) else datetime.combine(d, time())


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
        # Count the working days stepped onto when walking from a to b, so that
        # measure(a, add_working_days(a, n)) == n in both directions.
        return Fraction(count_working_days(a, b, working_day))
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
