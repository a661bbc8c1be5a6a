"""Times relative to an anchor event (:class:`Offset`): 會前7天, 會後3天內, 提前半天, 當天, 間隔半個月."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from fractions import Fraction
from typing import Final

import attrs

from .arithmetic import _shift, measure
from .durations import Duration, _duration
from .errors import OFFSET, _error
from .formatting import format_offset
from .normalize import normalize_phrase
from .units import _DT, _MAX_PHRASE_LENGTH, ABOUT_TOLERANCE, DIRECTIONS, Bound, Direction
from .windows import Window

def _check_offset(instance: Offset, attribute: attrs.Attribute[Duration | None], value: Duration | None) -> None:
    if value is not None and value.amount < 0:
        raise ValueError("an offset's duration must not be negative: the direction says which way")
    if instance.direction == "same_day" and value is not None:
        raise ValueError("a same-day offset (當天) takes no duration")
    if instance.direction == "interval" and value is None:
        raise ValueError("an interval offset (間隔) needs a duration")


@attrs.frozen
class Offset:
    """A time relative to an anchor event (相對時間): 會前7天, 會後3天內, 提前半天, 當天, 間隔半個月.

    Attributes:
        direction: ``"before"`` / ``"after"`` the anchor, ``"same_day"`` as the anchor, or
            ``"interval"`` — the gap between consecutive events of one kind.
        duration: how far (never negative), with its bound; ``None`` for plain 會前 / 會後 (any time
            before / after) and always for ``same_day``; required for ``interval``.

    Meaning of the bound, for ``before`` (``after`` mirrors it):

    * ``at_least`` n — no later than n before the anchor (會前7天, 提前半天);
    * ``within`` / ``at_most`` n — between n before and the anchor (會前3天內, 近5年內);
    * ``exactly`` n — at n before; ``about`` n — within the tolerance around n before.
    """

    direction: Direction = attrs.field(validator=attrs.validators.in_(DIRECTIONS))
    duration: Duration | None = attrs.field(default=None, validator=_check_offset)

    def bounds(
        self,
        anchor: _DT,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> tuple[_DT | None, _DT | None]:
        """Earliest and latest allowed instants (inclusive; ``None`` = open) around *anchor*.

        Raises:
            ValueError: for ``interval`` offsets, which have no anchor (use :meth:`accepts`).
        """
        if self.direction == "interval":
            raise ValueError("an interval offset (間隔) has no window; use Offset.accepts(previous, next)")
        if self.direction == "same_day":
            return anchor, anchor
        sign = -1 if self.direction == "before" else 1
        dur = self.duration
        if dur is None:
            return (None, anchor) if sign < 0 else (anchor, None)

        def at(amount: Fraction) -> _DT:
            assert dur is not None
            return _shift(anchor, amount, dur.unit, sign, working_day)

        if dur.bound == "at_least":
            near: _DT | None = at(dur.amount)
            far: _DT | None = None
        elif dur.bound in ("within", "at_most"):
            near, far = anchor, at(dur.amount)
        elif dur.bound == "exactly":
            near = far = at(dur.amount)
        else:
            tol = Fraction(tolerance)
            near, far = at(dur.amount * max(Fraction(0), 1 - tol)), at(dur.amount * (1 + tol))
        return (far, near) if sign < 0 else (near, far)

    def window(
        self,
        anchor: date,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> Window:
        """The allowed days around an anchor *date*, as a :class:`Window`.

        Dates stand for their midnights: 提前半天 before 2月24日 gives ``..2014-02-23``.
        """
        if isinstance(anchor, datetime):
            anchor = anchor.date()
        lo, hi = self.bounds(anchor, working_day=working_day, tolerance=tolerance)
        return Window(lo, hi, format_offset(self))

    def accepts(
        self,
        anchor: date,
        when: date,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> bool:
        """True if an event at *when* satisfies the offset from the event at *anchor*.

        For ``interval`` *anchor* is the previous event and *when* the next one.  If
        either is a plain date both are compared as dates.
        """
        if not (isinstance(anchor, datetime) and isinstance(when, datetime)):
            anchor = anchor.date() if isinstance(anchor, datetime) else anchor
            when = when.date() if isinstance(when, datetime) else when
        if self.direction == "interval":
            assert self.duration is not None
            gap = measure(anchor, when, self.duration.unit, working_day=working_day)
            return self.duration.accepts(gap, tolerance=tolerance)
        lo, hi = self.bounds(anchor, working_day=working_day, tolerance=tolerance)
        return (lo is None or lo <= when) and (hi is None or when <= hi)

    def describe_en(self) -> str:
        """English wording for messages: ``"at least half a day before"``, ``"on the same day"``."""
        if self.direction == "same_day":
            return "on the same day"
        if self.duration is None:
            return self.direction
        if self.direction == "interval":
            return f"{self.duration.describe_en()} apart"
        return f"{self.duration.describe_en()} {self.direction}"

    def __str__(self) -> str:
        return format_offset(self)


_SAME_DAY_WORDS: Final = frozenset(
    {"當天", "當日", "同日", "同天", "同一天", "會上", "會中", "會議上", "現場", "當場", "同時"}
)
_INTERVAL_PREFIXES: Final = ("間隔", "相隔", "每隔")
_BEFORE_PREFIXES: Final = ("會議召開前", "會議前", "會前", "事前", "提前", "之前", "以前", "前")
_AFTER_PREFIXES: Final = ("會議結束後", "會議後", "會後", "事後", "結束後", "之後", "以後", "後")


def parse_offset(text: str) -> Offset:
    """Read an offset from an anchor event.

    ``會前`` / ``會後`` (any time before / after), ``會前7天`` / ``提前3天`` / ``提前半天``
    (at least that long before), ``會前3天內`` (within), ``會後3天`` / ``會後3天內`` (within
    3 days after), ``當天`` / ``當日`` / ``同日`` / ``會上`` (same day), ``間隔半個月`` (at
    least half a month between consecutive events), ``近5年內`` (within 5 years before).
    Explicit bound words (至少, 不超過, 左右, 整, 內) override these defaults.

    Raises:
        PhraseError: the only exception for unreadable text.
    """
    s = normalize_phrase(text)
    if len(s) > _MAX_PHRASE_LENGTH:
        raise _error(text, "phrase.too_long_offset", OFFSET)
    if s in _SAME_DAY_WORDS:
        return Offset("same_day")
    if s.startswith("近"):
        return Offset("before", _duration(text, s, "within", OFFSET))
    direction: Direction
    default: Bound
    for prefixes, direction, default in (
        (_INTERVAL_PREFIXES, "interval", "at_least"),
        (_BEFORE_PREFIXES, "before", "at_least"),
        (_AFTER_PREFIXES, "after", "within"),
    ):
        for prefix in prefixes:
            if not s.startswith(prefix):
                continue
            rest = s[len(prefix) :]
            if not rest and direction != "interval":
                return Offset(direction)
            return Offset(direction, _duration(text, rest, default, OFFSET))
    raise _error(text, "phrase.unknown_offset", OFFSET)
