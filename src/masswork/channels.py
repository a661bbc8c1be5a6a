"""What a reminder channel is. Channels come from plugins through the
``masswork_register_channels`` hook; the console channel is built in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

__all__ = ["Channel", "DeliveryError"]


class DeliveryError(Exception):
    """A channel could not deliver; the reminder stays due and is retried on a later run."""


@attrs.frozen
class Channel:
    """A way to deliver reminders. ``deliver(reminder, settings)`` sends one reminder (a
    :class:`masswork.remind.Reminder`) or raises :class:`DeliveryError`; ``settings`` is the
    channel's table from the config file, with secrets resolved from the environment."""

    name: str
    deliver: Callable[[Any, Mapping[str, Any]], None]
    description: str = ""
    description_en: str = ""
