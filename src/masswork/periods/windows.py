"""The inclusive date window (:class:`Window`) every calendar phrase resolves to."""

from __future__ import annotations

from datetime import date, datetime

import attrs

def _check_bound(instance: Window, attribute: attrs.Attribute[date | None], value: date | None) -> None:
    # datetime is a date subclass, but comparing one with a date raises TypeError later.
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise TypeError(f"Window.{attribute.name} must be a date or None, not {value!r}")


@attrs.frozen
class Window:
    """An inclusive date window (日期窗口).

    Attributes:
        start: first day allowed, or ``None`` for unbounded in the past.
        end: last day allowed, or ``None`` for unbounded in the future.
        phrase: the source words the window was read from; kept for messages and
            ignored by ``==`` and ``hash``.

    ``start`` and ``end`` must be plain dates (not datetimes) and ``start <= end``
    when both are given; otherwise the constructor raises ``TypeError`` /
    ``ValueError``.
    """

    start: date | None = attrs.field(validator=_check_bound)
    end: date | None = attrs.field(validator=_check_bound)
    phrase: str | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"Window start {self.start} is after end {self.end}")

    def contains(self, d: date) -> bool:
        """True if day *d* lies in the window, ends included (a datetime counts by its date)."""
        if isinstance(d, datetime):
            d = d.date()
        if self.start is not None and d < self.start:
            return False
        return self.end is None or d <= self.end

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.contains(d)

    def __str__(self) -> str:
        """ISO form: ``2014-03-11..2014-03-20``; an open side is left empty (``..2014-02-25``)."""
        left = self.start.isoformat() if self.start else ""
        right = self.end.isoformat() if self.end else ""
        return f"{left}..{right}"
