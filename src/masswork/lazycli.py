"""Start-up kept short: the command line imports a command's module, the engine, the loaders
and the plugins only when a command runs that needs them.

* :func:`masswork.launch.main` answers ``masswork --version`` without importing click or
  the rest of the package;
* :class:`LazyGroup` holds subcommands by import path and lists them in ``--help`` from the
  short help given here, importing a command's module only when it is invoked; a name it
  does not know makes it load the plugins' commands (``masswork_register_commands``) once;
* the functions below stand for the engine, loaders and plugin host in ``cli.py``, importing
  them at their first call.

Measured in benchmarks/startup.py (docs/performance.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from .exporters import Exporter
    from .model import Plan
    from .plugins import PluginHost
    from .report import Report
    from .workdays import WorkingCalendar

__all__ = ["LazyGroup", "run_check", "load_plan", "load_schedule", "write_atomic",
           "get_calendar", "get_exporters", "get_host", "plugin_info"]


class LazyGroup(click.Group):
    """A click group whose subcommands may be given as ``"module:attribute"`` with their
    one-line help, and whose plugin commands load on demand."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, tuple[str, str]] = {}
        self.load_plugin_commands: Callable[[], None] | None = None
        self._plugins_loaded = False

    def add_lazy(self, name: str, target: str, short_help: str) -> None:
        """Register ``name`` as the command at ``target`` (``"pkg.module:attr"``)."""
        self.lazy_commands[name] = (target, short_help)

    def _import(self, name: str) -> click.Command:
        target, _help = self.lazy_commands.pop(name)
        module, _, attr = target.partition(":")
        cmd = getattr(importlib.import_module(module), attr)
        self.add_command(cmd, name)
        return cmd  # type: ignore[no-any-return]

    def _plugins(self) -> None:
        if not self._plugins_loaded and self.load_plugin_commands is not None:
            self._plugins_loaded = True
            self.load_plugin_commands()

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None:
            return cmd
        if cmd_name in self.lazy_commands:
            return self._import(cmd_name)
        self._plugins()
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._plugins()  # the help lists plugins' commands too
        rows = []
        limit = formatter.width - 6 - max((len(n) for n in self.list_commands(ctx)), default=0)
        for name in self.list_commands(ctx):
            if name in self.lazy_commands:
                from .helptext import render_help

                rows.append((name, render_help(self.lazy_commands[name][1]) or ""))
                continue
            cmd = super().get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            rows.append((name, cmd.get_short_help_str(limit)))
        if rows:
            from click.core import _  # type: ignore[attr-defined]  # click's word, in the reader's language

            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


    def get_help(self, ctx: click.Context) -> str:
        text = super().get_help(ctx)
        if ctx.parent is None and _environment_speaks(ctx):
            # the top-level help: kept for the next `masswork --help`, which the cache answers
            # from the environment alone (masswork.helpcache keys it by the language variables)
            from .helpcache import store_help
            from .helptext import catalogue_files

            store_help(text + "\n", catalogue_files())
        return text


def _environment_speaks(_ctx: click.Context) -> bool:
    # The help was written in the language the environment alone chooses (not a --lang).
    from .helptext import help_lang
    from .i18n import resolve

    try:
        return help_lang() == resolve(None)
    except ValueError:
        return False


# -- the heavy parts of the package, imported on first call


def run_check(plan: Plan, schedule: Any, as_of: Any = None, **kw: Any) -> Report:
    from .engine import check

    return check(plan, schedule, as_of, **kw)


def load_plan(*args: Any, **kw: Any) -> Plan:
    from .loaders import load_plan as load

    return load(*args, **kw)


def load_schedule(*args: Any, **kw: Any) -> Any:
    from .loaders import load_schedule as load

    return load(*args, **kw)


def write_atomic(*args: Any, **kw: Any) -> None:
    from .loaders import write_atomic as write

    write(*args, **kw)


def get_host() -> PluginHost:
    from .plugins import get_host as host

    return host()


def get_calendar() -> WorkingCalendar | None:
    from .plugins import get_calendar as calendar

    return calendar()


def get_exporters() -> dict[str, Exporter]:
    from .plugins import get_exporters as exporters

    return exporters()


def plugin_info(host: PluginHost, lang: str | None = None) -> Any:
    from .plugins import plugin_info as info

    return info(host, lang)
