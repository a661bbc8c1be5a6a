"""Text from schedules and plans, made fit for a Word document.

A .docx is XML: NUL and the other C0 control characters (except tab, LF, CR), U+FFFE and
U+FFFF cannot appear in it at all (lxml refuses them), so they are removed. Line breaks are
folded to LF, which python-docx writes as a line break (``<w:br/>``) and reads back as LF;
tabs become ``<w:tab/>`` and read back as tabs. Everything else — markup-looking text,
formula-looking text, emoji, right-to-left marks — is kept as typed: Word runs no formulas
and a run's text is never markup.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["XML_ILLEGAL", "clean"]

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(value: Any) -> str:
    """``value`` as document text: XML-illegal characters removed, CRLF and CR made LF."""
    text = "" if value is None else str(value)
    text = XML_ILLEGAL.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
