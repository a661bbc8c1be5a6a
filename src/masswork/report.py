"""Findings and the report: what ``check`` says about each requirement, in plain data.

A :class:`Finding` cites the rule id, the clause id and the plan's own words, carries a
message in Chinese and English, the ids of the events and documents it rests on
(``evidence``) and, when something is missing, the shortfall in detail.

:meth:`Report.to_dict` is the JSON contract other tools read: a top-level ``findings`` list
whose items carry at least ``rule``, ``clause``, ``kind``, ``status``, ``message`` and
``evidence``. Fields are only ever added to it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .i18n import Msg, messages_of, pair_text, tr
from .lazytext import render_on_read

__all__ = ["Status", "Shortfall", "Finding", "Notice", "Report", "REPORT_FORMAT_VERSION"]

REPORT_FORMAT_VERSION = 1


class Status(str, enum.Enum):
    """A requirement's standing.

    ``met``: satisfied. ``unmet``: not satisfied and, judged as a whole or by a violation
    that can no longer be mended (held outside its window, in the wrong order), fails.
    ``overdue``: still missing after its due date. ``open``: not yet due. ``waived``: excused.
    """

    MET = "met"
    UNMET = "unmet"
    OVERDUE = "overdue"
    OPEN = "open"
    WAIVED = "waived"

    @property
    def zh(self) -> str:
        return _STATUS_ZH[self]

    def label(self, lang: str = "zh-Hant") -> str:
        """The status as a person reads it in ``lang`` (``已完成`` / ``已完成`` / ``met``)."""
        return tr(lang, "status." + self.value)

    @property
    def failing(self) -> bool:
        return self in (Status.UNMET, Status.OVERDUE)


_STATUS_ZH = {
    Status.MET: "已完成",
    Status.UNMET: "未達標",
    Status.OVERDUE: "已逾期",
    Status.OPEN: "未到期",
    Status.WAIVED: "已豁免",
}


def _params(value: Mapping[str, str | float] | None) -> Mapping[str, str | float]:
    return dict(value or {})


@attrs.frozen
class Shortfall:
    """What is missing for one subject: a person short of forums (``need`` 2, ``have`` 1),
    a pair that has not talked, a topic not discussed.

    ``subjects`` are the ids the shortfall is about — one for a person or a document, two
    for a pair — and ``subject`` their joined label (kept for readers of the first JSON
    reports). ``code`` says what is missing (:data:`masswork.shortfalls.TEMPLATES`) with
    ``params``; :meth:`text` renders it in the reader's language. ``detail`` is the old
    free-text form, kept alongside.
    """

    subject: str
    name: str = ""
    need: float | None = None
    have: float | None = None
    detail: str = ""
    code: str = ""
    params: Mapping[str, str | float] = attrs.field(factory=dict, converter=_params)
    subjects: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """The subject ids: ``subjects``, or the one ``subject``."""
        return self.subjects or (self.subject,)

    def text(self, lang: str = "zh") -> str:
        """What is missing, in words of ``lang``: from ``code`` when there is one, else
        ``detail``."""
        if self.code:
            from .shortfalls import render

            return render(self.code, self.params, lang)
        return self.detail

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        d: dict[str, Any] = {"subject": self.subject}
        if self.name:
            d["name"] = self.name
        if self.need is not None:
            d["need"] = self.need
        if self.have is not None:
            d["have"] = self.have
        detail = self.detail or (f"{self.text('en')} {self.text('zh')}" if self.code else "")
        if detail:
            d["detail"] = detail
        d["subjects"] = list(self.ids)
        if self.code:
            d["code"] = self.code
            d["params"] = dict(self.params)
            d["text"] = self.text(lang)
        return d


@attrs.frozen
class Finding:
    """The verdict on one requirement."""

    rule: str
    clause: str
    kind: str
    status: Status
    message_zh: str = ""
    message_en: str = ""
    evidence: tuple[str, ...] = ()
    shortfall: tuple[Shortfall, ...] = ()
    quote: str = ""
    phase: str | None = None
    due: dt.date | None = None
    severity: str = "error"
    responsible: tuple[str, ...] = ()
    title_zh: str = ""
    title_en: str = ""
    msg: Msg | None = None
    """The message as a catalogue code and parameters (``message_zh``/``message_en`` are
    its Traditional and English renderings, kept for callers that read them)."""
    title_msg: Msg | None = None
    """The kind's description of the rule as a message, where the plan gives the rule no
    title of its own in some language (``title_zh``/``title_en`` hold its Traditional and
    English renderings, or the plan's own title)."""

    def message(self, lang: str = "zh") -> str:
        return _message(self.msg, self.message_zh, self.message_en, lang)

    def title(self, lang: str = "zh") -> str:
        """The rule's title (the plan's own, else its kind's description of it)."""
        from .i18n import is_chinese

        msg = self.title_msg
        if is_chinese(lang):
            # The kind's words are catalogued in each script; the plan's own title is quoted.
            if msg is not None and (not self.title_zh or self.title_zh == msg.render("zh-Hant")):
                return msg.render(lang)
            return self.title_zh
        if msg is not None and (not self.title_en or self.title_en == msg.render("en")):
            return msg.render(lang)
        return self.title_en or self.title_zh

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "clause": self.clause,
            "kind": self.kind,
            "status": self.status.value,
            "message": self.message(lang),
            "messages": _messages(self.msg, self.message_zh, self.message_en),
            **_code(self.msg),
            "evidence": list(self.evidence),
            "shortfall": [s.to_dict(lang) for s in self.shortfall],
            "quote": self.quote,
            "phase": self.phase,
            "due": self.due.isoformat() if self.due else None,
            "severity": self.severity,
            "responsible": list(self.responsible),
            "title": self.title(lang),
            "titles": {"zh": self.title_zh, "en": self.title_en},
        }


@attrs.frozen
class Notice:
    """An advisory that does not fail a requirement: a meeting planned on a holiday, an
    event that names a type the plan does not use."""

    code: str
    message_zh: str = ""
    message_en: str = ""
    subject: str = ""
    msg: Msg | None = None

    def message(self, lang: str = "zh") -> str:
        return _message(self.msg, self.message_zh, self.message_en, lang)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "subject": self.subject,
            "message": self.message(lang),
            "messages": _messages(self.msg, self.message_zh, self.message_en),
            **_code(self.msg),
        }


# A message given as a code fills the old text fields, so callers reading message_zh /
# message_en keep working: rendered when first read (masswork.lazytext), not when made.
render_on_read(Finding, message_zh="zh-Hant", message_en="en")
render_on_read(Notice, message_zh="zh-Hant", message_en="en")


def _current(msg: Msg | None, zh: str, en: str) -> Msg | None:
    # The code speaks for the texts unless a caller replaced them (attrs.evolve of
    # message_zh / message_en): then the texts given win.
    if msg is None or (zh and zh != msg.render("zh-Hant")) or (en and en != msg.render("en")):
        return None
    return msg


def _message(msg: Msg | None, zh: str, en: str, lang: str) -> str:
    msg = _current(msg, zh, en)
    if msg is not None:
        return msg.render(lang)
    # Text a plugin still gives as a zh/en pair, not as a catalogue code.
    return pair_text(zh, en, lang)


def _messages(msg: Msg | None, zh: str, en: str) -> dict[str, str]:
    msg = _current(msg, zh, en)
    if msg is not None:
        return messages_of(msg)
    return {"zh": zh, "en": en, "zh-Hans": _message(None, zh, en, "zh-Hans"), "zh-Hant": zh}


def _code(msg: Msg | None) -> dict[str, Any]:
    """``message_code`` and ``message_params``, for programs that render messages
    themselves (additive to the report format)."""
    if msg is None:
        return {}
    d = msg.to_dict()
    return {"message_code": d["code"], "message_params": d["params"]}


@attrs.frozen
class Report:
    """Every finding for one plan and schedule, judged as a whole (``as_of`` is None) or on a
    day. ``phases`` maps phase id → (requirements done, requirements in the phase)."""

    plan: str
    plan_title: str
    findings: tuple[Finding, ...]
    as_of: dt.date | None = None
    warnings: tuple[Notice, ...] = ()
    phase_names: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing of severity ``error`` is unmet or overdue."""
        return not any(f.status.failing and f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Status}
        for f in self.findings:
            out[f.status.value] += 1
        return out

    def by_status(self, *statuses: Status) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status in statuses)

    def finding(self, rule: str) -> Finding:
        for f in self.findings:
            if f.rule == rule:
                return f
        raise KeyError(rule)

    def phase_completion(self) -> dict[str, dict[str, Any]]:
        """phase id → done (met or waived), total, ratio, name; ``""`` collects rules that
        belong to no phase."""
        out: dict[str, dict[str, Any]] = {}
        for f in self.findings:
            key = f.phase or ""
            row = out.setdefault(
                key, {"name": self.phase_names.get(key, ""), "done": 0, "total": 0}
            )
            row["total"] += 1
            if f.status in (Status.MET, Status.WAIVED):
                row["done"] += 1
        for row in out.values():
            row["ratio"] = round(row["done"] / row["total"], 4) if row["total"] else 1.0
        return out

    def clauses(self) -> set[str]:
        return {f.clause for f in self.findings}

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT_VERSION,
            "plan": self.plan,
            "plan_title": self.plan_title,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "ok": self.ok,
            "summary": {
                "counts": self.counts(),
                "total": len(self.findings),
                "phases": self.phase_completion(),
            },
            "findings": [f.to_dict(lang) for f in self.findings],
            "warnings": [w.to_dict(lang) for w in self.warnings],
        }


def summarise(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts by status for any collection of findings."""
    out = {s.value: 0 for s in Status}
    for f in findings:
        out[f.status.value] += 1
    return out
