"""masswork-docx: the ``docx`` export format — a self-inspection report (自查報告) in
Chinese (English with ``--lang en``) —, the ``docx-checklist`` format — the plan as a
printable A4 checklist, ``masswork explain`` on paper — and a reader that lets
``masswork draft`` take a .docx plan.

``masswork export PLAN SCHEDULE --format docx -o 自查報告.docx [--as-of DATE] [--lang zh|en]``
``masswork export PLAN SCHEDULE --format docx-checklist -o 落實清單.docx [--as-of DATE]``
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from masswork import hookimpl
from masswork.exporters import Exporter, ExportInput
from masswork.i18n import Catalogue

from .text import clean

if TYPE_CHECKING:
    from .checklist import build_checklist
    from .reader import read_docx_text
    from .report import build_document, owed_text, title_text

# python-docx is imported when a document is written or read, not with this module: the
# plugin host loads it for every command that lists exporters (``masswork --help`` among
# them), and the library (with lxml) costs more to import than the rest of the command.
_LAZY = {"build_checklist": ".checklist", "read_docx_text": ".reader", "build_document": ".report",
         "owed_text": ".report", "title_text": ".report"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def export_docx(inp: ExportInput) -> bytes:
    """The self-inspection report (masswork_docx.report.export_docx)."""
    from .report import export_docx as export

    return export(inp)


def export_docx_checklist(inp: ExportInput) -> bytes:
    """The plan as an A4 checklist (masswork_docx.checklist.export_docx_checklist)."""
    from .checklist import export_docx_checklist as export

    return export(inp)

__all__ = [
    "EXPORTER",
    "CHECKLIST_EXPORTER",
    "export_docx_checklist",
    "build_checklist",
    "export_docx",
    "build_document",
    "read_docx_text",
    "owed_text",
    "title_text",
    "clean",
    "masswork_register_exporters",
    "masswork_read_document",
]

__version__ = "0.1.0"

EXPORTER = Exporter(
    name="docx",
    suffix=".docx",
    export=export_docx,
    message=Catalogue("masswork_docx").msg("docx.format.report"),
    binary=True,
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)

CHECKLIST_EXPORTER = Exporter(
    name="docx-checklist",
    suffix=".docx",
    export=export_docx_checklist,
    message=Catalogue("masswork_docx").msg("docx.format.checklist"),
    binary=True,
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    register(EXPORTER)
    register(CHECKLIST_EXPORTER)


@hookimpl
def masswork_read_document(path: str) -> str | None:
    """The text of a .docx file (paragraphs and table cells, one per line); None for any
    other kind of file, so another plugin may answer."""
    if not str(path).lower().endswith(".docx"):
        return None
    from .reader import read_docx_text

    return read_docx_text(path)
