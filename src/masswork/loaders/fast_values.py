"""The fast path's converters of single values (:mod:`masswork.loaders.fast`): text,
numbers, days and moments, and the same held to :class:`~masswork.loaders.limits.Limits` as
they go — whatever they accept, :func:`~masswork.loaders.limits.check_tree` would have
accepted; on anything else they raise :class:`Fallback` and the walker says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable
from typing import Any

import attrs

from .limits import Limits
from .shapes import INLINE

__all__ = ["Convert", "Fallback"]

Convert = Callable[[Any], Any]


class Fallback(Exception):
    """The fast path cannot say; ask the walker."""


def _fail() -> Any:
    raise Fallback


def _ident(data: Any) -> Any:
    return data


def _str(data: Any) -> Any:
    if type(data) is str:
        return data
    if isinstance(data, str):
        return data
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    raise Fallback


INLINE[_str] = ("str", None)


def _bool(data: Any) -> Any:
    if isinstance(data, bool):
        return data
    raise Fallback


def _int(data: Any) -> Any:
    if isinstance(data, int) and not isinstance(data, bool):
        return data
    raise Fallback


def _float(data: Any) -> Any:
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    raise Fallback


_MOMENTS: dict[str, Any] = {}


def _moment(data: Any) -> Any:
    if type(data) is str:
        # A schedule names the same few hundred days over and over; dates are immutable.
        found = _MOMENTS.get(data)
        if found is not None:
            return found
    if isinstance(data, dt.date):  # a datetime is a date too
        return data
    if isinstance(data, str):
        found = _parse_moment(data)
        if type(data) is str and len(_MOMENTS) < 8192:
            _MOMENTS[data] = found
        return found
    raise Fallback


def _parse_moment(data: str) -> Any:
    text = data.strip()
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text.replace(" ", "T", 1))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Fallback from None


def _date(data: Any) -> Any:
    if isinstance(data, dt.datetime):
        return data.date()
    return _moment(data)


def _capped(conv: Convert, cap: int) -> Convert:
    # check_tree holds a plan's requirements to max_requirements, other lists to max_items.
    def capped(data: Any) -> Any:
        if isinstance(data, (list, tuple)) and len(data) > cap:
            raise Fallback
        return conv(data)
    return capped


# -- the same converters holding the data to masswork.loaders.limits.Limits as they go:
# whatever they accept, check_tree would have accepted (they give up on anything else).


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate ("\ud800" in JSON)
        return False
    return True


_SCREENED = sys.maxsize
"""``max_string`` of limits whose strings the caller has screened (fast_structure(checked=))."""


def _within_str(lim: Limits) -> Convert:
    max_string = lim.max_string
    if max_string >= _SCREENED:
        return _str

    def within(data: Any) -> Any:
        if isinstance(data, str):
            if len(data) > max_string or not (data.isascii() or _encodable(data)):
                raise Fallback
            return data
        if isinstance(data, (dt.date, dt.datetime)):
            return data.isoformat()
        raise Fallback
    return within


def _text_checked(conv: Convert, lim: Limits) -> Convert:
    # A date or enum member read from text: the text is held to the string limits too.
    if lim.max_string >= _SCREENED:
        return conv
    text = _within_str(lim)

    def checked(data: Any) -> Any:
        if isinstance(data, str):
            text(data)
        return conv(data)
    return checked


def _within_number(lim: Limits, as_float: bool) -> Convert:
    max_int = lim.max_abs_int
    isfinite = math.isfinite

    def within(data: Any) -> Any:
        if isinstance(data, bool):
            raise Fallback
        if isinstance(data, int):
            if abs(data) > max_int:
                raise Fallback
            return float(data) if as_float else data
        if as_float and isinstance(data, float):
            if not isfinite(data) or abs(data) > max_int:
                raise Fallback
            return float(data)
        raise Fallback
    return within


def _within_plain(lim: Limits) -> Convert:
    # ``Any``: only a plain scalar within the limits; anything nested goes to the walker.
    text, number = _within_str(lim), _within_number(lim, as_float=True)
    max_int = lim.max_abs_int

    def within(data: Any) -> Any:
        if data is None or isinstance(data, bool):
            return data
        if isinstance(data, str):
            return text(data)
        if isinstance(data, int):
            if abs(data) > max_int:
                raise Fallback
            return data
        if isinstance(data, float):
            number(data)
            return data
        raise Fallback
    return within


def _screened(limits: Limits) -> Limits:
    out = _SCREENED_LIMITS.get(limits)
    if out is None:
        out = _SCREENED_LIMITS[limits] = attrs.evolve(limits, max_string=_SCREENED)
    return out


_SCREENED_LIMITS: dict[Limits, Limits] = {}
