"""A TOML, JSON or CSV parser's own words about a syntax error, in the reader's language.

``tomllib`` and ``json`` explain a syntax error in English ("Invalid value (at line 2,
column 8)"). The frame around it is masswork's (``load.syntax``); the parser's detail is
read here against a table, one row per message the parsers give, and said through the
catalogue (``syntax.*``) with what it names (a character, a key) kept as written. The
position stays: the line goes to the problem's location, the column into the detail. A
message the table does not know (a newer Python's wording) is shown as the parser gave it.
"""

from __future__ import annotations

import re
from typing import Final

from ..i18n import Msg

__all__ = ["PARSER_MESSAGES", "detail", "toml_position"]

PARSER_MESSAGES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), code) for pattern, code in (
        # tomllib
        (r"Invalid value", "syntax.invalid_value"),
        (r"Cannot overwrite a value", "syntax.overwrite"),
        (r"Cannot declare (?P<key>.+) twice", "syntax.declared_twice"),
        (r"Expected (?P<char>'.+') at the end of a table declaration", "syntax.table_header_end"),
        (r"Expected (?P<char>'.+') at the end of an array declaration", "syntax.table_header_end"),
        (r"Illegal character (?P<char>.+)", "syntax.illegal_character"),
        (r"Expected '=' after a key in a key/value pair", "syntax.expected_equals"),
        (r"Expected newline or end of document after a statement", "syntax.expected_newline"),
        (r"Invalid statement", "syntax.invalid_statement"),
        (r"Unclosed inline table", "syntax.unclosed_inline_table"),
        (r"Unclosed array", "syntax.unclosed_array"),
        (r"Invalid initial character for a key part", "syntax.bad_key_start"),
        (r"Expected (?P<char>.+)", "syntax.expected"),
        # json
        (r"Expecting property name enclosed in double quotes", "syntax.expected_key"),
        (r"Expecting (?P<char>'.') delimiter", "syntax.expected"),
        (r"Unterminated string starting at", "syntax.unterminated_string"),
        (r"Extra data", "syntax.extra_data"),
        (r"Invalid control character at", "syntax.control_character"),
        (r"Invalid \\escape", "syntax.bad_escape"),
        (r"Expecting value", "syntax.expected_value"),
        # csv
        (r"(?P<char>'.') expected after '\"'", "syntax.csv_after_quote"),
        (r"field larger than field limit \((?P<n>\d+)\)", "syntax.csv_field_limit"),
        (r"line contains NUL", "syntax.csv_nul"),
    )
)

_TOML_AT: Final = re.compile(r"\s*\((?:at line (?P<line>\d+), column (?P<col>\d+)|(?P<end>at end of document))\)\s*$")


def detail(text: str, column: int | None = None, at_end: bool = False) -> Msg | str:
    """The parser's ``text`` as a catalogue message (the text itself when no row reads it),
    with the ``column`` or the end of the file where the parser said so."""
    said: Msg | str = text
    for pattern, code in PARSER_MESSAGES:
        m = pattern.fullmatch(text.strip())
        if m:
            said = Msg.of(code, **{k: v for k, v in m.groupdict().items() if v is not None})
            break
    if at_end:
        return Msg.of("syntax.at_end", detail=said)
    if column is not None:
        return Msg.of("syntax.at_column", detail=said, col=column)
    return said


def toml_position(message: str) -> tuple[str, int | None, int | None, bool]:
    """``tomllib``'s message split into (text, line, column, at the end of the document)."""
    m = _TOML_AT.search(message)
    if m is None:
        return message.strip(), None, None, False
    line, col = m.group("line"), m.group("col")
    return (message[: m.start()].strip(), int(line) if line else None, int(col) if col else None,
            m.group("end") is not None)
