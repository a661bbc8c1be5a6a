"""Reminders: plan + schedule + a day → who must be told what (提醒).

:func:`reminders` is pure: it reads no file, sends nothing and asks no plugin for a calendar
(pass one). It checks the schedule on ``as_of`` (:func:`masswork.check`) and turns every
finding that can still be mended — ``open`` or ``overdue`` — into reminders:

``due-soon``
    an ``open`` requirement whose due date is within a lead time. Lead times come from the
    requirement's ``lead_days``, else the plan's ``[options] lead_days`` (default 7 and 1),
    counted in working days when ``[options] working_days = true``. Only the *nearest* lead
    time already reached fires: with leads 7 and 1 a requirement due on Thursday 27 February
    is reminded from Thursday 20 February (lead 7) and again on Wednesday 26 (lead 1); a
    first run on the 26th sends the lead-1 reminder only.
``overdue``
    an ``overdue`` requirement (missing after its due date), once per due date.
``gate``
    an ``open`` or ``overdue`` ``gate`` requirement: an approval that blocks the next step
    (the next phase, the mobilization meeting), on the same lead times.
``shortfall``
    per person, what they still owe (a forum to host, a talk with a colleague, a
    self-examination to submit), addressed to that person, on the same lead times. Persons
    are the plan's people named by a finding's shortfall subjects (``li-fei``,
    ``li-fei×wang-min``, ``li-fei→督導組``); ``coverage`` findings yield them only for the
    ``attendees`` and ``participants`` fields (a target not yet appraised owes nothing).

``unmet`` findings (failures that adding events cannot mend) and findings without a due date
yield no reminder.

Recipients: the requirement's ``responsible`` ids (one reminder each), else the plan's
campaign office (:func:`default_recipient`); ``shortfall`` reminders go to the person.

Each reminder has a :attr:`Reminder.key` — (plan, requirement, kind, recipient, due date,
lead) — on which the delivery ledger (:mod:`masswork.remind.ledger`) adds the channel and sends it at
most once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..i18n import pair_text
from ..kinds.scope import describe as describe_rule
from ..model import EventStatus, Plan, Requirement, Schedule
from ..periods import add_working_days, measure
from ..report import Finding, Report, Shortfall, Status
from .workdays import WeekendCalendar

if TYPE_CHECKING:
    from ..kinds.base import KindRegistry
    from .workdays import WorkingCalendar

__all__ = [
    "REMINDER_KINDS",
    "DEFAULT_RECIPIENT",
    "Reminder",
    "reminders",
    "default_recipient",
    "lead_times",
]

REMINDER_KINDS = ("due-soon", "overdue", "gate", "shortfall")
"""The kinds of reminder, in the order they are listed for one requirement."""

DEFAULT_RECIPIENT = "領導小組辦公室"
"""Who is told when a requirement names nobody responsible and the plan has no office."""

_KIND_ZH = {"due-soon": "即將到期", "overdue": "已逾期", "gate": "審批關口", "shortfall": "個人待辦"}
_KIND_EN = {"due-soon": "due soon", "overdue": "overdue", "gate": "gate", "shortfall": "still owed"}
_KIND_ORDER = {k: i for i, k in enumerate(REMINDER_KINDS)}

# The engine prefixes open / overdue messages with the due date; a reminder says it its own way.
_PREFIX_ZH = re.compile(r"^(?:未到期|已逾期)[(\uff08][^)\uff09]*[)\uff09][:\uff1a]\s*")
_PREFIX_EN = re.compile(r"^(?:open|overdue) \(due [^)]*\): ")
_SEPARATORS = re.compile(r"[×→:]")


@attrs.frozen
class Reminder:
    """One reminder for one recipient.

    ``kind`` is one of :data:`REMINDER_KINDS`. ``lead`` is the lead time (days, or working
    days when ``working_days``) whose window the day falls in; None when ``overdue``.
    ``days_left`` counts (working) days from the as-of day to ``due``, negative when overdue.
    """

    plan: str
    requirement: str
    clause: str
    kind: str
    due: dt.date | None
    lead: int | None
    recipient: str
    message_zh: str
    message_en: str
    recipient_name: str = ""
    working_days: bool = False
    overdue: bool = False
    status: str = "open"
    requirement_kind: str = ""
    title_zh: str = ""
    title_en: str = ""
    quote: str = ""
    days_left: int | None = None
    owes_zh: tuple[str, ...] = ()
    owes_en: tuple[str, ...] = ()

    @property
    def lead_tag(self) -> str:
        """The lead part of the key: ``"7d"``, ``"3wd"`` (working days) or ``"overdue"``."""
        if self.overdue or self.lead is None:
            return "overdue"
        return f"{self.lead}{'wd' if self.working_days else 'd'}"

    @property
    def key(self) -> tuple[str, str, str, str, str, str]:
        """(plan, requirement, kind, recipient, due date, lead): the delivery ledger adds the
        channel and sends each key at most once."""
        due = self.due.isoformat() if self.due else ""
        return (self.plan, self.requirement, self.kind, self.recipient, due, self.lead_tag)

    def message(self, lang: str = "zh") -> str:
        """The message in ``"zh"``, ``"en"`` or ``"both"`` (Chinese, then English)."""
        if lang == "both":
            return f"{self.message_zh}\n{self.message_en}"
        return pair_text(self.message_zh, self.message_en, lang)  # zh-Hans, zh-Hant, en

    def subject(self, lang: str = "zh") -> str:
        """A one-line title for mail subjects and robot cards."""
        due = self.due.isoformat() if self.due else ""
        zh = f"【{_KIND_ZH[self.kind]}】[{self.clause}] {self.title_zh or self.requirement} {due}".strip()
        en = f"[{_KIND_EN[self.kind]}] [{self.clause}] {self.title_en or self.requirement} {due}".strip()
        if lang == "both":
            return f"{zh} / {en}"
        return pair_text(zh, en, lang)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "plan": self.plan,
            "requirement": self.requirement,
            "clause": self.clause,
            "kind": self.kind,
            "status": self.status,
            "requirement_kind": self.requirement_kind,
            "due": self.due.isoformat() if self.due else None,
            "lead": self.lead,
            "lead_unit": "working_day" if self.working_days else "day",
            "days_left": self.days_left,
            "recipient": self.recipient,
            "recipient_name": self.recipient_name,
            "message": self.message(lang),
            "messages": {"zh": self.message_zh, "en": self.message_en},
            "title": {"zh": self.title_zh, "en": self.title_en},
            "quote": self.quote,
            "owes": {"zh": list(self.owes_zh), "en": list(self.owes_en)},
            "key": list(self.key),
        }


def default_recipient(plan: Plan) -> str:
    """The plan's campaign office, told about requirements that name nobody responsible: a
    body ``領導小組辦公室``; else the first body, then section, whose id or name contains
    ``辦公室`` (office); else a body ``領導小組`` (leading group); else the id
    :data:`DEFAULT_RECIPIENT` itself."""
    offices = ("辦公室", "办公室")
    for b in plan.bodies:
        if b.id in (DEFAULT_RECIPIENT, "领导小组办公室"):
            return b.id
    for coll in (plan.bodies, plan.sections):
        for item in coll:
            if any(o in item.id or o in item.name for o in offices):
                return item.id
    for b in plan.bodies:
        if b.id in ("領導小組", "领导小组"):
            return b.id
    return DEFAULT_RECIPIENT


def lead_times(plan: Plan, req: Requirement) -> tuple[int, ...]:
    """The requirement's lead times (its own, else the plan's), distinct, longest first."""
    leads = req.lead_days if req.lead_days is not None else plan.options.lead_days
    return tuple(sorted({int(x) for x in leads if int(x) >= 0}, reverse=True))


class _Names:
    def __init__(self, plan: Plan) -> None:
        self.zh = dict(plan.names())
        self.en: dict[str, str] = {}
        for coll in (plan.roles, plan.bodies, plan.groups, plan.activities, plan.documents, plan.phases):
            for item in coll:
                if item.name_en:
                    self.en[item.id] = item.name_en
        self.people = {p.id for p in plan.people}

    def name_zh(self, ref: str) -> str:
        return self.zh.get(ref, ref)

    def name_en(self, ref: str) -> str:
        zh = self.name_zh(ref)
        en = self.en.get(ref, "")
        return f"{en} ({zh})" if en and en != zh else zh


def _strip(finding: Finding) -> tuple[str, str]:
    return _PREFIX_ZH.sub("", finding.message_zh, count=1), _PREFIX_EN.sub("", finding.message_en, count=1)


def _stage(due: dt.date, as_of: dt.date, leads: Sequence[int],
           working: WorkingCalendar | None) -> int | None:
    """The nearest lead time whose window ``as_of`` is in (None: not yet reminded)."""
    hit: int | None = None
    for lead in leads:  # longest first; the last one reached wins
        start = add_working_days(due, -lead, working.is_working_day) if working else due - dt.timedelta(days=lead)
        if start <= as_of:
            hit = lead
    return hit


def _days_left(due: dt.date, as_of: dt.date, working: WorkingCalendar | None) -> int:
    if working is None:
        return (due - as_of).days
    return int(measure(as_of, due, "working_day", working_day=working.is_working_day))


def _owed(finding: Finding, req: Requirement, names: _Names) -> dict[str, list[tuple[str, str]]]:
    """person id → what they owe (zh, en), from the finding's shortfall."""
    if req.kind == "coverage" and getattr(req.params, "field", "") not in ("attendees", "participants"):
        return {}
    out: dict[str, list[tuple[str, str]]] = {}
    for s in finding.shortfall:
        parts = [x for x in _SEPARATORS.split(s.subject) if x]
        persons = [x for x in parts if x in names.people]
        for person in dict.fromkeys(persons):
            out.setdefault(person, []).append(_owed_item(s, person, parts, req, names))
    return out


def _owed_item(s: Shortfall, person: str, parts: list[str], req: Requirement,
               names: _Names) -> tuple[str, str]:
    others = [x for x in parts if x != person]
    what = getattr(req.params, "activity", None) or getattr(req.params, "document", None)
    what_zh = f"「{names.name_zh(what)}」" if isinstance(what, str) else ""
    what_en = names.name_en(what) if isinstance(what, str) else req.id
    if "×" in s.subject and others:
        other = others[0]
        return (f"與{names.name_zh(other)}{what_zh or '完成此項'}", f"{what_en} with {names.name_en(other)}")
    if "→" in s.subject and others:
        body = others[-1]
        return (f"{what_zh}報送{names.name_zh(body)}", f"submit {what_en} to {names.name_en(body)}")
    if s.need is not None and s.have is not None:
        more = s.need - s.have
        return (f"{what_zh}尚欠 {more:g}(已 {s.have:g},應 {s.need:g})",
                f"{more:g} more {what_en} ({s.have:g} of {s.need:g})")
    detail = f"({s.detail})" if s.detail else ""
    return (f"{what_zh}{detail}", f"{what_en}{' (' + s.detail + ')' if s.detail else ''}")


def _blocked(req: Requirement, schedule: Schedule, as_of: dt.date) -> tuple[dt.date, str] | None:
    """For a gate: the first event it blocks that is still ahead (planned, or on the books for
    a later day) — (its day, its id)."""
    activity = getattr(req.params, "before_activity", None)
    phase = getattr(req.params, "before_phase", None)
    ahead = [e for e in schedule.events
             if e.status is not EventStatus.CANCELLED and e.day >= as_of
             and ((activity is not None and e.type == activity) or (phase is not None and e.phase == phase))]
    if not ahead:
        return None
    first = min(ahead, key=lambda e: (e.day, e.id))
    return first.day, first.id


def _timing(due: dt.date, as_of: dt.date, days_left: int, working: bool) -> tuple[str, str]:
    unit_zh, unit_en = ("個工作日", "working day") if working else ("天", "day")
    if as_of == due:
        return f"期限 {due}(今天到期)", f"due {due} (due today)"
    if as_of < due:
        return (f"期限 {due}(還有 {days_left} {unit_zh})",
                f"due {due} ({days_left} {unit_en}{'s' if days_left != 1 else ''} left)")
    late = (as_of - due).days
    return (f"已逾期 {late} 天(期限 {due})", f"overdue by {late} day{'s' if late != 1 else ''} (due {due})")


def reminders(
    plan: Plan,
    schedule: Schedule,
    as_of: dt.date,
    *,
    calendar: WorkingCalendar | None = None,
    kinds: KindRegistry | None = None,
    report: Report | None = None,
    recipient: str | None = None,
) -> list[Reminder]:
    """Every reminder due on ``as_of``: see the module docstring.

    ``calendar`` tells working days (default: Monday to Friday; pass
    ``masswork.plugins.get_calendar(config)`` for Chinese holidays and 調休); it is used for
    working-day lead times and handed to :func:`masswork.check`. ``kinds`` is the requirement
    kind registry (default: the plugins'). ``report`` reuses a check already made on ``as_of``.
    ``recipient`` replaces :func:`default_recipient` for requirements naming nobody.

    Raises what :func:`masswork.check` raises, and :class:`~masswork.errors.MassworkError`
    from a calendar that does not cover a year it is asked about.
    """
    cal: WorkingCalendar = calendar if calendar is not None else WeekendCalendar()
    if report is None:
        from ..engine import check

        report = check(plan, schedule, as_of, kinds=kinds, calendar=cal)
    elif report.as_of != as_of:
        raise ValueError(f"the report is as of {report.as_of}, not {as_of}")
    if kinds is None:
        from ..plugins import get_kinds

        kinds = get_kinds()
    names = _Names(plan)
    office = recipient or default_recipient(plan)
    working = cal if plan.options.working_days else None
    order = {r.id: i for i, r in enumerate(plan.requirements)}
    out: list[Reminder] = []
    for f in report.findings:
        if f.status not in (Status.OPEN, Status.OVERDUE):
            continue
        req = plan.requirement(f.rule)
        due = f.due
        blocks: tuple[dt.date, str] | None = None
        if req.kind == "gate" and f.status is Status.OPEN:
            # A gate falls due no later than the first event it blocks that is on the books.
            blocks = _blocked(req, schedule, as_of)
            if blocks is not None and (due is None or blocks[0] < due):
                due = blocks[0]
        if due is None:
            continue
        overdue = f.status is Status.OVERDUE
        lead: int | None = None
        if not overdue:
            lead = _stage(due, as_of, lead_times(plan, req), working)
            if lead is None:
                continue
        days_left = _days_left(due, as_of, working) if not overdue else -(as_of - due).days
        out.extend(_for_finding(plan, req, attrs.evolve(f, due=due), as_of, lead, days_left, overdue,
                                working is not None, names, office, kinds, blocks))
    out.sort(key=lambda r: (not r.overdue, r.due or dt.date.max, order.get(r.requirement, 0),
                            _KIND_ORDER[r.kind], r.recipient))
    return out


def _for_finding(plan: Plan, req: Requirement, f: Finding, as_of: dt.date, lead: int | None,
                 days_left: int, overdue: bool, working: bool, names: _Names, office: str,
                 kinds: KindRegistry, blocks: tuple[dt.date, str] | None = None) -> Iterable[Reminder]:
    assert f.due is not None
    if req.title or req.title_en:
        title_zh, title_en = req.title or req.title_en, req.title_en or req.title
    elif req.kind in kinds:
        title_zh, title_en = describe_rule(kinds.get(req.kind), req, plan)
    else:  # pragma: no cover - check() already rejected unknown kinds
        title_zh = title_en = req.id
    body_zh, body_en = _strip(f)
    when_zh, when_en = _timing(f.due, as_of, days_left, working)
    common: dict[str, Any] = dict(
        plan=plan.id, requirement=req.id, clause=req.clause, due=f.due, lead=lead,
        working_days=working, overdue=overdue, status=f.status.value, requirement_kind=req.kind,
        title_zh=title_zh, title_en=title_en, quote=req.quote, days_left=days_left,
    )
    owed = _owed(f, req, names)
    kind = "gate" if req.kind == "gate" else ("overdue" if overdue else "due-soon")
    who_zh = "、".join(names.name_zh(p) for p in owed)
    who_en = ", ".join(names.name_zh(p) for p in owed)
    extra_zh = f";尚未完成的人員:{who_zh}" if owed else ""
    extra_en = f"; still owed by: {who_en}" if owed else ""
    if blocks is not None:
        extra_zh += f";阻擋:活動 {blocks[1]} 定於 {blocks[0]}"
        extra_en += f"; blocks: event {blocks[1]} on {blocks[0]}"
    for r in dict.fromkeys(req.responsible or (office,)):
        zh = (f"【{_KIND_ZH[kind]}】[{req.clause}] {title_zh}:{body_zh};{when_zh}{extra_zh}"
              f";負責:{names.name_zh(r)}")
        en = (f"[{_KIND_EN[kind]}] [{req.clause}] {title_en}: {body_en}; {when_en}{extra_en}"
              f"; responsible: {names.name_en(r)}")
        yield Reminder(kind=kind, recipient=r, recipient_name=names.name_zh(r), message_zh=zh,
                       message_en=en, **common)
    for person, items in owed.items():
        items_zh = "、".join(z for z, _ in items)
        items_en = "; ".join(e for _, e in items)
        who = names.name_zh(person)
        zh = f"【{_KIND_ZH['shortfall']}】[{req.clause}] {who}:{items_zh} — {title_zh};{when_zh}"
        en = f"[{_KIND_EN['shortfall']}] [{req.clause}] {who}: {items_en} — {title_en}; {when_en}"
        yield Reminder(kind="shortfall", recipient=person, recipient_name=who, message_zh=zh, message_en=en,
                       owes_zh=tuple(z for z, _ in items), owes_en=tuple(e for _, e in items), **common)
