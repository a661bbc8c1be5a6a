"""The ``masswork`` command line. Nothing imports this module; it imports everything.

Exit codes (docs/cli.md): 0 all well; 1 something is ``unmet`` or ``overdue`` (``check``) or
a reminder could not be delivered (``remind``); 2 bad input or a failing plugin, reported as
one message naming the file and line or key path — never a traceback; 3 an internal error
(a bug: ``MASSWORK_DEBUG=1`` shows the traceback); 130 interrupted.

Every text a person reads comes from the message catalogues (:mod:`masswork.i18n`), in the
language ``--lang`` names, else ``MASSWORK_LANG`` or the locale, else the plan's script.
Help too: ``help=`` of the commands and options is a catalogue code (``help.check``), rendered
when read (:mod:`masswork.helptext`); the commands' docstrings are for developers only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .batch.command import batch_options
from .console import can_encode, setup_streams
from .errors import ExportError, MassworkError
from .i18n import Msg, is_chinese, resolve, tr
from .i18n.clickwords import speaking
from .helptext import HelpCommand, HelpGroupMixin, HelpOption, helping, option
from .helpwrap import wide_wrapping
from .limit_options import limits_options
from .lazycli import (LazyGroup, get_calendar, get_exporters, get_host, load_plan, plugin_info, write_atomic)
from .options import LANG_META, as_of_option, lang_option
from .mapping_option import mapping_option
from .report import Report, Status
from .report_text import echo_report_json, json_probe, render_text
from .terminal import safe_for_terminal

if TYPE_CHECKING:
    from .model import Plan

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _die(message: str, code: int = 2) -> NoReturn:
    click.echo(safe_for_terminal(message), err=True)
    sys.exit(code)


_lang_option = lang_option(default=None)
_as_of_option = as_of_option()


def _warn_plugin_failures(lang: str) -> None:
    for failure in get_host().failures:
        click.echo(tr(lang, "cli.warning", text=failure.message(lang)), err=True)


_templates_option = option(
    "--templates", "templates", multiple=True, type=click.Path(file_okay=False), help="help.templates")


def _load(plan_path: str, schedule_path: str | None, templates: tuple[str, ...] = (),
          mapping: Any = None) -> tuple[Plan, Any]:
    from .limit_options import current_limits

    if not schedule_path:
        return load_plan(plan_path, templates=templates or None, limits=current_limits()), None
    from .api import load_pair

    reads: list[Any] = []
    plan, schedule = load_pair(plan_path, schedule_path, on_read=reads.append, templates=templates or None,
                               mapping=mapping, limits=current_limits())
    if reads:
        ctx = click.get_current_context(silent=True)
        given = ctx.meta.get(LANG_META) if ctx is not None else None
        lang = resolve(given if isinstance(given, str) else None,
                       plan_text=plan.title + "".join(r.quote for r in plan.requirements[:20]))
        for read in reads:
            _say_how_read(read, lang)
    return plan, schedule


def _say_how_read(read: Any, lang: str) -> None:
    # TOML and JSON are masswork's own files; a table is worth a line on how it was read.
    if read.reader in ("toml", "json") and not read.notes:
        return
    click.echo(tr(lang, "read.how", how=read.describe(lang)), err=True)
    for text in read.remarks(lang):
        click.echo(safe_for_terminal(tr(lang, "read.note", text=text)), err=True)


def _report(plan: Plan, schedule: Any, as_of: dt.date | None) -> Report:
    from .api import check as api_check

    return api_check(plan, schedule, as_of, calendar=get_calendar())


def _plan_lang(ctx: click.Context, lang: str | None, plan: Plan) -> str:
    """The language to speak: ``--lang``, else the environment, else the plan's script."""
    out = resolve(lang, plan_text=plan.title + "".join(r.quote for r in plan.requirements[:20]))
    ctx.meta[LANG_META] = out
    return out


class _Group(HelpGroupMixin, LazyGroup):
    """Turns every masswork error into a message and exit code 2, and anything unexpected
    into a short note asking for a bug report (MASSWORK_DEBUG=1 shows the traceback).
    Its help and its commands' are catalogue codes (``help.check``; masswork.helptext)."""

    command_class = HelpCommand

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        # click's own words (usage errors, "Usage:", --help) in the reader's language: chosen
        # from the command line and the environment, as the plan is not read yet.
        lang = _lang_of_args(sys.argv[1:] if args is None else list(args))
        # help texts too (masswork.helptext), wrapped by terminal columns (masswork.helpwrap)
        with speaking(lang), helping(lang), wide_wrapping():
            return super().main(args, *a, **kw)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MassworkError as exc:
            lang = _lang_from(ctx)
            text = exc.message(lang)
            _die(tr(lang, "cli.error_block" if "\n" in text else "cli.error", text=text))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _die(tr(_lang_from(ctx), "cli.interrupted"), 130)
        except BrokenPipeError:
            # `masswork explain plan.toml | head`: the reader left; say nothing more.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("MASSWORK_DEBUG"):
                traceback.print_exc()
            _die(tr(_lang_from(ctx), "cli.internal_error", error=repr(exc)), 3)


def _lang_from(ctx: click.Context) -> str:
    # The language already chosen (kept in the shared context meta), else --lang as written
    # on the command line (an error may come before the option is parsed), else the
    # environment.
    lang = ctx.meta.get(LANG_META)
    if isinstance(lang, str):
        return lang
    return _lang_of_args(sys.argv[1:])


def _lang_of_args(args: Sequence[str]) -> str:
    for i, a in enumerate(args):
        value = args[i + 1] if a == "--lang" and i + 1 < len(args) else (a[7:] if a.startswith("--lang=") else None)
        if value:
            try:
                return resolve(value)
            except ValueError:
                break
    return resolve(None)


@click.group(cls=_Group, context_settings=CONTEXT, help="help.masswork")
@click.version_option(__version__, "-V", "--version", prog_name="masswork", help="help.version", cls=HelpOption)
@_lang_option
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """masswork: check a campaign plan (實施方案) against a unit's schedule and record (台賬).

    Messages are in Simplified or Traditional Chinese or English: --lang, else MASSWORK_LANG
    or the locale (LC_ALL, LC_MESSAGES, LANG), else the plan's own script.
    Exit codes: 0 well, 1 something failing, 2 bad input, 3 internal error
    (MASSWORK_DEBUG=1 shows the traceback). See docs/cli.md.
    """
    if lang is not None:
        # ``masswork --lang en check …``: the group's choice is every command's default;
        # a command's own --lang still wins.
        ctx.default_map = {**(ctx.default_map or {}),
                           **{name: {"lang": lang} for name in cli.list_commands(ctx)}}


_ONLY = {"failing": (Status.UNMET, Status.OVERDUE), "open": (Status.OPEN,),
         "met": (Status.MET,), "waived": (Status.WAIVED,)}


@cli.command(context_settings=CONTEXT, help="help.check", short_help="help.check.short")
@click.argument("plan", type=click.Path(dir_okay=False), required=False)
@click.argument("schedule", type=click.Path(dir_okay=False), required=False)
@_as_of_option
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help="help.check.format")
@option("--only", "only", type=click.Choice(sorted(_ONLY)), multiple=True, help="help.check.only")
@_lang_option
@_templates_option
@mapping_option()
@limits_options  # --max-bytes, --max-events, --no-limits (masswork.limit_options)
@batch_options  # --batch DIR and its options (masswork.batch.command)
@click.pass_context
def check(ctx: click.Context, plan: str, schedule: str, as_of: dt.date | None, fmt: str,
          only: tuple[str, ...], lang: str | None, templates: tuple[str, ...], mapping: Any = None) -> None:
    """Which requirements of PLAN does SCHEDULE meet? 檢查台賬是否符合方案要求.

    Exit 0 when nothing is unmet or overdue, 1 when something is, 2 on bad input.
    """
    p, s = _load(plan, schedule, templates, mapping)
    lang = _plan_lang(ctx, lang, p)
    report = _report(p, s, as_of)
    _warn_plugin_failures(lang)
    keep = {st for o in only for st in _ONLY[o]}
    if fmt == "json":
        echo_report_json(report, lang, keep)
    else:
        click.echo(render_text(report, lang, plan=p, only=keep or None))
    sys.exit(0 if report.ok else 1)



@cli.command(context_settings=CONTEXT, help="help.explain", short_help="help.explain.short")
@click.argument("plan", type=click.Path(dir_okay=False))
@_lang_option
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help="help.explain.format")
@_templates_option
@limits_options
@click.pass_context
def explain(ctx: click.Context, plan: str, lang: str | None, fmt: str, templates: tuple[str, ...]) -> None:
    """Print PLAN's requirements as a checklist: window, due date, who is responsible
    以清單列出方案要求."""
    from .explain import checklist, render_checklist

    p = _load(plan, None, templates)[0]
    lang = _plan_lang(ctx, lang, p)
    rows = checklist(p, lang, calendar=get_calendar())
    if fmt == "json":
        data = {"plan": p.id, "title": p.title, "requirements": rows}
        click.echo(json.dumps(data, ensure_ascii=not can_encode(json_probe(data)), indent=2))
        return
    click.echo(safe_for_terminal(render_checklist(p, rows, lang)))


def _infer_format(output: str | None, exporters: dict[str, Any]) -> str | None:
    if not output:
        return None
    suffix = Path(output).suffix.lower()
    hits = sorted(name for name, e in exporters.items() if e.suffix.lower() == suffix)
    # Several formats may share a suffix (csv, csv-findings): the one named like it wins.
    for name in hits:
        if "." + name == suffix:
            return name
    return hits[0] if len(hits) == 1 else None


@cli.command(context_settings=CONTEXT, help="help.export")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("schedule", type=click.Path(dir_okay=False))
@option("--format", "fmt", help="help.export.format")
@option("-o", "--output", type=click.Path(dir_okay=False), help="help.export.output")
@_as_of_option
@_lang_option
@_templates_option
@mapping_option()
@limits_options
@click.pass_context
def export(ctx: click.Context, plan: str, schedule: str, fmt: str | None, output: str | None,
           as_of: dt.date | None, lang: str | None, templates: tuple[str, ...], mapping: Any = None) -> None:
    """Export SCHEDULE and its check report in a format 導出台賬與檢查報告."""
    exporters = get_exporters()
    early = _lang_from(ctx)
    if fmt is None:
        fmt = _infer_format(output, exporters)
        if fmt is None:
            _die(tr(early, "cli.error", text=tr(early, "export.no_format", output=output or "-",
                                                  available=", ".join(sorted(exporters)))))
    if fmt not in exporters:
        from .errors import nearest

        hint = nearest(fmt, exporters)
        text = tr(early, "export.unknown_format", fmt=repr(fmt), available=", ".join(sorted(exporters)))
        if hint:
            text += tr(early, "error.did_you_mean", hint=repr(hint))
        _die(tr(early, "cli.error", text=text))
    p, s = _load(plan, schedule, templates, mapping)
    lang = _plan_lang(ctx, lang, p)
    report = _report(p, s, as_of)
    exporter = exporters[fmt]
    owner = get_host().owner_of("format", fmt)
    try:
        from .exporters import ExportInput

        data = exporter.export(ExportInput(p, s, report, lang, as_of))
    except MassworkError:
        raise
    except Exception as exc:  # noqa: BLE001 - a plugin's bug is named, and no file is written
        raise ExportError(owner, msg=Msg.of("export.failed", fmt=fmt, error=repr(exc))) from exc
    if not isinstance(data, (bytes, bytearray)):
        raise ExportError(owner, msg=Msg.of("export.not_bytes", fmt=fmt))
    _warn_plugin_failures(lang)
    if output:
        write_atomic(Path(output), bytes(data))
        click.echo(tr(lang, "export.wrote", output=output, size=len(data)), err=True)
    else:
        sys.stdout.buffer.write(bytes(data))
        sys.stdout.flush()


_json_flag = option("--json", "as_json", is_flag=True, help="help.json")


@cli.command(context_settings=CONTEXT, help="help.formats")
@_json_flag
@_lang_option
def formats(as_json: bool, lang: str | None) -> None:
    """List the export formats 列出導出格式."""
    lang = resolve(lang)
    host = get_host()
    rows = [{"name": e.name, "suffix": e.suffix, "plugin": host.owner_of("format", e.name),
             "description": e.description, "description_en": e.description_en,
             "text": e.description_text(lang)}
            for e in sorted(get_exporters().values(), key=lambda e: e.name)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=not can_encode(json_probe(rows)), indent=2))
    else:
        for r in rows:
            click.echo(f"{r['name']:<14} {r['suffix']:<6} {r['text']}  [{r['plugin']}]")
    _warn_plugin_failures(lang)


@cli.command(context_settings=CONTEXT, help="help.plugins")
@_json_flag
@_lang_option
def plugins(as_json: bool, lang: str | None) -> None:
    """List plugins, their hooks and versions 列出插件."""
    lang = resolve(lang)
    host = get_host()
    # Build every registry so failures in any registration hook are listed below.
    host.kinds()
    host.exporters()
    host.channels()
    host.readers()
    info = plugin_info(host, lang)
    failures = [{"plugin": f.plugin, "zh": f.zh, "en": f.en, "message": f.message(lang)}
                for f in host.failures]
    if as_json:
        data = {"plugins": info, "failures": failures}
        click.echo(json.dumps(data, ensure_ascii=not can_encode(json_probe(data)), indent=2))
        return
    for row in info:
        tag = tr(lang, "plugins.builtin") if row["builtin"] else row["version"]
        click.echo(f"{row['name']}  ({tag})")
        for h in row["hooks"]:
            click.echo(f"    {h}")
        for o in row["provides"]:
            label = tr(lang, "describe.provides." + o["what"])
            click.echo(f"      {label} {o['name']}: {o['text']}")
    for f in host.failures:
        click.echo(tr(lang, "plugins.failed", text=f.message(lang)), err=True)


@cli.command(context_settings=CONTEXT, help="help.kinds")
@_json_flag
@_lang_option
def kinds(as_json: bool, lang: str | None) -> None:
    """List the requirement kinds and their parameters 列出要求類型."""
    import attrs

    lang = resolve(lang)
    reg = get_host().kinds()
    rows = [{"name": k.name, "title_zh": k.title_text("zh-Hant"), "title_en": k.title_text("en"),
             "title": k.title_text(lang), "plugin": reg.owner(k.name),
             "params": [f.name for f in attrs.fields(k.params)], "doc": (k.params.__doc__ or "").strip()}
            for k in reg.kinds()]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=not can_encode(json_probe(rows)), indent=2))
        return
    for r in rows:
        click.echo(f"{r['name']:<11} {r['title']}: {', '.join(r['params'])}")


@cli.command(context_settings=CONTEXT, help="help.schema")
@click.argument("which", type=click.Choice(["plan", "schedule", "report"]))
def schema(which: str) -> None:
    """Print the JSON Schema of plan, schedule or report files 輸出 JSON Schema."""
    from .schema import SCHEMAS

    data = SCHEMAS[which]()
    click.echo(json.dumps(data, ensure_ascii=not can_encode(json_probe(data)), indent=2))


# Commands that live in their own modules (reminders, drafting) join here.
# -- commands: begin
cli.add_lazy("remind", "masswork.remind_command:remind", "help.remind.short")
cli.add_lazy("draft", "masswork.draft.command:draft", "help.draft.short")
# -- commands: end


def _add_plugin_commands() -> None:
    host = get_host()
    for impl in host.pm.hook.masswork_register_commands.get_hookimpls():
        name = host.pm.get_name(impl.plugin) or "?"
        try:
            impl.function(cli=cli)
        except Exception as exc:  # noqa: BLE001 - a plugin's broken command must not break the CLI
            from .plugins import PluginFailure

            failure = Msg.of("plugins.register_commands_failed", error=repr(exc))
            host.failures.append(PluginFailure(name, msg=failure))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``masswork`` command."""
    setup_streams()
    cli.load_plugin_commands = _add_plugin_commands  # on demand (masswork.lazycli)
    cli.main(args=argv, prog_name="masswork")


if __name__ == "__main__":  # pragma: no cover
    main()
