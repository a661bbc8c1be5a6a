"""Reminders (提醒): who must be told what on a day, and telling each of them once.

One module per responsibility:

=====================  ==================================================================
:mod:`.compute`        plan + schedule + a day → :class:`Reminder` s (pure)
:mod:`.workdays`       the working-day calendar protocol and the weekend-only default
:mod:`.channels`       what a channel is (:class:`~.channels.Channel`, ``DeliveryError``)
:mod:`.builtin`        the built-in channels and their settings; :mod:`.mail` (SMTP) and
                       :mod:`.robots` (DingTalk, WeCom, generic webhook) send,
                       :mod:`.render` turns a reminder into each channel's text
:mod:`.ledger`         the SQLite delivery ledger (each delivery at most once, retries)
:mod:`.dispatch`       the claim → send → record loop over reminders and channels
:mod:`.config`         the ``masswork.toml`` config file and the delivery targets
:mod:`.command`        the ``masswork remind`` command
=====================  ==================================================================

The names below are those ``masswork.remind`` always had (the computation); the older
module paths ``masswork.channels``, ``masswork.workdays``, ``masswork.ledger`` and
``masswork.remind_command`` remain as aliases, and the built-in channels are still the
default plugin ``masswork.builtin.channels``.
"""

from __future__ import annotations

from .compute import DEFAULT_RECIPIENT, REMINDER_KINDS, Reminder, default_recipient, lead_times, reminders

__all__ = [
    "REMINDER_KINDS",
    "DEFAULT_RECIPIENT",
    "Reminder",
    "reminders",
    "default_recipient",
    "lead_times",
]
