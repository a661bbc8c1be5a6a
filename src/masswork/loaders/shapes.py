"""Straight-line constructors for records of one shape (the same keys in the same order).

A ledger's events are written by one program, so nearly all of them have the same keys in
the same order (``id, type, start, status, host, attendees, participants``). For each such
shape of a class of many fields (:func:`masswork.loaders.fast._by_map`), :func:`shape`
generates one function that unpacks the record's values at C speed, converts each where
it stands — a string that is already a string, a day already seen, an enum member by its
value, inline, without a call — puts the defaults of the fields the record does not name
beside them, and sets every slot in one C-level ``map``.

The generated source is made only of the class's field names (checked to be field names
first) and numbered local names, never of data. A record the shape's code cannot take
(a value of another type, anything unhashable where a lookup is made) is converted by the
general converter instead, which gives the same object or gives up the same way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any

__all__ = ["INLINE", "shape"]

Convert = Callable[[Any], Any]

INLINE: dict[Convert, tuple[str, Any]] = {}
"""Converters whose work can be written inline: ``("str", None)`` — a ``str`` is kept as it
is; ``("lookup", table)`` — a value found in ``table`` (a dict that only grows, of values the
converter gives for those keys) is replaced by what the table holds; ``("strs", most)`` — a
list of at most ``most`` strings becomes their tuple. Anything else goes to the converter,
which gives the same answer."""

_set = object.__setattr__
_new = object.__new__


def _expr(i: int, j: int, conv: Convert, names: dict[str, Any]) -> str:
    """The expression converting the record's ``j``-th value into slot ``i``."""
    names[f"c{i}"] = conv
    how = INLINE.get(conv)
    if how is None:
        return f"c{i}(v{j})"
    kind, table = how
    if kind == "str":
        return f"(v{j} if type(v{j}) is str else c{i}(v{j}))"
    if kind == "strs":
        names[f"n{i}"] = table
        return (f"(tuple(v{j}) if type(v{j}) is list and len(v{j}) <= n{i} and only_str(map(type, v{j}))"
                f" else c{i}(v{j}))")
    names[f"t{i}"] = table.get
    return f"(m if (m := t{i}(v{j})) is not None else c{i}(v{j}))"


def shape(cls: type, keys: Sequence[str], spec: Sequence[tuple[str, Convert, Any, bool]],
          checks: Sequence[tuple[Any, Any]], own: set[str], general: Convert, fallback: type[Exception]
          ) -> Convert:
    """The constructor of ``cls`` for records whose keys are ``keys``, in that order (every
    key a field of ``cls``, every required field among them: the caller has checked).
    ``spec`` is (field, converter, default, is-factory) per slot, no factories; ``checks``
    the validators, ``own`` the fields whose validators look at that field alone (skipped
    when it keeps its default); ``general`` converts any record of the class."""
    position = {k: j for j, k in enumerate(keys)}
    names: dict[str, Any] = {"_new": _new, "cls": cls, "general": general, "Fallback": fallback,
                             "only_str": {str}.issuperset}
    values: list[str] = []
    for i, (name, conv, default, factory) in enumerate(spec):
        if not name.isidentifier() or factory:  # pragma: no cover - attrs field names are identifiers
            raise ValueError(name)
        if name in position:
            values.append(_expr(i, position[name], conv, names))
        else:
            names[f"d{i}"] = default
            values.append(f"d{i}")
    names["set_all"] = deque(maxlen=0).extend
    names["slots"] = [name for name, _c, _d, _f in spec]
    names["run"] = [(f, c) for f, c in checks if f.name in position or f.name not in own]
    names["each"] = repeat
    names["setter"] = _set
    unpack = ", ".join(f"v{j}" for j in range(len(keys)))
    lines = ["def shaped(data):",
             "    try:",
             f"        {unpack}{',' if len(keys) == 1 else ''} = data.values()",
             "        obj = _new(cls)",
             f"        set_all(map(setter, each(obj, {len(spec)}), slots, [{', '.join(values)}]))",
             "    except Exception:",
             "        return general(data)",
             "    for field, check in run:",
             "        try:",
             "            check(obj, field, getattr(obj, field.name))",
             "        except (TypeError, ValueError):",
             "            raise Fallback from None",
             "    return obj"]
    exec(compile("\n".join(lines), f"<masswork.loaders.shapes {cls.__qualname__}>", "exec"), names)  # noqa: S102
    out: Convert = names["shaped"]
    return out


def shaped_records(cls: type, spec: Sequence[tuple[str, Convert, Any, bool]], known: frozenset[str],
                   required: frozenset[str], checks: Sequence[tuple[Any, Any]], own: set[str],
                   general: Convert, fallback: type[Exception], most: int = 64) -> Convert:
    """A converter of ``cls`` records that keeps one :func:`shape` constructor per shape
    seen (at most ``most``; records of other shapes, and mappings other than dicts, go to
    ``general``)."""
    shapes: dict[tuple[str, ...], Convert] = {}

    def convert(data: Any) -> Any:
        if type(data) is not dict:
            return general(data)
        keys = tuple(data)
        fn = shapes.get(keys)
        if fn is None:
            if len(shapes) >= most or not (data.keys() <= known and required <= data.keys()):
                return general(data)
            fn = shapes[keys] = shape(cls, keys, spec, checks, own, general, fallback)
        return fn(data)
    return convert
