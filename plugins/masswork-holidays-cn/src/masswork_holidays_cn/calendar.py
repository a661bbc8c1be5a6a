"""The working-day calendar of mainland China: official public holidays and the weekend days
that are working days (調休), from ``chinesecalendar``, with an optional override file for
years the library does not cover yet.

The State Council (國務院辦公廳) publishes next year's holiday schedule in late autumn; until a
``chinesecalendar`` release carries it, asking about that year raises
:class:`CalendarCoverageError` — never a silent Monday-to-Friday guess — unless an override
file states the year's holidays and make-up working days.

Override file (TOML)::

    # holidays-2027.toml: 國務院辦公廳關於2027年部分節假日安排的通知
    years = [2027]                 # the years this file states completely

    [[holidays]]                   # rest days (a single day or an inclusive range)
    name = "春節"
    name_en = "Spring Festival"
    start = 2027-02-06
    end = 2027-02-12               # optional; defaults to start

    [[workdays]]                   # weekend days that are working days (調休)
    date = 2027-02-14
    name = "春節"                  # optional: the holiday it makes up for

For a year listed in ``years`` the file is the whole truth and wins over ``chinesecalendar``:
listed holidays are rest days, listed workdays are working days, every other day is a working
day from Monday to Friday and a rest day on Saturday and Sunday.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import chinese_calendar  # type: ignore[import-untyped]

from masswork.errors import InputError, MassworkError, Problem
from masswork.i18n import Catalogue, Msg

CATALOGUE = Catalogue("masswork_holidays_cn")
"""The plugin's words (``locale/*/LC_MESSAGES/masswork_holidays_cn.po``), codes ``holidays.*``."""

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]

__all__ = [
    "HOLIDAY_NAMES",
    "CalendarCoverageError",
    "ChineseCalendar",
    "Override",
    "load_override",
    "library_years",
]

#: chinesecalendar's English holiday names → "中文 English" as masswork shows them.
HOLIDAY_NAMES: dict[str, tuple[str, str]] = {
    "New Year's Day": ("元旦", "New Year's Day"),
    "Spring Festival": ("春節", "Spring Festival"),
    "Tomb-sweeping Day": ("清明節", "Qingming Festival"),
    "Labour Day": ("勞動節", "Labour Day"),
    "Dragon Boat Festival": ("端午節", "Dragon Boat Festival"),
    "National Day": ("國慶節", "National Day"),
    "Mid-autumn Festival": ("中秋節", "Mid-Autumn Festival"),
    "Anti-Fascist 70th Day": ("抗戰勝利70週年紀念日", "Victory Day (70th anniversary)"),
}


def _label(zh: str, en: str) -> str:
    return f"{zh} {en}".strip() if en and en != zh else zh


def _library_label(english: str) -> str:
    zh, en = HOLIDAY_NAMES.get(english, (english, ""))
    if not en:
        for member in chinese_calendar.Holiday:
            if member.value == english:
                zh, en = str(member.chinese), english
                break
    return _label(zh, en)


def library_years() -> tuple[int, int]:
    """The first and last year ``chinesecalendar`` covers."""
    years = [d.year for d in chinese_calendar.holidays] + [d.year for d in chinese_calendar.workdays]
    return min(years), max(years)


class CalendarCoverageError(MassworkError):
    """A day in a year neither ``chinesecalendar`` nor the override file covers."""

    def __init__(self, year: int, override: str | None = None) -> None:
        self.year = year
        first, last = library_years()
        where = (CATALOGUE.msg("holidays.override_lacks_year", file=override) if override
                 else CATALOGUE.msg("holidays.no_override"))
        self.msg = CATALOGUE.msg("holidays.coverage", year=year, first=first, last=last, where=where)
        self.zh, self.en = self.msg.render("zh-Hant"), self.msg.render("en")
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return self.msg.render(lang)


@attrs.frozen
class Override:
    """A user's statement of whole years: rest days with their names, and make-up working days."""

    years: frozenset[int]
    holidays: Mapping[dt.date, str] = attrs.field(factory=dict)
    workdays: Mapping[dt.date, str] = attrs.field(factory=dict)
    file: str | None = None

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


_HOLIDAY_KEYS = ("name", "name_en", "start", "end")
_WORKDAY_KEYS = ("date", "name", "name_en")
_TOP_KEYS = ("years", "holidays", "workdays")


def _unknown(table: Mapping[str, Any], known: Sequence[str], path: tuple[str | int, ...],
             file: str, out: list[Problem]) -> None:
    for key in table:
        if key not in known:
            out.append(Problem(msg=Msg.of("load.unknown_key", key=repr(key)), path=path + (str(key),), file=file,
                               expected=Msg.of("load.expected.keys", keys=", ".join(known))))


def override_from_dict(data: Mapping[str, Any], file: str = "<override>") -> Override:
    """Build an :class:`Override` from parsed TOML; every problem is reported with its key path."""
    problems: list[Problem] = []
    _unknown(data, _TOP_KEYS, (), file, problems)
    raw_years = data.get("years")
    years: set[int] = set()
    if not isinstance(raw_years, list) or not raw_years or not all(
            isinstance(y, int) and not isinstance(y, bool) and 1900 < y < 2200 for y in raw_years):
        problems.append(Problem(msg=CATALOGUE.msg("holidays.years"), path=("years",), file=file,
                                expected=CATALOGUE.msg("holidays.expected.years")))
    else:
        years = set(raw_years)
    holidays: dict[dt.date, str] = {}
    workdays: dict[dt.date, str] = {}

    def in_years(day: dt.date, path: tuple[str | int, ...]) -> bool:
        if years and day.year not in years:
            problems.append(Problem(msg=CATALOGUE.msg("holidays.outside_years", day=day), path=path, file=file,
                                    expected=CATALOGUE.msg("holidays.expected.listed_years",
                                                           years=", ".join(str(y) for y in sorted(years)))))
            return False
        return True

    for kind, keys in (("holidays", _HOLIDAY_KEYS), ("workdays", _WORKDAY_KEYS)):
        items = data.get(kind, [])
        if not isinstance(items, list):
            problems.append(Problem(msg=CATALOGUE.msg("holidays.not_array", kind=kind), path=(kind,),
                                    file=file, expected=f"[[{kind}]]"))
            continue
        for i, item in enumerate(items):
            path: tuple[str | int, ...] = (kind, i)
            if not isinstance(item, Mapping):
                problems.append(Problem(msg=CATALOGUE.msg("holidays.not_table"), path=path, file=file,
                                        expected=f"[[{kind}]]"))
                continue
            _unknown(item, keys, path, file, problems)
            name = item.get("name", "")
            name_en = item.get("name_en", "")
            if not isinstance(name, str) or not isinstance(name_en, str):
                problems.append(Problem(msg=CATALOGUE.msg("holidays.names"), path=path, file=file))
                continue
            label = _label(name, name_en)
            if kind == "holidays":
                start = _date(item.get("start"))
                end = _date(item.get("end", item.get("start")))
                if start is None or end is None:
                    bad = "start" if start is None else "end"
                    problems.append(Problem(msg=CATALOGUE.msg("holidays.not_a_date", key=bad), path=path + (bad,),
                                            file=file, expected=CATALOGUE.msg("holidays.expected.date",
                                                                              example="2027-02-06")))
                    continue
                if not name:
                    problems.append(Problem(msg=CATALOGUE.msg("holidays.no_name"), path=path + ("name",),
                                            file=file, expected=CATALOGUE.msg("holidays.expected.name")))
                    continue
                if end < start:
                    problems.append(Problem(msg=CATALOGUE.msg("holidays.end_before_start"), path=path + ("end",),
                                            file=file))
                    continue
                day = start
                while day <= end:
                    if in_years(day, path):
                        holidays[day] = label
                    day += dt.timedelta(days=1)
            else:
                day_ = _date(item.get("date"))
                if day_ is None:
                    problems.append(Problem(msg=CATALOGUE.msg("holidays.not_a_date", key="date"),
                                            path=path + ("date",), file=file,
                                            expected=CATALOGUE.msg("holidays.expected.date", example="2027-02-14")))
                    continue
                if in_years(day_, path + ("date",)):
                    workdays[day_] = label
    both = sorted(set(holidays) & set(workdays))
    if both:
        problems.append(Problem(msg=CATALOGUE.msg("holidays.both", day=both[0]), path=("workdays",), file=file))
    if problems:
        raise InputError(problems)
    return Override(frozenset(years), holidays, workdays, file)


def load_override(path: str | Path) -> Override:
    """Read an override file (see the module docstring for its format)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(Problem(msg=CATALOGUE.msg("holidays.file_missing"), file=str(p))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Problem(msg=CATALOGUE.msg("holidays.unreadable", error=exc), file=str(p))) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(Problem(msg=Msg.of("load.syntax", format="TOML", error=exc), file=str(p))) from None
    return override_from_dict(data, str(p))


# chinesecalendar checks each date against its whole table (a min and a max over every
# holiday); a batch asks about the same few hundred days for every unit, so answers are kept.
@functools.lru_cache(maxsize=8192)
def _library_workday(day: dt.date) -> bool:
    return bool(chinese_calendar.is_workday(day))


@functools.lru_cache(maxsize=8192)
def _library_holiday(day: dt.date) -> tuple[bool, str | None]:
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    return bool(on_holiday), (str(name) if name else None)


class ChineseCalendar:
    """Working days in mainland China (中國大陸法定節假日與調休).

    ``is_working_day`` and ``holiday`` raise :class:`CalendarCoverageError` for a year that
    neither the override file nor ``chinesecalendar`` covers.
    """

    name = "cn"

    def __init__(self, override: Override | None = None) -> None:
        self.override = override

    def _check(self, day: dt.date) -> None:
        try:
            _library_workday(day)
        except NotImplementedError:
            raise CalendarCoverageError(day.year, self.override.file if self.override else None) from None

    def is_working_day(self, day: dt.date) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        if self.override is not None and self.override.covers(day):
            return self.override.is_working_day(day)
        self._check(day)
        return _library_workday(day)

    def holiday(self, day: dt.date) -> str | None:
        """The public holiday ``day`` is a rest day of (``"清明節 Qingming Festival"``); None for
        a working day or an ordinary weekend."""
        if isinstance(day, dt.datetime):
            day = day.date()
        if self.override is not None and self.override.covers(day):
            if self.override.is_working_day(day):
                return None
            return self.override.holidays.get(day)
        self._check(day)
        on_holiday, name = _library_holiday(day)
        if not on_holiday or not name:
            return None
        return _library_label(str(name))

    def makeup(self, day: dt.date) -> str | None:
        """For a weekend day that is a working day (調休): the holiday it makes up for
        (``"勞動節 Labour Day"``, or ``""`` when the override file does not say); else None."""
        if isinstance(day, dt.datetime):
            day = day.date()
        if day.weekday() < 5 or not self.is_working_day(day):
            return None
        if self.override is not None and self.override.covers(day):
            return self.override.workdays.get(day, "")
        _, name = chinese_calendar.get_holiday_detail(day)
        return _library_label(str(name)) if name else ""
