"""Reading a plan document: bytes → text, with the encoding named; and the *folded* form of
text that the recogniser matches words against.

Encodings (讀取編碼): a byte-order mark decides UTF-8 / UTF-16; otherwise UTF-8 is tried,
then UTF-16 without a mark (recognised by its many zero bytes), then GB18030 (which
includes GBK and GB2312). Anything else is an :class:`~masswork.errors.InputError` naming
the file and the line of the first byte that does not decode.

Folding (歸一): one character to one character, so a position in folded text is the same
position in the original and quotes keep the plan's own words —

* Traditional characters become Simplified (``會議`` → ``会议``), so one lexicon matches
  both scripts and the mixed text common in reposted documents;
* full-width ASCII becomes ASCII (``（２）`` → ``(2)``), the ideographic space a space;
* curly and corner quotes become ``“`` / ``”``.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg
from ..hanzi import SIMPLIFIED, TRADITIONAL
from ..loaders.limits import DEFAULT_LIMITS, check_line_length, read_bytes_bounded

__all__ = ["SourceText", "decode", "read_document", "fold", "ENCODING_NAMES"]

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16 (BOM)",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "gb18030": "GB18030",
    "docx": "DOCX",
    "str": "text",
}


def _fold_table() -> dict[int, int]:
    table = {ord(t): ord(s) for t, s in zip(TRADITIONAL, SIMPLIFIED)}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = code - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    for ch in "「『〝‘":
        table[ord(ch)] = ord("“")
    for ch in "」』〞’":
        table[ord(ch)] = ord("”")
    table[ord("﹔")] = ord(";")
    table[ord("﹕")] = ord(":")
    table[ord("．")] = ord(".")
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """The matching form of ``text``: Simplified characters, ASCII punctuation and digits,
    the same length as ``text``."""
    return text.translate(_FOLD)


@attrs.frozen
class SourceText:
    """A document's text and how it was read."""

    text: str
    encoding: str
    path: str | None = None

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)


def _line_of(raw: bytes, index: int, width: int = 1) -> int:
    newline = b"\n" if width == 1 else (b"\n\x00" if raw[:2] != b"\xfe\xff" else b"\x00\n")
    return raw[:index].count(newline) + 1


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef") / len(text)


def _looks_utf16(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark. Its ASCII (digits, punctuation, newlines) has a zero
    high byte — at odd offsets in little-endian, even offsets in big-endian — while Chinese
    characters seldom have a zero byte at all; text with no ASCII is told by decoding to
    mostly Chinese characters."""
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > max(2, 4 * even):
        return "utf-16-le"
    if even > max(2, 4 * odd):
        return "utf-16-be"
    best, share = None, 0.6
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        sh = _cjk_share(text)
        if sh > share:
            best, share = enc, sh
    return best


def decode(raw: bytes, file: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for a plain-text plan; raises :class:`InputError` with the line
    of the first undecodable byte when no supported encoding fits."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
        guess = _looks_utf16(raw)
        if guess:
            try:
                raw.decode("utf-8")
                plain_utf8 = b"\x00" not in raw
            except UnicodeDecodeError:
                plain_utf8 = False
            if not plain_utf8:
                encodings.insert(0, guess)
    first_error: UnicodeDecodeError | None = None
    first_encoding = encodings[0]
    for enc in encodings:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as exc:
            if first_error is None or enc == "gb18030":
                first_error, first_encoding = exc, enc
            continue
        if "\x00" in text:
            # Binary data that happens to decode: not a text document.
            line = text[: text.index("\x00")].count("\n") + 1
            raise InputError(Problem(
                msg=Msg.of("draft.nul"), file=file, line=line, expected=Msg.of("draft.expected.encoding")))
        return text.replace("\r\n", "\n").replace("\r", "\n"), enc
    assert first_error is not None
    width = 2 if first_encoding.startswith("utf-16") else 1
    line = _line_of(raw, first_error.start, width)
    raise InputError(Problem(
        msg=Msg.of("draft.encoding", line=line), file=file, line=line, expected=Msg.of("draft.expected.encoding")))


def _read_docx(path: Path) -> str:
    from ..plugins import get_plugin_manager

    try:
        answer = get_plugin_manager().hook.masswork_read_document(path=str(path))
    except InputError:
        raise  # the plugin's own account of what is wrong with the file
    except Exception as exc:  # noqa: BLE001 - a reader plugin's failure is bad input here
        raise InputError(Problem(msg=Msg.of("draft.reader_failed", error=repr(exc)), file=str(path))) from exc
    if answer is None:
        suffix = path.suffix.lower()
        if suffix != ".docx":
            raise InputError(Problem(
                msg=Msg.of("draft.no_reader", suffix=suffix), file=str(path), expected=Msg.of("draft.expected.docx_txt")))
        raise InputError(Problem(
            msg=Msg.of("draft.no_docx_reader"), file=str(path), expected=Msg.of("draft.expected.txt_or_plugin")))
    if not isinstance(answer, str):
        raise InputError(Problem(msg=Msg.of("draft.reader_no_text"), file=str(path)))
    return answer


def read_document(path: str | Path) -> SourceText:
    """Read a plan document (.txt in UTF-8 / GB18030 / UTF-16, or .docx through a plugin
    implementing ``masswork_read_document``)."""
    p = Path(path)
    if p.suffix.lower() in (".docx", ".doc", ".odt", ".rtf"):
        if not p.exists():
            raise InputError(Problem(msg=Msg.of("limits.not_found"), file=str(p)))
        text = _read_docx(p)
        if len(text) > DEFAULT_LIMITS.max_document_bytes:
            raise InputError(Problem(msg=Msg.of("draft.too_much_text"), file=str(p),
                                     expected=Msg.of("limits.expected.chars", n=DEFAULT_LIMITS.max_document_bytes)))
        check_line_length(text, str(p))
        return SourceText(text, "docx", str(p))
    raw = read_bytes_bounded(p, DEFAULT_LIMITS.max_document_bytes)
    text, enc = decode(raw, str(p))
    check_line_length(text, str(p))
    return SourceText(text, enc, str(p))
