"""What a ledger holds beside its events: the schedule's documents (with their submissions
and approvals), event notices, waivers, attestations, periods and the unit — each a
*record type* with its own columns, so that masswork's ledger (CSV or XLSX) holds the whole
schedule and reads back to it.

* In a workbook each record type is a sheet of its own (文件, 報送, 審批, 通知, 豁免, 確認,
  時段, 台賬資訊 (or 台賬信息); English sheet names too), one row per record, beside the events' 台賬 sheet.
* In a CSV file, one table: the event columns first (as they always were), then a
  ``record`` column (記錄類型) saying what each row is — empty or 活動 for an event — and
  the columns the other record types use. A program reading the CSV keeps the rows whose
  ``record`` it wants; a clerk sees the 文件 rows below the events.

A submission or approval row names its document by id (``document``), a notice row its
event (``event``), so a clerk adds one by adding a row. Every cell that cannot be read is
reported with its place, as for events (:mod:`.table`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..i18n import LANGS, tr
from .columns import fold

if TYPE_CHECKING:
    from ..model import Schedule
    from .names import Names

__all__ = ["RecordType", "RECORDS", "RECORD_COLUMNS", "record_rows", "record_of", "sheet_record"]

RECORD_COLUMNS = (
    ("record", "記錄類型"), ("document", "文件編號"), ("to", "報送對象"), ("by", "辦理人"),
    ("owner", "所屬人"), ("drafted_by", "起草人"), ("drafted_on", "起草日期"), ("covers", "涵蓋"),
    ("event", "所屬活動"), ("completed_on", "辦結日期"), ("filed_on", "歸檔日期"),
    ("published_on", "公示開始"), ("published_until", "公示結束"), ("requirement", "要求編號"),
    ("reason", "理由"), ("statement", "確認內容"),
)
"""The columns record types add to the ledger's (key, Traditional label); every language's
label is the catalogue's ``col.<key>``."""


@attrs.frozen
class RecordType:
    """A kind of row: its key, Traditional and English names (sheet and ``record`` cell),
    its columns in order and those a row must fill."""

    key: str
    zh: str
    en: str
    columns: tuple[str, ...]
    required: tuple[str, ...]


RECORDS: Mapping[str, RecordType] = {r.key: r for r in (
    RecordType("document", "文件", "Documents",
               ("id", "type", "title", "owner", "drafted_by", "drafted_on", "covers", "event", "unit",
                "completed_on", "filed_on", "published_on", "published_until"), ("id", "type")),
    RecordType("submission", "報送", "Submissions", ("document", "to", "date", "by"), ("document", "to", "date")),
    RecordType("approval", "審批", "Approvals", ("document", "by", "date"), ("document", "by", "date")),
    RecordType("notice", "通知", "Notices", ("event", "channels", "date"), ("event", "channels", "date")),
    RecordType("waiver", "豁免", "Waivers", ("requirement", "reason", "by", "date"), ("requirement", "by", "date")),
    RecordType("attestation", "確認", "Attestations", ("requirement", "by", "date", "statement"),
               ("requirement", "by", "date")),
    RecordType("period", "時段", "Periods", ("id", "title", "date", "end"), ("id", "date", "end")),
    RecordType("schedule", "台賬資訊", "Schedule", ("unit",), ("unit",)),
)}
"""Every record type but the event, in the order a ledger lists them."""

_EVENT_WORDS = ("活動", "event", "events", "")
# Each record type by its own names and by what masswork writes for it in every language
# (record.<key>, sheet.<key> in the catalogue: 台賬資訊 as well as the older 台賬信息).
_BY_WORD = {fold(w): k for k, r in RECORDS.items()
            for w in (k, r.zh, r.en, *(tr(lang, f"{c}.{k}") for lang in LANGS for c in ("record", "sheet")))} \
    | {fold(w): "event" for w in _EVENT_WORDS}


def record_of(text: str) -> str | None:
    """The record type a ``record`` cell names (``"event"`` for an empty cell), or None."""
    return _BY_WORD.get(fold(text))


def sheet_record(sheet: str | None) -> str | None:
    """The record type a worksheet's name says it holds (文件, Documents …), or None."""
    if not sheet:
        return None
    hit = _BY_WORD.get(fold(sheet))
    return hit if hit in RECORDS else None


def _on(value: Any) -> Any:
    return value


def record_rows(schedule: Schedule, names: Names) -> Iterator[tuple[str, dict[str, Any]]]:
    """The records of ``schedule`` other than its events, as (record type, {column: value}),
    values as a cell holds them: text, or a date / date-time."""
    if schedule.unit:
        yield "schedule", {"unit": schedule.unit}
    for d in schedule.documents:
        yield "document", {
            "id": d.id, "type": names.cell(d.type, "any"), "title": d.title, "owner": names.cell(d.owner, "any"),
            "drafted_by": names.cell(d.drafted_by, "any"), "drafted_on": d.drafted_on,
            "covers": names.cells(d.covers), "event": d.event or "", "unit": names.cell(d.unit, "any"),
            "completed_on": d.completed_on, "filed_on": d.filed_on, "published_on": d.published_on,
            "published_until": d.published_until}
    for d in schedule.documents:
        for s in d.submitted:
            yield "submission", {"document": d.id, "to": names.cell(s.to, "any"), "date": s.on,
                                 "by": names.cell(s.by, "any")}
    for d in schedule.documents:
        for a in d.approved:
            yield "approval", {"document": d.id, "by": names.cell(a.by, "any"), "date": a.on}
    for e in schedule.events:
        for n in e.notices:
            yield "notice", {"event": e.id, "channels": names.cell(n.channel, "any"), "date": n.on}
    for w in schedule.waivers:
        yield "waiver", {"requirement": w.requirement, "reason": w.reason, "by": names.cell(w.approved_by, "any"),
                         "date": w.on}
    for t in schedule.attestations:
        yield "attestation", {"requirement": t.requirement, "by": names.cell(t.by, "any"), "date": t.on,
                              "statement": t.statement}
    for p in schedule.periods:
        yield "period", {"id": p.id, "title": p.name, "date": p.start, "end": p.end}


def moment_text(value: dt.date | dt.datetime | None) -> str:
    """A date or date-time as a ledger cell writes it: ``2014-02-24`` or
    ``2014-02-24 09:30:00`` (a person reads it; the reader takes either, and ISO's T)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    return value.isoformat()
