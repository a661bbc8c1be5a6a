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


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def check_fields(obj: Any) -> None:
    """Raise :class:`InputError` listing every field of the attrs instance ``obj`` whose
    value is not of its declared type (for a tuple, the first wrong item, by index)."""
    cls = type(obj)
    hints = _hints(cls)
    problems = []
    for f in attrs.fields(cls):
        tp = hints.get(f.name, Any)
        value = getattr(obj, f.name)
        if _ok(value, tp):
            continue
        path: tuple[str | int, ...] = (f.name,)
        shown = value
        origin = typing.get_origin(tp)
        if origin in (tuple, list) and isinstance(value, (tuple, list)):
            inner = typing.get_args(tp)[0]
            i = next(i for i, v in enumerate(value) if not _ok(v, inner))
            path, shown, tp = (f.name, i), value[i], inner
        text = repr(shown)
        text = text if len(text) <= 60 else text[:57] + "..."
        problems.append(Problem(
            zh=f"{cls.__name__} 的字段類型不對: {text}({type(shown).__name__})",
            en=f"wrong type for {cls.__name__}: {text} ({type(shown).__name__})",
            path=path, expected=_name(tp)))
    if problems:
        raise InputError(problems)


def _wrap(cls: type) -> None:
    init: Callable[..., None] = cls.__init__  # type: ignore[misc]

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        check_fields(self)

    cls.__init__ = __init__  # type: ignore[misc]


def typed_classes(namespace: Mapping[str, Any], module: str) -> None:
    """Wrap the constructor of every attrs class defined in ``module`` (its globals are
    ``namespace``) with :func:`check_fields`."""
    for value in list(namespace.values()):
        if isinstance(value, type) and attrs.has(value) and value.__module__ == module:
            _wrap(value)
