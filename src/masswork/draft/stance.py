"""Whether words are asked for or only serve another purpose: aims (確保…取得實效, 旨在, 目的是,
以…為抓手) and examples (例如, 如…等). Events named in them say what the work is for, or
illustrate; they are not events to hold. Shared by the clause reader and the family
recognisers (it imports nothing of either)."""

from __future__ import annotations

import re

__all__ = ["AIMS", "EXAMPLE_LEAD", "ADVOCACY", "aimed", "exemplified", "encouraged"]

ADVOCACY = re.compile(r"倡导|鼓励|提倡|号召")
"""``倡導每名黨員每天自學一小時``, ``黨員之間提倡經常開展談心``: encouraged, not required."""


def encouraged(f: str, pos: int) -> bool:
    """Whether an advocacy word stands earlier in the comma segment of ``pos``."""
    start = max(f.rfind(c, 0, pos) for c in ",;:。") + 1
    return ADVOCACY.search(f, start, pos) is not None

AIMS: tuple[tuple[str, str], ...] = (
    (r"确保[^,;。]{0,30}?(?:取得|见到|达到|收到)(?:了)?(?:实效|成效|效果|预期|明显|积极)", "確保…取得實效: what the work is for"),
    (r"力争|努力(?:使|把|让|推动|实现|做到)", "力爭, 努力使…: an aim"),
    (r"旨在|目的(?:是|在于|就是)|的目的|意义(?:在于|重大)|的(?:重要)?意义", "旨在, 目的是, …的意義"),
    (r"以[^,;。]{2,20}?为(?:抓手|载体|契机|突破口|切入点)", "以開展X為抓手: a way of working"),
    (r"把[^,;。]{2,30}?作为[^,;。]{0,20}?(?:任务|内容|抓手|载体|重点|举措|契机|机遇)", "把開展X作為…任務: what the work is taken as"),
    (r"(?:认识|领会|把握|理解)[^,;。]{2,30}?(?:重要性|必要性|紧迫性|意义)", "認識召開X的重要性: why it matters"),
    (r"是[^,;。]{0,30}?(?:必然要求|内在要求|重要(?:任务|环节|举措|措施|途径|保证|抓手)|关键所在|前提|基础)",
     "開展X是…的必然要求: what a thing is"),
    (r"(?:结合|借助|依托|利用|通过)(?:开展|召开|组织|举办)", "結合開展X,推動…: an event as the means of another aim"),
)
"""Aims and framings (one row per phrase): the events in the comma segment of an aim say what
the work is for, what it is taken as or what it serves, not what must be held
(``確保專題組織生活會取得成效``, ``開展學習教育的目的,是…``, ``結合開展主題教育,推動…``)."""
_AIM = re.compile("|".join(p for p, _ in AIMS))
_LEADS = re.compile(r"旨在|力争")
"""Aims that govern the rest of the sentence part, not only their comma segment."""

EXAMPLE_LEAD = re.compile(r"例如|比如|诸如|譬如|(?<![假例比诸譬])如(?=[:]|[^,;。]{2,40}?等)")
"""``如參觀紅色教育基地、重溫入黨誓詞等``, ``例如,…``: what follows illustrates."""


def _segment(f: str, pos: int) -> tuple[int, int]:
    start = max(f.rfind(c, 0, pos) for c in ",;:。") + 1
    ends = [k for k in (f.find(c, pos) for c in ",;:。") if k != -1]
    return start, min(ends) if ends else len(f)


def aimed(f: str, pos: int) -> bool:
    """Whether the words at ``pos`` stand in the comma segment of an aim (or after 旨在 /
    力爭 earlier in the sentence)."""
    a, b = _segment(f, pos)
    if _AIM.search(f, a, b) is not None:
        return True
    stop = max(f.rfind(c, 0, pos) for c in ";。") + 1
    return _LEADS.search(f, stop, pos) is not None


def exemplified(f: str, pos: int) -> bool:
    """Whether the words at ``pos`` follow an example word (例如, 比如, 如…等) in the same
    sentence part (no 。 or ; between)."""
    stop = max(f.rfind(c, 0, pos) for c in ";。") + 1
    return EXAMPLE_LEAD.search(f, stop, pos) is not None
