"""The ``masswork`` command line. Nothing imports this module; it imports everything.

Exit codes: 0 all well; 1 something is ``unmet`` or ``overdue`` (``check``) or a reminder
could not be delivered (``remind``); 2 bad input or a failing plugin, reported as one message
naming the file and line or key path — never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .engine import check as run_check
from .errors import ExportError, MassworkError
from .exporters import ExportInput
from .loaders import load_plan, load_schedule, write_atomic
from .model import Plan
from .options import LANG_META, as_of_option, lang_option
from .plugins import get_calendar, get_exporters, get_host, plugin_info
from .report import Report, Status
from .terminal import safe_for_terminal

_MARK = {Status.MET: "✔", Status.UNMET: "✘", Status.OVERDUE: "✘", Status.OPEN: "…", Status.WAIVED: "○"}


def _die(message: str, code: int = 2) -> NoReturn:
    click.echo(safe_for_terminal(message), err=True)
    sys.exit(code)


_lang_option = lang_option()
_as_of_option = as_of_option()


def _warn_plugin_failures() -> None:
    for failure in get_host().failures:
        click.echo("警告 warning: " + failure.message(), err=True)


_templates_option = click.option(
    "--templates", "templates", multiple=True, type=click.Path(file_okay=False),
    help="A folder `extends` may name plans in besides the plan's own (repeatable; default: "
         "MASSWORK_TEMPLATES) 模板目錄.")


def _load(plan_path: str, schedule_path: str | None, templates: tuple[str, ...] = ()) -> tuple[Plan, Any]:
    if not schedule_path:
        return load_plan(plan_path, templates=templates or None), None
    from .api import load_pair

    return load_pair(plan_path, schedule_path, on_read=_say_how_read, templates=templates or None)


def _say_how_read(read: Any) -> None:
    # TOML and JSON are masswork's own files; a table is worth a line on how it was read.
    if read.reader in ("toml", "json") and not read.notes:
        return
    click.echo(f"讀取 read: {read.describe()}", err=True)
    for zh, en in read.notes:
        click.echo(f"提示 note: {zh} / {en}", err=True)


def _report(plan: Plan, schedule: Any, as_of: dt.date | None) -> Report:
    from .api import check as api_check

    return api_check(plan, schedule, as_of, calendar=get_calendar())


class _Group(click.Group):
    """Turns every masswork error into a message and exit code 2, and anything unexpected
    into a short note asking for a bug report (MASSWORK_DEBUG=1 shows the traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MassworkError as exc:
            lang = _lang_from(ctx)
            _die("錯誤 error: " + exc.message(lang) if "\n" not in exc.message(lang)
                 else "錯誤 error:\n" + exc.message(lang))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _die("中斷 interrupted", 130)
        except BrokenPipeError:
            # `masswork explain plan.toml | head`: the reader left; say nothing more.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("MASSWORK_DEBUG"):
                traceback.print_exc()
            _die(f"內部錯誤 internal error: {exc!r}\n請報告此問題 please report this bug "
                 "(MASSWORK_DEBUG=1 shows the traceback)", 3)


def _lang_from(ctx: click.Context) -> str:
    # The subcommand's --lang, remembered in the shared context meta as it was parsed; else
    # read it from the command line (an error may come before the option is parsed).
    lang = ctx.meta.get(LANG_META)
    if lang in ("zh", "en"):
        return str(lang)
    args = sys.argv[1:]
    for i, a in enumerate(args[:-1]):
        if a == "--lang" and args[i + 1] in ("zh", "en"):
            return str(args[i + 1])
    return "zh"


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="masswork")
def cli() -> None:
    """masswork: check a campaign plan (實施方案) against a unit's schedule and record (台賬)."""


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("schedule", type=click.Path(dir_okay=False))
@_as_of_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_lang_option
@_templates_option
def check(plan: str, schedule: str, as_of: dt.date | None, fmt: str, lang: str, templates: tuple[str, ...]) -> None:
    """Which requirements of PLAN does SCHEDULE meet? 檢查台賬是否符合方案要求.

    Exit 0 when nothing is unmet or overdue, 1 when something is, 2 on bad input.
    """
    p, s = _load(plan, schedule, templates)
    report = _report(p, s, as_of)
    _warn_plugin_failures()
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2))
    else:
        click.echo(safe_for_terminal(render_text(report, lang)))
    sys.exit(0 if report.ok else 1)


def render_text(report: Report, lang: str) -> str:
    zh = lang == "zh"
    lines = [f"{report.plan_title} ({report.plan})",
             ("評估日期: " if zh else "As of: ") + (str(report.as_of) if report.as_of else
                                                  ("全程(按計劃執行)" if zh else "the whole schedule")), ""]
    for f in report.findings:
        status = f"{f.status.zh}" if zh else f.status.value
        mark = _MARK[f.status]
        if f.status.failing and f.severity == "warning":
            # Reported, but does not fail the check (exit code): say so where it is read.
            mark, status = "⚠", status + ("(提示級)" if zh else " (warning)")
        lines.append(f"{mark} {status:<7} [{f.clause}] {f.rule}: {f.message(lang)}")
        if f.evidence and f.status is not Status.MET:
            lines.append(f"      {'依據' if zh else 'evidence'}: {', '.join(f.evidence)}")
    counts = report.counts()
    lines.append("")
    lines.append(("合計 " if zh else "Total ") + ", ".join(
        f"{Status(k).zh if zh else k} {v}" for k, v in counts.items()))
    for pid, row in report.phase_completion().items():
        label = row["name"] or pid or ("未分環節" if zh else "no phase")
        lines.append(f"  {label}: {row['done']}/{row['total']}")
    for w in report.warnings:
        lines.append(("提示 " if zh else "warning ") + w.message(lang))
    return "\n".join(lines)


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@_lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_templates_option
def explain(plan: str, lang: str, fmt: str, templates: tuple[str, ...]) -> None:
    """Print PLAN's requirements as a checklist citing clauses 以清單列出方案要求."""
    from .kinds.scope import describe as describe_rule

    p = load_plan(plan, templates=templates or None)
    kinds = get_host().kinds()
    rows = []
    for r in p.requirements:
        zh, en = describe_rule(kinds.get(r.kind), r, p)
        rows.append({"rule": r.id, "clause": r.clause, "kind": r.kind, "phase": r.phase,
                     "quote": r.quote, "zh": r.title or zh, "en": r.title_en or en})
    if fmt == "json":
        click.echo(json.dumps({"plan": p.id, "title": p.title, "requirements": rows},
                              ensure_ascii=False, indent=2))
        return
    names, names_zh = p.names(lang), p.names()

    def echo(text: str) -> None:
        click.echo(safe_for_terminal(text))

    echo(f"{p.title} ({p.id})")
    if p.source:
        echo(("來源: " if lang == "zh" else "Source: ") + p.source)
    by_phase: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_phase.setdefault(row["phase"] or "", []).append(row)
    for phase, items in by_phase.items():
        echo("")
        if not phase:
            heading = "全程" if lang == "zh" else "Whole campaign (全程)"
        elif lang == "en" and names.get(phase) != names_zh.get(phase):
            heading = f"{names.get(phase)} ({names_zh.get(phase)})"  # the Chinese term beside the English
        else:
            heading = names.get(phase, phase)
        echo("## " + heading)
        for row in items:
            text = row["zh"] if lang == "zh" else row["en"]
            echo(f"- [ ] [{row['clause']}] {text}  ({row['kind']}, {row['rule']})")
            if row["quote"]:
                echo(f"      「{row['quote']}」")


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("schedule", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", required=True, help="Export format (see `masswork formats`) 導出格式.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout) 輸出文件.")
@_as_of_option
@_lang_option
@_templates_option
def export(plan: str, schedule: str, fmt: str, output: str | None, as_of: dt.date | None, lang: str,
           templates: tuple[str, ...]) -> None:
    """Export SCHEDULE and its check report in a format 導出台賬與檢查報告."""
    exporters = get_exporters()
    if fmt not in exporters:
        from .errors import nearest

        hint = nearest(fmt, exporters)
        _die(f"錯誤 error: 未知的格式 unknown format {fmt!r}; 可用 available: {', '.join(sorted(exporters))}"
             + (f"; 您是否想寫 did you mean {hint!r}" if hint else ""))
    p, s = _load(plan, schedule, templates)
    report = _report(p, s, as_of)
    exporter = exporters[fmt]
    owner = get_host().owner_of("format", fmt)
    try:
        data = exporter.export(ExportInput(p, s, report, lang, as_of))
    except MassworkError:
        raise
    except Exception as exc:  # noqa: BLE001 - a plugin's bug is named, and no file is written
        raise ExportError(owner, f"導出格式 {fmt} 出錯,未寫入文件: {exc!r}",
                          f"exporter {fmt} failed; no file written: {exc!r}") from exc
    if not isinstance(data, (bytes, bytearray)):
        raise ExportError(owner, f"導出格式 {fmt} 未返回 bytes", f"exporter {fmt} did not return bytes")
    _warn_plugin_failures()
    if output:
        write_atomic(Path(output), bytes(data))
        click.echo(f"已寫入 wrote {output} ({len(data)} bytes)", err=True)
    else:
        sys.stdout.buffer.write(bytes(data))
        sys.stdout.flush()


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def formats(as_json: bool) -> None:
    """List the export formats 列出導出格式."""
    host = get_host()
    rows = [{"name": e.name, "suffix": e.suffix, "plugin": host.owner_of("format", e.name),
             "description": e.description, "description_en": e.description_en}
            for e in sorted(get_exporters().values(), key=lambda e: e.name)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            click.echo(f"{r['name']:<14} {r['suffix']:<6} {r['description']} / {r['description_en']}  [{r['plugin']}]")
    _warn_plugin_failures()


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def plugins(as_json: bool) -> None:
    """List plugins, their hooks and versions 列出插件."""
    host = get_host()
    # Build every registry so failures in any registration hook are listed below.
    host.kinds()
    host.exporters()
    host.channels()
    host.readers()
    info = plugin_info(host)
    failures = [{"plugin": f.plugin, "zh": f.zh, "en": f.en} for f in host.failures]
    if as_json:
        click.echo(json.dumps({"plugins": info, "failures": failures}, ensure_ascii=False, indent=2))
        return
    for row in info:
        tag = "builtin 內置" if row["builtin"] else row["version"]
        click.echo(f"{row['name']}  ({tag})")
        for h in row["hooks"]:
            click.echo(f"    {h}")
    for f in host.failures:
        click.echo("失敗 failed: " + f.message(), err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def kinds(as_json: bool) -> None:
    """List the requirement kinds and their parameters 列出要求類型."""
    import attrs

    reg = get_host().kinds()
    rows = [{"name": k.name, "title_zh": k.title_zh, "title_en": k.title_en, "plugin": reg.owner(k.name),
             "params": [f.name for f in attrs.fields(k.params)], "doc": (k.params.__doc__ or "").strip()}
            for k in reg.kinds()]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['name']:<11} {r['title_zh']} / {r['title_en']}: {', '.join(r['params'])}")


@cli.command()
@click.argument("which", type=click.Choice(["plan", "schedule", "report"]))
def schema(which: str) -> None:
    """Print the JSON Schema of plan, schedule or report files 輸出 JSON Schema."""
    from .schema import SCHEMAS

    click.echo(json.dumps(SCHEMAS[which](), ensure_ascii=False, indent=2))


# Commands that live in their own modules (reminders, drafting) join here.
# -- commands: begin
from .remind_command import remind as _remind_cmd; cli.add_command(_remind_cmd)  # noqa: E402, E702
from .draft.command import draft as _draft_cmd; cli.add_command(_draft_cmd)  # noqa: E402, E702
# -- commands: end


def _add_plugin_commands() -> None:
    host = get_host()
    for impl in host.pm.hook.masswork_register_commands.get_hookimpls():
        name = host.pm.get_name(impl.plugin) or "?"
        try:
            impl.function(cli=cli)
        except Exception as exc:  # noqa: BLE001 - a plugin's broken command must not break the CLI
            from .plugins import PluginFailure

            host.failures.append(PluginFailure(name, f"註冊命令出錯: {exc!r}", f"register_commands failed: {exc!r}"))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``masswork`` command."""
    _add_plugin_commands()
    cli.main(args=argv, prog_name="masswork")


if __name__ == "__main__":  # pragma: no cover
    main()
