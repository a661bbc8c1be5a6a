"""A report's JSON written to a stream piece by piece: ``masswork check --format json`` of
a million events has hundreds of thousands of warnings (events on a weekend or holiday),
and their dicts, the text of the whole and the probe of whether the console can show it
would otherwise all be in memory at once (benchmarks/memory.py).

The bytes are exactly those of ``json.dumps(report.to_dict(lang), ensure_ascii=False,
indent=2)`` (tests/test_speed_equal.py); the warnings, the report's last key, are turned into
plain data and written one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .report import Report

__all__ = ["report_json_chunks"]

_EMPTY_TAIL = '\n  "warnings": []\n}'


def report_json_chunks(report: Report, lang: str,
                       findings: Callable[[list[Any]], list[Any]] | None = None) -> Iterable[str]:
    """The report's JSON (indented by 2, not ASCII-escaped) in pieces; ``findings``, when
    given, chooses the findings shown from their plain data (``--only``)."""
    head = attrs.evolve(report, warnings=()).to_dict(lang)
    if findings is not None:
        head["findings"] = findings(head["findings"])
    text = json.dumps(head, ensure_ascii=False, indent=2)
    if not report.warnings or list(head)[-1] != "warnings" or not text.endswith(_EMPTY_TAIL):
        if report.warnings:  # not the layout expected: the whole, as before
            data = {**head, "warnings": [w.to_dict(lang) for w in report.warnings]}
            text = json.dumps(data, ensure_ascii=False, indent=2)
        yield text
        return
    yield text[: -len(_EMPTY_TAIL)] + '\n  "warnings": [\n'
    for i, w in enumerate(report.warnings):
        item = json.dumps(w.to_dict(lang), ensure_ascii=False, indent=2)
        yield ("" if i == 0 else ",\n") + "    " + item.replace("\n", "\n    ")
    yield "\n  ]\n}"
