"""The built-in reminder channels and their settings: ``console`` (standard output; always
there, needs no settings), ``email`` (:mod:`.mail`), ``dingtalk``, ``wecom`` and ``webhook``
(:mod:`.robots`). They are registered as a default plugin (``masswork.builtin.channels``)
through the public hook, like any plugin's.

Settings come from the config file's ``[channels.NAME]`` table (see ``docs/reminders.md``),
secrets already resolved from environment variables by masswork: ``password``, ``secret``
and the robots' ``url`` never appear in a file.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from .channels import Channel
from .mail import EMAIL
from ..i18n import tr
from .render import BOTH, clean, lang_of, text_of
from .robots import DINGTALK, WEBHOOK, WECOM

__all__ = ["CONSOLE", "EMAIL", "DINGTALK", "WECOM", "WEBHOOK", "BUILTIN_CHANNELS", "SETTINGS", "REQUIRED",
           "SECRETS", "URL_CHANNELS"]

#: Settings each built-in channel type accepts (besides ``type``, ``enabled`` and
#: ``recipients``, which every channel table may hold), with their value types. A key listed
#: in :data:`SECRETS` may only be given as ``KEY_env`` naming an environment variable.
SETTINGS: dict[str, dict[str, str]] = {
    "console": {"lang": "lang", "stream": "stream"},
    "email": {"host": "str", "port": "int", "ssl": "bool", "starttls": "bool", "username": "str",
              "password": "str", "from": "str", "to": "list", "addresses": "table",
              "subject_prefix": "str", "timeout": "number", "lang": "lang"},
    "dingtalk": {"url": "str", "secret": "str", "mobiles": "table", "at_all": "bool", "timeout": "number",
                 "lang": "lang"},
    "wecom": {"url": "str", "mobiles": "table", "timeout": "number", "lang": "lang"},
    "webhook": {"url": "str", "secret": "str", "headers": "table", "timeout": "number", "lang": "lang"},
}
#: Keys that must come from the environment (``password_env = "MASSWORK_SMTP_PASSWORD"``).
#: The robots' URLs carry their access token, so they are secrets too.
SECRETS: dict[str, tuple[str, ...]] = {
    "console": (),
    "email": ("password",),
    "dingtalk": ("url", "secret"),
    "wecom": ("url",),
    "webhook": ("secret",),
}
#: Settings a channel cannot do without.
REQUIRED: dict[str, tuple[str, ...]] = {
    "console": (),
    "email": ("host", "from"),
    "dingtalk": ("url",),
    "wecom": ("url",),
    "webhook": ("url",),
}


def _deliver_console(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = lang_of(settings, reminder=reminder)
    stream = sys.stderr if settings.get("stream") == "stderr" else sys.stdout
    # no escape sequence or bidi override from a plan reaches the terminal
    text = clean(text_of(reminder, lang)).replace("\n", "\n    ")
    prefix = "[提醒 reminder]" if lang == BOTH else tr(lang, "remind.console.prefix")
    stream.write(f"{prefix} {text}\n")
    stream.flush()


CONSOLE = Channel("console", _deliver_console, message="describe.channel.console")

BUILTIN_CHANNELS = (CONSOLE, EMAIL, DINGTALK, WECOM, WEBHOOK)
#: Channel types whose ``url`` is checked when the targets are built.
URL_CHANNELS = ("dingtalk", "wecom", "webhook")
