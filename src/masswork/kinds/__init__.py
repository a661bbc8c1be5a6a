"""Requirement kinds: one module per family, each kind a :class:`~masswork.kinds.base.Kind`
(a parameter class and an ``evaluate`` function). The built-in kinds reach the engine the
way a plugin's do, through the ``masswork_register_kinds`` hook (see
:mod:`masswork.builtin.kinds`)."""

from .approvals import Attest, Gate, ReportRule
from .campaign import Attendance, Campaign, EveryDocument
from .base import Context, Kind, KindRegistry, Outcome, duration, offset, ref, when
from .counts import Occurs, PerPerson, PerUnit, Quantity, Tally, counts_for, quota, tally
from .lengths import DurationRule
from .recurring import Recurring
from .coverage import Coverage
from .pairs import PairRule, Pairwise
from .timing import Deadline, NoticeRule, Order

__all__ = [
    "Kind", "KindRegistry", "Context", "Outcome", "ref", "when", "duration", "offset",
    "Occurs", "PerPerson", "PerUnit", "Quantity", "Recurring", "Coverage", "PairRule", "Pairwise",
    "Deadline", "Order", "DurationRule", "NoticeRule", "Gate", "ReportRule", "Attest",
    "Tally", "tally", "quota", "counts_for", "Campaign", "Attendance", "EveryDocument",
    "BUILTIN_KINDS",
]


def _builtin() -> tuple[Kind, ...]:
    from . import approvals, campaign, counts, coverage, lengths, pairs, recurring, timing

    return (counts.KINDS + recurring.KINDS + pairs.KINDS + coverage.KINDS + timing.KINDS + lengths.KINDS
            + approvals.KINDS + campaign.KINDS)


BUILTIN_KINDS: tuple[Kind, ...] = _builtin()
