"""The records of a ledger table other than its events (:mod:`.records`) → the schedule's
plain data: documents with the submissions and approvals that name them, notices on the
events they name, waivers, attestations, periods and the unit. Rows are read in file order;
a row naming a document or an event the ledger does not hold is reported at its cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..i18n import Msg
from .dates import EXPECTED

if TYPE_CHECKING:
    from .table import _Reading

__all__ = ["Assembly"]

_FIELD_WORDS = {
    "id": "編號", "type": "類型", "document": "文件編號", "to": "報送對象", "by": "辦理人", "date": "日期",
    "event": "所屬活動", "channels": "渠道", "requirement": "要求編號", "end": "結束", "unit": "單位",
}
_DOC_MOMENTS = ("drafted_on", "completed_on", "filed_on", "published_on", "published_until")


class _Row:
    """One record row being read, its problems reported through its table's reading."""

    def __init__(self, rd: _Reading, r: int, text: Callable[[Any], str]) -> None:
        self.rd, self.r, self.row, self.text_of = rd, r, rd.table.rows[r], text
        self.before = len(rd.problems)

    @property
    def ok(self) -> bool:
        return len(self.rd.problems) == self.before

    def cell(self, field: str) -> tuple[int, Any, str]:
        c, v = self.rd.first(self.row, field)
        return c, v, self.text_of(v)

    def ref(self, field: str) -> str:
        return self.rd.table.ref(self.r, self.cell(field)[0])

    def need(self, fields: Sequence[str]) -> None:
        for f in fields:
            c, v, t = self.cell(f)
            if not t:
                word = Msg.of(f"reader.field.{f}") if f in _FIELD_WORDS else f
                self.rd.fail(self.r, c, v, Msg.of("reader.missing", field=word))

    def text(self, field: str) -> str:
        return self.cell(field)[2]

    def name(self, field: str) -> str | None:
        t = self.text(field)
        return self.rd.names.id(t, "any") if t else None

    def names(self, field: str) -> list[str]:
        return self.rd.names.split(self.text(field), "any")

    def moment(self, field: str, *, day_only: bool = False) -> dt.date | dt.datetime | None:
        c, v, t = self.cell(field)
        if not t:
            return None
        got = self.rd.moment(self.r, c, v)
        if day_only and isinstance(got, dt.datetime):
            self.rd.fail(self.r, c, v, Msg.of("reader.day_only"), expected=EXPECTED)
            return None
        return got

    def missing_link(self, field: str, record: str) -> None:
        c, v, _ = self.cell(field)
        self.rd.fail(self.r, c, v, Msg.of(f"reader.no_such_{record}"), expected=Msg.of(f"reader.expected.{record}_id"))


class Assembly:
    """Adds the records of the rows given to ``data`` (a schedule's plain data whose
    ``events`` are already read)."""

    def __init__(self, data: dict[str, Any], text: Callable[[Any], str]) -> None:
        self.data, self.text = data, text

    def add(self, rows: Sequence[tuple[_Reading, int, str]]) -> None:
        by_kind: dict[str, list[tuple[_Reading, int]]] = {}
        for rd, r, kind in rows:
            by_kind.setdefault(kind, []).append((rd, r))
        docs: list[dict[str, Any]] = []
        for rd, r in by_kind.get("document", []):
            row = _Row(rd, r, self.text)
            row.need(("id", "type"))
            d: dict[str, Any] = {"id": row.text("id"), "type": row.name("type")}
            path: tuple[str | int, ...] = ("documents", len(docs))
            for f in ("title",):
                if row.text(f):
                    d[f] = row.text(f)
            for f in ("owner", "drafted_by", "unit"):
                if row.text(f):
                    d[f] = row.name(f)
                    rd.locations[path + (f,)] = row.ref(f)
            if row.text("event"):
                d["event"] = row.text("event")
                rd.locations[path + ("event",)] = row.ref("event")
            if row.text("covers"):
                d["covers"] = row.names("covers")
                rd.locations[path + ("covers",)] = row.ref("covers")
            for f in _DOC_MOMENTS:
                m = row.moment(f)
                if m is not None:
                    d[f] = m
                    rd.locations[path + (f,)] = row.ref(f)
            if row.ok:
                rd.locations[path] = row.ref("id")
                rd.locations[path + ("type",)] = row.ref("type")
                docs.append(d)
        index = {d["id"]: d for d in docs}
        for kind, key in (("submission", "submitted"), ("approval", "approved")):
            for rd, r in by_kind.get(kind, []):
                row = _Row(rd, r, self.text)
                row.need(("document", "to", "date") if kind == "submission" else ("document", "by", "date"))
                doc = index.get(row.text("document"))
                if doc is None and row.text("document"):
                    row.missing_link("document", "document")
                item: dict[str, Any] = {"on": row.moment("date")}
                if kind == "submission":
                    item["to"] = row.name("to")
                    if row.text("by"):
                        item["by"] = row.name("by")
                else:
                    item["by"] = row.name("by")
                if row.ok and doc is not None:
                    rd.locations[("documents", docs.index(doc), key, len(doc.get(key, [])))] = row.ref("document")
                    doc.setdefault(key, []).append(item)
        events = {e["id"]: e for e in self.data["events"]}
        for rd, r in by_kind.get("notice", []):
            row = _Row(rd, r, self.text)
            row.need(("event", "channels", "date"))
            ev = events.get(row.text("event"))
            if ev is None and row.text("event"):
                row.missing_link("event", "event")
            notice = {"channel": row.name("channels"), "on": row.moment("date")}
            if row.ok and ev is not None:
                ev.setdefault("notices", []).append(notice)
        if docs:
            self.data["documents"] = docs
        self._simple(by_kind)

    def _simple(self, by_kind: dict[str, list[tuple[_Reading, int]]]) -> None:
        for kind, key in (("waiver", "waivers"), ("attestation", "attestations"), ("period", "periods")):
            out: list[dict[str, Any]] = []
            for rd, r in by_kind.get(kind, []):
                row = _Row(rd, r, self.text)
                if kind == "waiver":
                    row.need(("requirement", "by", "date"))
                    item = {"requirement": row.text("requirement"), "reason": row.text("reason"),
                            "approved_by": row.name("by"), "on": row.moment("date", day_only=True)}
                elif kind == "attestation":
                    row.need(("requirement", "by", "date"))
                    item = {"requirement": row.text("requirement"), "by": row.name("by"),
                            "on": row.moment("date", day_only=True)}
                    if row.text("statement"):
                        item["statement"] = row.text("statement")
                else:
                    row.need(("id", "date", "end"))
                    item = {"id": row.text("id"), "start": row.moment("date", day_only=True),
                            "end": row.moment("end", day_only=True)}
                    if row.text("title"):
                        item["name"] = row.text("title")
                if row.ok:
                    rd.locations[(key, len(out))] = row.ref("date")
                    out.append(item)
            if out:
                self.data[key] = out
        for rd, r in by_kind.get("schedule", []):
            row = _Row(rd, r, self.text)
            if row.text("unit"):
                self.data["unit"] = row.text("unit")
