"""masswork's own batch engine (``local``) and summary formats (text, JSON, CSV), registered
through the same hooks as plugins'."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..hookspecs import hookimpl


@hookimpl
def masswork_register_batch_engines(register: Callable[[Any], None]) -> None:
    from .run import BatchEngine, local_engine

    register(BatchEngine("local", local_engine, message="describe.engine.local"))


@hookimpl
def masswork_register_summary_exporters(register: Callable[[Any], None]) -> None:
    from .formats import BUILTIN_SUMMARY_EXPORTERS

    for exporter in BUILTIN_SUMMARY_EXPORTERS:
        register(exporter)
