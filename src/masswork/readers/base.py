"""What a schedule reader is, what it is given and what it gives back.

A reader turns the bytes of one file (a TOML or JSON schedule, a CSV or XLSX ledger …) into
the plain data of a schedule — the structure ``masswork schema schedule`` describes — which
masswork then builds and validates the same way for every format. Readers come from plugins
through the ``masswork_register_readers`` hook; masswork's own are registered the same way
(:mod:`masswork.builtin.readers`).

A file is matched to a reader by its content first (:attr:`Reader.sniff` sees the first
bytes), its suffix second, so a CSV saved as ``.txt`` or a workbook renamed ``.dat`` is
still read by the right reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..i18n import Msg
from ..i18n.described import Described
from ..loaders.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from ..model import Plan

__all__ = ["Reader", "ReadInput", "ReadResult", "SNIFF_BYTES"]

SNIFF_BYTES = 8192
"""How much of the file's beginning :attr:`Reader.sniff` is shown."""


@attrs.frozen
class ReadInput:
    """Everything a reader may use.

    ``data`` is the whole file; ``name`` is how messages name it (a path on the command
    line, an upload's file name on the server — never opened again). ``plan`` is the plan
    the schedule is read for, when known: a table names people and event types by their
    display names, and the plan turns them back into ids (and supplies the year of a date
    written without one). ``mapping`` is the plain data of a mapping file (which column
    holds what) or None. ``limits`` bounds what a reader may build (docs/limits.md).
    """

    data: bytes
    name: str
    plan: Plan | None = None
    mapping: Mapping[str, Any] | None = None
    limits: Limits = DEFAULT_LIMITS


@attrs.frozen
class ReadResult:
    """A schedule as plain data, and what the reader has to say about how it read it.

    ``locations`` maps a key path in ``data`` (``("events", 3, "host")``) to where a person
    finds it in the file (``"活動記錄!E5"``), so that a problem found later — an unknown
    person, a duplicate id — still points at the cell. ``encoding`` names the text encoding
    detected (``"utf-8"``, ``"utf-8-sig"``, ``"gb18030"``), empty for binary formats.
    ``notes`` are (zh, en) remarks worth showing a person (a column not used, document
    links a table cannot hold).
    """

    data: Mapping[str, Any]
    reader: str = ""
    encoding: str = ""
    locations: Mapping[tuple[str | int, ...], str] = attrs.field(factory=dict)
    notes: tuple[tuple[str, str], ...] = ()
    text: str = ""
    """The decoded text, for text formats whose errors are located by line (TOML)."""
    messages: tuple[Msg, ...] = ()
    """The remarks as catalogue messages, in every language; ``notes`` is filled from them
    (Traditional and English) when a reader gives only these."""

    def __attrs_post_init__(self) -> None:
        if self.messages and not self.notes:
            object.__setattr__(self, "notes", tuple((m.render("zh-Hant"), m.render("en")) for m in self.messages))


def _no_sniff(head: bytes) -> bool:
    return False


@attrs.frozen
class Reader(Described):
    """A schedule file format.

    ``sniff(head)`` says from the file's first :data:`SNIFF_BYTES` bytes whether this
    reader recognises the content; ``suffixes`` (lower case, with the dot) are used when no
    reader recognises it. ``read`` returns a :class:`ReadResult` or raises
    :class:`~masswork.errors.InputError` naming the file and the line, key or cell of
    *every* problem it found — never a partial schedule.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[ReadInput], ReadResult]
    sniff: Callable[[bytes], bool] = _no_sniff
    _description: str = ""
    _description_en: str = ""
    media_types: Sequence[str] = ()
    message: Msg | str | None = None
