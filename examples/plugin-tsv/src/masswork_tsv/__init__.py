"""masswork-tsv — an example export plugin: the ledger (台賬) as the tab-separated file that
the (fictional) 江東省黨建信息系統 imports.

It is the template to copy for a format of your own. The whole contract is:

1. a function ``export(inp: ExportInput) -> bytes``;
2. an :class:`~masswork.exporters.Exporter` naming it (format name, file suffix,
   descriptions);
3. a ``masswork_register_exporters`` hook implementation that registers the exporter;
4. an entry point in the ``masswork`` group (see ``pyproject.toml``).

masswork writes the bytes to the file atomically; if ``export`` raises, masswork names this
plugin, exits with status 2 and writes nothing.

The import format (江東省黨建信息系統 台賬導入格式 1.0)
-----------------------------------------------------
* UTF-8 without BOM, LF line ends, one event per line, fields separated by one tab;
* the first line is the header (Chinese names; English with ``--lang en``);
* dates ``YYYY-MM-DD``, times ``HH:MM`` (empty when the event has no time of day);
* several people in one field are separated by ``、``;
* 狀態 is a code: ``1`` held, ``0`` planned, ``9`` cancelled;
* a field never holds a tab or a line break (each becomes one space), nor a control
  character; a field that starts with ``= + - @`` gets an apostrophe in front, because the
  province's clerks open these files in a spreadsheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from masswork import hookimpl
from masswork.exporters import Exporter, ExportInput
from masswork.i18n import labels
from masswork.model import Event

__all__ = ["EXPORTER", "HEADER", "STATUS_CODE", "export_tsv", "tsv_field", "masswork_register_exporters"]

__version__ = "0.1.0"

HEADER: Sequence[tuple[str, str]] = (
    ("no", "序號"), ("date", "日期"), ("time", "開始時間"), ("type", "活動類型"),
    ("title", "活動名稱"), ("host", "主持人"), ("people", "參加人員"), ("place", "地點"),
    ("status", "狀態"), ("id", "編號"),
)
"""(English, Chinese) column names, in file order."""

STATUS_CODE = {"held": "1", "planned": "0", "cancelled": "9"}

_BREAKS = re.compile(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@")


def tsv_field(value: object) -> str:
    """One field, safe for the import format: tabs and line breaks become a space, other
    control characters go, and a field whose first non-blank character would start a
    spreadsheet formula (``= + - @``) gets an apostrophe in front, as masswork's own CSV
    does (:func:`masswork.builtin.exporters.safe_cell`)."""
    text = "" if value is None else str(value)
    text = _CONTROL.sub("", _BREAKS.sub(" ", text))
    if text.lstrip(" ").startswith(_FORMULA_START):
        text = "'" + text
    return text


def _rows(inp: ExportInput) -> Iterable[list[str]]:
    # ExportInput carries the plan (for names), the schedule (the events) and the report
    # (the findings, judged on inp.as_of). This format needs only the first two.
    names = inp.plan.names()

    def name(ref: str | None) -> str:
        return "" if ref is None else names.get(ref, ref)

    def start(e: Event) -> str:
        return e.start.strftime("%H:%M") if hasattr(e.start, "hour") else ""

    events = sorted(inp.schedule.events, key=lambda e: (e.day, start(e), e.id))
    for no, e in enumerate(events, start=1):
        yield [
            str(no), e.day.isoformat(), start(e), name(e.type), e.title, name(e.host),
            "、".join(name(p) for p in (*e.participants, *e.attendees)), e.place,
            STATUS_CODE[e.status.value], e.id,
        ]


def export_tsv(inp: ExportInput) -> bytes:
    """The 台賬 as TSV bytes (UTF-8, LF)."""
    # Chinese names in the reader's script (Simplified folded from these by masswork).
    header = list(labels({"zh": {en: zh for en, zh in HEADER}, "en": {en: en for en, _ in HEADER}},
                         inp.lang).values())
    lines = ["\t".join(header)]
    lines += ["\t".join(tsv_field(c) for c in row) for row in _rows(inp)]
    return ("\n".join(lines) + "\n").encode("utf-8")


EXPORTER = Exporter(
    name="tsv",  # what users type after --format: lower-case letters, digits, - and _
    suffix=".tsv",
    export=export_tsv,
    description="台賬(江東省黨建信息系統 TSV 導入格式)",
    description_en="the ledger as TSV for the Jiangdong provincial system",
    binary=False,
    media_type="text/tab-separated-values",
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    """masswork calls this once, when it first needs the formats. ``register`` checks the
    name and refuses a format another plugin already registered (naming both)."""
    register(EXPORTER)
