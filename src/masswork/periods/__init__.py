"""Calendar phrases ⇄ date windows, durations and offsets (日期短語 ⇄ 日期窗口、時長、相對時間).

Campaign plans (實施方案) state their schedule in words: ``3月中旬``, ``2月底前``,
``6月前``, ``8個月左右``, ``提前半天``.  This module turns such words into values a
rule engine can compute with, and back into canonical (Traditional) Chinese:

* :class:`Window` / :func:`parse_window` / :func:`format_window` — inclusive date windows;
* :class:`Duration` / :func:`parse_duration` / :func:`format_duration` — lengths with a
  bound (at least, about, at most, exactly, within);
* :class:`Offset` / :func:`parse_offset` / :func:`format_offset` — a window relative to an
  anchor event (會前7天, 會後3天內, 提前半天, 當天, 間隔半個月);
* :func:`add_duration`, :func:`subtract_duration`, :func:`add_working_days`,
  :func:`measure`, :func:`months_between` — the arithmetic behind them.

Every parser accepts Traditional and Simplified characters, Arabic, full-width and Chinese
numerals (一 … 十 … 三十一, 兩, 廿, 卅, 二〇一四), whitespace anywhere, surrounding
brackets (also a lone one left over from cutting the phrase out of a sentence) and
trailing punctuation.  Every parser raises only :class:`PhraseError` (a ``ValueError``)
for text it cannot read; the error says, in Chinese and English, what is wrong and which
forms are accepted.

Readings chosen where the words are ambiguous (see requirements.md, "Calendar phrases"):

* ``X日前`` is *on or before* day X; ``X日後`` is *on or after* day X (both include the
  named day: the day is the boundary and counts, so an event held the afternoon after a
  morning meeting on that day is not flagged).
* ``X月前`` is *before the 1st of month X* (the month is excluded); ``X月後`` is *after
  the last day of month X*.  ``X月底前`` / ``X月底`` / ``X月末`` is *on or before the last
  day of month X*; ``年底前`` likewise for 31 December and ``年內`` is the whole year.
* ``X月中旬前`` / ``X月中旬後`` are rejected as ambiguous (by the end of the 旬, or before
  it begins?): write ``3月20日前`` or ``3月10日前`` instead.
* ``半個月`` is half a *calendar* month: the amount is kept as ``Fraction(1, 2)`` month and
  :func:`add_duration` moves half way to the same day of the following month (14–15.5
  days), not a fixed 15 days.  ``半天`` is half a day, i.e. 12 hours; ``半年`` is 6 months.
* In an offset a bare count is read as a deadline, as notices do: ``會前7天`` / ``提前3天``
  is *at least* 7 / 3 days before; ``會後3天`` is *within* 3 days after; ``間隔半個月`` is
  *at least* half a month between consecutive events.

Modules (each one concern, found by name):

* ``units`` — the shared vocabulary (units, bounds, directions, tolerance);
* ``errors`` — :class:`PhraseError` and the accepted forms;
* ``normalize`` — canonical text and numerals;
* ``windows`` — :class:`Window`; ``parsing`` — phrase → window;
* ``durations`` — :class:`Duration` and its phrases; ``offsets`` — :class:`Offset`;
* ``formatting`` — values → canonical Chinese / English;
* ``arithmetic`` — adding and measuring; ``working_days`` — working-day steps and counts.
"""

from __future__ import annotations

from .arithmetic import add_duration, measure, months_between, subtract_duration
from .durations import Duration, parse_duration
from .errors import DURATION_FORMS, OFFSET_FORMS, WINDOW_FORMS, PhraseError
from .formatting import format_duration, format_offset, format_window
from .normalize import normalize_phrase
from .offsets import Offset, parse_offset
from .parsing import parse_window
from .units import ABOUT_TOLERANCE, BOUNDS, DIRECTIONS, UNITS, Bound, Direction, Unit
from .windows import Window
from .working_days import add_working_days, count_working_days

__all__ = [
    "ABOUT_TOLERANCE",
    "BOUNDS",
    "DURATION_FORMS",
    "DIRECTIONS",
    "OFFSET_FORMS",
    "UNITS",
    "WINDOW_FORMS",
    "Bound",
    "Direction",
    "Duration",
    "Offset",
    "PhraseError",
    "Unit",
    "Window",
    "add_duration",
    "add_working_days",
    "count_working_days",
    "format_duration",
    "format_offset",
    "format_window",
    "measure",
    "months_between",
    "normalize_phrase",
    "parse_duration",
    "parse_offset",
    "parse_window",
    "subtract_duration",
]
