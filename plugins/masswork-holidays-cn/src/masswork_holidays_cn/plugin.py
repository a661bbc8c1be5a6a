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
from masswork.i18n import Msg

from .calendar import CATALOGUE, ChineseCalendar, load_override

__all__ = ["masswork_working_day_calendar", "KNOWN_KEYS"]

KNOWN_KEYS = ("name", "override")


@hookimpl
def masswork_working_day_calendar(config: dict[str, Any]) -> ChineseCalendar | None:
    name = config.get("name", "cn")
    if name != "cn":
        return None
    bad = [k for k in config if k not in KNOWN_KEYS]
    if bad:
        raise InputError([Problem(msg=Msg.of("load.unknown_key", key=repr(k)), path=("calendar", k),
                                  expected=Msg.of("load.expected.keys", keys=", ".join(KNOWN_KEYS))) for k in bad])
    override = config.get("override")
    if override is None:
        return ChineseCalendar()
    if not isinstance(override, str) or not override:
        raise InputError(Problem(msg=CATALOGUE.msg("holidays.override_not_path"), path=("calendar", "override"),
                                 expected=CATALOGUE.msg("holidays.expected.override")))
    return ChineseCalendar(load_override(override))
