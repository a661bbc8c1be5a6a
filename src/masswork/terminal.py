"""Text from a plan shown on a terminal, made harmless.

A plan file is untrusted: its titles, quotes and ids could carry terminal escape sequences
(ESC ``[31m`` colours, OSC ``]0;`` window titles, cursor movement that hides lines) or
Unicode bidirectional overrides (U+202E makes ``txt.exe`` read ``exe.txt``). Before plan text
reaches a console, :func:`safe_for_terminal` replaces every such character with a visible
``\\u…`` escape, keeping line breaks and tabs. Output to files (``--format json``, exports)
is left to its own format's escaping.
"""

from __future__ import annotations

import re

__all__ = ["safe_for_terminal"]

# C0 controls except TAB and LF, DEL, C1 controls, and the bidi embedding / override /
# isolate characters (LRM/RLM/ALM are harmless marks and stay).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def safe_for_terminal(text: str) -> str:
    """``text`` with control characters, bidi overrides and lone surrogates shown as
    ``\\uXXXX`` (CR LF and CR become LF)."""
    return _UNSAFE.sub(_escape, text.replace("\r\n", "\n"))
