"""A plan (實施方案): who and what — roles, people, bodies, sections, groups, activity and
document types, phases, options and the requirements — as frozen attrs classes."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .values import Severity, When, _tuple

__all__ = ["Role", "Person", "Body", "Section", "Group", "ActivityType", "DocumentType", "Phase",
           "PlanOptions", "Requirement", "Plan"]


@attrs.frozen
class Role:
    """A role people hold: 黨組書記, 班子成員, 中層正職 …

    ``includes`` names narrower roles whose holders also hold this one, so that a plan can
    say 主要負責人 is one of the 班子成員 without listing the leader twice.
    """

    id: str
    name: str = ""
    name_en: str = ""
    includes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Person:
    """A person on the roster. ``invented`` marks people a source does not name."""

    id: str
    name: str
    roles: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    section: str | None = None
    oversees: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    invented: bool = False
    note: str = ""


def _posts(value: Any) -> Mapping[str, tuple[str, ...]]:
    # Read-only, so that a frozen Body cannot be changed through its mapping.
    return MappingProxyType({str(k): _tuple(v) for k, v in (value or {}).items()})


@attrs.frozen
class Body:
    """An organ: 督導組, 黨組, 紀委, 組織部, 領導小組辦公室, a party branch 黨支部 …

    ``parent`` is the body it belongs to (each 黨支部 under the 機關黨委): a rule written
    ``for_each = ["機關黨委"]`` is evaluated for every body whose parent it is.
    ``posts`` names who holds which post in it (``{ 書記 = "wang", 委員 = ["li", "zhao"] }``);
    a rule refers to a post as ``"body/post"`` (``"領導小組/組長"``), or inside a ``for_each``
    rule as ``"{unit}/書記"``, the post in each unit. Post holders count as members.
    """

    id: str
    name: str = ""
    name_en: str = ""
    members: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    parent: str | None = None
    posts: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_posts)

    def everyone(self) -> tuple[str, ...]:
        """Members and post holders, each once, in the order written."""
        return tuple(dict.fromkeys((*self.members, *(p for ids in self.posts.values() for p in ids))))


@attrs.frozen
class Section:
    """A section (科室) with its head (正職) and deputies (副職)."""

    id: str
    name: str = ""
    head: str | None = None
    deputies: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Group:
    """A named audience, channel, topic or source that coverage rules list by id
    (群眾觀察員, 退休黨員, 門戶網站 …) and that is not a person, role, body or section."""

    id: str
    name: str = ""
    name_en: str = ""


@attrs.frozen
class ActivityType:
    """A kind of event: 動員大會, 座談會, 中心組學習會 …"""

    id: str
    name: str = ""
    name_en: str = ""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class DocumentType:
    """A kind of document: 實施方案, 學習計劃, 對照檢查材料, 工作小結 …"""

    id: str
    name: str = ""
    name_en: str = ""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Phase:
    """A phase (環節). ``start``/``end`` are :data:`When` strings; ``gate`` names the
    document type whose approval opens the *next* phase (S1, S3), or is ``None`` (S2:
    不分階段、不搞轉段)."""

    id: str
    name: str = ""
    name_en: str = ""
    start: When | None = None
    end: When | None = None
    gate: str | None = None


@attrs.frozen
class PlanOptions:
    """Plan-wide settings.

    ``phases_overlap``: phases may run at the same time (S2). ``about_tolerance_days``: how
    far 左右 ("about") may stray. ``lead_days``: default reminder lead times.
    ``working_days``: lead times and "N個工作日內" count working days.
    ``around_days``: how far "X前後" (七一前後, 3月10日前後) may stray either side.
    ``half_day_hours``: how long an event must last to count as 半天 (每次不少於半天).
    ``strict_references``: a schedule naming a type, person or body the plan does not
    know is bad input; a drafted plan sets it false, turning those into warnings.
    ``year_assumed``: ``year`` is a guess (the text the plan was drafted from names no year),
    and ``check`` says so before anything else.
    """

    phases_overlap: bool = False
    strict_references: bool = True
    about_tolerance_days: int = 31
    lead_days: tuple[int, ...] = attrs.field(default=(7, 1), converter=_tuple)
    working_days: bool = False
    around_days: int = attrs.field(default=7, validator=attrs.validators.ge(0))
    half_day_hours: float = attrs.field(default=3.0, validator=attrs.validators.gt(0))
    year_assumed: bool = False


@attrs.frozen
class Requirement:
    """One completion rule, traceable to the words of the plan.

    ``id`` is stable (findings and reminder ledgers key on it), ``clause`` is the clause id
    of the source (``S3.4.2``) and ``quote`` the source's own words. ``params`` is the
    kind's own frozen parameter object (see :mod:`masswork.kinds`).
    """

    id: str
    clause: str
    kind: str
    params: Any
    quote: str = ""
    title: str = ""
    title_en: str = ""
    severity: Severity = Severity.ERROR
    phase: str | None = None
    due: When | None = None
    lead_days: tuple[int, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_tuple)
    )
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    for_each: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Evaluate the rule once for every unit these ids stand for — the sub-bodies of a body
    (各黨支部), a section, a body, each holder of a role, each event of an activity type —
    on that unit's own events and documents, with ``"{unit}"`` in the rule's parameters
    standing for the unit (see :mod:`masswork.kinds.scope`)."""


@attrs.frozen
class Plan:
    """A campaign plan: what must happen, by whom, by when.

    ``year`` resolves calendar phrases; ``start``/``end`` bound the campaign.
    ``extends`` records the id of the plan this one was built on (already merged).
    """

    id: str
    title: str
    year: int
    issuer: str = ""
    source: str = ""
    start: When | None = None
    end: When | None = None
    extends: str | None = None
    options: PlanOptions = PlanOptions()
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_tuple)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    bodies: tuple[Body, ...] = attrs.field(default=(), converter=_tuple)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_tuple)
    groups: tuple[Group, ...] = attrs.field(default=(), converter=_tuple)
    activities: tuple[ActivityType, ...] = attrs.field(default=(), converter=_tuple)
    documents: tuple[DocumentType, ...] = attrs.field(default=(), converter=_tuple)
    phases: tuple[Phase, ...] = attrs.field(default=(), converter=_tuple)
    requirements: tuple[Requirement, ...] = attrs.field(default=(), converter=_tuple)

    def requirement(self, rule_id: str) -> Requirement:
        for r in self.requirements:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def names(self, lang: str = "zh") -> Mapping[str, str]:
        """id → display name for every named thing in the plan; with ``lang="en"`` the
        English name where the plan gives one (the Chinese name otherwise)."""
        out: dict[str, str] = {}
        for coll in (self.roles, self.people, self.bodies, self.sections, self.groups,
                     self.activities, self.documents, self.phases):
            for item in coll:
                name = getattr(item, "name", "") or item.id
                if lang == "en":
                    name = getattr(item, "name_en", "") or name
                out[item.id] = name
        return out

    def holders(self, role: str) -> tuple[Person, ...]:
        """People holding ``role``, directly or through a narrower role it ``includes``."""
        wanted = self.role_closure(role)
        return tuple(p for p in self.people if wanted.intersection(p.roles))

    def role_closure(self, role: str) -> set[str]:
        by_id = {r.id: r for r in self.roles}
        seen: set[str] = set()
        stack = [role]
        while stack:
            r = stack.pop()
            if r in seen:
                continue
            seen.add(r)
            if r in by_id:
                stack.extend(by_id[r].includes)
        return seen

    def person_roles(self, person: Person) -> set[str]:
        """Every role ``person`` holds, including the broader roles that include them."""
        out = set(person.roles)
        changed = True
        while changed:
            changed = False
            for r in self.roles:
                if r.id not in out and out.intersection(r.includes):
                    out.add(r.id)
                    changed = True
        return out

# Constructors check their arguments' types (masswork.typecheck): a wrong value fails where it
# is passed, naming the field.
from ..typecheck import typed_classes as _typed_classes  # noqa: E402

_typed_classes(globals(), __name__)
