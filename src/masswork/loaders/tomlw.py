"""A TOML writer for masswork's own plain data (tables, arrays of tables, strings, numbers,
booleans, dates). The standard library reads TOML but does not write it; our files use a
small subset, so the writer stays small. Strings are escaped as TOML basic strings."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["dumps"]

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
_ESC = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _str(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(k: str) -> str:
    return k if _BARE.match(k) else _str(k)


def _is_table(v: Any) -> bool:
    return isinstance(v, Mapping)


def _is_table_array(v: Any) -> bool:
    return isinstance(v, (list, tuple)) and bool(v) and all(isinstance(x, Mapping) for x in v)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return _str(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    if isinstance(v, Mapping):
        return "{ " + ", ".join(f"{_key(str(k))} = {_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def _table(data: Mapping[str, Any], prefix: tuple[str, ...], out: list[str]) -> None:
    # Below the top level, tables are written inline: `min_for = { 黨組書記 = 2 }` reads
    # better inside a [[requirements]] entry than a [requirements.min_for] section.
    nested = bool(prefix)
    scalars = [(k, v) for k, v in data.items()
               if v is not None and (nested or not _is_table(v)) and not _is_table_array(v)]
    for k, v in scalars:
        out.append(f"{_key(str(k))} = {_value(v)}")
    for k, v in data.items():
        if _is_table(v) and not nested:
            name = ".".join(_key(p) for p in (*prefix, str(k)))
            out.append("")
            out.append(f"[{name}]")
            _table(v, (*prefix, str(k)), out)
    for k, v in data.items():
        if _is_table_array(v):
            name = ".".join(_key(p) for p in (*prefix, str(k)))
            for item in v:
                out.append("")
                out.append(f"[[{name}]]")
                _table(item, (*prefix, str(k)), out)


def dumps(data: Mapping[str, Any]) -> str:
    """TOML text for ``data``; ``None`` values are left out (TOML has no null)."""
    out: list[str] = []
    _table(data, (), out)
    return "\n".join(out).lstrip("\n") + "\n"
