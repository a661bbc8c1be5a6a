"""What an export format is: a name, a file suffix and a function from
:class:`ExportInput` to bytes. Formats come from plugins through the
``masswork_register_exporters`` hook; masswork writes the bytes atomically."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from .model import Plan, Schedule
from .report import Report

__all__ = ["ExportInput", "Exporter", "FORMAT_NAME"]

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


@attrs.frozen
class Exporter:
    """An export format. ``export`` returns the whole file as bytes (text formats UTF-8)."""

    name: str
    suffix: str
    export: Callable[[ExportInput], bytes]
    description: str = ""
    description_en: str = ""
    binary: bool = False
    media_type: str = "application/octet-stream"
