"""Text encodings of schedule files, detected rather than assumed.

Ledgers typed on Chinese Windows are saved by Excel and WPS as GB18030 (GBK) "CSV", by
newer versions as UTF-8 with a byte-order mark, and by everything else as plain UTF-8. The
rule, in order: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise text that decodes as UTF-8
is UTF-8 (multi-byte UTF-8 sequences almost never occur by chance in GB18030 text);
otherwise GB18030, a superset of GBK and GB2312. Text that is neither is refused, naming
the line of the first byte that fits no encoding.

Why not charset-normalizer or chardet: the candidates are three, known in advance, and
both libraries guess among dozens (a short GB18030 file is regularly taken for Big5 or
Shift-JIS); strict decoding in this order was right on every file in the tests and needs
no dependency.
"""

from __future__ import annotations

import codecs

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg

__all__ = ["Decoded", "decode", "ENCODING_NAMES"]

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "gb18030": "GB18030",
}


@attrs.frozen
class Decoded:
    text: str
    encoding: str

    @property
    def label(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def decode(data: bytes, name: str) -> Decoded:
    """The text of ``data`` and the encoding it was found in."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _bad(data, exc.start + len(codecs.BOM_UTF8), name) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise _bad(data, exc.start, name) from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            raise _bad(data, utf8_error.start, name) from None


def _bad(data: bytes, at: int, name: str) -> InputError:
    line = data[:at].count(b"\n") + 1
    return InputError(Problem(
        msg=Msg.of("reader.not_table_text", at=at),
        file=name, line=line, expected=Msg.of("read.expected.table_text")))
