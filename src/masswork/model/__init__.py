"""The domain model: frozen attrs classes for a plan (實施方案) and a schedule (台賬).

Every id in a plan lives in one namespace: a reference such as ``"班子成員"`` or
``"li-fei"`` resolves to exactly one role, person, body, section, group, activity type,
document type or phase, and the loader rejects a plan where two things share an id. That is
what lets a requirement say ``role = "班子成員"`` or ``to = ["督導組", "紀委"]`` without
saying which kind of thing it names.

Dates in a plan may be ISO dates or calendar phrases (``"3月中旬"``, ``"2月25日前"``); they are
kept as written (:data:`When` is a string) and resolved against :attr:`Plan.year` when checked,
so a plan file round-trips to the same words.

Nothing here knows about files, kinds or the engine; the model is plain data. It is kept in
three modules — :mod:`.values` (dates, enums), :mod:`.plan` and :mod:`.schedule` — and
everything is imported from here: ``from masswork.model import Plan, Schedule``.
"""

from __future__ import annotations

from .plan import (ActivityType, Body, DocumentType, Group, Person, Phase, Plan, PlanOptions, Requirement,
                   Role, Section)
from .schedule import Approval, Attestation, Document, Event, Notice, Period, Schedule, Submission, Waiver
from .values import EventStatus, Moment, Severity, When
from .values import _tuple as _tuple  # noqa: PLC0414 - re-exported for the loaders
from .values import day_of as day_of  # noqa: PLC0414 - re-exported, as model.py had it

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
