"""Logic words: what changes how a statement's requirements are read.

* negation (避免, 不得, 不要, 防止 …): the verb after it is forbidden, not required — the
  statement drafts no occurs / per-person / per-unit rule;
* examples (如, 例如, 比如 …): a list after them illustrates, it is not a list to cover;
* hedges (原則上, 一般, 左右, 可, 視情況 …): the rule is drafted as a warning;
* alternatives (或, 或者): the items are one requirement with a choice, never several.
"""

from __future__ import annotations

import re

from ..stance import ADVOCACY, AIMS, EXAMPLE_LEAD, aimed, exemplified

__all__ = ["NEGATION", "EXAMPLE", "HEDGE", "ALTERNATIVE", "PERMISSION", "MEANS", "ADVOCACY", "NEWS",
           "AIMS", "EXAMPLE_LEAD", "negated", "hedged", "in_means", "not_required", "aimed", "exemplified",
           "HEDGE_CONFIDENCE"]

NEGATION = re.compile(r"不得|避免|不要|防止|力戒|严禁|禁止|杜绝|不准|不能|不搞|不碰|不提倡|严防")
EXAMPLE = re.compile(r"(?:例如|比如|诸如|譬如|如)(?=[^,;。]{2,40}等)")
HEDGE = re.compile(r"原则上|一般(?!性)|左右|视情况|可视|适当|可以|可(?=[^,;]{0,4}(?:扩大|采取|邀请|安排))|"
                   r"需要时|根据需要|确需|酌情|倡导|鼓励|提倡|力争")
ALTERNATIVE = re.compile(r"或者|或是|或")
PERMISSION = re.compile(r"(?<![认许])可(?!以?参照)|可以|根据需要|需要时|视情况|酌情|参照执行|遇有|如遇|一方面|另一方面")
"""A "may" (可以, 根據需要) or a condition (遇有…的): nothing is required to happen."""
MEANS = re.compile(r"(?:采取|采用|通过|利用|借助|依托|以)[^。;]{2,60}?(?:等)?(?:办法|方式|形式|方法|载体|途径)|"
                   r"在[^。;]{2,40}?基础上|(?:开设|搭建|打造|用好)[^。;,]{2,30}?等(?:载体|平台|阵地)|"
                   r"把[^。;]{2,30}?(?:同|与|和)[^。;]{2,30}?(?:结合起来|相结合|紧密结合|有机结合)")
"""``採取召開座談會、個別談話等辦法``, ``開設“微課堂”等載體``, ``把開展主題教育同…結合起來``: the
events are means of something else (or a way of working), not required."""


def in_means(f: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in MEANS.finditer(f))
HEDGE_CONFIDENCE = 0.5

"""``倡導每名黨員每天自學一小時``: encouraged, not required."""
NEWS = re.compile(r"(?:^|,)[^,;。]{0,12}?(?:近日|(?<![\d一二三四五六七八九十号])日前|昨天|昨日|今天上午|今天下午)|"
                  r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午)?,")
"""``學校近日組織各黨總支…``, ``1月8日,機關黨委召開…``: what has been done, told as news."""


def not_required(f: str, pos: int) -> bool:
    """Whether the words at ``pos`` are encouraged (倡導, 鼓勵, in the same comma segment),
    told as news (近日, 日前), an aim (確保…取得實效, 旨在) or an example (如…等), rather
    than required."""
    start = max(f.rfind(c, 0, pos) for c in ",;:。")
    ends = [k for k in (f.find(c, pos) for c in ",;:。") if k != -1]
    # 「黨員之間提倡經常開展談心」: the advocacy word may stand after where the row matched
    return (ADVOCACY.search(f, start + 1, min(ends) if ends else len(f)) is not None
            or NEWS.search(f) is not None
            or aimed(f, pos) or exemplified(f, pos))


def negated(f: str, pos: int) -> bool:
    """Whether a negation governs the word at ``pos``: a negation word earlier in the same
    comma segment, not closed off by a 的 (``不能參加的黨員`` is who, not what is forbidden)."""
    start = max(f.rfind(c, 0, pos) for c in ",;:。")
    last = None
    for last in NEGATION.finditer(f, start + 1, pos):
        pass
    # "不能參加的黨員,要…": the negation is inside a modifier (…的), it governs nothing after it
    return last is not None and "的" not in f[last.end():pos + 1]


def hedged(f: str, pos: int | None = None) -> bool:
    """Whether a hedge governs the statement, or — given ``pos`` — the words at ``pos``: a
    hedge in the same comma segment or an earlier one (``原則上,…`` leads the sentence; in
    ``每月召開一次支委會,黨小組會一般每月開一次`` only the second rule is hedged)."""
    if pos is None:
        return HEDGE.search(f) is not None
    ends = [k for k in (f.find(c, pos) for c in ",;:。") if k != -1]
    return HEDGE.search(f, 0, min(ends) if ends else len(f)) is not None
