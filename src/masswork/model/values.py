"""The plain values the model is made of: :data:`When` (a date as a plan writes it),
:data:`Moment` (a schedule's date or date-time), the two enums, and the converter that
makes every sequence field a tuple."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Union

__all__ = ["When", "Moment", "EventStatus", "Severity", "day_of", "_tuple"]

When = str
"""A date as written in a plan: ISO ``2014-02-25`` or a calendar phrase ``2月25日前``."""

Moment = Union[dt.date, dt.datetime]
"""A schedule date, with or without a time of day."""


def _tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        return (value,)
    return tuple(value)


def day_of(moment: Moment) -> dt.date:
    """The calendar day of a date or date-time."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


class EventStatus(str, enum.Enum):
    """Where an event stands in the ledger."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class Severity(str, enum.Enum):
    """An ``error`` requirement failing makes ``check`` exit 1; a ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"
