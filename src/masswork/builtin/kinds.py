"""The built-in requirement kinds, registered like any plugin's."""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..kinds import BUILTIN_KINDS
from ..kinds.base import Kind


@hookimpl
def masswork_register_kinds(register: Callable[[Kind], None]) -> None:
    for kind in BUILTIN_KINDS:
        register(kind)
