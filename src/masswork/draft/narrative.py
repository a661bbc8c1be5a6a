"""Statements that describe rather than require: what a unit has done (``該局堅持…``,
``全縣共召開座談會56場``, ``各支部普遍召開了…``), what came of it (``效果良好``,
``受到群眾好評``), and what a thing is (``開展民主評議,是…的重要措施``). A plan's news-style
summary and background are full of the verbs of required events (召開, 開展, 撰寫); told in
these shapes they state nothing to check.

Each row is one shape, on folded text. A statement that also says what must be done (要,
須, 應, 必須, 要求 …) is read as usual: ``該局要求各支部…`` and ``近日,市委印發方案,要求…``
still require."""

from __future__ import annotations

import re

from .duty import ASKS

__all__ = ["ROWS", "describes"]

ROWS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), reads) for p, reads in (
    (r"(?:^|,)(?:[^,;。]{0,6}?)该(?:局|县|镇|乡|市|区|校|院|所|厂|公司|支部|总支|党委|党组|单位|部门|中心|街道|社区|村|委)",
     "a unit pointed at as in a report: 該局堅持…, 該支部多年來…"),
    (r"(?:多年来|近年来|以来,|近日|(?<![\d一二三四五六七八九十号])日前|据悉|据了解|截至目前|截止目前|目前已|先后(?:召开|开展|举办|组织))",
     "time told from the past up to now: 多年來, 活動開展以來, 據悉"),
    (r"共(?:召开|开展|举办|举行|组织|收集|征求|征集|梳理|查摆|撰写|发放|走访|谈心|谈话)|\d+余(?:条|人|名|次|场|个|篇|份)|"
     r"[万千百]余(?:条|人|名|次|场|篇|份)",
     "a tally of what was done: 共召開座談會56場, 征求意見300餘條"),
    (r"(?:召开|开展|举办|举行|组织|进行|完成|制定|印发|形成|撰写|参加)了(?!解)", "a verb with 了: 普遍召開了組織生活會"),
    (r"(?<![尚未])已(?:经)?(?:先后|相继|陆续|全部|普遍)?(?:召开|开展|举办|举行|组织|完成|制定|印发|部署|启动|成立)",
     "what is already done: 已召開, 已經開展, 已先後舉辦"),
    (r"效果(?:良好|明显|显著)|受到[^,;。]{0,8}(?:好评|欢迎|肯定)|反响(?:良好|强烈)|氛围(?:浓厚|热烈)|浓厚(?:的)?氛围|"
     r"积极(?:响应|参与)|(?:明显|显著|进一步)(?:增强|提升|提高|改善|统一)了?",
     "results: 效果良好, 受到群眾好評, 黨員的宗旨意識明顯增強"),
    (r"是[^,;。]{0,24}?(?:重要|有效|基本|根本|有力)(?:举措|措施|内容|途径|方式|载体|手段|形式|制度|抓手|保证|保障)",
     "what a thing is: 開展民主評議,是加強黨員隊伍建設的重要措施"),
))



def describes(f: str) -> bool:
    """Whether the folded statement ``f`` only describes or reports (a row matches and no
    word of duty stands in it)."""
    return ASKS.search(f) is None and any(p.search(f) for p, _ in ROWS)
