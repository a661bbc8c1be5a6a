"""The one exception the calendar parsers raise, and the forms each parser accepts.

Every parser raises only :class:`PhraseError` (a ``ValueError``); the ``*_FORMS``
tables are what the error lists as accepted, one row per family of phrases.
"""

from __future__ import annotations

from typing import Final

class PhraseError(ValueError):
    """A calendar phrase that cannot be read (無法識別的日期短語).

    Attributes:
        text: the text as given.
        message_zh: what is wrong, in Chinese.
        message_en: the same in English.
        expected: short English descriptions of the forms that would be accepted.
    """

    def __init__(
        self,
        text: str,
        message_zh: str,
        message_en: str,
        expected: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        self.message_zh = message_zh
        self.message_en = message_en
        self.expected = tuple(expected)
        super().__init__(self._render())

    def _render(self) -> str:
        msg = f"「{self.text}」：{self.message_zh} / {self.message_en}"
        if self.expected:
            msg += " — expected: " + "; ".join(self.expected)
        return msg

    def __reduce__(self) -> tuple[type[PhraseError], tuple[str, str, str, tuple[str, ...]]]:
        # The custom __init__ signature would otherwise break pickling (multiprocessing).
        return (PhraseError, (self.text, self.message_zh, self.message_en, self.expected))


WINDOW_FORMS: Final[tuple[str, ...]] = (
    "3月中旬 / 4月上旬 / 4月下旬 / 3月上中旬 (thirds of a month: 1-10, 11-20, 21-end)",
    "2月底前, 2月底, 2月末 (on or before the last day of the month)",
    "2月25日前, 2月25日之前, 2月25日以前 (on or before the day)",
    "2月25日後, 之後, 以後 (on or after the day); 3月5日起 (from the day)",
    "6月前 (before the 1st of June); 6月後 (from the 1st of July)",
    "3月, 3月份, 3月內 (the whole month); 2月24日, 2月24號 (one day)",
    "2014年3月11日, 2014-03-11, 2014/3/11, 二〇一四年三月十一日 (the year overrides the default)",
    "3月11日至20日, 3月11日至4月20日, 3月至5月, 3月中旬至4月上旬 (spans; also 到, -, ~)",
    "2014年, 年內 (the whole year); 年底前 (by 31 December); 不限 (unbounded)",
    "7月1日前後, 七一前後, 國慶節前 (around a day, by the plan's tolerance; festivals by name)",
)

DURATION_FORMS: Final[tuple[str, ...]] = (
    "3天, 3日, 12小時, 3個工作日, 2週, 3個月, 5年 (a length)",
    "半天, 半個月, 半年, 一個半月, 一天半 (halves)",
    "8個月左右, 約8個月 (about)",
    "不少於3個月, 至少3個月, 3個月以上, 提前3天 (at least)",
    "不超過2天, 最多2天, 2天以下 (at most)",
    "3天內, 3個工作日內, 近5年, 近5年內 (within)",
    "整7天 (exactly)",
)

OFFSET_FORMS: Final[tuple[str, ...]] = (
    "會前, 會前7天, 提前3天, 提前半天 (before the anchor; a count is a minimum lead)",
    "會前3天內 (within 3 days before)",
    "會後, 會後3天, 會後3天內 (after the anchor; a count is a deadline)",
    "當天, 當日, 同日, 會上 (the same day)",
    "間隔半個月 (at least this long between consecutive events)",
    "近5年內 (within the 5 years before the anchor)",
)


def _error(text: str, zh: str, en: str, expected: tuple[str, ...] = WINDOW_FORMS) -> PhraseError:
    return PhraseError(text, zh, en, expected)
