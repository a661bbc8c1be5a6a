"""masswork's own schedule readers — TOML, JSON and CSV — registered through the same
``masswork_register_readers`` hook a plugin uses."""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..readers.base import Reader
from ..readers.csv import CSV_READER
from ..readers.data import JSON_READER, TOML_READER

BUILTIN_READERS = (JSON_READER, TOML_READER, CSV_READER)


@hookimpl
def masswork_register_readers(register: Callable[[Reader], None]) -> None:
    for reader in BUILTIN_READERS:
        register(reader)
