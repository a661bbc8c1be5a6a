"""Advisories about a schedule that do not stop a check: waivers and attestations of
requirements the plan lacks, and (for plans that accept placeholders) names the plan does
not declare."""

from __future__ import annotations

from ..errors import format_path, nearest
from ..i18n import Msg
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
    for coll in ("waivers", "attestations"):
        for i, item in enumerate(getattr(schedule, coll)):
            if item.requirement not in rules:
                hint = nearest(item.requirement, rules)
                out.append(Notice(
                    "unknown-requirement", subject=item.requirement,
                    msg=Msg.of("notice.unknown_requirement", where=f"{coll}[{i}]", what=Msg.of(f"notice.what.{coll}"),
                               requirement=repr(item.requirement),
                               hint=Msg.of("notice.did_you_mean", hint=repr(hint)) if hint else "")))
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
        out.append(Notice(
            "unknown-reference", subject=value,
            msg=Msg.of("notice.unknown_reference", value=repr(value), where=where[0] + more,
                       hint=Msg.of("notice.did_you_mean", hint=repr(hint)) if hint else "")))
    return out
