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
from typing import Any, Union

import attrs

from ..errors import PluginError
from ..i18n import Msg, Pair
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
    "Described",
    "DescribeFn",
    "EvaluateFn",
    "described",
]


EvaluateFn = Callable[[Requirement, Context], Outcome]
Described = Union[Msg, tuple[str, str]]
"""What ``describe`` returns: a :class:`~masswork.i18n.Msg` (a catalogue code and its
parameters, rendered in the reader's language), or — the legacy form, still accepted from
plugins written before the catalogues — a (Traditional Chinese, English) pair of strings,
whose Simplified text is folded from the Traditional one character by character
(:func:`masswork.i18n.pair_text`)."""
DescribeFn = Callable[[Requirement, Plan], Described]


def described(value: Described) -> Msg:
    """A ``describe`` result as a :class:`~masswork.i18n.Msg`: a message as given, a legacy
    (Traditional, English) pair wrapped so that it renders through
    :func:`~masswork.i18n.pair_text`."""
    if isinstance(value, Msg):
        return value
    zh, en = value
    return Msg.of("finding.text", text=Pair(str(zh), str(en)))


@attrs.frozen
class Kind:
    """A requirement kind.

    ``params`` is a frozen attrs class; the loader builds it from the requirement's keys
    other than the common ones (id, clause, quote, kind, …). ``describe`` turns a
    requirement into one line of checklist: a :class:`~masswork.i18n.Msg` (see
    :data:`Described`; the legacy form is a Traditional/English pair). ``title`` names the
    kind for people: a :class:`~masswork.i18n.Msg` or a message id of masswork's catalogue;
    ``title_zh``/``title_en`` are the legacy Traditional/English pair (read back, they
    are ``title`` rendered when only it is given; :meth:`title_text` renders either).
    ``monotone`` promises that adding a held event never turns a met requirement unmet
    (the property tests rely on it; ``order`` and ``deadline`` kinds are not monotone).
    """

    name: str
    params: type
    evaluate: EvaluateFn
    describe: DescribeFn
    _title_zh: str = ""
    _title_en: str = ""
    monotone: bool = False
    edges: Callable[[Requirement], Iterable[tuple[str, str]]] | None = None
    """For kinds that order things: pairs (earlier, later) of activity or document ids, so
    the validator can reject a plan whose order rules form a cycle."""
    title: Msg | str | None = None
    """The kind's title as a message; a plugin with its own catalogue passes
    ``Catalogue("masswork_x").msg("kind.x")``."""

    @property
    def title_zh(self) -> str:
        """The legacy Traditional title: as given, else ``title`` rendered in Traditional."""
        msg = self.title_msg()
        return self._title_zh or (msg.render("zh-Hant") if msg is not None else "")

    @property
    def title_en(self) -> str:
        """The legacy English title: as given, else ``title`` rendered in English."""
        msg = self.title_msg()
        return self._title_en or (msg.render("en") if msg is not None else "")

    def title_msg(self) -> Msg | None:
        """The kind's title as a message (None when it gives only the legacy pair)."""
        if self.title is None or self.title == "":
            return None
        return self.title if isinstance(self.title, Msg) else Msg.of(self.title)

    def title_text(self, lang: str) -> str:
        """The kind's title in ``lang``: its message, else the legacy pair, else its name."""
        msg = self.title_msg()
        if msg is not None:
            return msg.render(lang)
        if self._title_zh or self._title_en:
            return Pair(self._title_zh, self._title_en).render(lang)
        return self.name

    def describe_msg(self, req: Requirement, plan: Plan) -> Msg:
        """``describe(req, plan)`` as a message, whichever form the kind returns."""
        return described(self.describe(req, plan))


class KindRegistry:
    """Kinds by name. Registering a name twice is an error that names both registrants."""

    def __init__(self) -> None:
        self._kinds: dict[str, Kind] = {}
        self._owner: dict[str, str] = {}

    def register(self, kind: Kind, plugin: str = "masswork") -> None:
        if not isinstance(kind, Kind):
            raise PluginError(plugin, msg=Msg.of("kind.registry.not_kind", value=repr(kind)))
        if not kind.name or not attrs.has(kind.params):
            raise PluginError(plugin, msg=Msg.of("kind.registry.incomplete", kind=repr(kind.name)))
        if kind.name in self._kinds:
            other = self._owner[kind.name]
            raise PluginError(plugin, msg=Msg.of("kind.registry.taken", kind=repr(kind.name), other=other))
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

