"""``masswork explain``: the plan as a printable checklist.

Each requirement with the window its dates resolve to, its due date, who is responsible and,
where people owe different numbers (王建國 ×2, the others ×1), the per-person breakdown. The
due dates and the breakdown are the engine's own: the plan is checked against an empty
schedule, so a due date here is the one ``check`` applies, and nothing is computed twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from .engine import check as run_check
from .i18n import Name, is_chinese, render_value, tr
from .kinds.base import REF, Context
from .kinds.scope import describe as describe_rule
from .model import Plan, Schedule
from .report import Finding
from .workdays import WorkingCalendar

__all__ = ["checklist", "render_checklist"]


def _windows(plan: Plan, req: Any, ctx: Context) -> list[dict[str, str | None]]:
    out: list[dict[str, str | None]] = []
    if not attrs.has(type(req.params)):
        return out
    for f in attrs.fields(type(req.params)):
        if f.metadata.get(REF) != "when":
            continue
        phrase = getattr(req.params, f.name)
        if not phrase:
            continue
        try:
            w = ctx.window(phrase)
        except Exception:  # noqa: BLE001 - validate_plan reports a bad phrase; here just omit it
            continue
        out.append({"phrase": phrase, "start": w.start.isoformat() if w.start else None,
                    "end": w.end.isoformat() if w.end else None})
    return out


def _people(plan: Plan, finding: Finding | None) -> list[dict[str, Any]]:
    if finding is None:
        return []
    people = {p.id for p in plan.people}
    return [{"person": s.subject, "name": s.name or plan.names().get(s.subject, s.subject),
             "need": s.need}
            for s in finding.shortfall if s.subject in people and s.need is not None]


def checklist(plan: Plan, lang: str, *, calendar: WorkingCalendar | None = None) -> list[dict[str, Any]]:
    """One row of plain data per requirement (the JSON of ``explain --format json``)."""
    from .plugins import get_kinds

    kinds = get_kinds()
    empty = run_check(plan, Schedule(plan=plan.id), None, kinds=kinds, calendar=calendar)
    by_rule = {f.rule: f for f in empty.findings}
    ctx = Context(plan, Schedule(plan=plan.id))
    names_zh, names_en = plan.names(), plan.names("en")
    rows = []
    for r in plan.requirements:
        said = describe_rule(kinds.get(r.kind), r, plan)
        f = by_rule.get(r.id)
        # The plan's own title is quoted as written; the kind's words come from the catalogue
        # of the reader's language ("zh" and "en" stay the Traditional and English texts).
        title_zh = r.title or said.render("zh-Hant")
        title_en = r.title_en or said.render("en")
        given = r.title if is_chinese(lang) else r.title_en
        rows.append({
            "rule": r.id, "clause": r.clause, "kind": r.kind, "phase": r.phase, "quote": r.quote,
            "zh": title_zh, "en": title_en,
            "text": given or said.render(lang),
            "windows": _windows(plan, r, ctx),
            "due": f.due.isoformat() if f is not None and f.due else None,
            "responsible": [{"id": i, "name": names_zh.get(i, i),
                             "name_en": names_en.get(i, "") if names_en.get(i) != names_zh.get(i) else ""}
                            for i in r.responsible],
            "people": _people(plan, f),
        })
    return rows


def _people_line(people: list[dict[str, Any]], lang: str) -> str:
    """``王建國 ×2、李飛 ×1`` — the most common number last, as "others"."""
    counts: dict[float, int] = {}
    for p in people:
        counts[p["need"]] = counts.get(p["need"], 0) + 1
    common = max(counts, key=lambda n: counts[n])
    special = [p for p in people if p["need"] != common]
    items: list[object] = [tr(lang, "explain.person_need", name=p["name"], need=p["need"]) for p in special]
    if special:
        items.append(tr(lang, "explain.others_need", need=common))
    else:
        items.append(tr(lang, "explain.everyone_need", need=common, n=len(people)))
    return render_value(tuple(items), lang)


def render_checklist(plan: Plan, rows: list[dict[str, Any]], lang: str) -> str:
    """The checklist as text to print: one heading per phase, one box per requirement."""
    names, names_zh = plan.names("en" if not is_chinese(lang) else "zh"), plan.names()
    lines = [f"{plan.title} ({plan.id})"]
    if plan.source:
        lines.append(tr(lang, "explain.source", source=plan.source))
    by_phase: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_phase.setdefault(row["phase"] or "", []).append(row)
    pad = "      "
    for phase, items in by_phase.items():
        lines.append("")
        if not phase:
            heading = tr(lang, "explain.whole_campaign")
        else:
            heading = Name(names_zh.get(phase, phase), names.get(phase, "")
                           if names.get(phase) != names_zh.get(phase) else "").render(lang)
        lines.append("## " + heading)
        for row in items:
            lines.append(f"- [ ] [{row['clause']}] {row['text']}  ({row['kind']}, {row['rule']})")
            for w in row["windows"]:
                lines.append(pad + tr(lang, "explain.window", phrase=w["phrase"],
                                      start=w["start"] or "…", end=w["end"] or "…"))
            if row["due"]:
                lines.append(pad + tr(lang, "check.due", due=dt.date.fromisoformat(row["due"])))
            if row["responsible"]:
                who = tuple(Name(x["name"], x["name_en"]) for x in row["responsible"])
                lines.append(pad + tr(lang, "check.responsible", who=who))
            if row["people"]:
                lines.append(pad + tr(lang, "explain.people", people=_people_line(row["people"], lang)))
            if row["quote"]:
                lines.append(pad + tr(lang, "explain.quote", quote=row["quote"]))
    return "\n".join(lines)
