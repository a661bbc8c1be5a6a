"""Approval kinds: ``gate`` (a document approved by every listed body before an event, or
before the next phase starts), ``report`` (a document submitted to each listed body,
optionally by a date, optionally one per holder of a role), and ``attest`` (a qualitative
item a person signs off: 原汁原味, 深刻誠懇 — not computable, so recorded)."""

from __future__ import annotations

import datetime as dt

import attrs

from ..index import Occurrence
from ..model import Moment, Plan, Requirement, day_of
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when

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


def _gate_anchor(p: Gate, ctx: Context) -> tuple[Moment | None, str, str, str | None]:
    """(when the gated thing starts, its name zh, en, evidence id)."""
    if p.before_activity:
        first = ctx.index.events(p.before_activity)
        zh, en = f"「{ctx.name(p.before_activity)}」", ctx.label_en(p.before_activity)
        if first:
            return first[0].start, zh, en, first[0].id
        return None, zh, en, None
    assert p.before_phase is not None
    zh, en = f"「{ctx.name(p.before_phase)}」環節", f"phase {ctx.label_en(p.before_phase)}"
    events = [e for e in ctx.index.events() if e.phase == p.before_phase]
    if events:
        return events[0].start, zh, en, events[0].id
    w = ctx.phase_window(p.before_phase)
    if w.start and (ctx.as_of is None or w.start <= ctx.as_of):
        return w.start, zh, en, None
    return None, zh, en, None


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
    anchor, a_zh, a_en, anchor_id = _gate_anchor(p, ctx)
    doc_zh, doc_en = f"「{ctx.name(p.document)}」", ctx.label_en(p.document)
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
    bodies_zh = "、".join(ctx.name(b) for b in p.approved_by)
    bodies_en = ", ".join(ctx.label_en(b) for b in p.approved_by)
    evidence = list(dict.fromkeys(evidence))
    if late:
        shown = "、".join(f"{ctx.name(b)} {o.day}" for b, o in late)
        return Outcome(False, f"{doc_zh}的同意({shown})晚於{a_zh}({day_of(anchor) if anchor else ''})",
                       f"{doc_en} approved ({shown}) after {a_en} started ({day_of(anchor) if anchor else ''})",
                       evidence=evidence, final=True,
                       shortfall=[Shortfall(b, name=ctx.name(b), detail=f"approved late {o.day}",
                                                  code="approved-late", params={"day": str(o.day)}) for b, o in late])
    if short:
        started = anchor is not None
        who = "、".join(s.name for s in short)
        return Outcome(False,
                       f"{doc_zh}未經{who}同意" + (f",{a_zh}卻已開始({day_of(anchor)})" if started and anchor else f",須在{a_zh}前獲批"),
                       f"{doc_en} not approved by {', '.join(ctx.label_en(s.subject) for s in short)}"
                       + (f", yet {a_en} has started ({day_of(anchor)})" if started and anchor else f"; needed before {a_en}"),
                       evidence=evidence, shortfall=short, final=started, due=_gate_due(p, ctx))
    return Outcome(True, f"{doc_zh}已經{bodies_zh}同意,在{a_zh}之前",
                   f"{doc_en} approved by {bodies_en} before {a_en}", evidence=evidence,
                   due=_gate_due(p, ctx))


def _gate_edges(req: Requirement) -> list[tuple[str, str]]:
    p: Gate = req.params
    return [(p.document, p.before_activity)] if p.before_activity else []


def _describe_gate(req: Requirement, plan: Plan) -> tuple[str, str]:
    p: Gate = req.params
    n = plan.names()
    anchor = n.get(p.before_activity or "", p.before_activity) if p.before_activity else \
        f"{n.get(p.before_phase or '', p.before_phase)}環節"
    return (f"{n.get(p.document, p.document)}須經" + "、".join(n.get(b, b) for b in p.approved_by)
            + f"同意後方可開始{anchor}",
            f"{p.document} approved by {', '.join(p.approved_by)} before {p.before_activity or p.before_phase}")


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
    doc_zh, doc_en = f"「{ctx.name(p.document)}」", ctx.label_en(p.document)
    short, evidence = [], []
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
                short.append(Shortfall(f"{owner}→{body}" if owner else body, name=f"{who}{ctx.name(body)}",
                                       need=1, have=0,
                                       detail=f"submitted {subs[0].day}, outside {p.within}" if subs else "not submitted 未報送",
                                       code="submitted-outside" if subs else "not-submitted",
                                       params={"day": str(subs[0].day), "within": p.within or ""} if subs else {},
                                       subjects=(owner, body) if owner else (body,)))
    evidence = list(dict.fromkeys(evidence))
    when_zh = f"({p.within})" if p.within else ""
    if not short:
        return Outcome(True, f"{doc_zh}已報送" + "、".join(ctx.name(b) for b in p.to) + when_zh,
                       f"{doc_en} submitted to {', '.join(ctx.label_en(b) for b in p.to)}"
                       + (f" within {p.within}" if p.within else ""),
                       evidence=evidence, due=w.end if w else None)
    shown = "、".join(s.name for s in short)
    final = bool(outside) and w is not None and w.end is not None and (ctx.as_of is None or ctx.as_of > w.end)
    return Outcome(False, f"{doc_zh}未按要求報送{when_zh}:{shown}",
                   f"{doc_en} not submitted as required{' within ' + p.within if p.within else ''}: "
                   + ", ".join(s.subject for s in short),
                   evidence=evidence + [o.ref for o in outside], shortfall=short,
                   due=w.end if w else None, final=final)


def _describe_report(req: Requirement, plan: Plan) -> tuple[str, str]:
    p: ReportRule = req.params
    n = plan.names()
    per = f"每位{n.get(p.per, p.per)}的" if p.per else ""
    return (f"{per}{n.get(p.document, p.document)}報送" + "、".join(n.get(b, b) for b in p.to)
            + (f"({p.within})" if p.within else ""),
            f"{'each ' + p.per + ' ' if p.per else ''}{p.document} submitted to {', '.join(p.to)}"
            + (f" within {p.within}" if p.within else ""))


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
            return Outcome(True, f"{ctx.name(a.by)} 於 {a.on} 簽字確認:{p.statement}",
                           f"signed by {ctx.name(a.by)} on {a.on}: {p.statement}", evidence=[f"attest:{a.by}:{a.on}"])
    who = ctx.name(p.by) if p.by else "負責人"
    return Outcome(False, f"待{who}簽字確認:{p.statement}",
                   f"awaiting a signed check by {ctx.label_en(p.by) if p.by else 'a responsible person'}: {p.statement}",
                   shortfall=[Shortfall(p.by or "anyone", name=who, need=1, have=0, detail="attestation 簽字確認",
                                              code="attestation")])


def _describe_attest(req: Requirement, plan: Plan) -> tuple[str, str]:
    p: Attest = req.params
    return (f"簽字確認:{p.statement}", f"signed check: {p.statement}")


KINDS = (
    Kind("gate", Gate, _gate, _describe_gate, "審批關口", "gate", edges=_gate_edges),
    Kind("report", ReportRule, _report, _describe_report, "報送", "report", monotone=True),
    Kind("attest", Attest, _attest, _describe_attest, "簽字確認", "attestation"),
)
