"""The engine's helpers as they were before they were optimised (no per-check caches, no
index shortcuts), for tests/test_speed_equal.py to compare reports against.

Kept deliberately naive: each answer is recomputed from the plan every time it is asked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from masswork import engine
from masswork.kinds.base import Context
from masswork.model import Event, Person


class ReferenceContext(Context):
    def people(self, ref_id: str) -> tuple[Person, ...]:
        if ref_id in self.people_by_id:
            return (self.people_by_id[ref_id],)
        for b in self.plan.bodies:
            if b.id == ref_id:
                return tuple(self.people_by_id[m] for m in b.members if m in self.people_by_id)
        for s in self.plan.sections:
            if s.id == ref_id:
                ids = ([s.head] if s.head else []) + list(s.deputies)
                return tuple(self.people_by_id[i] for i in ids if i in self.people_by_id)
        return self.plan.holders(ref_id)

    def people_ids(self, ref_id: str) -> frozenset[str]:
        return frozenset(p.id for p in self.people(ref_id))

    def groups_of(self, person_id: str) -> frozenset[str]:
        person = self.people_by_id[person_id]
        groups = self.plan.person_roles(person) | {b.id for b in self.plan.bodies if person_id in b.members}
        if person.section:
            groups.add(person.section)
        return frozenset(groups)

    def involves(self, event: Event, ref_id: str) -> bool:
        present = {event.host, *event.participants, *event.attendees} - {None}
        if ref_id in present:
            return True
        return any(p.id in present for p in self.people(ref_id))

    def attended(self, event: Event, person_id: str) -> bool:
        present = {event.host, *event.participants, *event.attendees} - {None}
        if person_id in present:
            return True
        person = self.people_by_id.get(person_id)
        if person is None:
            return False
        groups = self.plan.person_roles(person) | {b.id for b in self.plan.bodies if person_id in b.members}
        if person.section:
            groups.add(person.section)
        return bool(present & groups)

    def attendees_of(self, event: Event) -> set[str]:
        return {p.id for p in self.plan.people if self.attended(event, p.id)}

    def attendance(self, events: Iterable[Event]) -> dict[str, list[Event]]:
        events = list(events)
        out = {p.id: [e for e in events if self.attended(e, p.id)] for p in self.plan.people}
        return {k: v for k, v in out.items() if v}

    def _covers(self, e: Event, field: str, item: str) -> bool:
        values = getattr(e, field)
        if item in values:
            return True
        if field == "attendees":
            if item in self.people_by_id:
                return self.attended(e, item)
            return any(self.attended(e, x.id) and x.id in {e.host, *e.participants, *e.attendees}
                       for x in self.people(item))
        if field == "participants":
            present = set(values) | ({e.host} if e.host else set())
            return item in present or any(x.id in present for x in self.people(item))
        return False

    def covering(self, events: Iterable[Event], field: str, items: Iterable[str]) -> dict[str, list[str]]:
        events = list(events)
        return {item: [e.id for e in events if self._covers(e, field, item)] for item in items}

    def hosted_by(self, event: Event, ref_id: str) -> bool:
        if event.host is None:
            return False
        return event.host == ref_id or any(p.id == event.host for p in self.people(ref_id))


@contextlib.contextmanager
def unoptimised() -> Iterator[None]:
    """Checks inside the block use :class:`ReferenceContext`."""
    saved = engine.Context
    engine.Context = ReferenceContext  # type: ignore[misc]
    try:
        yield
    finally:
        engine.Context = saved  # type: ignore[misc]
