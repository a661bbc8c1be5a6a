"""Noise of real files, removed before a plan is read: control characters Word leaves in
copied text (vertical tab for a manual line break, backspace, form feed, NUL …) and inline
pinyin glosses (``學(xué)習(xí)``, ``黨(dǎng)``) that school and reading editions add.

A vertical tab or form feed is a line break to Word, so it becomes ``\\n``; other control
characters are dropped. A gloss is a bracket right after a Chinese character holding only
latin letters with tone marks (or tone digits); a bracket of plain ASCII words (``(QQ)``,
``(2009)``) is kept. Both are single linear passes.

Pinyin libraries (pypinyin) convert characters to pinyin; none removes glosses from text,
so this is a regular expression, not a dependency.
"""

from __future__ import annotations

import re

__all__ = ["clean"]

_BREAKS = re.compile(r"[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\ufeff\ufffe\uffff]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（]\s*(?=[a-zA-Z{_TONED}]*[{_TONED}1-5])"
    rf"[a-zA-Z{_TONED}]{{1,8}}[1-5]?(?:[\s'’-]{{1,2}}[a-zA-Z{_TONED}]{{1,8}}[1-5]?){{0,5}}\s*[)）]")


def clean(text: str) -> str:
    """``text`` without control characters (line-breaking ones become ``\\n``) and without
    inline pinyin glosses."""
    text = _BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    return _GLOSS.sub("", text)
