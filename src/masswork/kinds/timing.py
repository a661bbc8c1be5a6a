"""Timing kinds: ``deadline`` (done by a date or inside a calendar window), ``order`` (A
after, before or on the same day as B, optionally with a lead time: 會前7天) and ``notice`` (something published or handed out a
lead time before an event, on each listed channel).

Failures of ``deadline`` and ``order`` that concern something already done (held outside
its window, in the wrong order) are ``final``: adding events cannot mend them."""

from __future__ import annotations

import datetime as dt

import attrs

from ..i18n import Msg
from ..i18n.dates import day as date_words, span
from ..index import Occurrence
from ..model import Moment, Plan, Requirement, day_of
from ..periods import Duration, Offset, Window, parse_duration
from ..report import Shortfall
from .base import Context, Kind, Outcome, duration, offset, ref, when
from .common import ACTIONS, PlanWords, lead_note, lead_phrase, length_phrase, phrase, select, subject, what

__all__ = ["Deadline", "Order", "NoticeRule", "KINDS"]


def _action(_i: object, _a: object, value: str) -> None:
    if value not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")


def _one_subject(activity: str | None, document: str | None) -> None:
    if (activity is None) == (document is None):
        raise ValueError("give exactly one of activity or document")


def _key(m: Moment) -> tuple[dt.date, dt.time]:
    if isinstance(m, dt.datetime):
        return (m.date(), m.time().replace(tzinfo=None))
    return (m, dt.time.min)


@attrs.frozen
class Deadline:
    """An ``activity`` held, or a ``document`` drafted / submitted (to ``party``) / approved
    (by ``party``), inside ``within`` ("3月中旬", "2月25日前", "2014-02-24").

    Or, measured from another event (會後一週內報送, 收到通知後10個工作日內反饋): with an
    anchor (``after_activity``, or ``after_document`` / ``after_action`` / ``after_party``,
    as :class:`Order`'s anchor) and ``limit``, a length ("一週內", "10個工作日內", "5日內"),
    every occurrence of the subject falls on or after the *first* anchor occurrence and no
    later than ``limit`` after it (working days counted with the schedule's calendar). As
    in :class:`Order`, the first anchor counts: later ones (a second 動員大會) do not restart
    the clock. Not held yet: ``open`` until the limit has passed (as of the check day), then
    ``overdue``; held outside the limit: ``unmet``. A rule has one clock: ``within`` or an
    anchor with ``limit``, not both. ``limit`` is its own key, not a reading of ``within``,
    because ``within`` is a calendar phrase everywhere else (validator, checklist, explain)."""

    within: str | None = when(default=None)
    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)
    action: str = attrs.field(default="any", validator=_action)
    party: str | None = ref("party", default=None)
    on: str = attrs.field(default="start", validator=attrs.validators.in_(("start", "end")))
    """Which day of a multi-day event is judged: its ``start`` (召開, 啟動: it began in time)
    or its ``end`` (完成, 結束: it was finished in time)."""
    after_activity: str | None = ref("activity", default=None)
    after_document: str | None = ref("document", default=None)
    after_action: str = attrs.field(default="any", validator=_action)
    after_party: str | None = ref("party", default=None)
    limit: str | None = duration(default=None)

    def __attrs_post_init__(self) -> None:
        _one_subject(self.activity, self.document)
        if self.on == "end" and self.activity is None:
            raise ValueError("on = \"end\" judges an event's last day; it needs activity")
        _check_relative(self)


def _check_relative(p: Deadline) -> None:
    # Raised as a catalogue message so the loader says it in the reader's language.
    anchored = p.after_activity is not None or p.after_document is not None
    if p.after_activity is not None and p.after_document is not None:
        raise ValueError(Msg.of("kind.deadline.rel.two_anchors"))
    if anchored and p.limit is None:
        raise ValueError(Msg.of("kind.deadline.rel.no_limit"))
    if p.limit is not None and not anchored:
        raise ValueError(Msg.of("kind.deadline.rel.no_anchor", limit=p.limit))
    if not anchored and p.within is None:
        raise ValueError(Msg.of("kind.deadline.rel.no_within"))
    if anchored and p.within is not None:
        # One clock per rule: a calendar window and a limit after an event are two rules.
        raise ValueError(Msg.of("kind.deadline.rel.both", within=p.within))
    if p.limit is not None:
        try:
            bound = parse_duration(p.limit).bound
        except ValueError:
            return  # the validator reports the phrase itself, with the accepted forms
        if bound not in _LIMIT_BOUNDS:
            raise ValueError(Msg.of("kind.deadline.rel.not_a_limit", limit=p.limit))


# A deadline counts up to its limit: 5日內, 不超過5日, or a bare 5日 (會後5日 reads so too).
_LIMIT_BOUNDS = ("within", "at_most", "exactly")


def _deadline_occurrences(p: Deadline, ctx: Context) -> tuple[Occurrence, ...]:
    if p.activity is not None and p.on == "end":
        return tuple(Occurrence(e.id, e.end or e.start, e.host) for e in ctx.index.events(p.activity))
    return ctx.occurrences(activity=p.activity, document=p.document, action=p.action, party=p.party)


def _deadline(req: Requirement, ctx: Context) -> Outcome:
    p: Deadline = req.params
    if p.limit is not None:
        return _relative(p, ctx, p.limit)
    assert p.within is not None  # _check_relative: no limit → within
    return _calendar(p, ctx, p.within)


def _calendar(p: Deadline, ctx: Context, within: str) -> Outcome:
    w = ctx.window(within)
    occ = _deadline_occurrences(p, ctx)
    subject = what(ctx, p.activity, p.document, p.action, p.party)
    # An event is said to be held (start) or finished (end); a document action is done.
    form = "event" if p.activity else "document"
    done = Msg.of(f"kind.done.{p.on}")
    window = window_text_iso(w)
    # the window in the reader's words (dates per language, the plan's phrase quoted);
    # ``window`` and ``day`` stay in the parameters as ISO text for data readers
    when = span(w.start, w.end, p.within)
    inside = [o for o in occ if w.contains(o.day)]
    if inside:
        o = inside[0]
        return Outcome(True, msg=Msg.of(f"kind.deadline.met_{form}", what=subject, done=done, day=o.day,
                                        date=date_words(o.day), within=p.within, window=window, span=when),
                       evidence=[o.ref], due=w.end)
    if occ:
        o = occ[0]
        early = w.start is not None and o.day < w.start
        return Outcome(False, msg=Msg.of(f"kind.deadline.{'early' if early else 'late'}_{form}", what=subject,
                                         done=done, day=o.day, date=date_words(o.day), within=p.within,
                                         window=window, span=when),
                       evidence=[x.ref for x in occ], due=w.end, final=True,
                       shortfall=[Shortfall(o.ref, detail=f"{o.day} not in {window}", code="outside-window",
                                            params={"day": str(o.day), "window": window})])
    return Outcome(False, msg=Msg.of("kind.deadline.missing", what=subject, within=p.within, window=window,
                                     span=when, planned=ctx.planned(p.activity)),
                   due=w.end, shortfall=[Shortfall(p.activity or p.document or "", need=1, have=0,
                                                   detail=window, code="window", params={"window": window})])


def _limit(phrase: str, ctx: Context) -> Offset:
    # 一週內 after the anchor: from the anchor's day up to the limit, whatever its bound word.
    d = ctx.duration(phrase)
    return Offset("after", Duration(d.amount, d.unit, "within"))


def _relative(p: Deadline, ctx: Context, limit: str) -> Outcome:
    occ = _deadline_occurrences(p, ctx)
    anch = ctx.occurrences(activity=p.after_activity, document=p.after_document,
                           action=p.after_action, party=p.after_party)
    subject = what(ctx, p.activity, p.document, p.action, p.party)
    anchor = what(ctx, p.after_activity, p.after_document, p.after_action, p.after_party)
    if not anch:
        # Nothing to count from yet: open, with no due date of its own.
        return Outcome(False, msg=Msg.of("kind.deadline.rel.no_anchor_yet", what=subject, anchor=anchor,
                                         limit=limit),
                       evidence=[o.ref for o in occ],
                       shortfall=[Shortfall(p.after_activity or p.after_document or "", need=1, have=0,
                                            code="missing")])
    first = anch[0]
    off = _limit(limit, ctx)
    _, hi = off.bounds(first.when, working_day=ctx.is_working_day)
    due = day_of(hi) if hi is not None else None
    common = {"what": subject, "anchor": anchor, "anchor_day": first.day, "limit": limit, "due": due}
    if not occ:
        return Outcome(False, msg=Msg.of("kind.deadline.rel.missing", planned=ctx.planned(p.activity), **common),
                       evidence=[first.ref], due=due,
                       shortfall=[Shortfall(p.activity or p.document or "", need=1, have=0, detail=f"..{due}",
                                            code="window", params={"window": f"{first.day}..{due}"})])
    wrong = [o for o in occ if not off.accepts(first.when, o.when, working_day=ctx.is_working_day)]
    evidence = [first.ref] + [o.ref for o in occ]
    if not wrong:
        return Outcome(True, msg=Msg.of("kind.deadline.rel.met", day=occ[0].day, **common),
                       evidence=evidence, due=due)
    o = wrong[0]
    early = o.day < first.day or (o.day == first.day and _key(o.when) < _key(first.when))
    window = f"{first.day}..{due}"
    return Outcome(False, msg=Msg.of(f"kind.deadline.rel.{'early' if early else 'late'}", day=o.day, **common),
                   evidence=evidence, due=due, final=True,
                   shortfall=[Shortfall(x.ref, detail=f"{x.day} not in {window}", code="outside-window",
                                        params={"day": str(x.day), "window": window}) for x in wrong])


def window_text_iso(w: Window) -> str:
    a = w.start.isoformat() if w.start else ""
    b = w.end.isoformat() if w.end else ""
    return f"{a}..{b}"


def _describe_deadline(req: Requirement, plan: Plan) -> Msg:
    p: Deadline = req.params
    w = PlanWords(plan)
    if p.activity and p.on == "end":
        what = Msg.of("kind.describe.finished", name=w.word(p.activity))
    else:
        what = subject(w, p.activity, p.document, p.action, p.party)
    if p.limit is not None:
        anchor = subject(w, p.after_activity, p.after_document, p.after_action, p.after_party)
        return Msg.of("kind.describe.deadline_after", what=what, anchor=anchor, limit=length_phrase(p.limit))
    return Msg.of("kind.describe.deadline", what=what, window=phrase(p.within))


_RELATIONS = ("after", "before", "same_day")


@attrs.frozen
class Order:
    """Every occurrence of the subject (``activity`` or ``document``/``action``/``party``)
    stands in ``relation`` to the first occurrence of the anchor (``anchor_activity`` or
    ``anchor_document``/``anchor_action``/``anchor_party``). ``lead`` ("會前7天", "提前3天",
    "間隔半個月") asks for a minimum distance."""

    relation: str = attrs.field(default="after", validator=attrs.validators.in_(_RELATIONS))
    activity: str | None = ref("activity", default=None)
    document: str | None = ref("document", default=None)
    action: str = attrs.field(default="any", validator=_action)
    party: str | None = ref("party", default=None)
    anchor_activity: str | None = ref("activity", default=None)
    anchor_document: str | None = ref("document", default=None)
    anchor_action: str = attrs.field(default="any", validator=_action)
    anchor_party: str | None = ref("party", default=None)
    lead: str | None = offset(default=None)

    def __attrs_post_init__(self) -> None:
        _one_subject(self.activity, self.document)
        _one_subject(self.anchor_activity, self.anchor_document)


def _lead(ctx: Context, p: Order) -> Offset | None:
    return ctx.offset(p.lead) if p.lead else None


def _order(req: Requirement, ctx: Context) -> Outcome:
    p: Order = req.params
    subj = ctx.occurrences(activity=p.activity, document=p.document, action=p.action, party=p.party)
    anch = ctx.occurrences(activity=p.anchor_activity, document=p.anchor_document,
                           action=p.anchor_action, party=p.anchor_party)
    s_what = what(ctx, p.activity, p.document, p.action, p.party)
    a_what = what(ctx, p.anchor_activity, p.anchor_document, p.anchor_action, p.anchor_party)
    rel = Msg.of(f"kind.relation.{p.relation}")
    lead = _lead(ctx, p)
    anchor_day = anch[0].day if anch else None
    due = anchor_day if p.relation in ("before", "same_day") else None
    if not anch:
        if p.relation == "before" and subj:
            return Outcome(True, msg=Msg.of("kind.order.anchor_not_yet", subject=s_what, day=subj[0].day,
                                            anchor=a_what),
                           evidence=[o.ref for o in subj])
        return Outcome(False, msg=Msg.of("kind.order.no_anchor", subject=s_what, anchor=a_what, relation=rel),
                       evidence=[o.ref for o in subj],
                       shortfall=[Shortfall(p.anchor_activity or p.anchor_document or "", need=1, have=0,
                                                  code="missing")])
    first = anch[0]
    if not subj:
        late = p.relation in ("before", "same_day") and (ctx.as_of is None or ctx.as_of >= first.day)
        return Outcome(False, msg=Msg.of("kind.order.missing", subject=s_what, anchor=a_what, relation=rel,
                                         planned=ctx.planned(p.activity)),
                       evidence=[first.ref], due=due, final=late and p.relation == "before",
                       shortfall=[Shortfall(p.activity or p.document or "", need=1, have=0, code="missing")])
    wrong = [o for o in subj if not _holds(o, first, p.relation, lead, ctx)]
    evidence = [first.ref] + [o.ref for o in subj]
    if not wrong:
        return Outcome(True, msg=Msg.of("kind.order.met", subject=s_what, anchor=a_what, day=first.day,
                                        relation=rel, lead=lead_note(p.lead)),
                       evidence=evidence, due=due)
    bad = tuple(Msg.of("kind.ref_day", ref=o.ref, day=o.day) for o in wrong)
    return Outcome(False, msg=Msg.of("kind.order.wrong", subject=s_what, anchor=a_what, day=first.day,
                                     relation=rel, lead=lead_note(p.lead), bad=bad),
                   evidence=evidence, due=due, final=True,
                   shortfall=[Shortfall(o.ref, detail=str(o.day), code="wrong-order", params={"day": str(o.day)})
                              for o in wrong])


def _holds(o: Occurrence, anchor: Occurrence, relation: str, lead: Offset | None,
           ctx: Context) -> bool:
    if lead is not None:
        # The offset's own direction (會前 / 會後 / 間隔) says where the subject must fall.
        return lead.accepts(anchor.when, o.when, working_day=ctx.is_working_day)
    if relation == "same_day":
        return o.day == anchor.day
    both_timed = isinstance(o.when, dt.datetime) and isinstance(anchor.when, dt.datetime)
    if relation == "after":
        return _key(o.when) >= _key(anchor.when) if both_timed else o.day >= anchor.day
    return _key(o.when) <= _key(anchor.when) if both_timed else o.day <= anchor.day


def _edges(req: Requirement) -> list[tuple[str, str]]:
    p: Order = req.params
    s = p.activity or p.document or ""
    a = p.anchor_activity or p.anchor_document or ""
    if s == a:
        # Two actions on one document type (approved by 黨組, then submitted to 督導組)
        # order steps of one thing, not two things: no edge, or it reads as a cycle.
        return []
    if p.relation == "after":
        return [(a, s)]
    if p.relation == "before":
        return [(s, a)]
    return []


def _describe_order(req: Requirement, plan: Plan) -> Msg:
    p: Order = req.params
    w = PlanWords(plan)
    return Msg.of(f"kind.describe.order.{p.relation}", what=subject(w, p.activity, p.document, p.action, p.party),
                  anchor=subject(w, p.anchor_activity, p.anchor_document, p.anchor_action, p.anchor_party),
                  lead=Msg.of("kind.describe.lead", lead=lead_phrase(p.lead)) if p.lead else "")


@attrs.frozen
class NoticeRule:
    """Before each counting event of ``activity``, a notice on every one of ``channels``
    (recorded in the event's ``notices``), at least ``lead`` ahead ("提前半天") or at any
    time before it when no lead is given."""

    activity: str = ref("activity")
    channels: tuple[str, ...] = ref("any", default=())
    lead: str | None = offset(default=None)

    def __attrs_post_init__(self) -> None:
        if not self.channels:
            raise ValueError("channels must list at least one channel")


def _notice(req: Requirement, ctx: Context) -> Outcome:
    p: NoticeRule = req.params
    events = select(ctx, p.activity)
    lead = ctx.offset(p.lead) if p.lead else None
    act = ctx.word(p.activity)
    if not events:
        planned = ctx.index.planned(p.activity)
        due = planned[0].day if planned else None
        return Outcome(False, msg=Msg.of("kind.notice.not_held", activity=act), due=due,
                       shortfall=[Shortfall(c, name=ctx.name(c), need=1, have=0, code="notice-missing") for c in p.channels])
    short: list[Shortfall] = []
    items: list[Msg] = []
    evidence: dict[str, None] = {}  # an ordered set
    for e in events:
        for c in p.channels:
            given = [n for n in e.notices if n.channel == c]
            ok = [n for n in given if _in_time(n.on, e.start, lead, ctx)]
            if ok:
                evidence[e.id] = None
                continue
            late = f"於 {given[0].on} 才發出" if given else "未發出"
            short.append(Shortfall(f"{e.id}:{c}", name=ctx.name(c), need=1, have=0,
                                   detail=f"{late} / {'late: ' + str(given[0].on) if given else 'missing'}",
                                   code="notice-late" if given else "notice-missing",
                                   params={"day": str(given[0].on)} if given else {}, subjects=(e.id, c)))
            state = Msg.of("kind.notice.late", day=given[0].on) if given else Msg.of("kind.notice.missing")
            items.append(Msg.of("kind.notice.item", channel=ctx.word(c), event=e.id, state=state))
    if not short:
        return Outcome(True, msg=Msg.of("kind.notice.met", activity=act, channels=ctx.words(p.channels),
                                        lead=lead_note(p.lead)),
                       evidence=evidence, due=events[0].day)
    return Outcome(False, msg=Msg.of("kind.notice.failed", activity=act, lead=lead_note(p.lead), items=tuple(items)),
                   evidence=evidence, shortfall=short, due=events[0].day, final=True)


def _in_time(on: Moment, start: Moment, lead: Offset | None, ctx: Context) -> bool:
    if lead is not None:
        return lead.accepts(start, on, working_day=ctx.is_working_day)
    # Without a lead time "before the meeting" means strictly before it; a date-only notice
    # on the meeting's own day does not count.
    return _key(on) < _key(start) and (isinstance(on, dt.datetime) or day_of(on) < day_of(start))


def _describe_notice(req: Requirement, plan: Plan) -> Msg:
    p: NoticeRule = req.params
    w = PlanWords(plan)
    return Msg.of("kind.describe.notice", activity=w.word(p.activity), channels=w.words(p.channels),
                  lead=Msg.of("kind.describe.lead", lead=lead_phrase(p.lead)) if p.lead else "")


KINDS = (
    Kind("deadline", Deadline, _deadline, _describe_deadline, title="kind.title.deadline"),
    Kind("order", Order, _order, _describe_order, edges=_edges, title="kind.title.order"),
    Kind("notice", NoticeRule, _notice, _describe_notice, title="kind.title.notice"),
)

