"""Kept for old imports: the character tables now live in :mod:`masswork.hanzi`."""

from ..hanzi import SIMPLIFIED, TRADITIONAL

__all__ = ["TRADITIONAL", "SIMPLIFIED"]
