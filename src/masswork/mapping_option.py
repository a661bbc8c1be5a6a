"""``--mapping FILE``: the mapping file of a ledger table named on the command line (for
``check``, ``export`` and ``remind``), instead of the ``<stem>.mapping.toml`` found beside
the table. The file (TOML or JSON) is read and checked when the option is parsed, so a
wrong key is reported with the file, its key path and line before anything else is read
(exit 2)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import InputError

__all__ = ["load_mapping", "mapping_option"]

F = TypeVar("F", bound=Callable[..., Any])


def load_mapping(path: str | Path) -> Mapping[str, Any]:
    """The plain data of the mapping file at ``path``, checked (:func:`masswork.readers.columns.check_mapping`);
    every problem names the file, the key path and, for TOML, the line."""
    from .loaders.files import locate_lines, read_data
    from .readers.columns import check_mapping

    data = read_data(path)
    try:
        check_mapping(data, str(path))
    except InputError as exc:
        raise locate_lines(exc, Path(path)) from None
    return data


def _load(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Mapping[str, Any] | None:
    return None if value is None else load_mapping(value)


def mapping_option() -> Callable[[F], F]:
    """The ``--mapping FILE`` option, given to the command as the mapping's data (or None)."""
    from .helptext import HelpOption

    return click.option(
        "--mapping", "mapping", type=click.Path(dir_okay=False), callback=_load, metavar="FILE",
        help="help.mapping", cls=HelpOption)
