"""Canonical text and numerals: what every parser does before it reads a phrase.

:func:`normalize_phrase` (NFKC, whitespace, Simplified → Traditional, dashes, brackets,
trailing punctuation) and ``number`` (Arabic, full-width and Chinese numerals:
一 … 十 … 三十一, 兩, 廿, 卅, 二〇一四).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Simplified → Traditional, only for characters that occur in calendar phrases.
# Traditional is the canonical form because format_* emit Traditional.
_S2T: Final = str.maketrans(
    "于个后内周间届会当号过两时钟头约从议结现场为开来礼长满余达东这国庆节妇劳动军师党",
    "於個後內週間屆會當號過兩時鐘頭約從議結現場為開來禮長滿餘達東這國慶節婦勞動軍師黨",
)

_DASHES: Final = re.compile(r"[-~‐‑‒–—―〜]+")
_BRACKETS: Final = {
    "(": ")",
    "[": "]",
    "{": "}",
    "【": "】",
    "〔": "〕",
    "「": "」",
    "『": "』",
    "“": "”",
    "‘": "’",
    '"': '"',
    "《": "》",
    "〈": "〉",
}
_OPENER_OF: Final = {close: open_ for open_, close in _BRACKETS.items()}
_CLOSERS: Final = frozenset(_OPENER_OF)
_TRAILING_PUNCT: Final = "。，,；;、：:！!？?．"


def normalize_phrase(text: str) -> str:
    """Return *text* in the canonical form the parsers read.

    NFKC (full-width digits, brackets and dashes become ASCII), all whitespace removed,
    Simplified characters mapped to Traditional, every dash or tilde made ``-``,
    trailing punctuation and surrounding brackets stripped.
    """
    s = unicodedata.normalize("NFKC", text)
    s = "".join(s.split())
    s = s.translate(_S2T)
    s = _DASHES.sub("-", s)
    changed = True
    while changed and s:
        changed = False
        stripped = s.rstrip(_TRAILING_PUNCT)
        if stripped != s:
            s, changed = stripped, True
        if not s:
            break
        if len(s) >= 2 and _BRACKETS.get(s[0]) == s[-1]:
            s, changed = s[1:-1], True
        # A phrase cut out of running text often keeps only one bracket of its pair.
        elif s[-1] in _CLOSERS and _OPENER_OF[s[-1]] not in s:
            s, changed = s[:-1], True
        elif s[0] in _BRACKETS and _BRACKETS[s[0]] not in s:
            s, changed = s[1:], True
    return s


_CN_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
# Short on purpose: years have at most four digits and days two; a longer run of digits
# is not a calendar number, and int() on thousands of digits raises ValueError in 3.11.
_NUM: Final = r"(?:[0-9]{1,6}|[〇零一二兩三四五六七八九十廿卅]{1,6})"
_TENS_RE: Final = re.compile(r"([一二三四五六七八九])?十([一二三四五六七八九])?")
_NIAN_SA_RE: Final = re.compile(r"([廿卅])([一二三四五六七八九])?")


def _number(tok: str) -> int | None:
    """Value of an Arabic or Chinese numeral token, or None if it is malformed."""
    if re.fullmatch(r"[0-9]+", tok):
        return int(tok)
    if tok == "兩":
        return 2
    m = _TENS_RE.fullmatch(tok)
    if m:
        tens = _CN_DIGITS[m.group(1)] if m.group(1) else 1
        ones = _CN_DIGITS[m.group(2)] if m.group(2) else 0
        return tens * 10 + ones
    m = _NIAN_SA_RE.fullmatch(tok)
    if m:
        base = 20 if m.group(1) == "廿" else 30
        return base + (_CN_DIGITS[m.group(2)] if m.group(2) else 0)
    if tok and all(c in _CN_DIGITS for c in tok):
        # Digit-by-digit form, as in years: 二〇一四.
        return int("".join(str(_CN_DIGITS[c]) for c in tok))
    return None
