"""Compatibility alias: the delivery ledger lives in :mod:`masswork.remind.ledger` and the
dispatch loop in :mod:`masswork.remind.dispatch`."""

from __future__ import annotations

from .remind.dispatch import Delivery, Target, dispatch
from .remind.ledger import (
    DEFAULT_BACKOFF_MAX_SECONDS,
    DEFAULT_BACKOFF_SECONDS,
    DEFAULT_LEASE_SECONDS,
    Claim,
    Ledger,
    LedgerRow,
    Skip,
    delivery_id,
    delivery_key,
)

__all__ = [
    "Ledger",
    "LedgerRow",
    "Claim",
    "Skip",
    "Target",
    "Delivery",
    "dispatch",
    "delivery_key",
    "delivery_id",
    "DEFAULT_LEASE_SECONDS",
    "DEFAULT_BACKOFF_SECONDS",
    "DEFAULT_BACKOFF_MAX_SECONDS",
]
