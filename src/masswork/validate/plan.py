"""The plan checked before anything is evaluated: duplicate ids, unknown references,
phrases that do not parse, windows that cannot be met, cycles in the order of things. Every
problem is collected, then raised together as one :class:`~masswork.errors.PlanError`, so a
user mends a file in one pass."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from ..errors import PlanError, nearest
from ..i18n import Msg
from ..model import Plan
from ..periods import Window
from .cycles import find_cycle
from .refs import NAMESPACES, UNIT, Checker, param_refs

if TYPE_CHECKING:
    from ..kinds.base import KindRegistry

__all__ = ["validate_plan"]


def _campaign(plan: Plan, c: Checker) -> Window:
    start = c.phrase(("start",), plan.start, "when") if plan.start else None
    end = c.phrase(("end",), plan.end, "when") if plan.end else None
    first, last = (start.start if start else None), (end.end if end else None)
    if first and last and first > last:
        c.add(("end",), Msg.of("validate.campaign_backwards"))
        return Window(first, None)  # keep checking the rest against the start alone
    return Window(first, last)


def _overlap(a: Window, b: Window) -> bool:
    return ((a.end is None or b.start is None or a.end >= b.start)
            and (b.end is None or a.start is None or b.end >= a.start))


def _empty_unit(c: Checker, plan: Plan, path: tuple[str | int, ...], unit: str) -> None:
    """A body or role named in ``for_each`` that stands for nobody: every rule over it would
    be met (or unmet) vacuously, so the plan is wrong."""
    body = next((b for b in plan.bodies if b.id == unit), None)
    if body is not None:
        children = [b for b in plan.bodies if b.parent == unit]
        if not children and not body.everyone():
            c.add(path, Msg.of("validate.unit_empty", unit=repr(unit)), expected=Msg.of("validate.expected.unit_members"))
        for child in children:
            if not child.everyone():
                c.add(path, Msg.of("validate.sub_body_empty", unit=repr(unit), body=repr(child.id)),
                      expected=Msg.of("validate.expected.every_unit_members"))
    elif unit in {r.id for r in plan.roles} and not plan.holders(unit):
        c.add(path, Msg.of("validate.role_empty", unit=repr(unit)), expected=Msg.of("validate.expected.role_holders"))


def _unit_placeholder(c: Checker, plan: Plan, for_each: tuple[str, ...], path: tuple[str | int, ...],
                      value: str) -> None:
    """``"{unit}"`` / ``"{unit}/post"`` is only meaningful in a ``for_each`` rule, and a post
    only when every unit is a body that has it."""
    if not for_each:
        c.add(path, Msg.of("validate.unit_without_for_each", value=repr(value)),
              expected=Msg.of("validate.expected.for_each"))
        return
    if "/" not in value:
        return
    post = value.partition("/")[2]
    bodies = {b.id: b for b in plan.bodies}
    for u in for_each:
        children = [b for b in plan.bodies if b.parent == u]
        targets = children or ([bodies[u]] if u in bodies else [])
        if not targets:
            c.add(path, Msg.of("validate.unit_not_body", value=repr(value), unit=repr(u)),
                  expected=Msg.of("validate.expected.for_each_bodies"))
        for b in targets:
            if post not in b.posts:
                c.add(path, Msg.of("validate.unit_no_post", value=repr(value), body=repr(b.id), post=repr(post)),
                      expected=Msg.of("validate.expected.every_unit_post"), hint=nearest(post, b.posts))


def validate_plan(plan: Plan, *, kinds: KindRegistry | None = None, file: str | None = None) -> None:
    """Raise :class:`PlanError` listing every inconsistency of ``plan``; return quietly when
    there is none."""
    if kinds is None:
        from ..plugins import get_kinds

        kinds = get_kinds()
    if _PLANS_VALID.get(id(plan), (None, None))[1] is kinds:
        return  # the loader validated this very plan; check() would again
    c = Checker(plan, file)
    seen: dict[str, str] = {}
    for ns in NAMESPACES:
        for i, item in enumerate(getattr(plan, ns)):
            if item.id in seen:
                c.add((ns, i, "id"), Msg.of("validate.duplicate_id", id=repr(item.id), used=seen[item.id]),
                      expected=Msg.of("validate.expected.unique_ids"))
            seen.setdefault(item.id, ns)
    campaign = _campaign(plan, c)
    if plan.start and plan.end:
        c.campaign = campaign
    for i, p in enumerate(plan.people):
        for j, r in enumerate(p.roles):
            c.ref(("people", i, "roles", j), r, "role")
        if p.section:
            c.ref(("people", i, "section"), p.section, "section")
        for j, s in enumerate(p.oversees):
            c.ref(("people", i, "oversees", j), s, "section")
    for i, role in enumerate(plan.roles):
        for j, r in enumerate(role.includes):
            c.ref(("roles", i, "includes", j), r, "role")
    cyc = find_cycle((r.id, inc) for r in plan.roles for inc in r.includes)
    if cyc:
        c.add(("roles",), Msg.of("validate.role_cycle", cycle=" → ".join(cyc)))
    for i, b in enumerate(plan.bodies):
        for j, m in enumerate(b.members):
            c.ref(("bodies", i, "members", j), m, "person")
        if b.parent:
            c.ref(("bodies", i, "parent"), b.parent, "body")
        for post, holders in b.posts.items():
            for j, m in enumerate(holders):
                c.ref(("bodies", i, "posts", post, j), m, "person")
    cyc = find_cycle((b.id, b.parent) for b in plan.bodies if b.parent)
    if cyc:
        c.add(("bodies",), Msg.of("validate.body_cycle", cycle=" → ".join(cyc)))
    for i, sec in enumerate(plan.sections):
        if sec.head:
            c.ref(("sections", i, "head"), sec.head, "person")
        for j, d in enumerate(sec.deputies):
            c.ref(("sections", i, "deputies", j), d, "person")
    phase_windows: dict[str, Window] = {}
    for i, ph in enumerate(plan.phases):
        bounds = {key: c.phrase(("phases", i, key), getattr(ph, key), "when")
                  for key in ("start", "end") if getattr(ph, key)}
        sw, ew = bounds.get("start"), bounds.get("end")
        start = sw.start if sw is not None else None
        end = ew.end if ew is not None else None
        if start and end and start > end:
            c.add(("phases", i, "end"), Msg.of("validate.phase_backwards", phase=repr(ph.id), start=start, end=end))
        else:
            phase_windows[ph.id] = Window(start, end)
        if ph.gate:
            c.ref(("phases", i, "gate"), ph.gate, "document")
    edges: list[tuple[str, str]] = []
    rule_ids: dict[str, int] = {}
    for i, req in enumerate(plan.requirements):
        path: tuple[str | int, ...] = ("requirements", i)
        if req.id in rule_ids:
            c.add(path + ("id",), Msg.of("validate.duplicate_requirement", id=repr(req.id)))
        rule_ids.setdefault(req.id, i)
        if not req.clause.strip():
            c.add(path + ("clause",), Msg.of("validate.no_clause"))
        if req.phase:
            c.ref(path + ("phase",), req.phase, "phase")
        if req.due:
            c.phrase(path + ("due",), req.due, "when")
        for j, r in enumerate(req.responsible):
            c.ref(path + ("responsible", j), r, "party")
        if req.kind not in kinds:
            c.add(path + ("kind",), Msg.of("validate.unknown_kind", kind=repr(req.kind)),
                  hint=nearest(req.kind, kinds.names()))
            continue
        kind = kinds.get(req.kind)
        if not isinstance(req.params, kind.params):
            c.add(path, Msg.of("validate.params_type", type=kind.params.__name__))
            continue
        in_phase = getattr(req.params, "in_phase", None)
        for j, u in enumerate(req.for_each):
            c.ref(path + ("for_each", j), u, "unit")
            _empty_unit(c, plan, path + ("for_each", j), u)
        for fpath, what, value in param_refs(req.params, path):
            if value == UNIT or value.startswith(UNIT + "/"):
                _unit_placeholder(c, plan, req.for_each, fpath, value)
                continue
            if what not in ("when", "duration", "offset"):
                c.ref(fpath, value, what)
                continue
            w = c.phrase(fpath, value, what)
            pw = phase_windows.get(in_phase) if isinstance(in_phase, str) else None
            if w is not None and pw is not None and not _overlap(w, pw):
                c.add(fpath, Msg.of("validate.window_outside_phase", value=repr(value), phase=repr(in_phase), window=str(pw)))
            if w is not None and w.end and campaign.start and w.end < campaign.start:
                c.add(fpath, Msg.of("validate.window_before_campaign", value=repr(value), end=w.end, start=campaign.start))
            if w is not None and w.start and campaign.end and w.start > campaign.end and req.kind != "campaign":
                c.add(fpath, Msg.of("validate.window_after_campaign", value=repr(value), start=w.start, end=campaign.end))
            if w is not None and w.start and w.end and w.start > w.end:
                c.add(fpath, Msg.of("validate.window_backwards", value=repr(value)))
        if kind.edges is not None:
            edges.extend(kind.edges(req))
    cyc = find_cycle(edges)
    if cyc:
        c.add(("requirements",), Msg.of("validate.order_cycle", cycle=" → ".join(cyc)),
              expected=Msg.of("validate.expected.order"))
    if c.problems:
        raise PlanError(c.problems)
    def forget(_ref: object, key: int = id(plan)) -> None:
        _PLANS_VALID.pop(key, None)

    try:
        ref = weakref.ref(plan, forget)
    except TypeError:
        return
    _PLANS_VALID[id(plan)] = (ref, kinds)


# Plans found valid, by id() while they live, with the kind registry they were validated
# against (held while the plan lives: a registry is small).
_PLANS_VALID: dict[int, tuple[Any, Any]] = {}
