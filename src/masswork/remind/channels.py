"""What a reminder channel is. Channels come from plugins through the
``masswork_register_channels`` hook; the built-in ones (``masswork.builtin.channels``) are
registered the same way.

Public path: ``masswork.channels`` (kept as an alias of this module)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..i18n import Msg
from ..i18n.described import Described

__all__ = ["Channel", "DeliveryError", "UncertainDelivery"]


class DeliveryError(Exception):
    """A channel could not deliver; the reminder stays due and is retried on a later run.

    Raise it with a catalogue message (``DeliveryError(msg=Msg.of("remind.fail.smtp", …))``,
    or a plugin's ``Catalogue(…).msg(…)``) or, the older way, a text. :meth:`message` is
    what goes into the ledger's ``last_error``, the JSON output and the console, in the
    channel's language; ``str(exc)`` is the English, for logs."""

    def __init__(self, text: str = "", *, msg: Msg | None = None) -> None:
        super().__init__(text or (msg.render("en") if msg is not None else ""))
        self.msg = msg

    def message(self, lang: str) -> str:
        """The error in ``lang`` (the text it was raised with, when it has no message)."""
        return self.msg.render(lang) if self.msg is not None else str(self)


class UncertainDelivery(DeliveryError):
    """The request went out but no answer came back (a timeout): the message may have been
    delivered. It is retried like any failure; the ledger marks the retry uncertain."""

    uncertain = True


@attrs.frozen
class Channel(Described):
    """A way to deliver reminders. ``deliver(reminder, settings)`` sends one reminder (a
    :class:`masswork.remind.Reminder`) or raises :class:`DeliveryError`; ``settings`` is the
    channel's table from the config file, with secrets resolved from the environment."""

    name: str
    deliver: Callable[[Any, Mapping[str, Any]], None]
    _description: str = ""
    _description_en: str = ""
    message: Msg | str | None = None
