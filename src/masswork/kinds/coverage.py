"""``coverage``: every member of a set is covered — each appraisal target appraised, each
listed topic discussed, each section sends a speaker, each channel used, every member
attended, each self-examination material covers all of 四風.

The set is ``items`` (plan ids) plus, with ``items_from``, the holders of a role, a body's
members or (``items_from = "*sections"`` is not needed:) ``all_sections``. An item is covered
by a counting event of ``activity`` (any type when unset) that lists it in ``field``; for
``field = "attendees"`` a person also counts as covering a role or body they belong to, and
a body or role counts when one of its people attended. With ``document``, items are looked
for in the ``covers`` of documents of that type, and ``each_document`` requires every such
document to cover every item (each member's 對照檢查材料 covers all four 風)."""

from __future__ import annotations

import attrs

from ..i18n import Msg, Name
from ..model import Plan, Requirement
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import PlanWords, select

__all__ = ["Coverage", "KINDS"]

FIELDS = ("attendees", "participants", "topics", "targets", "channels", "sections", "sources")


@attrs.frozen
class Coverage:
    """Every item is covered (see the module docstring)."""

    items: tuple[str, ...] = ref("any", default=())
    field: str = attrs.field(default="topics", validator=attrs.validators.in_(FIELDS + ("covers",)))
    items_from: str | None = ref("party", default=None)
    all_sections: bool = False
    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)
    each_document: bool = False
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)


def _items(p: Coverage, ctx: Context) -> list[str]:
    items = list(p.items)
    if p.items_from:
        items += [x.id for x in ctx.people(p.items_from)]
    if p.all_sections:
        items += [s.id for s in ctx.plan.sections]
    return list(dict.fromkeys(items))


def _coverage(req: Requirement, ctx: Context) -> Outcome:
    p: Coverage = req.params
    items = _items(p, ctx)
    if not items:
        source = (Msg.of("kind.coverage.no_sections") if p.all_sections else
                  Msg.of("kind.coverage.no_holders", role=ctx.word(p.items_from)) if p.items_from
                  else Msg.of("kind.coverage.empty_list"))
        return Outcome(False, msg=Msg.of("kind.coverage.nothing", source=source),
                       shortfall=[Shortfall(req.id, detail="empty list 空清單", code="empty-list")])
    if p.document:
        return _documents(p, ctx, items)
    events = select(ctx, p.activity, within=p.within, in_phase=p.in_phase)
    missing: list[Shortfall] = []
    evidence: dict[str, None] = {}  # an ordered set
    covering = ctx.covering(events, p.field, items)  # one pass over the events
    for item in items:
        hits = covering[item]
        if hits:
            evidence.update(dict.fromkeys(hits))
        else:
            missing.append(Shortfall(item, name=ctx.name(item), need=1, have=0, code="not-covered"))
    where = Msg.of("what.activity", name=ctx.word(p.activity)) if p.activity else Msg.of("kind.coverage.events")
    field = Msg.of(f"kind.coverage.field.{p.field}")
    if not missing:
        return Outcome(True, msg=Msg.of("kind.coverage.met", where=where, n=len(items), field=field),
                       evidence=evidence)
    shown = tuple(Name(s.name or s.subject) for s in missing)
    return Outcome(False, msg=Msg.of("kind.coverage.unmet", where=where, field=field, missing=len(missing),
                                     n=len(items), items=shown, planned=ctx.planned(p.activity)),
                   evidence=evidence, shortfall=missing)


def _documents(p: Coverage, ctx: Context, items: list[str]) -> Outcome:
    assert p.document is not None
    visible = {o.ref for o in ctx.index.document_actions(p.document, "any")}
    docs = [d for d in ctx.index.documents(p.document) if d.id in visible]
    dname = ctx.name(p.document)
    if not docs:
        return Outcome(False, msg=Msg.of("kind.coverage.no_document", document=ctx.word(p.document)),
                       shortfall=[Shortfall(p.document, name=dname, need=1, have=0, code="missing")])
    missing = []
    lacking: list[Msg | Name] = []
    if p.each_document:
        for d in docs:
            lack = [i for i in items if i not in d.covers]
            if lack:
                missing.append(Shortfall(d.id, name=d.title or d.id, detail="、".join(ctx.name(i) for i in lack),
                                         code="missing-items", params={"items": "、".join(ctx.name(i) for i in lack)}))
                lacking.append(Msg.of("kind.coverage.lacks", document=Name(d.title or d.id), items=ctx.words(lack)))
    else:
        seen = {c for d in docs for c in d.covers}
        missing = [Shortfall(i, name=ctx.name(i), need=1, have=0, code="not-covered") for i in items if i not in seen]
        lacking = [ctx.word(i) for i in items if i not in seen]
    evidence = [d.id for d in docs]
    if not missing:
        code = "kind.coverage.each_document_met" if p.each_document else "kind.coverage.document_met"
        return Outcome(True, msg=Msg.of(code, document=ctx.word(p.document), n=len(items)), evidence=evidence)
    return Outcome(False, msg=Msg.of("kind.coverage.document_unmet", document=ctx.word(p.document), items=tuple(lacking)),
                   evidence=evidence, shortfall=missing)


def _describe(req: Requirement, plan: Plan) -> Msg:
    p: Coverage = req.params
    w = PlanWords(plan)
    items: tuple[Name | Msg, ...] = w.words(p.items)
    if p.items_from:
        items += (Msg.of("kind.describe.all_of", role=w.word(p.items_from)),)
    if p.all_sections:
        items += (Msg.of("kind.describe.every_unit"),)
    where = p.activity or p.document
    return Msg.of("kind.describe.coverage" if where else "kind.describe.coverage_any",
                  what=w.word(where), items=items)


KINDS = (Kind("coverage", Coverage, _coverage, _describe, monotone=True,
              title="kind.title.coverage"),)
