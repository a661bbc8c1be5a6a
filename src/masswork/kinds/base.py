"""What a requirement kind is, what it sees, and what it answers.

A kind is a :class:`Kind`: a name, a frozen attrs class of parameters, and an
``evaluate(requirement, context) -> Outcome`` function. The engine never branches on kind
names: it looks kinds up in a :class:`KindRegistry`, which plugins extend through the
``masswork_register_kinds`` hook.

Parameter classes declare, in field metadata, what their strings refer to
(``ref(...)``: an activity type, a document type, a role …; ``when()``: a date or calendar
phrase; ``duration()``; ``offset()``), so the plan validator checks references and phrases
for every kind, including those added by plugins, without kind-specific code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..errors import PluginError
from ..model import Plan, Requirement
from .context import Context
from .fields import REF, REF_KINDS, duration, offset, ref, when
from .outcome import Outcome


__all__ = [
    "REF",
    "REF_KINDS",
    "ref",
    "when",
    "duration",
    "offset",
    "Outcome",
    "Context",
    "Kind",
    "KindRegistry",
]


EvaluateFn = Callable[[Requirement, Context], Outcome]
DescribeFn = Callable[[Requirement, Plan], tuple[str, str]]


@attrs.frozen
class Kind:
    """A requirement kind.

    ``params`` is a frozen attrs class; the loader builds it from the requirement's keys
    other than the common ones (id, clause, quote, kind, …). ``describe`` turns a
    requirement into one line of checklist in Chinese and English. ``monotone`` promises
    that adding a held event never turns a met requirement unmet (the property tests rely on
    it; ``order`` and ``deadline`` kinds are not monotone).
    """

    name: str
    params: type
    evaluate: EvaluateFn
    describe: DescribeFn
    title_zh: str = ""
    title_en: str = ""
    monotone: bool = False
    edges: Callable[[Requirement], Iterable[tuple[str, str]]] | None = None
    """For kinds that order things: pairs (earlier, later) of activity or document ids, so
    the validator can reject a plan whose order rules form a cycle."""


class KindRegistry:
    """Kinds by name. Registering a name twice is an error that names both registrants."""

    def __init__(self) -> None:
        self._kinds: dict[str, Kind] = {}
        self._owner: dict[str, str] = {}

    def register(self, kind: Kind, plugin: str = "masswork") -> None:
        if not isinstance(kind, Kind):
            raise PluginError(plugin, f"註冊的不是 Kind: {kind!r}", f"registered a non-Kind: {kind!r}")
        if not kind.name or not attrs.has(kind.params):
            raise PluginError(
                plugin,
                f"要求類型 {kind.name!r} 需要名稱和 attrs 參數類",
                f"requirement kind {kind.name!r} needs a name and an attrs params class",
            )
        if kind.name in self._kinds:
            other = self._owner[kind.name]
            raise PluginError(
                plugin,
                f"要求類型 {kind.name!r} 已由插件 {other} 註冊",
                f"requirement kind {kind.name!r} is already registered by plugin {other}",
            )
        self._kinds[kind.name] = kind
        self._owner[kind.name] = plugin

    def get(self, name: str) -> Kind:
        return self._kinds[name]

    def owner(self, name: str) -> str:
        return self._owner[name]

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def __iter__(self) -> Any:
        return iter(sorted(self._kinds))

    def names(self) -> list[str]:
        return sorted(self._kinds)

    def kinds(self) -> Iterable[Kind]:
        return [self._kinds[n] for n in self.names()]

