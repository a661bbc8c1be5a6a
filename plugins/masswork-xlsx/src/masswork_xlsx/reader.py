"""Reading workbooks back: the ``xlsx`` schedule reader.

masswork's own ledger workbook (the 台賬 sheet the ``xlsx`` format writes) and a unit's own
spreadsheet (any sheet whose header names the date and the event type, or the columns a
mapping file names) are read with openpyxl in read-only mode — rows streamed, formulas as
their cached values, nothing evaluated — and turned into a schedule by the same table
reading the CSV reader uses (:func:`masswork.readers.read_tables`). Dates may be real date
cells, Excel serial numbers or text; every cell that cannot be read is reported as
``台賬.xlsx: 活動記錄!D17: '3月32日' is not a date``.
"""

from __future__ import annotations

import io
from typing import Any

from masswork.errors import InputError, Problem
from masswork.i18n import Msg
from masswork.readers import Reader, ReadInput, ReadResult, Table, read_tables

from .words import CATALOGUE

__all__ = ["XLSX_READER", "read_xlsx", "looks_like_xlsx"]

_MAX_ROWS = 100_000


def _msg(code: str, **params: object) -> Msg:
    return Msg(code, params, package="masswork_xlsx")  # this plugin's own catalogue


def looks_like_xlsx(head: bytes) -> bool:
    """A zip archive whose entries (named in the clear in their local headers) include the
    workbook part ``xl/``; a .docx or .odt does not."""
    return head.startswith(b"PK\x03\x04") and b"xl/" in head


def _tables(data: bytes, name: str) -> list[Table]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a broken part (bad XML, bad zip) is bad input, not a crash
        raise InputError(Problem(msg=_msg("xlsx.read.failed", error=str(exc)),
                                 file=name, expected=Msg.of("read.expected.xlsx"))) from None
    try:
        out = []
        for ws in wb.worksheets:
            rows: list[tuple[Any, ...]] = []
            for row in ws.iter_rows(values_only=True):
                rows.append(tuple(row))
                if len(rows) > _MAX_ROWS:
                    raise InputError(Problem(
                        msg=_msg("xlsx.read.too_many_rows", sheet=ws.title, n=_MAX_ROWS), file=name))
            out.append(Table(rows, sheet=ws.title))
        return out
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet part that openpyxl cannot parse
        raise InputError(Problem(msg=_msg("xlsx.read.failed", error=str(exc)),
                                 file=name, expected=Msg.of("read.expected.xlsx"))) from None
    finally:
        wb.close()


def read_xlsx(inp: ReadInput) -> ReadResult:
    return read_tables(_tables(inp.data, inp.name), inp, "xlsx")


XLSX_READER = Reader(
    "xlsx", (".xlsx", ".xlsm"), read_xlsx, looks_like_xlsx,
    media_types=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
    message=CATALOGUE.msg("xlsx.describe.reader"),
)
