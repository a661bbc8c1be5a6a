"""Limits on untrusted input, checked before any work starts (docs/limits.md lists them).

Plans, schedules and documents come from other units, by e-mail, pasted from Word: masswork
treats them as untrusted. Every file is opened once, refused unless it is a regular file
(``/dev/zero``, a FIFO, a directory or a device would hang or eat memory), and read with a cap
of ``max_file_bytes + 1`` bytes, so its size is known before it is parsed. The parsed data is
then walked once, without recursion, for nesting depth, integer size, non-finite numbers,
string length and the number of events and requirements.

Each limit can be raised by a caller who trusts the input more (``Limits(max_file_bytes=…)``
passed to :func:`masswork.load_plan` / :func:`masswork.load_schedule`).
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import math
import operator
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg

__all__ = ["Limits", "DEFAULT_LIMITS", "read_bytes_bounded", "check_tree", "check_nesting_text", "tree_within",
           "check_line_length", "shorten"]


@attrs.frozen
class Limits:
    """Bounds on one input file and what it holds. The defaults are far above any real
    campaign plan (the largest bundled example is under 40 KB) and far below what would
    exhaust a small server."""

    max_file_bytes: int = 8 * 1024 * 1024
    """A plan or schedule file (TOML / JSON), in bytes."""
    max_document_bytes: int = 32 * 1024 * 1024
    """A document for ``draft`` (.txt, or the text a .docx unpacks to), in bytes."""
    max_depth: int = 32
    """Nesting of tables and lists (a real plan needs 4)."""
    max_abs_int: int = 10**15
    """The largest integer magnitude; larger numbers are typing errors or attacks."""
    max_string: int = 100_000
    """Characters in one string value of a plan or schedule."""
    max_requirements: int = 10_000
    """Requirements in one plan (after ``extends``)."""
    max_items: int = 100_000
    """Entries in any one list (events of a schedule, people, roles, order rules …)."""
    max_extends: int = 16
    """Files in one chain of ``extends`` (the plan itself not counted)."""
    max_line: int = 20_000
    """Characters in one line (paragraph) of a document for ``draft``."""


DEFAULT_LIMITS = Limits()


def shorten(value: object, width: int = 80) -> str:
    """``repr(value)`` cut to ``width`` characters, so a megabyte of junk is not echoed."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _size(n: int) -> Msg:
    return Msg.of("limits.size.mib", n=f"{n / 1024 / 1024:.0f}") if n >= 1024 * 1024 else Msg.of("limits.size.bytes", n=n)


def _cannot_read(exc: OSError) -> Msg:
    # The system's own words (strerror) are English: the common causes are catalogued.
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Msg.of("limits.no_permission")
    return Msg.of("limits.cannot_read", error=exc.strerror or str(exc))


def read_bytes_bounded(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them; anything else
    (missing, a directory, a FIFO, a device, a path with NUL, too large) is an
    :class:`InputError` naming the file. The file is opened without blocking (a FIFO with
    no writer would otherwise wait forever) and checked with ``fstat`` on the open
    descriptor, so it cannot be swapped between the check and the read."""
    p = str(path)
    shown = shorten(p, 200)
    if "\x00" in p:
        raise InputError(Problem(msg=Msg.of("limits.path_nul"), file=shown))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise InputError(Problem(msg=Msg.of("limits.not_found"), file=shown)) from None
    except IsADirectoryError:
        raise InputError(Problem(msg=Msg.of("limits.is_directory"), file=shown)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(Problem(msg=Msg.of("limits.link_loop"), file=shown)) from None
        raise InputError(Problem(msg=_cannot_read(exc), file=shown)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(Problem(msg=Msg.of("limits.is_directory"), file=shown))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(Problem(
                msg=Msg.of("limits.not_regular"), file=shown, expected=Msg.of("limits.expected.regular")))
        if info.st_size > max_bytes:
            raise InputError(Problem(
                msg=Msg.of("limits.too_large", size=_size(info.st_size), limit=_size(max_bytes)),
                file=shown, expected=Msg.of("limits.expected.bytes", n=max_bytes)))
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # grew while being read
                raise InputError(Problem(
                    msg=Msg.of("limits.grew", limit=_size(max_bytes)),
                    file=shown, expected=Msg.of("limits.expected.bytes", n=max_bytes)))
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(Problem(msg=_cannot_read(exc), file=shown)) from None
    finally:
        os.close(fd)


_JSON_OUTSIDE = re.compile(r"[\n\"'\[\]{}]")
_JSON_IN = {'"': re.compile(r'[\n"\\]'), "'": re.compile(r"[\n']")}


_JSON_STRINGS = re.compile(r'"(?:[^"\\\n]|\\[\s\S])*"|\'[^\'\n]*\'')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")


def _json_depth_within(text: str, max_depth: int) -> bool:
    """:func:`_json_scan` for the common case: every string closed on its line, so that the
    strings can be cut out and the depth read off the brackets left, all at C speed."""
    bare = _JSON_STRINGS.sub("", text)
    if '"' in bare or "'" in bare:
        return _json_scan(text, max_depth)  # a string left open: follow the states exactly
    steps = _NOT_BRACKETS.sub("", bare).encode("ascii").translate(_STEP)  # 2 opens, 0 closes
    if not steps:
        return True
    deepest = max(itertools.accumulate(map(operator.sub, steps, itertools.repeat(1))))
    if min(itertools.accumulate(map(operator.sub, steps, itertools.repeat(1)))) < 0:
        return _json_scan(text, max_depth)  # a closer with nothing open: the loop's clamp decides
    return bool(deepest <= max_depth)


def _json_scan(text: str, max_depth: int) -> bool:
    """The scan below for JSON, jumping from one bracket, quote or newline to the next (a
    regular expression finds them at C speed): True when the nesting stays within
    ``max_depth``. Same states as the character loop, which then says where it fails."""
    depth = 0
    quote = ""
    pos, n = 0, len(text)
    while pos < n:
        m = (_JSON_IN[quote] if quote else _JSON_OUTSIDE).search(text, pos)
        if m is None:
            return True
        i = m.start()
        c = text[i]
        pos = i + 1
        if c == "\n":
            quote = ""
        elif quote:
            if c == "\\":
                pos = i + 2
            else:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c in "[{":
            depth += 1
            if depth > max_depth:
                return False
        else:
            depth = max(0, depth - 1)
    return True


def check_nesting_text(text: str, max_depth: int, file: str | None, fmt: str) -> None:
    """Refuse text whose brackets nest deeper than ``max_depth`` before a parser recurses
    into it. One linear pass; brackets inside strings are skipped (JSON and TOML basic
    strings escape with backslash; TOML literal strings do not)."""
    if fmt == "json" and _json_depth_within(text, max_depth):
        return  # the common case at C speed; a failure is located by the loop below
    depth = 0
    line = 1
    quote = ""
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            at_line_start = True
            if quote in ('"', "'"):
                quote = ""  # single-line strings end at the line; the parser reports it
            i += 1
            continue
        if quote:
            if c == "\\" and quote in ('"', '"""'):
                i += 2
                continue
            if text.startswith(quote, i):
                i += len(quote)
                quote = ""
                continue
            i += 1
            continue
        if c in "\"'":
            triple = c * 3
            quote = triple if fmt == "toml" and text.startswith(triple, i) else c
            i += len(quote)
            at_line_start = False
            continue
        if c == "#" and fmt == "toml":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "[{":
            # a TOML table header ([a] / [[a]]) opens no nesting
            if not (fmt == "toml" and at_line_start and c == "[" and depth == 0):
                depth += 1
                if depth > max_depth:
                    raise InputError(Problem(
                        msg=Msg.of("limits.too_deep", n=max_depth),
                        file=file, line=line, expected=Msg.of("limits.expected.depth_tables", n=max_depth)))
        elif c in "]}":
            if not (fmt == "toml" and c == "]" and depth == 0):
                depth = max(0, depth - 1)
        if not c.isspace():
            at_line_start = False
        i += 1


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_PLAIN = (dt.date, dt.datetime, dt.time)  # what TOML gives besides JSON's types; nothing to bound


def tree_within(data: Any, limits: Limits, depth: int = 0) -> bool:
    """Whether :func:`check_tree` would find nothing, by a walk that builds no key paths
    (a million events have ten million values). Conservative: a list is held to the smaller
    of the two list limits, so a True is always right and a False sends the caller to
    :func:`check_tree` for the exact verdict and its key paths."""
    cap = min(limits.max_items, limits.max_requirements)
    max_depth, max_int, max_string = limits.max_depth, limits.max_abs_int, limits.max_string
    isfinite = math.isfinite
    stack: list[tuple[int, Any]] = [(depth, data)]
    pop, push = stack.pop, stack.append
    while stack:
        level, value = pop()
        if level > max_depth:
            return False
        t = type(value)
        if t is str:
            if len(value) > max_string or not (value.isascii() or _encodable(value)):
                return False
        elif t is dict:
            for k, v in value.items():
                if type(k) is not str or len(k) > max_string or not (k.isascii() or _encodable(k)):
                    return False
                push((level + 1, v))
        elif t is list:
            if len(value) > cap:
                return False
            for v in value:
                push((level + 1, v))
        elif t is bool or value is None or t in _PLAIN:
            continue
        elif t is int:
            if abs(value) > max_int:
                return False
        elif t is float:
            if not isfinite(value) or abs(value) > max_int:
                return False
        else:
            return False  # anything else (dates from TOML, subclasses): the exact walk decides
    return True


def check_tree(data: Any, limits: Limits, file: str | None, *, requirements_key: str | None = None) -> None:
    """Walk parsed data once (no recursion) and refuse, with the key path, what is beyond the
    limits: nesting, integer size, NaN / Infinity, string
    length and list length."""
    if tree_within(data, limits):
        return
    problems: list[Problem] = []

    def bad(path: tuple[str | int, ...], msg: Msg, expected: Msg) -> None:
        if len(problems) < 20:
            problems.append(Problem(msg=msg, path=path, file=file, expected=expected))

    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if len(path) > limits.max_depth:
            bad(path[: limits.max_depth], Msg.of("limits.too_deep", n=limits.max_depth),
                Msg.of("load.expected.depth", n=limits.max_depth))
            continue
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            if abs(value) > limits.max_abs_int:
                bad(path, Msg.of("limits.int_too_large"), Msg.of("limits.expected.magnitude", n=limits.max_abs_int))
        elif isinstance(value, float):
            if not math.isfinite(value):
                bad(path, Msg.of("limits.not_finite", value=str(value)), Msg.of("load.expected.finite"))
            elif abs(value) > limits.max_abs_int:
                bad(path, Msg.of("limits.number_too_large"), Msg.of("limits.expected.magnitude", n=limits.max_abs_int))
        elif isinstance(value, str):
            if len(value) > limits.max_string:
                bad(path, Msg.of("limits.string_too_long", n=len(value)),
                    Msg.of("limits.expected.chars", n=limits.max_string))
            elif not _encodable(value):
                bad(path, Msg.of("limits.surrogate"), Msg.of("limits.expected.unicode"))
        elif isinstance(value, Mapping):
            for k in reversed(list(value)):
                if isinstance(k, str) and len(k) > limits.max_string:
                    bad(path, Msg.of("limits.key_too_long"), Msg.of("limits.expected.chars", n=limits.max_string))
                    continue
                if isinstance(k, str) and not _encodable(k):
                    bad(path, Msg.of("limits.key_surrogate"), Msg.of("limits.expected.unicode"))
                    continue
                stack.append(((*path, k), value[k]))
        elif isinstance(value, list):
            cap = limits.max_requirements if path == (requirements_key,) else limits.max_items
            if len(value) > cap:
                bad(path, Msg.of("limits.too_many", n=len(value)), Msg.of("limits.expected.at_most", n=cap))
                continue
            for i in range(len(value) - 1, -1, -1):
                stack.append(((*path, i), value[i]))
    if problems:
        raise InputError(problems)


def check_line_length(text: str, file: str | None, max_line: int = DEFAULT_LIMITS.max_line) -> None:
    """Refuse a document with a line (paragraph) longer than ``max_line`` characters, naming
    the first such line: the drafter's work grows with the length of a sentence."""
    start = 0
    number = 1
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        if end - start > max_line:
            raise InputError(Problem(
                msg=Msg.of("limits.line_too_long", line=number, n=end - start),
                file=file, line=number, expected=Msg.of("limits.expected.line", n=max_line)))
        start = end + 1
        number += 1
