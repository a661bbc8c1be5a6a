"""masswork-holidays-cn: the working-day calendar of mainland China for masswork —
official public holidays and the weekend days that are working days (調休), from
``chinesecalendar``, with an override file for years it does not cover yet."""

from __future__ import annotations

from .calendar import (
    HOLIDAY_NAMES,
    CalendarCoverageError,
    ChineseCalendar,
    Override,
    library_years,
    load_override,
    override_from_dict,
)

__version__ = "0.1.0"

__all__ = [
    "HOLIDAY_NAMES",
    "CalendarCoverageError",
    "ChineseCalendar",
    "Override",
    "library_years",
    "load_override",
    "override_from_dict",
    "__version__",
]
