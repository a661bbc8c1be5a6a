"""The plugin manager: built-in default plugins, installed plugins from the ``masswork``
entry-point group, and the registries built from their hooks.

Nothing happens at import time. :func:`get_plugin_manager` builds the manager on first use
(and caches it); :func:`make_plugin_manager` builds a fresh one, for tests and embedding.

``MASSWORK_LOAD_PLUGINS`` chooses which installed plugins load: unset loads all, an empty
string loads none, ``a,b`` loads the entry points (or distributions) named ``a`` and ``b``.
A plugin that fails to import, whose hook signature is wrong, or whose hook raises is
recorded in :attr:`PluginHost.failures` with its name and left out; the others go on.
"""

from __future__ import annotations

import importlib.metadata as md
import os
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import pluggy

from . import hookspecs
from .channels import Channel
from .errors import PluginError, fill_legacy_pair
from .exporters import FORMAT_NAME, Exporter
from .i18n import Msg
from .kinds.base import KindRegistry
from .readers.base import Reader
from .workdays import WeekendCalendar, WorkingCalendar

__all__ = [
    "ENTRY_POINT_GROUP",
    "DEFAULT_PLUGINS",
    "PluginFailure",
    "PluginHost",
    "make_plugin_manager",
    "get_plugin_manager",
    "get_host",
    "get_kinds",
    "get_exporters",
    "get_channels",
    "get_calendar",
    "get_readers",
    "plugin_info",
    "reset",
]

ENTRY_POINT_GROUP = "masswork"
DEFAULT_PLUGINS = (
    "masswork.builtin.kinds",
    "masswork.builtin.exporters",
    "masswork.builtin.channels",
    "masswork.builtin.readers",
    "masswork.batch.builtin",
)

T = TypeVar("T")


@attrs.frozen
class PluginFailure:
    """A plugin left out, and why: ``msg`` (a catalogue message), or the legacy Traditional
    and English texts ``zh``/``en`` (filled from ``msg`` when it is given)."""

    plugin: str
    zh: str = ""
    en: str = ""
    msg: Msg | None = None

    def __attrs_post_init__(self) -> None:
        fill_legacy_pair(self)

    def message(self, lang: str = "zh") -> str:
        if self.msg is not None:
            return PluginError(self.plugin, msg=self.msg).message(lang)
        return PluginError(self.plugin, self.zh, self.en).message(lang)


class PluginHost:
    """A plugin manager with the failures met while loading and calling its plugins, and
    the registries built from it (each built once)."""

    def __init__(self, pm: pluggy.PluginManager, failures: list[PluginFailure]) -> None:
        self.pm = pm
        self.failures = failures
        self._kinds: KindRegistry | None = None
        self._exporters: dict[str, Exporter] | None = None
        self._channels: dict[str, Channel] | None = None
        self._readers: dict[str, Reader] | None = None
        self.owners: dict[str, str] = {}

    def _collect(self, hook_name: str, accept: Callable[[Any, str], None]) -> None:
        hook = getattr(self.pm.hook, hook_name)
        # Call each plugin on its own so a failure is pinned on it and spares the others.
        # Registration order: built-ins first, so a later plugin's duplicate is the one refused.
        for impl in hook.get_hookimpls():
            name = self.pm.get_name(impl.plugin) or repr(impl.plugin)
            try:
                impl.function(register=lambda item, _n=name: accept(item, _n))
            except PluginError as exc:
                self.failures.append(PluginFailure(exc.plugin, exc.zh, exc.en, msg=exc.msg))
            except Exception as exc:  # noqa: BLE001 - any plugin bug is reported, not raised
                self.failures.append(PluginFailure(
                    name, msg=Msg.of("plugins.hook_failed", hook=hook_name, error=repr(exc))))

    def kinds(self) -> KindRegistry:
        if self._kinds is None:
            reg = KindRegistry()
            self._collect("masswork_register_kinds", reg.register)
            self._kinds = reg
        return self._kinds

    def exporters(self) -> dict[str, Exporter]:
        if self._exporters is None:
            self._exporters = self._named("masswork_register_exporters", Exporter, "format")
        return self._exporters

    def channels(self) -> dict[str, Channel]:
        if self._channels is None:
            self._channels = self._named("masswork_register_channels", Channel, "channel")
        return self._channels

    def readers(self) -> dict[str, Reader]:
        """The schedule readers, in registration order (built-ins first): the order in
        which they are asked whether they recognise a file."""
        if self._readers is None:
            self._readers = self._named("masswork_register_readers", Reader, "reader")
        return self._readers

    def _named(self, hook: str, cls: type[T], en: str) -> dict[str, T]:
        what = Msg.of("plugins.what." + en.replace(" ", "_"))
        out: dict[str, T] = {}
        owners: dict[str, str] = {}

        def accept(item: Any, plugin: str) -> None:
            if not isinstance(item, cls):
                raise PluginError(plugin, msg=Msg.of("plugins.not_instance", cls=cls.__name__))
            name = item.name  # type: ignore[attr-defined]
            if not isinstance(name, str) or not FORMAT_NAME.match(name):
                raise PluginError(plugin, msg=Msg.of("plugins.bad_name", what=what, name=repr(name)))
            if name in out:
                raise PluginError(plugin, msg=Msg.of("plugins.taken", what=what, name=repr(name), owner=owners[name]))
            out[name] = item
            owners[name] = plugin

        self._collect(hook, accept)
        self.owners.update({f"{en}:{k}": v for k, v in owners.items()})
        return out

    def owner_of(self, what: str, name: str) -> str:
        """Which plugin registered the format / reader / channel ``name`` (``what`` is
        "format", "reader" or "channel")."""
        if what == "format":
            self.exporters()
        elif what == "reader":
            self.readers()
        else:
            self.channels()
        return self.owners.get(f"{what}:{name}", "?")

    def calendar(self, config: dict[str, Any] | None = None) -> WorkingCalendar:
        try:
            cal = self.pm.hook.masswork_working_day_calendar(config=config or {})
        except PluginError:
            raise
        except Exception as exc:
            raise PluginError("calendar", msg=Msg.of("plugins.calendar_failed", error=str(exc))) from exc
        return cal if cal is not None else WeekendCalendar()


def _wanted() -> set[str] | None:
    raw = os.environ.get("MASSWORK_LOAD_PLUGINS")
    if raw is None:
        return None
    return {x.strip() for x in raw.split(",") if x.strip()}


def make_plugin_manager(*, load_entrypoints: bool = True, extra: tuple[Any, ...] = ()) -> PluginHost:
    """A new plugin manager with the default plugins, the installed ones (unless
    ``load_entrypoints`` is false or ``MASSWORK_LOAD_PLUGINS`` says otherwise) and ``extra``
    plugin objects (modules or instances with hookimpls)."""
    import importlib

    pm = pluggy.PluginManager("masswork")
    pm.add_hookspecs(hookspecs)
    failures: list[PluginFailure] = []
    for modname in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(modname), name=modname)
    if load_entrypoints:
        wanted = _wanted()
        for ep in md.entry_points(group=ENTRY_POINT_GROUP):
            dist = ep.dist.name if ep.dist is not None else ""
            if wanted is not None and ep.name not in wanted and dist not in wanted:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop masswork
                failures.append(PluginFailure(ep.name, msg=Msg.of("plugins.import_failed", error=repr(exc))))
                continue
            _register(pm, plugin, ep.name, failures)
    for i, plugin in enumerate(extra):
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        _register(pm, plugin, name if pm.get_plugin(name) is None else f"{name}-{i}", failures)
    return PluginHost(pm, failures)


def _register(pm: pluggy.PluginManager, plugin: Any, name: str, failures: list[PluginFailure]) -> None:
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        failures.append(PluginFailure(name, msg=Msg.of("plugins.bad_signature", error=str(exc))))
    except ValueError as exc:
        failures.append(PluginFailure(name, msg=Msg.of("plugins.register_failed", error=str(exc))))


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide plugin host, built on first use."""
    global _HOST
    if _HOST is None:
        _HOST = make_plugin_manager()
    return _HOST


def get_plugin_manager() -> pluggy.PluginManager:
    return get_host().pm


def reset() -> None:
    """Forget the process-wide host (tests, or after installing a plugin at run time)."""
    global _HOST
    _HOST = None


def get_kinds() -> KindRegistry:
    return get_host().kinds()


def get_exporters() -> dict[str, Exporter]:
    return get_host().exporters()


def get_channels() -> dict[str, Channel]:
    return get_host().channels()


def get_readers() -> dict[str, Reader]:
    return get_host().readers()


def get_calendar(config: dict[str, Any] | None = None) -> WorkingCalendar:
    return get_host().calendar(config)


# What each registration hook provides, as ``_named`` records its owners.
_PROVIDES = (("format", "format"), ("summary", "summary format"), ("reader", "reader"),
             ("channel", "channel"), ("engine", "batch engine"))


def provided(host: PluginHost | None = None, lang: str = "en") -> list[dict[str, str]]:
    """Everything the plugins registered that has a description: export and summary
    formats, schedule readers, reminder channels, batch engines. Each row: ``what``
    (format, summary, reader, channel, engine), ``name``, ``plugin`` and ``text``, the
    description in ``lang``."""
    from .batch.formats import batch_engines, summary_exporters

    host = host or get_host()
    tables: dict[str, Mapping[str, Any]] = {
        "format": host.exporters(), "summary": summary_exporters(host), "reader": host.readers(),
        "channel": host.channels(), "engine": batch_engines(host)}
    rows = []
    for what, owner_key in _PROVIDES:
        for name, item in tables[what].items():
            rows.append({"what": what, "name": name, "plugin": host.owners.get(f"{owner_key}:{name}", "?"),
                         "text": item.description_text(lang)})
    return rows


def plugin_info(host: PluginHost | None = None, lang: str | None = None) -> list[dict[str, Any]]:
    """Every registered plugin: name, hooks it implements, version (from its distribution);
    with ``lang``, also ``provides``: what it registered (:func:`provided`), described in
    that language."""
    host = host or get_host()
    offers: dict[str, list[dict[str, str]]] = {}
    if lang is not None:
        for offer in provided(host, lang):
            offers.setdefault(offer["plugin"], []).append({k: v for k, v in offer.items() if k != "plugin"})
    dists: dict[str, str] = {}
    for ep in md.entry_points(group=ENTRY_POINT_GROUP):
        if ep.dist is not None:
            dists[ep.name] = f"{ep.dist.name} {ep.dist.version}"
    out = []
    for plugin in host.pm.get_plugins():
        name = host.pm.get_name(plugin) or repr(plugin)
        hooks = sorted(h.name for h in host.pm.get_hookcallers(plugin) or [])
        version = dists.get(name, "")
        if not version and name.startswith("masswork."):
            try:
                version = f"masswork {md.version('masswork')}"
            except md.PackageNotFoundError:
                version = "masswork (source)"
        row: dict[str, Any] = {"name": name, "hooks": hooks, "version": version,
                               "builtin": name in DEFAULT_PLUGINS}
        if lang is not None:
            row["provides"] = offers.get(name, [])
        out.append(row)
    return sorted(out, key=lambda d: (not d["builtin"], d["name"]))

