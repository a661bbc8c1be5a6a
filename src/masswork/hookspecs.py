"""The hooks masswork calls, in the order a run meets them. Plugins implement them with
``@masswork.hookimpl``; masswork's own kinds, formats and console channel are written the
same way (:mod:`masswork.builtin`).

Registration hooks hand the plugin a ``register`` callback instead of collecting return
values, so that masswork — not the plugin — validates names and rejects a duplicate,
naming both plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import click

    from .batch.formats import SummaryExporter
    from .batch.run import BatchEngine
    from .channels import Channel
    from .exporters import Exporter
    from .kinds.base import Kind
    from .readers.base import Reader
    from .workdays import WorkingCalendar

hookspec = pluggy.HookspecMarker("masswork")
hookimpl = pluggy.HookimplMarker("masswork")

__all__ = ["hookspec", "hookimpl"]


@hookspec
def masswork_register_kinds(register: Callable[[Kind], None]) -> None:
    """Runs when masswork first needs the requirement kinds (loading or checking a plan).

    Call ``register(kind)`` once per :class:`masswork.kinds.Kind`. A kind's name must be
    new; registering a name another plugin already registered is an error naming both.
    """


@hookspec
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Runs when masswork first needs the export formats (``masswork export``,
    ``masswork formats``).

    Call ``register(exporter)`` once per :class:`masswork.exporters.Exporter`. The
    exporter returns bytes; masswork writes them atomically, so a failing exporter never
    leaves a partial file.
    """


@hookspec
def masswork_register_channels(register: Callable[[Channel], None]) -> None:
    """Runs when ``masswork remind`` needs the reminder channels.

    Call ``register(channel)`` once per :class:`masswork.channels.Channel`. Channel settings
    come from the reminders config file; secrets only from environment variables.
    """


@hookspec
def masswork_register_readers(register: Callable[[Reader], None]) -> None:
    """Runs when masswork first reads a schedule file (``check``, ``export``, ``remind``,
    the server's uploads) or lists the formats it reads.

    Call ``register(reader)`` once per :class:`masswork.readers.Reader`. A reader is
    chosen by the file's content (its ``sniff`` sees the first bytes) before its suffix;
    it returns the schedule as plain data, or raises
    :class:`~masswork.errors.InputError` naming the place (line, key or sheet!cell) of
    every problem — never a partial schedule. A name already registered is an error
    naming both plugins.
    """


@hookspec(firstresult=True)
def masswork_working_day_calendar(config: dict[str, Any]) -> WorkingCalendar | None:
    """Runs when masswork needs to tell working days from rest days (working-day lead times,
    "N個工作日內", warnings about meetings on holidays).

    Return a :class:`masswork.workdays.WorkingCalendar`, or None to let the next plugin
    answer. The first answer wins; with none, Monday to Friday are working days.
    ``config`` holds the ``[calendar]`` table of the config file (e.g. an override file).
    """


@hookspec
def masswork_register_commands(cli: click.Group) -> None:
    """Runs when the ``masswork`` command line is built. Add commands with
    ``@cli.command()``."""


@hookspec(firstresult=True)
def masswork_read_document(path: str) -> str | None:
    """Runs when ``masswork draft`` is given a file that is not plain text (a .docx).

    Return the document's text (paragraphs separated by newlines), or None when this plugin
    does not read that kind of file. The first answer wins.
    """


@hookspec
def masswork_register_batch_engines(register: Callable[[BatchEngine], None]) -> None:
    """Runs when ``masswork check --batch`` needs its engines (``--engine NAME``).

    Call ``register(engine)`` once per :class:`masswork.batch.BatchEngine`: a name and a
    function ``run(fn, items, options)`` returning ``fn(item)`` for every item, in item
    order (``options`` holds ``jobs`` and ``scheduler``). masswork's own is ``local``, a
    process pool; ``masswork-dask`` adds ``dask``.
    """


@hookspec
def masswork_register_summary_exporters(register: Callable[[SummaryExporter], None]) -> None:
    """Runs when ``masswork check --batch`` writes its summary (``--summary-format NAME``).

    Call ``register(exporter)`` once per :class:`masswork.batch.SummaryExporter`: a name, a
    suffix and ``export(summary, lang) -> bytes``. Built in: ``text``, ``json``, ``csv``;
    masswork-xlsx adds an ``xlsx`` workbook and masswork-html an ``html`` overview.
    """
