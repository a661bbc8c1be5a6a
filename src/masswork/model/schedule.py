"""A schedule and record (台賬): what happened — events with their notices, documents with
their submissions and approvals, waivers, attestations and declared periods — as frozen
attrs classes."""

from __future__ import annotations

import datetime as dt

import attrs

from collections.abc import Mapping
from typing import Any

from .values import EventStatus, Moment, _tuple, day_of

__all__ = ["Notice", "Submission", "Approval", "Document", "Event", "Waiver", "Attestation", "Period",
           "Schedule"]


def _amounts_ok(_inst: object, _attr: object, value: Mapping[str, float]) -> None:
    # A negative amount (−3 words, −2 people) is a typing slip, refused where it is read.
    for k, v in value.items():
        if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0 or v != v:
            raise ValueError(f"amounts.{k} must be a number not below 0")


def _amounts_field() -> Any:
    # A validator, not a converter, so the fast loader still fills events in directly
    # (loaders/fast.py); left out of eq and hash: a mapping is not hashable, and two records
    # that differ only in what they counted are the same record for an index.
    return attrs.field(factory=dict, validator=_amounts_ok, eq=False, hash=False)


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
    amounts: Mapping[str, float] = _amounts_field()
    """Named amounts recorded on the document (``words = 3200``, ``pages = 4``), read by
    ``quantity`` rules with a ``measure``."""


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
    amounts: Mapping[str, float] = _amounts_field()
    """Named amounts recorded on the event (``attendees = 23``, ``expected = 30``,
    ``share = 92``), read by ``quantity`` rules with a ``measure``."""

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

# Constructors check their arguments' types (masswork.typecheck): a wrong value fails where it
# is passed, naming the field.
from ..typecheck import typed_classes as _typed_classes  # noqa: E402

_typed_classes(globals(), __name__)
