"""The fast path's converters of attrs classes (:mod:`masswork.loaders.fast`): a class
whose ``__init__`` would only re-tuple what the field converters made is filled in directly,
by generated straight-line code or, for a class of many fields with shared defaults (an
event), by one copy of its defaults and one C-level ``map`` over its slots, and per shape
of record by :mod:`masswork.loaders.shapes`; any other class through its ``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..model import _tuple as _model_tuple
from .fast_values import Convert, Fallback, _capped
from .limits import Limits
from .shapes import shaped_records

__all__ = ["attrs_converter"]

_new = object.__new__
_set = object.__setattr__


def attrs_converter(cls: type, lim: Limits | None) -> Convert:
    """The converter of the attrs class ``cls`` (registered in the cache before its fields'
    converters are built, so that classes which refer to themselves work)."""
    from . import fast
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
    fast._BUILDING[fast._key(cls, lim)] = chosen
    hints = _hints(cls)
    for f in fields:
        convs[f.name] = fast.converter(hints[f.name], lim)
        if lim is not None and f.name == "requirements":
            convs[f.name] = _capped(convs[f.name], min(lim.max_items, lim.max_requirements))
        factory = isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        if factory and f.default.takes_self:
            chosen = fast._BUILDING[fast._key(cls, lim)] = build
        default = f.default.factory if factory else f.default
        spec.append((f.name, convs[f.name], default, factory))
    if chosen is direct:
        chosen = fast._BUILDING[fast._key(cls, lim)] = _compiled(cls, spec, known, required, checks)
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
