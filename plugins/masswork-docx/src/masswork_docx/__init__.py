"""masswork-docx: the ``docx`` export format — a self-inspection report (自查報告) in
Chinese (English with ``--lang en``) — and a reader that lets ``masswork draft`` take a
.docx plan.

``masswork export PLAN SCHEDULE --format docx -o 自查報告.docx [--as-of DATE] [--lang zh|en]``
"""

from __future__ import annotations

from collections.abc import Callable

from masswork import hookimpl
from masswork.exporters import Exporter

from .reader import read_docx_text
from .report import build_document, export_docx, owed_text, title_text
from .text import clean

__all__ = [
    "EXPORTER",
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
    description="自查報告(Word)",
    description_en="self-inspection report (Word)",
    binary=True,
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    register(EXPORTER)


@hookimpl
def masswork_read_document(path: str) -> str | None:
    """The text of a .docx file (paragraphs and table cells, one per line); None for any
    other kind of file, so another plugin may answer."""
    if not str(path).lower().endswith(".docx"):
        return None
    return read_docx_text(path)
