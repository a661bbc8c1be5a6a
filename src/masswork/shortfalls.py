"""What a shortfall's ``code`` means, in words: one row per code, a Chinese and an English
template whose ``{placeholders}`` are the shortfall's ``params``; each row is the
catalogue entry ``shortfall.<code>`` (src/masswork/i18n/), which renders it in zh-Hans,
zh-Hant and en.

Kinds say *what* is missing as a code with parameters (``approved-late``, ``{"day":
"2014-02-26"}``); the words are made here, in the reader's language, so a tool reading the
JSON report can act on the code and a person reads the text.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["TEMPLATES", "SELF_DESCRIBED", "render"]

TEMPLATES: Mapping[str, tuple[str, str]] = {
    "not-held": ("未舉行", "not held"),
    "pair-not-met": ("這一對尚未進行", "this pair has not met yet"),
    "no-pairs": ("無配對", "no pairs"),
    "not-approved": ("未同意", "not approved"),
    "approved-late": ("{day} 才同意,晚於開始", "approved late, on {day}"),
    "not-submitted": ("未報送", "not submitted"),
    "submitted-outside": ("{day} 報送,不在「{within}」內", "submitted {day}, outside {within}"),
    "outside-window": ("{day} 不在 {window} 內", "{day} not in {window}"),
    "window": ("應在 {window} 內", "due within {window}"),
    "wrong-order": ("{day} 順序不對", "out of order on {day}"),
    "no-holders": ("無人擔任", "no holders"),
    "no-units": ("無單位", "no units"),
    "no-window": ("無時間範圍", "no window"),
    "empty-list": ("空清單", "empty list"),
    "missing-items": ("缺 {items}", "lacks {items}"),
    "notice-late": ("通知於 {day} 才發出", "notice given late, on {day}"),
    "notice-missing": ("未發出通知", "no notice given"),
    "attestation": ("未簽字確認", "not attested"),
    "length": ("時長 {length}", "lasts {length}"),
    "count-short": ("已有 {have},應有 {need}", "{have} of {need}"),
    "too-many": ("過多:已有 {have},至多 {max}", "too many: {have}, at most {max}"),
    "missing": ("缺少", "missing"),
    "not-covered": ("未涵蓋", "not covered"),
    "due-by": ("應於 {day} 前完成", "due by {day}"),
    "attendance-short": ("出席 {present}/{total},應至少 {need}", "{present} of {total} present, at least {need} needed"),
    "then-late": ("{given_day} 之後到 {then_day} 才完成", "done {then_day}, late after {given_day}"),
    "then-missing": ("{given_day} 之後尚未完成", "not done after {given_day}"),
    "span": ("實際為 {span}", "actually {span}"),
    "unit-failed": ("未符合", "not met"),
    "outside-campaign": ("{start}..{end} 不在活動期間 {window} 內", "{start}..{end} outside the campaign {window}"),
    "campaign-start": ("首項活動 {day},要求「{required}」開始", "first event {day}, required {required}"),
    "campaign-no-start": ("尚無活動,要求「{required}」開始", "no event yet, required {required}"),
    "campaign-end": ("末項活動 {day},要求「{required}」結束", "last event {day}, required {required}"),
    "campaign-no-end": ("尚無活動,要求「{required}」結束", "no event yet, required {required}"),
    "quantity.short": ("{have} {unit},應至少 {need}", "{have} {unit}, at least {need} needed"),
    "quantity.over": ("{have} {unit},至多 {max}", "{have} {unit}, at most {max} allowed"),
    "quantity.unrecorded": ("未記錄數量 {measure}", "amount {measure} not recorded"),
}

SELF_DESCRIBED = frozenset({"campaign-start", "campaign-no-start", "campaign-end", "campaign-no-end"})
"""Codes whose words say what they are about (the campaign's start or end, not a person or
a document): a reader is shown the words alone, without the subject."""


def render(code: str, params: Mapping[str, object], lang: str) -> str:
    """The words for ``code`` in ``lang`` (``zh`` and ``zh-Hant`` Traditional, ``zh-Hans``
    Simplified, ``en``), from the catalogue entry ``shortfall.<code>`` (the rows above are
    its Traditional and English source); an unknown code is shown as itself with its
    parameters."""
    if code not in TEMPLATES:
        return code + (" " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else "")
    from .i18n import tr

    return tr(lang, "shortfall." + code, **{k: _shown(v) for k, v in params.items()})


def _shown(value: object) -> str:
    # 2.0 people read as 2; 3.6 stays 3.6.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
