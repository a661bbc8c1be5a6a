"""masswork-xlsx: the ``xlsx`` export format — the ledger workbook a unit hands to its
supervision group (台賬, 檢查結果, 個人定額, and a sheet for each other kind of record the
schedule holds: 文件, 報送, 審批, 通知, 豁免, 確認, 時段) — and the ``xlsx`` schedule reader, so that
``masswork check PLAN 台賬.xlsx`` reads that workbook, or a unit's own, back.

``masswork export PLAN SCHEDULE --format xlsx -o 台賬.xlsx [--as-of DATE] [--lang zh|en]``
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from masswork import hookimpl
from masswork.exporters import Exporter, ExportInput
from masswork.i18n import Catalogue
from masswork.readers import Reader

from .cells import display_width, safe_text, strip_illegal
from .quota import QuotaRow, quota_rows
from .reader import XLSX_READER, read_xlsx

if TYPE_CHECKING:
    from .workbook import build_workbook


def __getattr__(name: str) -> Any:
    # openpyxl is imported when a workbook is written or read, not with this module: the
    # plugin host loads it for every command that lists exporters (``masswork --help``
    # among them), and the library costs more to import than the rest of the command.
    if name != "build_workbook":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .workbook import build_workbook

    globals()[name] = build_workbook
    return build_workbook


def export_xlsx(inp: ExportInput) -> bytes:
    """The ledger workbook (masswork_xlsx.workbook.export_xlsx)."""
    from .workbook import export_xlsx as export

    return export(inp)

__all__ = [
    "EXPORTER",
    "export_xlsx",
    "build_workbook",
    "quota_rows",
    "QuotaRow",
    "safe_text",
    "strip_illegal",
    "display_width",
    "masswork_register_exporters",
    "masswork_register_readers",
    "XLSX_READER",
    "read_xlsx",
]

__version__ = "0.1.0"

EXPORTER = Exporter(
    name="xlsx",
    suffix=".xlsx",
    export=export_xlsx,
    message=Catalogue("masswork_xlsx").msg("xlsx.format.workbook"),
    binary=True,
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    register(EXPORTER)


@hookimpl
def masswork_register_readers(register: Callable[[Reader], None]) -> None:
    register(XLSX_READER)


@hookimpl
def masswork_register_summary_exporters(register: Callable[[object], None]) -> None:
    """The batch summary workbook (``--summary-format xlsx``); openpyxl loads only when one
    is written."""
    from masswork.batch import SummaryExporter

    def export(summary: object, lang: str) -> bytes:
        from .summary import summary_xlsx

        return summary_xlsx(summary, lang)  # type: ignore[arg-type]

    register(SummaryExporter("xlsx", ".xlsx", export, binary=True,
                             message=Catalogue("masswork_xlsx").msg("xlsx.describe.summary")))
