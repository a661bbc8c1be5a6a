"""Advisories about a schedule that do not stop a check: waivers and attestations of
requirements the plan lacks, and (for plans that accept placeholders) names the plan does
not declare."""

from __future__ import annotations

from ..errors import format_path, nearest
from ..model import Plan, Schedule
from ..report import Notice
from .refs import plan_namespaces
from .schedule import schedule_refs

__all__ = ["orphan_notices", "schedule_notices"]


def orphan_notices(schedule: Schedule, plan: Plan) -> list[Notice]:
    """Waivers and attestations of requirements the plan does not have (a plan revised after
    the record was kept): warned about and ignored, not fatal."""
    rules = {r.id for r in plan.requirements}
    out = []
    for coll, zh in (("waivers", "豁免"), ("attestations", "簽字確認")):
        for i, item in enumerate(getattr(schedule, coll)):
            if item.requirement not in rules:
                hint = nearest(item.requirement, rules)
                more = f"; did you mean {hint!r}" if hint else ""
                out.append(Notice(
                    "unknown-requirement",
                    f"{coll}[{i}]:{zh}針對的要求 {item.requirement!r} 不在方案中,已忽略",
                    f"{coll}[{i}]: requirement {item.requirement!r} is not in the plan; ignored{more}",
                    subject=item.requirement))
    return out


def schedule_notices(schedule: Schedule, plan: Plan) -> list[Notice]:
    """Unknown references as advisories, for plans that accept placeholders (a drafted plan
    has no roster, so the unit's people are unknown to it)."""
    # One advisory per unknown name, not per place it is used: a drafted plan checked
    # against a full ledger would otherwise bury the findings under repeats.
    spaces = plan_namespaces(plan)
    known = set().union(*spaces.values())
    places: dict[str, list[str]] = {}
    for path, value, _kind in schedule_refs(schedule):
        if value not in known:
            places.setdefault(value, []).append(format_path(path))
    out = []
    for value, where in places.items():
        more = f" (+{len(where) - 1})" if len(where) > 1 else ""
        hint = nearest(value, known)
        hint_zh = f";是否為 {hint!r}" if hint else ""
        hint_en = f"; did you mean {hint!r}" if hint else ""
        out.append(Notice(
            "unknown-reference",
            f"方案未聲明 {value!r}(見於 {where[0]}{more}),按佔位處理{hint_zh}",
            f"{value!r} is not declared in the plan (used at {where[0]}{more}); treated as a placeholder{hint_en}",
            subject=value))
    return out
