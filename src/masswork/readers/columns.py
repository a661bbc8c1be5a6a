"""Which column of a ledger table holds what: the header words masswork recognises without
a mapping file (one row per field, Traditional forms; Simplified forms and letter case are
folded before comparing), and the mapping file that names columns a table calls otherwise.

Mapping file (TOML or JSON), every key optional::

    sheet = "活動記錄"          # the worksheet (XLSX); default: the first with a header
    header_row = 2              # default: found among the first 20 rows
    year = 2014                 # for dates written without a year; default: the plan's
    unit = "丹陽市科技局"
    [columns]                   # field = header text, or a column letter
    date = "開會日期"
    type = "D"
    attendees = ["參會人員", "列席人員"]
    [values]                    # cell text = id, where the plan's names do not say it
    "支委會" = "committee-meeting"
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import InputError, Problem, nearest
from ..hanzi import to_simplified
from ..i18n import Msg

__all__ = ["HEADERS", "FIELDS", "MAPPING_KEYS", "fold", "column_letter", "letter_index",
           "match_header", "check_mapping"]

# field → header words (the first is what masswork's own ledger writes).
HEADERS: Mapping[str, tuple[str, ...]] = {
    "date": ("日期", "date", "活動日期", "會議日期", "開展日期", "舉行日期", "day"),
    "time": ("時間", "time", "開始時間", "會議時間", "活動時間", "start"),
    "type": ("類型", "type", "活動", "活動類型", "會議類型", "類別", "形式", "activity"),
    "title": ("名稱", "title", "標題", "主題", "會議名稱", "活動名稱", "名目"),
    "host": ("主持人", "host", "主持", "主講人", "主講", "負責人", "chair"),
    "attendees": ("參加人員", "attendees", "參會人員", "出席人員", "參加人", "出席", "參加對象",
                  "參會人", "與會人員", "people"),
    "place": ("地點", "place", "會議地點", "活動地點", "location"),
    "topics": ("內容", "topics", "議題", "主要內容", "學習內容", "會議內容"),
    "documents": ("文件", "documents", "相關文件", "材料"),
    "status": ("狀態", "status", "完成情況", "進度"),
    "id": ("編號", "id", "序號", "no", "no."),
    "end": ("結束", "end", "結束時間"),
    "participants": ("參與人", "participants", "談話雙方", "談話對象"),
    "targets": ("對象", "targets", "徵求對象", "聽取對象"),
    "channels": ("渠道", "channels", "方式"),
    "sections": ("科室", "sections", "部門", "處室"),
    "sources": ("來源", "sources"),
    "hours": ("學時", "hours", "時長", "小時"),
    "phase": ("環節", "phase", "階段"),
    "note": ("備註", "note", "notes", "說明"),
    "unit": ("單位", "unit", "所屬單位"),
    # The columns of the records beside the events (masswork.readers.records).
    "record": ("記錄類型", "record"),
    "document": ("文件編號", "document"),
    "to": ("報送對象", "to", "報送"),
    "by": ("辦理人", "by", "批准人", "確認人", "經辦人"),
    "owner": ("所屬人", "owner", "責任人"),
    "drafted_by": ("起草人", "drafted_by", "drafted by"),
    "drafted_on": ("起草日期", "drafted_on", "drafted on"),
    "covers": ("涵蓋", "covers"),
    "event": ("所屬活動", "event", "活動編號"),
    "completed_on": ("辦結日期", "completed_on", "completed on"),
    "filed_on": ("歸檔日期", "filed_on", "filed on"),
    "published_on": ("公示開始", "published_on", "published on", "公示日期"),
    "published_until": ("公示結束", "published_until", "published until"),
    "requirement": ("要求編號", "requirement", "要求"),
    "reason": ("理由", "reason", "原因"),
    "statement": ("確認內容", "statement"),
    # Amounts a quantity with a ``measure`` reads (the event's ``amounts``); a mapping may
    # name any other as ``amount.<measure>``.
    "amount.words": ("字數", "amount.words"),
    "amount.attendees": ("實到人數", "amount.attendees", "到會人數"),
    "amount.expected": ("應到人數", "amount.expected"),
    "amount.share": ("比例", "amount.share"),
    "amount.pages": ("頁數", "amount.pages"),
}
FIELDS = tuple(HEADERS)
MAPPING_KEYS = ("sheet", "header_row", "year", "unit", "plan", "columns", "values")
_LETTERS = re.compile(r"^[A-Z]{1,3}$")
AMOUNT = re.compile(r"^amount\.([^\W\d][\w-]{0,39})$")
"""A column of a recorded amount: ``amount.words`` → the event's ``amounts["words"]``."""


def fold(text: str) -> str:
    """Header and name text folded for comparing: Simplified, no spaces or colons,
    lower case."""
    return re.sub(r"[\s:：()()*＊]", "", to_simplified(text)).lower()


_BY_WORD = {fold(word): field for field, words in HEADERS.items() for word in words}


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def match_header(cells: Sequence[Any], mapping: Mapping[str, Any] | None) -> dict[str, list[int]]:
    """field → the indexes of its columns in a header row (a field such as ``attendees``
    may span several). The mapping's names win over the built-in header words."""
    named: dict[str, list[int]] = {}
    taken: set[int] = set()
    texts = [fold(str(c)) if c is not None else "" for c in cells]
    for field, spec in ((mapping or {}).get("columns") or {}).items():
        for one in (spec if isinstance(spec, list) else [spec]):
            if isinstance(one, str) and _LETTERS.match(one):
                idx = letter_index(one)
            else:
                idx = next((i for i, t in enumerate(texts) if t and t == fold(str(one))), -1)
            if idx >= 0:
                named.setdefault(field, []).append(idx)
                taken.add(idx)
    for i, t in enumerate(texts):
        field = _BY_WORD.get(t)
        if field and i not in taken and field not in ((mapping or {}).get("columns") or {}):
            named.setdefault(field, []).append(i)
    # A unit's table often has one 時間 column holding the day (and perhaps the hour).
    if "date" not in named and "time" in named:
        named["date"] = named.pop("time")
    return named


def check_mapping(mapping: Mapping[str, Any], name: str) -> None:
    """Refuse a mapping file with unknown keys, unknown fields or values of the wrong type,
    naming every problem."""
    problems: list[Problem] = []

    def bad(path: tuple[str | int, ...], what: Msg, expected: str | Msg, hint: str | None = None) -> None:
        problems.append(Problem(msg=what, path=path, file=name, expected=expected, hint=hint))

    for key, value in mapping.items():
        if key not in MAPPING_KEYS:
            bad((key,), Msg.of("load.unknown_key", key=repr(key)), Msg.of("load.expected.keys", keys=", ".join(MAPPING_KEYS)),
                nearest(key, MAPPING_KEYS))
        elif key in ("sheet", "unit", "plan") and not isinstance(value, str):
            bad((key,), Msg.of("mapping.not_string"), Msg.of("type.string"))
        elif key in ("header_row", "year") and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            bad((key,), Msg.of("mapping.not_positive"), Msg.of("mapping.expected.positive"))
        elif key in ("columns", "values") and not isinstance(value, Mapping):
            bad((key,), Msg.of("mapping.not_table"), Msg.of("type.table"))
    for field, spec in (mapping.get("columns") or {}).items() if isinstance(mapping.get("columns"), Mapping) else ():
        if field not in FIELDS and not AMOUNT.match(field):
            bad(("columns", field), Msg.of("mapping.unknown_field", field=repr(field)),
                Msg.of("mapping.expected.fields", fields=", ".join(FIELDS)), nearest(field, FIELDS))
        specs = spec if isinstance(spec, list) else [spec]
        if not specs or not all(isinstance(s, str) and s for s in specs):
            bad(("columns", field), Msg.of("mapping.not_column"),
                Msg.of("mapping.expected.column"))
    for text, ident in (mapping.get("values") or {}).items() if isinstance(mapping.get("values"), Mapping) else ():
        if not isinstance(ident, str) or not ident:
            bad(("values", text), Msg.of("mapping.not_id"), Msg.of("type.string"))
    if problems:
        raise InputError(problems)
