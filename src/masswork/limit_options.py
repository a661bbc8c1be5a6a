"""``--max-bytes``, ``--max-events`` and ``--no-limits``: the input limits
(:class:`masswork.loaders.limits.Limits`, docs/limits.md) raised on the command line for
files a person trusts, such as a province's own million-event ledger.

One decorator (:func:`limits_options`) adds the options to a command; they are read from
the environment too (``MASSWORK_MAX_BYTES``, ``MASSWORK_MAX_EVENTS``, ``MASSWORK_NO_LIMITS``),
and the :class:`Limits` they make is kept in the click context, where the command's loading
code finds it (:func:`current_limits`), so that the commands' own signatures stay as they
are.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from .loaders.limits import Limits

__all__ = ["limits_options", "current_limits", "make_limits", "parse_size", "LIMITS_META"]

F = TypeVar("F", bound=Callable[..., Any])
LIMITS_META = "masswork.limits"
"""Key in the click context's meta where the command's limits are kept."""

_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
_SIZE = re.compile(r"\s*(\d+)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``8388608``, ``512K``, ``64M``, ``2G`` (also ``2GiB``, ``2gb``): bytes, the units
    binary (K = 1024)."""
    m = _SIZE.fullmatch(text)
    if not m:
        raise ValueError(text)
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


class _Size(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            size = parse_size(str(value))
        except ValueError:
            self.fail(f"{value!r} 不是大小 is not a size; 期望 expected a number of bytes, or 64M, 2G", param, ctx)
        if size < 1:
            self.fail(f"{value!r}: 至少 1 字節 at least 1 byte", param, ctx)
        return size


def make_limits(max_bytes: int | None = None, max_events: int | None = None, no_limits: bool = False) -> Limits:
    """The limits the options describe: the defaults, with ``max_file_bytes`` (and the
    document limit) raised to ``max_bytes`` and ``max_items`` to ``max_events``; with
    ``no_limits`` every size and count limit lifted (file and document bytes, entries in a
    list, requirements, string length). Nesting, number size, the ``extends`` rules and
    what is opened at all (regular files only) hold either way."""
    import attrs

    from .loaders.limits import DEFAULT_LIMITS

    limits = DEFAULT_LIMITS
    if no_limits:
        big = sys.maxsize
        limits = attrs.evolve(limits, max_file_bytes=big, max_document_bytes=big, max_items=big,
                              max_requirements=big, max_string=big)
    if max_bytes is not None:
        limits = attrs.evolve(limits, max_file_bytes=max_bytes,
                              max_document_bytes=max(max_bytes, limits.max_document_bytes))
    if max_events is not None:
        limits = attrs.evolve(limits, max_items=max_events)
    return limits


def current_limits() -> Limits:
    """The limits of the command running (the defaults outside a command)."""
    from .loaders.limits import DEFAULT_LIMITS

    ctx = click.get_current_context(silent=True)
    found = ctx.meta.get(LIMITS_META) if ctx is not None else None
    return found if found is not None else DEFAULT_LIMITS


def limits_options(command: F) -> F:
    """Add ``--max-bytes``, ``--max-events`` and ``--no-limits`` to a command."""
    from .helptext import option as help_option

    @functools.wraps(command)
    def wrapper(*args: Any, max_bytes: int | None, max_events: int | None, no_limits: bool, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        if max_bytes is not None or max_events is not None or no_limits:
            ctx.meta[LIMITS_META] = make_limits(max_bytes, max_events, no_limits)
        return command(*args, **kwargs)

    options = [
        help_option("--max-bytes", "max_bytes", type=_Size(), default=None, envvar="MASSWORK_MAX_BYTES",
                    metavar="SIZE", help="help.max_bytes"),
        help_option("--max-events", "max_events", type=click.IntRange(min=1), default=None,
                    envvar="MASSWORK_MAX_EVENTS", metavar="N", help="help.max_events"),
        help_option("--no-limits", "no_limits", is_flag=True, default=False, envvar="MASSWORK_NO_LIMITS",
                    help="help.no_limits"),
    ]
    out: Any = wrapper
    for option in reversed(options):
        out = option(out)
    return out  # type: ignore[no-any-return]
