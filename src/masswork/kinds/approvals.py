"""Approval kinds: ``gate`` (a document approved by every listed body before an event, or
before the next phase starts), ``report`` (a document submitted to each listed body,
optionally by a date, optionally one per holder of a role), and ``attest`` (a qualitative
item a person signs off: 原汁原味, 深刻誠懇 — not computable, so recorded)."""

from __future__ import annotations

import datetime as dt

import attrs

from ..i18n import Msg, Name
from ..index import Occurrence
from ..model import Moment, Plan, Requirement, day_of
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import PlanWords, phrase

__all__ = ["Gate", "ReportRule", "Attest", "KINDS"]


def _key(m: Moment) -> tuple[dt.date, dt.time]:
    if isinstance(m, dt.datetime):
        return (m.date(), m.time().replace(tzinfo=None))
    return (m, dt.time.min)


@attrs.frozen
class Gate:
    """``document`` approved by each of ``approved_by`` before the first ``before_activity``
    event, or before the phase ``before_phase`` starts (its first event, else its window's
    start)."""

    document: str = ref("document")
    approved_by: tuple[str, ...] = ref("party", default=())
    before_activity: str | None = ref("activity", default=None)
    before_phase: str | None = ref("phase", default=None)

    def __attrs_post_init__(self) -> None:
        if not self.approved_by:
            raise ValueError("approved_by must name at least one body")
        if (self.before_activity is None) == (self.before_phase is None):
            raise ValueError("give exactly one of before_activity or before_phase")


def _gate_anchor(p: Gate, ctx: Context) -> tuple[Moment | None, Msg, str | None]:
    """(when the gated thing starts, its name as a message parameter, evidence id)."""
    if p.before_activity:
        first = ctx.index.events(p.before_activity)
        name = Msg.of("what.activity", name=ctx.word(p.before_activity))
        if first:
            return first[0].start, name, first[0].id
        return None, name, None
    assert p.before_phase is not None
    name = Msg.of("what.phase", name=ctx.word(p.before_phase))
    events = [e for e in ctx.index.events() if e.phase == p.before_phase]
    if events:
        return events[0].start, name, events[0].id
    w = ctx.phase_window(p.before_phase)
    if w.start and (ctx.as_of is None or w.start <= ctx.as_of):
        return w.start, name, None
    return None, name, None


def _gate_due(p: Gate, ctx: Context) -> dt.date | None:
    if p.before_activity:
        planned = ctx.index.planned(p.before_activity)
        return planned[0].day if planned else None
    assert p.before_phase is not None
    # The gate falls due when the next phase actually begins: its first planned event if
    # the schedule has one, else the start its window gives.
    upcoming = [e for e in ctx.index.planned() if e.phase == p.before_phase]
    if upcoming:
        return upcoming[0].day
    return ctx.phase_window(p.before_phase).start


def _gate(req: Requirement, ctx: Context) -> Outcome:
    p: Gate = req.params
    anchor, a_name, anchor_id = _gate_anchor(p, ctx)
    doc = Msg.of("what.document", doc=ctx.word(p.document))
    short, evidence, late = [], [], []
    for body in p.approved_by:
        approvals = ctx.occurrences(document=p.document, action="approved", party=body)
        if approvals:
            evidence.append(approvals[0].ref)
            if anchor is not None and _key(approvals[0].when) > _key(anchor):
                late.append((body, approvals[0]))
        else:
            short.append(Shortfall(body, name=ctx.name(body), need=1, have=0, detail="not approved 未同意",
                                   code="not-approved"))
    if anchor_id:
        evidence.append(anchor_id)
    evidence = list(dict.fromkeys(evidence))
    if late:
        shown = tuple(Msg.of("kind.gate.approval", body=ctx.word(b), day=o.day) for b, o in late)
        return Outcome(False, msg=Msg.of("kind.gate.late", document=doc, approvals=shown, anchor=a_name,
                                         day=day_of(anchor) if anchor else ""),
                       evidence=evidence, final=True,
                       shortfall=[Shortfall(b, name=ctx.name(b), detail=f"approved late {o.day}",
                                                  code="approved-late", params={"day": str(o.day)}) for b, o in late])
    if short:
        started = anchor is not None
        who = ctx.words(s.subject for s in short)
        said = (Msg.of("kind.gate.started", document=doc, bodies=who, anchor=a_name, day=day_of(anchor))
                if started and anchor else Msg.of("kind.gate.not_yet", document=doc, bodies=who, anchor=a_name))
        return Outcome(False, msg=said,
                       evidence=evidence, shortfall=short, final=started, due=_gate_due(p, ctx))
    return Outcome(True, msg=Msg.of("kind.gate.met", document=doc, bodies=ctx.words(p.approved_by), anchor=a_name),
                   evidence=evidence,
                   due=_gate_due(p, ctx))


def _gate_edges(req: Requirement) -> list[tuple[str, str]]:
    p: Gate = req.params
    return [(p.document, p.before_activity)] if p.before_activity else []


def _describe_gate(req: Requirement, plan: Plan) -> Msg:
    p: Gate = req.params
    w = PlanWords(plan)
    anchor = (w.word(p.before_activity) if p.before_activity
              else Msg.of("kind.describe.phase", phase=w.word(p.before_phase)))
    return Msg.of("kind.describe.gate", doc=w.word(p.document), parties=w.words(p.approved_by), anchor=anchor)


@attrs.frozen
class ReportRule:
    """``document`` submitted to each of ``to`` (報送), inside ``within`` when given; with
    ``per``, one document owned by each holder of that role is submitted to each body; with
    ``each_document``, every document of the type in the record is (出臺的有關規定及時報督導組:
    each rule issued, not just one)."""

    document: str = ref("document")
    to: tuple[str, ...] = ref("party", default=())
    within: str | None = when(default=None)
    per: str | None = ref("party", default=None)
    each_document: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.to:
            raise ValueError("to must name at least one body")


def _report(req: Requirement, ctx: Context) -> Outcome:
    p: ReportRule = req.params
    w = ctx.window(p.within) if p.within else None
    doc = Msg.of("what.document", doc=ctx.word(p.document))
    short, evidence = [], []
    whom: list[Msg] = []
    outside: list[Occurrence] = []
    # Whose submissions must be found: one per owner (per), one per document
    # (each_document), or any one at all.
    keys: list[tuple[str, str | None]]
    if p.per:
        keys = [("owner", x.id) for x in ctx.people(p.per)]
    elif p.each_document:
        visible = {o.ref for o in ctx.index.document_actions(p.document, "any")}
        keys = [("doc", d.id) for d in ctx.index.documents(p.document) if d.id in visible]
    else:
        keys = [("any", None)]
    # Each body's submissions once, grouped by owner and by document: with each_document
    # a lookup per document instead of a pass over all of them (it was quadratic).
    sent = {body: ctx.occurrences(document=p.document, action="submitted", party=body) for body in p.to}
    grouped: dict[tuple[str, str, str | None], list[Occurrence]] = {}
    for body, occurrences in sent.items():
        for o in occurrences:
            grouped.setdefault((body, "owner", o.owner), []).append(o)
            grouped.setdefault((body, "doc", o.ref), []).append(o)
    for how, owner in keys:
        for body in p.to:
            subs = sent[body] if how == "any" else grouped.get((body, how, owner), [])
            good = [o for o in subs if w is None or w.contains(o.day)]
            if good:
                evidence.append(good[0].ref)
            else:
                if subs:
                    outside.extend(subs)
                who = f"{ctx.name(owner)}→" if owner else ""
                whom.append(Msg.of("kind.report.owner_to", owner=ctx.word(owner), body=ctx.word(body)) if owner
                            else Msg.of("kind.report.to", body=ctx.word(body)))
                short.append(Shortfall(f"{owner}→{body}" if owner else body, name=f"{who}{ctx.name(body)}",
                                       need=1, have=0,
                                       detail=f"submitted {subs[0].day}, outside {p.within}" if subs else "not submitted 未報送",
                                       code="submitted-outside" if subs else "not-submitted",
                                       params={"day": str(subs[0].day), "within": p.within or ""} if subs else {},
                                       subjects=(owner, body) if owner else (body,)))
    evidence = list(dict.fromkeys(evidence))
    within = Msg.of("kind.report.within", within=p.within) if p.within else ""
    if not short:
        return Outcome(True, msg=Msg.of("kind.report.met", document=doc, bodies=ctx.words(p.to), within=within),
                       evidence=evidence, due=w.end if w else None)
    final = bool(outside) and w is not None and w.end is not None and (ctx.as_of is None or ctx.as_of > w.end)
    return Outcome(False, msg=Msg.of("kind.report.unmet", document=doc, within=within, missing=tuple(whom)),
                   evidence=evidence + [o.ref for o in outside], shortfall=short,
                   due=w.end if w else None, final=final)


def _describe_report(req: Requirement, plan: Plan) -> Msg:
    p: ReportRule = req.params
    w = PlanWords(plan)
    doc = Msg.of("kind.describe.per_doc", role=w.word(p.per), doc=w.word(p.document)) if p.per else w.word(p.document)
    return Msg.of("kind.describe.report", doc=doc, to=w.words(p.to),
                  scope=Msg.of("kind.describe.report_within", window=phrase(p.within)) if p.within else "")


@attrs.frozen
class Attest:
    """A person holding ``by`` (anyone, when unset) signs that ``statement`` holds; recorded
    as an attestation in the schedule. Due with the requirement's ``due`` or phase."""

    statement: str
    by: str | None = ref("party", default=None)


def _attest(req: Requirement, ctx: Context) -> Outcome:
    p: Attest = req.params
    allowed = {x.id for x in ctx.people(p.by)} | {p.by} if p.by else None
    for a in ctx.schedule.attestations:
        if a.requirement != req.id or (ctx.as_of is not None and a.on > ctx.as_of):
            continue
        if allowed is None or a.by in allowed:
            return Outcome(True, msg=Msg.of("kind.attest.met", who=ctx.word(a.by), day=a.on, statement=p.statement),
                           evidence=[f"attest:{a.by}:{a.on}"])
    who = ctx.name(p.by) if p.by else "負責人"
    return Outcome(False, msg=Msg.of("kind.attest.unmet", who=ctx.word(p.by) if p.by else Msg.of("kind.attest.anyone"),
                                     statement=p.statement),
                   shortfall=[Shortfall(p.by or "anyone", name=who, need=1, have=0, detail="attestation 簽字確認",
                                              code="attestation")])


def _describe_attest(req: Requirement, plan: Plan) -> Msg:
    p: Attest = req.params
    return Msg.of("kind.describe.attest", statement=Name(p.statement))


KINDS = (
    Kind("gate", Gate, _gate, _describe_gate, edges=_gate_edges, title="kind.title.gate"),
    Kind("report", ReportRule, _report, _describe_report, monotone=True, title="kind.title.report"),
    Kind("attest", Attest, _attest, _describe_attest, title="kind.title.attest"),
)
