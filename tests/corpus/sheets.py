"""Bad CSV and XLSX schedule cases (imported by generate.py)."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

HEAD = "日期,類型,主持人,參加人員,狀態,學時"
ROW1 = "2014-03-01,座談會,李飛,孫平,已舉行,"
ROW2 = "2014-03-02,學習,,,已舉行,3"


def _csv(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode("utf-8")


def _exp(fragment: str, where: str) -> dict[str, str]:
    return {"reads": "schedule", "fragment": fragment, "where": where}


def csv_cases() -> Iterator[tuple[str, bytes, dict[str, str]]]:
    yield "date-3-32.csv", _csv(HEAD, "3月32日,座談會,李飛,孫平,已舉行,", ROW2), _exp("is not a date", "path A2:")
    yield "date-feb-30.csv", _csv(HEAD, ROW1, "2014-02-30,學習,,,已舉行,3"), _exp("is not a date", "path A3:")
    yield "date-13-month.csv", _csv(HEAD, ROW1, "2014-13-01,學習,,,已舉行,3"), _exp("is not a date", "path A3:")
    yield "date-words.csv", _csv(HEAD, "next tuesday,座談會,李飛,孫平,已舉行,", ROW2), _exp("is not a date", "path A2:")
    yield "date-empty.csv", _csv(HEAD, ",座談會,李飛,孫平,已舉行,", ROW2), _exp("date is missing", "path A2:")
    yield "type-empty.csv", _csv(HEAD, "2014-03-01,,李飛,孫平,已舉行,", ROW2), _exp("event type is missing", "path B2:")
    yield "type-unknown.csv", _csv(HEAD, "2014-03-01,茶話會,李飛,孫平,已舉行,", ROW2), _exp("unknown activity", "path B2:")
    yield "host-unknown.csv", _csv(HEAD, "2014-03-01,座談會,張無忌,孫平,已舉行,", ROW2), _exp("unknown party", "path C2:")
    yield "attendee-unknown.csv", _csv(HEAD, "2014-03-01,座談會,李飛,孫平、趙敏,已舉行,", ROW2), _exp("unknown name", "path D2:")
    yield "status-unknown.csv", _csv(HEAD, "2014-03-01,座談會,李飛,孫平,大概吧,", ROW2), _exp("not an event status", "path E2:")
    yield "hours-text.csv", _csv(HEAD, ROW1, "2014-03-02,學習,,,已舉行,三小時"), _exp("number of hours", "path F3:")
    yield "hours-negative.csv", _csv(HEAD, ROW1, "2014-03-02,學習,,,已舉行,-3"), _exp("must be >= 0", "path A3:")
    yield "hours-inf.csv", _csv(HEAD, ROW1, "2014-03-02,學習,,,已舉行,inf"), _exp("must be finite", "path A3:")
    yield "hours-formula.csv", _csv(HEAD, ROW1, "2014-03-02,學習,,,已舉行,=1+2"), _exp("number of hours", "path F3:")
    yield "host-formula.csv", _csv(HEAD, "2014-03-01,座談會,=HYPERLINK(\"http://x\"),孫平,已舉行,", ROW2), _exp("unknown body", "path C2:")
    yield "date-formula.csv", _csv(HEAD, "=TODAY(),座談會,李飛,孫平,已舉行,", ROW2), _exp("is not a date", "path A2:")
    yield "no-header.csv", _csv(ROW1, ROW2), _exp("no ledger header", "file")
    yield "header-only-one-col.csv", _csv("日期", "2014-03-01"), _exp("no ledger header", "file")
    yield "ragged-short.csv", _csv(HEAD, "2014-03-01", ROW2), _exp("event type is missing", "path B2:")
    yield "nul-in-cell.csv", _csv(HEAD, "2014-03-01,座談\x00會,李飛,孫平,已舉行,", ROW2), _exp("unknown activity", "path B2:")
    yield "nul-bytes.csv", _csv(HEAD, ROW1, ROW2) + b"\x00" * 64, _exp("2014/3/5|event type is missing", "path A4:")
    yield "huge-cell.csv", _csv(HEAD, ROW1 + "x" * 200_000, ROW2), _exp("cannot read the CSV table|field limit", "line 2")
    yield "latin1.csv", (HEAD + "\n" + "2014-03-01,座談會,李飛,孫平,已舉行,\n").encode("utf-8") + "caf\xe9\xff\xfe,\n".encode("latin-1"), _exp("neither UTF-8 nor GB18030", "line 3")
    yield "utf16-no-bom.csv", _csv(HEAD, ROW1, ROW2).decode().encode("utf-16-le"), _exp("neither UTF-8 nor GB18030", "line 1")
    yield "utf16-bom.csv", ("\ufeff" + _csv(HEAD, "3月32日,座談會,李飛,孫平,已舉行,").decode()).encode("utf-16-le"), _exp("is not a date", "path A2:")
    yield "gb18030-bad-date.csv", (HEAD + "\n3月32日,座談會,李飛,孫平,已舉行,\n").encode("gb18030"), _exp("is not a date", "path A2:")
    yield "big5.csv", (HEAD + "\n" + ROW1 + "\n").encode("big5"), _exp("no ledger header", "file")
    yield "unclosed-quote.csv", _csv(HEAD, '2014-03-01,"座談會,李飛,孫平,已舉行,', ROW2), _exp("unknown activity", "path B2:")
    yield "semicolon-bad-date.csv", _csv(HEAD.replace(",", ";"), "2014-02-30;座談會;李飛;孫平;已舉行;"), _exp("is not a date", "path A2:")
    yield "tab-bad-date.tsv", _csv(HEAD.replace(",", "\t"), "2014-02-29\t座談會\t李飛\t孫平\t已舉行\t"), _exp("is not a date", "path A2:")
    yield "empty.csv", b"", _exp("no ledger header", "file")
    yield "bom-only.csv", b"\xef\xbb\xbf", _exp("no ledger header", "file")


def _wb(rows: list[list[Any]], title: str = "活動記錄", extra: dict[str, list[list[Any]]] | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for name, more in (extra or {}).items():
        other = wb.create_sheet(name)
        for r in more:
            other.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same workbook with every zip entry dated 1980-01-01 and workbook timestamps
    blanked, so the generator writes identical bytes on every run."""
    import re

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2014-01-01T00:00:00Z", body)
            z.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


XHEAD = ["日期", "類型", "主持人", "參加人員", "狀態", "學時"]
XROW1 = ["2014-03-01", "座談會", "李飛", "孫平", "已舉行", None]
XROW2 = ["2014-03-02", "學習", None, None, "已舉行", 3]


def xlsx_cases() -> Iterator[tuple[str, bytes, dict[str, str]]]:
    yield "date-text-3-32.xlsx", _wb([XHEAD, ["3月32日", *XROW1[1:]], XROW2]), _exp("is not a date", "path 活動記錄!A2:")
    yield "date-feb-30.xlsx", _wb([XHEAD, XROW1, XROW2, XROW1, ["2014-02-30", *XROW2[1:]]]), _exp("is not a date", "path 活動記錄!A5:")
    yield "date-bool.xlsx", _wb([XHEAD, [True, *XROW1[1:]]]), _exp("is not a date", "path 活動記錄!A2:")
    yield "serial-huge.xlsx", _wb([XHEAD, [99999999, *XROW1[1:]]]), _exp("is not a date", "path 活動記錄!A2:")
    yield "serial-negative.xlsx", _wb([XHEAD, [-5, *XROW1[1:]]]), _exp("is not a date", "path 活動記錄!A2:")
    yield "serial-fraction.xlsx", _wb([XHEAD, [1e300, *XROW1[1:]]]), _exp("2014/3/5", "path 活動記錄!A2:")
    yield "type-unknown.xlsx", _wb([XHEAD, XROW1, ["2014-03-02", "茶話會", None, None, "已舉行", 3]]), _exp("unknown activity", "path 活動記錄!B3:")
    yield "host-unknown.xlsx", _wb([XHEAD, ["2014-03-01", "座談會", "張無忌", "孫平", "已舉行", None]]), _exp("unknown party", "path 活動記錄!C2:")
    yield "hours-text.xlsx", _wb([XHEAD, XROW1, ["2014-03-02", "學習", None, None, "已舉行", "三小時"]]), _exp("number of hours", "path 活動記錄!F3:")
    yield "empty-type.xlsx", _wb([XHEAD, ["2014-03-01", None, "李飛", "孫平", "已舉行", None]]), _exp("missing", "path 活動記錄!B2:")
    yield "no-header.xlsx", _wb([XROW1, XROW2]), _exp("no ledger header", "file")
    yield "empty-workbook.xlsx", _wb([]), _exp("no ledger header", "file")
    yield "second-sheet-bad.xlsx", _wb([["封面"]], "封面", {"活動記錄": [XHEAD, ["3月32日", *XROW1[1:]]]}), _exp("is not a date", "path 活動記錄!A2:")
    yield "not-a-workbook.xlsx", _zip({"xl/hello.txt": b"hi", "readme.txt": b"not a workbook"}), _exp("cannot read the workbook", "file")
    good = _wb([XHEAD, XROW1, XROW2])
    yield "truncated.xlsx", good[: len(good) // 2], _exp("cannot read the workbook", "file")
    yield "garbage-after-pk.xlsx", b"PK\x03\x04" + b"xl/" + b"\x00" * 500, _exp("cannot read the workbook", "file")
    yield "mapping-unknown-sheet.xlsx", good, _exp("there is no sheet named", "file")
    yield "mapping-unknown-sheet.mapping.toml", 'sheet = "不存在的表"\n'.encode(), {}
    yield "bad-xml.xlsx", _zip({"[Content_Types].xml": b"<Types", "xl/workbook.xml": b"<workbook><", "_rels/.rels": b"<"}), _exp("cannot read the workbook", "file")


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), b, zipfile.ZIP_DEFLATED)
    return out.getvalue()
