"""Working-day arithmetic (工作日): stepping and counting under a caller's calendar.

The calendar is a predicate ``is_working_day(date) -> bool`` supplied by the caller, so
調休 (a weekend made a working day) and holidays are the caller's data, not this module's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from .units import _DT


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


def count_working_days(a: date, b: date, is_working_day: Callable[[date], bool]) -> int:
    """Working days stepped onto walking from *a* to *b*: those in ``(a, b]``, negative backwards.

    The inverse of :func:`add_working_days`: ``count_working_days(a, add_working_days(a, n)) == n``.
    """
    da = a.date() if isinstance(a, datetime) else a
    db = b.date() if isinstance(b, datetime) else b
    step = 1 if db >= da else -1
    days = (da + timedelta(days=step * k) for k in range(1, abs((db - da).days) + 1))
    return step * sum(1 for day in days if is_working_day(day))
