"""Days and date windows as a reader's language writes them, built as catalogue messages.

A day is ``Msg("date.day", y=…, d=…, month=Msg("date.month.N"))``: Chinese writes
``2014年2月25日``, English ``25 February 2014``. A window is one of the ``span.*`` messages,
chosen by which ends it has and what they share (one row each in :data:`_SPAN_FORMS`):

=====================  ==============================  ==================================
window                 English                         Chinese
=====================  ==============================  ==================================
one day                on 24 February 2014             2014年2月24日
no start               by 25 February 2014             2014年2月25日前
no end                 from 1 March 2014               2014年3月1日起
same month             between 1 and 15 March 2014     2014年3月1日至15日
same year              between 25 February and 3 ...   2014年2月25日至3月3日
otherwise              between … and …                 …至…
=====================  ==============================  ==================================

With the plan's own words (``phrase``), :func:`span` quotes them after the dates
(``span.quoted``: ``by 25 February 2014 (“2月25日前”)``), unless they are only ISO dates
already said. Every piece is a parameter, never pasted text, so JSON output (``Msg.to_dict``)
keeps the numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .message import Msg

__all__ = ["day", "span"]

_ISO_ONLY = re.compile(r"^[\d\s.\-/:]*$")


def day(d: dt.date) -> Msg:
    """``d`` as ``2014年2月25日`` / ``25 February 2014`` (a datetime counts by its date)."""
    if isinstance(d, dt.datetime):
        d = d.date()
    return Msg.of("date.day", y=d.year, d=d.day, month=_month(d))


def _month(d: dt.date) -> Msg:
    return Msg.of(f"date.month.{d.month}")


def _between(a: dt.date, b: dt.date) -> Msg:
    return Msg.of("span.between", start=day(a), end=day(b))


def _same_month(a: dt.date, b: dt.date) -> Msg:
    return Msg.of("span.between_month", y=a.year, month=_month(a), start_d=a.day, end_d=b.day)


def _same_year(a: dt.date, b: dt.date) -> Msg:
    return Msg.of("span.between_year", y=a.year, start_d=a.day, end_d=b.day, start_month=_month(a),
                  end_month=_month(b))


# (test on start and end, message builder): the first row that fits is used.
_SPAN_FORMS: tuple[tuple[Callable[[dt.date, dt.date], bool], Callable[[dt.date, dt.date], Msg]], ...] = (
    (lambda a, b: a == b, lambda a, _b: Msg.of("span.on", day=day(a))),
    (lambda a, b: (a.year, a.month) == (b.year, b.month), _same_month),
    (lambda a, b: a.year == b.year, _same_year),
    (lambda _a, _b: True, _between),
)


def _dates(start: dt.date | None, end: dt.date | None) -> Msg:
    if start is None and end is None:
        return Msg.of("span.any")
    if start is None:
        assert end is not None
        return Msg.of("span.by", end=day(end))
    if end is None:
        return Msg.of("span.from", start=day(start))
    for fits, build in _SPAN_FORMS:
        if fits(start, end):
            return build(start, end)
    raise AssertionError("the last form fits every window")  # pragma: no cover


def span(start: dt.date | None, end: dt.date | None, phrase: str | None = None) -> Msg:
    """The window ``start``..``end`` (either may be open) in words, the plan's ``phrase``
    quoted after it when it says more than the dates."""
    dates = _dates(start, end)
    if not phrase or _ISO_ONLY.match(phrase):
        return dates
    return Msg.of("span.quoted", span=dates, phrase=phrase)
