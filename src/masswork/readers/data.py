"""The readers of masswork's own schedule files: TOML and JSON, one structure
(``masswork schema schedule``), text in UTF-8, UTF-8 with BOM or GB18030."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..loaders.files import parse_data
from .base import Reader, ReadInput, ReadResult
from .text import decode

__all__ = ["TOML_READER", "JSON_READER", "looks_like_json", "looks_like_toml"]

_TOML_LINE = re.compile(rb"^\s*(\[\[?\s*[A-Za-z0-9_\"'.-]+\s*\]\]?|[A-Za-z0-9_\"'.-]+\s*=)")


def _lines(head: bytes) -> list[bytes]:
    text = head.removeprefix(b"\xef\xbb\xbf")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(b"#")]


def looks_like_json(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def looks_like_toml(head: bytes) -> bool:
    lines = _lines(head)
    return bool(lines) and all(_TOML_LINE.match(ln) or ln.startswith((b" ", b"\t", b"]", b"}"))
                               for ln in lines[:3])


def _reader(fmt: str) -> Callable[[ReadInput], ReadResult]:
    def read(inp: ReadInput) -> ReadResult:
        decoded = decode(inp.data, inp.name)
        data = parse_data(decoded.text, fmt, inp.name, limits=inp.limits)
        return ReadResult(data=data, reader=fmt, encoding=decoded.encoding, text=decoded.text)

    return read



TOML_READER = Reader("toml", (".toml",), _reader("toml"), looks_like_toml,
                     "masswork 台賬(TOML)", "masswork schedule (TOML)", ("application/toml",))
JSON_READER = Reader("json", (".json",), _reader("json"), looks_like_json,
                     "masswork 台賬(JSON)", "masswork schedule (JSON)", ("application/json",))
