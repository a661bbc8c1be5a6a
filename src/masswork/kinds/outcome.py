"""What a kind answers for one requirement: :class:`Outcome`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..i18n import Msg
from ..lazytext import render_on_read
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


# message_zh / message_en filled from msg when first read (masswork.lazytext): the engine
# reads neither when the outcome has a msg.
render_on_read(Outcome, message_zh="zh-Hant", message_en="en")
