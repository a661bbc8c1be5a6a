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
import math
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Union

import attrs

__all__ = ["Fallback", "converter", "fast_structure"]

from ..model import _tuple as _model_tuple
from .limits import Limits
from .shapes import INLINE, shaped_records

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


def _attrs(cls: type, lim: Limits | None) -> Convert:
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
    chosen: Convert = direct if plain else build
    # Registered before the fields are compiled, so classes that refer to themselves work.
    _CACHE[_key(cls, lim)] = chosen
    hints = _hints(cls)
    for f in fields:
        convs[f.name] = converter(hints[f.name], lim)
        if lim is not None and f.name == "requirements":
            convs[f.name] = _capped(convs[f.name], min(lim.max_items, lim.max_requirements))
        factory = isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        if factory and f.default.takes_self:
            chosen = _CACHE[_key(cls, lim)] = build
        default = f.default.factory if factory else f.default
        spec.append((f.name, convs[f.name], default, factory))
    if chosen is direct:
        chosen = _CACHE[_key(cls, lim)] = _compiled(cls, spec, known, required, checks)
    return chosen


def _compiled(cls: type, spec: list[tuple[str, Convert, Any, bool]], known: frozenset[str],
              required: frozenset[str], checks: list[tuple[Any, Any]]) -> Convert:
    """``direct`` for ``cls`` as straight-line code, one statement per field (what attrs
    does for ``__init__``): a fifth of an event's cost was the loop over its 22 fields.
    The source is made from the class's field names only, never from data."""
    if not any(factory for _n, _c, _d, factory in spec) and len(spec) > 12:
        return _by_map(cls, spec, known, required, checks)
    names: dict[str, Any] = {"_new": _new, "_set": _set, "cls": cls, "known": known, "required": required,
                             "Fallback": Fallback, "Mapping": Mapping, "checks": checks, "MISSING": _MISSING}
    lines = ["def direct(data):",
             "    if type(data) is not dict and not isinstance(data, Mapping):",
             "        raise Fallback",
             "    keys = data.keys()",
             "    if not (keys <= known and required <= keys):",
             "        raise Fallback",
             "    obj = _new(cls)",
             "    get = data.get"]
    for i, (name, conv, default, factory) in enumerate(spec):
        if not name.isidentifier():  # pragma: no cover - attrs field names are identifiers
            raise ValueError(name)
        names[f"c{i}"], names[f"d{i}"] = conv, default
        if name in required:
            lines.append(f"    _set(obj, {name!r}, c{i}(data[{name!r}]))")
            continue
        lines.append(f"    v = get({name!r}, MISSING)")
        fill = f"d{i}()" if factory else f"d{i}"
        lines.append(f"    _set(obj, {name!r}, {fill} if v is MISSING else c{i}(v))")
    lines += ["    for field, check in checks:",
              "        try:",
              "            check(obj, field, getattr(obj, field.name))",
              "        except (TypeError, ValueError):",
              "            raise Fallback from None",
              "    return obj"]
    exec(compile("\n".join(lines), f"<masswork.loaders.fast {cls.__qualname__}>", "exec"), names)  # noqa: S102
    out: Convert = names["direct"]
    return out


_MISSING = object()


def _by_map(cls: type, spec: list[tuple[str, Convert, Any, bool]], known: frozenset[str],
            required: frozenset[str], checks: list[tuple[Any, Any]]) -> Convert:
    """``direct`` for a class of many fields with shared defaults, most of them absent from
    a record (an event names 7 of its 22): the defaults copied as one list, the values
    given converted into it, and every slot set in one C-level ``map``."""
    from collections import deque
    from itertools import repeat

    names = [name for name, _c, _d, _f in spec]
    defaults = [default for _n, _c, default, _f in spec]
    slot = {name: (i, conv) for i, (name, conv, _d, _f) in enumerate(spec)}
    consume: Callable[[Any], None] = deque(maxlen=0).extend
    n = len(spec)
    own = {field.name for field, check in checks if type(check).__module__.startswith("attr.")}

    def direct(data: Any) -> Any:
        if type(data) is not dict and not isinstance(data, Mapping):
            raise Fallback
        keys = data.keys()
        if not (keys <= known and required <= keys):
            raise Fallback
        values = defaults.copy()
        for key, value in data.items():
            i, conv = slot[key]
            values[i] = conv(value)
        obj: Any = _new(cls)
        consume(map(_set, repeat(obj, n), names, values))
        for field, check in checks:
            if field.name in own and field.name not in data:
                continue  # attrs' own validators look at their field alone, which is its default
            try:
                check(obj, field, getattr(obj, field.name))
            except (TypeError, ValueError):
                raise Fallback from None
        return obj
    return shaped_records(cls, spec, known, required, checks, own, direct, Fallback)


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
        return _attrs(tp, lim)
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
        _CACHE[_key(tp, lim)] = out
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


def _screened(limits: Limits) -> Limits:
    out = _SCREENED_LIMITS.get(limits)
    if out is None:
        out = _SCREENED_LIMITS[limits] = attrs.evolve(limits, max_string=_SCREENED)
    return out


_SCREENED_LIMITS: dict[Limits, Limits] = {}
