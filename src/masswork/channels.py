"""Compatibility alias: what a reminder channel is lives in :mod:`masswork.remind.channels`."""

from __future__ import annotations

from .remind.channels import Channel, DeliveryError, UncertainDelivery

__all__ = ["Channel", "DeliveryError", "UncertainDelivery"]
