"""What a kind answers for one requirement: :class:`Outcome`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..i18n import Msg
from ..report import Shortfall

def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _shortfalls(items: Iterable[Shortfall]) -> tuple[Shortfall, ...]:
    return tuple(items)


@attrs.frozen
class Outcome:
    """A kind's answer for one requirement.

    ``met`` whether satisfied; ``final`` whether a failure can no longer be mended by adding
    events (held outside its window, in the wrong order) — the engine reports those
    ``unmet`` even before the due date; ``due`` the last day it may be done, used to tell
    ``open`` from ``overdue``.

    What it says is ``msg``, a catalogue code with parameters rendered in each reader's
    language (masswork's own kinds); ``message_zh`` / ``message_en``, a Traditional and an
    English text, are the older form a plugin may still give, and are filled from ``msg``
    when it is given.
    """

    met: bool
    message_zh: str = ""
    message_en: str = ""
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    shortfall: tuple[Shortfall, ...] = attrs.field(default=(), converter=_shortfalls)
    due: dt.date | None = None
    final: bool = False
    msg: Msg | None = None

    def __attrs_post_init__(self) -> None:
        if self.msg is not None:
            if not self.message_zh:
                object.__setattr__(self, "message_zh", self.msg.render("zh-Hant"))
            if not self.message_en:
                object.__setattr__(self, "message_en", self.msg.render("en"))
