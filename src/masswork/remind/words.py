"""What a reminder says, as catalogue messages (``remind.*``) rendered in the reader's
language: the timing (``期限 2014-02-27(還有 7 天)``), what a person still owes, and the
whole line. :mod:`.compute` decides who is told what; this module only words it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from ..i18n import Msg, Words, is_chinese, pair_text

if TYPE_CHECKING:
    from ..report import Finding, Shortfall

__all__ = ["Body", "Joined", "timing", "owed_item"]

# The engine prefixes open / overdue messages with the due date; a reminder says it its own
# way. 未到期 and 已逾期 are written alike in both scripts.
_PREFIX_ZH = re.compile(r"^(?:未到期|已逾期)[(\uff08][^)\uff09]*[)\uff09][:\uff1a]\s*")
_PREFIX_EN = re.compile(r"^(?:open|overdue) \(due [^)]*\): ")


@attrs.frozen
class Body:
    """A finding's message without the engine's due-date prefix, in any language."""

    msg: Msg | None
    zh: str = ""
    en: str = ""

    @classmethod
    def of(cls, finding: Finding) -> Body:
        return cls(finding.msg, finding.message_zh, finding.message_en)

    def render(self, lang: str) -> str:
        # A plugin's finding worded the old way (two texts) is shown as its kind wrote it.
        text = self.msg.render(lang) if self.msg is not None else pair_text(self.zh, self.en, lang)
        return (_PREFIX_ZH if is_chinese(lang) else _PREFIX_EN).sub("", text, count=1)


@attrs.frozen
class Joined:
    """Items joined with ``zh_sep`` in Chinese and ``en_sep`` in English (``"; "`` where an
    item may hold a comma)."""

    items: tuple[Msg | Words, ...]
    en_sep: str = "; "
    zh_sep: str = "、"

    def render(self, lang: str) -> str:
        return (self.zh_sep if is_chinese(lang) else self.en_sep).join(i.render(lang) for i in self.items)


def timing(due: dt.date, as_of: dt.date, days_left: int, working: bool) -> Msg:
    """When it is due, from ``as_of``: today, in so many (working) days, or so many days late."""
    if as_of == due:
        return Msg.of("remind.when.today", due=due)
    if as_of < due:
        unit = "working_day" if working else "day"
        return Msg.of(f"remind.when.{unit}{'' if days_left == 1 else 's'}_left", due=due, n=days_left)
    late = (as_of - due).days
    return Msg.of("remind.when.late_day" if late == 1 else "remind.when.late_days", due=due, n=late)


def owed_item(s: Shortfall, parts: Sequence[str], person: str, what: Words | None, req_id: str,
              word: Callable[[str], Words]) -> Msg | Words:
    """What ``person`` still owes under one shortfall: a talk with another person, a report
    to a body, so many more, or the shortfall's own detail. ``what`` is the activity or
    document (「…」 in Chinese), ``word`` names an id."""
    others = [x for x in parts if x != person]
    if "×" in s.subject and others:
        other = word(others[0])
        if what is None:
            return Msg.of("remind.owed.pair_any", what=req_id, other=other)
        return Msg.of("remind.owed.pair", what=what, other=other)
    thing = what if what is not None else Words("", req_id)
    if "→" in s.subject and others:
        return Msg.of("remind.owed.submit", what=thing, body=word(others[-1]))
    if s.need is not None and s.have is not None:
        return Msg.of("remind.owed.count", what=thing, more=s.need - s.have, have=s.have, need=s.need)
    if s.detail:
        return Msg.of("remind.owed.detail", what=thing, detail=s.detail)
    return thing
