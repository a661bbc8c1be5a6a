"""Summary formats: a name, a file suffix and a function from a
:class:`~masswork.batch.summary.Summary` (and a language) to bytes. Built in: ``text``,
``json``, ``csv``; plugins add more (an XLSX workbook, an HTML overview) through the
``masswork_register_summary_exporters`` hook, and batch engines through
``masswork_register_batch_engines``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ..i18n import Msg
from ..i18n.described import Described
from .summary import Summary

if TYPE_CHECKING:
    from ..plugins import PluginHost
    from .run import BatchEngine

__all__ = ["SummaryExporter", "summary_exporters", "batch_engines", "BUILTIN_SUMMARY_EXPORTERS"]


@attrs.frozen
class SummaryExporter(Described):
    """A summary format. ``export(summary, lang)`` returns the file's bytes."""

    name: str
    suffix: str
    export: Callable[[Summary, str], bytes]
    _description: str = ""
    _description_en: str = ""
    binary: bool = False
    message: Msg | str | None = None


def _text(summary: Summary, lang: str) -> bytes:
    return summary.to_text(lang).encode("utf-8")


def _json(summary: Summary, lang: str) -> bytes:
    return (json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(summary: Summary, lang: str) -> bytes:
    return summary.to_csv(lang).encode("utf-8")


BUILTIN_SUMMARY_EXPORTERS = (
    SummaryExporter("text", ".txt", _text, message="describe.summary.text"),
    SummaryExporter("json", ".json", _json, message="describe.summary.json"),
    SummaryExporter("csv", ".csv", _csv, message="describe.summary.csv"),
)


def summary_exporters(host: PluginHost | None = None) -> dict[str, SummaryExporter]:
    """Every registered summary format by name (built-ins and plugins)."""
    from ..plugins import get_host

    h = host or get_host()
    return h._named("masswork_register_summary_exporters", SummaryExporter, "summary format")


def batch_engines(host: PluginHost | None = None) -> dict[str, BatchEngine]:
    """Every registered batch engine by name (``local`` and plugins')."""
    from ..plugins import get_host
    from .run import BatchEngine

    h = host or get_host()
    return h._named("masswork_register_batch_engines", BatchEngine, "batch engine")
