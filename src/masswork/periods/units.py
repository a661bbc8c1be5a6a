"""The vocabulary every calendar module shares: units, bounds, directions, tolerances.

Kept apart so that parsing, formatting and arithmetic can each name a unit without
importing one another.
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from typing import Final, Literal, TypeVar, get_args

Unit = Literal["minute", "hour", "day", "working_day", "week", "month", "year"]
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
