"""References from a plan's or schedule's fields to ids the plan declares: which
namespaces each kind of reference may name, and :class:`Checker`, which collects the
problems of one file (unknown ids, ``body/post`` references, calendar phrases that do not
parse) with their key paths.

References are read from the parameter classes' field metadata (see
:mod:`masswork.kinds.base`), so a kind added by a plugin is validated like a built-in one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import Problem, nearest
from ..i18n import Msg, Pair
from ..model import Plan
from ..periods import PhraseError, Window, parse_duration, parse_offset

__all__ = ["NAMESPACES", "REF_SPACES", "UNIT", "Checker", "plan_namespaces", "param_refs"]

NAMESPACES = ("roles", "people", "bodies", "sections", "groups", "activities", "documents",
               "phases")
REF_SPACES: Mapping[str, tuple[str, ...]] = {
    "activity": ("activities",),
    "document": ("documents",),
    "role": ("roles",),
    "person": ("people",),
    "body": ("bodies",),
    "section": ("sections",),
    "group": NAMESPACES,
    "phase": ("phases",),
    "party": ("roles", "people", "bodies", "sections", "groups"),
    "any": NAMESPACES,
    "unit": ("bodies", "sections", "roles", "people", "activities"),
}
UNIT = "{unit}"


def plan_namespaces(plan: Plan) -> dict[str, set[str]]:
    return {ns: {item.id for item in getattr(plan, ns)} for ns in NAMESPACES}


class Checker:
    def __init__(self, plan: Plan, file: str | None) -> None:
        self.plan = plan
        self.file = file
        self.problems: list[Problem] = []
        self.spaces = plan_namespaces(plan)
        self.campaign: Window | None = None  # set once the plan's start and end are read
        self._known: dict[str, set[str]] = {}

    def add(self, path: tuple[str | int, ...], msg: Msg, **kw: Any) -> None:
        self.problems.append(Problem(msg=msg, path=path, file=self.file, **kw))

    def post(self, path: tuple[str | int, ...], value: str, kind: str) -> bool:
        """A ``"body/post"`` reference: True when it was one (checked), False otherwise."""
        if "/" not in value or kind not in ("party", "any", "person"):
            return False
        body_id, _, post = value.partition("/")
        body = next((b for b in self.plan.bodies if b.id == body_id), None)
        if body is None:
            self.add(path, Msg.of("validate.post_body_unknown", body=repr(body_id), value=repr(value)),
                     expected=Msg.of("validate.expected.post"), hint=nearest(body_id, self.spaces["bodies"]))
        elif post not in body.posts:
            self.add(path, Msg.of("validate.no_such_post", body=repr(body_id), post=repr(post)),
                     expected=Msg.of("validate.expected.posts", posts=tuple(body.posts)), hint=nearest(post, body.posts))
        return True

    def known(self, kind: str) -> set[str]:
        # Built once per reference kind, not per reference (docs/performance.md).
        found = self._known.get(kind)
        if found is None:
            found = self._known[kind] = set().union(*(self.spaces[ns] for ns in REF_SPACES[kind]))
        return found

    def ref(self, path: tuple[str | int, ...], value: str, kind: str) -> None:
        if self.post(path, value, kind):
            return
        known = self.known(kind)
        if value not in known:
            self.add(path, Msg.of("validate.unknown_ref", space=Msg.of(f"validate.space.{kind}"), value=repr(value)),
                     expected=Msg.of("validate.expected.declared", spaces="/".join(REF_SPACES[kind])),
                     hint=nearest(value, known))

    def phrase(self, path: tuple[str | int, ...], value: str, what: str) -> Window | None:
        try:
            if what == "when":
                # Through the engine's process-wide memo of windows (a function of these
                # arguments alone): the units of a batch repeat their template's phrases,
                # and a phrase that does not parse is not kept (it raises here each time).
                from ..kinds.context import _window

                return _window(value, self.plan.year, self.plan.options.around_days, self.campaign)
            if what == "duration":
                parse_duration(value)
            else:
                parse_offset(value)
        except PhraseError as exc:
            self.add(path, Msg.of("validate.phrase", value=repr(value),
                                  why=exc.msg or Pair(exc.message_zh, exc.message_en)),
                     expected=exc.expected_msg())
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


def param_refs(obj: Any, path: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str, str]]:
    """(path, what, value) for every referencing string in a params object, nested attrs
    objects included."""
    for f in attrs.fields(type(obj)):
        value = getattr(obj, f.name)
        what = f.metadata.get("masswork_ref")
        if what is not None:
            for sub, v in _values(value):
                yield path + (f.name, *sub), what, v
        elif attrs.has(type(value)):
            yield from param_refs(value, path + (f.name,))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from param_refs(item, path + (f.name, i))
