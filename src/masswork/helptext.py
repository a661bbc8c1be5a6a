"""CLI help (a command's help, its one-line summary, every option's help) in the reader's
language, from the gettext catalogues.

``help=`` holds a message code (``help.check.format``), not a text. :class:`HelpOption` and
:class:`HelpCommand` make ``.help`` (and ``.short_help``) a property that renders the code
in the help language when read — so everything that reads it, click's ``--help``, shell
completion and mkdocs-click's reference pages alike, gets a text and never a code. The help
language is the one the command line chose (``--lang`` anywhere on it, else
``MASSWORK_LANG`` or the locale: :func:`helping`, entered by ``masswork.cli``); outside the
command line (the docs build, a program introspecting the commands) it is English.

A plugin's command renders its codes from its own catalogue:
``option("--port", help="server.help.port", catalogue=CATALOGUE)`` and
``@click.command(cls=HelpCommand, help="server.help.serve", catalogue=CATALOGUE)``
(see :mod:`masswork.i18n.domain`). Text that is not a known code is shown as written, so a
plugin's plain English help still works.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import click

from .i18n import Catalogue, tr

__all__ = ["HelpOption", "HelpCommand", "HelpGroupMixin", "option", "helping", "help_lang", "render_help"]

F = TypeVar("F", bound=Callable[..., Any])

_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("masswork_help_lang", default=None)


def help_lang() -> str:
    """The language help is rendered in now (English outside :func:`helping`)."""
    return _LANG.get() or "en"


@contextlib.contextmanager
def helping(lang: str) -> Iterator[None]:
    """Help read inside the ``with`` block is in ``lang``."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def render_help(text: str | None, catalogue: Catalogue | None = None,
                params: Mapping[str, object] | None = None) -> str | None:
    """``text`` as the reader reads it: a code rendered in :func:`help_lang`, anything else
    as written."""
    if not text or " " in text or "." not in text:
        return text
    lang = help_lang()
    out = catalogue.tr(lang, text, **(params or {})) if catalogue is not None else tr(lang, text, **(params or {}))
    return text if out == text else out


class HelpOption(click.Option):
    """A click option whose ``help`` is a message code, rendered when read."""

    def __init__(self, *args: Any, catalogue: Catalogue | None = None,
                 help_params: Mapping[str, object] | None = None, **kwargs: Any) -> None:
        # Set before click's __init__ assigns self.help (through the property below).
        self.help_catalogue, self.help_params = catalogue, dict(help_params or {})
        super().__init__(*args, **kwargs)

    @property
    def help(self) -> str | None:
        return render_help(self._help_code, self.help_catalogue, self.help_params)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help_code = value


def option(*param_decls: str, **kwargs: Any) -> Callable[[F], F]:
    """``click.option`` with a help code (``help="help.check.only"``; optional
    ``catalogue=`` and ``help_params=``)."""
    return click.option(*param_decls, cls=HelpOption, **kwargs)


class HelpGroupMixin:
    """``help`` and ``short_help`` of a command or group as message codes, rendered when
    read (``catalogue=`` names a plugin's own)."""

    _help_code: str | None = None
    _short_code: str | None = None
    help_catalogue: Catalogue | None = None

    @property
    def help(self) -> str | None:
        return render_help(self._help_code, self.help_catalogue)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help_code = value

    @property
    def short_help(self) -> str | None:
        return render_help(self._short_code, self.help_catalogue)

    @short_help.setter
    def short_help(self, value: str | None) -> None:
        self._short_code = value

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click makes the -h/--help option once per command and process, its help in the
        # language of that moment: worded anew each time, in the language of this one.
        opt: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if opt is not None:
            opt.help = render_help("help.help")
        return opt


class HelpCommand(HelpGroupMixin, click.Command):
    """A click command whose help and short help are message codes."""

    def __init__(self, *args: Any, catalogue: Catalogue | None = None, **kwargs: Any) -> None:
        self.help_catalogue = catalogue
        super().__init__(*args, **kwargs)


def catalogue_files() -> list[str]:
    """Every compiled catalogue (``.mo``) of the packages loaded now — masswork's, click's
    texts and plugins' — that help may have been rendered from: the help cache depends on
    them as it does on the modules (a recompiled catalogue changes the help)."""
    import os
    import sys

    found: set[str] = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith("__init__.py"):
            continue
        locale = os.path.join(os.path.dirname(file), "locale")
        if not os.path.isdir(locale):
            continue
        for lang in os.listdir(locale):
            folder = os.path.join(locale, lang, "LC_MESSAGES")
            if os.path.isdir(folder):
                found.update(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".mo"))
    return sorted(found)
