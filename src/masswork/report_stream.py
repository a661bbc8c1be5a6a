"""A report's JSON written to a stream piece by piece: ``masswork check --format json`` of
a million events has hundreds of thousands of warnings (events on a weekend or holiday) and
findings whose evidence names tens of thousands of events; their dicts, the text of the
whole and the probe of whether the console can show it would otherwise all be in memory at
once (benchmarks/memory.py).

The text is exactly ``json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2)``
(tests/test_speed_equal.py): the findings and the warnings, the report's last two keys, are
written one item at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .report import Report

__all__ = ["report_json_chunks"]

_TAIL = '\n  "findings": [],\n  "warnings": []\n}'


def _items(dicts: Iterable[Any]) -> Iterator[str]:
    # A list as the value of a top-level key, indented by 2: its items at 4 (JSON text has
    # no raw newline inside a string, so indenting line by line is exact).
    first = True
    for item in dicts:
        text = json.dumps(item, ensure_ascii=False, indent=2)
        yield ("[\n" if first else ",\n") + "    " + text.replace("\n", "\n    ")
        first = False
    yield "[]" if first else "\n  ]"


def report_json_chunks(report: Report, lang: str,
                       findings: Callable[[list[Any]], list[Any]] | None = None) -> Iterable[str]:
    """The report's JSON (indented by 2, not ASCII-escaped) in pieces; ``findings``, when
    given, chooses the findings shown from their plain data (``--only``)."""
    head = attrs.evolve(report, warnings=()).to_dict(lang)  # the summary counts every finding
    shown = head["findings"] if findings is None else findings(head["findings"])
    if list(head)[-2:] != ["findings", "warnings"]:  # not the layout expected: the whole, as before
        data = {**head, "findings": shown, "warnings": [w.to_dict(lang) for w in report.warnings]}
        yield json.dumps(data, ensure_ascii=False, indent=2)
        return
    head["findings"] = []
    text = json.dumps(head, ensure_ascii=False, indent=2)
    if not text.endswith(_TAIL):  # pragma: no cover - json.dumps lays lists out this way
        raise AssertionError(text[-80:])
    yield text[: -len(_TAIL)]
    yield "\n  \"findings\": "
    yield from _items(shown)
    del shown, head
    yield ",\n  \"warnings\": "
    yield from _items(w.to_dict(lang) for w in report.warnings)
    yield "\n}"
