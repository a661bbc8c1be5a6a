"""The rule engine: plan + schedule (+ a day) → :class:`~masswork.report.Report`.

It validates, indexes the schedule once, asks each requirement's kind for an
:class:`~masswork.kinds.base.Outcome`, and turns outcomes into statuses. The engine knows no
kind by name; kinds come from a registry (built-ins and plugins alike).

Status rules, in one place:

* a waiver in force → ``waived``;
* satisfied → ``met``;
* judged as a whole (no ``as_of``) and not satisfied → ``unmet``;
* judged on a day: a failure that can no longer be mended (``Outcome.final``: held outside
  its window, in the wrong order) → ``unmet``; missing after its due date → ``overdue``;
  missing but not yet due → ``open``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .errors import MassworkError, PluginError
from .i18n import Msg, Name, Pair
from .idmatch import match_scripts
from .kinds import scope
from .kinds.base import Context
from .model import Event, EventStatus, Plan, Requirement, Schedule, day_of
from .report import Finding, Notice, Report, Status
from .validate import orphan_notices, schedule_notices, validate_plan, validate_schedule
from .workdays import WeekendCalendar

if TYPE_CHECKING:
    from .kinds.base import KindRegistry, Outcome
    from .workdays import WorkingCalendar

__all__ = ["check"]


def _name(ctx: Context, ref_id: str | None) -> Name:
    """A plan id as the plan names it, with its English name where it has one."""
    zh = ctx.name(ref_id)
    en = ctx.label_en(ref_id)
    return Name(zh, en[: -len(zh) - 3] if en.endswith(f" ({zh})") else "")


def _holiday(label: str) -> Pair:
    # Calendars name holidays "中文 English" (masswork_holidays_cn.HOLIDAY_NAMES); each
    # language shows its own half.
    head, _, tail = label.partition(" ")
    if tail and head and not head.isascii():
        return Pair(head, tail)
    return Pair(label, label)


def _status(outcome: Outcome, due: dt.date | None, as_of: dt.date | None) -> Status:
    if outcome.met:
        return Status.MET
    if as_of is None or outcome.final:
        return Status.UNMET
    if due is not None and as_of > due:
        return Status.OVERDUE
    return Status.OPEN


def _waiver_finding(req: Requirement, ctx: Context) -> Finding | None:
    for w in ctx.schedule.waivers:
        if w.requirement == req.id and (ctx.as_of is None or w.on <= ctx.as_of):
            return Finding(
                rule=req.id, clause=req.clause, kind=req.kind, status=Status.WAIVED,
                msg=Msg.of("finding.waived", who=_name(ctx, w.approved_by), on=w.on, reason=w.reason),
                quote=req.quote, phase=req.phase, severity=req.severity.value,
                responsible=req.responsible,
            )
    return None


_UNASKED = object()


class _Unanswered:
    """A calendar's refusal for a day (its message), kept so that it is asked once."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _warnings(ctx: Context, calendar: WorkingCalendar | None) -> list[Notice]:
    out: list[Notice] = orphan_notices(ctx.schedule, ctx.plan)
    if ctx.schedule.plan not in (ctx.plan.id, ctx.plan.extends):
        out.append(Notice(
            "plan-mismatch", subject=ctx.schedule.plan,
            msg=Msg.of("notice.plan_mismatch", schedule_plan=repr(ctx.schedule.plan), plan=repr(ctx.plan.id))))
    if not ctx.plan.options.strict_references:
        out.extend(schedule_notices(ctx.schedule, ctx.plan))
    # Replaying history (as_of in the past) sees later events as held: that is normal.
    # A held event dated after today is a slip in the record.
    today = dt.date.today()
    future: list[Event] = []
    # One pass over the events; a calendar is asked once per day, not once per event.
    asked: dict[dt.date, object] = {}
    non_working: list[tuple[Event, dt.date]] = []
    unknown: dict[str, list[str]] = {}
    held, cancelled = EventStatus.HELD, EventStatus.CANCELLED
    for e in ctx.schedule.events:
        day = day_of(e.start)
        if e.status is held and day > today:
            future.append(e)
        if calendar is None or e.status is cancelled:
            continue
        working = asked.get(day, _UNASKED)
        if working is _UNASKED:
            try:
                working = calendar.is_working_day(day)
            except Exception as exc:  # noqa: BLE001 - a calendar that cannot answer is a warning here
                working = _Unanswered(str(exc))
            asked[day] = working
        if isinstance(working, _Unanswered):
            unknown.setdefault(working.message, []).append(e.id)
        elif not working:
            non_working.append((e, day))
    if future:
        shown = ", ".join(f"{e.id} ({e.day})" for e in future[:5]) + (f" (+{len(future) - 5})" if len(future) > 5 else "")
        out.append(Notice("held-in-future", subject=future[0].id,
                          msg=Msg.of("notice.held_in_future", n=len(future), events=shown)))
    if calendar is not None:
        # Shared by the notices of a day and of a type: a million events on weekends make
        # hundreds of thousands of notices (benchmarks/memory.py).
        labels: dict[dt.date, object] = {}
        types: dict[str, Name] = {}
        for e, day in non_working:
            label = labels.get(day)
            if label is None:
                name = calendar.holiday(day)
                label = labels[day] = _holiday(name) if name else Msg.of("notice.weekend")
            kind = types.get(e.type)
            if kind is None:
                kind = types[e.type] = _name(ctx, e.type)
            out.append(Notice("non-working-day", subject=e.id, msg=Msg.of(
                "notice.non_working_day", event=e.id, type=kind, day=day, day_name=label)))
        for message, ids in unknown.items():
            more = f" (+{len(ids) - 1})" if len(ids) > 1 else ""
            out.append(Notice("calendar-unknown", subject=ids[0], msg=Msg.of(
                "notice.calendar_unknown", event=ids[0] + more, error=message)))
    return out


def check(
    plan: Plan,
    schedule: Schedule,
    as_of: dt.date | None = None,
    *,
    kinds: KindRegistry | None = None,
    calendar: WorkingCalendar | None = None,
    validate: bool = True,
    warnings: bool = True,
) -> Report:
    """Judge ``schedule`` against ``plan``.

    Without ``as_of``: would this schedule, carried out, satisfy the plan? Planned and held
    events count. With ``as_of``: progress on that day; only events held by then count, and
    what is missing is ``open`` until due, ``overdue`` after.

    ``warnings=False`` leaves out the advisories about the record (events on a non-working
    day, held in the future, naming what the plan does not use …), for callers that use only
    the findings, such as a batch summary: on a large record they cost as much as the
    findings.

    Raises :class:`~masswork.errors.PlanError` for an inconsistent plan or schedule and
    :class:`~masswork.errors.PluginError` naming the plugin whose kind failed; never returns
    a partial report.
    """
    if kinds is None:
        from .plugins import get_kinds

        kinds = get_kinds()
    schedule, script_notes = match_scripts(schedule, plan)
    if validate:
        validate_plan(plan, kinds=kinds)
        validate_schedule(schedule, plan, strict=plan.options.strict_references)
    # Working-day arithmetic ("3個工作日內") needs some calendar; without one, Monday to Friday.
    # Holiday warnings come only from a calendar the caller chose.
    working = (calendar or WeekendCalendar()).is_working_day
    ctx = Context(plan, schedule, as_of, is_working_day=working)
    findings: list[Finding] = []
    for req in plan.requirements:
        waived = _waiver_finding(req, ctx)
        if waived is not None:
            findings.append(waived)
            continue
        kind = kinds.get(req.kind)
        try:
            outcome = scope.evaluate(kind, req, ctx)
        except MassworkError:
            raise  # already says what is wrong, e.g. a calendar that does not cover the year
        except Exception as exc:
            raise PluginError(kinds.owner(req.kind), msg=Msg.of(
                "error.kind_failed", kind=req.kind, rule=req.id, error=repr(exc))) from exc
        due = outcome.due if outcome.due is not None else ctx.default_due(req)
        status = _status(outcome, due, as_of)
        said: Msg = getattr(outcome, "msg", None) or Msg.of(
            "finding.text", text=Pair(outcome.message_zh, outcome.message_en))
        if status is Status.OVERDUE:
            said = Msg.of("finding.overdue", due=due, text=said)
        elif status is Status.OPEN:
            said = Msg.of("finding.open", due=due, text=said) if due else Msg.of("finding.open_campaign", text=said)
        findings.append(Finding(
            rule=req.id, clause=req.clause, kind=req.kind, status=status,
            msg=said, evidence=outcome.evidence,
            shortfall=outcome.shortfall if not outcome.met else (),
            quote=req.quote, phase=req.phase, due=due, severity=req.severity.value,
            responsible=req.responsible,
        ))
    phase_names = {p.id: p.name for p in plan.phases}
    # A guessed year changes every date: said first, before any other advisory.
    assumed = [Notice("year-assumed", subject=plan.id, msg=Msg.of("notice.year_assumed", year=str(plan.year)))] \
        if plan.options.year_assumed else []
    return Report(plan=plan.id, plan_title=plan.title, findings=tuple(findings), as_of=as_of,
                  warnings=tuple(assumed + script_notes + (_warnings(ctx, calendar) if warnings else [])),
                  phase_names=phase_names)
