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
from .base import ReadInput, ReadResult
from .columns import check_mapping, column_letter, fold, match_header
from .dates import EXPECTED, DateCellError, from_serial, parse_day, parse_time

if TYPE_CHECKING:
    from ..model import Plan

__all__ = ["Table", "read_tables", "STATUS_WORDS"]

_SPLIT = re.compile(r"([、,，;；/\n]+)")
_HEADER_SEARCH = 20
STATUS_WORDS: Mapping[str, tuple[str, ...]] = {
    "held": ("已舉行", "held", "已召開", "已開展", "已完成", "完成", "已開", "done"),
    "planned": ("計劃", "planned", "計劃中", "擬召開", "待開", "未開", "未舉行", "plan"),
    "cancelled": ("已取消", "cancelled", "canceled", "取消"),
}
_STATUS = {fold(w): s for s, words in STATUS_WORDS.items() for w in words}
_LIST_FIELDS = ("attendees", "participants", "topics", "targets", "channels", "sections", "sources")
# Namespaces a name column is looked up in, first match wins.
_SPACES: Mapping[str, tuple[str, ...]] = {
    "type": ("activities",),
    "host": ("people", "roles", "bodies", "sections", "groups"),
    "phase": ("phases",),
    "any": ("people", "bodies", "groups", "sections", "roles", "activities", "documents", "phases"),
}


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


class _Names:
    """Display name → id, per namespace, built from the plan."""

    def __init__(self, plan: Plan | None, values: Mapping[str, str]) -> None:
        self.values = {fold(k): v for k, v in values.items()}
        self.spaces: dict[str, dict[str, str]] = {}
        if plan is None:
            return
        for ns in _SPACES["any"]:
            table: dict[str, str] = {}
            for item in getattr(plan, ns):
                for word in (getattr(item, "aliases", ()) or ()):
                    table.setdefault(fold(word), item.id)
                for word in (getattr(item, "name_en", ""), getattr(item, "name", "")):
                    if word:
                        table[fold(word)] = item.id
                table[fold(item.id)] = item.id
            self.spaces[ns] = table

    def find(self, text: str, space: str) -> str | None:
        key = fold(text)
        if key in self.values:
            return self.values[key]
        for ns in _SPACES[space]:
            hit = self.spaces.get(ns, {}).get(key)
            if hit is not None:
                return hit
        return None

    def id(self, text: str, space: str) -> str:
        return self.find(text, space) or text

    def split(self, text: str, space: str) -> list[str]:
        """A list cell as ids. Names may themselves hold a separator ("我是誰、為了誰"), so
        the longest run of pieces that is a known name wins before a piece on its own."""
        parts = _SPLIT.split(text)
        words, seps = parts[0::2], parts[1::2]
        out: list[str] = []
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                joined = "".join(w + (seps[k] if k < j - 1 else "") for k, w in enumerate(words[i:j], start=i))
                hit = self.find(joined.strip(), space) if j > i + 1 else None
                if hit is not None:
                    out.append(hit)
                    i = j
                    break
            else:
                if words[i].strip():
                    out.append(self.id(words[i].strip(), space))
                i += 1
        return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _is_blank(row: Sequence[Any]) -> bool:
    return all(_text(c) == "" for c in row)


class _Reading:
    def __init__(self, inp: ReadInput, table: Table, columns: dict[str, list[int]], header: int) -> None:
        self.inp, self.table, self.columns, self.header = inp, table, columns, header
        mapping = inp.mapping or {}
        self.year: int | None = mapping.get("year") or (inp.plan.year if inp.plan else None)
        self.names = _Names(inp.plan, mapping.get("values") or {})
        self.problems: list[Problem] = []
        self.locations: dict[tuple[str | int, ...], str] = {}
        self.dropped_links = 0

    def fail(self, r: int, c: int, value: Any, zh: str, en: str, expected: str | None = None) -> None:
        shown = json.dumps(_text(value), ensure_ascii=False)
        self.problems.append(Problem(zh=f"{shown} {zh}", en=f"{shown} {en}", file=self.inp.name,
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
            why = str(exc)
            zh = {"no such day": "不是日期(沒有這一天)", "not a date": "不是日期",
                  "a date without its year needs the plan (its year)": "沒有年份,須有方案(年度)"}.get(why, "不是日期")
            self.fail(r, c, value, zh, "is not a date" + (f" ({why})" if why != "not a date" else ""),
                      expected=EXPECTED)
            return None

    def time_of(self, r: int, c: int, value: Any) -> dt.time | None:
        try:
            if isinstance(value, dt.time):
                return value.replace(second=0, microsecond=0)
            if isinstance(value, dt.datetime):
                return value.time().replace(second=0, microsecond=0)
            if isinstance(value, float) and 0 <= value < 1:  # Excel keeps a time as a day fraction
                minutes = round(value * 24 * 60)
                return dt.time(minutes // 60, minutes % 60)
            return parse_time(_text(value))
        except DateCellError:
            self.fail(r, c, value, "不是時間", "is not a time", expected="09:00, 9時30分, 下午2:30")
            return None

    def event(self, r: int, row: Sequence[Any], index: int) -> dict[str, Any] | None:
        path: tuple[str | int, ...] = ("events", index)
        out: dict[str, Any] = {}
        before = len(self.problems)
        c, v = self.first(row, "date")
        self.locations[path + ("start",)] = self.table.ref(r, c)
        self.locations[path] = self.table.ref(r, c)
        if not _text(v):
            self.fail(r, c, v, "缺少日期", "— the date is missing", expected=EXPECTED)
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
            self.fail(r, tyc, tyv, "缺少活動類型", "— the event type is missing",
                      expected="an activity of the plan 方案中的活動類型")
        out["type"] = self.names.id(_text(tyv), "type")
        sc, sv = self.first(row, "status")
        if _text(sv):
            status = _STATUS.get(fold(_text(sv)))
            if status is None:
                self.fail(r, sc, sv, "不是活動狀態", "is not an event status",
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
                self.fail(r, hc2, hv2, "不是學時數", "is not a number of hours", expected="2, 1.5")
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
        if any(_text(v) for _, v in self.cells(row, "documents")):
            self.dropped_links += 1
        return out if len(self.problems) == before else None


def _header_row(table: Table, mapping: Mapping[str, Any] | None) -> tuple[int, dict[str, list[int]]] | None:
    fixed = (mapping or {}).get("header_row")
    rows = [fixed - table.first_row] if isinstance(fixed, int) else range(min(_HEADER_SEARCH, len(table.rows)))
    for i in rows:
        if 0 <= i < len(table.rows):
            cols = match_header(table.rows[i], mapping)
            if "date" in cols and "type" in cols:
                return i, cols
    return None


def read_tables(tables: Sequence[Table], inp: ReadInput, reader: str, encoding: str = "") -> ReadResult:
    """The schedule held in the first of ``tables`` with a ledger header (or the sheet the
    mapping names), or an :class:`InputError` naming every unreadable cell."""
    mapping = inp.mapping or {}
    if inp.mapping is not None:
        check_mapping(inp.mapping, "mapping")
    wanted = mapping.get("sheet")
    candidates = [t for t in tables if wanted is None or t.sheet == wanted]
    if wanted is not None and not candidates:
        raise InputError(Problem(zh=f"沒有名為 {wanted!r} 的工作表", en=f"there is no sheet named {wanted!r}",
                                 file=inp.name, expected="one of " + ", ".join(str(t.sheet) for t in tables)))
    found = None
    for t in candidates:
        hit = _header_row(t, mapping)
        if hit is not None:
            found = (t, *hit)
            break
    if found is None:
        raise InputError(Problem(
            zh="找不到台賬表頭(至少要有日期和活動類型兩欄)",
            en="no ledger header found (a row naming at least the date and the event type columns)",
            file=inp.name,
            expected="a header such as 日期 / 活動 / 主持人 / 參加人員, or a mapping file naming the columns"))
    table, header, columns = found
    reading = _Reading(inp, table, columns, header)
    events: list[dict[str, Any]] = []
    for r in range(header + 1, len(table.rows)):
        row = table.rows[r]
        if _is_blank(row):
            continue
        ev = reading.event(r, row, len(events))
        if ev is not None:
            events.append(ev)
        elif not reading.problems:  # pragma: no cover - event() returns None only after a problem
            raise AssertionError
    if reading.problems:
        raise InputError(reading.problems)
    plan_id = mapping.get("plan") or (inp.plan.id if inp.plan is not None else "")
    data: dict[str, Any] = {"plan": plan_id, "events": events}
    if mapping.get("unit"):
        data["unit"] = mapping["unit"]
    notes: list[tuple[str, str]] = []
    if reading.dropped_links:
        notes.append((f"{reading.dropped_links} 行的「文件」欄未讀入:表格不含文件本身,請在 TOML/JSON 台賬中記錄文件",
                      f"the documents column of {reading.dropped_links} rows was not read: a table holds no "
                      "documents themselves; record documents in a TOML/JSON schedule"))
    used = {c for cols in columns.values() for c in cols}
    unused = [_text(v) for i, v in enumerate(table.rows[header]) if i not in used and _text(v)]
    if unused:
        notes.append(("未使用的欄: " + "、".join(unused), "columns not used: " + ", ".join(unused)))
    return ReadResult(data=data, reader=reader, encoding=encoding, locations=reading.locations,
                      notes=tuple(notes))
