"""Run-time type checks for the model's constructors, so that a wrong value fails where it
is passed — ``Plan(people=("li-fei",))`` raises :class:`~masswork.errors.InputError` naming
``people[0]`` and the type expected — instead of as a bare ``AttributeError`` deep inside a
check.

Each class's ``__init__`` is wrapped once (:func:`typed_classes`); the check is shallow (a
tuple's items are checked to be of the declared class, which checked its own fields when it
was built), so it costs one ``isinstance`` per field and item. Why not attrs validators on
every field: the model is hundreds of fields maintained by several people; one wrapper
driven by the type annotations cannot drift from them.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Union

import attrs

from .errors import InputError, Problem
from .i18n import Msg

__all__ = ["typed_classes", "check_fields"]

_NoneType = type(None)


def _ok(value: Any, tp: Any) -> bool:
    if tp is Any or tp is object:
        return True
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return any(_ok(value, a) for a in typing.get_args(tp))
    if tp is _NoneType:
        return value is None
    if origin in (tuple, list):
        args = typing.get_args(tp)
        return isinstance(value, (tuple, list)) and (not args or all(_ok(v, args[0]) for v in value))
    if origin in (dict, Mapping) or tp is Mapping or origin is typing.Mapping:
        return isinstance(value, Mapping)
    if tp is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is dt.date:
        return isinstance(value, dt.date)
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


def _name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return " | ".join(_name(a) for a in typing.get_args(tp))
    if origin in (tuple, list):
        return f"tuple[{_name(typing.get_args(tp)[0])}, ...]"
    if tp is _NoneType:
        return "None"
    return getattr(tp, "__name__", str(tp))


Check = Callable[[Any], bool]
_CHECKS: dict[type, list[tuple[str, Check, Any]]] = {}


def _always(value: Any) -> bool:
    return True


def _compile(tp: Any) -> Check:
    """A fast predicate for "value is of type ``tp``" (what :func:`_ok` says, compiled once
    per field: checking is on every constructor call)."""
    if tp is Any or tp is object:
        return _always
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        rest = [_compile(a) for a in args if a is not _NoneType]
        if _NoneType in args and len(rest) == 1:
            one = rest[0]
            return lambda v: v is None or one(v)
        subs = [_compile(a) for a in args]
        return lambda v: any(c(v) for c in subs)
    if tp is _NoneType:
        return lambda v: v is None
    if origin in (tuple, list):
        args = typing.get_args(tp)
        inner = _compile(args[0]) if args else _always
        if inner is _always:
            return lambda v: isinstance(v, (tuple, list))
        return lambda v: isinstance(v, (tuple, list)) and all(map(inner, v))
    if origin in (dict, Mapping) or tp is Mapping or origin is typing.Mapping:
        return lambda v: isinstance(v, Mapping)
    if tp is float:
        return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    if tp is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if isinstance(tp, type):
        return lambda v: isinstance(v, tp)
    return _always


def _checks(cls: type) -> list[tuple[str, Check, Any]]:
    found = _CHECKS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = [(f.name, _compile(hints.get(f.name, Any)), hints.get(f.name, Any)) for f in attrs.fields(cls)]
        _CHECKS[cls] = found
    return found


def check_fields(obj: Any) -> None:
    """Raise :class:`InputError` listing every field of the attrs instance ``obj`` whose
    value is not of its declared type (for a tuple, the first wrong item, by index)."""
    cls = type(obj)
    problems = []
    for name, ok, tp in _checks(cls):
        value = getattr(obj, name)
        if ok(value):
            continue
        path: tuple[str | int, ...] = (name,)
        shown = value
        origin = typing.get_origin(tp)
        if origin in (tuple, list) and isinstance(value, (tuple, list)):
            inner = typing.get_args(tp)[0]
            i = next(i for i, v in enumerate(value) if not _ok(v, inner))
            path, shown, tp = (name, i), value[i], inner
        text = repr(shown)
        text = text if len(text) <= 60 else text[:57] + "..."
        problems.append(Problem(
            msg=Msg.of("typecheck.wrong_type", cls=cls.__name__, value=text, type=type(shown).__name__),
            path=path, expected=_name(tp)))
    if problems:
        raise InputError(problems)


def _wrap(cls: type) -> None:
    init: Callable[..., None] = cls.__init__  # type: ignore[misc]
    checks: list[tuple[str, Check, Any]] = []

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        if not checks:
            checks.extend(_checks(cls))
        for name, ok, _tp in checks:
            if not ok(getattr(self, name)):
                check_fields(self)  # says what is wrong, all of it
                break

    cls.__init__ = __init__  # type: ignore[misc]


def typed_classes(namespace: Mapping[str, Any], module: str) -> None:
    """Wrap the constructor of every attrs class defined in ``module`` (its globals are
    ``namespace``) with :func:`check_fields`."""
    for value in list(namespace.values()):
        if isinstance(value, type) and attrs.has(value) and value.__module__ == module:
            _wrap(value)
