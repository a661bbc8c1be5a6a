"""The engine's helpers as they were before they were optimised (no per-check caches, no
index shortcuts), for tests/test_speed_equal.py to compare reports against.

Kept deliberately naive: each answer is recomputed from the plan every time it is asked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

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
