"""Writing to a console whatever its encoding.

- Output redirected to a file or pipe is UTF-8 unless ``PYTHONIOENCODING`` says otherwise
  (a Chinese Windows console hands Python GBK for a redirect; UTF-8 keeps every character).
- On a console that cannot show a character, it is replaced (``?``) rather than raising:
  an encoding is never an internal error. The status marks ✔ ✘ ⚠ have plain fall-backs
  (``[ok]`` ``[x]`` ``[!]``) chosen when the stream cannot encode them, and JSON is written
  with ``\\uXXXX`` escapes there, so it stays exact.
- Colour only on a terminal, never when ``NO_COLOR`` is set to anything but "" (no-color.org).
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import IO

import click

__all__ = ["setup_streams", "can_encode", "mark", "use_colour", "style"]

_MARKS = {"met": ("✔", "[ok]"), "failing": ("✘", "[x]"), "open": ("…", "[..]"),
          "waived": ("○", "[-]"), "warning": ("⚠", "[!]"), "todo": ("☐", "[ ]")}


def _encoding(stream: IO[str]) -> str:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return "utf-8"


def setup_streams() -> None:
    """Make stdout and stderr safe: UTF-8 when redirected (unless ``PYTHONIOENCODING`` is
    set), and ``errors="replace"`` everywhere, so no character can end the program."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # a test runner's capture, or an embedding program's stream: leave it
        try:
            tty = stream.isatty()
        except ValueError:
            continue
        try:
            if not tty and not os.environ.get("PYTHONIOENCODING") and _encoding(stream) != "utf-8":
                stream.reconfigure(encoding="utf-8", errors="replace")
            else:
                stream.reconfigure(errors="replace")
        except (ValueError, io.UnsupportedOperation):  # pragma: no cover - detached stream
            pass


def can_encode(text: str, stream: IO[str] | None = None) -> bool:
    """Whether ``stream`` (stdout by default) can write ``text`` exactly."""
    enc = _encoding(stream or sys.stdout)
    try:
        text.encode(enc)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def mark(name: str, stream: IO[str] | None = None) -> str:
    """A status mark (``met``, ``failing``, ``open``, ``waived``, ``warning``, ``todo``),
    or its plain fall-back where the console cannot show it."""
    fancy, plain = _MARKS[name]
    return fancy if can_encode(fancy, stream) else plain


def use_colour(stream: IO[str] | None = None) -> bool:
    """Colour only on a terminal and never with ``NO_COLOR`` set (to anything)."""
    if os.environ.get("NO_COLOR"):
        return False
    s = stream or sys.stdout
    try:
        return bool(s.isatty())
    except (ValueError, AttributeError):
        return False


def style(text: str, fg: str, stream: IO[str] | None = None) -> str:
    """``text`` in colour ``fg`` where :func:`use_colour` allows it, else as it is."""
    return click.style(text, fg=fg) if use_colour(stream) else text
