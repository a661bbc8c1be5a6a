"""Kinds about the campaign as a whole and the documents in it: ``campaign`` (the campaign
starts and ends when the plan says and its activities fall inside it), ``attendance`` (each
event reaches a share of its roster: 參會率不低於90%, 半數以上, 參評率100%) and
``every-document`` (every document that reached one state reached another: every filed
project is completed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Final

import attrs

from ..i18n import Msg, Name
from ..model import Plan, Requirement
from ..report import Shortfall
from .base import Context, Kind, Outcome, ref, when
from .common import ACTIONS, PlanWords, ids, phrase, scope_msg, select

__all__ = ["Campaign", "Attendance", "EveryDocument", "parse_ratio", "KINDS"]


@attrs.frozen
class Campaign:
    """Every counting event of ``activities`` (all types when empty) falls inside the
    plan's own ``start`` … ``end``; the first starts inside ``starts`` and the last ends
    inside ``ends`` when given ("9月開始,2024年1月底前結束")."""

    activities: tuple[str, ...] = ref("activity", default=())
    starts: str | None = when(default=None)
    ends: str | None = when(default=None)


def _campaign(req: Requirement, ctx: Context) -> Outcome:
    p: Campaign = req.params
    w = ctx.campaign
    events = [e for a in (p.activities or (None,)) for e in ctx.index.events(a)]
    events.sort(key=lambda e: (e.day, e.last_day))
    outside = [e for e in events if not (w.contains(e.day) and w.contains(e.last_day))]
    short = [Shortfall(e.id, name=ctx.name(e.type), detail=f"{e.day}..{e.last_day} outside {w}",
                       code="outside-campaign", params={"start": str(e.day), "end": str(e.last_day),
                                                        "window": str(w)})
             for e in outside]
    items: list[Msg] = [Msg.of("kind.campaign.outside", event=e.id, start=e.day, end=e.last_day) for e in outside]
    if p.starts:
        sw = ctx.window(p.starts)
        if not events or not sw.contains(events[0].day):
            first = str(events[0].day) if events else ""
            short.append(Shortfall("start", detail=f"first event {first or 'none'}, required {p.starts}",
                                   code="campaign-start" if first else "campaign-no-start",
                                   params={"day": first, "required": p.starts}))
            items.append(Msg.of("kind.campaign.start", day=first, required=p.starts) if first
                         else Msg.of("kind.campaign.no_start", required=p.starts))
    if p.ends:
        ew = ctx.window(p.ends)
        last = max((e.last_day for e in events), default=None)
        if last is None or not ew.contains(last):
            short.append(Shortfall("end", detail=f"last event {last or 'none'}, required {p.ends}",
                                   code="campaign-end" if last else "campaign-no-end",
                                   params={"day": str(last or ""), "required": p.ends}))
            items.append(Msg.of("kind.campaign.end", day=last, required=p.ends) if last
                         else Msg.of("kind.campaign.no_end", required=p.ends))
    span = f"{w}"
    if not short:
        return Outcome(True, msg=Msg.of("kind.campaign.met", n=len(events), span=span),
                       evidence=ids(events), due=w.end)
    return Outcome(False, msg=Msg.of("kind.campaign.unmet", span=span, items=tuple(items)),
                   evidence=ids(events), shortfall=short, due=w.end, final=bool(outside))


def _describe_campaign(req: Requirement, plan: Plan) -> Msg:
    p: Campaign = req.params
    w = PlanWords(plan)
    what = w.words(p.activities) if p.activities else Msg.of("kind.describe.all_activities")
    return Msg.of("kind.describe.campaign", what=what, window=f"{plan.start or ''}..{plan.end or ''}",
                  starts=Msg.of("kind.describe.starts", when=phrase(p.starts)) if p.starts else "",
                  ends=Msg.of("kind.describe.ends", when=phrase(p.ends)) if p.ends else "")


_CN_NUM: Final = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"兩": 2}


def _percent(m: re.Match[str]) -> tuple[Fraction, bool]:
    return Fraction(m[1]) / 100, False


def _cn_percent(m: re.Match[str]) -> tuple[Fraction, bool]:
    return Fraction(_cn(m[1])) / 100, False


def _fraction(m: re.Match[str]) -> tuple[Fraction, bool]:
    return Fraction(_CN_NUM[m[2]], _CN_NUM[m[1]]), False


def _half(m: re.Match[str]) -> tuple[Fraction, bool]:
    return Fraction(1, 2), True  # 半數以上 / 過半: more than half


def _all(m: re.Match[str]) -> tuple[Fraction, bool]:
    return Fraction(1), False


# One row per way plans state a share, as dateutil's parser keeps its words in tables.
_RATIO_ROWS: Final[tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[Fraction, bool]]], ...]] = (
    (re.compile(r"([0-9]{1,3}(?:\.[0-9]+)?)[%％]"), _percent),
    (re.compile(r"百分之([0-9]{1,3}|[一二三四五六七八九十百]+)"), _cn_percent),
    (re.compile(r"([一二三四五六七八九十兩])分之([一二三四五六七八九十兩])"), _fraction),
    (re.compile(r"半數|一半|過半|半数|过半"), _half),
    (re.compile(r"全部|全體|全员|全員|全體黨員|全覆蓋"), _all),
)
_BOUND_WORDS: Final = ("不低於", "不少於", "達到", "至少", "以上", "及以上")


def _cn(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "百":
        return 100
    if text.startswith("十"):
        text = "一" + text
    total, digit = 0, 0
    for ch in text:
        if ch == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _CN_NUM[ch]
    return total + digit


def parse_ratio(text: str) -> tuple[Fraction, bool]:
    """``"90%"`` → (9/10, False); ``"半數以上"`` → (1/2, True: more than half); ``"三分之二以上"``
    → (2/3, False); ``"100%"`` / ``"全部"`` → (1, False). ``strict`` means the share must
    exceed the ratio. Raises ``ValueError`` naming the accepted forms."""
    s = "".join(text.split())
    s = re.sub(r"^[^0-9%％]*?率", "", s)  # 參會率 / 參評率 / 覆蓋率 name the share, not its size
    for word in _BOUND_WORDS:
        s = s.replace(word, "")
    for pattern, read in _RATIO_ROWS:
        m = pattern.fullmatch(s)
        if m:
            ratio, strict = read(m)
            if not 0 < ratio <= 1:
                raise ValueError(f"the share {text!r} must lie between 0 and 100%")
            return ratio, strict
    raise ValueError(f"cannot read the share {text!r}: write 90%, 百分之九十, 三分之二以上, 半數以上 or 全部")


def _ratio(_inst: object, _attr: object, value: str) -> None:
    parse_ratio(value)


@attrs.frozen
class Attendance:
    """Every counting event of ``activity`` is attended by at least ``at_least`` of the
    people of ``roster`` (a body, section or role; ``"{unit}"`` in a ``for_each`` rule):
    "90%", "百分之九十", "三分之二以上", "半數以上" (more than half), "100%"."""

    at_least: str = attrs.field(validator=_ratio)
    activity: str = ref("activity")
    roster: str = ref("party")
    within: str | None = when(default=None)
    in_phase: str | None = ref("phase", default=None)


def _attendance(req: Requirement, ctx: Context) -> Outcome:
    p: Attendance = req.params
    ratio, strict = parse_ratio(p.at_least)
    people = ctx.people(p.roster)
    act_zh = ctx.name(p.activity)
    act = ctx.word(p.activity)
    if not people:
        return Outcome(False, msg=Msg.of("kind.attendance.no_roster", roster=ctx.word(p.roster), activity=act),
                       shortfall=[Shortfall(p.roster, detail="no holders 無人", code="no-holders")])
    events = select(ctx, p.activity, within=p.within, in_phase=p.in_phase)
    if not events:
        return Outcome(False, msg=Msg.of("kind.attendance.not_held", activity=act, planned=ctx.planned(p.activity)),
                       shortfall=[Shortfall(p.activity, need=1, have=0, code="not-held")])
    short = []
    for e in events:
        present = sum(1 for person in people if ctx.attended(e, person.id))
        share = Fraction(present, len(people))
        if not (share > ratio if strict else share >= ratio):
            short.append(Shortfall(e.id, name=f"{act_zh} {e.day}", need=float(ratio * len(people)), have=present,
                                   detail=f"{present}/{len(people)}", code="attendance-short",
                                   params={"present": present, "total": len(people),
                                           "need": float(ratio * len(people))}))
    if not short:
        return Outcome(True, msg=Msg.of("kind.attendance.met", activity=act, at_least=p.at_least,
                                        roster=ctx.word(p.roster), n=len(events)),
                       evidence=ids(events))
    shown = tuple(Msg.of("kind.ref_day", ref=s.subject, day=s.detail) for s in short)
    return Outcome(False, msg=Msg.of("kind.attendance.unmet", activity=act, at_least=p.at_least, items=shown),
                   evidence=ids(events), shortfall=short, final=True)


def _describe_attendance(req: Requirement, plan: Plan) -> Msg:
    p: Attendance = req.params
    w = PlanWords(plan)
    return Msg.of("kind.describe.attendance", activity=w.word(p.activity), ratio=Name(p.at_least),
                  roster=w.word(p.roster), scope=scope_msg(w, p.within, p.in_phase))


def _doc_action(_inst: object, _attr: object, value: str) -> None:
    if value not in ACTIONS or value == "any":
        raise ValueError(f"must be one of {', '.join(a for a in ACTIONS if a != 'any')}")


@attrs.frozen
class EveryDocument:
    """Every document of type ``document`` that has reached ``given`` (filed, published …)
    has also reached ``then`` (completed, approved …), on or before it when ``before``."""

    given: str = attrs.field(validator=_doc_action)
    then: str = attrs.field(validator=_doc_action)
    document: str = ref("document")
    before: bool = True


def _every_document(req: Requirement, ctx: Context) -> Outcome:
    p: EveryDocument = req.params
    reached = ctx.occurrences(document=p.document, action=p.given)
    done: dict[str, dt.date] = {}
    for o in ctx.occurrences(document=p.document, action=p.then):
        done.setdefault(o.ref, o.day)
    short = []
    missing: list[tuple[str, dt.date, dt.date | None]] = []
    seen: dict[str, None] = {}
    for o in reached:
        if o.ref in seen:
            continue
        seen[o.ref] = None
        day = done.get(o.ref)
        if day is None or (p.before and day > o.day):
            short.append(Shortfall(o.ref, name=ctx.name(p.document),
                                   detail=f"{p.given} {o.day}, {p.then} {day or 'never'}",
                                   code="then-late" if day else "then-missing",
                                   params={"given": p.given, "given_day": str(o.day), "then": p.then,
                                           "then_day": str(day or "")}))
            missing.append((o.ref, o.day, day))
    doc = ctx.word(p.document)
    given, then = Msg.of(f"kind.action.{p.given}"), Msg.of(f"kind.action.{p.then}")
    if not short:
        return Outcome(True, msg=Msg.of("kind.every_document.met", given=given, then=then, document=doc,
                                        n=len(seen)),
                       evidence=list(seen))
    items = tuple(Msg.of("kind.every_document.item", ref=o, given=given, given_day=gd, then=then, then_day=td)
                  if td else Msg.of("kind.every_document.item_never", ref=o, given=given, given_day=gd, then=then)
                  for o, gd, td in missing)
    return Outcome(False, msg=Msg.of("kind.every_document.unmet", given=given, then=then, document=doc,
                                     items=items),
                   evidence=list(seen), shortfall=short, final=p.before)


def _describe_every_document(req: Requirement, plan: Plan) -> Msg:
    p: EveryDocument = req.params
    return Msg.of("kind.describe.every_document", doc=PlanWords(plan).word(p.document),
                  given=Msg.of(f"kind.describe.action.{p.given}"), then=Msg.of(f"kind.describe.action.{p.then}"))


KINDS = (
    Kind("campaign", Campaign, _campaign, _describe_campaign, title="kind.title.campaign"),
    Kind("attendance", Attendance, _attendance, _describe_attendance, title="kind.title.attendance"),
    Kind("every-document", EveryDocument, _every_document, _describe_every_document,
         title="kind.title.every-document"),
)
