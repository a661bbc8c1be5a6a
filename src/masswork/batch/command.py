"""``masswork check --batch DIR|MANIFEST``: the options, added to ``check`` by one decorator
(:func:`batch_options`), and what they do.

Exit codes as for ``check``: 0 every unit meets its plan, 1 some unit has something unmet
or overdue, 2 some unit could not be checked (its files missing or wrong) — the others are
checked and summarised all the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = ["batch_options", "run_batch_command"]


def run_batch_command(source: str, *, as_of: dt.date | None, fmt: str, lang: str, engine: str,
                      scheduler: str | None, jobs: int | None, output: str | None,
                      reports: str | None, behind: int, templates: tuple[str, ...] = ()) -> int:
    """Run the batch and write its summary; returns the exit code."""
    from ..errors import InputError, Problem, nearest
    from ..i18n import Msg
    from ..loaders import write_atomic
    from .formats import batch_engines, summary_exporters
    from .run import Progress, run_batch
    from .summary import summarise
    from .units import find_units

    engines = batch_engines()
    if engine not in engines:
        raise InputError([Problem(msg=Msg.of("batch.unknown_engine", engine=repr(engine)),
                                  expected=Msg.of("batch.expected.engine", engines=", ".join(sorted(engines))),
                                  hint=nearest(engine, list(engines)))])
    exporters = summary_exporters()
    if fmt not in exporters:
        raise InputError([Problem(msg=Msg.of("batch.unknown_format", fmt=repr(fmt)),
                                  expected=Msg.of("batch.expected.format", formats=", ".join(sorted(exporters))),
                                  hint=nearest(fmt, list(exporters)))])
    units = find_units(source)
    progress = Progress(len(units))
    # The batch's own folder (or the manifest's) holds the shared template: plans may extend it.
    from ..loaders.extends import templates_from_env

    root = Path(source) if Path(source).is_dir() else Path(source).parent
    folders = [*(templates or [str(p) for p in templates_from_env()]), str(root)]
    from ..limit_options import current_limits

    results = run_batch(units, as_of=as_of, engine=engines[engine],
                        options={"jobs": jobs, "scheduler": scheduler}, reports=reports is not None,
                        progress=progress, templates=folders, limits=current_limits())
    if reports is not None:
        folder = Path(reports)
        folder.mkdir(parents=True, exist_ok=True)
        for r in results:
            if r["report"] is not None:
                text = json.dumps(r["report"], ensure_ascii=False, indent=2) + "\n"
                write_atomic(folder / f"{r['unit']}.json", text)
            r["report"] = None  # written; the summary does not carry whole reports
    summary = summarise(results, as_of, behind)
    data = exporters[fmt].export(summary, lang)
    if output:
        write_atomic(output, data)
    elif exporters[fmt].binary and sys.stdout.isatty():
        raise InputError([Problem(msg=Msg.of("batch.binary_to_tty", fmt=fmt))])
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if summary.broken:
        return 2
    return 0 if summary.ok else 1


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the batch options to ``check``; with ``--batch`` the batch runs instead of the
    command's body (whose PLAN and SCHEDULE are then not needed)."""

    @functools.wraps(command)
    def wrapper(*args: Any, batch: str | None, engine: str, scheduler: str | None, jobs: int | None,
                summary_format: str | None, output: str | None, reports: str | None, behind: int,
                **kwargs: Any) -> Any:
        if batch is None:
            for name in ("plan", "schedule"):
                if kwargs.get(name) is None:
                    raise click.UsageError(f"Missing argument '{name.upper()}' (or give --batch DIR).")
            return command(*args, **kwargs)
        fmt = summary_format or ("json" if kwargs.get("fmt") == "json" else "text")
        sys.exit(run_batch_command(batch, as_of=kwargs.get("as_of"), fmt=fmt, lang=kwargs.get("lang") or "zh",
                                   engine=engine, scheduler=scheduler, jobs=jobs, output=output,
                                   reports=reports, behind=behind,
                                   templates=tuple(kwargs.get("templates") or ())))

    from ..helptext import option as help_option

    options = [
        help_option("--batch", type=click.Path(exists=False), default=None, help="help.batch"),
        help_option("--engine", default="local", show_default=True, help="help.batch.engine"),
        help_option("--scheduler", default=None, metavar="ADDRESS", help="help.batch.scheduler"),
        help_option("--jobs", type=click.IntRange(min=1), default=None, help="help.batch.jobs"),
        help_option("--summary-format", default=None, metavar="NAME", help="help.batch.summary_format"),
        help_option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="help.batch.output"),
        help_option("--reports", type=click.Path(file_okay=False), default=None, help="help.batch.reports"),
        help_option("--behind", type=click.IntRange(min=0), default=10, show_default=True, help="help.batch.behind"),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
