"""What a ledger table (台賬: CSV, XLSX, TSV …) can hold of a schedule, for round-trip tests of
the ledger exporters and readers: write a schedule as a table, read it back, compare with
:func:`ledger_events` of the original."""

from __future__ import annotations

import attrs

from ..hanzi import to_simplified
from .. import Event, Plan, Schedule

__all__ = ["ledger_events"]


def ledger_events(schedule: Schedule, plan: Plan | None = None) -> list[Event]:
    """What a ledger table holds of a schedule: its events (document links and notices
    live in the TOML/JSON schedule), in time order; a name the schedule writes in the other
    script (主题党日 for the plan's 主題黨日) is the plan's id, as the checker reads it."""
    ids = {to_simplified(i): i for i in (plan.names() if plan is not None else {})}

    def one(x: str) -> str:
        return ids.get(to_simplified(x), x)

    def norm(e: Event) -> Event:
        return attrs.evolve(e, documents=(), notices=(), type=one(e.type),
                            attendees=tuple(one(a) for a in e.attendees),
                            participants=tuple(one(a) for a in e.participants),
                            unit=one(e.unit) if e.unit else e.unit)

    return sorted((norm(e) for e in schedule.events), key=lambda e: (e.day, str(e.start)))
