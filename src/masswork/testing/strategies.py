"""Hypothesis strategies for plugin authors: hostile text, and random but valid plans and
schedules (every reference resolves, every phrase parses), so a property test can say
"for any plan and schedule, my exporter produces a file an independent reader accepts"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from ..kinds import (
    Coverage,
    Deadline,
    Occurs,
    Order,
    PairRule,
    Pairwise,
    PerPerson,
    PerUnit,
    Quantity,
    ReportRule,
)
from ..model import (
    ActivityType,
    Body,
    Document,
    DocumentType,
    Event,
    EventStatus,
    Group,
    Person,
    Phase,
    Plan,
    Requirement,
    Role,
    Schedule,
    Submission,
)

__all__ = ["hostile_text", "plans", "schedules", "plans_and_schedules", "held_events", "MONOTONE_KINDS"]

_NASTY = [
    "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", "=HYPERLINK(\"http://x\",\"y\")",
    "<script>alert(1)</script>", "</svg><img src=x onerror=alert(1)>", "**bold** _x_ [a](b)",
    "| pipe |", "# heading", "a\x00b", "line1\nline2", "line1\r\nline2", "\"quoted\" 'single'",
    "comma, semicolon; colon: backslash\\", "BEGIN:VEVENT", "END:VCALENDAR", "emoji 😀",
    "黨的群眾路線教育實踐活動" * 8, "\u202eRTL", "&amp; &lt;", "{{template}}", "${var}",
]


def hostile_text(min_size: int = 0, max_size: int = 80) -> st.SearchStrategy[str]:
    """Text that tries to break exports: formula starters, control characters, NUL, HTML
    and Markdown syntax, CRLF, quotes, long CJK lines, surrogate-free Unicode."""
    chars = st.characters(exclude_categories=["Cs"])
    return st.one_of(
        st.sampled_from(_NASTY),
        st.text(chars, min_size=min_size, max_size=max_size),
        st.builds(lambda a, b: a + b, st.sampled_from(_NASTY), st.text(chars, max_size=20)),
    )


_ROLES = ("班子成員", "主要負責人")
_ACTS = ("座談會", "談心談話", "學習會", "動員大會")
_DOCS = ("學習計劃", "工作小結")
_GROUPS = ("群眾觀察員", "專題甲", "專題乙")
_BODIES = ("督導組", "黨組")
_PHASES = ("學習教育", "查擺問題")
_WINDOWS = ("3月中旬", "4月上旬", "2月底前", "2月25日前", "6月前", "3月份", "2014-03-15", "3月11日至4月20日")


@st.composite
def plans(draw: st.DrawFn, kinds: tuple[str, ...] | None = None) -> Plan:
    """A valid plan: 2–6 people, the fixed vocabulary above, 1–8 requirements of the
    built-in kinds (restricted to ``kinds`` when given)."""
    n_people = draw(st.integers(2, 6))
    people = [Person(f"p{i}", f"成員{i}", roles=("主要負責人",) if i == 0 else ("班子成員",)) for i in range(n_people)]
    reqs: list[Requirement] = []
    makers: dict[str, Any] = {
        "occurs": lambda: draw(st.sampled_from([
            Occurs(activity=draw(st.sampled_from(_ACTS)), min=draw(st.integers(0, 3)),
                   within=draw(st.none() | st.sampled_from(_WINDOWS))),
            Occurs(activity=draw(st.sampled_from(_ACTS)), min=draw(st.integers(0, 3)),
                   in_phase=draw(st.sampled_from(_PHASES))),
        ])),
        "per-person": lambda: PerPerson(role="班子成員", activity=draw(st.sampled_from(_ACTS)),
                                        min=draw(st.integers(0, 2)), min_for={"主要負責人": draw(st.integers(0, 3))},
                                        counts=draw(st.sampled_from(("host", "participant", "attendee"))),
                                        in_phase=draw(st.none() | st.sampled_from(_PHASES))),
        "per-unit": lambda: PerUnit(units=tuple(draw(st.lists(st.sampled_from(_BODIES), min_size=1, unique=True))),
                                    activity=draw(st.sampled_from(_ACTS)), min=draw(st.integers(0, 2))),
        "pairwise": lambda: Pairwise(activity="談心談話", pairs=(PairRule("among", a="班子成員"),)),
        "coverage": lambda: Coverage(items=tuple(draw(st.lists(st.sampled_from(_GROUPS), min_size=1, unique=True))),
                                     field=draw(st.sampled_from(("topics", "attendees"))),
                                     activity=draw(st.none() | st.sampled_from(_ACTS))),
        "quantity": lambda: Quantity(min=draw(st.floats(0, 10)), activity=draw(st.none() | st.sampled_from(_ACTS))),
        "deadline": lambda: Deadline(within=draw(st.sampled_from(_WINDOWS)), activity=draw(st.sampled_from(_ACTS))),
        "report": lambda: ReportRule(document=draw(st.sampled_from(_DOCS)),
                                     to=tuple(draw(st.lists(st.sampled_from(_BODIES), min_size=1, unique=True))),
                                     within=draw(st.none() | st.sampled_from(_WINDOWS))),
        "order": lambda: Order(activity="談心談話", anchor_activity="動員大會",
                               relation=draw(st.sampled_from(("after", "same_day")))),  # one direction: no cycles
    }
    allowed = [k for k in makers if kinds is None or k in kinds]
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(allowed))
        reqs.append(Requirement(f"r{i}", f"X.{i}", kind, makers[kind](), quote=f"條款{i}"))
    return Plan(
        id="generated", title="生成的方案", year=2014, start="2014-01-01", end="2014-12-31",
        roles=(Role("班子成員", "班子成員", includes=("主要負責人",)), Role("主要負責人", "主要負責人")),
        people=tuple(people), bodies=tuple(Body(b, b) for b in _BODIES),
        groups=tuple(Group(g, g) for g in _GROUPS),
        activities=tuple(ActivityType(a, a) for a in _ACTS),
        documents=tuple(DocumentType(d, d) for d in _DOCS),
        phases=(Phase("學習教育", start="2月24日", end="6月前"), Phase("查擺問題", start="6月1日", end="9月底前")),
        requirements=tuple(reqs),
    )


_DAYS = st.dates(dt.date(2014, 1, 1), dt.date(2014, 12, 31))


@st.composite
def held_events(draw: st.DrawFn, plan: Plan, prefix: str = "e") -> Event:
    """One held event of the plan's vocabulary, with people from its roster."""
    ids = [p.id for p in plan.people]
    n = draw(st.integers(0, 10**6))
    day = draw(_DAYS)
    start: dt.date = day
    if draw(st.booleans()):
        start = dt.datetime.combine(day, dt.time(draw(st.integers(8, 17)), draw(st.sampled_from((0, 30)))))
    return Event(
        f"{prefix}{n}", draw(st.sampled_from([a.id for a in plan.activities])), start,
        status=EventStatus.HELD,
        host=draw(st.none() | st.sampled_from(ids)),
        participants=tuple(draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))),
        attendees=tuple(draw(st.lists(st.sampled_from([g.id for g in plan.groups] + [b.id for b in plan.bodies] + ids),
                                      max_size=3, unique=True))),
        topics=tuple(draw(st.lists(st.sampled_from([g.id for g in plan.groups]), max_size=2, unique=True))),
        hours=draw(st.sampled_from((0.0, 1.0, 2.5))),
        phase=draw(st.none() | st.sampled_from(_PHASES)),
    )


@st.composite
def schedules(draw: st.DrawFn, plan: Plan, text: st.SearchStrategy[str] | None = None) -> Schedule:
    """A schedule valid for ``plan``: unique ids, known types and people; titles and places
    drawn from ``text`` (plain words by default, :func:`hostile_text` to attack exporters)."""
    text = text if text is not None else st.text(max_size=10)
    events = []
    for i in range(draw(st.integers(0, 12))):
        e = draw(held_events(plan, prefix=f"e{i}-"))
        status = draw(st.sampled_from(list(EventStatus)))
        import attrs

        events.append(attrs.evolve(e, id=f"e{i}", status=status, title=draw(text), place=draw(text)))
    docs = []
    for i in range(draw(st.integers(0, 3))):
        subs = tuple(Submission(draw(st.sampled_from(_BODIES)), draw(_DAYS)) for _ in range(draw(st.integers(0, 2))))
        docs.append(Document(f"d{i}", draw(st.sampled_from(_DOCS)), title=draw(text), submitted=subs))
    return Schedule(plan=plan.id, unit=draw(text), events=tuple(events), documents=tuple(docs))


@st.composite
def plans_and_schedules(draw: st.DrawFn, kinds: tuple[str, ...] | None = None,
                        text: st.SearchStrategy[str] | None = None) -> tuple[Plan, Schedule]:
    plan = draw(plans(kinds))
    return plan, draw(schedules(plan, text))


MONOTONE_KINDS = ("occurs", "per-person", "per-unit", "pairwise", "coverage", "quantity", "report")
"""Kinds for which adding a held event never turns a met finding unmet."""
