"""``duration``: how long something lasts — a declared period or the campaign (8個月左右,
不少於3個月), each event (每次不少於半天) or each published document's publicity period
(公示期不少於5個工作日). Working days are counted inclusively: Monday to Friday is 5."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs

from ..i18n import Msg, Name
from ..model import Moment, Plan, Requirement, day_of
from ..periods import Duration, add_duration, add_working_days, count_working_days
from ..report import Shortfall
from .base import Context, Kind, Outcome, duration, ref
from .common import PlanWords, length_phrase

__all__ = ["DurationRule", "KINDS"]


@attrs.frozen
class DurationRule:
    """The span of ``period`` (a period the schedule declares, e.g. the concentrated
    education period, or a publicity period 公示期), else from the first ``start_activity``
    event (else the first event) to the last ``end_activity`` event (else the last event),
    is ``length`` ("8個月左右" about 8 months within the plan's tolerance; "不少於3個月";
    "不少於5個工作日"). With ``activity``, every counting event of that type, from its
    start to its end, is ``length`` (每次不少於半天); with ``document``, every published
    document of that type is on show from ``published_on`` to ``published_until`` for
    ``length`` (公示期不少於5個工作日)."""

    length: str = duration()
    period: str | None = None
    start_activity: str | None = ref("activity", default=None)
    end_activity: str | None = ref("activity", default=None)
    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)

    def __attrs_post_init__(self) -> None:
        if (self.activity or self.document) and (self.period or self.start_activity or self.end_activity):
            raise ValueError("activity or document (each one's own length) excludes period, start_activity "
                             "and end_activity")
        if self.activity and self.document:
            raise ValueError("give activity or document, not both")


def _length_words(phrase: str, dur: Duration) -> Name:
    # The plan's phrase for Chinese readers; English ones get it worded ("at least 5 working
    # days (不少於5個工作日)") rather than a Chinese phrase inside an English sentence.
    return Name(phrase, dur.describe_en())


def _span(p: DurationRule, ctx: Context) -> tuple[dt.date, dt.date, list[str]] | None:
    if p.period:
        for per in ctx.schedule.periods:
            if per.id == p.period:
                end = per.end if ctx.as_of is None else min(per.end, ctx.as_of)
                return per.start, end, [per.id]
        return None
    first = ctx.index.events(p.start_activity)
    last = ctx.index.events(p.end_activity)
    if not first or not last:
        return None
    return first[0].day, day_of(last[-1].end or last[-1].start), [first[0].id, last[-1].id]


def _last_allowed_day(start: dt.date, dur: Duration, ctx: Context) -> dt.date:
    """The day a span starting on ``start`` (counted inclusively) reaches ``dur``: 5 days
    from Monday is Friday; 5 working days from Monday is Friday too, not the next Sunday."""
    if dur.unit == "working_day" and ctx.is_working_day is not None and dur.amount.denominator == 1:
        return add_working_days(start - dt.timedelta(days=1), int(dur.amount), ctx.is_working_day)
    return day_of(add_duration(start, dur, working_day=ctx.is_working_day)) - dt.timedelta(days=1)


def _span_length(start: dt.date, end: dt.date, dur: Duration, ctx: Context) -> tuple[int, str, str]:
    if dur.unit == "working_day" and ctx.is_working_day is not None:
        n = count_working_days(start - dt.timedelta(days=1), end, ctx.is_working_day)
        return n, f"{n} 個工作日", f"{n} working days"
    n = (end - start).days + 1
    return n, f"{n} 天", f"{n} days"


def _event_days(start: Moment, end: Moment, half_day_hours: float) -> Fraction:
    """An event's length in days as plans count them: calendar days, ends included; an
    event within one day with times is half a day once it lasts ``half_day_hours`` (a
    morning or an afternoon session, not 12 hours), a whole day at twice that."""
    days = (day_of(end) - day_of(start)).days + 1
    if days > 1 or not (isinstance(start, dt.datetime) and isinstance(end, dt.datetime)):
        return Fraction(days)
    hours = Fraction((end - start).total_seconds()) / 3600
    return min(Fraction(1), hours / Fraction(2 * half_day_hours).limit_denominator(1000))


def _each_length(p: DurationRule, ctx: Context) -> Outcome:
    dur = ctx.duration(p.length)
    spans: list[tuple[str, Moment, Moment]]
    if p.activity is not None:
        subject = p.activity
        spans = [(e.id, e.start, e.end or e.start) for e in ctx.index.events(p.activity)]
    else:
        assert p.document is not None
        subject = p.document
        spans = [(o.ref, o.when, ctx.index.documents_by_id[o.ref].published_until or o.when)
                 for o in ctx.occurrences(document=p.document, action="published")]
    s_zh, word = ctx.name(subject), ctx.word(subject)
    length = _length_words(p.length, dur)
    if not spans:
        return Outcome(False, msg=Msg.of("kind.length.none", subject=word, length=length),
                       shortfall=[Shortfall(subject, need=1, have=0, detail=p.length, code="length",
                                                  params={"length": p.length})])
    short = []
    for ref_id, start, end in spans:
        if dur.unit in ("hour", "minute"):
            per = 3600 if dur.unit == "hour" else 60
            ok = (isinstance(start, dt.datetime) and isinstance(end, dt.datetime)
                  and dur.accepts(Fraction((end - start).total_seconds()) / per, tolerance=0))
        elif dur.unit == "day":
            ok = dur.accepts(_event_days(start, end, ctx.plan.options.half_day_hours), tolerance=0)
        else:
            n, _zh, _en = _span_length(day_of(start), day_of(end), dur, ctx)
            ok = dur.accepts(n) if dur.bound == "about" else dur.accepts(n, tolerance=0)
        if not ok:
            short.append(Shortfall(ref_id, name=s_zh, detail=f"{start}..{end}", code="span",
                                   params={"span": f"{start}..{end}"}))
    refs = [r for r, _s, _e in spans]
    if not short:
        return Outcome(True, msg=Msg.of("kind.length.each_met", subject=word, length=length, n=len(spans)),
                       evidence=refs)
    shown = tuple(Msg.of("kind.ref_day", ref=s.subject, day=s.detail) for s in short)
    return Outcome(False, msg=Msg.of("kind.length.each_unmet", subject=word, length=length, items=shown),
                   evidence=refs, shortfall=short, final=True)


def _duration(req: Requirement, ctx: Context) -> Outcome:
    p: DurationRule = req.params
    if p.activity is not None or p.document is not None:
        return _each_length(p, ctx)
    dur = ctx.duration(p.length)
    length = _length_words(p.length, dur)
    span = _span(p, ctx)
    if span is None:
        said = (Msg.of("kind.length.no_span_period", period=p.period, length=length) if p.period
                else Msg.of("kind.length.no_span", length=length))
        return Outcome(False, msg=said,
                       shortfall=[Shortfall(p.period or "campaign", detail=p.length, code="length",
                                             params={"length": p.length})])
    start, end, ev = span
    target = _last_allowed_day(start, dur, ctx)
    tol = dt.timedelta(days=ctx.plan.options.about_tolerance_days)
    n, _length_zh, length_en = _span_length(start, end, dur, ctx)
    working = dur.unit == "working_day" and ctx.is_working_day is not None
    ok, final = _length_ok(dur.bound, end, target, tol)
    said = Msg.of("kind.length.span", start=start, end=end,
                  span=Msg.of("kind.length.working_days" if working else "kind.length.days", n=n),
                  length=length, target=target)
    if not ok and ctx.as_of is not None and ctx.as_of < target and dur.bound in ("at_least", "about", "exactly"):
        return Outcome(False, msg=Msg.of("kind.length.running", text=said), evidence=ev, due=target + tol)
    return Outcome(ok, msg=said, evidence=ev, due=target, final=final and not ok,
                   shortfall=() if ok else [Shortfall(p.period or "campaign", detail=length_en, code="span",
                                                             params={"span": f"{start}..{end}"})])


def _length_ok(bound: str, end: dt.date, target: dt.date, tol: dt.timedelta) -> tuple[bool, bool]:
    if bound == "at_least":
        return end >= target, False
    if bound in ("at_most", "within"):
        return end <= target, True
    if bound == "exactly":
        return end == target, True
    return abs(end - target) <= tol, end > target + tol


def _describe_duration(req: Requirement, plan: Plan) -> Msg:
    p: DurationRule = req.params
    length = length_phrase(p.length)
    if p.activity or p.document:
        return Msg.of("kind.describe.duration_each", what=PlanWords(plan).word(p.activity or p.document),
                      length=length)
    if p.period:
        return Msg.of("kind.describe.duration_period", period=Name(p.period), length=length)
    return Msg.of("kind.describe.duration", length=length)


KINDS = (Kind("duration", DurationRule, _duration, _describe_duration, title="kind.title.duration"),)
