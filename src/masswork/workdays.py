"""Compatibility alias: the working-day calendar lives in :mod:`masswork.remind.workdays`."""

from __future__ import annotations

from .remind.workdays import WeekendCalendar, WorkingCalendar

__all__ = ["WorkingCalendar", "WeekendCalendar"]
