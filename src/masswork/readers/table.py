"""A ledger table (the rows of a CSV file or a worksheet) → the plain data of a schedule.

One row is one event. Columns are found by their header (:mod:`.columns`); names of people,
bodies and event types are turned back into the plan's ids (by id, name, English name or
alias, in either script); dates and times are read as :mod:`.dates` describes. Every cell
that cannot be read is reported with its place (``活動記錄!D17``), all of them at once, and
no schedule is returned: a ledger is read whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg
from .base import ReadInput, ReadResult
from .columns import AMOUNT, check_mapping, column_letter, fold, match_header
from .dates import EXPECTED, DateCellError, from_serial, parse_day, parse_time
from .names import Names

if TYPE_CHECKING:
    from ..model import Plan

__all__ = ["Table", "read_tables", "STATUS_WORDS"]

_HEADER_SEARCH = 20
STATUS_WORDS: Mapping[str, tuple[str, ...]] = {
    "held": ("已舉行", "held", "已召開", "已開展", "已完成", "完成", "已開", "done"),
    "planned": ("計劃", "planned", "計劃中", "擬召開", "待開", "未開", "未舉行", "plan"),
    "cancelled": ("已取消", "cancelled", "canceled", "取消"),
}
_STATUS = {fold(w): s for s, words in STATUS_WORDS.items() for w in words}
_LIST_FIELDS = ("attendees", "participants", "topics", "targets", "channels", "sections", "sources")


@attrs.frozen
class Table:
    """Rows of cell values as the file holds them (str, int, float, date, datetime, time
    or None). ``sheet`` names the worksheet (None for a CSV file); ``first_row`` is the
    number a person sees on the first row (1)."""

    rows: Sequence[Sequence[Any]]
    sheet: str | None = None
    first_row: int = 1

    def ref(self, row_index: int, col: int) -> str:
        cell = f"{column_letter(col)}{row_index + self.first_row}"
        return f"{self.sheet}!{cell}" if self.sheet else cell


_LINKS = re.compile(r"[、,，;；\n]+")
_QUOTED = ("=", "+", "-", "@", "\t", "\r", "'")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    text = str(value).strip()
    # The apostrophe a ledger writer puts before text a spreadsheet would run as a formula
    # (masswork.builtin.exporters.safe_cell) is not part of the text.
    if text.startswith("'") and text[1:].startswith(_QUOTED):
        return text[1:]
    return text


def _is_blank(row: Sequence[Any]) -> bool:
    return all(_text(c) == "" for c in row)


class _Reading:
    def __init__(self, inp: ReadInput, table: Table, columns: dict[str, list[int]], header: int,
                 shared: _Reading | None = None) -> None:
        self.inp, self.table, self.columns, self.header = inp, table, columns, header
        mapping = inp.mapping or {}
        self.year: int | None = mapping.get("year") or (inp.plan.year if inp.plan else None)
        # The tables of one file share their names, problems and cell locations.
        self.names: Names = shared.names if shared else Names(inp.plan, mapping.get("values") or {})
        self.problems: list[Problem] = shared.problems if shared else []
        self.locations: dict[tuple[str | int, ...], str] = shared.locations if shared else {}
        self.dropped_links = 0
        self.keep_links = False

    def fail(self, r: int, c: int, value: Any, what: Msg, expected: str | Msg | None = None) -> None:
        shown = json.dumps(_text(value), ensure_ascii=False)
        self.problems.append(Problem(msg=Msg.of("reader.cell", value=shown, what=what), file=self.inp.name,
                                     path=(self.table.ref(r, c),), expected=expected))

    def cells(self, row: Sequence[Any], field: str) -> list[tuple[int, Any]]:
        return [(c, row[c] if c < len(row) else None) for c in self.columns.get(field, [])]

    def first(self, row: Sequence[Any], field: str) -> tuple[int, Any]:
        for c, v in self.cells(row, field):
            if _text(v):
                return c, v
        cols = self.columns.get(field) or [0]
        return cols[0], None

    def moment(self, r: int, c: int, value: Any) -> dt.date | dt.datetime | None:
        try:
            if isinstance(value, dt.datetime):
                return value.date() if value.time() == dt.time(0) else value.replace(microsecond=0)
            if isinstance(value, dt.date):
                return value
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                got = from_serial(float(value))
                return got.date() if got.time() == dt.time(0) else got.replace(second=0, microsecond=0)
            return parse_day(_text(value), lambda: self.year)
        except DateCellError as exc:
            code = {"no such day": "reader.no_such_day",
                    "a date without its year needs the plan (its year)": "reader.no_year"}.get(str(exc), "reader.not_date")
            self.fail(r, c, value, Msg.of(code), expected=EXPECTED)
            return None

    def time_of(self, r: int, c: int, value: Any) -> dt.time | None:
        try:
            if isinstance(value, dt.time):
                return value.replace(microsecond=0)
            if isinstance(value, dt.datetime):
                return value.time().replace(microsecond=0)
            if isinstance(value, float) and 0 <= value < 1:  # Excel keeps a time as a day fraction
                minutes = round(value * 24 * 60)
                return dt.time(minutes // 60, minutes % 60)
            return parse_time(_text(value))
        except DateCellError:
            self.fail(r, c, value, Msg.of("reader.not_time"), expected="09:00, 9時30分, 下午2:30")
            return None

    def event(self, r: int, row: Sequence[Any], index: int) -> dict[str, Any] | None:
        path: tuple[str | int, ...] = ("events", index)
        out: dict[str, Any] = {}
        before = len(self.problems)
        c, v = self.first(row, "date")
        self.locations[path + ("start",)] = self.table.ref(r, c)
        self.locations[path] = self.table.ref(r, c)
        if not _text(v):
            self.fail(r, c, v, Msg.of("reader.missing", field=Msg.of("reader.field.date")), expected=EXPECTED)
            start = None
        else:
            start = self.moment(r, c, v)
        tc, tv = self.first(row, "time")
        if start is not None and "time" in self.columns and _text(tv):
            at = self.time_of(r, tc, tv)
            if at is not None:
                start = dt.datetime.combine(start if not isinstance(start, dt.datetime) else start.date(), at)
        out["start"] = start
        ic, iv = self.first(row, "id")
        out["id"] = _text(iv) or f"row-{r + self.table.first_row}"
        self.locations[path + ("id",)] = self.table.ref(r, ic)
        tyc, tyv = self.first(row, "type")
        self.locations[path + ("type",)] = self.table.ref(r, tyc)
        if not _text(tyv):
            self.fail(r, tyc, tyv, Msg.of("reader.missing", field=Msg.of("reader.field.event_type")),
                      expected=Msg.of("read.expected.activity"))
        out["type"] = self.names.id(_text(tyv), "type")
        sc, sv = self.first(row, "status")
        if _text(sv):
            status = _STATUS.get(fold(_text(sv)))
            if status is None:
                self.fail(r, sc, sv, Msg.of("reader.not_status"),
                          expected=" / ".join(w[0] + " " + s for s, w in STATUS_WORDS.items()))
            out["status"] = status
        for field in ("title", "place", "note"):
            fc, fv = self.first(row, field)
            if _text(fv):
                out[field] = _text(fv)
        hc, hv = self.first(row, "host")
        if _text(hv):
            out["host"] = self.names.id(_text(hv), "host")
            self.locations[path + ("host",)] = self.table.ref(r, hc)
        uc, uv = self.first(row, "unit")
        if _text(uv):
            out["unit"] = self.names.id(_text(uv), "any")
            self.locations[path + ("unit",)] = self.table.ref(r, uc)
        pc, pv = self.first(row, "phase")
        if _text(pv):
            out["phase"] = self.names.id(_text(pv), "phase")
            self.locations[path + ("phase",)] = self.table.ref(r, pc)
        ec, ev = self.first(row, "end")
        if _text(ev):
            out["end"] = self.moment(r, ec, ev)
            self.locations[path + ("end",)] = self.table.ref(r, ec)
        hc2, hv2 = self.first(row, "hours")
        if _text(hv2):
            try:
                out["hours"] = float(_text(hv2))
            except ValueError:
                self.fail(r, hc2, hv2, Msg.of("reader.not_hours"), expected="2, 1.5")
        amounts: dict[str, float] = {}
        for field in self.columns:
            am = AMOUNT.match(field)
            if am is None:
                continue
            ac, av = self.first(row, field)
            if not _text(av):
                continue
            try:
                amounts[am.group(1)] = float(_text(av).rstrip("%"))
            except ValueError:
                self.fail(r, ac, av, Msg.of("reader.not_amount"), expected="3000, 23, 92.5")
        if amounts:
            out["amounts"] = amounts
        for field in _LIST_FIELDS:
            items: list[str] = []
            for lc, lv in self.cells(row, field):
                for word in self.names.split(_text(lv), "any"):
                    self.locations[path + (field, len(items))] = self.table.ref(r, lc)
                    items.append(word)
            if items:
                out[field] = items
        # masswork's own ledger lists participants first among the attendees.
        parts, att = out.get("participants", []), out.get("attendees", [])
        if parts and att[: len(parts)] == parts:
            att = att[len(parts):]
            if att:
                out["attendees"] = att
            else:
                out.pop("attendees")
        links = [w.strip() for _, v in self.cells(row, "documents") for w in _LINKS.split(_text(v)) if w.strip()]
        if links and self.keep_links:
            out["documents"] = links
        elif links:
            self.dropped_links += 1
        return out if len(self.problems) == before else None


def _header_row(table: Table, mapping: Mapping[str, Any] | None,
                needs: tuple[str, ...] = ("date", "type")) -> tuple[int, dict[str, list[int]]] | None:
    fixed = (mapping or {}).get("header_row")
    rows = [fixed - table.first_row] if isinstance(fixed, int) else range(min(_HEADER_SEARCH, len(table.rows)))
    for i in rows:
        if 0 <= i < len(table.rows):
            cols = match_header(table.rows[i], mapping)
            if all(f in cols for f in needs):
                return i, cols
    return None


def read_tables(tables: Sequence[Table], inp: ReadInput, reader: str, encoding: str = "") -> ReadResult:
    """The schedule held in ``tables``: the events in the first with a ledger header (or the
    sheet the mapping names), and the other records (:mod:`.records`) in the sheets named
    for them or in the rows a ``record`` column marks — or an :class:`InputError` naming
    every unreadable cell."""
    from .records import RECORDS, record_of, sheet_record
    from .assemble import Assembly

    mapping = inp.mapping or {}
    if inp.mapping is not None:
        check_mapping(inp.mapping, "mapping")
    wanted = mapping.get("sheet")
    candidates = [t for t in tables if (wanted is None and sheet_record(t.sheet) is None) or t.sheet == wanted]
    if wanted is not None and not candidates:
        raise InputError(Problem(msg=Msg.of("reader.no_sheet", sheet=repr(wanted)),
                                 file=inp.name, expected=Msg.of("read.expected.sheet",
                                                                   sheets=", ".join(str(t.sheet) for t in tables))))
    found = None
    for t in candidates:
        hit = _header_row(t, mapping)
        if hit is not None:
            found = (t, *hit)
            break
    if found is None:
        raise InputError(Problem(
            msg=Msg.of("reader.no_header"), file=inp.name,
            expected=Msg.of("read.expected.header")))
    table, header, columns = found
    reading = _Reading(inp, table, columns, header)
    rows: list[tuple[_Reading, int, str]] = []  # (table, row, record type), in file order
    sheets: list[str] = []
    for r in range(header + 1, len(table.rows)):
        if _is_blank(table.rows[r]):
            continue
        kind = "event"
        if "record" in columns:
            c, v = reading.first(table.rows[r], "record")
            got = record_of(_text(v))
            if got is None:
                reading.fail(r, c, v, Msg.of("reader.not_record"),
                             expected=" / ".join(f"{t.zh} {k}" for k, t in RECORDS.items()))
                continue
            kind = got
        rows.append((reading, r, kind))
    for t in tables:
        named = sheet_record(t.sheet)
        if named is None or t is table:
            continue
        hit = _header_row(t, None, RECORDS[named].required)
        if hit is None:
            sheets.append(str(t.sheet))
            continue
        sub = _Reading(inp, t, hit[1], hit[0], shared=reading)
        rows += [(sub, r, named) for r in range(hit[0] + 1, len(t.rows)) if not _is_blank(t.rows[r])]
    reading.keep_links = "record" in columns or any(k == "document" for _, _, k in rows)
    events: list[dict[str, Any]] = []
    for rd, r, kind in rows:
        if kind == "event":
            ev = reading.event(r, table.rows[r], len(events))
            if ev is not None:
                events.append(ev)
    plan_id = mapping.get("plan") or (inp.plan.id if inp.plan is not None else "")
    data: dict[str, Any] = {"plan": plan_id, "events": events}
    Assembly(data, _text).add([(rd, r, k) for rd, r, k in rows if k != "event"])
    if reading.problems:
        raise InputError(reading.problems)
    if mapping.get("unit"):
        data["unit"] = mapping["unit"]
    notes: list[Msg] = []
    if reading.dropped_links:
        notes.append(Msg.of("read.links_dropped", n=reading.dropped_links))
    used = {c for cols in columns.values() for c in cols}
    unused = [_text(v) for i, v in enumerate(table.rows[header]) if i not in used and _text(v)]
    if unused:
        notes.append(Msg.of("read.columns_unused", columns="、".join(unused)))
    if sheets:
        notes.append(Msg.of("read.sheets_unread", sheets="、".join(sheets)))
    return ReadResult(data=data, reader=reader, encoding=encoding, locations=reading.locations,
                      messages=tuple(notes))
