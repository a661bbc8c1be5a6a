"""masswork export format ``ics``: an iCalendar (RFC 5545) file of the schedule and the
report's deadlines, for any calendar program.

* every event of the schedule that is not cancelled becomes a VEVENT: ``STATUS:TENTATIVE``
  while planned, ``CONFIRMED`` once held; times in ``Asia/Shanghai`` with a VTIMEZONE,
  events without a time of day as all-day events (``VALUE=DATE``);
* every finding of the report that has a due date becomes an all-day VEVENT on that day,
  with a VALARM for each of the rule's lead times (``lead_days`` of the requirement, else
  the plan's), its standing in the description and failing ones marked in the SUMMARY.

Everything is written through the ``icalendar`` library, which escapes and folds RFC 5545
text; this module only drops what TEXT values cannot carry (control characters other
than tab and line feed; CR LF and lone CR become LF — see :func:`clean_text`).

The output is deterministic: DTSTAMP is derived from the input (midnight UTC of ``as_of``,
else of 1 January of the plan's year) and components are sorted, so the same
input gives a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from masswork.exporters import Exporter, ExportInput
from masswork.hookspecs import hookimpl
from masswork.i18n import Catalogue, is_chinese
from masswork.model import Event, EventStatus, Plan, Requirement
from masswork.report import Finding, Status

if TYPE_CHECKING:
    import icalendar

# icalendar is imported by the functions that write a calendar, not here: the plugin host
# loads this module for every command that lists exporters (``masswork --help`` among them),
# and the library costs more to import than the rest of the command.

__all__ = [
    "TZID",
    "EXPORTER",
    "export_ics",
    "clean_text",
    "event_uid",
    "finding_uid",
    "exported_events",
    "exported_findings",
    "lead_days",
    "dtstamp",
    "masswork_register_exporters",
]

__version__ = "0.1.0"

TZID = "Asia/Shanghai"
TZ = ZoneInfo(TZID)
PRODID = f"-//masswork//masswork-ics {__version__}//ZH"

_CR = re.compile(r"\r\n?")


def clean_text(value: object) -> str:
    """What an RFC 5545 TEXT value can carry of ``value``: CR LF and lone CR become LF,
    other control characters (NUL, ESC, DEL, C1 …) are dropped; tab and LF stay (the
    library escapes LF as ``\\n``). Everything else — commas, semicolons, backslashes,
    ``BEGIN:VEVENT`` lines, emoji, bidi marks — is kept and escaped by icalendar."""
    s = _CR.sub("\n", "" if value is None else str(value))
    return "".join(c for c in s if c in "\t\n" or unicodedata.category(c) != "Cc")


def event_uid(plan: Plan | str, event_id: str) -> str:
    """The stable UID of a schedule event: ``<event-id>@<plan-id>.masswork``."""
    pid = plan if isinstance(plan, str) else plan.id
    return clean_text(f"{event_id}@{pid}.masswork")


def finding_uid(plan: Plan | str, rule: str) -> str:
    """The stable UID of a deadline: ``<rule-id>@due.<plan-id>.masswork`` (its own domain,
    so no event id can collide with it)."""
    pid = plan if isinstance(plan, str) else plan.id
    return clean_text(f"{rule}@due.{pid}.masswork")


def exported_events(inp: ExportInput) -> list[Event]:
    """The schedule events that go into the file: all but the cancelled ones."""
    return [e for e in inp.schedule.events if e.status is not EventStatus.CANCELLED]


def exported_findings(inp: ExportInput) -> list[Finding]:
    """The findings that go into the file as deadlines: those with a due date."""
    return [f for f in inp.report.findings if f.due is not None]


# ---------------------------------------------------------------- words


# Words from the plugin's catalogue (locale/*/LC_MESSAGES/masswork_ics.po): "ics.word.<key>",
# "ics.kind.<kind>" (a kind it does not name shows as its id) and "ics.mark.<status>".
CATALOGUE = Catalogue("masswork_ics")
_WORD_KEYS = (
    "planned", "held", "host", "participants", "attendees", "topics", "targets", "sections", "sources",
    "channels", "documents", "hours", "phase", "status", "note", "clause", "rule", "kind", "message",
    "quote", "responsible", "evidence", "due", "unit", "deadline", "reminder", "days_before", "today",
    "as_of", "sep", "list",
)
_MARKED = ("overdue", "unmet", "waived")


def _words(lang: str) -> dict[str, str]:
    return CATALOGUE.labels("ics.word", _WORD_KEYS, lang)


def _kind(kind: str, lang: str) -> str:
    code = f"ics.kind.{kind}"
    text = CATALOGUE.tr(lang, code)
    return kind if text == code else text


def _namer(plan: Plan, lang: str) -> Callable[[str | None], str]:
    names = plan.names(lang)
    return lambda x: "" if x is None else names.get(x, x)


def _lines(pairs: Iterable[tuple[str, str]], sep: str) -> str:
    return "\n".join(f"{k}{sep}{v}" for k, v in pairs if v)


# ---------------------------------------------------------------- times


def _local(moment: dt.datetime) -> dt.datetime:
    """A schedule date-time in Beijing time: naive means Beijing time already."""
    return moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment.astimezone(TZ)


def _times(e: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND for an event. A date-time keeps its time (DTEND only when the
    schedule gives a later end); a date is all day (DTEND the day after the last day, as
    RFC 5545 wants); a date-time start with a date end spans whole days."""
    start, end = e.start, e.end
    if isinstance(start, dt.datetime) and (end is None or isinstance(end, dt.datetime)):
        s = _local(start)
        if end is None:
            return s, None
        en = _local(end)
        return s, (en if en > s else None)
    first = start.date() if isinstance(start, dt.datetime) else start
    last = first
    if end is not None:
        last_day = end.date() if isinstance(end, dt.datetime) else end
        last = max(first, last_day)
    return first, last + dt.timedelta(days=1)


def dtstamp(inp: ExportInput) -> dt.datetime:
    """DTSTAMP for every component, derived from the input so the file is reproducible:
    midnight (UTC) of ``as_of``, else of 1 January of the plan's year."""
    day = inp.as_of or dt.date(inp.plan.year, 1, 1)
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc)


# ---------------------------------------------------------------- components


def _event_component(inp: ExportInput, e: Event, name: Callable[[str | None], str], stamp: dt.datetime) -> icalendar.Event:
    L = _words(inp.lang)
    joined = L["list"].join
    summary = name(e.type)
    title = clean_text(e.title).strip()
    if title and title != summary:
        summary = f"{summary}{L['sep']}{title}" if summary else title
    desc = _lines((
        (L["status"], L[e.status.value]),
        (L["host"], name(e.host)),
        (L["participants"], joined(name(p) for p in e.participants)),
        (L["attendees"], joined(name(a) for a in e.attendees)),
        (L["topics"], joined(name(t) for t in e.topics)),
        (L["targets"], joined(name(t) for t in e.targets)),
        (L["sections"], joined(name(s) for s in e.sections)),
        (L["sources"], joined(name(s) for s in e.sources)),
        (L["channels"], joined(name(c) for c in e.channels)),
        (L["documents"], joined(_doc_title(inp, d) for d in e.documents)),
        (L["hours"], f"{e.hours:g}" if e.hours else ""),
        (L["phase"], name(e.phase)),
        (L["note"], e.note),
    ), L["sep"])
    start, end = _times(e)
    import icalendar

    c = icalendar.Event()
    c.add("uid", event_uid(inp.plan, e.id))
    c.add("dtstamp", stamp)
    c.add("dtstart", start)
    if end is not None:
        c.add("dtend", end)
    c.add("summary", clean_text(summary))
    if clean_text(e.place).strip():
        c.add("location", clean_text(e.place))
    if desc:
        c.add("description", clean_text(desc))
    c.add("status", "CONFIRMED" if e.status is EventStatus.HELD else "TENTATIVE")
    if name(e.type):
        c.add("categories", [clean_text(name(e.type))])
    return c


def _doc_title(inp: ExportInput, doc_id: str) -> str:
    for d in inp.schedule.documents:
        if d.id == doc_id:
            return d.title or d.id
    return doc_id


def _requirement(plan: Plan, rule: str) -> Requirement | None:
    try:
        return plan.requirement(rule)
    except KeyError:
        return None


def lead_days(plan: Plan, rule: str) -> tuple[int, ...]:
    """The reminder lead times of a rule: its own ``lead_days``, else the plan's."""
    req = _requirement(plan, rule)
    leads = req.lead_days if req is not None and req.lead_days is not None else plan.options.lead_days
    return tuple(sorted({int(n) for n in leads if int(n) >= 0}, reverse=True))


def _alarm_day(plan: Plan, due: dt.date, lead: int) -> dt.date:
    """The day a reminder fires: ``lead`` days before ``due`` (working days when the plan
    says so, by the installed working-day calendar; plain days if it cannot tell)."""
    if plan.options.working_days and lead:
        try:
            from masswork.periods import add_working_days
            from masswork.plugins import get_calendar

            return add_working_days(due, -lead, get_calendar().is_working_day)
        except Exception:  # noqa: BLE001 - a calendar that does not know the year: count plain days
            pass
    return due - dt.timedelta(days=lead)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding_component(inp: ExportInput, f: Finding, name: Callable[[str | None], str],
                       stamp: dt.datetime) -> icalendar.Event:
    zh = is_chinese(inp.lang)
    L = _words(inp.lang)
    assert f.due is not None
    req = _requirement(inp.plan, f.rule)
    what = (req.title if zh else (req.title_en or req.title)) if req is not None else ""
    what = what or _short(f.quote) or f.rule
    kind = _kind(f.kind, inp.lang)
    mark = CATALOGUE.tr(inp.lang, f"ics.mark.{f.status.value}") if f.status.value in _MARKED else ""
    summary = f"{mark}{L['deadline']}{L['sep']}{f.clause} {kind} {what}"
    status = f.status.label(inp.lang)
    desc = _lines((
        (L["status"], status),
        (L["as_of"], inp.as_of.isoformat() if inp.as_of else ""),
        (L["clause"], f.clause),
        (L["rule"], f.rule),
        (L["kind"], kind),
        (L["due"], f.due.isoformat()),
        (L["message"], f.message(inp.lang)),
        (L["quote"], f.quote),
        (L["responsible"], L["list"].join(name(r) for r in f.responsible)),
        (L["evidence"], L["list"].join(f.evidence)),
        (L["phase"], name(f.phase)),
    ), L["sep"])
    import icalendar

    c = icalendar.Event()
    c.add("uid", finding_uid(inp.plan, f.rule))
    c.add("dtstamp", stamp)
    c.add("dtstart", f.due)
    c.add("dtend", f.due + dt.timedelta(days=1))
    c.add("summary", clean_text(summary))
    c.add("description", clean_text(desc))
    c.add("transp", "TRANSPARENT")
    c.add("categories", [L["deadline"], clean_text(status)])
    if f.status.failing:
        c.add("priority", 1)
    # Reminders, unless there is nothing left to do: a waived rule, or one already met by
    # what was held (judged on a day). Judged as a whole, "met" may rest on planned events,
    # so the reminder stays.
    done = f.status is Status.WAIVED or (f.status is Status.MET and inp.as_of is not None)
    if not done:
        for lead in lead_days(inp.plan, f.rule):
            days = (f.due - _alarm_day(inp.plan, f.due, lead)).days
            a = icalendar.Alarm()
            a.add("action", "DISPLAY")
            a.add("trigger", dt.timedelta(days=-days))
            when = f"{lead} {L['days_before']}" if lead else L["today"]
            if zh and lead:
                when = f"{lead}{L['days_before']}"
            a.add("description", clean_text(f"{L['reminder']}{L['sep']}{when} — {summary}"))
            c.add_component(a)
    return c


def _calendar_name(inp: ExportInput) -> str:
    unit = clean_text(inp.schedule.unit).strip()
    title = clean_text(inp.plan.title).strip()
    return f"{unit} — {title}" if unit else title


def export_ics(inp: ExportInput) -> bytes:
    """The iCalendar file (UTF-8, CRLF line ends) for ``inp``."""
    name = _namer(inp.plan, inp.lang)
    stamp = dtstamp(inp)
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # X- properties are not typed by the library: say they are TEXT so they are escaped.
    cal.add("x-wr-calname", icalendar.vText(_calendar_name(inp)))
    cal.add("x-wr-timezone", icalendar.vText(TZID))

    keyed: list[tuple[tuple[str, int, str], icalendar.Event]] = []
    years: set[int] = set()
    for e in exported_events(inp):
        comp = _event_component(inp, e, name, stamp)
        start, _ = _times(e)
        if isinstance(start, dt.datetime):
            years.add(start.year)
        keyed.append(((_sort_key(start), 0, str(comp["uid"])), comp))
    for f in exported_findings(inp):
        comp = _finding_component(inp, f, name, stamp)
        assert f.due is not None
        keyed.append(((_sort_key(f.due), 1, str(comp["uid"])), comp))
    keyed.sort(key=lambda kc: kc[0])
    if years:
        # A VTIMEZONE for Beijing time covering the years used, before the events.
        cal.add_component(icalendar.Timezone.from_tzinfo(
            TZ, tzid=TZID, first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)))
    for _, comp in keyed:
        cal.add_component(comp)
    return bytes(cal.to_ical())


def _sort_key(moment: dt.date | dt.datetime) -> str:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(TZ).strftime("%Y-%m-%dT%H:%M:%S")
    return moment.isoformat() + "T00:00:00"


EXPORTER = Exporter(
    "ics", ".ics", export_ics,
    binary=False,
    message=CATALOGUE.msg("ics.format.calendar"),
    media_type="text/calendar",
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    register(EXPORTER)
