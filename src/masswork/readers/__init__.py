"""Schedule readers: from the bytes of a file to a schedule, whatever the file's format.

masswork reads its own TOML and JSON schedules and CSV ledger tables; plugins add more
(``masswork-xlsx`` reads Excel workbooks) through the ``masswork_register_readers`` hook.
:func:`read_schedule` is what ``check``, ``export`` and ``remind`` use.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..i18n import Msg
from ..loaders.limits import DEFAULT_LIMITS, Limits
from .base import SNIFF_BYTES, Reader, ReadInput, ReadResult
from .choose import build_schedule, choose_reader, read_source, relocate
from .table import Table, read_tables

if TYPE_CHECKING:
    from ..model import Plan, Schedule

__all__ = ["Reader", "ReadInput", "ReadResult", "ScheduleRead", "Table", "read_tables",
           "read_schedule", "read_bytes", "choose_reader", "read_source", "relocate", "SNIFF_BYTES"]


@attrs.frozen
class ScheduleRead:
    """A schedule and how it was read: which reader, which text encoding, and remarks
    (``notes``, each (zh, en)) a person should see."""

    schedule: Schedule
    reader: str
    encoding: str = ""
    notes: tuple[tuple[str, str], ...] = ()
    messages: tuple[Msg, ...] = ()
    """The remarks as catalogue messages (``notes`` holds them as Traditional and English)."""

    def describe(self, lang: str = "zh") -> str:
        """``csv, GB18030`` — the reader and the encoding, for a person, in ``lang``."""
        from ..i18n import tr
        from .text import ENCODING_NAMES

        enc = tr(lang, "read.encoding_bom") if self.encoding == "utf-8-sig" else ENCODING_NAMES.get(
            self.encoding, self.encoding)
        return self.reader + (f", {enc}" if enc else "")

    def remarks(self, lang: str = "zh") -> list[str]:
        """The remarks, in ``lang``."""
        from ..i18n import pair_text

        if self.messages:
            return [m.render(lang) for m in self.messages]
        return [pair_text(zh, en, lang) for zh, en in self.notes]


def read_bytes(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A regular file's bytes, at most ``limits.max_file_bytes``, or an InputError naming
    the file (:func:`masswork.loaders.limits.read_bytes_bounded`)."""
    from ..loaders.limits import read_bytes_bounded

    return read_bytes_bounded(path, limits.max_file_bytes)


def read_schedule(source: str | Path | bytes, plan: Plan | None = None, *,
                  name: str | None = None, mapping: Mapping[str, Any] | None = None,
                  readers: tuple[Reader, ...] | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> ScheduleRead:
    """Read a schedule from a file path or from a file's bytes (``name`` then says how
    messages call it; nothing is opened), in any format a reader recognises.

    A table's mapping file comes from ``mapping`` (plain data); for a path without one,
    ``<file stem>.mapping.toml`` beside the file is used when it exists.
    """
    from ..plugins import get_readers

    if isinstance(source, bytes):
        data, label = source, name or "schedule"
    else:
        data, label = read_bytes(source, limits), name or str(source)
        if mapping is None:
            mapping = _beside(Path(source))
    all_readers = readers if readers is not None else tuple(get_readers().values())
    result = read_source(all_readers, data, label, plan, mapping, limits)
    schedule = build_schedule(result, label, plan, limits)
    return ScheduleRead(schedule, result.reader, result.encoding, result.notes, result.messages)


def _beside(path: Path) -> Mapping[str, Any] | None:
    side = path.with_name(path.stem + ".mapping.toml")
    if not side.is_file():
        return None
    from ..loaders.files import read_data

    return read_data(side)
