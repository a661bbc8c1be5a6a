"""The masswork plugin: answers ``masswork_working_day_calendar`` with the calendar of
mainland China (public holidays and 調休 working days).

The ``[calendar]`` table of masswork's config file may hold:

* ``override`` — a TOML file stating whole years of holidays and make-up working days
  (format: :mod:`masswork_holidays_cn.calendar`); relative paths are taken from the current
  directory unless masswork resolved them against the config file first;
* ``name`` — which calendar to use: ``"cn"`` (this one, the default) or another plugin's;
  any other name makes this plugin stand aside.
"""

from __future__ import annotations

from typing import Any

from masswork import hookimpl
from masswork.errors import InputError, Problem

from .calendar import ChineseCalendar, load_override

__all__ = ["masswork_working_day_calendar", "KNOWN_KEYS"]

KNOWN_KEYS = ("name", "override")


@hookimpl
def masswork_working_day_calendar(config: dict[str, Any]) -> ChineseCalendar | None:
    name = config.get("name", "cn")
    if name != "cn":
        return None
    bad = [k for k in config if k not in KNOWN_KEYS]
    if bad:
        raise InputError([Problem(f"未知的鍵 {k!r}", f"unknown key {k!r}", ("calendar", k),
                                  expected="one of 可用的鍵: " + ", ".join(KNOWN_KEYS)) for k in bad])
    override = config.get("override")
    if override is None:
        return ChineseCalendar()
    if not isinstance(override, str) or not override:
        raise InputError(Problem("override 應為文件路徑", "override must be a file path", ("calendar", "override"),
                                 expected='e.g. override = "holidays-2027.toml"'))
    return ChineseCalendar(load_override(override))
