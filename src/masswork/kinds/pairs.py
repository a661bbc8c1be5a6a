"""``pairwise``: every required pair has met (談心談話, 四個必談).

Pairs come from rules: ``cross`` (each of ``a`` with each of ``b``: the principal leader with
each member), ``among`` (every pair within ``a``: members among themselves), ``oversees``
(each leader in charge with the head of every section they oversee), ``head-deputy`` (each
section head with each of their deputies). A pair is met by a counting event of the
activity in which both took part (as host or participant)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import attrs

from ..i18n import Msg
from ..model import Plan, Requirement
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import PlanWords, scope_msg, select

__all__ = ["PairRule", "Pairwise", "KINDS"]

_MODES = ("cross", "among", "oversees", "head-deputy")


@attrs.frozen
class PairRule:
    """One source of pairs. ``a``/``b`` are roles, bodies, sections or people; ``oversees``
    may restrict the overseers to ``a``; ``head-deputy`` may restrict sections to ``a``."""

    mode: str = attrs.field(validator=attrs.validators.in_(_MODES))
    a: str | None = ref("party", default=None)
    b: str | None = ref("party", default=None)

    def __attrs_post_init__(self) -> None:
        if self.mode == "cross" and (self.a is None or self.b is None):
            raise ValueError("a cross rule needs both a and b")
        if self.mode == "among" and self.a is None:
            raise ValueError("an among rule needs a")


def _rules(items: Iterable[PairRule]) -> tuple[PairRule, ...]:
    return tuple(items)


@attrs.frozen
class Pairwise:
    """Every pair produced by ``pairs`` has a counting ``activity`` event together."""

    activity: str = ref("activity")
    pairs: tuple[PairRule, ...] = attrs.field(default=(), converter=_rules)
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)

    def __attrs_post_init__(self) -> None:
        if not self.pairs:
            raise ValueError("pairs must list at least one rule")


def required_pairs(p: Pairwise, ctx: Context) -> list[tuple[str, str, str]]:
    """(person, person, rule mode) for every required pair, each unordered pair once."""
    out: dict[frozenset[str], tuple[str, str, str]] = {}

    def add(x: str, y: str, mode: str) -> None:
        if x != y:
            out.setdefault(frozenset((x, y)), (x, y, mode))

    for rule in p.pairs:
        if rule.mode == "cross":
            assert rule.a and rule.b
            for x in ctx.people(rule.a):
                for y in ctx.people(rule.b):
                    add(x.id, y.id, rule.mode)
        elif rule.mode == "among":
            assert rule.a
            for x, y in itertools.combinations(ctx.people(rule.a), 2):
                add(x.id, y.id, rule.mode)
        elif rule.mode == "oversees":
            overseers = ctx.people(rule.a) if rule.a else ctx.plan.people
            heads = {s.id: s.head for s in ctx.plan.sections}
            for x in overseers:
                for sec in x.oversees:
                    head = heads.get(sec)
                    if head:
                        add(x.id, head, rule.mode)
        else:
            sections = ctx.plan.sections
            if rule.a:
                sections = tuple(s for s in sections if s.id == rule.a) or sections
            for s in sections:
                if s.head:
                    for d in s.deputies:
                        add(s.head, d, rule.mode)
    return list(out.values())


def _pairwise(req: Requirement, ctx: Context) -> Outcome:
    p: Pairwise = req.params
    events = select(ctx, p.activity, within=p.within, in_phase=p.in_phase)
    pairs = required_pairs(p, ctx)
    # Pairs come from the roster; an event is only asked about the required partners of
    # those present (a meeting of 40 is not 780 pairs).
    partners: dict[str, set[str]] = {}
    for x, y, _mode in pairs:
        partners.setdefault(x, set()).add(y)
        partners.setdefault(y, set()).add(x)
    met_by: dict[frozenset[str], str] = {}
    for e in events:
        present = {q for q in (e.host, *e.participants) if q is not None}
        for x in present:
            for y in partners.get(x, set()) & present:
                met_by.setdefault(frozenset((x, y)), e.id)
    missing: list[Shortfall] = []
    evidence: dict[str, None] = {}  # an ordered set
    for x, y, mode in pairs:
        hit = met_by.get(frozenset((x, y)))
        if hit:
            evidence[hit] = None
        else:
            nx, ny = ctx.name(x), ctx.name(y)
            missing.append(Shortfall(f"{x}×{y}", name=f"{nx}×{ny}", need=1, have=0, detail=mode,
                                     code="pair-not-met", params={"mode": mode}, subjects=(x, y)))
    act = ctx.word(p.activity)
    if not pairs:
        return Outcome(False, msg=Msg.of("kind.pairs.none", activity=act),
                       shortfall=[Shortfall(p.activity, detail="no pairs 無配對", code="no-pairs")])
    if not missing:
        return Outcome(True, msg=Msg.of("kind.pairs.met", n=len(pairs), activity=act), evidence=evidence)
    shown: tuple[Msg | str, ...] = tuple(Msg.of("kind.pairs.pair", a=ctx.word(x), b=ctx.word(y))
                                         for s in missing[:12] for x, y in [s.subjects])
    if len(missing) > 12:
        shown += ("…",)
    return Outcome(False, msg=Msg.of("kind.pairs.unmet", missing=len(missing), n=len(pairs), activity=act,
                                     pairs=shown),
                   evidence=evidence, shortfall=missing)


def _describe(req: Requirement, plan: Plan) -> Msg:
    p: Pairwise = req.params
    w = PlanWords(plan)
    parts: Msg | None = None
    for r in p.pairs:
        # "{unit}" as the other side of a pair is the unit's members (每位本單位成員).
        b = Msg.of("kind.describe.unit_members") if r.b == "{unit}" else w.word(r.b)
        part = Msg.of(f"kind.describe.pairs.{r.mode}", a=w.word(r.a), b=b)
        parts = part if parts is None else Msg.of("kind.describe.pairs.then", first=parts, then=part)
    return Msg.of("kind.describe.pairwise", activity=w.word(p.activity), pairs=parts or "",
                  scope=scope_msg(w, p.within, p.in_phase))


KINDS = (Kind("pairwise", Pairwise, _pairwise, _describe, monotone=True,
              title="kind.title.pairwise"),)
