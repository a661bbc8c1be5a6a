"""The fast path from plain data to the model: one converter function per type, built once
per class from its type hints, that either returns exactly what
:class:`~masswork.loaders.structure._Walker` would return or gives up.

It keeps no paths and writes no messages: when anything is off it raises :class:`Fallback`
and the caller re-runs the walker, which finds every problem with its key path, hint and
two languages. Valid files (nearly all of them) therefore pay only for conversion; invalid
ones pay twice, which is cheap next to a person reading the error.

Why not msgspec (measured twice, docs/performance.md): msgspec 0.23 refuses to decode into
the model itself ("Type unions may not contain more than one str-like type": the model's
``date | datetime``), so it could only decode into a shadow schema of Structs (0.9× the
time of ``json.loads`` on a unit's 300 events) and the same attrs objects would still be
built from those — the part that costs. Used only as an untyped JSON decoder in place of
``json.loads`` before these converters, it took 2.61 ms a unit against 2.79 ms (60 units
of 300 events, min of 15 interleaved passes): 6 % of loading a schedule, 3 % of checking a
unit, for a compiled core dependency whose refusals (NaN, a lone surrogate escape) differ from
``json.loads``'s and would each need the fallback. It did not earn its place.

The converters are split by what they convert: :mod:`.fast_values` (text, numbers, days,
and the same under limits), :mod:`.fast_attrs` (attrs classes), and this module (unions,
lists, mappings, enums, the cache, nesting depth).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import sys
import threading
import types
import typing
from collections.abc import Mapping
from typing import Any, Union

import attrs

__all__ = ["Fallback", "converter", "fast_structure", "depth"]

from .fast_attrs import attrs_converter
from .fast_values import (_MOMENTS, _SCREENED, Convert, Fallback, _bool, _date, _encodable, _fail, _float,
                          _ident, _int, _moment, _screened, _str, _text_checked, _within_number,
                          _within_plain, _within_str)
from .limits import Limits
from .shapes import INLINE

_NoneType = type(None)
_CACHE: dict[Any, Convert] = {}
_BUILDING: dict[Any, Convert] = {}
_LOCK = threading.RLock()


def _union(tp: Any, lim: Limits | None) -> Convert:
    all_args = typing.get_args(tp)
    args = [a for a in all_args if a is not _NoneType]
    nullable = _NoneType in all_args
    inner: Convert
    if set(args) == {dt.date, dt.datetime}:
        inner = _moment if lim is None else _text_checked(_moment, lim)
    elif len(args) == 1:
        inner = converter(args[0], lim)
    else:
        convs = [converter(a, lim) for a in args]

        def first(data: Any) -> Any:
            for c in convs:
                try:
                    return c(data)
                except Fallback:
                    continue
            raise Fallback
        inner = first

    # What the wrappers do for a string or a day already seen, the constructors of one
    # shape of record do inline (masswork.loaders.shapes).
    inline = ("str", None) if inner is _str else ("lookup", _MOMENTS) if inner is _moment else None
    if not nullable:
        def strict(data: Any) -> Any:
            if data is None:
                raise Fallback
            return inner(data)
        if inline is not None:
            INLINE[strict] = inline
        return strict

    def optional(data: Any) -> Any:
        return None if data is None else inner(data)
    if inline is not None:
        INLINE[optional] = inline
    return optional


def _tuple(tp: Any, lim: Limits | None) -> Convert:
    (inner_tp, *_rest) = typing.get_args(tp) or (Any,)
    inner = converter(inner_tp, lim)
    cap = lim.max_items if lim is not None else -1
    max_string = lim.max_string if lim is not None else -1
    if inner_tp is str and (lim is None or max_string >= _SCREENED):
        def strs(data: Any) -> Any:
            if isinstance(data, str):
                return (data,)
            if type(data) is list or isinstance(data, (list, tuple)):
                if cap >= 0 and len(data) > cap:
                    raise Fallback
                for item in data:
                    if type(item) is not str:
                        return tuple(map(inner, data))
                return tuple(data)
            raise Fallback
        INLINE[strs] = ("strs", cap if cap >= 0 else sys.maxsize)
        return strs
    if inner_tp is str:
        def strs_within(data: Any) -> Any:
            if isinstance(data, str):
                return (inner(data),)
            if type(data) is list or isinstance(data, (list, tuple)):
                if len(data) > cap:
                    raise Fallback
                for item in data:
                    if type(item) is not str or len(item) > max_string or not (item.isascii() or _encodable(item)):
                        return tuple(map(inner, data))
                return tuple(data)
            raise Fallback
        return strs_within

    def items(data: Any) -> Any:
        if not isinstance(data, (list, tuple)) or (cap >= 0 and len(data) > cap):
            raise Fallback
        return tuple(map(inner, data))
    return items


def _mapping(tp: Any, lim: Limits | None) -> Convert:
    args = typing.get_args(tp)
    inner = converter(args[1] if len(args) == 2 else Any, lim)
    if lim is None:
        def mapping(data: Any) -> Any:
            if not isinstance(data, Mapping):
                raise Fallback
            return {str(k): inner(v) for k, v in data.items()}
        return mapping
    key = _within_str(lim)

    def mapping_within(data: Any) -> Any:
        if not isinstance(data, Mapping):
            raise Fallback
        return {key(k): inner(v) for k, v in data.items()}
    return mapping_within


def _enum(tp: Any) -> Convert:
    # The value map first (what ``tp(data)`` looks in first, without EnumMeta.__call__).
    by_value = tp._value2member_map_

    def member(data: Any) -> Any:
        try:
            return by_value[data]
        except (KeyError, TypeError):
            pass
        try:
            return tp(data)
        except ValueError:
            raise Fallback from None
    INLINE[member] = ("lookup", by_value)
    return member


def _key(tp: Any, lim: Limits | None) -> Any:
    return tp if lim is None else (tp, lim)


def converter(tp: Any, limits: Limits | None = None) -> Convert:
    """The fast converter for a type (built once, then cached). With ``limits``, it also
    gives up on anything beyond them (:func:`masswork.loaders.limits.check_tree` then says
    what and where), so that a file needs no separate pass for its limits."""
    lim = limits
    try:
        return _CACHE[_key(tp, lim)]
    except (KeyError, TypeError):
        pass
    # Built by one thread at a time and published whole: a class's converter is registered
    # before its fields' converters exist (for classes that hold themselves), and a thread
    # that found it half made (the Dask engine checks units in threads) built objects with
    # slots unset. What is being built is seen only by the builder, in _BUILDING.
    with _LOCK:
        try:
            return _CACHE[_key(tp, lim)]
        except (KeyError, TypeError):
            pass
        # Only an attrs class is registered before it is complete, and that makes
        # _BUILDING non-empty: a build that starts with it empty holds nothing half made.
        outermost = not _BUILDING
        try:
            return _BUILDING[_key(tp, lim)]
        except (KeyError, TypeError):
            pass
        if not outermost:
            return _build(tp, lim)
        try:
            out = _build(tp, lim)
            _CACHE.update(_BUILDING)
            return out
        finally:
            _BUILDING.clear()  # after a failure, nothing half made is kept


def _build(tp: Any, lim: Limits | None) -> Convert:
    origin = typing.get_origin(tp)
    out: Convert
    if tp is Any or tp is object:
        out = _ident if lim is None else _within_plain(lim)
    elif origin in (Union, types.UnionType):
        out = _union(tp, lim)
    elif origin in (tuple, list):
        out = _tuple(tp, lim)
    elif origin in (dict, Mapping) or tp is Mapping or origin is typing.Mapping:
        out = _mapping(tp, lim)
    elif attrs.has(tp):
        return attrs_converter(tp, lim)
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        out = _enum(tp) if lim is None else _text_checked(_enum(tp), lim)
    elif lim is not None and tp in (dt.date, dt.datetime):
        out = _text_checked(_date if tp is dt.date else _moment, lim)
    elif lim is not None and tp is str:
        out = _within_str(lim)
    elif lim is not None and tp in (int, float):
        out = _within_number(lim, as_float=tp is float)
    else:
        out = {str: _str, bool: _bool, int: _int, float: _float, dt.datetime: _moment,
               dt.date: _date}.get(tp, lambda data: _fail())
    try:
        _BUILDING[_key(tp, lim)] = out
    except TypeError:
        pass
    return out


def depth(tp: Any, _seen: frozenset[Any] = frozenset()) -> float:
    """How deep plain data for ``tp`` can nest (tables and lists), as the nesting limit
    counts it; infinite for a type that holds itself or anything (``Any``) nested."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return max((depth(a, _seen) for a in typing.get_args(tp)), default=0)
    if origin in (tuple, list):
        (inner, *_rest) = typing.get_args(tp) or (Any,)
        return 1 + depth(inner, _seen)
    if origin in (dict, Mapping) or tp is Mapping or origin is typing.Mapping:
        args = typing.get_args(tp)
        return 1 + depth(args[1] if len(args) == 2 else Any, _seen)
    if attrs.has(tp):
        if tp in _seen:
            return math.inf
        from .structure import _hints

        hints = _hints(tp)
        return 1 + max((depth(hints[f.name], _seen | {tp}) for f in attrs.fields(tp)), default=0)
    return 0  # scalars; ``Any`` converts only scalars under limits (_within_plain)


_DEPTHS: dict[Any, float] = {}


def fast_structure(cls: type, data: Any, limits: Limits | None = None, *, checked: bool = False) -> Any:
    """``cls`` built from plain data, or :class:`Fallback` if anything is not as expected
    (with ``limits``: also if anything is beyond them; ``checked``: the caller has made
    sure that no string is too long or holds a lone surrogate, and strings are not looked
    at again)."""
    if limits is not None:
        deepest = _DEPTHS.get(cls)
        if deepest is None:
            deepest = _DEPTHS[cls] = depth(cls)
        if deepest > limits.max_depth:
            raise Fallback
        if checked:
            limits = _screened(limits)
    return converter(cls, limits)(data)
