"""Reading and writing the plain-data files: TOML and JSON with one structure.

Syntax errors come back as :class:`~masswork.errors.InputError` with the file and line.
Files are written atomically (temporary file in the same folder, then rename) so a failed
write never leaves half a file where a good one was.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..atomic import write_atomic  # the writing side lives in masswork.atomic
from ..errors import InputError, Problem
from ..i18n import Msg
from . import syntax
from .limits import DEFAULT_LIMITS, Limits, check_nesting_text, check_tree, read_bytes_bounded

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["read_data", "read_text", "parse_data", "write_atomic", "detect_format", "locate_toml",
           "with_lines", "locate_lines"]



def detect_format(path: str | Path, text: str | None = None) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    if text is not None and text.lstrip().startswith(("{", "[{")):
        return "json"
    return "toml"


def _json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _number_error(exc: ValueError, text: str, fmt: str, file: str | None) -> InputError:
    # int() refusing more than sys.get_int_max_str_digits() digits, or NaN / Infinity in JSON
    msg = str(exc)
    if "is not a number JSON allows" in msg:
        what, expected = Msg.of("load.number_not_allowed", value=msg.split()[0]), Msg.of("load.expected.finite")
    else:
        what, expected = Msg.of("load.too_many_digits"), Msg.of("load.expected.digits")
    line = None
    m = re.search(r"-?\d{300,}|NaN|-?Infinity", text) if fmt == "json" else re.search(r"[-+]?\d{300,}", text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
    return InputError(Problem(msg=what, file=file, line=line, expected=expected))


def parse_data(text: str, fmt: str, file: str | None = None, *,
               limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Parse TOML or JSON text into a dict; a syntax error names the line. Nesting deeper
    than ``limits.max_depth`` is refused before parsing, NaN / Infinity in JSON and integers
    too long to convert are refused with the line."""
    check_nesting_text(text, limits.max_depth, file, fmt)
    if fmt == "json":
        try:
            data = json.loads(text, parse_constant=_json_constant)
        except json.JSONDecodeError as exc:
            raise InputError(Problem(
                msg=Msg.of("load.syntax", format="JSON", error=syntax.detail(exc.msg, exc.colno)),
                file=file, line=exc.lineno, expected=Msg.of("load.expected.valid", format="JSON"))) from None
        except ValueError as exc:
            raise _number_error(exc, text, fmt, file) from None
        except RecursionError:
            raise InputError(Problem(msg=Msg.of("load.too_deep"), file=file,
                                     expected=Msg.of("load.expected.depth", n=limits.max_depth))) from None
    else:
        try:
            data = tomllib.loads(text)
        except RecursionError:
            raise InputError(Problem(msg=Msg.of("load.too_deep"), file=file,
                                     expected=Msg.of("load.expected.depth", n=limits.max_depth))) from None
        except tomllib.TOMLDecodeError as exc:
            said, line, col, at_end = syntax.toml_position(str(exc))
            raise InputError(Problem(
                msg=Msg.of("load.syntax", format="TOML", error=syntax.detail(said, col, at_end)),
                file=file, line=line, expected=Msg.of("load.expected.valid", format="TOML"))) from None
        except ValueError as exc:
            raise _number_error(exc, text, fmt, file) from None
    if not isinstance(data, dict):
        raise InputError(Problem(msg=Msg.of("load.top_level"), file=file, line=1))
    try:
        check_tree(data, limits, file, requirements_key="requirements")
    except InputError as exc:
        raise with_lines(exc, text, fmt) from None
    return data


def _key_re(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf'^\s*(?:{quoted}|"{quoted}"|\'{quoted}\')\s*=')


def locate_toml(text: str, path: tuple[str | int, ...]) -> int | None:
    """The line (1-based) where a key path is written in TOML text, found the way a person
    would: the N-th ``[[table]]`` header, then the key below it. The deepest part found
    wins; None when even the first part is not found (the caller still has the key path)."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[")
    found: int | None = None
    start, end = 0, len(lines)
    i = 0
    while i < len(path):
        part = path[i]
        nxt = path[i + 1] if i + 1 < len(path) else None
        if isinstance(part, str) and isinstance(nxt, int):
            # an array of tables: count its headers within the current table
            pat = re.compile(rf"^\s*\[\[\s*{re.escape(part)}\s*\]\]")
            hits = [n for n in range(start, end) if pat.match(lines[n])]
            if nxt < len(hits):
                start = hits[nxt] + 1
                found = hits[nxt] + 1
                end = next((n for n in range(start, len(lines)) if header.match(lines[n])), len(lines))
                i += 2
                continue
            inline = next((n for n in range(start, end) if _key_re(part).match(lines[n])), None)
            return inline + 1 if inline is not None else found
        if isinstance(part, str):
            pat_key = _key_re(part)
            hit = next((n for n in range(start, end) if pat_key.match(lines[n])), None)
            if hit is None:
                tbl = re.compile(rf"^\s*\[\s*{re.escape(part)}\s*\]")
                hit_t = next((n for n in range(start, len(lines)) if tbl.match(lines[n])), None)
                if hit_t is None:
                    return found
                start, found = hit_t + 1, hit_t + 1
                end = next((n for n in range(start, len(lines)) if header.match(lines[n])), len(lines))
                i += 1
                continue
            return hit + 1
        return found
    return found


def with_lines(exc: InputError, text: str, fmt: str) -> InputError:
    """The same error with lines filled in for problems that have a key path (TOML only:
    JSON keys are not located)."""
    if fmt != "toml":
        return exc
    fixed = [attrs.evolve(p, line=locate_toml(text, p.path)) if p.path and p.line is None else p
             for p in exc.problems]
    return type(exc)(fixed)


def locate_lines(exc: InputError, file: Path) -> InputError:
    """``exc`` with TOML lines filled in for the problems located in ``file``."""
    try:
        text = read_text(file)
    except InputError:
        return exc
    return with_lines(exc, text, detect_format(file, text))


def read_text(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """A file's text (UTF-8, BOM allowed), or an InputError naming the file. Only a regular
    file of at most ``limits.max_file_bytes`` is read (:func:`~.limits.read_bytes_bounded`)."""
    p = Path(path)
    raw = read_bytes_bounded(p, limits.max_file_bytes)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(msg=Msg.of("load.utf16"), file=str(p), line=1, expected="UTF-8"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(Problem(msg=Msg.of("load.not_utf8"), file=str(p), line=line, expected="UTF-8")) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(Problem(msg=Msg.of("load.nul"), file=str(p), line=line, expected=Msg.of("load.expected.text")))
    return text


def read_data(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Read a TOML or JSON file (by its suffix) into a dict, within ``limits``."""
    p = Path(path)
    text = read_text(p, limits=limits)
    return parse_data(text, detect_format(p, text), str(p), limits=limits)


def dumps_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
