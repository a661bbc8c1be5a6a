"""Large JSON schedules read as a stream: the file in chunks, each event and document
decoded on its own and turned into its model object at once, so that the parsed JSON of a
million events never exists whole (it would take about three times the memory of the
objects).

Only the fast path streams: anything unexpected (a syntax error, an unknown key, a value of
the wrong type, a key given twice) gives up with :class:`~masswork.loaders.fast.Fallback`,
and the caller reads the file the ordinary way, whose walker reports every problem with
its line and key path. Repeated short strings (event types, people, roles, topics) are
shared between events rather than kept once per event.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model import Document, Event, Schedule
from .fast import Fallback, converter
from .fast_values import _moment
from .limits import DEFAULT_LIMITS, Limits, tree_within

__all__ = ["stream_schedule", "STREAM_MIN_BYTES"]

STREAM_MIN_BYTES = 8 << 20
"""JSON schedules from this size on are streamed (smaller ones gain nothing)."""

_WS = " \t\n\r"
_STREAMED: dict[str, type] = {"events": Event, "documents": Document}


class _Reader:
    def __init__(self, path: Path, chunk: int) -> None:
        self.file = path.open(encoding="utf-8")
        self.chunk = chunk
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def close(self) -> None:
        self.file.close()

    def _more(self) -> bool:
        if self.eof:
            return False
        text = self.file.read(self.chunk)
        if not text:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + text
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            buf, pos = self.buf, self.pos
            n = len(buf)
            while pos < n and buf[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < n:
                return buf[pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise Fallback
        self.pos += 1

    def value(self) -> Any:
        """One JSON value, read across chunk boundaries."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except ValueError:  # a syntax error, or the text ends mid-value, or a 5000-digit number
                if self._more():
                    continue
                raise Fallback from None
            if end == len(self.buf) and self._more():
                continue  # a number (or anything) at the very end may go on in the next chunk
            self.pos = end
            return value


def _items(r: _Reader, build: Callable[[Any], Any], limits: Limits) -> list[Any]:
    out: list[Any] = []
    r.expect("[")
    if r.peek() == "]":
        r.pos += 1
        return out
    while True:
        item = r.value()
        # The limits the ordinary reader applies to the whole tree, item by item.
        if len(out) >= limits.max_items or not tree_within(item, limits, depth=2):
            raise Fallback
        out.append(build(item))
        c = r.peek()
        r.pos += 1
        if c == "]":
            return out
        if c != ",":
            raise Fallback


def stream_schedule(path: str | Path, *, chunk: int = 1 << 20, limits: Limits = DEFAULT_LIMITS) -> Schedule:
    """The schedule in a JSON file, streamed; :class:`Fallback` when anything is off
    (including anything beyond ``limits``: the ordinary reader then reports it)."""
    try:
        return _stream(Path(path), chunk, limits)
    except RecursionError:
        raise Fallback from None


def _stream(path: Path, chunk: int, limits: Limits) -> Schedule:
    r = _Reader(path, chunk)
    try:
        data: dict[str, Any] = {}
        streamed: dict[str, list[Any]] = {}
        r.expect("{")
        if r.peek() != "}":
            while True:
                key = r.value()
                if not isinstance(key, str) or key in data or key in streamed:
                    raise Fallback
                r.expect(":")
                if key in _STREAMED and r.peek() == "[":
                    streamed[key] = _items(r, _shared(converter(_STREAMED[key])), limits)
                else:
                    data[key] = r.value()
                c = r.peek()
                r.pos += 1
                if c == "}":
                    break
                if c != ",":
                    raise Fallback
        else:
            r.pos += 1
        if r.peek() != "":
            raise Fallback  # text after the closing brace
    finally:
        r.close()
    if not tree_within(data, limits):
        raise Fallback
    head: Schedule = converter(Schedule)(data)
    if not streamed:
        return head
    # The streamed lists are model objects already; Schedule's converters only tuple them.
    return Schedule(**{**{k: getattr(head, k) for k in ("plan", "unit", "waivers", "attestations",
                                                        "periods", "events", "documents")},
                       **{k: tuple(v) for k, v in streamed.items()}})


def _shared(build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``build`` that first makes equal short strings, lists of them, numbers and dates of
    the items one object each (a million events name the same few dozen people, roles and
    days): the converters keep an object that is already what they would make."""
    intern = sys.intern
    memo: dict[Any, Any] = {}
    limit = 1 << 16  # distinct values remembered; past that, values are kept as they come

    def once(value: Any) -> Any:
        found = memo.get(value)
        if found is None:
            found = value
            if len(memo) < limit:
                memo[value] = value
        return found

    def share(key: str, value: Any) -> Any:
        if isinstance(value, str):
            if key in ("start", "end", "on", "drafted_on"):
                moment = memo.get(("moment", value))
                if moment is None:
                    try:
                        moment = _moment(value)
                    except Fallback:
                        return value  # the converter will give up on it, as it should
                    if len(memo) < limit:
                        memo[("moment", value)] = moment
                return moment
            return intern(value) if len(value) <= 24 else value
        if isinstance(value, float):
            return once(value)
        if isinstance(value, list) and all(type(v) is str and len(v) <= 24 for v in value):
            return once(tuple(intern(v) for v in value))
        return value

    def shared(item: Any) -> Any:
        if isinstance(item, dict):
            item = {k: (v if k in ("id", "title", "note", "place") else share(k, v)) for k, v in item.items()}
        return build(item)
    return shared
