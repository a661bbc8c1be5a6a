"""The summary of a batch: units × requirements.

For each requirement: how many units met, did not meet, are overdue on, have open, or were
excused from it, and its failure rate (unmet + overdue over the units checked); for each
unit its counts; the units furthest behind (most failing, then most open, then by id); and
the units that could not be checked, with the reason. Plain data (``to_dict``) for JSON,
and text and CSV renderings; other formats come from summary exporters
(``masswork_register_summary_exporters``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import attrs

from ..i18n import tr
from ..i18n.langs import normalize

__all__ = ["Summary", "summarise", "STATUSES", "SUMMARY_FORMAT_VERSION"]

STATUSES = ("met", "unmet", "overdue", "open", "waived")
FAILING = ("unmet", "overdue")
SUMMARY_FORMAT_VERSION = 1


@attrs.frozen
class Summary:
    """What a batch found. ``units`` are the per-unit results of
    :func:`masswork.batch.run.check_unit`, in unit order."""

    units: tuple[dict[str, Any], ...]
    as_of: dt.date | None = None
    behind: int = 10

    @property
    def checked(self) -> tuple[dict[str, Any], ...]:
        return tuple(u for u in self.units if u["error"] is None)

    @property
    def broken(self) -> tuple[dict[str, Any], ...]:
        return tuple(u for u in self.units if u["error"] is not None)

    def rules(self) -> list[str]:
        """Every requirement id seen, in the order of the first unit that has it."""
        seen: dict[str, None] = {}
        for u in self.checked:
            seen.update(dict.fromkeys(u["statuses"]))
        return list(seen)

    def requirements(self) -> list[dict[str, Any]]:
        rows = []
        for rule in self.rules():
            counts = {s: 0 for s in STATUSES}
            units = 0
            for u in self.checked:
                status = u["statuses"].get(rule)
                if status is not None:
                    counts[status] += 1
                    units += 1
            failing = sum(counts[s] for s in FAILING)
            rows.append({"rule": rule, "units": units, **counts,
                         "failure_rate": round(failing / units, 4) if units else 0.0})
        return rows

    def unit_rows(self) -> list[dict[str, Any]]:
        rows = []
        for u in self.units:
            counts = {s: 0 for s in STATUSES}
            for status in u["statuses"].values():
                counts[status] += 1
            rows.append({"unit": u["unit"], "plan": u["plan"], "events": u["events"], **counts,
                         "failing": list(u["failing"]),
                         "error": u["error"]})
        return rows

    def furthest_behind(self) -> list[dict[str, Any]]:
        rows = [r for r in self.unit_rows() if r["error"] is None]
        rows.sort(key=lambda r: (-(r["unmet"] + r["overdue"]), -r["open"], r["unit"]))
        return [r for r in rows if r["unmet"] + r["overdue"] + r["open"]][: self.behind]

    @property
    def ok(self) -> bool:
        return not self.broken and all(u.get("ok", True) for u in self.checked)

    def to_dict(self) -> dict[str, Any]:
        checked = self.checked
        return {
            "format": SUMMARY_FORMAT_VERSION,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "units": len(self.units),
            "checked": len(checked),
            "broken": [{"unit": u["unit"], "error": u["error"]} for u in self.broken],
            "events": sum(u["events"] for u in checked),
            "requirements": self.requirements(),
            "furthest_behind": [{"unit": r["unit"], "unmet": r["unmet"], "overdue": r["overdue"],
                                 "open": r["open"], "failing": r["failing"]} for r in self.furthest_behind()],
            "by_unit": self.unit_rows(),
        }

    def to_csv(self, lang: str = "en") -> str:
        """One row per unit and requirement: ``unit,plan,rule,status`` (broken units get one
        row with status ``error`` and the reason in ``lang``)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["unit", "plan", "rule", "status", "error"])
        for u in self.units:
            if u["error"] is not None:
                w.writerow([u["unit"], u["plan"] or "", "", "error", error_text(u["error"], lang)])
                continue
            for rule, status in u["statuses"].items():
                w.writerow([u["unit"], u["plan"], rule, status, ""])
        return buf.getvalue()

    def to_text(self, lang: str = "zh") -> str:
        checked = self.checked
        lines = [
            tr(lang, "batch.text.title", units=len(self.units), checked=len(checked), broken=len(self.broken))
            + (tr(lang, "batch.text.as_of", day=self.as_of) if self.as_of else ""),
            "",
            tr(lang, "batch.text.header"),
        ]
        for r in self.requirements():
            lines.append(f"{r['rule']:<42} {r['met']:>4} {r['unmet']:>6} {r['overdue']:>8} {r['open']:>5} "
                         f"{r['waived']:>7}  {r['failure_rate'] * 100:5.1f}%")
        behind = self.furthest_behind()
        if behind:
            lines += ["", tr(lang, "batch.text.behind")]
            for r in behind:
                lines.append(f"  {r['unit']}: " + tr(lang, "batch.text.behind_row", unmet=r["unmet"], overdue=r["overdue"],
                                                    open=r["open"])
                             + (" — " + ", ".join(r["failing"][:6]) + ("…" if len(r["failing"]) > 6 else "")
                                if r["failing"] else ""))
        if self.broken:
            lines += ["", tr(lang, "batch.text.broken")]
            for u in self.broken:
                message = error_text(u["error"], lang).replace("\n", "\n    ")
                lines.append(f"  {u['unit']}: {message}")
        return "\n".join(lines) + "\n"


def error_text(error: dict[str, str], lang: str) -> str:
    """A broken unit's ``error`` in ``lang`` (zh-Hans, zh-Hant or en; any spelling
    :func:`~masswork.i18n.normalize` reads). Results from an older run carry only ``zh``
    (Traditional) and ``en``: those fall back to them."""
    code = normalize(lang) or "en"
    if code in error:
        return error[code]
    return error.get("en", "") if code == "en" else error.get("zh") or error.get("en", "")


def summarise(units: Sequence[dict[str, Any]], as_of: dt.date | None = None, behind: int = 10) -> Summary:
    return Summary(tuple(units), as_of, behind)
