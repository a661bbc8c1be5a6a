"""The built-in export formats: ``json`` (schedule and report), ``csv`` (the 台賬 ledger),
``csv-findings`` (the findings) and ``markdown`` (the check report).

Text from schedules is hostile until proven otherwise: CSV cells that a spreadsheet would
run as a formula (starting with ``= + - @``, tab or CR) are prefixed with a quote and NUL
characters are dropped; Markdown escapes its own syntax and HTML.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..exporters import Exporter, ExportInput
from ..hookspecs import hookimpl
from ..i18n import tr
from ..loaders.schedule import schedule_to_dict

__all__ = ["safe_cell", "md_escape", "ledger_rows", "record_cells", "csv_header", "LEDGER_HEADER", "FINDINGS_HEADER"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A spreadsheet-safe cell: NUL removed, a leading formula character neutralised with
    an apostrophe (OWASP's advice for CSV injection)."""
    text = "" if value is None else str(value)
    text = text.replace("\x00", "")
    # A leading apostrophe is doubled, so that a reader taking the one it added off
    # (masswork.readers) gives back text that began with one.
    if text.startswith(_FORMULA_START) or (text.startswith("'") and text[1:].startswith((*_FORMULA_START, "'"))):
        return "'" + text
    return text


LEDGER_HEADER = (
    ("date", "日期"), ("time", "時間"), ("type", "類型"), ("title", "名稱"), ("host", "主持人"),
    ("attendees", "參加人員"), ("place", "地點"), ("topics", "內容"), ("documents", "文件"),
    ("status", "狀態"), ("id", "編號"),
    # Added after the first release (columns only ever appended): what else an event holds,
    # so that masswork reads its own ledger back to the same events.
    ("end", "結束"), ("participants", "參與人"), ("targets", "對象"), ("channels", "渠道"),
    ("sections", "科室"), ("sources", "來源"), ("hours", "學時"), ("phase", "環節"), ("note", "備註"),
    ("unit", "單位"),
)
"""Column keys (the English header) with their Traditional labels; every language's label
is the catalogue's ``col.<key>``."""
FINDINGS_HEADER = (
    ("rule", "要求"), ("clause", "條款"), ("kind", "類型"), ("status", "狀態"),
    ("message", "說明"), ("evidence", "依據"), ("due", "期限"), ("quote", "原文"),
)


def _names(inp: ExportInput) -> Callable[..., str]:
    from ..readers.names import Names

    names = Names(inp.plan)
    return lambda x, space="any": names.cell(x, space)


def _number(x: float) -> str:
    if not x:
        return ""
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _when(value: object) -> str:
    # "2014-02-24 11:00:00", not ISO's "…T11:00": a person reads the ledger, and the
    # table reader takes either.
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return value.isoformat(" ")  # type: ignore[no-any-return, attr-defined]
    return value.isoformat()  # type: ignore[no-any-return, attr-defined]


def _clock(value: object) -> str:
    # 09:00, or 09:00:30 when the seconds say something.
    if not isinstance(value, dt.datetime):
        return ""
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def ledger_rows(inp: ExportInput) -> Iterable[list[str]]:
    """The ledger as rows of plain strings (not yet made safe), events in time order."""
    name = _names(inp)
    for e in sorted(inp.schedule.events, key=lambda ev: (ev.day, str(ev.start))):
        yield [
            e.day.isoformat(),
            _clock(e.start),
            name(e.type, "type"), e.title, name(e.host, "host"),
            "、".join(name(a) for a in (*e.participants, *e.attendees)),
            e.place, "、".join(name(t) for t in e.topics), "、".join(e.documents),
            tr(inp.lang, "event." + e.status.value), e.id,
            _when(e.end),
            "、".join(name(p) for p in e.participants),
            *("、".join(name(x) for x in getattr(e, f)) for f in ("targets", "channels", "sections", "sources")),
            _number(e.hours), name(e.phase, "phase"), e.note, name(getattr(e, "unit", None)),
        ]


def csv_header() -> tuple[tuple[str, str], ...]:
    """The CSV ledger's columns: the events' (:data:`LEDGER_HEADER`), then the ``record``
    column and the columns of the other records (:mod:`masswork.readers.records`)."""
    from ..readers.records import RECORD_COLUMNS

    return LEDGER_HEADER + RECORD_COLUMNS


def record_cells(inp: ExportInput) -> Iterable[tuple[str, dict[str, Any]]]:
    """The schedule's records other than events, (record type, {column: cell value}); dates
    stay dates (a workbook writes them as date cells), date-times become text."""
    from ..readers.names import Names
    from ..readers.records import moment_text, record_rows

    for kind, row in record_rows(inp.schedule, Names(inp.plan)):
        yield kind, {k: (moment_text(v) if isinstance(v, dt.datetime) else v) for k, v in row.items()}


def _csv_rows(inp: ExportInput) -> Iterable[list[Any]]:
    from ..readers.records import moment_text

    keys = [k for k, _ in csv_header()]
    width = len(keys)
    event = tr(inp.lang, "record.event")
    for row in ledger_rows(inp):
        yield [*row, event] + [""] * (width - len(row) - 1)
    for kind, cells in record_cells(inp):
        out: list[Any] = [""] * width
        out[keys.index("record")] = tr(inp.lang, "record." + kind)
        for k, v in cells.items():
            out[keys.index(k)] = moment_text(v) if v is not None and not isinstance(v, str) else (v or "")
        yield out


def _csv(header: Sequence[tuple[str, str]], rows: Iterable[Sequence[Any]], lang: str) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([tr(lang, "col." + en) for en, _zh in header])
    for row in rows:
        w.writerow([safe_cell(c) for c in row])
    # A BOM lets Excel on Chinese Windows open UTF-8 CSV as UTF-8.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_csv(inp: ExportInput) -> bytes:
    return _csv(csv_header(), _csv_rows(inp), inp.lang)


def export_csv_findings(inp: ExportInput) -> bytes:
    rows = ([f.rule, f.clause, f.kind, f.status.label(inp.lang), f.message(inp.lang), " ".join(f.evidence),
             f.due.isoformat() if f.due else "", f.quote] for f in inp.report.findings)
    return _csv(FINDINGS_HEADER, rows, inp.lang)


def export_json(inp: ExportInput) -> bytes:
    data = {"schedule": schedule_to_dict(inp.schedule), "report": inp.report.to_dict(inp.lang)}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_escape(text: Any) -> str:
    """Text safe inside Markdown, table cells included: HTML is entity-escaped, Markdown
    syntax backslash-escaped, line breaks folded."""
    s = "" if text is None else str(text)
    s = s.replace("\x00", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return re.sub(r"[\r\n]+", " ", s)


def export_markdown(inp: ExportInput) -> bytes:
    from ..report import Status

    r, lang = inp.report, inp.lang
    out: list[str] = []
    out += ["# " + tr(lang, "md.title", title=md_escape(r.plan_title)), ""]
    out.append(tr(lang, "check.as_of", day=r.as_of or tr(lang, "check.whole_schedule")))
    out.append("")
    counts = r.counts()
    out += ["| " + (" | ".join(Status(k).label(lang) for k in counts)) + " |", "|" + "---|" * len(counts),
            "| " + " | ".join(str(v) for v in counts.values()) + " |", ""]
    out += ["## " + tr(lang, "md.phases"), ""]
    for pid, row in r.phase_completion().items():
        label = md_escape(row["name"] or pid or tr(lang, "check.no_phase"))
        out.append(f"- {label}: {row['done']}/{row['total']}")
    out += ["", "## " + tr(lang, "md.findings"), "",
            "| " + " | ".join(tr(lang, "col." + c) for c in ("status", "clause", "rule", "message", "evidence"))
            + " |", "|---|---|---|---|---|"]
    for f in r.findings:
        out.append("| " + " | ".join(md_escape(x) for x in (
            f.status.label(lang), f.clause, f.rule, f.message(lang), ", ".join(f.evidence))) + " |")
    if r.warnings:
        out += ["", "## " + tr(lang, "md.notices"), ""]
        out += [f"- {md_escape(w.message(inp.lang))}" for w in r.warnings]
    return ("\n".join(out) + "\n").encode("utf-8")


BUILTIN_EXPORTERS = (
    Exporter("json", ".json", export_json, message="export.json", media_type="application/json"),
    Exporter("csv", ".csv", export_csv, message="export.csv", media_type="text/csv"),
    Exporter("csv-findings", ".csv", export_csv_findings, message="export.csv-findings", media_type="text/csv"),
    Exporter("markdown", ".md", export_markdown, message="export.markdown", media_type="text/markdown"),
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    for exporter in BUILTIN_EXPORTERS:
        register(exporter)

