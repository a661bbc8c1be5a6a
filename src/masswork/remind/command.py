"""``masswork remind``: compute the reminders due on a day and deliver each one once.

    masswork remind PLAN SCHEDULE [--as-of DATE] [--channel NAME ...] [--dry-run]
                    [--format text|json] [--config FILE] [--ledger FILE] [--lang zh-Hans|zh-Hant|en]
                    [--max-bytes SIZE] [--max-events N] [--no-limits]

Channels, the ledger and the working-day calendar are set in a config file (``--config``,
default ``./masswork.toml`` when present; format in ``docs/reminders.md``). Secrets come only
from environment variables named by ``*_env`` keys; a plan file has no such keys (the plan
loader rejects unknown keys).

Exit codes: 0 every due reminder is delivered (now or by an earlier run), or a dry run;
1 some delivery failed or waits for its retry (it stays pending in the ledger); 2 bad input
(the message names the file and key path).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Mapping
from typing import Any

import attrs
import click

from ..loaders import load_plan, load_schedule
from ..helptext import HelpCommand, option
from ..readers import read_schedule
from ..mapping_option import mapping_option
from ..i18n import normalize, resolve, tr
from ..limit_options import current_limits, limits_options
from ..options import lang_option, parse_as_of
from ..plugins import get_host
from .compute import Reminder, reminders
from .config import DEFAULT_CONFIG, Config, build_targets, load_config, selected_channels
from .dispatch import Delivery, dispatch
from .ledger import DEFAULT_BACKOFF_MAX_SECONDS, DEFAULT_BACKOFF_SECONDS, DEFAULT_LEASE_SECONDS, Ledger
from .render import BOTH, clean

__all__ = ["remind", "Config", "load_config", "build_targets", "DEFAULT_CONFIG", "DEFAULT_LEDGER",
           "REMIND_FORMAT_VERSION"]

DEFAULT_LEDGER = ".masswork/ledger.sqlite"
REMIND_FORMAT_VERSION = 1
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_STATE_ZH = {"sent": "已發送", "already-sent": "早前已發送", "failed": "發送失敗", "deferred": "待重試",
             "in-flight": "發送中", "dry-run": "將發送", "unrouted": "無渠道"}
_MARK = {"sent": "✔", "already-sent": "·", "failed": "✘", "deferred": "…", "in-flight": "…",
         "dry-run": "○", "unrouted": "?"}


def _row(d: Delivery | None, r: Reminder, lang: str) -> dict[str, Any]:
    row = r.to_dict(lang)
    if d is None:
        row.update(channel=None, delivered=False, state="unrouted", error=None, attempts=0)
        return row
    row.update(channel=d.channel, delivered=d.delivered, state=d.state, error=d.error, attempts=d.attempts,
               uncertain=d.uncertain,
               next_attempt=(dt.datetime.fromtimestamp(d.next_attempt).isoformat(timespec="seconds")
                             if d.next_attempt is not None and d.pending else None))
    return row


@click.command("remind", cls=HelpCommand, help="help.remind", short_help="help.remind.short")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("schedule", type=click.Path(dir_okay=False))
@option("--as-of", "as_of", callback=parse_as_of, metavar="YYYY-MM-DD", help="help.remind.as_of")
@option("--channel", "channels", multiple=True, metavar="NAME", help="help.remind.channel")
@option("--dry-run", is_flag=True, help="help.remind.dry_run")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help="help.remind.format")
@option("--config", "config_path", type=click.Path(dir_okay=False), help="help.remind.config",
        help_params={"config": DEFAULT_CONFIG})
@option("--ledger", "ledger_path", type=click.Path(dir_okay=False), help="help.remind.ledger",
        help_params={"ledger": DEFAULT_LEDGER})
@lang_option()
@mapping_option()
@limits_options  # --max-bytes, --max-events, --no-limits, as check/explain/export have
def remind(plan: str, schedule: str, as_of: dt.date | None, channels: tuple[str, ...], dry_run: bool,
           fmt: str, config_path: str | None, ledger_path: str | None, lang: str | None,
           mapping: Any = None) -> None:
    """Remind who must do what for PLAN, given SCHEDULE 按方案與台賬發送提醒.

    Each reminder (plan, requirement, recipient, due date, lead time, channel) is sent at
    most once; a failed one is retried on a later run. Exit 0 all delivered, 1 a delivery
    failed or waits for its retry, 2 bad input.
    """
    config = load_config(config_path)
    day = as_of or dt.date.today()
    names = selected_channels(config, channels)
    targets, env_warnings = build_targets(config, names, json_output=fmt == "json", lenient=dry_run)
    host = get_host()
    calendar = host.calendar(dict(config.calendar))
    limits = current_limits()
    p = load_plan(plan, limits=limits)
    s = (load_schedule(schedule, p, limits=limits) if mapping is None
         else read_schedule(schedule, p, mapping=mapping, limits=limits).schedule)
    # The language, as `check --lang` chooses it (masswork.i18n.resolve): --lang, else
    # [remind] lang, else MASSWORK_LANG and the locale, else the plan's own script. What a
    # channel sends: --lang, else the channel's own lang, else the same choice.
    fallback = resolve(str(config.remind.get("lang", "")) or None,
                       plan_text=p.title + "".join(r.quote for r in p.requirements[:20]))
    chosen = bool(lang)
    lang = normalize(lang) if lang else fallback
    assert lang is not None  # --lang's callback rejects a tag naming no language
    targets = [attrs.evolve(t, settings={**t.settings, "lang": lang} if chosen else {"lang": fallback, **t.settings})
               for t in targets]
    both = [t.name for t in targets if t.settings.get("lang") == BOTH]
    if both:
        click.echo(tr(lang, "cli.warning", text=tr(lang, "remind.both_deprecated", channels=", ".join(both))),
                   err=True)
    from ..engine import check

    report = check(p, s, day, calendar=calendar)
    due = reminders(p, s, day, calendar=calendar, report=report,
                    recipient=config.remind.get("default_recipient"))
    lpath = ledger_path or config.ledger.get("path") or DEFAULT_LEDGER
    lkw: dict[str, Any] = dict(
        lease_seconds=float(config.ledger.get("lease_seconds", DEFAULT_LEASE_SECONDS)),
        backoff_seconds=float(config.ledger.get("backoff_seconds", DEFAULT_BACKOFF_SECONDS)),
        backoff_max_seconds=float(config.ledger.get("backoff_max_seconds", DEFAULT_BACKOFF_MAX_SECONDS)))
    ledger = Ledger.open_existing(lpath, **lkw) if dry_run else Ledger(lpath, **lkw)
    try:
        deliveries = dispatch(due, targets, ledger, dry_run=dry_run)
    finally:
        if ledger is not None:
            ledger.close()
    for failure in host.failures:
        click.echo(tr(lang, "cli.warning", text=failure.message(lang)), err=True)
    for text in env_warnings:
        click.echo(tr(lang, "cli.warning", text=text), err=True)
    by_reminder: dict[tuple[str, ...], list[Delivery]] = {}
    for d in deliveries:
        by_reminder.setdefault(d.reminder.key, []).append(d)
    rows: list[dict[str, Any]] = []
    for r in due:
        ds = by_reminder.get(r.key)
        if not ds:
            rows.append(_row(None, r, lang))
        else:
            rows.extend(_row(d, r, lang) for d in ds)
    pending = [d for d in deliveries if d.pending]
    summary = {state: sum(1 for row in rows if row["state"] == state) for state in _STATE_ZH}
    summary = {k: v for k, v in summary.items() if v}
    if fmt == "json":
        out = {
            "format": REMIND_FORMAT_VERSION,
            "plan": p.id,
            "plan_title": p.title,
            "as_of": day.isoformat(),
            "dry_run": dry_run,
            "channels": list(names),
            "calendar": getattr(calendar, "name", ""),
            "reminders": rows,
            "summary": {"reminders": len(due), "deliveries": len(rows), **summary},
            "warnings": [w.to_dict(lang) for w in report.warnings],
        }
        # JSON escapes control characters itself; a lone surrogate it would pass on raw
        click.echo(_SURROGATE.sub("\ufffd", json.dumps(out, ensure_ascii=False, indent=2)))
    else:
        # plan text on a terminal: no escape sequence, bidi override or stray carriage return
        click.echo("\n".join(clean(line) for line in _render_text(p.title, p.id, day, rows, summary, dry_run,
                                                                  lang).split("\n")))
        # Events recorded as held after the day are not counted; listing each one here is noise.
        future = [n for n in report.warnings if n.code == "held-in-future"]
        for notice in report.warnings:
            if notice.code != "held-in-future":
                click.echo(tr(lang, "check.notice", text=notice.message(lang)), err=True)
        if future:
            click.echo(tr(lang, "remind.future_not_counted", n=len(future), day=day), err=True)
    sys.exit(1 if pending and not dry_run else 0)


def _render_text(title: str, plan_id: str, day: dt.date, rows: list[dict[str, Any]], summary: Mapping[str, int],
                 dry_run: bool, lang: str) -> str:
    head = f"{title} ({plan_id})  " + tr(lang, "remind.as_of", day=day)
    if dry_run:
        head += "  " + tr(lang, "remind.dry_run")
    lines = [head, ""]
    if not rows:
        lines.append(tr(lang, "remind.nothing"))
    for row in rows:
        state = row["state"]
        label = tr(lang, "remind.state." + state)
        lead = (tr(lang, "remind.lead_wd" if row["lead_unit"] == "working_day" else "remind.lead_d", n=row["lead"])
                if row["lead"] is not None else tr(lang, "status.overdue"))
        lines.append(f"{_MARK[state]} {label:<6} {row['channel'] or '-':<10} [{row['clause']}] {row['requirement']} "
                     f"→ {row['recipient_name'] or row['recipient']}  {row['due']} ({lead})")
        if dry_run or state in ("failed", "unrouted") or row["channel"] != "console":
            lines.append(f"      {row['message']}")
        if row.get("error"):
            lines.append("      " + tr(lang, "cli.error", text=row["error"]))
    lines.append("")
    lines.append(tr(lang, "check.total", counts=tuple(
        tr(lang, "check.count", status=tr(lang, "remind.state." + k), n=v) for k, v in summary.items()) or ("0",)))
    return "\n".join(lines)
