"""Batch checks: many units, each with its plan (usually extending a shared template) and
its schedule, checked on all cores (or a Dask cluster, with ``masswork-dask``) into one
summary of units × requirements.

>>> from masswork.batch import find_units, run_batch, summarise   # doctest: +SKIP
>>> summary = summarise(run_batch(find_units("province/")))       # doctest: +SKIP
>>> summary.furthest_behind()[:3]                                 # doctest: +SKIP

Names load on first use, so that ``check`` (which carries the ``--batch`` options) starts
no slower for them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .formats import SummaryExporter, batch_engines, summary_exporters
    from .run import BatchEngine, Progress, check_unit, local_engine, run_batch
    from .summary import Summary, error_text, summarise
    from .units import Unit, find_units

__all__ = ["BatchEngine", "Progress", "Summary", "SummaryExporter", "Unit", "batch_engines",
           "check_unit", "error_text", "find_units", "local_engine", "run_batch", "summarise", "summary_exporters"]

_LAZY = {
    "SummaryExporter": "formats", "batch_engines": "formats", "summary_exporters": "formats",
    "BatchEngine": "run", "Progress": "run", "check_unit": "run", "local_engine": "run",
    "run_batch": "run", "Summary": "summary", "summarise": "summary", "error_text": "summary", "Unit": "units",
    "find_units": "units",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'masswork.batch' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
