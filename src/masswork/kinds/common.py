"""Selection helpers the kinds share: which events are in scope (a window, a phase, a host),
and the wording of the parts of a message that every kind repeats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..i18n import Msg
from ..model import Event
from ..periods import Window
from .base import Context

__all__ = ["scope", "select", "what", "lead_note", "what_zh", "what_en", "ids", "describe_subject", "describe_subject_en",
           "scope_text", "ACTION_ZH", "ACTIONS"]


def scope(ctx: Context, within: str | None, in_phase: str | None) -> Window:
    """The window a requirement looks in: its own ``within`` cut by its phase's window."""
    w = ctx.window(within) if within else Window(None, None)
    if in_phase:
        p = ctx.phase_window(in_phase)
        start = max((d for d in (w.start, p.start) if d), default=None)
        end = min((d for d in (w.end, p.end) if d), default=None)
        if start and end and start > end:
            # No overlap: the validator rejects such plans; unvalidated ones count nothing.
            return Window(dt.date.max, dt.date.max, w.phrase)
        w = Window(start, end, w.phrase)
    return w


def in_window(w: Window, day: dt.date) -> bool:
    return (w.start is None or day >= w.start) and (w.end is None or day <= w.end)


def select(
    ctx: Context,
    activity: str | None,
    *,
    within: str | None = None,
    in_phase: str | None = None,
    host: str | None = None,
    attended_by: tuple[str, ...] = (),
) -> tuple[Event, ...]:
    """Counting events of ``activity`` inside the scope, hosted by ``host`` (a person or any
    holder of a role) and attended by everyone in ``attended_by``."""
    w = scope(ctx, within, in_phase)
    out = []
    for e in ctx.index.events(activity):
        if not in_window(w, e.day):
            continue
        if in_phase and e.phase and e.phase != in_phase:
            continue
        if host and not ctx.hosted_by(e, host):
            continue
        if any(not ctx.involves(e, a) for a in attended_by):
            continue
        out.append(e)
    return tuple(out)


def what(ctx: Context, activity: str | None = None, document: str | None = None,
         action: str = "any", party: str | None = None) -> Msg:
    """The subject of a rule as a message parameter: 「座談會」, 「方案」報送督導組 / the plan
    submitted to the inspection team."""
    if activity:
        return Msg.of("what.activity", name=ctx.word(activity))
    doc = ctx.word(document)
    if action in ("submitted", "approved") and party:
        return Msg.of(f"what.{action}_by", doc=doc, party=ctx.word(party))
    if action in ACTION_ZH and action != "any":
        return Msg.of(f"what.{action}", doc=doc)
    return Msg.of("what.document", doc=doc)


def lead_note(lead: str | None) -> Msg | str:
    """" (會前7天)" after a message, where the rule gives a lead time."""
    return Msg.of("kind.lead", lead=lead) if lead else ""


def what_zh(ctx: Context, activity: str | None = None, document: str | None = None,
            action: str = "any", party: str | None = None) -> str:
    if activity:
        return f"「{ctx.name(activity)}」"
    doc = f"「{ctx.name(document)}」"
    if action == "submitted":
        return doc + (f"報送{ctx.name(party)}" if party else "報送")
    if action == "approved":
        return doc + (f"經{ctx.name(party)}同意" if party else "獲批")
    if action in ACTION_ZH and action != "any":
        return doc + ACTION_ZH[action]
    return doc


def what_en(ctx: Context, activity: str | None = None, document: str | None = None,
            action: str = "any", party: str | None = None) -> str:
    if activity:
        return ctx.label_en(activity)
    doc = ctx.label_en(document)
    if action == "submitted":
        return f"{doc} submitted" + (f" to {ctx.label_en(party)}" if party else "")
    if action == "approved":
        return f"{doc} approved" + (f" by {ctx.label_en(party)}" if party else "")
    if action != "any":
        return f"{doc} {action}"
    return doc


def ids(events: tuple[Event, ...] | list[Event]) -> tuple[str, ...]:
    return tuple(e.id for e in events)


def window_text(w: Window) -> str:
    if w.phrase:
        return w.phrase
    if w.start and w.end:
        return f"{w.start}..{w.end}"
    if w.end:
        return f"..{w.end}"
    if w.start:
        return f"{w.start}.."
    return ""


ACTIONS = ("any", "drafted", "submitted", "approved", "completed", "filed", "published")
"""What a rule may ask of a document: any sign it exists, or one recorded step."""

ACTION_ZH = {"submitted": "報送", "approved": "獲批", "drafted": "起草", "completed": "完成",
             "filed": "歸檔", "published": "公示", "any": ""}


def describe_subject(names: Mapping[str, str], activity: str | None, document: str | None,
                     action: str = "any", party: str | None = None) -> str:
    """The subject of a rule for a checklist line, action and party included: two actions on
    one document type (approved, then submitted) must not read as the same words twice."""
    if activity:
        return names.get(activity, activity)
    doc = names.get(document or "", document or "")
    who = names.get(party, party) if party else ""
    if action == "submitted":
        return f"{doc}報送{who}"
    if action == "approved":
        return f"{doc}經{who}同意" if who else f"{doc}獲批"
    return doc + ACTION_ZH.get(action, "")


def describe_subject_en(activity: str | None, document: str | None, action: str = "any",
                        party: str | None = None) -> str:
    if activity:
        return activity
    doc = document or ""
    if action == "submitted":
        return f"{doc} submitted" + (f" to {party}" if party else "")
    if action == "approved":
        return f"{doc} approved" + (f" by {party}" if party else "")
    return doc if action == "any" else f"{doc} {action}"


def scope_text(names: Mapping[str, str], within: str | None, in_phase: str | None) -> tuple[str, str]:
    """``,3月份,學習教育環節`` / ``, within 3月份, in phase …`` for checklist lines."""
    zh = (f",{within}" if within else "") + (f",{names.get(in_phase, in_phase)}環節" if in_phase else "")
    en = (f" within {within}" if within else "") + (f" in phase {in_phase}" if in_phase else "")
    return zh, en
