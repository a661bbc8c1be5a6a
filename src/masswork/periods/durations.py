"""Lengths of time with a bound (:class:`Duration`) and their phrases (``parse_duration``).

The bound words are two tables (``_PREFIX_BOUNDS``, ``_SUFFIX_BOUNDS``), one row per
word; the quantity is one regular expression (``_QUANTITY_RE``) over the unit words
of ``_UNIT_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Final

import attrs

from .arithmetic import measure
from ..i18n import Msg
from .errors import DURATION, _error
from .formatting import _quantity_en, format_duration
from .normalize import _NUM, _number, normalize_phrase
from .units import _MAX_PHRASE_LENGTH, ABOUT_TOLERANCE, BOUNDS, UNITS, Bound, Unit

def _as_fraction(value: int | Fraction) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        raise TypeError(f"Duration amount must be an int or Fraction, not {value!r}")
    return Fraction(value)


def _check_amount(instance: Duration, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if (2 * value).denominator != 1:
        raise ValueError(f"Duration amount must be a whole or half number, not {value}")


@attrs.frozen
class Duration:
    """A length of time with a bound (時長), as plans state it.

    Attributes:
        amount: a whole or half number of units (``Fraction(1, 2)`` for 半); ints are
            converted to ``Fraction``.  Phrases always give ``amount >= 0``; a negative
            amount is allowed only as arithmetic shorthand — :func:`add_duration` then
            moves backward, exactly as :func:`subtract_duration` does with the positive
            amount — and has no Chinese phrase (:func:`format_duration` raises
            ``ValueError``).
        unit: ``"minute"`` (分鐘), ``"hour"``, ``"day"``, ``"working_day"`` (工作日), ``"week"``, ``"month"``
            or ``"year"``.
        bound: how the amount limits a measured length: ``"at_least"`` (不少於, 至少,
            以上), ``"about"`` (左右, 約), ``"at_most"`` (不超過, 最多), ``"within"`` (內,
            近 — also ``<=``, but tied to an anchor), ``"exactly"`` (no bound word).
    """

    amount: Fraction = attrs.field(converter=_as_fraction, validator=_check_amount)
    unit: Unit = attrs.field(validator=attrs.validators.in_(UNITS))
    bound: Bound = attrs.field(default="exactly", validator=attrs.validators.in_(BOUNDS))

    def accepts(self, length: Fraction | int | float, *, tolerance: Fraction | float = ABOUT_TOLERANCE) -> bool:
        """True if a measured *length* (in this duration's unit) satisfies the bound.

        ``about`` accepts ``|length - amount| <= tolerance * amount`` (relative tolerance).
        """
        amount = self.amount
        if self.bound == "at_least":
            return length >= amount
        if self.bound in ("at_most", "within"):
            return length <= amount
        if self.bound == "exactly":
            return length == amount
        return abs(Fraction(length) - amount) <= Fraction(tolerance) * amount

    def accepts_span(
        self,
        start: date,
        end: date,
        *,
        working_day: Callable[[date], bool] | None = None,
        tolerance: Fraction | float = ABOUT_TOLERANCE,
    ) -> bool:
        """True if the time from *start* to *end*, measured in this unit, satisfies the bound."""
        return self.accepts(measure(start, end, self.unit, working_day=working_day), tolerance=tolerance)

    def describe_en(self) -> str:
        """English wording for messages: ``"about 8 months"``, ``"at least half a day"``."""
        quantity = _quantity_en(self.amount, self.unit)
        prefix = {
            "at_least": "at least ",
            "about": "about ",
            "at_most": "at most ",
            "within": "within ",
            "exactly": "",
        }[self.bound]
        return prefix + quantity

    def __str__(self) -> str:
        return format_duration(self)


_UNIT_WORDS: Final[dict[str, Unit]] = {
    "分鐘": "minute",
    "小時": "hour",
    "鐘頭": "hour",
    "工作日": "working_day",
    "星期": "week",
    "禮拜": "week",
    "週": "week",
    "月": "month",
    "天": "day",
    "日": "day",
    "年": "year",
}
_QUANTITY_RE: Final = re.compile(
    rf"(?:(?P<n>{_NUM})(?P<ge1>個)?(?P<h1>半)?|(?P<h0>半))(?P<ge2>個)?"
    rf"(?P<u>分鐘|小時|鐘頭|工作日|星期|禮拜|週|月|天|日|年)(?P<h2>半)?"
)
_GE_UNITS: Final = frozenset({"小時", "鐘頭", "工作日", "星期", "禮拜", "月"})

_PREFIX_BOUNDS: Final[tuple[tuple[str, Bound], ...]] = (
    ("不少於", "at_least"),
    ("不低於", "at_least"),
    ("不短於", "at_least"),
    ("至少", "at_least"),
    ("最少", "at_least"),
    ("起碼", "at_least"),
    ("提前", "at_least"),
    ("不超過", "at_most"),
    ("不超出", "at_most"),
    ("不多於", "at_most"),
    ("不長於", "at_most"),
    ("最多", "at_most"),
    ("至多", "at_most"),
    ("最長", "at_most"),
    ("大約", "about"),
    ("大致", "about"),
    ("大概", "about"),
    ("約", "about"),
    ("近", "within"),
    ("正好", "exactly"),
    ("恰好", "exactly"),
    ("整整", "exactly"),
    ("整", "exactly"),
)
_SUFFIX_BOUNDS: Final[tuple[tuple[str, Bound], ...]] = (
    ("及以上", "at_least"),
    ("或以上", "at_least"),
    ("以上", "at_least"),
    ("以下", "at_most"),
    ("左右", "about"),
    ("上下", "about"),
    ("以內", "within"),
    ("之內", "within"),
    ("內", "within"),
)
_FILLER_SUFFIXES: Final = ("的時間", "時間", "之久")


def _duration(text: str, s: str, default_bound: Bound, expected: tuple[Msg, ...]) -> Duration:
    """Read a (normalised) duration phrase; *default_bound* applies when no bound word is present."""
    if len(s) > _MAX_PHRASE_LENGTH:
        raise _error(text, "phrase.too_long_duration", expected)
    prefix_bound: Bound | None = None
    for word, b in _PREFIX_BOUNDS:
        if s.startswith(word):
            prefix_bound, s = b, s[len(word) :]
            break
    suffix_bound: Bound | None = None
    for word, b in _SUFFIX_BOUNDS:
        if s.endswith(word):
            suffix_bound, s = b, s[: -len(word)]
            break
    for filler in _FILLER_SUFFIXES:
        if s.endswith(filler):
            s = s[: -len(filler)]
            break
    if prefix_bound and suffix_bound and prefix_bound != suffix_bound:
        raise _error(text, "phrase.bounds_contradict", expected, first=prefix_bound, second=suffix_bound)
    bound: Bound = prefix_bound or suffix_bound or default_bound

    q = _QUANTITY_RE.fullmatch(s)
    if q is None:
        raise _error(text, "phrase.unknown_duration", expected)
    halves = [k for k in ("h0", "h1", "h2") if q[k]]
    counters = [k for k in ("ge1", "ge2") if q[k]]
    word = q["u"]
    if len(halves) > 1 or len(counters) > 1 or (q["h1"] and not q["ge1"]):
        raise _error(text, "phrase.unknown_duration", expected)
    if counters and word not in _GE_UNITS:
        raise _error(text, "phrase.bad_counter", expected, word=word)
    if word == "月" and not counters and not q["h0"]:
        raise _error(text, "phrase.calendar_month", expected, phrase=s, n=q["n"] or "")
    amount = Fraction(0)
    if q["n"] is not None:
        n = _number(q["n"])
        if n is None:
            raise _error(text, "phrase.not_a_number", expected, n=q["n"])
        amount = Fraction(n)
    if halves:
        amount += Fraction(1, 2)
    return Duration(amount, _UNIT_WORDS[word], bound)


def parse_duration(text: str) -> Duration:
    """Read a length of time such as ``8個月左右``, ``不少於3個月``, ``3個工作日內``, ``半天``.

    Bound words: 不少於/至少/最少/提前/以上 → at_least; 不超過/最多/至多/以下 → at_most;
    左右/約/大約/大致 → about; 內/以內/近 → within; 整/正好 → exactly; none → exactly.
    ``N月`` without 個 is a calendar month and is rejected (write ``N個月``).

    Raises:
        PhraseError: the only exception for unreadable text.
    """
    return _duration(text, normalize_phrase(text), "exactly", DURATION)
