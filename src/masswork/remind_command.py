"""``masswork remind``: compute the reminders due on a day and deliver each one once.

    masswork remind PLAN SCHEDULE [--as-of DATE] [--channel NAME ...] [--dry-run]
                    [--format text|json] [--config FILE] [--ledger FILE] [--lang zh|en]

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
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from .builtin.channels import REQUIRED, SECRETS, SETTINGS
from .errors import InputError, Problem, nearest
from .ledger import (
    DEFAULT_BACKOFF_MAX_SECONDS,
    DEFAULT_BACKOFF_SECONDS,
    DEFAULT_LEASE_SECONDS,
    Delivery,
    Ledger,
    Target,
    dispatch,
)
from .loaders import load_plan, load_schedule, read_data
from .options import parse_as_of
from .plugins import get_host
from .remind import Reminder, reminders

__all__ = ["remind", "Config", "load_config", "build_targets", "DEFAULT_CONFIG", "DEFAULT_LEDGER",
           "REMIND_FORMAT_VERSION"]

DEFAULT_CONFIG = "masswork.toml"
DEFAULT_LEDGER = ".masswork/ledger.sqlite"
REMIND_FORMAT_VERSION = 1

_TOP_KEYS = ("remind", "ledger", "calendar", "channels")
_REMIND_KEYS = ("channels", "default_recipient", "lang")
_LEDGER_KEYS = ("path", "lease_seconds", "backoff_seconds", "backoff_max_seconds")
_COMMON_CHANNEL_KEYS = ("type", "enabled", "recipients")
_STATE_ZH = {"sent": "已發送", "already-sent": "早前已發送", "failed": "發送失敗", "deferred": "待重試",
             "in-flight": "發送中", "dry-run": "將發送", "unrouted": "無渠道"}
_MARK = {"sent": "✔", "already-sent": "·", "failed": "✘", "deferred": "…", "in-flight": "…",
         "dry-run": "○", "unrouted": "?"}


@attrs.frozen
class Config:
    """The config file, read and checked (paths resolved against its folder)."""

    file: str | None = None
    remind: Mapping[str, Any] = attrs.field(factory=dict)
    ledger: Mapping[str, Any] = attrs.field(factory=dict)
    calendar: Mapping[str, Any] = attrs.field(factory=dict)
    channels: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)


def _problem(file: str | None, path: tuple[str | int, ...], zh: str, en: str, **kw: Any) -> Problem:
    return Problem(zh, en, path, file=file, **kw)


def _unknown(data: Mapping[str, Any], known: Sequence[str], path: tuple[str | int, ...], file: str | None,
             out: list[Problem]) -> None:
    for key in data:
        if key not in known:
            out.append(_problem(file, path + (str(key),), f"未知的鍵 {key!r}", f"unknown key {key!r}",
                                expected="one of 可用的鍵: " + ", ".join(known), hint=nearest(str(key), known)))


def _table(data: Mapping[str, Any], key: str, file: str | None, out: list[Problem]) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        out.append(_problem(file, (key,), f"{key} 應為表", f"{key} must be a table", expected=f"[{key}]"))
        return {}
    return value


_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "str": (str, "a string 字符串"),
    "int": (int, "an integer 整數"),
    "number": ((int, float), "a number 數字"),
    "bool": (bool, "true or false"),
    "list": ((list, str), "a list of strings 字符串列表"),
    "table": (dict, "a table 表"),
    "lang": (str, '"zh", "en" or "both"'),
    "stream": (str, '"stdout" or "stderr"'),
}


def _check_value(kind: str, value: Any) -> bool:
    tp, _ = _TYPES[kind]
    if kind in ("int", "number") and isinstance(value, bool):
        return False
    if not isinstance(value, tp):
        return False
    if kind == "lang":
        return value in ("zh", "en", "both")
    if kind == "stream":
        return value in ("stdout", "stderr")
    if kind == "list" and isinstance(value, list):
        return all(isinstance(x, str) for x in value)
    return True


def load_config(path: str | None) -> Config:
    """Read the config file (``None``: ``./masswork.toml`` if it exists, else no config).
    Every problem is reported with the file and key path; secrets are *not* resolved here."""
    if path is None:
        if not Path(DEFAULT_CONFIG).exists():
            return Config()
        path = DEFAULT_CONFIG
    data = read_data(path)
    file = str(path)
    base = Path(path).resolve().parent
    problems: list[Problem] = []
    _unknown(data, _TOP_KEYS, (), file, problems)
    remind_t = dict(_table(data, "remind", file, problems))
    ledger_t = dict(_table(data, "ledger", file, problems))
    calendar_t = dict(_table(data, "calendar", file, problems))
    channels_t = _table(data, "channels", file, problems)
    _unknown(remind_t, _REMIND_KEYS, ("remind",), file, problems)
    _unknown(ledger_t, _LEDGER_KEYS, ("ledger",), file, problems)
    if "lang" in remind_t and remind_t["lang"] not in ("zh", "en"):
        problems.append(_problem(file, ("remind", "lang"), "語言應為 zh 或 en", "lang must be zh or en",
                                 expected='"zh" or "en"'))
    if "default_recipient" in remind_t and not isinstance(remind_t["default_recipient"], str):
        problems.append(_problem(file, ("remind", "default_recipient"), "應為字符串", "must be a string"))
    if "channels" in remind_t and not _check_value("list", remind_t["channels"]):
        problems.append(_problem(file, ("remind", "channels"), "應為渠道名列表", "must be a list of channel names"))
    for key in ("lease_seconds", "backoff_seconds", "backoff_max_seconds"):
        if key in ledger_t and (not _check_value("number", ledger_t[key]) or ledger_t[key] < 0):
            problems.append(_problem(file, ("ledger", key), "應為非負數(秒)", "must be a non-negative number of seconds"))
    if "path" in ledger_t:
        if not isinstance(ledger_t["path"], str) or not ledger_t["path"]:
            problems.append(_problem(file, ("ledger", "path"), "應為文件路徑", "must be a file path"))
        else:
            ledger_t["path"] = str(base / ledger_t["path"])
    if isinstance(calendar_t.get("override"), str):
        calendar_t["override"] = str(base / calendar_t["override"])
    registered = get_host().channels()
    channels: dict[str, Mapping[str, Any]] = {}
    for name, table in channels_t.items():
        path_: tuple[str | int, ...] = ("channels", str(name))
        if not isinstance(table, Mapping):
            problems.append(_problem(file, path_, "渠道應為表", "a channel must be a table",
                                     expected=f"[channels.{name}]"))
            continue
        ctype = table.get("type")
        if not isinstance(ctype, str) or ctype not in registered:
            problems.append(_problem(file, path_ + ("type",), f"未知的渠道類型 {ctype!r}",
                                     f"unknown channel type {ctype!r}",
                                     expected="one of 可用類型: " + ", ".join(sorted(registered)),
                                     hint=nearest(str(ctype), registered) if isinstance(ctype, str) else None))
            continue
        _check_channel(str(name), ctype, table, file, problems)
        channels[str(name)] = dict(table)
    if problems:
        raise InputError(problems)
    return Config(file, remind_t, ledger_t, calendar_t, channels)


def _check_channel(name: str, ctype: str, table: Mapping[str, Any], file: str | None,
                   out: list[Problem]) -> None:
    path: tuple[str | int, ...] = ("channels", name)
    if "enabled" in table and not isinstance(table["enabled"], bool):
        out.append(_problem(file, path + ("enabled",), "應為 true 或 false", "must be true or false"))
    if "recipients" in table and not _check_value("list", table["recipients"]):
        out.append(_problem(file, path + ("recipients",), "應為接收人 id 列表", "must be a list of recipient ids"))
    spec = SETTINGS.get(ctype)
    for key, value in table.items():
        if key.endswith("_env") and key not in _COMMON_CHANNEL_KEYS:
            if not isinstance(value, str) or not value:
                out.append(_problem(file, path + (key,), "應為環境變量名", "must name an environment variable",
                                    expected='e.g. "MASSWORK_SMTP_PASSWORD"'))
            if spec is not None and key[:-4] not in spec:
                out.append(_problem(file, path + (key,), f"未知的鍵 {key!r}", f"unknown key {key!r}",
                                    expected="one of 可用的鍵: " + ", ".join(
                                        [*_COMMON_CHANNEL_KEYS, *spec, *(k + "_env" for k in spec)])))
            continue
        if spec is None or key in _COMMON_CHANNEL_KEYS:
            continue
        if key in SECRETS.get(ctype, ()):
            out.append(_problem(file, path + (key,), f"密鑰 {key} 只能來自環境變量,請寫 {key}_env = \"變量名\"",
                                f"the secret {key} may only come from an environment variable; write "
                                f"{key}_env = \"VARIABLE\"", expected=f"{key}_env"))
            continue
        if key not in spec:
            known = [*_COMMON_CHANNEL_KEYS, *spec, *(k + "_env" for k in spec)]
            out.append(_problem(file, path + (key,), f"未知的鍵 {key!r}", f"unknown key {key!r}",
                                expected="one of 可用的鍵: " + ", ".join(known), hint=nearest(key, known)))
            continue
        if not _check_value(spec[key], value):
            out.append(_problem(file, path + (key,), "取值類型不對", "wrong type of value",
                                expected=_TYPES[spec[key]][1]))
    for key in REQUIRED.get(ctype, ()):
        if key not in table and f"{key}_env" not in table:
            out.append(_problem(file, path + (key,), f"缺少必填的鍵 {key!r}", f"missing required key {key!r}",
                                expected=f"{key}_env" if key in SECRETS.get(ctype, ()) else key))


def _selected(config: Config, wanted: Sequence[str]) -> list[str]:
    registered = get_host().channels()
    if wanted:
        names = list(dict.fromkeys(wanted))
    elif config.remind.get("channels"):
        names = list(config.remind["channels"])
    else:
        names = [n for n, t in config.channels.items() if t.get("enabled", True)] or ["console"]
    for n in names:
        if n in config.channels:
            continue
        if n in registered and not REQUIRED.get(n) and n in SETTINGS:
            continue  # console needs no table
        known = sorted(set(config.channels) | {"console"})
        raise InputError(Problem(f"未配置的渠道 {n!r}", f"channel {n!r} is not configured",
                                 ("channels", n), file=config.file,
                                 expected="one of 已配置: " + ", ".join(known) + f"; or add [channels.{n}]",
                                 hint=nearest(n, known)))
    return names


def build_targets(config: Config, names: Sequence[str], *, json_output: bool = False,
                  environ: Mapping[str, str] | None = None, lenient: bool = False) -> tuple[list[Target], list[str]]:
    """The delivery targets for the named channels, secrets resolved from ``environ``. With
    ``lenient`` (dry runs) a missing variable is a warning, not an error."""
    env = os.environ if environ is None else environ
    registered = get_host().channels()
    targets: list[Target] = []
    warnings: list[str] = []
    problems: list[Problem] = []
    for name in names:
        table = dict(config.channels.get(name, {"type": name}))
        ctype = str(table.pop("type"))
        channel = registered[ctype]
        table.pop("enabled", None)
        recipients = tuple(table.pop("recipients", ()) or ())
        settings: dict[str, Any] = {}
        for key, value in table.items():
            if key.endswith("_env"):
                if value in env and env[value] != "":
                    settings[key[:-4]] = env[value]
                elif lenient:
                    warnings.append(f"環境變量 {value} 未設置 environment variable {value} is not set "
                                    f"(channels.{name}.{key})")
                else:
                    problems.append(_problem(config.file, ("channels", name, key),
                                             f"環境變量 {value} 未設置", f"environment variable {value} is not set",
                                             expected=f"export {value}=…"))
            else:
                settings[key] = value
        if ctype == "console" and json_output:
            settings["stream"] = "stderr"  # keep standard output pure JSON
        targets.append(Target(name, channel.deliver, settings, recipients))
    if problems:
        raise InputError(problems)
    return targets, warnings


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


@click.command("remind")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("schedule", type=click.Path(dir_okay=False))
@click.option("--as-of", "as_of", callback=parse_as_of, metavar="YYYY-MM-DD",
              help="The day to remind for (default: today) 提醒日期.")
@click.option("--channel", "channels", multiple=True, metavar="NAME",
              help="Deliver on this configured channel (repeatable; default: all enabled) 發送渠道.")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send and record nothing 只預覽.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help=f"Config file (default: ./{DEFAULT_CONFIG} if present) 配置文件.")
@click.option("--ledger", "ledger_path", type=click.Path(dir_okay=False),
              help=f"Delivery ledger (default: [ledger] path, else ./{DEFAULT_LEDGER}) 送達台賬.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the report 信息語言 (default: [remind] lang, else zh).")
def remind(plan: str, schedule: str, as_of: dt.date | None, channels: tuple[str, ...], dry_run: bool,
           fmt: str, config_path: str | None, ledger_path: str | None, lang: str | None) -> None:
    """Remind who must do what for PLAN, given SCHEDULE 按方案與台賬發送提醒.

    Each reminder (plan, requirement, recipient, due date, lead time, channel) is sent at
    most once; a failed one is retried on a later run. Exit 0 all delivered, 1 a delivery
    failed or waits for its retry, 2 bad input.
    """
    config = load_config(config_path)
    lang = lang or str(config.remind.get("lang", "zh"))
    day = as_of or dt.date.today()
    names = _selected(config, channels)
    targets, env_warnings = build_targets(config, names, json_output=fmt == "json", lenient=dry_run)
    host = get_host()
    calendar = host.calendar(dict(config.calendar))
    p = load_plan(plan)
    s = load_schedule(schedule, p)
    from .engine import check

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
        click.echo("警告 warning: " + failure.message(lang), err=True)
    for text in env_warnings:
        click.echo("警告 warning: " + text, err=True)
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
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(_render_text(p.title, p.id, day, rows, summary, dry_run, lang))
        # Events recorded as held after the day are not counted; listing each one here is noise.
        future = [n for n in report.warnings if n.code == "held-in-future"]
        for notice in report.warnings:
            if notice.code != "held-in-future":
                click.echo(("提示 " if lang == "zh" else "warning ") + notice.message(lang), err=True)
        if future:
            click.echo(f"提示 另有 {len(future)} 項活動記為已舉行但晚於 {day},未計入" if lang == "zh" else
                       f"warning {len(future)} events recorded as held after {day} were not counted", err=True)
    sys.exit(1 if pending and not dry_run else 0)


def _render_text(title: str, plan_id: str, day: dt.date, rows: list[dict[str, Any]], summary: Mapping[str, int],
                 dry_run: bool, lang: str) -> str:
    zh = lang == "zh"
    head = f"{title} ({plan_id})  " + ("提醒日期: " if zh else "reminders as of ") + day.isoformat()
    if dry_run:
        head += "  [試運行 dry run: 不發送、不記錄 nothing sent or recorded]"
    lines = [head, ""]
    if not rows:
        lines.append("今天沒有需要發送的提醒" if zh else "nothing to remind today")
    for row in rows:
        state = row["state"]
        label = _STATE_ZH[state] if zh else state
        lead = f"lead {row['lead']}{'wd' if row['lead_unit'] == 'working_day' else 'd'}" if row["lead"] is not None \
            else ("逾期" if zh else "overdue")
        lines.append(f"{_MARK[state]} {label:<6} {row['channel'] or '-':<10} [{row['clause']}] {row['requirement']} "
                     f"→ {row['recipient_name'] or row['recipient']}  {row['due']} ({lead})")
        if dry_run or state in ("failed", "unrouted") or row["channel"] != "console":
            lines.append(f"      {row['message']}")
        if row.get("error"):
            lines.append(f"      {'錯誤' if zh else 'error'}: {row['error']}")
    lines.append("")
    lines.append(("合計 " if zh else "Total ") + ", ".join(
        f"{_STATE_ZH[k] if zh else k} {v}" for k, v in summary.items()) if summary else
        ("合計 0" if zh else "Total 0"))
    return "\n".join(lines)
