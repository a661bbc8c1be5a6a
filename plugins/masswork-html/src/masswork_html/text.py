"""Text that goes into the page: cleaned of what HTML cannot carry, then escaped."""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["clean", "esc", "text_width", "fit"]

_CR = re.compile(r"\r\n?")


def clean(value: object) -> str:
    """``value`` as text an HTML document can carry: CR LF and lone CR become LF; control
    characters other than tab and LF (NUL, ESC, DEL, C1 …), which HTML forbids, are
    dropped, and so are noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). Everything else
    is kept — escaping is :func:`esc`'s job."""
    s = _CR.sub("\n", "" if value is None else str(value))
    return "".join(
        c for c in s
        if c in "\t\n" or not (unicodedata.category(c) == "Cc" or _nonchar(c))
    )


def _nonchar(c: str) -> bool:
    o = ord(c)
    return 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE


def esc(value: object) -> str:
    """:func:`clean` text, HTML-escaped for text and for quoted attribute values (``& < > " '``)."""
    return html.escape(clean(value), quote=True)


def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is at font size ``size`` (CJK and other wide characters a
    full em, the rest a little over half)."""
    w = 0.0
    for c in text:
        w += size if unicodedata.east_asian_width(c) in ("W", "F") else size * 0.58
    return w


def fit(text: str, size: float, width: float) -> str:
    """``text`` on one line, cut with an ellipsis to fit ``width``."""
    one = " ".join(clean(text).split())
    if text_width(one, size) <= width:
        return one
    out = ""
    for c in one:
        if text_width(out + c + "…", size) > width:
            break
        out += c
    return out + "…" if out else ""
