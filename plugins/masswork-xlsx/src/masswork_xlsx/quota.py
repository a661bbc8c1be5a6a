"""Per-person quotas: for each ``per-person`` requirement of the plan, each person it binds,
their quota, how many they have done and how many they still owe.

The quota comes from the plan (``min``, raised or lowered by ``min_for`` for a narrower role
or a named person); "done" is counted from the schedule's events (or documents) the way the
``per-person`` kind counts them, judged on the report's ``as_of`` day. Where the report's
finding names a shortfall for a person, its ``need`` and ``have`` are used, so the sheet
never contradicts the findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from masswork.exporters import ExportInput
from masswork.kinds import Context, PerPerson, tally
from masswork.model import Plan
from masswork.report import Finding, Status

from .words import CATALOGUE

__all__ = ["QuotaRow", "quota_rows", "label"]


@dataclass(frozen=True)
class QuotaRow:
    """One person under one per-person requirement."""

    rule: str
    clause: str
    what: str
    person: str
    name: str
    role: str
    quota: int
    done: int
    evidence: tuple[str, ...]
    status: Status | None

    @property
    def owed(self) -> int:
        return max(self.quota - self.done, 0)

    @property
    def person_status(self) -> Status:
        """This person's own standing under the rule: ``met`` once their quota is done,
        else the rule's status (``open`` before the due date, ``overdue`` or ``unmet``
        after; ``waived`` when the rule is); ``unmet`` where the rule has no finding."""
        if self.status is Status.WAIVED:
            return Status.WAIVED
        if self.owed == 0:
            return Status.MET
        if self.status in (Status.OPEN, Status.OVERDUE, Status.UNMET):
            return self.status
        return Status.UNMET


def label(plan: Plan, ref: str | None, lang: str) -> str:
    """The display name of a plan id in ``lang`` (the id itself when it has none)."""
    if ref is None:
        return ""
    return plan.names(lang).get(ref, ref)


def _context(inp: ExportInput) -> Context:
    try:
        from masswork.plugins import get_calendar

        working: Callable[[dt.date], bool] | None = get_calendar().is_working_day
    except Exception:  # noqa: BLE001 - weekends-only counting is the engine's own fallback
        working = None
    return Context(inp.plan, inp.schedule, inp.as_of, is_working_day=working)


def quota_rows(inp: ExportInput) -> list[QuotaRow]:
    """Every (per-person requirement, person) pair of the plan, in plan and roster order."""
    plan, lang = inp.plan, inp.lang
    findings: dict[str, Finding] = {f.rule: f for f in inp.report.findings}
    ctx = _context(inp)
    rows: list[QuotaRow] = []
    for req in plan.requirements:
        p = req.params
        if req.kind != "per-person" or not isinstance(p, PerPerson):
            continue
        finding = findings.get(req.id)
        short = {s.subject: s for s in finding.shortfall} if finding else {}
        tallies = tally(req, ctx)
        subject = p.activity or p.document
        # "xlsx.verb.<counts>": what a person does to count (主持{what}, hosts {what}).
        what = CATALOGUE.tr(lang, f"xlsx.verb.{p.counts}", what=label(plan, subject, lang))
        for t in tallies:
            person, need, basis, evidence = t.person, t.quota, t.basis, t.done
            done = len(evidence)
            s = short.get(person.id)
            if s is not None and s.need is not None and s.have is not None:
                need, done = int(s.need), int(s.have)
            rows.append(QuotaRow(
                rule=req.id, clause=req.clause, what=what, person=person.id, name=person.name,
                role=label(plan, basis, lang), quota=need, done=done, evidence=evidence,
                status=finding.status if finding else None,
            ))
    return rows
