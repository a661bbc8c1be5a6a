"""The plan as a printable checklist: each requirement with its title, the window its
calendar phrase resolves to, its due date, who is responsible and, for a per-person quota,
who owes how many — plain data for exporters (the docx and html plugins print it on A4).

``masswork explain`` prints the plan's requirements as text; this module gives exporters
the same list with the dates resolved and the people named, so a printed checklist and the
check report agree (the due date is the one the engine judged by).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from .i18n import tr
from .kinds import Context, PerPerson, tally
from .kinds.common import scope
from .report import Status

if TYPE_CHECKING:
    from .exporters import ExportInput
    from .kinds.base import KindRegistry
    from .model import Plan, Requirement

__all__ = ["ChecklistItem", "Quota", "checklist", "quota_text", "rule_title", "window_text"]


@attrs.frozen
class Quota:
    """One person's share of a per-person requirement: ``name`` ×``count``."""

    person: str
    name: str
    count: int


@attrs.frozen
class ChecklistItem:
    """One requirement of the plan, resolved for printing. ``window`` is the resolved
    scope of the rule as ISO dates (``start``/``end`` None where unbounded), ``due`` the
    last day it may be done (as the engine judged it), ``responsible`` display names,
    ``quotas`` the per-person breakdown (empty for other kinds), ``status`` the report's
    finding for the rule (None when the report has none)."""

    rule: str
    clause: str
    kind: str
    phase: str
    phase_name: str
    title: str
    quote: str
    start: dt.date | None
    end: dt.date | None
    phrase: str
    due: dt.date | None
    responsible: tuple[str, ...]
    quotas: tuple[Quota, ...]
    status: Status | None


def rule_title(req: Requirement, plan: Plan, lang: str, kinds: KindRegistry | None = None) -> str:
    """The requirement's title in ``lang``: the plan's ``title``/``title_en``, else the
    kind's own description of it, else its id."""
    given = req.title_en if lang == "en" and req.title_en else req.title
    if lang == "en" and not req.title_en:
        given = ""
    if given:
        return given
    if kinds is None:
        from .plugins import get_kinds

        kinds = get_kinds()
    from .kinds.scope import describe

    try:
        # A rule written once for every unit (for_each) names "{unit}" in its parameters;
        # the description says it as each unit's own (本單位書記, the unit's secretary).
        said = describe(kinds.get(req.kind), req, plan, units=False)
    except Exception:  # noqa: BLE001 - a kind that cannot describe itself still has an id
        return req.title or req.id
    return said.render(lang) or req.id


def window_text(item: ChecklistItem, lang: str) -> str:
    """The item's window: ``2014-03-11至2014-03-20``, ``2014-02-25前`` (by), ``2014-02-24起``
    (from) in Chinese; ``2014-03-11 – 2014-03-20``, ``by …``, ``from …`` in English; or ""."""
    if item.start is None and item.end is None:
        return ""
    start = item.start.isoformat() if item.start else ""
    end = item.end.isoformat() if item.end else ""
    if start == end:
        return start
    code = "checklist.window." + ("until" if not start else "from" if not end else "between")
    return tr(lang, code, start=start, end=end)


def _window(req: Requirement, ctx: Context) -> tuple[dt.date | None, dt.date | None, str]:
    p = req.params
    within = getattr(p, "within", None)
    in_phase = getattr(p, "in_phase", None) or None
    within = within if isinstance(within, str) and within else None
    if within is None and in_phase is None and req.phase:
        in_phase = req.phase
    if within is None and in_phase is None:
        return None, None, ""
    try:
        w = scope(ctx, within, in_phase)
    except Exception:  # noqa: BLE001 - the validator reports bad phrases; print the words
        return None, None, within or ""
    if w.start == dt.date.max:
        return None, None, within or ""
    return w.start, w.end, within or ""


def checklist(inp: ExportInput, kinds: KindRegistry | None = None,
              working_day: Callable[[dt.date], bool] | None = None) -> list[ChecklistItem]:
    """Every requirement of ``inp.plan``, in plan order, resolved for a printed checklist."""
    plan, lang = inp.plan, inp.lang
    names: Mapping[str, str] = plan.names(lang)
    ctx = Context(plan, inp.schedule, inp.as_of, is_working_day=working_day)
    findings = {f.rule: f for f in inp.report.findings}
    out: list[ChecklistItem] = []
    for req in plan.requirements:
        f = findings.get(req.id)
        start, end, phrase = _window(req, ctx)
        quotas: tuple[Quota, ...] = ()
        if req.kind == "per-person" and isinstance(req.params, PerPerson):
            try:
                quotas = tuple(Quota(t.person.id, t.person.name, int(t.quota)) for t in tally(req, ctx))
            except Exception:  # noqa: BLE001 - a roster the kind cannot read: no breakdown
                quotas = ()
        out.append(ChecklistItem(
            rule=req.id, clause=req.clause, kind=req.kind, phase=req.phase or "",
            phase_name=names.get(req.phase, req.phase) if req.phase else "",
            title=rule_title(req, plan, lang, kinds), quote=req.quote,
            start=start, end=end, phrase=phrase,
            due=f.due if f is not None else None,
            responsible=tuple(names.get(r, r) for r in req.responsible),
            quotas=quotas, status=f.status if f is not None else None,
        ))
    return out


def quota_text(quotas: tuple[Quota, ...], lang: str) -> str:
    """"王建國 ×2、其他人 ×1(陳紅、劉志強)": the people whose quota differs from the most
    common one by name, then everyone else as one group, named in brackets."""
    if not quotas:
        return ""
    counts: dict[int, int] = {}
    for q in quotas:
        counts[q.count] = counts.get(q.count, 0) + 1
    usual = max(counts, key=lambda c: (counts[c], -c))
    en = lang == "en"
    sep = ", " if en else "、"
    special = [f"{q.name} ×{q.count}" for q in quotas if q.count != usual]
    rest = [q.name for q in quotas if q.count == usual]
    if not special:
        return f"{'each' if en else '每人'} ×{usual} ({sep.join(rest)})" if en else f"每人 ×{usual}({sep.join(rest)})"
    if len(rest) == 1:
        return sep.join(special + [f"{rest[0]} ×{usual}"])
    group = f"others ×{usual} ({sep.join(rest)})" if en else f"其他人 ×{usual}({sep.join(rest)})"
    return sep.join(special + [group])
