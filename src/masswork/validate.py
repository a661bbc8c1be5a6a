"""The plan (and a schedule against it) checked before anything is evaluated: duplicate ids,
unknown references, phrases that do not parse, windows that cannot be met, cycles in the
order of things. Every problem is collected, then raised together as one
:class:`~masswork.errors.PlanError`, so a user mends a file in one pass.

References are checked from the parameter classes' field metadata (see
:mod:`masswork.kinds.base`), so a kind added by a plugin is validated like a built-in one.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .errors import PlanError, Problem, format_path, nearest
from .idmatch import script_matches
from .model import Plan, Schedule
from .periods import PhraseError, Window, parse_duration, parse_offset, parse_window
from .report import Notice

if TYPE_CHECKING:
    from .kinds.base import KindRegistry

__all__ = ["validate_plan", "validate_schedule", "plan_namespaces", "schedule_notices"]

_NAMESPACES = ("roles", "people", "bodies", "sections", "groups", "activities", "documents",
               "phases")
_REF_SPACES: Mapping[str, tuple[str, ...]] = {
    "activity": ("activities",),
    "document": ("documents",),
    "role": ("roles",),
    "person": ("people",),
    "body": ("bodies",),
    "section": ("sections",),
    "group": _NAMESPACES,
    "phase": ("phases",),
    "party": ("roles", "people", "bodies", "sections", "groups"),
    "any": _NAMESPACES,
    "unit": ("bodies", "sections", "roles", "people", "activities"),
}
_SPACE_ZH = {"activity": "活動類型", "document": "文件類型", "role": "角色", "person": "人員",
             "body": "機構", "section": "科室", "group": "名目", "phase": "環節",
             "party": "角色/人員/機構", "any": "名目",
             "unit": "單位(機構/科室/角色/人員/活動類型)"}
_UNIT = "{unit}"


def plan_namespaces(plan: Plan) -> dict[str, set[str]]:
    return {ns: {item.id for item in getattr(plan, ns)} for ns in _NAMESPACES}


class _Checker:
    def __init__(self, plan: Plan, file: str | None) -> None:
        self.plan = plan
        self.file = file
        self.problems: list[Problem] = []
        self.spaces = plan_namespaces(plan)
        self.campaign: Window | None = None  # set once the plan's start and end are read
        self._known: dict[str, set[str]] = {}

    def add(self, path: tuple[str | int, ...], zh: str, en: str, **kw: Any) -> None:
        self.problems.append(Problem(zh=zh, en=en, path=path, file=self.file, **kw))

    def post(self, path: tuple[str | int, ...], value: str, kind: str) -> bool:
        """A ``"body/post"`` reference: True when it was one (checked), False otherwise."""
        if "/" not in value or kind not in ("party", "any", "person"):
            return False
        body_id, _, post = value.partition("/")
        body = next((b for b in self.plan.bodies if b.id == body_id), None)
        if body is None:
            self.add(path, f"未知的機構 {body_id!r}(見於職務引用 {value!r})", f"unknown body {body_id!r} in post reference {value!r}",
                     expected="body/post, e.g. 領導小組/組長", hint=nearest(body_id, self.spaces["bodies"]))
        elif post not in body.posts:
            self.add(path, f"機構 {body_id!r} 沒有職務 {post!r}", f"body {body_id!r} has no post {post!r}",
                     expected="one of its posts: " + ", ".join(body.posts), hint=nearest(post, body.posts))
        return True

    def known(self, kind: str) -> set[str]:
        # Built once per reference kind, not per reference (docs/performance.md).
        found = self._known.get(kind)
        if found is None:
            found = self._known[kind] = set().union(*(self.spaces[ns] for ns in _REF_SPACES[kind]))
        return found

    def ref(self, path: tuple[str | int, ...], value: str, kind: str) -> None:
        if self.post(path, value, kind):
            return
        known = self.known(kind)
        if value not in known:
            self.add(path, f"未知的{_SPACE_ZH[kind]} {value!r}", f"unknown {kind} {value!r}",
                     expected=f"an id declared in the plan's {'/'.join(_REF_SPACES[kind])}",
                     hint=nearest(value, known))

    def phrase(self, path: tuple[str | int, ...], value: str, what: str) -> Window | None:
        try:
            if what == "when":
                return parse_window(value, self.plan.year, around=self.plan.options.around_days,
                                    campaign=self.campaign)
            if what == "duration":
                parse_duration(value)
            else:
                parse_offset(value)
        except PhraseError as exc:
            self.add(path, f"無法理解的日期用語 {value!r}: {exc.message_zh}",
                     f"cannot read the calendar phrase {value!r}: {exc.message_en}",
                     expected="; ".join(exc.expected))
        return None


def _values(value: Any) -> Iterable[tuple[tuple[str | int, ...], str]]:
    if value is None:
        return
    if isinstance(value, str):
        yield (), value
    elif isinstance(value, Mapping):
        for k in value:
            yield (str(k),), str(k)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            if isinstance(v, str):
                yield (i,), v


def _param_refs(obj: Any, path: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str, str]]:
    """(path, what, value) for every referencing string in a params object, nested attrs
    objects included."""
    for f in attrs.fields(type(obj)):
        value = getattr(obj, f.name)
        what = f.metadata.get("masswork_ref")
        if what is not None:
            for sub, v in _values(value):
                yield path + (f.name, *sub), what, v
        elif attrs.has(type(value)):
            yield from _param_refs(value, path + (f.name,))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _param_refs(item, path + (f.name, i))


def _campaign(plan: Plan, c: _Checker) -> Window:
    start = c.phrase(("start",), plan.start, "when") if plan.start else None
    end = c.phrase(("end",), plan.end, "when") if plan.end else None
    first, last = (start.start if start else None), (end.end if end else None)
    if first and last and first > last:
        c.add(("end",), "活動結束早於開始", "the campaign ends before it starts")
        return Window(first, None)  # keep checking the rest against the start alone
    return Window(first, last)


def _overlap(a: Window, b: Window) -> bool:
    return ((a.end is None or b.start is None or a.end >= b.start)
            and (b.end is None or a.start is None or b.end >= a.start))


def _find_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    # Iterative depth-first search: a plan with thousands of chained roles or order rules
    # must not exhaust Python's recursion limit.
    graph: dict[str, list[str]] = {}
    for a, b in edges:
        graph.setdefault(a, [])
        if b not in graph[a]:
            graph[a].append(b)
    for targets in graph.values():
        targets.sort()
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        stack: list[str] = [root]
        iters: list[int] = [0]
        state[root] = 1
        while stack:
            n = stack[-1]
            targets = graph.get(n, [])
            if iters[-1] < len(targets):
                m = targets[iters[-1]]
                iters[-1] += 1
                if state.get(m) == 1:
                    return stack[stack.index(m):] + [m]
                if m not in state:
                    state[m] = 1
                    stack.append(m)
                    iters.append(0)
            else:
                state[n] = 2
                stack.pop()
                iters.pop()
    return None


def _empty_unit(c: _Checker, plan: Plan, path: tuple[str | int, ...], unit: str) -> None:
    """A body or role named in ``for_each`` that stands for nobody: every rule over it would
    be met (or unmet) vacuously, so the plan is wrong."""
    body = next((b for b in plan.bodies if b.id == unit), None)
    if body is not None:
        children = [b for b in plan.bodies if b.parent == unit]
        if not children and not body.everyone():
            c.add(path, f"單位 {unit!r} 既無下級機構也無成員", f"unit {unit!r} has neither sub-bodies nor members",
                  expected="members, posts, or bodies whose parent it is")
        for child in children:
            if not child.everyone():
                c.add(path, f"單位 {unit!r} 的下級機構 {child.id!r} 沒有成員", f"{unit!r}: sub-body {child.id!r} has no members",
                      expected="members or posts for every unit")
    elif unit in {r.id for r in plan.roles} and not plan.holders(unit):
        c.add(path, f"沒有人擔任 {unit!r}", f"no one holds {unit!r}", expected="a role with holders on the roster")


def _unit_placeholder(c: _Checker, plan: Plan, for_each: tuple[str, ...], path: tuple[str | int, ...],
                      value: str) -> None:
    """``"{unit}"`` / ``"{unit}/post"`` is only meaningful in a ``for_each`` rule, and a post
    only when every unit is a body that has it."""
    if not for_each:
        c.add(path, f"{value!r} 只能用於帶 for_each 的要求", f"{value!r} is only meaningful in a rule with for_each",
              expected="for_each = [\"機關黨委\"] (the units {unit} stands for)")
        return
    if "/" not in value:
        return
    post = value.partition("/")[2]
    bodies = {b.id: b for b in plan.bodies}
    for u in for_each:
        children = [b for b in plan.bodies if b.parent == u]
        targets = children or ([bodies[u]] if u in bodies else [])
        if not targets:
            c.add(path, f"{value!r}:單位 {u!r} 不是機構,沒有職務", f"{value!r}: unit {u!r} is not a body and has no posts",
                  expected="for_each naming bodies with posts")
        for b in targets:
            if post not in b.posts:
                c.add(path, f"{value!r}:機構 {b.id!r} 沒有職務 {post!r}", f"{value!r}: body {b.id!r} has no post {post!r}",
                      expected="every unit's posts to include it", hint=nearest(post, b.posts))


def validate_plan(plan: Plan, *, kinds: KindRegistry | None = None, file: str | None = None) -> None:
    """Raise :class:`PlanError` listing every inconsistency of ``plan``; return quietly when
    there is none."""
    if kinds is None:
        from .plugins import get_kinds

        kinds = get_kinds()
    c = _Checker(plan, file)
    seen: dict[str, str] = {}
    for ns in _NAMESPACES:
        for i, item in enumerate(getattr(plan, ns)):
            if item.id in seen:
                c.add((ns, i, "id"), f"重複的 id {item.id!r}(已用於 {seen[item.id]})",
                      f"duplicate id {item.id!r} (already used in {seen[item.id]})",
                      expected="ids unique across roles, people, bodies, sections, groups, "
                               "activities, documents and phases")
            seen.setdefault(item.id, ns)
    campaign = _campaign(plan, c)
    if plan.start and plan.end:
        c.campaign = campaign
    for i, p in enumerate(plan.people):
        for j, r in enumerate(p.roles):
            c.ref(("people", i, "roles", j), r, "role")
        if p.section:
            c.ref(("people", i, "section"), p.section, "section")
        for j, s in enumerate(p.oversees):
            c.ref(("people", i, "oversees", j), s, "section")
    for i, role in enumerate(plan.roles):
        for j, r in enumerate(role.includes):
            c.ref(("roles", i, "includes", j), r, "role")
    cyc = _find_cycle((r.id, inc) for r in plan.roles for inc in r.includes)
    if cyc:
        c.add(("roles",), "角色包含關係成環: " + " → ".join(cyc), "roles include each other in a cycle: " + " → ".join(cyc))
    for i, b in enumerate(plan.bodies):
        for j, m in enumerate(b.members):
            c.ref(("bodies", i, "members", j), m, "person")
        if b.parent:
            c.ref(("bodies", i, "parent"), b.parent, "body")
        for post, holders in b.posts.items():
            for j, m in enumerate(holders):
                c.ref(("bodies", i, "posts", post, j), m, "person")
    cyc = _find_cycle((b.id, b.parent) for b in plan.bodies if b.parent)
    if cyc:
        c.add(("bodies",), "機構的上級關係成環: " + " → ".join(cyc), "bodies are each other's parents: " + " → ".join(cyc))
    for i, sec in enumerate(plan.sections):
        if sec.head:
            c.ref(("sections", i, "head"), sec.head, "person")
        for j, d in enumerate(sec.deputies):
            c.ref(("sections", i, "deputies", j), d, "person")
    phase_windows: dict[str, Window] = {}
    for i, ph in enumerate(plan.phases):
        bounds = {key: c.phrase(("phases", i, key), getattr(ph, key), "when")
                  for key in ("start", "end") if getattr(ph, key)}
        sw, ew = bounds.get("start"), bounds.get("end")
        start = sw.start if sw is not None else None
        end = ew.end if ew is not None else None
        if start and end and start > end:
            c.add(("phases", i, "end"), f"環節 {ph.id!r} 的結束({end})早於開始({start})",
                  f"phase {ph.id!r} ends ({end}) before it starts ({start})")
        else:
            phase_windows[ph.id] = Window(start, end)
        if ph.gate:
            c.ref(("phases", i, "gate"), ph.gate, "document")
    edges: list[tuple[str, str]] = []
    rule_ids: dict[str, int] = {}
    for i, req in enumerate(plan.requirements):
        path: tuple[str | int, ...] = ("requirements", i)
        if req.id in rule_ids:
            c.add(path + ("id",), f"重複的要求 id {req.id!r}", f"duplicate requirement id {req.id!r}")
        rule_ids.setdefault(req.id, i)
        if not req.clause.strip():
            c.add(path + ("clause",), "要求必須引用條款編號", "a requirement must cite its clause id")
        if req.phase:
            c.ref(path + ("phase",), req.phase, "phase")
        if req.due:
            c.phrase(path + ("due",), req.due, "when")
        for j, r in enumerate(req.responsible):
            c.ref(path + ("responsible", j), r, "party")
        if req.kind not in kinds:
            c.add(path + ("kind",), f"未知的要求類型 {req.kind!r}", f"unknown requirement kind {req.kind!r}",
                  hint=nearest(req.kind, kinds.names()))
            continue
        kind = kinds.get(req.kind)
        if not isinstance(req.params, kind.params):
            c.add(path, f"參數類型應為 {kind.params.__name__}", f"params must be a {kind.params.__name__}")
            continue
        in_phase = getattr(req.params, "in_phase", None)
        for j, u in enumerate(req.for_each):
            c.ref(path + ("for_each", j), u, "unit")
            _empty_unit(c, plan, path + ("for_each", j), u)
        for fpath, what, value in _param_refs(req.params, path):
            if value == _UNIT or value.startswith(_UNIT + "/"):
                _unit_placeholder(c, plan, req.for_each, fpath, value)
                continue
            if what not in ("when", "duration", "offset"):
                c.ref(fpath, value, what)
                continue
            w = c.phrase(fpath, value, what)
            pw = phase_windows.get(in_phase) if isinstance(in_phase, str) else None
            if w is not None and pw is not None and not _overlap(w, pw):
                c.add(fpath, f"期限 {value!r} 與環節 {in_phase!r} 的時間({pw})不重疊,無法達成",
                      f"window {value!r} does not overlap phase {in_phase!r} ({pw}); it cannot be met")
            if w is not None and w.end and campaign.start and w.end < campaign.start:
                c.add(fpath, f"期限 {value!r}({w.end})早於活動開始({campaign.start}),無法達成",
                      f"window {value!r} ends ({w.end}) before the campaign starts "
                      f"({campaign.start}); it cannot be met")
            if w is not None and w.start and campaign.end and w.start > campaign.end and req.kind != "campaign":
                c.add(fpath, f"期限 {value!r}({w.start})晚於活動結束({campaign.end}),無法達成",
                      f"window {value!r} starts ({w.start}) after the campaign ends "
                      f"({campaign.end}); it cannot be met")
            if w is not None and w.start and w.end and w.start > w.end:
                c.add(fpath, f"期限 {value!r} 的開始晚於結束", f"window {value!r} starts after it ends")
        if kind.edges is not None:
            edges.extend(kind.edges(req))
    cyc = _find_cycle(edges)
    if cyc:
        c.add(("requirements",), "先後順序成環: " + " → ".join(cyc),
              "the order requirements form a cycle: " + " → ".join(cyc),
              expected="an order that can be carried out (no A after B after A)")
    if c.problems:
        raise PlanError(c.problems)


def _schedule_refs(schedule: Schedule) -> Iterable[tuple[tuple[str | int, ...], str, str]]:
    for i, e in enumerate(schedule.events):
        p: tuple[str | int, ...] = ("events", i)
        yield p + ("type",), e.type, "activity"
        if e.host:
            yield p + ("host",), e.host, "party"
        if e.phase:
            yield p + ("phase",), e.phase, "phase"
        if e.unit:
            yield p + ("unit",), e.unit, "party"
        for field, kind in (("participants", "party"), ("attendees", "any"), ("topics", "any"),
                            ("targets", "any"), ("channels", "any"), ("sections", "any"),
                            ("sources", "any")):
            for j, v in enumerate(getattr(e, field)):
                yield p + (field, j), v, kind
        for j, n in enumerate(e.notices):
            yield p + ("notices", j, "channel"), n.channel, "any"
    for i, d in enumerate(schedule.documents):
        p = ("documents", i)
        yield p + ("type",), d.type, "document"
        if d.owner:
            yield p + ("owner",), d.owner, "party"
        if d.drafted_by:
            yield p + ("drafted_by",), d.drafted_by, "party"
        if d.unit:
            yield p + ("unit",), d.unit, "party"
        for j, s in enumerate(d.submitted):
            yield p + ("submitted", j, "to"), s.to, "party"
        for j, a in enumerate(d.approved):
            yield p + ("approved", j, "by"), a.by, "party"
        for j, v in enumerate(d.covers):
            yield p + ("covers", j), v, "any"
    for i, att in enumerate(schedule.attestations):
        yield ("attestations", i, "by"), att.by, "party"
    for i, wv in enumerate(schedule.waivers):
        yield ("waivers", i, "approved_by"), wv.approved_by, "party"


def _key(m: dt.date) -> tuple[dt.date, dt.time]:
    if isinstance(m, dt.datetime):
        return (m.date(), m.time().replace(tzinfo=None))
    return (m, dt.time.min)


def _schedule_structure(schedule: Schedule, plan: Plan, file: str | None) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    for i, e in enumerate(schedule.events):
        if e.id in seen:
            out.append(Problem(zh=f"重複的活動 id {e.id!r}", en=f"duplicate event id {e.id!r}",
                               path=("events", i, "id"), file=file))
        seen.add(e.id)
        if e.end is not None and _key(e.end) < _key(e.start):
            out.append(Problem(zh="結束早於開始", en="the event ends before it starts",
                               path=("events", i, "end"), file=file))
    doc_ids = {d.id for d in schedule.documents}
    if len(doc_ids) != len(schedule.documents):
        out.append(Problem(zh="文件 id 重複", en="duplicate document ids", path=("documents",), file=file))
    for i, e in enumerate(schedule.events):
        for j, d in enumerate(e.documents):
            if d not in doc_ids:
                out.append(Problem(zh=f"未知的文件 {d!r}", en=f"unknown document {d!r}",
                                   path=("events", i, "documents", j), file=file,
                                   hint=nearest(d, doc_ids)))
    event_ids = {e.id for e in schedule.events}
    for i, doc in enumerate(schedule.documents):
        if doc.event is not None and doc.event not in event_ids:
            out.append(Problem(zh=f"文件所屬的活動 {doc.event!r} 不在台賬中", en=f"unknown event {doc.event!r}",
                               path=("documents", i, "event"), file=file, expected="the id of an event in this schedule",
                               hint=nearest(doc.event, event_ids)))
        if doc.published_until is not None and doc.published_on is None:
            out.append(Problem(zh="有公示截止日期卻沒有公示日期", en="published_until without published_on",
                               path=("documents", i, "published_until"), file=file))
        elif (doc.published_until is not None and doc.published_on is not None
              and _key(doc.published_until) < _key(doc.published_on)):
            out.append(Problem(zh="公示結束早於開始", en="the publicity period ends before it starts",
                               path=("documents", i, "published_until"), file=file))
    return out


def _all_known(schedule: Schedule, c: _Checker) -> bool:
    """Whether every reference of the schedule is known, by set arithmetic over the whole
    schedule: the common case, without a key path built for each of a million references.
    Must name the same fields as :func:`_schedule_refs` (tests/test_speed_equal.py checks)."""
    from .idmatch import referenced  # the same sets serve script matching (idmatch)

    by_kind = referenced(schedule)
    return all(values <= c.known(kind) for kind, values in by_kind.items())


def _unknown_refs(schedule: Schedule, plan: Plan, file: str | None) -> list[Problem]:
    c = _Checker(plan, file)
    if _all_known(schedule, c):
        return []
    # An id in the other script (读书班 for 讀書班) is read as the plan's: see masswork.idmatch.
    other_script = script_matches(schedule, plan)
    for path, value, kind in _schedule_refs(schedule):
        if value not in other_script:
            c.ref(path, value, kind)
    return c.problems


def validate_schedule(schedule: Schedule, plan: Plan, *, file: str | None = None,
                      strict: bool = True) -> None:
    """Raise :class:`PlanError` when the schedule is inconsistent in itself (duplicate ids,
    links to documents it lacks) or, when ``strict``, names event
    types, people or bodies the plan does not know."""
    if _VALIDATED.get(id(schedule)) == (id(plan), strict, True):
        return  # the loader validated this very schedule against this very plan
    problems = _schedule_structure(schedule, plan, file)
    if strict:
        problems += _unknown_refs(schedule, plan, file)
    if problems:
        raise PlanError(problems)
    _remember(schedule, plan, strict)


# Schedules found valid, by id(): the loader validates and check() would again (twice the
# cost of a large ledger). Entries leave with their schedule; the plan's id is only compared
# while the schedule lives, and a plan is kept alive by a weak reference check too.
_VALIDATED: dict[int, tuple[int, bool, bool]] = {}
_REFS: dict[int, tuple[Any, Any]] = {}


def _remember(schedule: Schedule, plan: Plan, strict: bool) -> None:
    key = id(schedule)

    def forget(_ref: Any, key: int = key) -> None:
        _VALIDATED.pop(key, None)
        _REFS.pop(key, None)

    try:
        refs = (weakref.ref(schedule, forget), weakref.ref(plan, forget))
    except TypeError:
        return  # not weakly referable: validate every time
    _VALIDATED[key] = (id(plan), strict, True)
    _REFS[key] = refs


def orphan_notices(schedule: Schedule, plan: Plan) -> list[Notice]:
    """Waivers and attestations of requirements the plan does not have (a plan revised after
    the record was kept): warned about and ignored, not fatal."""
    rules = {r.id for r in plan.requirements}
    out = []
    for coll, zh in (("waivers", "豁免"), ("attestations", "簽字確認")):
        for i, item in enumerate(getattr(schedule, coll)):
            if item.requirement not in rules:
                hint = nearest(item.requirement, rules)
                more = f"; did you mean {hint!r}" if hint else ""
                out.append(Notice(
                    "unknown-requirement",
                    f"{coll}[{i}]:{zh}針對的要求 {item.requirement!r} 不在方案中,已忽略",
                    f"{coll}[{i}]: requirement {item.requirement!r} is not in the plan; ignored{more}",
                    subject=item.requirement))
    return out


def schedule_notices(schedule: Schedule, plan: Plan) -> list[Notice]:
    """Unknown references as advisories, for plans that accept placeholders (a drafted plan
    has no roster, so the unit's people are unknown to it)."""
    # One advisory per unknown name, not per place it is used: a drafted plan checked
    # against a full ledger would otherwise bury the findings under repeats.
    spaces = plan_namespaces(plan)
    known = set().union(*spaces.values())
    places: dict[str, list[str]] = {}
    for path, value, _kind in _schedule_refs(schedule):
        if value not in known:
            places.setdefault(value, []).append(format_path(path))
    out = []
    for value, where in places.items():
        more = f" (+{len(where) - 1})" if len(where) > 1 else ""
        hint = nearest(value, known)
        hint_zh = f";是否為 {hint!r}" if hint else ""
        hint_en = f"; did you mean {hint!r}" if hint else ""
        out.append(Notice(
            "unknown-reference",
            f"方案未聲明 {value!r}(見於 {where[0]}{more}),按佔位處理{hint_zh}",
            f"{value!r} is not declared in the plan (used at {where[0]}{more}); treated as a placeholder{hint_en}",
            subject=value))
    return out
