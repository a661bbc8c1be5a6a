"""The reminders' config file (``masswork.toml``): ``[remind]``, ``[ledger]``, ``[calendar]`` and
``[channels.NAME]`` tables, read and checked with every problem's file and key path, and the
delivery targets built from it (secrets resolved from the environment, never from a file).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError, Problem, nearest
from ..i18n import Msg, normalize
from ..loaders import read_data
from ..plugins import get_host
from .builtin import REQUIRED, SECRETS, SETTINGS, URL_CHANNELS
from .dispatch import Target
from .redact import url_problem

__all__ = ["Config", "load_config", "build_targets", "selected_channels", "DEFAULT_CONFIG"]

DEFAULT_CONFIG = "masswork.toml"

_TOP_KEYS = ("remind", "ledger", "calendar", "channels")
_REMIND_KEYS = ("channels", "default_recipient", "lang")
_LEDGER_KEYS = ("path", "lease_seconds", "backoff_seconds", "backoff_max_seconds")
_COMMON_CHANNEL_KEYS = ("type", "enabled", "recipients")



@attrs.frozen
class Config:
    """The config file, read and checked (paths resolved against its folder)."""

    file: str | None = None
    remind: Mapping[str, Any] = attrs.field(factory=dict)
    ledger: Mapping[str, Any] = attrs.field(factory=dict)
    calendar: Mapping[str, Any] = attrs.field(factory=dict)
    channels: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)


def _problem(file: str | None, path: tuple[str | int, ...], code: str, params: Mapping[str, object] | None = None,
             **kw: Any) -> Problem:
    return Problem(path=path, file=file, msg=Msg.of(code, **(params or {})), **kw)


def _keys(known: Sequence[str]) -> Msg:
    return Msg.of("load.expected.keys", keys=", ".join(known))


def _unknown(data: Mapping[str, Any], known: Sequence[str], path: tuple[str | int, ...], file: str | None,
             out: list[Problem]) -> None:
    for key in data:
        if key not in known:
            out.append(_problem(file, path + (str(key),), "load.unknown_key", {"key": repr(key)},
                                expected=_keys(known), hint=nearest(str(key), known)))


def _table(data: Mapping[str, Any], key: str, file: str | None, out: list[Problem]) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        out.append(_problem(file, (key,), "remind.config.not_table", {"key": key}, expected=f"[{key}]"))
        return {}
    return value


# kind → the Python types that hold it; what is expected is "remind.config.type.<kind>".
_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str, "int": int, "number": (int, float), "bool": bool, "list": (list, str), "table": dict,
    "lang": str, "stream": str,
}


def _check_value(kind: str, value: Any) -> bool:
    tp = _TYPES[kind]
    if kind in ("int", "number") and isinstance(value, bool):
        return False
    if not isinstance(value, tp):
        return False
    if kind == "lang":
        from ..i18n import normalize

        return value == "both" or normalize(str(value)) is not None
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
    if "lang" in remind_t and not (isinstance(remind_t["lang"], str) and normalize(remind_t["lang"])):
        problems.append(Problem(path=("remind", "lang"), file=file,
                                msg=Msg.of("remind.config.lang", value=repr(remind_t["lang"])),
                                expected=Msg.of("remind.config.lang_expected")))
    if "default_recipient" in remind_t and not isinstance(remind_t["default_recipient"], str):
        problems.append(_problem(file, ("remind", "default_recipient"), "remind.config.not_string"))
    if "channels" in remind_t and not _check_value("list", remind_t["channels"]):
        problems.append(_problem(file, ("remind", "channels"), "remind.config.not_channel_list"))
    for key in ("lease_seconds", "backoff_seconds", "backoff_max_seconds"):
        if key in ledger_t and (not _check_value("number", ledger_t[key]) or ledger_t[key] < 0):
            problems.append(_problem(file, ("ledger", key), "remind.config.not_seconds"))
    if "path" in ledger_t:
        if not isinstance(ledger_t["path"], str) or not ledger_t["path"]:
            problems.append(_problem(file, ("ledger", "path"), "remind.config.not_path"))
        else:
            ledger_t["path"] = str(base / ledger_t["path"])
    if isinstance(calendar_t.get("override"), str):
        calendar_t["override"] = str(base / calendar_t["override"])
    registered = get_host().channels()
    channels: dict[str, Mapping[str, Any]] = {}
    for name, table in channels_t.items():
        path_: tuple[str | int, ...] = ("channels", str(name))
        if not isinstance(table, Mapping):
            problems.append(_problem(file, path_, "remind.config.channel_not_table", expected=f"[channels.{name}]"))
            continue
        ctype = table.get("type")
        if not isinstance(ctype, str) or ctype not in registered:
            problems.append(_problem(file, path_ + ("type",), "remind.config.unknown_type", {"type": repr(ctype)},
                                     expected=Msg.of("remind.config.expected.types", types=", ".join(sorted(registered))),
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
        out.append(_problem(file, path + ("enabled",), "remind.config.not_bool"))
    if "recipients" in table and not _check_value("list", table["recipients"]):
        out.append(_problem(file, path + ("recipients",), "remind.config.not_recipients"))
    spec = SETTINGS.get(ctype)
    for key, value in table.items():
        if key.endswith("_env") and key not in _COMMON_CHANNEL_KEYS:
            if not isinstance(value, str) or not value:
                out.append(_problem(file, path + (key,), "remind.config.not_env_name",
                                    expected=Msg.of("remind.config.expected.env_name", example="MASSWORK_SMTP_PASSWORD")))
            if spec is not None and key[:-4] not in spec:
                out.append(_problem(file, path + (key,), "load.unknown_key", {"key": repr(key)},
                                    expected=_keys([*_COMMON_CHANNEL_KEYS, *spec, *(k + "_env" for k in spec)])))
            continue
        if spec is None or key in _COMMON_CHANNEL_KEYS:
            continue
        if key in SECRETS.get(ctype, ()):
            out.append(_problem(file, path + (key,), "remind.config.secret_in_file", {"key": key},
                                expected=f"{key}_env"))
            continue
        if key not in spec:
            known = [*_COMMON_CHANNEL_KEYS, *spec, *(k + "_env" for k in spec)]
            out.append(_problem(file, path + (key,), "load.unknown_key", {"key": repr(key)},
                                expected=_keys(known), hint=nearest(key, known)))
            continue
        if not _check_value(spec[key], value):
            out.append(_problem(file, path + (key,), "remind.config.wrong_type",
                                expected=Msg.of(f"remind.config.type.{spec[key]}")))
    for key in REQUIRED.get(ctype, ()):
        if key not in table and f"{key}_env" not in table:
            out.append(_problem(file, path + (key,), "load.missing_key", {"key": repr(key)},
                                expected=f"{key}_env" if key in SECRETS.get(ctype, ()) else key))


def selected_channels(config: Config, wanted: Sequence[str]) -> list[str]:
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
        raise InputError(Problem(msg=Msg.of("remind.config.not_configured", name=repr(n)),
                                 path=("channels", n), file=config.file,
                                 expected=Msg.of("remind.config.expected.configured", names=", ".join(known), name=n),
                                 hint=nearest(n, known)))
    return names


def build_targets(config: Config, names: Sequence[str], *, json_output: bool = False,
                  environ: Mapping[str, str] | None = None, lenient: bool = False) -> tuple[list[Target], list[Msg]]:
    """The delivery targets for the named channels, secrets resolved from ``environ``. With
    ``lenient`` (dry runs) a missing variable is a warning, not an error. A URL with a space
    or control character inside is bad input, reported without the URL (it carries the
    token); white space around it is dropped."""
    env = os.environ if environ is None else environ
    registered = get_host().channels()
    targets: list[Target] = []
    warnings: list[Msg] = []
    problems: list[Problem] = []
    for name in names:
        table = dict(config.channels.get(name, {"type": name}))
        ctype = str(table.pop("type"))
        channel = registered[ctype]
        table.pop("enabled", None)
        recipients = tuple(table.pop("recipients", ()) or ())
        settings: dict[str, Any] = {}
        secrets: list[str] = []
        for key, value in table.items():
            if key.endswith("_env"):
                if value in env and env[value] != "":
                    settings[key[:-4]] = env[value]
                    secrets.append(env[value])
                elif lenient:
                    warnings.append(Msg.of("remind.config.env_unset_at", name=value, where=f"channels.{name}.{key}"))
                else:
                    problems.append(_problem(config.file, ("channels", name, key), "remind.config.env_unset",
                                             {"name": value}, expected=f"export {value}=…"))
            else:
                settings[key] = value
        if isinstance(settings.get("url"), str) and ctype in URL_CHANNELS:
            source = f"url_env = {table['url_env']!r}" if "url_env" in table else "url"
            settings["url"] = settings["url"].strip()  # a stray newline from `echo` or a paste
            bad = url_problem(settings["url"])
            if bad is not None:
                problems.append(Problem(path=("channels", name, "url_env" if "url_env" in table else "url"),
                                        file=config.file, msg=bad,
                                        expected=Msg.of("remind.config.expected.url", source=source)))
        if ctype == "console" and json_output:
            settings["stream"] = "stderr"  # keep standard output pure JSON
        targets.append(Target(name, channel.deliver, settings, recipients, tuple(secrets)))
    if problems:
        raise InputError(problems)
    return targets, warnings
