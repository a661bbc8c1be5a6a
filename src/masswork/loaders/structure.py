"""Plain data (what TOML and JSON give) ⇄ the frozen attrs model, with errors that name the
key path (``requirements[3].min``), what was found, what was expected, and for an unknown key
the nearest known one.

Why not cattrs: every error here must read in Chinese and English and carry a "did you
mean" hint, and the model's type vocabulary is small (str, numbers, dates, tuples, mappings,
enums, attrs classes), so a 200-line walker over attrs fields is clearer than translating
cattrs' exception groups after the fact.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from typing import Any, Union

import attrs

from ..errors import InputError, Problem, nearest
from ..i18n import Msg

__all__ = ["structure", "unstructure", "StructureErrors", "field_names", "jsonable"]

_NoneType = type(None)


class StructureErrors(InputError):
    """Problems found while structuring; all of them, not just the first."""


def field_names(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls)]


_TYPE_CODES: dict[Any, str] = {str: "type.string", int: "type.integer", float: "type.number",
                               bool: "type.bool", dt.date: "type.date", dt.datetime: "type.datetime"}


def _type_name(tp: Any) -> Msg | str:
    """What a value of ``tp`` looks like, as a message (``a string`` / 字符串)."""
    origin = typing.get_origin(tp)
    code = _TYPE_CODES.get(tp)
    if code is not None:
        return Msg.of(code)
    if origin in (Union, types.UnionType):
        names = [_type_name(a) for a in typing.get_args(tp) if a is not _NoneType]
        out = names[0]
        for name in names[1:]:
            out = Msg.of("type.or", a=out, b=name)
        return out
    if origin in (tuple, list):
        return Msg.of("type.list", of=_type_name(typing.get_args(tp)[0]))
    if origin in (Mapping, dict, typing.Mapping) or tp is Mapping or attrs.has(tp):
        return Msg.of("type.table")
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return " | ".join(repr(m.value) for m in tp)
    return str(tp)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    # Read once per class: get_type_hints evaluates every annotation string, and was three
    # quarters of loading when called for each object (docs/performance.md).
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


class _Walker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: tuple[str | int, ...], msg: Msg, *, expected: Msg | str | None = None,
             hint: str | None = None) -> None:
        self.problems.append(Problem(msg=msg, path=path, expected=expected, hint=hint))

    def wrong(self, path: tuple[str | int, ...], value: Any, tp: Any) -> None:
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        self.fail(path, Msg.of("load.wrong_type", value=shown), expected=_type_name(tp))

    def value(self, tp: Any, data: Any, path: tuple[str | int, ...]) -> Any:
        if tp is Any or tp is object:
            return data
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            return self._union(tp, data, path)
        if origin in (tuple, list):
            return self._tuple(tp, data, path)
        if origin in (dict, Mapping) or tp is Mapping or origin is typing.Mapping:
            return self._mapping(tp, data, path)
        if attrs.has(tp):
            return self.attrs_class(tp, data, path)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            try:
                return tp(data)
            except ValueError:
                self.fail(path, Msg.of("load.invalid_value", value=repr(data)),
                          expected=_type_name(tp),
                          hint=nearest(str(data), [str(m.value) for m in tp]))
                return None
        return self._scalar(tp, data, path)

    def _scalar(self, tp: Any, data: Any, path: tuple[str | int, ...]) -> Any:
        if tp is str:
            if isinstance(data, str):
                return data
            if isinstance(data, (dt.date, dt.datetime)):
                return data.isoformat()  # TOML gives dates natively; plan fields keep words
        elif tp is bool:
            if isinstance(data, bool):
                return data
        elif tp is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
        elif tp is float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                return float(data)
        elif tp is dt.datetime:
            return self._moment(data, path, want_time=True)
        elif tp is dt.date:
            if isinstance(data, dt.datetime):
                return data.date()
            return self._moment(data, path, want_time=False)
        self.wrong(path, data, tp)
        return None

    def _moment(self, data: Any, path: tuple[str | int, ...], *, want_time: bool | None) -> Any:
        if isinstance(data, dt.datetime):
            return data
        if isinstance(data, dt.date):
            return data
        if isinstance(data, str):
            text = data.strip()
            try:
                if "T" in text or " " in text:
                    return dt.datetime.fromisoformat(text.replace(" ", "T", 1))
                day = dt.date.fromisoformat(text)
                return day
            except ValueError:
                pass
            self.fail(path, Msg.of("load.not_a_date", value=repr(data)), expected=Msg.of("load.expected.date"))
            return None
        self.wrong(path, data, dt.datetime if want_time else dt.date)
        return None

    def _union(self, tp: Any, data: Any, path: tuple[str | int, ...]) -> Any:
        args = [a for a in typing.get_args(tp) if a is not _NoneType]
        if data is None:
            if _NoneType in typing.get_args(tp):
                return None
            self.wrong(path, data, tp)
            return None
        if set(args) == {dt.date, dt.datetime}:
            return self._moment(data, path, want_time=None)
        if len(args) == 1:
            return self.value(args[0], data, path)
        for a in args:
            probe = _Walker()
            out = probe.value(a, data, path)
            if not probe.problems:
                return out
        self.wrong(path, data, tp)
        return None

    def _tuple(self, tp: Any, data: Any, path: tuple[str | int, ...]) -> Any:
        (inner, *_rest) = typing.get_args(tp) or (Any,)
        if isinstance(data, str) and inner is str:
            return (data,)
        if not isinstance(data, (list, tuple)):
            self.wrong(path, data, tp)
            return ()
        return tuple(self.value(inner, item, path + (i,)) for i, item in enumerate(data))

    def _mapping(self, tp: Any, data: Any, path: tuple[str | int, ...]) -> Any:
        args = typing.get_args(tp)
        inner = args[1] if len(args) == 2 else Any
        if not isinstance(data, Mapping):
            self.wrong(path, data, tp)
            return {}
        return {str(k): self.value(inner, v, path + (str(k),)) for k, v in data.items()}

    def attrs_class(self, cls: type, data: Any, path: tuple[str | int, ...],
                    *, extra_known: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> Any:
        if not isinstance(data, Mapping):
            self.wrong(path, data, cls)
            return None
        hints = _hints(cls)
        fields = {f.name: f for f in attrs.fields(cls) if f.name not in skip}
        known = [*fields, *extra_known]
        for key in data:
            if key not in fields and key not in extra_known:
                self.fail(path + (str(key),), Msg.of("load.unknown_key", key=repr(key)),
                          expected=Msg.of("load.expected.keys", keys=", ".join(known)),
                          hint=nearest(str(key), known))
        kwargs: dict[str, Any] = {}
        before = len(self.problems)
        for name, f in fields.items():
            if name in data:
                kwargs[name] = self.value(hints[name], data[name], path + (name,))
            elif f.default is attrs.NOTHING:
                self.fail(path + (name,), Msg.of("load.missing_key", key=repr(name)), expected=_type_name(hints[name]))
        if len(self.problems) > before:
            return None
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            args = exc.args
            if len(args) >= 4 and isinstance(args[1], attrs.Attribute) and isinstance(args[2], (tuple, list)):
                # attrs' in_ validator raises (message, attribute, options, value): say which
                # key and what it may be, not the attribute's repr.
                self.fail(path + (args[1].name,), Msg.of("load.not_a_choice", value=repr(args[3])),
                          expected=Msg.of("load.expected.choices", choices=", ".join(map(str, args[2]))))
            elif len(args) == 1 and isinstance(args[0], Msg):
                # A class that checks its keys together says why in the catalogue's words.
                self.fail(path, args[0])
            else:
                said = args[0] if len(args) == 1 and isinstance(args[0], (str, Msg)) else str(exc)
                self.fail(path, said if isinstance(said, Msg) else Msg.of("load.invalid_value", value=said))
            return None


def structure(cls: type, data: Any, path: tuple[str | int, ...] = (), **kw: Any) -> Any:
    """Build ``cls`` from plain data, or raise :class:`StructureErrors` listing every
    problem with its key path."""
    w = _Walker()
    out = w.attrs_class(cls, data, path, **kw) if attrs.has(cls) else w.value(cls, data, path)
    if w.problems:
        raise StructureErrors(w.problems)
    return out


def jsonable(value: Any) -> Any:
    """Plain JSON-able data: dates as ISO strings, enums as values, tuples as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if attrs.has(type(value)):
        return unstructure(value)
    return value


def unstructure(obj: Any, *, keep_defaults: bool = False) -> dict[str, Any]:
    """An attrs instance as a plain dict, leaving out fields at their defaults so files stay
    short (``structure(type(obj), unstructure(obj)) == obj`` holds either way)."""
    out: dict[str, Any] = {}
    for f in attrs.fields(type(obj)):
        v = getattr(obj, f.name)
        if not keep_defaults and f.default is not attrs.NOTHING:
            default: Any = f.default
            if hasattr(default, "factory"):  # attrs.Factory
                default = default.factory()
            if v == default:
                continue
        if v is None:
            continue
        out[f.name] = jsonable(v)
    return out
