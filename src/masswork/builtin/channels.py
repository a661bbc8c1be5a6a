"""The console channel: reminders printed to standard output. Always there, needs no
settings."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from ..channels import Channel
from ..hookspecs import hookimpl


def _deliver(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = str(settings.get("lang", "zh"))
    text = reminder.message(lang) if hasattr(reminder, "message") else str(reminder)
    sys.stdout.write(f"[提醒 reminder] {text}\n")
    sys.stdout.flush()


CONSOLE = Channel("console", _deliver, "在終端顯示", "print to the terminal")


@hookimpl
def masswork_register_channels(register: Callable[[Channel], None]) -> None:
    register(CONSOLE)
