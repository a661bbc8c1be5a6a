"""Working days: the calendar protocol the engine and reminders ask, and the plain
Monday-to-Friday calendar used when no plugin supplies a better one.

Chinese public holidays move working days (調休): a Saturday can be a working day. That
knowledge lives in a plugin (``masswork-holidays-cn``) answering the
``masswork_working_day_calendar`` hook; masswork itself only knows weekends.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

__all__ = ["WorkingCalendar", "WeekendCalendar"]


@runtime_checkable
class WorkingCalendar(Protocol):
    """Tells working days from rest days.

    ``is_working_day`` must answer for every date it is asked about or raise
    :class:`~masswork.errors.MassworkError` saying which year it does not cover — never guess.
    ``holiday`` names the holiday a rest day belongs to (``"清明節 Qingming Festival"``), or
    returns None for an ordinary weekend or a working day.
    """

    name: str

    def is_working_day(self, day: dt.date) -> bool: ...

    def holiday(self, day: dt.date) -> str | None: ...


class WeekendCalendar:
    """Monday to Friday are working days; nothing else is known."""

    name = "weekends"

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5

    def holiday(self, day: dt.date) -> str | None:
        return None
