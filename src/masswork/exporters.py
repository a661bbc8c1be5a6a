"""What an export format is: a name, a file suffix and a function from
:class:`ExportInput` to bytes. Formats come from plugins through the
``masswork_register_exporters`` hook; masswork writes the bytes atomically."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

import attrs

from .i18n import Msg
from .i18n.described import Described
from .model import Plan, Schedule
from .report import Report

__all__ = ["ExportInput", "Exporter", "FORMAT_NAME", "deterministic_zip"]

FORMAT_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


@attrs.frozen
class ExportInput:
    """Everything an exporter may use. ``report`` was computed for ``as_of``; ``lang`` is
    "zh" or "en"."""

    plan: Plan
    schedule: Schedule
    report: Report
    lang: str = "zh"
    as_of: dt.date | None = None

    def stamp(self) -> dt.datetime:
        """When an exported file says it was made: the report's day, else the schedule's
        last day, else 1 January of the plan's year — never the clock, so equal input gives
        equal bytes. Midnight, without a time zone."""
        if self.as_of is not None:
            day = self.as_of
        else:
            days = [e.day for e in self.schedule.events]
            day = max(days) if days else dt.date(max(self.plan.year, 1980), 1, 1)
        return dt.datetime.combine(day, dt.time(0, 0))


def deterministic_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip archive (xlsx, docx, odt …) with every entry dated ``when`` and
    compressed the same way, so that equal input makes equal bytes."""
    date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


@attrs.frozen
class Exporter(Described):
    """An export format. ``export`` returns the whole file as bytes (text formats UTF-8).

    ``message`` says what the format is, for ``masswork formats``, as a catalogue message
    (a :class:`~masswork.i18n.Msg`, e.g. a plugin's ``Catalogue("masswork_x").msg("export.x")``,
    or a message id of masswork's catalogue) rendered in the reader's language.
    ``description``/``description_en`` are the legacy Traditional/English pair
    (:class:`~masswork.i18n.described.Described`); :meth:`description_text` renders
    whichever the format has."""

    name: str
    suffix: str
    export: Callable[[ExportInput], bytes]
    _description: str = ""
    _description_en: str = ""
    binary: bool = False
    media_type: str = "application/octet-stream"
    message: Msg | str | None = None
