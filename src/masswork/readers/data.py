"""The readers of masswork's own schedule files: TOML and JSON, one structure
(``masswork schema schedule``), text in UTF-8 (a BOM allowed)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..loaders.files import parse_data
from .base import Reader, ReadInput, ReadResult
from ..errors import InputError, Problem
from ..i18n import Msg

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


def _utf8(data: bytes, name: str) -> tuple[str, str]:
    # masswork's own files are UTF-8 (BOM allowed), as loaders.files.read_text has it; only
    # tables typed in spreadsheets come in other encodings (readers.text).
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(msg=Msg.of("reader.utf16"), file=name,
                                 line=1, expected=Msg.of("read.expected.utf8")))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(Problem(msg=Msg.of("reader.not_utf8"),
                                 file=name, line=line, expected=Msg.of("read.expected.utf8"))) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(Problem(msg=Msg.of("reader.nul"), file=name, line=line,
                                 expected=Msg.of("read.expected.text_file")))
    return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"


def _reader(fmt: str) -> Callable[[ReadInput], ReadResult]:
    def read(inp: ReadInput) -> ReadResult:
        text, encoding = _utf8(inp.data, inp.name)
        data = parse_data(text, fmt, inp.name, limits=inp.limits)
        return ReadResult(data=data, reader=fmt, encoding=encoding, text=text)

    return read



TOML_READER = Reader("toml", (".toml",), _reader("toml"), looks_like_toml,
                     media_types=("application/toml",), message="describe.reader.toml")
JSON_READER = Reader("json", (".json",), _reader("json"), looks_like_json,
                     media_types=("application/json",), message="describe.reader.json")
