"""Synthetic schedules of any size for a plan: events of the plan's own activity types, hosted
and attended by its own roster, dated inside its campaign, with documents of its own types
submitted to its bodies. For benchmarks and for tests that compare two ways of checking the
same records; seeded, so the same arguments give the same data.

The data is plain (what ``json.loads`` of a schedule file gives), so a benchmark can time
reading and checking separately, and write it out as a file a user would have.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ..model import Plan

__all__ = ["synthetic_schedule"]

_EVENT_FIELDS = ("topics", "targets", "channels", "sources")


def _campaign(plan: Plan) -> tuple[dt.date, dt.date]:
    def day(text: Any, default: dt.date) -> dt.date:
        try:
            return dt.date.fromisoformat(str(text)[:10])
        except ValueError:
            return default

    start = day(plan.start, dt.date(plan.year, 1, 1))
    end = day(plan.end, dt.date(plan.year, 12, 31))
    return start, max(start, end)


def synthetic_schedule(plan: Plan, events: int, *, seed: int = 0, documents: int | None = None,
                       unit: str = "") -> dict[str, Any]:
    """A schedule of ``events`` valid events (and ``documents`` documents, a tenth of the
    events unless given) for ``plan``, as plain data."""
    rnd = random.Random(seed)
    start, end = _campaign(plan)
    span = (end - start).days + 1
    people = [p.id for p in plan.people] or ["someone"]
    parties = people + [r.id for r in plan.roles] + [b.id for b in plan.bodies]
    groups = [g.id for g in plan.groups]
    sections = [s.id for s in plan.sections]
    acts = [a.id for a in plan.activities]
    docs = [d.id for d in plan.documents]
    bodies = [b.id for b in plan.bodies] or people
    phases = [p.id for p in plan.phases]
    out_events: list[dict[str, Any]] = []
    for i in range(events):
        day = start + dt.timedelta(days=rnd.randrange(span))
        e: dict[str, Any] = {
            "id": f"e{i}", "type": rnd.choice(acts),
            "start": f"{day.isoformat()}T{rnd.choice(('09', '14', '15'))}:00:00",
            "status": "held" if rnd.random() < 0.9 else "planned",
            "host": rnd.choice(people),
            "participants": rnd.sample(people, min(2, len(people))),
            "attendees": rnd.sample(parties, min(2, len(parties))),
            "hours": float(rnd.choice((1, 2, 3))),
        }
        if groups:
            e[rnd.choice(_EVENT_FIELDS)] = rnd.sample(groups, min(2, len(groups)))
        if sections and rnd.random() < 0.3:
            e["sections"] = [rnd.choice(sections)]
        if phases and rnd.random() < 0.5:
            e["phase"] = rnd.choice(phases)
        out_events.append(e)
    out_docs: list[dict[str, Any]] = []
    for i in range(events // 10 if documents is None else documents):
        if not docs:
            break
        drafted = start + dt.timedelta(days=rnd.randrange(span))
        sent = min(end, drafted + dt.timedelta(days=rnd.randrange(1, 10)))
        d: dict[str, Any] = {
            "id": f"d{i}", "type": rnd.choice(docs), "owner": rnd.choice(people),
            "drafted_by": rnd.choice(people), "drafted_on": drafted.isoformat(),
            "submitted": [{"to": rnd.choice(bodies), "on": sent.isoformat()}],
        }
        if rnd.random() < 0.5:
            d["approved"] = [{"by": rnd.choice(bodies), "on": sent.isoformat()}]
        if groups:
            d["covers"] = rnd.sample(groups, min(3, len(groups)))
        out_docs.append(d)
    return {"plan": plan.id, "unit": unit, "events": out_events, "documents": out_docs}
