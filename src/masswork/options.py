"""Command-line options shared by the commands (``check``, ``export``, ``remind`` …), so
each is parsed and explained the same way everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["parse_as_of", "as_of_option", "lang_option", "LANG_META"]

F = TypeVar("F", bound=Callable[..., Any])
LANG_META = "masswork.lang"
"""Key in the click context's meta where ``--lang`` is remembered for error messages."""


def parse_as_of(_ctx: click.Context | None, _param: click.Parameter | None, value: str | None) -> dt.date | None:
    """``--as-of`` as a date; a bad value is a usage error (exit 2) saying what is expected."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} 不是日期 is not a date; 期望 expected YYYY-MM-DD") from None


def as_of_option(help: str = "help.as_of") -> Callable[[F], F]:
    """``--as-of YYYY-MM-DD``; ``help`` is a catalogue code (masswork.helptext)."""
    from .helptext import HelpOption

    return click.option("--as-of", "as_of", callback=parse_as_of, metavar="YYYY-MM-DD", help=help, cls=HelpOption)


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from .i18n import LANG_CHOICES, normalize

    lang = normalize(value)
    if lang is None:
        raise click.BadParameter(
            f"{value!r}: zh-Hans (简体), zh-Hant (繁體), en; also {', '.join(LANG_CHOICES[3:])}")
    ctx.meta[LANG_META] = lang
    return lang


def lang_option(default: str | None = None) -> Callable[[F], F]:
    """``--lang``: any spelling :func:`masswork.i18n.normalize` reads, given to the command
    as ``zh-Hans``, ``zh-Hant`` or ``en``; ``None`` when not given (then the environment
    or the plan decides, :func:`masswork.i18n.resolve`)."""
    from .helptext import HelpOption

    return click.option("--lang", default=default, metavar="zh-Hans|zh-Hant|en",
                        show_default=default is not None, callback=_remember_lang,
                        help="help.lang", cls=HelpOption)
