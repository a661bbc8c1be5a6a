"""The schedule indexed once for the engine: events by type, person and day, and document
actions (drafted, submitted, approved) by document type.

The index is where "as of a day" is decided, so that no kind has to: judged as a whole
(``as_of`` is None) planned and held events count, since the question is whether the
schedule, carried out, satisfies the plan; judged on a day, only events recorded as held on
or before that day count, and planned ones are kept aside for messages ("planned for …").
Cancelled events never count.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

import attrs

from .model import Document, Event, EventStatus, Moment, Schedule, day_of

__all__ = ["Occurrence", "EventIndex"]

# Document states beyond drafted / submitted / approved: the action names rules use, and the
# Document field that records the day of each.
_STATE_FIELDS = {"completed": "completed_on", "filed": "filed_on", "published": "published_on"}


@attrs.frozen
class Occurrence:
    """Something that happened on a day: an event, or a document drafted, submitted or
    approved. ``ref`` is the event or document id cited as evidence."""

    ref: str
    when: Moment
    party: str | None = None
    owner: str | None = None

    @property
    def day(self) -> dt.date:
        return day_of(self.when)


def _sort_key(moment: Moment) -> tuple[dt.date, dt.time]:
    if isinstance(moment, dt.datetime):
        return (moment.date(), moment.time().replace(tzinfo=None))
    return (moment, dt.time.min)


_DAY_US = 86_400_000_000


def _event_key(e: Event) -> int:
    """:func:`_sort_key` of an event's start as one integer (microseconds since year 1, the
    wall-clock time of day, time zones ignored as there): the same order, for a fraction of
    the memory when a million events are sorted."""
    m = e.start
    if isinstance(m, dt.datetime):
        return (m.toordinal() * _DAY_US + ((m.hour * 60 + m.minute) * 60 + m.second) * 1_000_000
                + m.microsecond)
    return m.toordinal() * _DAY_US


_START = operator.attrgetter("start")


def _in_time_order(events: list[Event]) -> tuple[Event, ...]:
    """``events`` sorted by :func:`_event_key`, stably. When every start is a naive datetime
    (or every one a date), the starts themselves sort in that order, compared in C."""
    kinds = set(map(type, map(_START, events)))
    if kinds == {dt.date} or (kinds == {dt.datetime} and set(map(_TZINFO, map(_START, events))) == {None}):
        events.sort(key=_START)
    else:
        events.sort(key=_event_key)
    return tuple(events)


_TZINFO = operator.attrgetter("tzinfo")


class EventIndex:
    """Read-only view of a schedule as of a day."""

    def __init__(self, schedule: Schedule, as_of: dt.date | None = None) -> None:
        self.schedule = schedule
        self.as_of = as_of
        counting: list[Event] = []
        pending: list[Event] = []
        held, cancelled = EventStatus.HELD, EventStatus.CANCELLED
        for e in schedule.events:  # one pass: what counts, and what is still to come
            status = e.status
            if status is cancelled:
                continue
            if as_of is None or (status is held and day_of(e.start) <= as_of):
                counting.append(e)
            else:
                # Still to come as of the day: planned events, and (replaying history) events
                # the record shows held later. They give due dates and "planned for" notes,
                # never credit.
                pending.append(e)
        self.counting: tuple[Event, ...] = _in_time_order(counting)
        self.pending: tuple[Event, ...] = _in_time_order(pending)
        self._by_type: dict[str, list[Event]] = defaultdict(list)
        self._pending_by_type: dict[str, list[Event]] = defaultdict(list)
        for e in self.counting:
            self._by_type[e.type].append(e)
        for e in self.pending:
            self._pending_by_type[e.type].append(e)
        self._docs: dict[str, list[Document]] = defaultdict(list)
        for d in schedule.documents:
            self._docs[d.type].append(d)
        self.documents_by_id = {d.id: d for d in schedule.documents}

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        """Every event by id (built when first asked: a million entries are not free)."""
        return {e.id: e for e in self.schedule.events}

    def _visible(self, moment: Moment | None) -> bool:
        return moment is not None and (self.as_of is None or day_of(moment) <= self.as_of)

    # -- events

    def events(self, activity: str | None = None) -> tuple[Event, ...]:
        """Counting events of a type (all types when None), in time order."""
        if activity is None:
            return self.counting
        return tuple(self._by_type.get(activity, ()))

    def planned(self, activity: str | None = None) -> tuple[Event, ...]:
        """Events of a type still to come as of the day (not counting yet), in time order."""
        if activity is None:
            return self.pending
        return tuple(self._pending_by_type.get(activity, ()))

    # -- documents

    def documents(self, doc_type: str) -> tuple[Document, ...]:
        return tuple(self._docs.get(doc_type, ()))

    def document_actions(
        self, doc_type: str, action: str, party: str | None = None
    ) -> tuple[Occurrence, ...]:
        """Occurrences of ``action`` ("drafted", "submitted", "approved", or "any" for the
        earliest sign that the document exists) on documents of ``doc_type``, visible as of
        the index's day; ``party`` filters submissions by recipient, approvals by approver,
        drafting by drafter."""
        out: list[Occurrence] = []
        for d in self.documents(doc_type):
            out.extend(self._doc_actions(d, action, party))
        return tuple(sorted(out, key=lambda o: _sort_key(o.when)))

    def _doc_actions(self, d: Document, action: str, party: str | None) -> Iterable[Occurrence]:
        if action in ("drafted", "any"):
            first = d.drafted_on or _earliest([s.on for s in d.submitted] + [a.on for a in d.approved]
                                              + [m for m in (d.completed_on, d.filed_on, d.published_on) if m])
            drafter_ok = action == "any" or party is None or d.drafted_by == party
            if first is not None and self._visible(first) and drafter_ok:
                yield Occurrence(d.id, first, d.drafted_by, d.owner)
        if action == "submitted":
            for s in d.submitted:
                if (party is None or s.to == party) and self._visible(s.on):
                    yield Occurrence(d.id, s.on, s.to, d.owner)
        if action == "approved":
            for a in d.approved:
                if (party is None or a.by == party) and self._visible(a.on):
                    yield Occurrence(d.id, a.on, a.by, d.owner)
        if action in _STATE_FIELDS:
            on = getattr(d, _STATE_FIELDS[action])
            if on is not None and self._visible(on):
                yield Occurrence(d.id, on, None, d.owner)

    def event_occurrences(self, activity: str) -> tuple[Occurrence, ...]:
        return tuple(Occurrence(e.id, e.start, e.host) for e in self.events(activity))


def _earliest(moments: list[Moment]) -> Moment | None:
    return min(moments, key=_sort_key) if moments else None
