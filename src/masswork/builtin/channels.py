"""The built-in reminder channels, registered as a default plugin through the public hook
(console, email, dingtalk, wecom, webhook). They are written in :mod:`masswork.remind`; the
names below stay importable from here."""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..remind.builtin import BUILTIN_CHANNELS, CONSOLE, REQUIRED, SECRETS, SETTINGS
from ..remind.channels import Channel, UncertainDelivery
from ..remind.mail import EMAIL
from ..remind.robots import DINGTALK, WEBHOOK, WECOM, dingtalk_sign, webhook_signature

__all__ = [
    "CONSOLE",
    "EMAIL",
    "DINGTALK",
    "WECOM",
    "WEBHOOK",
    "SETTINGS",
    "REQUIRED",
    "SECRETS",
    "UncertainDelivery",
    "dingtalk_sign",
    "webhook_signature",
]


@hookimpl
def masswork_register_channels(register: Callable[[Channel], None]) -> None:
    for channel in BUILTIN_CHANNELS:
        register(channel)
