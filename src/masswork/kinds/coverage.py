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

from ..model import Plan, Requirement
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import select

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
        source_zh = ("名冊中沒有科室" if p.all_sections else
                     f"名冊中沒有{ctx.name(p.items_from)}" if p.items_from else "覆蓋清單為空")
        source_en = ("the roster has no sections" if p.all_sections else
                     f"the roster has no {ctx.label_en(p.items_from)}" if p.items_from else "the list is empty")
        return Outcome(False, f"{source_zh},無法核對覆蓋", f"nothing to cover: {source_en}",
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
    where_zh = f"「{ctx.name(p.activity)}」" if p.activity else "各項活動"
    where_en = ctx.label_en(p.activity) if p.activity else "the events"
    field_zh = {"attendees": "出席", "participants": "參加", "topics": "討論專題",
                "targets": "對象", "channels": "渠道", "sections": "科室", "sources": "意見來源"}[p.field]
    if not missing:
        return Outcome(True, f"{where_zh}已覆蓋全部 {len(items)} 項{field_zh}",
                       f"{where_en} cover all {len(items)} {p.field}", evidence=evidence)
    shown = "、".join(s.name or s.subject for s in missing)
    pzh, pen = ctx.planned_note(p.activity)
    return Outcome(False, f"{where_zh}{field_zh}未覆蓋 {len(missing)}/{len(items)} 項:{shown}{pzh}",
                   f"{where_en}: {len(missing)} of {len(items)} {p.field} not covered: "
                   f"{shown.replace('、', ', ')}{pen}", evidence=evidence, shortfall=missing)


def _documents(p: Coverage, ctx: Context, items: list[str]) -> Outcome:
    assert p.document is not None
    visible = {o.ref for o in ctx.index.document_actions(p.document, "any")}
    docs = [d for d in ctx.index.documents(p.document) if d.id in visible]
    dname = ctx.name(p.document)
    if not docs:
        return Outcome(False, f"尚無「{dname}」", f"no {ctx.label_en(p.document)} yet",
                       shortfall=[Shortfall(p.document, name=dname, need=1, have=0, code="missing")])
    missing = []
    if p.each_document:
        for d in docs:
            lack = [i for i in items if i not in d.covers]
            if lack:
                missing.append(Shortfall(d.id, name=d.title or d.id, detail="、".join(ctx.name(i) for i in lack),
                                         code="missing-items", params={"items": "、".join(ctx.name(i) for i in lack)}))
    else:
        seen = {c for d in docs for c in d.covers}
        missing = [Shortfall(i, name=ctx.name(i), need=1, have=0, code="not-covered") for i in items if i not in seen]
    evidence = [d.id for d in docs]
    if not missing:
        scope = "每份" if p.each_document else ""
        return Outcome(True, f"{scope}「{dname}」已涵蓋全部 {len(items)} 項",
                       f"{'each ' if p.each_document else ''}{ctx.label_en(p.document)} covers all {len(items)} items",
                       evidence=evidence)
    shown = ";".join(f"{s.name}:{s.detail}" if s.detail else s.name for s in missing)
    return Outcome(False, f"「{dname}」未涵蓋:{shown}",
                   f"{ctx.label_en(p.document)} does not cover: {shown}", evidence=evidence, shortfall=missing)


def _describe(req: Requirement, plan: Plan) -> tuple[str, str]:
    p: Coverage = req.params
    names = plan.names()
    items = [names.get(i, i) for i in p.items]
    if p.items_from:
        items.append(f"全體{names.get(p.items_from, p.items_from)}")
    if p.all_sections:
        items.append("每個科室")
    where = names.get(p.activity or p.document or "", "")
    return (f"{where}覆蓋:" + "、".join(items), f"{p.activity or p.document or 'events'} cover "
            f"{p.field}: " + ", ".join(p.items) + (f" + all {p.items_from}" if p.items_from else "")
            + (" + all sections" if p.all_sections else ""))


KINDS = (Kind("coverage", Coverage, _coverage, _describe, "全覆蓋", "coverage", monotone=True),)
