"""Checking the units of a batch: one unit in :func:`check_unit` (a plain function of plain
data, so that a process pool or a Dask cluster can run it), many through an engine.

An engine is a function ``(fn, items, options) -> results`` that returns ``fn(item)`` for
every item, in the order of the items, however it spreads the work. ``local`` (built in) uses
a process pool over all cores; plugins add others (``masswork-dask``) through the
``masswork_register_batch_engines`` hook. Because every unit is checked by the same
:func:`check_unit` and results are put back in unit order, every engine gives the same
summary, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TextIO

import attrs

from ..i18n import Msg
from ..i18n.described import Described
from ..loaders.limits import DEFAULT_LIMITS, Limits
from .units import Unit

__all__ = ["BatchEngine", "check_unit", "local_engine", "run_batch", "Progress", "warm_up"]

Options = Mapping[str, Any]


@attrs.frozen
class BatchEngine(Described):
    """A way to run a batch: ``run(fn, items, options)`` yields ``fn(item)`` for every item
    in item order. ``options`` carries ``jobs`` (worker count, None for all cores) and
    ``scheduler`` (an address, for engines that use one)."""

    name: str
    run: Callable[[Callable[[Any], Any], Sequence[Any], Options], Iterable[Any]]
    _description: str = ""
    _description_en: str = ""
    message: Msg | str | None = None


def check_unit(job: tuple[Any, ...]) -> dict[str, Any]:
    """Load and check one unit; plain data back (picklable, JSON-able). ``job`` is the unit,
    the ``as_of`` day (ISO) or None, whether to return the whole report, and optionally the
    templates folders its plan may ``extends`` into and the input limits.

    ``{"unit", "plan", "events", "statuses": {rule: status}, "failing": [...], "error":
    None | {"zh-Hans", "zh-Hant", "en", "zh"}, "report": report JSON when asked}`` (``error``
    in every language, as :func:`masswork.i18n.messages_of` keys it: the summary is rendered
    later, in the language asked for). A unit whose files are missing
    or wrong comes back with ``error`` set; it never raises.
    """
    # A unit makes tens of thousands of containers (the parsed files, the model, the
    # findings) and frees them by reference counting as soon as it is done; the cyclic
    # collector would walk them a dozen times meanwhile (a sixth of a unit's time) to find
    # nothing. It waits until the unit is checked; cycles made meanwhile are collected then.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_unit(job)
    finally:
        if enabled:
            gc.enable()


def _check_unit(job: tuple[Any, ...]) -> dict[str, Any]:
    unit, as_of, want_report = job[:3]
    templates: tuple[str, ...] = job[3] if len(job) > 3 else ()
    limits: Limits = job[4] if len(job) > 4 else DEFAULT_LIMITS
    out: dict[str, Any] = {"unit": unit.id, "plan": None, "events": 0, "statuses": {},
                           "failing": [], "error": None, "report": None}
    from ..errors import MassworkError
    from ..i18n import LANGS, Msg, messages_of

    try:
        if unit.plan is None:
            raise _Missing(Msg.of("batch.unit_no_plan", unit=unit.id))
        if unit.schedule is None:
            raise _Missing(Msg.of("batch.unit_no_schedule", unit=unit.id))
        from ..engine import check
        from ..loaders import load_plan, load_schedule
        from ..plugins import get_calendar

        plan = load_plan(unit.plan, templates=list(templates) or None, limits=limits)
        schedule = load_schedule(unit.schedule, plan, limits=limits)
        # The summary uses the findings alone; the advisories only go into whole reports.
        report = check(plan, schedule, dt.date.fromisoformat(as_of) if as_of else None,
                       calendar=get_calendar(), warnings=bool(want_report))
    except _Missing as exc:
        out["error"] = messages_of(exc.args[0])
        return out
    except MassworkError as exc:
        said = {lang: exc.message(lang) for lang in LANGS}
        out["error"] = {"zh": said["zh-Hant"], "en": said["en"], **said}
        return out
    except Exception as exc:  # noqa: BLE001 - one unit's failure must not stop the batch
        out["error"] = messages_of(Msg.of("batch.internal_error", error=repr(exc)))
        return out
    out["plan"] = plan.id
    out["events"] = len(schedule.events)
    out["statuses"] = {f.rule: f.status.value for f in report.findings}
    out["failing"] = [f.rule for f in report.findings if f.status.failing]
    out["ok"] = report.ok
    if want_report:
        out["report"] = report.to_dict("zh")
    return out


class _Missing(Exception):
    """A unit folder without one of its files (``args[0]``: the message)."""


def _chunks(n_items: int, workers: int) -> int:
    # Many chunks per worker, of at most 32 units: pickling a chunk costs little next to
    # checking one unit, and on a shared machine a worker may stall — the other then takes
    # the remaining chunks instead of waiting for a big one.
    return max(1, min(32, n_items // (workers * 16)))


def warm_up() -> None:
    """Import what checking a unit needs and build the plugin host and its registries, so
    that workers started afterwards (forked) begin with them."""
    from .. import engine, loaders  # noqa: F401
    from ..loaders.fast import converter
    from ..loaders.fast_values import _screened
    from ..loaders.limits import DEFAULT_LIMITS
    from ..model import Plan, Requirement, Schedule
    from ..plugins import get_calendar, get_host

    kinds = get_host().kinds()
    get_calendar()
    # The loader's converters (type hints read, code generated), once for all workers.
    for limits in (None, DEFAULT_LIMITS, _screened(DEFAULT_LIMITS)):
        converter(Schedule, limits)
    for cls in (Plan, Requirement, *(k.params for k in kinds.kinds())):
        converter(cls)


def local_engine(fn: Callable[[Any], Any], items: Sequence[Any], options: Options) -> Iterator[Any]:
    """All cores through a process pool (``jobs`` workers; one worker runs in-process)."""
    jobs = options.get("jobs") or os.cpu_count() or 1
    if jobs <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    warm_up()  # forked workers inherit the loaded plugins instead of each loading them
    # What the workers inherit is left out of their garbage collections, which would
    # otherwise touch (and so copy) every page of it.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
            yield from pool.map(fn, items, chunksize=_chunks(len(items), jobs))
    finally:
        gc.unfreeze()


class Progress:
    """``12/500 units`` on stderr, rewritten in place, only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} units")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()


def run_batch(units: Sequence[Unit], *, as_of: dt.date | None = None, engine: BatchEngine | None = None,
              options: Options | None = None, reports: bool = False,
              progress: Progress | None = None,
              templates: Sequence[str] | None = None,
              limits: Limits | None = None) -> list[dict[str, Any]]:
    """Check every unit with ``engine`` (local by default); results in unit order. Unit
    plans may ``extends`` into ``templates`` (by default the folders of ``MASSWORK_TEMPLATES``
    and the folder that holds the unit folders, where a shared template usually sits)."""
    run = engine.run if engine is not None else local_engine
    if templates is None:
        from ..loaders.extends import templates_from_env

        templates = [str(p) for p in templates_from_env()] + sorted(
            {str(Path(u.plan).resolve().parent.parent) for u in units if u.plan})
    shared = tuple(templates)
    jobs: list[tuple[Any, ...]] = [(u, as_of.isoformat() if as_of else None, reports, shared) for u in units]
    if limits is not None and limits != DEFAULT_LIMITS:
        jobs = [(*j, limits) for j in jobs]
    out = []
    for result in run(check_unit, jobs, options or {}):
        out.append(result)
        if progress is not None:
            progress.step()
    return out
