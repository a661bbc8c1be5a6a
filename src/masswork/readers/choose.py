"""Choosing the reader for a file and building the schedule from what it read.

The content decides first: every reader's ``sniff`` sees the file's first bytes, and when
several recognise it the one that also claims the file's suffix wins (a ``.csv`` file that
happens to start like TOML). Only when no reader recognises the content does the suffix
decide. A file neither tells is refused, listing the formats masswork reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import InputError, Problem, format_path
from ..i18n import Msg
from ..loaders.limits import DEFAULT_LIMITS, Limits
from .base import SNIFF_BYTES, Reader, ReadInput, ReadResult

if TYPE_CHECKING:
    from ..model import Plan, Schedule

__all__ = ["choose_reader", "read_source", "build_schedule", "relocate"]


def choose_reader(readers: Sequence[Reader], data: bytes, name: str) -> Reader:
    head = data[:SNIFF_BYTES]
    suffix = PurePath(name).suffix.lower()
    # The readers claiming the suffix are asked first: the first of them to recognise the
    # content wins whatever the others say (so a JSON file is not also sniffed as CSV).
    claiming = [r for r in readers if suffix in r.suffixes]
    for r in (*claiming, *(r for r in readers if suffix not in r.suffixes)):
        try:
            if r.sniff(head):
                return r
        except Exception:  # noqa: BLE001 - a reader that cannot sniff just does not claim the file
            continue
    by_suffix = next((r for r in readers if suffix in r.suffixes), None)
    if by_suffix is not None:
        return by_suffix
    known = ", ".join(f"{r.name} ({' '.join(r.suffixes)})" for r in readers)
    raise InputError(Problem(msg=Msg.of("reader.unknown_format"), file=name,
                             expected=Msg.of("reader.expected.formats", formats=known)))


def read_source(readers: Sequence[Reader], data: bytes, name: str, plan: Plan | None = None,
                mapping: Mapping[str, Any] | None = None, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read ``data`` (the file called ``name``) with the reader its content calls for."""
    if len(data) > limits.max_file_bytes:
        raise InputError(Problem(msg=Msg.of("reader.too_large", n=limits.max_file_bytes), file=name,
                                 expected=Msg.of("limits.expected.bytes", n=limits.max_file_bytes)))
    reader = choose_reader(readers, data, name)
    result = reader.read(ReadInput(data=data, name=name, plan=plan, mapping=mapping, limits=limits))
    if not isinstance(result, ReadResult):
        from ..errors import PluginError

        raise PluginError(reader.name, msg=Msg.of("reader.bad_result", reader=reader.name))
    return result if result.reader else attrs.evolve(result, reader=reader.name)


def relocate(exc: InputError, result: ReadResult, name: str) -> InputError:
    """``exc`` with each key path the reader located (``events[3].host``) shown as the
    cell it came from (``活動記錄!E5``), the key path kept after it."""
    if not result.locations:
        return exc
    fixed = []
    for p in exc.problems:
        where = None
        for n in range(len(p.path), 0, -1):
            where = result.locations.get(tuple(p.path[:n]))
            if where is not None:
                break
        if where is None:
            fixed.append(p)
            continue
        key = format_path(p.path)
        if p.msg is not None:
            fixed.append(attrs.evolve(p, path=(where,), file=p.file or name, zh="", en="",
                                      msg=Msg.of("read.at_key", what=p.msg, key=key)))
        else:
            fixed.append(attrs.evolve(p, path=(where,), file=p.file or name,
                                      zh=f"{p.zh}({key})", en=f"{p.en} ({key})"))
    return type(exc)(fixed)


def build_schedule(result: ReadResult, name: str, plan: Plan | None,
                   limits: Limits = DEFAULT_LIMITS) -> Schedule:
    """The schedule from what a reader read, validated against ``plan`` when given; any
    problem is reported where the file holds it (line or cell)."""
    from ..loaders.files import with_lines
    from ..loaders.limits import check_tree
    from ..loaders.schedule import _load

    try:
        check_tree(result.data, limits, name)
        return _load(result.data, name, plan)
    except InputError as exc:
        if result.reader == "toml" and result.text:
            raise with_lines(exc, result.text, "toml") from None
        raise relocate(exc, result, name) from None
