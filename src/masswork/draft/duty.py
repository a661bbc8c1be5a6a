"""The words that make a statement require something (要, 須, 應, 必須 …), as one table shared
by every reader that asks "is this required, or only told?" (:mod:`.narrative`,
:mod:`.families.events`, :mod:`.recognise.events`).

Each row is one word on folded text, with the sets it belongs to:

* ``duty`` — a plain word of duty (要, 須, 應, 必須, 務必);
* ``asks`` — the statement asks someone (要求, 不得, 嚴禁 also count): a news-style sentence
  that holds one (``近日,市委印發方案,要求…``) still requires;
* ``firm`` — words that make a verb a duty without 要 (按時, 確保, 一律, 抓好, 開好, 認真,
  切實 …): enough for an event to be required, not to say a description requires.
"""

from __future__ import annotations

import re

__all__ = ["ROWS", "DUTY", "ASKS", "FIRM"]

#: (pattern, reads, in ``duty``, in ``asks``, in ``firm``)
ROWS: tuple[tuple[str, str, bool, bool, bool], ...] = (
    (r"(?<![重主需纲提只])要(?!求|点|素|闻|害)", "要 (not 重要, 主要, 要求, 要點)", True, True, True),
    (r"(?<![重主需纲提只])要求", "要求: the plan asks", False, True, False),
    (r"须", "須", True, True, True),
    (r"(?<![相适反效])应(?!邀|当时)", "應 (not 相應, 適應, 應邀)", True, True, True),
    (r"必须", "必須", True, True, True),
    (r"务必", "務必", True, True, True),
    (r"(?<!需)需(?!要)", "需 (not 需要)", False, True, True),
    (r"不得|严禁", "不得, 嚴禁: a duty not to", False, True, False),
    (r"负责", "負責: someone is charged with it", True, False, True),
    (r"按时|确保|一律|抓好|开好|搞好|过好|办好|重点|认真|切实", "按時, 確保, 抓好, 開好, 認真, 切實", False, False, True),
)


def _union(column: int) -> re.Pattern[str]:
    return re.compile("|".join(row[0] for row in ROWS if row[column]))


DUTY = _union(2)
"""A word of duty: 要 / 須 / 應 / 必須 / 務必 / 負責."""
ASKS = _union(3)
"""The statement asks something of someone (a duty, 要求, 不得, 嚴禁)."""
FIRM = _union(4)
"""A word that makes a verb after it required (a duty, 需, or 按時 / 確保 / 抓好 / 認真 …)."""
