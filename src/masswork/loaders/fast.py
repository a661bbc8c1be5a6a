"""The fast path from plain data to the model: one converter function per type, built once
per class from its type hints, that either returns exactly what
:class:`~masswork.loaders.structure._Walker` would return or gives up.

It keeps no paths and writes no messages: when anything is off it raises :class:`Fallback`
and the caller re-runs the walker, which finds every problem with its key path, hint and
two languages. Valid files (nearly all of them) therefore pay only for conversion; invalid
ones pay twice, which is cheap next to a person reading the error.

Why not msgspec: measured on 100 000 S2 events (docs/performance.md), decoding into the
attrs model with msgspec was not faster than this path once the model's own converters run,
and msgspec cannot express the model's ``date | datetime`` union or the walker's
leniencies (a bare string for a one-item list, TOML dates in text fields) without a second,
shadow schema; as a core dependency it did not earn its place.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Union

import attrs

__all__ = ["Fallback", "converter", "fast_structure"]

from ..model import _tuple as _model_tuple

_NoneType = type(None)
_new = object.__new__
_set = object.__setattr__
Convert = Callable[[Any], Any]
_CACHE: dict[Any, Convert] = {}


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


def _moment(data: Any) -> Any:
    if isinstance(data, dt.date):  # a datetime is a date too
        return data
    if isinstance(data, str):
        text = data.strip()
        try:
            if "T" in text or " " in text:
                return dt.datetime.fromisoformat(text.replace(" ", "T", 1))
            return dt.date.fromisoformat(text)
        except ValueError:
            raise Fallback from None
    raise Fallback


def _date(data: Any) -> Any:
    if isinstance(data, dt.datetime):
        return data.date()
    return _moment(data)


def _union(tp: Any) -> Convert:
    all_args = typing.get_args(tp)
    args = [a for a in all_args if a is not _NoneType]
    nullable = _NoneType in all_args
    inner: Convert
    if set(args) == {dt.date, dt.datetime}:
        inner = _moment
    elif len(args) == 1:
        inner = converter(args[0])
    else:
        convs = [converter(a) for a in args]

        def first(data: Any) -> Any:
            for c in convs:
                try:
                    return c(data)
                except Fallback:
                    continue
            raise Fallback
        inner = first

    if not nullable:
        def strict(data: Any) -> Any:
            if data is None:
                raise Fallback
            return inner(data)
        return strict

    def optional(data: Any) -> Any:
        return None if data is None else inner(data)
    return optional


def _tuple(tp: Any) -> Convert:
    (inner_tp, *_rest) = typing.get_args(tp) or (Any,)
    inner = converter(inner_tp)
    if inner_tp is str:
        def strs(data: Any) -> Any:
            if isinstance(data, str):
                return (data,)
            if type(data) is list or isinstance(data, (list, tuple)):
                for item in data:
                    if type(item) is not str:
                        return tuple(map(inner, data))
                return tuple(data)
            raise Fallback
        return strs

    def items(data: Any) -> Any:
        if not isinstance(data, (list, tuple)):
            raise Fallback
        return tuple(map(inner, data))
    return items


def _mapping(tp: Any) -> Convert:
    args = typing.get_args(tp)
    inner = converter(args[1] if len(args) == 2 else Any)

    def mapping(data: Any) -> Any:
        if not isinstance(data, Mapping):
            raise Fallback
        return {str(k): inner(v) for k, v in data.items()}
    return mapping


def _enum(tp: Any) -> Convert:
    def member(data: Any) -> Any:
        try:
            return tp(data)
        except ValueError:
            raise Fallback from None
    return member


def _attrs(cls: type) -> Convert:
    from .structure import _hints

    fields = attrs.fields(cls)
    convs: dict[str, Convert] = {}
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
    known = frozenset(f.name for f in fields)

    def build(data: Any) -> Any:
        if not isinstance(data, Mapping):
            raise Fallback
        keys = data.keys()
        if not (keys <= known and required <= keys):
            raise Fallback
        try:
            return cls(**{k: convs[k](v) for k, v in data.items()})
        except (TypeError, ValueError):
            raise Fallback from None

    spec: list[tuple[str, Convert, Any, bool]] = []
    checks = [(f, f.validator) for f in fields if f.validator is not None]

    def direct(data: Any) -> Any:
        if not isinstance(data, Mapping):
            raise Fallback
        keys = data.keys()
        if not (keys <= known and required <= keys):
            raise Fallback
        obj: Any = _new(cls)
        for name, conv, default, factory in spec:
            if name in data:
                value = conv(data[name])
            else:
                value = default() if factory else default
            _set(obj, name, value)
        for field, check in checks:  # as __init__ would, once every field is set
            try:
                check(obj, field, getattr(obj, field.name))
            except (TypeError, ValueError):
                raise Fallback from None
        return obj

    # Classes whose __init__ would only re-tuple what the converters already made tuples
    # are filled in directly: the same object for a third of the cost (Event, Document …).
    plain = (not hasattr(cls, "__attrs_pre_init__") and not hasattr(cls, "__attrs_post_init__")
             and all(f.init and f.alias == f.name
                     and (f.converter is None or f.converter is _model_tuple) for f in fields))
    chosen = direct if plain else build
    # Registered before the fields are compiled, so classes that refer to themselves work.
    _CACHE[cls] = chosen
    hints = _hints(cls)
    for f in fields:
        convs[f.name] = converter(hints[f.name])
        factory = isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        if factory and f.default.takes_self:
            chosen = _CACHE[cls] = build
        default = f.default.factory if factory else f.default
        spec.append((f.name, convs[f.name], default, factory))
    return chosen


def converter(tp: Any) -> Convert:
    """The fast converter for a type (built once, then cached)."""
    try:
        return _CACHE[tp]
    except (KeyError, TypeError):
        pass
    origin = typing.get_origin(tp)
    out: Convert
    if tp is Any or tp is object:
        out = _ident
    elif origin in (Union, types.UnionType):
        out = _union(tp)
    elif origin in (tuple, list):
        out = _tuple(tp)
    elif origin in (dict, Mapping) or tp is Mapping or origin is typing.Mapping:
        out = _mapping(tp)
    elif attrs.has(tp):
        return _attrs(tp)
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        out = _enum(tp)
    else:
        out = {str: _str, bool: _bool, int: _int, float: _float, dt.datetime: _moment,
               dt.date: _date}.get(tp, lambda data: _fail())
    try:
        _CACHE[tp] = out
    except TypeError:
        pass
    return out


def fast_structure(cls: type, data: Any) -> Any:
    """``cls`` built from plain data, or :class:`Fallback` if anything is not as expected."""
    return converter(cls)(data)
