"""The domain model: frozen attrs classes for a plan (實施方案) and a schedule (台賬).

Every id in a plan lives in one namespace: a reference such as ``"班子成員"`` or
``"li-fei"`` resolves to exactly one role, person, body, section, group, activity type,
document type or phase, and the loader rejects a plan where two things share an id. That is
what lets a requirement say ``role = "班子成員"`` or ``to = ["督導組", "紀委"]`` without
saying which kind of thing it names.

Dates in a plan may be ISO dates or calendar phrases (``"3月中旬"``, ``"2月25日前"``); they are
kept as written (:data:`When` is a string) and resolved against :attr:`Plan.year` when checked,
so a plan file round-trips to the same words.

Nothing here knows about files, kinds or the engine; the model is plain data.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Union

import attrs

__all__ = [
    "When",
    "EventStatus",
    "Severity",
    "Role",
    "Person",
    "Body",
    "Section",
    "Group",
    "ActivityType",
    "DocumentType",
    "Phase",
    "PlanOptions",
    "Requirement",
    "Plan",
    "Notice",
    "Submission",
    "Approval",
    "Document",
    "Event",
    "Waiver",
    "Attestation",
    "Period",
    "Schedule",
    "Moment",
]

When = str
"""A date as written in a plan: ISO ``2014-02-25`` or a calendar phrase ``2月25日前``."""

Moment = Union[dt.date, dt.datetime]
"""A schedule date, with or without a time of day."""


def _tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        return (value,)
    return tuple(value)


def day_of(moment: Moment) -> dt.date:
    """The calendar day of a date or date-time."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


class EventStatus(str, enum.Enum):
    """Where an event stands in the ledger."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class Severity(str, enum.Enum):
    """An ``error`` requirement failing makes ``check`` exit 1; a ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"


# ---------------------------------------------------------------- plan: who and what


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


# ---------------------------------------------------------------- schedule: what happened


@attrs.frozen
class Notice:
    """Something done ahead of an event: a time published on the website, forms handed out."""

    channel: str
    on: Moment


@attrs.frozen
class Submission:
    """A document sent to a body (報送)."""

    to: str
    on: Moment
    by: str | None = None


@attrs.frozen
class Approval:
    """A body's consent (審閱同意, 研究通過, 批准)."""

    by: str
    on: Moment


@attrs.frozen
class Document:
    """A document in the record: drafted by someone, submitted to bodies, approved by bodies,
    completed (辦結), filed (歸檔), published (公示) from ``published_on`` to
    ``published_until``. ``owner`` is whose document it is (each 班子成員's own 對照檢查材料);
    ``event`` the event it belongs to (that meeting's plan, its minutes); ``unit`` the unit
    (branch, section) whose document it is."""

    id: str
    type: str
    title: str = ""
    owner: str | None = None
    drafted_by: str | None = None
    drafted_on: Moment | None = None
    submitted: tuple[Submission, ...] = attrs.field(default=(), converter=_tuple)
    approved: tuple[Approval, ...] = attrs.field(default=(), converter=_tuple)
    covers: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    event: str | None = None
    unit: str | None = None
    completed_on: Moment | None = None
    filed_on: Moment | None = None
    published_on: Moment | None = None
    published_until: Moment | None = None


@attrs.frozen
class Event:
    """One line of the ledger (台賬): an activity planned, held or cancelled.

    ``host`` chairs it; ``participants`` take part in it (for a talk: the two who talk);
    ``attendees`` lists who was present, as person, role, body, section or group ids;
    ``topics``, ``targets``, ``channels``, ``sections``, ``sources`` are the ids that
    coverage rules look for; ``documents`` links documents tabled or produced; ``hours``
    counts toward study-hour quantities; ``phase`` says which phase it belongs to (the first
    event of a phase is when that phase starts, for gates).
    """

    id: str
    type: str
    start: Moment
    end: Moment | None = None
    status: EventStatus = EventStatus.HELD
    title: str = ""
    place: str = ""
    host: str | None = None
    participants: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    attendees: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    targets: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    channels: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sections: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    documents: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notices: tuple[Notice, ...] = attrs.field(default=(), converter=_tuple)
    hours: float = attrs.field(default=0.0, validator=attrs.validators.ge(0))
    phase: str | None = None
    note: str = ""
    unit: str | None = None
    """The unit (branch, section, group) whose own event this is, for ``for_each`` rules."""

    @property
    def day(self) -> dt.date:
        return day_of(self.start)

    @property
    def last_day(self) -> dt.date:
        """The day a multi-day event ends (its start day when it has no end)."""
        return day_of(self.end or self.start)


@attrs.frozen
class Waiver:
    """A requirement excused, with the reason and who approved it when."""

    requirement: str
    reason: str
    approved_by: str
    on: dt.date


@attrs.frozen
class Attestation:
    """A person's signed check of a qualitative requirement (原汁原味, 深刻誠懇)."""

    requirement: str
    by: str
    on: dt.date
    statement: str = ""


@attrs.frozen
class Period:
    """A span the unit declares in its record, e.g. the concentrated education period."""

    id: str
    start: dt.date
    end: dt.date
    name: str = ""


@attrs.frozen
class Schedule:
    """A unit's schedule and record (台賬) for one plan."""

    plan: str
    unit: str = ""
    events: tuple[Event, ...] = attrs.field(default=(), converter=_tuple)
    documents: tuple[Document, ...] = attrs.field(default=(), converter=_tuple)
    waivers: tuple[Waiver, ...] = attrs.field(default=(), converter=_tuple)
    attestations: tuple[Attestation, ...] = attrs.field(default=(), converter=_tuple)
    periods: tuple[Period, ...] = attrs.field(default=(), converter=_tuple)


# Constructors check their arguments' types (masswork.typecheck): a wrong value fails where
# it is passed, naming the field.
from .typecheck import typed_classes as _typed_classes  # noqa: E402

_typed_classes(globals(), __name__)
