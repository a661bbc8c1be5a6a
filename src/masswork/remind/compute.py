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
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..i18n import Msg, Words, pair_text
from ..kinds.scope import describe as describe_rule
from ..lazytext import render_on_read
from ..model import EventStatus, Plan, Requirement, Schedule
from ..periods import add_working_days, measure
from ..report import Finding, Report, Shortfall, Status
from .render import BOTH_DEPRECATED
from .words import Body, Joined, owed_item, timing
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

_KIND_ORDER = {k: i for i, k in enumerate(REMINDER_KINDS)}
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
    msg: Msg | None = None
    """The message as a catalogue code (``message_zh``/``message_en`` are filled from it)."""
    subject_msg: Msg | None = None

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
        """The message in ``lang`` (``"zh-Hans"``, ``"zh-Hant"``, ``"en"`` or another spelling
        of them). ``"both"`` (Chinese, then English) is deprecated (:class:`DeprecationWarning`)."""
        if lang == "both":
            warnings.warn(BOTH_DEPRECATED, DeprecationWarning, stacklevel=2)
            return f"{self.message_zh}\n{self.message_en}"
        if self.msg is not None and self.message_zh == self.msg.render("zh-Hant") \
                and self.message_en == self.msg.render("en"):
            return self.msg.render(lang)
        # A reminder built the old way, as two texts (a caller's or a test's own).
        return pair_text(self.message_zh, self.message_en, lang)

    def subject(self, lang: str = "zh") -> str:
        """A one-line title for mail subjects and robot cards."""
        title: object = Words(self.title_zh or self.requirement, self.title_en or self.requirement)
        msg = self.subject_msg or Msg.of("remind.subject", kind=Msg.of(f"remind.kind.{self.kind}"),
                                         clause=self.clause, title=title, due=self.due or "")
        if lang == "both":
            warnings.warn(BOTH_DEPRECATED, DeprecationWarning, stacklevel=2)
            return f"{msg.render('zh-Hant').strip()} / {msg.render('en').strip()}"
        return msg.render(lang).strip()

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


# message_zh / message_en filled from msg when first read (masswork.lazytext).
render_on_read(Reminder, message_zh="zh-Hant", message_en="en")


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

    def words(self, ref: str) -> Words:
        return Words(self.name_zh(ref), self.name_en(ref))


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


def _owed(finding: Finding, req: Requirement, names: _Names) -> dict[str, list[Msg | Words]]:
    """person id → what they owe, from the finding's shortfall."""
    if req.kind == "coverage" and getattr(req.params, "field", "") not in ("attendees", "participants"):
        return {}
    what = getattr(req.params, "activity", None) or getattr(req.params, "document", None)
    thing = Words(f"「{names.name_zh(what)}」", names.name_en(what)) if isinstance(what, str) else None
    out: dict[str, list[Msg | Words]] = {}
    for s in finding.shortfall:
        parts = [x for x in _SEPARATORS.split(s.subject) if x]
        persons = [x for x in parts if x in names.people]
        for person in dict.fromkeys(persons):
            out.setdefault(person, []).append(owed_item(s, parts, person, thing, req.id, names.words))
    return out


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
    title: Words | Msg
    if req.title or req.title_en:
        title = Words(req.title or req.title_en, req.title_en or req.title)  # the plan's own words
    elif req.kind in kinds:
        title = describe_rule(kinds.get(req.kind), req, plan)  # the kind's words, catalogued
    else:  # pragma: no cover - check() already rejected unknown kinds
        title = Words(req.id)
    when = timing(f.due, as_of, days_left, working)
    common: dict[str, Any] = dict(
        plan=plan.id, requirement=req.id, clause=req.clause, due=f.due, lead=lead,
        working_days=working, overdue=overdue, status=f.status.value, requirement_kind=req.kind,
        title_zh=title.render("zh-Hant"), title_en=title.render("en"), quote=req.quote, days_left=days_left,
    )
    owed = _owed(f, req, names)
    kind = "gate" if req.kind == "gate" else ("overdue" if overdue else "due-soon")
    extra: list[Msg] = []
    if owed:
        extra.append(Msg.of("remind.owed_by", who=Joined(tuple(Words(names.name_zh(p)) for p in owed), ", ")))
    if blocks is not None:
        extra.append(Msg.of("remind.blocks", event=blocks[1], day=blocks[0]))
    for r in dict.fromkeys(req.responsible or (office,)):
        msg = Msg.of("remind.message", kind=Msg.of(f"remind.kind.{kind}"), clause=req.clause, title=title,
                     body=Body.of(f), when=when, extra=Joined(tuple(extra), "", ""), who=names.words(r))
        yield Reminder(kind=kind, recipient=r, recipient_name=names.name_zh(r), message_zh="", message_en="",
                       msg=msg, subject_msg=_subject(kind, req, title, f.due), **common)
    for person, items in owed.items():
        who = names.name_zh(person)
        msg = Msg.of("remind.message_shortfall", kind=Msg.of("remind.kind.shortfall"), clause=req.clause,
                     who=who, items=Joined(tuple(items)), title=title, when=when)
        yield Reminder(kind="shortfall", recipient=person, recipient_name=who, message_zh="", message_en="",
                       owes_zh=tuple(i.render("zh-Hant") for i in items),
                       owes_en=tuple(i.render("en") for i in items), msg=msg,
                       subject_msg=_subject("shortfall", req, title, f.due), **common)


def _subject(kind: str, req: Requirement, title: Words | Msg, due: dt.date) -> Msg:
    return Msg.of("remind.subject", kind=Msg.of(f"remind.kind.{kind}"), clause=req.clause, title=title, due=due)
