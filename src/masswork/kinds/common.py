"""Selection helpers the kinds share: which events are in scope (a window, a phase, a host),
and the wording of the parts of a message that every kind repeats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..i18n import Msg, Name
from ..model import Event, Plan
from ..periods import Window
from .base import Context

__all__ = ["scope", "select", "what", "lead_note", "what_zh", "what_en", "ids", "describe_subject", "describe_subject_en",
           "scope_text", "ACTION_ZH", "ACTIONS", "PlanWords", "subject", "scope_msg", "times", "concat", "phrase",
           "length_phrase", "lead_phrase", "min_for_msg"]


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


# -- A kind's description of a rule (``describe``), as catalogue messages: the words of the
# plan (activities, documents, roles, phrases such as 3月份) come in as parameters, the
# words around them from the catalogue of the reader's language.

_UNIT = "{unit}"  # the placeholder of a for_each rule (masswork.kinds.scope.UNIT)


class PlanWords:
    """A plan's ids as message parameters for ``describe``: each thing's name as the plan
    writes it, with its English name where the plan gives one (:class:`~masswork.i18n.Name`);
    ``"{unit}"`` (a ``for_each`` rule's unit) as "本單位" / "the unit"."""

    def __init__(self, plan: Plan) -> None:
        self._zh, self._en = plan.names(), plan.names("en")

    def word(self, ref_id: str | None) -> Name | Msg:
        if not ref_id:
            return Name("")
        if ref_id == _UNIT:
            return Msg.of("kind.describe.the_unit")
        if ref_id.startswith(_UNIT + "/"):
            return Msg.of("kind.describe.unit_post", post=self.word(ref_id[len(_UNIT) + 1:]))
        if ref_id not in self._zh and "/" in ref_id:
            body, _, post = ref_id.partition("/")
            return Msg.of("word.post", body=self.word(body), post=self.word(post))
        zh = self._zh.get(ref_id, ref_id)
        en = self._en.get(ref_id, "")
        return Name(zh, en if en != zh else "")

    def words(self, ref_ids: tuple[str, ...] | list[str]) -> tuple[Name | Msg, ...]:
        """Several ids as one list parameter (joined with 、 or ", ")."""
        return tuple(self.word(r) for r in ref_ids)


def subject(words: PlanWords, activity: str | None, document: str | None, action: str = "any",
            party: str | None = None) -> Msg:
    """The subject of a checklist line, action and party included (座談會 / 方案報送督導組 /
    the plan submitted to the inspection team): two actions on one document type must not
    read as the same words twice."""
    if activity:
        return Msg.of("kind.describe.activity", name=words.word(activity))
    doc = words.word(document)
    if action in ("submitted", "approved") and party:
        return Msg.of(f"kind.describe.{action}_by", doc=doc, party=words.word(party))
    if action in ACTIONS and action != "any":
        return Msg.of(f"kind.describe.{action}", doc=doc)
    return Msg.of("kind.describe.document", doc=doc)


def phrase(text: str | None) -> Name:
    """A date phrase of the plan (3月份, 9月上旬), quoted as written."""
    return Name(text or "")


def length_phrase(text: str) -> Name:
    """A duration phrase (不少於半天): the plan's words in Chinese; in English masswork's
    reading of them with the plan's words beside it (at least half a day (不少於半天))."""
    from ..periods import PhraseError, parse_duration

    try:
        return Name(text, parse_duration(text).describe_en())
    except PhraseError:
        return Name(text)  # the validator reports it; a checklist still quotes it


def lead_phrase(text: str) -> Name:
    """A lead-time phrase (會前7天): as :func:`length_phrase`, read as an offset
    (at least 7 days before (會前7天))."""
    from ..periods import PhraseError, parse_offset

    try:
        return Name(text, parse_offset(text).describe_en())
    except PhraseError:
        return Name(text)


def scope_msg(words: PlanWords, within: str | None, in_phase: str | None) -> Msg:
    """``,3月份,學習教育環節`` / ``, within 3月份, in the … phase`` after a checklist line."""
    return Msg.of("kind.describe.scope",
                  within=Msg.of("kind.describe.within", window=phrase(within)) if within else "",
                  phase=Msg.of("kind.describe.in_phase", phase=words.word(in_phase)) if in_phase else "")


def times(n: int) -> Msg:
    """``1 次`` / ``once``, ``2 次`` / ``2 times``."""
    return Msg.of("kind.describe.once" if n == 1 else "kind.describe.times", n=n)


def concat(*parts: Msg | str) -> Msg | str:
    """Messages one after another, as one parameter (each part written in the same language)."""
    out: Msg | str = ""
    for part in parts:
        if not part:
            continue
        out = part if not out else Msg.of("kind.describe.concat", a=out, b=part)
    return out


def min_for_msg(words: PlanWords, min_for: Mapping[str, int]) -> Msg | str:
    """``,王建國至少 2 次`` / ``; 王建國: at least 2 times`` for each larger or smaller quota."""
    return concat(*(Msg.of("kind.describe.min_for", who=words.word(k), times=times(v))
                    for k, v in min_for.items()))


# The legacy (Traditional, English) helpers, kept for plugins that built their pairs with them.

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
