"""Help text in Chinese wrapped to the terminal's width.

click wraps help with :mod:`textwrap`, which breaks lines only at spaces and counts every
character as one column: a Chinese sentence (no spaces, two columns a character) runs on
for twice the width, and an option's column (``--config 文件``) misaligns. Inside
:func:`wide_wrapping` click's formatter measures text in terminal columns (East Asian wide
and full-width characters count two) and wraps text holding such characters between any
two of them — never before closing punctuation (,。、;:)) — and at spaces elsewhere.
Text without wide characters goes to click's own wrapping, unchanged.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import click.formatting

__all__ = ["wide_wrapping", "columns", "wrap_wide"]

_CLOSING = set(",。、;:)」』》!?,.;:)>]")
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def columns(text: str) -> int:
    """Terminal columns ``text`` takes (ANSI styles take none)."""
    return sum(2 if _wide(ch) else 1 for ch in _ANSI.sub("", text))


def _tokens(paragraph: str) -> list[tuple[str, bool]]:
    # (token, space before it): a wide character is a token of its own; other characters
    # run together up to a space or a wide character.
    out: list[tuple[str, bool]] = []
    word, space = "", False
    for ch in paragraph:
        if ch.isspace():
            if word:
                out.append((word, space))
                word = ""
            space = True
        elif _wide(ch):
            if word:
                out.append((word, space))
                word, space = "", False
            out.append((ch, space))
            space = False
        else:
            word += ch
    if word:
        out.append((word, space))
    return out


def _wrap_paragraph(paragraph: str, width: int, first: str, rest: str) -> list[str]:
    lines: list[list[tuple[str, bool]]] = [[]]

    def used(tokens: list[tuple[str, bool]], indent: str) -> int:
        return columns(indent) + sum(columns(t) + (1 if sp and i else 0) for i, (t, sp) in enumerate(tokens))

    for token, space in _tokens(paragraph):
        line = lines[-1]
        line.append((token, space))
        if len(line) > 1 and used(line, rest if len(lines) > 1 else first) > width:
            # Carry the token to a new line; closing punctuation takes the token before it
            # along rather than begin a line or stick out.
            keep = len(line) - 1
            while keep > 1 and line[keep][0][0] in _CLOSING:
                keep -= 1
            if keep >= 1:
                lines[-1], carried = line[:keep], line[keep:]
                lines.append(carried)
    out = []
    for n, tokens in enumerate(lines):
        text = "".join((" " if sp and i else "") + t for i, (t, sp) in enumerate(tokens))
        out.append((first if n == 0 else rest) + text)
    return out


def wrap_wide(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """``text`` wrapped to ``width`` columns as :func:`click.formatting.wrap_text` does
    (paragraphs are separated by blank lines), measuring wide characters as two columns."""
    if "\b" in text or not any(_wide(ch) for ch in text):
        return _ORIGINAL_WRAP(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    paragraphs = [" ".join(p.split("\n")) for p in text.strip().split("\n\n")] if preserve_paragraphs \
        else [" ".join(text.split("\n"))]
    out: list[str] = []
    for p in paragraphs:
        out.append("\n".join(_wrap_paragraph(p.strip(), width, initial_indent, subsequent_indent)))
    return "\n\n".join(out)


_ORIGINAL_WRAP: Callable[..., str] = click.formatting.wrap_text


@contextlib.contextmanager
def wide_wrapping() -> Iterator[None]:
    """click's help formatter measures and wraps by terminal columns inside the block."""
    module: Any = click.formatting
    saved = module.wrap_text, module.term_len
    module.wrap_text, module.term_len = wrap_wide, columns
    try:
        yield
    finally:
        module.wrap_text, module.term_len = saved
