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
from masswork.kinds import Context, PerPerson
from masswork.kinds.common import scope, select
from masswork.model import Event, Person, Plan
from masswork.report import Finding, Status

__all__ = ["QuotaRow", "quota_rows", "label"]

_VERB_ZH = {"host": "主持", "participant": "參加", "attendee": "出席", "owner": "提交"}
_VERB_EN = {"host": "hosts", "participant": "takes part in", "attendee": "attends", "owner": "owns"}


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


def label(plan: Plan, ref: str | None, lang: str) -> str:
    """The display name of a plan id: its English name with ``lang`` "en" where the plan
    gives one, else its name, else the id itself."""
    if ref is None:
        return ""
    if lang == "en":
        english: dict[str, str] = {}
        for coll in (plan.roles, plan.bodies, plan.groups, plan.activities, plan.documents):
            english.update((item.id, item.name_en) for item in coll if item.name_en)
        english.update((ph.id, ph.name_en) for ph in plan.phases if ph.name_en)
        if ref in english:
            return english[ref]
    return plan.names().get(ref, ref)


def _quota(plan: Plan, p: PerPerson, person: Person) -> tuple[int, str]:
    roles = plan.person_roles(person)
    best: int | None = None
    basis = p.role
    for key, n in p.min_for.items():
        if key == person.id or key in roles:
            if best is None or n > best:
                best, basis = n, key
    return (p.min if best is None else best), basis


def _counts_for(how: str, e: Event, person: str) -> bool:
    if how == "host":
        return e.host == person
    if how == "participant":
        return person == e.host or person in e.participants
    return person == e.host or person in e.participants or person in e.attendees


def _context(inp: ExportInput) -> Context:
    working: Callable[[dt.date], bool] | None = None
    try:
        from masswork.plugins import get_calendar

        working = get_calendar().is_working_day
    except Exception:  # noqa: BLE001 - weekends-only counting is the engine's own fallback
        working = None
    return Context(inp.plan, inp.schedule, inp.as_of, is_working_day=working)


def _count(p: PerPerson, ctx: Context, people: tuple[Person, ...]) -> dict[str, list[str]]:
    counted: dict[str, list[str]] = {person.id: [] for person in people}
    if p.activity:
        for e in select(ctx, p.activity, within=p.within, in_phase=p.in_phase):
            for person in people:
                if _counts_for(p.counts, e, person.id):
                    counted[person.id].append(e.id)
    elif p.document:
        w = scope(ctx, p.within, p.in_phase)
        docs = {d.id: d for d in ctx.schedule.documents}
        for o in ctx.occurrences(document=p.document, action=p.action, party=p.party):
            if (w.start and o.day < w.start) or (w.end and o.day > w.end):
                continue
            doc = docs.get(o.ref)
            if doc is None:
                continue
            owner = doc.owner or doc.drafted_by
            if owner in counted and o.ref not in counted[owner]:
                counted[owner].append(o.ref)
    return counted


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
        people = ctx.people(p.role)
        try:
            counted = _count(p, ctx, people)
        except Exception:  # noqa: BLE001 - fall back on the finding's own numbers
            counted = {}
        subject = p.activity or p.document
        verb = (_VERB_ZH if lang == "zh" else _VERB_EN)[p.counts]
        what = f"{verb}{label(plan, subject, lang)}" if lang == "zh" else f"{verb} {label(plan, subject, lang)}"
        for person in people:
            quota, basis = _quota(plan, p, person)
            evidence = tuple(counted.get(person.id, ()))
            done = len(evidence)
            s = short.get(person.id)
            if s is not None and s.need is not None and s.have is not None:
                quota, done = int(s.need), int(s.have)
            elif person.id not in counted and finding is not None and finding.status is Status.MET:
                done = quota
            rows.append(QuotaRow(
                rule=req.id, clause=req.clause, what=what, person=person.id, name=person.name,
                role=label(plan, basis, lang), quota=quota, done=done, evidence=evidence,
                status=finding.status if finding else None,
            ))
    return rows
