"""Tests for masswork.periods: calendar phrases ⇄ windows, durations and offsets."""

from __future__ import annotations

import calendar
import pickle
from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masswork.periods import (
    BOUNDS,
    UNITS,
    Duration,
    Offset,
    PhraseError,
    Window,
    add_duration,
    add_working_days,
    format_duration,
    format_offset,
    format_window,
    measure,
    months_between,
    normalize_phrase,
    parse_duration,
    parse_offset,
    parse_window,
    subtract_duration,
)

D = date
YEAR = 2014  # requirements.md: the three source plans resolve in 2014

# Traditional → Simplified for the characters the phrases use; written independently
# of the module's own table so that the test checks it.
T2S = str.maketrans(
    "於個後內週間屆會當號過兩時鐘頭約從議結現場為開來禮長滿餘",
    "于个后内周间届会当号过两时钟头约从议结现场为开来礼长满余",
)
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def simplified(text: str) -> str:
    return text.translate(T2S)


# ---------------------------------------------------------------------------
# requirements.md, "Calendar phrases in the sources", resolved in 2014
# ---------------------------------------------------------------------------

REQUIREMENTS_WINDOWS = [
    ("3月中旬", D(2014, 3, 11), D(2014, 3, 20)),
    ("4月上旬", D(2014, 4, 1), D(2014, 4, 10)),
    ("4月下旬", D(2014, 4, 21), D(2014, 4, 30)),
    ("2月底前", None, D(2014, 2, 28)),
    ("2月25日前", None, D(2014, 2, 25)),
    ("6月前", None, D(2014, 5, 31)),
]


@pytest.mark.parametrize(("text", "start", "end"), REQUIREMENTS_WINDOWS)
def test_requirements_calendar_windows(text: str, start: date | None, end: date | None) -> None:
    w = parse_window(text, YEAR)
    assert (w.start, w.end) == (start, end)
    assert w.phrase == text


def test_requirements_near_5_years() -> None:
    # 近5年內: within the 5 years before the campaign start.
    assert parse_duration("近5年內") == Duration(5, "year", "within")
    offset = parse_offset("近5年內")
    assert offset == Offset("before", Duration(5, "year", "within"))
    start = D(2014, 1, 20)
    assert offset.window(start) == Window(D(2009, 1, 20), start)
    assert offset.accepts(start, D(2010, 6, 1))
    assert not offset.accepts(start, D(2008, 12, 31))


def test_requirements_about_8_months() -> None:
    dur = parse_duration("8個月左右")
    assert dur == Duration(8, "month", "about")
    assert dur.accepts_span(D(2014, 1, 20), D(2014, 9, 20))
    assert dur.accepts(months_between(D(2014, 1, 20), D(2014, 8, 26)))  # ~7.2 months
    assert not dur.accepts_span(D(2014, 1, 20), D(2014, 11, 20))  # 10 months
    assert not dur.accepts_span(D(2014, 1, 20), D(2014, 7, 20))  # 6 months


def test_requirements_at_least_3_months() -> None:
    dur = parse_duration("不少於3個月")
    assert dur == Duration(3, "month", "at_least")
    assert dur.accepts_span(D(2014, 3, 1), D(2014, 6, 1))
    assert not dur.accepts_span(D(2014, 3, 1), D(2014, 5, 31))


def test_requirements_half_a_day_ahead() -> None:
    offset = parse_offset("提前半天")
    assert offset == Offset("before", Duration(Fraction(1, 2), "day", "at_least"))
    meeting = datetime(2014, 2, 24, 14, 0)
    assert offset.accepts(meeting, datetime(2014, 2, 24, 2, 0))
    assert not offset.accepts(meeting, datetime(2014, 2, 24, 9, 0))
    # With dates only, the day before is the latest day that is surely half a day ahead.
    assert offset.window(D(2014, 2, 24)) == Window(None, D(2014, 2, 23))


@pytest.mark.parametrize(("year", "last"), [(2014, 28), (2016, 29), (2000, 29), (1900, 28)])
def test_end_of_february_follows_leap_years(year: int, last: int) -> None:
    assert parse_window("2月底前", year) == Window(None, D(year, 2, last))


# ---------------------------------------------------------------------------
# The brief's phrase list
# ---------------------------------------------------------------------------

WINDOW_TABLE = [
    # 旬
    ("3月中旬", D(2014, 3, 11), D(2014, 3, 20)),
    ("四月中旬", D(2014, 4, 11), D(2014, 4, 20)),
    ("（四月中旬）", D(2014, 4, 11), D(2014, 4, 20)),
    ("(4月下旬)", D(2014, 4, 21), D(2014, 4, 30)),
    ("2月下旬", D(2014, 2, 21), D(2014, 2, 28)),
    ("3月上中旬", D(2014, 3, 1), D(2014, 3, 20)),
    ("3月中下旬", D(2014, 3, 11), D(2014, 3, 31)),
    ("十二月上旬", D(2014, 12, 1), D(2014, 12, 10)),
    # end of month
    ("2月底", None, D(2014, 2, 28)),
    ("2月末", None, D(2014, 2, 28)),
    ("(2月底前)", None, D(2014, 2, 28)),
    ("6月底前", None, D(2014, 6, 30)),
    # day with 前 / 後
    ("2月25日之前", None, D(2014, 2, 25)),
    ("2月25日以前", None, D(2014, 2, 25)),
    ("(2月25日前)", None, D(2014, 2, 25)),
    ("2月25日後", D(2014, 2, 25), None),
    ("2月25日之後", D(2014, 2, 25), None),
    ("2月25日以後", D(2014, 2, 25), None),
    ("3月5日起", D(2014, 3, 5), None),
    # month with 前 / 後
    ("6月之前", None, D(2014, 5, 31)),
    ("(6月前)", None, D(2014, 5, 31)),
    ("1月前", None, D(2013, 12, 31)),
    ("6月後", D(2014, 7, 1), None),
    ("6月起", D(2014, 6, 1), None),
    # one day
    ("2月24日", D(2014, 2, 24), D(2014, 2, 24)),
    ("2月24號", D(2014, 2, 24), D(2014, 2, 24)),
    ("二月二十四日", D(2014, 2, 24), D(2014, 2, 24)),
    ("3月三十一日", D(2014, 3, 31), D(2014, 3, 31)),
    ("2月廿四日", D(2014, 2, 24), D(2014, 2, 24)),
    # whole month
    ("3月份", D(2014, 3, 1), D(2014, 3, 31)),
    ("3月", D(2014, 3, 1), D(2014, 3, 31)),
    ("3月內", D(2014, 3, 1), D(2014, 3, 31)),
    # spans
    ("3月11日至20日", D(2014, 3, 11), D(2014, 3, 20)),
    ("3月11-20日", D(2014, 3, 11), D(2014, 3, 20)),
    ("3月11日至4月20日", D(2014, 3, 11), D(2014, 4, 20)),
    ("3月至5月", D(2014, 3, 1), D(2014, 5, 31)),
    ("2月24日-3月1日", D(2014, 2, 24), D(2014, 3, 1)),
    ("2月24日—3月1日", D(2014, 2, 24), D(2014, 3, 1)),
    ("2月24日～3月1日", D(2014, 2, 24), D(2014, 3, 1)),
    ("2月24日到3月1日", D(2014, 2, 24), D(2014, 3, 1)),
    ("3月中旬至4月上旬", D(2014, 3, 11), D(2014, 4, 10)),
    ("3月上旬至中旬", D(2014, 3, 1), D(2014, 3, 20)),
    ("從3月1日起至月底", D(2014, 3, 1), D(2014, 3, 31)),
    ("3月1日至3月20日止", D(2014, 3, 1), D(2014, 3, 20)),
    ("12月20日至1月10日", D(2014, 12, 20), D(2015, 1, 10)),
    ("2013年12月至2014年1月", D(2013, 12, 1), D(2014, 1, 31)),
    ("2014-03-11至2014-03-20", D(2014, 3, 11), D(2014, 3, 20)),
    ("2014-03-11-2014-03-20", D(2014, 3, 11), D(2014, 3, 20)),
    # full dates; a year in the phrase overrides the default
    ("2014年3月11日", D(2014, 3, 11), D(2014, 3, 11)),
    ("2013年3月11日", D(2013, 3, 11), D(2013, 3, 11)),
    ("2014-03-11", D(2014, 3, 11), D(2014, 3, 11)),
    ("2014/3/11", D(2014, 3, 11), D(2014, 3, 11)),
    ("2014.3.11", D(2014, 3, 11), D(2014, 3, 11)),
    ("２０１４年３月１１日", D(2014, 3, 11), D(2014, 3, 11)),
    ("二〇一四年三月十一日", D(2014, 3, 11), D(2014, 3, 11)),
    ("二零一三年十二月", D(2013, 12, 1), D(2013, 12, 31)),
    ("2014年3月", D(2014, 3, 1), D(2014, 3, 31)),
    ("2014-03", D(2014, 3, 1), D(2014, 3, 31)),
    # the year
    ("年內", D(2014, 1, 1), D(2014, 12, 31)),
    ("本年度", D(2014, 1, 1), D(2014, 12, 31)),
    ("2015年", D(2015, 1, 1), D(2015, 12, 31)),
    ("年底前", None, D(2014, 12, 31)),
    ("2015年底前", None, D(2015, 12, 31)),
    ("不限", None, None),
    # noise the parser ignores
    (" 3 月 中 旬 ", D(2014, 3, 11), D(2014, 3, 20)),
    ("【3月中旬】", D(2014, 3, 11), D(2014, 3, 20)),
    ("於3月中旬", D(2014, 3, 11), D(2014, 3, 20)),
    ("3月中旬。", D(2014, 3, 11), D(2014, 3, 20)),
]


@pytest.mark.parametrize(("text", "start", "end"), WINDOW_TABLE)
def test_window_table(text: str, start: date | None, end: date | None) -> None:
    assert parse_window(text, YEAR) == Window(start, end)


@pytest.mark.parametrize(("text", "start", "end"), WINDOW_TABLE)
def test_window_table_simplified(text: str, start: date | None, end: date | None) -> None:
    assert parse_window(simplified(text), YEAR) == Window(start, end)


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("2月30日", "30", "February 2014 has no day 30"),
        ("2014年2月29日", "29", "February 2014 has no day 29"),
        ("4月31日前", "31", "April 2014 has no day 31"),
        ("13月", "13", "no month 13"),
        ("0月", "0", "no month 0"),
        ("13月中旬", "13", "no month 13"),
        ("2月30日至3月5日", "30", "no day 30"),
        ("月底前", "缺少月份", "needs a month"),
        ("月底", "缺少月份", "needs a month"),
        ("25日前", "缺少月份", "needs a month"),
        ("中旬", "缺少月份", "needs a month"),
        ("3月中旬前", "歧義", "ambiguous"),
        ("3月中旬後", "歧義", "ambiguous"),
        ("3月20日至10日", "早於", "before it starts"),
        ("0年3月", "年份", "year 0"),
        ("1年1月前", "範圍", "range"),
        ("hello", "無法識別", "not a calendar phrase"),
        ("", "沒有", "empty"),
        ("()", "沒有", "empty"),
        ("年", "無法識別", "not a calendar phrase"),
        ("年前", "無法識別", "not a calendar phrase"),
        ("3月" * 40, "過長", "too long"),
    ],
)
def test_window_errors_are_bilingual(text: str, zh: str, en: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_window(text, YEAR)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.text == text
    assert zh in err.message_zh
    assert en in err.message_en
    assert err.expected and all(isinstance(x, str) for x in err.expected)
    assert err.message_zh in str(err) and err.message_en in str(err)


def test_unreadable_window_lists_accepted_forms() -> None:
    with pytest.raises(PhraseError) as info:
        parse_window("sometime soon", YEAR)
    assert any("3月中旬" in form for form in info.value.expected)
    assert any("2月底前" in form for form in info.value.expected)


def test_bad_year_argument() -> None:
    with pytest.raises(PhraseError):
        parse_window("3月中旬", 0)
    with pytest.raises(PhraseError):
        parse_window("3月中旬", 10000)


def test_phrase_error_pickles() -> None:
    err = PhraseError("x", "中", "en", ("a",))
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.text, copy.message_zh, copy.message_en, copy.expected) == ("x", "中", "en", ("a",))


# ---------------------------------------------------------------------------
# Window itself
# ---------------------------------------------------------------------------


def test_window_contains_and_str() -> None:
    w = Window(D(2014, 3, 11), D(2014, 3, 20), "3月中旬")
    assert w.contains(D(2014, 3, 11)) and w.contains(D(2014, 3, 20))
    assert not w.contains(D(2014, 3, 10)) and not w.contains(D(2014, 3, 21))
    assert w.contains(datetime(2014, 3, 20, 23, 59))
    assert D(2014, 3, 15) in w and "x" not in w
    assert str(w) == "2014-03-11..2014-03-20"
    assert str(Window(None, D(2014, 2, 25))) == "..2014-02-25"
    assert str(Window(D(2014, 2, 25), None)) == "2014-02-25.."
    assert Window(None, None).contains(D(1, 1, 1))


def test_window_phrase_is_not_compared() -> None:
    assert Window(D(2014, 3, 11), D(2014, 3, 20), "3月中旬") == Window(D(2014, 3, 11), D(2014, 3, 20))
    assert hash(Window(None, D(2014, 1, 1), "a")) == hash(Window(None, D(2014, 1, 1), "b"))


def test_window_validation() -> None:
    with pytest.raises(ValueError):
        Window(D(2014, 3, 20), D(2014, 3, 11))
    with pytest.raises(TypeError):
        Window(datetime(2014, 3, 1), None)


@pytest.mark.parametrize(
    ("window", "text"),
    [
        (Window(D(2014, 3, 11), D(2014, 3, 20)), "3月中旬"),
        (Window(None, D(2014, 2, 28)), "2月底前"),
        (Window(None, D(2014, 2, 25)), "2月25日前"),
        (Window(D(2014, 2, 26), None), "2月26日後"),
        (Window(D(2014, 2, 24), D(2014, 2, 24)), "2月24日"),
        (Window(D(2014, 3, 5), D(2014, 4, 2)), "3月5日至4月2日"),
        (Window(D(2014, 3, 5), D(2015, 4, 2)), "3月5日至2015年4月2日"),
        (Window(D(2014, 1, 1), D(2014, 12, 31)), "年內"),
        (Window(None, D(2014, 12, 31)), "年底前"),
        (Window(D(2014, 3, 1), D(2014, 5, 31)), "3月至5月"),
        (Window(D(2014, 3, 11), D(2014, 4, 10)), "3月中旬至4月上旬"),
        (Window(None, None), "不限"),
    ],
)
def test_format_window_with_default_year(window: Window, text: str) -> None:
    assert format_window(window, year=2014) == text
    assert format_window(window).startswith(("2014年", "不限"))


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

DURATION_TABLE = [
    ("8個月左右", Duration(8, "month", "about")),
    ("約8個月", Duration(8, "month", "about")),
    ("8個月的時間", Duration(8, "month")),
    ("大致8個月的時間", Duration(8, "month", "about")),
    ("不少於3個月", Duration(3, "month", "at_least")),
    ("不少于3个月", Duration(3, "month", "at_least")),
    ("至少3個月", Duration(3, "month", "at_least")),
    ("3個月以上", Duration(3, "month", "at_least")),
    ("三個月以上", Duration(3, "month", "at_least")),
    ("不超過2天", Duration(2, "day", "at_most")),
    ("最多2天", Duration(2, "day", "at_most")),
    ("最多兩天", Duration(2, "day", "at_most")),
    ("2天以下", Duration(2, "day", "at_most")),
    ("3天內", Duration(3, "day", "within")),
    ("3日內", Duration(3, "day", "within")),
    ("3個工作日內", Duration(3, "working_day", "within")),
    ("十個工作日以內", Duration(10, "working_day", "within")),
    ("半天", Duration(Fraction(1, 2), "day")),
    ("半日", Duration(Fraction(1, 2), "day")),
    ("12小時", Duration(12, "hour")),
    ("半小時", Duration(Fraction(1, 2), "hour")),
    ("一個半小時", Duration(Fraction(3, 2), "hour")),
    ("提前半天", Duration(Fraction(1, 2), "day", "at_least")),
    ("提前3天", Duration(3, "day", "at_least")),
    ("近5年", Duration(5, "year", "within")),
    ("近5年內", Duration(5, "year", "within")),
    ("半個月", Duration(Fraction(1, 2), "month")),
    ("半月", Duration(Fraction(1, 2), "month")),
    ("一個半月", Duration(Fraction(3, 2), "month")),
    ("兩個半月", Duration(Fraction(5, 2), "month")),
    ("半年", Duration(Fraction(1, 2), "year")),
    ("一年半", Duration(Fraction(3, 2), "year")),
    ("一天半", Duration(Fraction(3, 2), "day")),
    ("2週", Duration(2, "week")),
    ("兩個星期", Duration(2, "week")),
    ("整7天", Duration(7, "day", "exactly")),
    ("（3天內）", Duration(3, "day", "within")),
]


@pytest.mark.parametrize(("text", "expected"), DURATION_TABLE)
def test_duration_table(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected
    assert parse_duration(simplified(text)) == expected


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("3月", "calendar month"),
        ("3個天", "個"),
        ("至少3天左右", "contradict"),
        ("三天兩夜", "not a length"),
        ("", "not a length"),
        ("3", "not a length"),
    ],
)
def test_duration_errors(text: str, en: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_duration(text)
    assert en in info.value.message_en
    assert info.value.message_zh and info.value.expected


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (Duration(8, "month", "about"), "8個月左右"),
        (Duration(3, "month", "at_least"), "不少於3個月"),
        (Duration(2, "day", "at_most"), "不超過2天"),
        (Duration(3, "working_day", "within"), "3個工作日內"),
        (Duration(Fraction(1, 2), "day"), "半天"),
        (Duration(Fraction(1, 2), "month"), "半個月"),
        (Duration(Fraction(3, 2), "month"), "1個半月"),
        (Duration(Fraction(3, 2), "year"), "1年半"),
    ],
)
def test_format_duration(duration: Duration, text: str) -> None:
    assert format_duration(duration) == text
    assert str(duration) == text


def test_duration_validation() -> None:
    assert Duration(3, "month").amount == Fraction(3)
    assert Duration(3, "month").bound == "exactly"
    with pytest.raises(ValueError):
        Duration(Fraction(1, 3), "month")
    with pytest.raises(ValueError):
        Duration(Fraction(-1, 3), "day")
    with pytest.raises(ValueError):
        format_duration(Duration(-1, "day"))  # arithmetic shorthand only, no phrase
    with pytest.raises(ValueError):
        Offset("before", Duration(-1, "day"))
    with pytest.raises(ValueError):
        Duration(1, "fortnight")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Duration(1, "day", "roughly")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Duration(1.5, "day")  # type: ignore[arg-type]


def test_duration_accepts() -> None:
    assert Duration(8, "month", "about").accepts(9)
    assert not Duration(8, "month", "about").accepts(9.1)
    assert Duration(8, "month", "about").accepts(9.5, tolerance=Fraction(1, 4))
    assert Duration(3, "day", "at_most").accepts(3) and not Duration(3, "day", "at_most").accepts(3.5)
    assert Duration(3, "day", "within").accepts(0)
    assert Duration(7, "day", "exactly").accepts(7) and not Duration(7, "day").accepts(6)


def test_describe_en() -> None:
    assert Duration(8, "month", "about").describe_en() == "about 8 months"
    assert Duration(Fraction(1, 2), "day", "at_least").describe_en() == "at least half a day"
    assert Duration(1, "working_day", "within").describe_en() == "within 1 working day"
    assert parse_offset("提前半天").describe_en() == "at least half a day before"
    assert parse_offset("當天").describe_en() == "on the same day"
    assert parse_offset("間隔半個月").describe_en() == "at least half a month apart"


# ---------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------

OFFSET_TABLE = [
    ("會前7天", Offset("before", Duration(7, "day", "at_least"))),
    ("会前7天", Offset("before", Duration(7, "day", "at_least"))),
    ("提前3天", Offset("before", Duration(3, "day", "at_least"))),
    ("提前半天", Offset("before", Duration(Fraction(1, 2), "day", "at_least"))),
    ("會前3天內", Offset("before", Duration(3, "day", "within"))),
    ("會前", Offset("before")),
    ("會後", Offset("after")),
    ("会后", Offset("after")),
    ("會後3天", Offset("after", Duration(3, "day", "within"))),
    ("會後3天內", Offset("after", Duration(3, "day", "within"))),
    ("會後至少3天", Offset("after", Duration(3, "day", "at_least"))),
    ("會後3個工作日內", Offset("after", Duration(3, "working_day", "within"))),
    ("當天", Offset("same_day")),
    ("當日", Offset("same_day")),
    ("同日", Offset("same_day")),
    ("會上", Offset("same_day")),
    ("间隔半个月", Offset("interval", Duration(Fraction(1, 2), "month", "at_least"))),
    ("間隔半個月左右", Offset("interval", Duration(Fraction(1, 2), "month", "about"))),
    ("近5年內", Offset("before", Duration(5, "year", "within"))),
]


@pytest.mark.parametrize(("text", "expected"), OFFSET_TABLE)
def test_offset_table(text: str, expected: Offset) -> None:
    assert parse_offset(text) == expected
    assert parse_offset(simplified(text)) == expected


@pytest.mark.parametrize("text", ["明天", "間隔", "會前3月", "", "提前很久"])
def test_offset_errors(text: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_offset(text)
    assert info.value.message_zh and info.value.message_en and info.value.expected


def test_offset_validation() -> None:
    with pytest.raises(ValueError):
        Offset("same_day", Duration(1, "day"))
    with pytest.raises(ValueError):
        Offset("interval")
    with pytest.raises(ValueError):
        Offset("sideways")  # type: ignore[arg-type]


def test_offset_windows() -> None:
    meeting = D(2014, 2, 24)
    assert parse_offset("會前").window(meeting) == Window(None, meeting)
    assert parse_offset("會後").window(meeting) == Window(meeting, None)
    assert parse_offset("會上").window(meeting) == Window(meeting, meeting)
    assert parse_offset("會前7天").window(meeting) == Window(None, D(2014, 2, 17))
    assert parse_offset("會前3天內").window(meeting) == Window(D(2014, 2, 21), meeting)
    assert parse_offset("會後3天內").window(meeting) == Window(meeting, D(2014, 2, 27))
    assert parse_offset("會後至少3天").window(meeting) == Window(D(2014, 2, 27), None)
    assert parse_offset("會前整3天").window(meeting) == Window(D(2014, 2, 21), D(2014, 2, 21))
    assert parse_offset("會後8天左右").window(meeting) == Window(D(2014, 3, 3), D(2014, 3, 5))
    with pytest.raises(ValueError):
        parse_offset("間隔半個月").window(meeting)


def test_offset_working_days() -> None:
    offset = parse_offset("會後3個工作日內")
    # 2014-02-28 is a Friday: three working days later is Wednesday 5 March.
    assert offset.window(D(2014, 2, 28), working_day=lambda d: d.weekday() < 5) == Window(
        D(2014, 2, 28), D(2014, 3, 5)
    )
    with pytest.raises(ValueError):
        offset.window(D(2014, 2, 28))


def test_interval_offset_accepts_gaps() -> None:
    every_half_month = parse_offset("間隔半個月")
    assert every_half_month.accepts(D(2014, 3, 1), D(2014, 3, 17))
    assert not every_half_month.accepts(D(2014, 3, 1), D(2014, 3, 10))


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (Offset("before", Duration(7, "day", "at_least")), "提前7天"),
        (Offset("before", Duration(Fraction(1, 2), "day", "at_least")), "提前半天"),
        (Offset("after", Duration(3, "day", "within")), "會後3天內"),
        (Offset("same_day"), "當天"),
        (Offset("interval", Duration(Fraction(1, 2), "month", "at_least")), "間隔半個月"),
        (Offset("before"), "會前"),
    ],
)
def test_format_offset(offset: Offset, text: str) -> None:
    assert format_offset(offset) == text
    assert str(offset) == text


# ---------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------


def weekdays(d: date) -> bool:
    return d.weekday() < 5


# A sample holiday calendar with 調休: a week off, and a Sunday and a Saturday worked.
HOLIDAYS = {D(2014, 1, 31) + timedelta(days=k) for k in range(7)}
MAKEUP_DAYS = {D(2014, 1, 26), D(2014, 2, 8)}


def sample_calendar(d: date) -> bool:
    return d in MAKEUP_DAYS or (d.weekday() < 5 and d not in HOLIDAYS)


def test_add_duration_months_clip_to_month_end() -> None:
    assert add_duration(D(2014, 1, 31), Duration(1, "month")) == D(2014, 2, 28)
    assert add_duration(D(2016, 1, 31), Duration(1, "month")) == D(2016, 2, 29)
    assert add_duration(D(2014, 1, 20), Duration(8, "month", "about")) == D(2014, 9, 20)
    assert add_duration(D(2014, 3, 1), Duration(Fraction(1, 2), "year")) == D(2014, 9, 1)
    assert add_duration(D(2014, 3, 1), Duration(2, "year")) == D(2016, 3, 1)
    assert add_duration(D(2014, 3, 1), Duration(2, "week")) == D(2014, 3, 15)


def test_half_month_is_half_of_the_following_month() -> None:
    half = Duration(Fraction(1, 2), "month")
    assert add_duration(datetime(2014, 2, 1), half) == datetime(2014, 2, 15)
    assert add_duration(datetime(2014, 3, 1), half) == datetime(2014, 3, 16, 12)
    assert add_duration(D(2014, 3, 1), half) == D(2014, 3, 16)


def test_half_day() -> None:
    half = Duration(Fraction(1, 2), "day")
    assert add_duration(datetime(2014, 2, 24, 14), half) == datetime(2014, 2, 25, 2)
    assert subtract_duration(datetime(2014, 2, 24, 14), half) == datetime(2014, 2, 24, 2)
    assert add_duration(D(2014, 2, 24), half) == D(2014, 2, 24)
    assert subtract_duration(D(2014, 2, 24), half) == D(2014, 2, 23)
    assert add_duration(datetime(2014, 2, 24), Duration(Fraction(3, 2), "hour")) == datetime(2014, 2, 24, 1, 30)


@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(0, 60).map(lambda n: Fraction(n, 2)),
    st.sampled_from(["hour", "day", "week", "month", "year"]),
)
def test_negative_amount_adds_backward(start: datetime, amount: Fraction, unit: str) -> None:
    # Callers may negate a lead with attrs.evolve(d, amount=-d.amount) instead of subtracting.
    forward = Duration(amount, unit)  # type: ignore[arg-type]
    backward = Duration(-amount, unit)  # type: ignore[arg-type]
    assert add_duration(start, backward) == subtract_duration(start, forward)
    assert add_duration(start.date(), backward) == subtract_duration(start.date(), forward)


def test_working_days_need_a_calendar() -> None:
    with pytest.raises(ValueError):
        add_duration(D(2014, 2, 24), Duration(3, "working_day"))
    with pytest.raises(ValueError):
        measure(D(2014, 2, 24), D(2014, 3, 1), "working_day")
    with pytest.raises(ValueError):
        add_duration(D(2014, 2, 24), Duration(Fraction(1, 2), "working_day"), working_day=weekdays)
    assert add_duration(D(2014, 2, 28), Duration(3, "working_day"), working_day=weekdays) == D(2014, 3, 5)
    assert subtract_duration(D(2014, 3, 5), Duration(3, "working_day"), working_day=weekdays) == D(2014, 2, 28)


def test_add_working_days_with_makeup_days() -> None:
    assert add_working_days(D(2014, 1, 30), 1, sample_calendar) == D(2014, 2, 7)
    assert add_working_days(D(2014, 1, 30), 2, sample_calendar) == D(2014, 2, 8)  # a Saturday worked
    assert add_working_days(D(2014, 2, 7), -1, sample_calendar) == D(2014, 1, 30)
    assert add_working_days(D(2014, 1, 27), -1, sample_calendar) == D(2014, 1, 26)  # a Sunday worked
    assert add_working_days(D(2014, 2, 1), 0, sample_calendar) == D(2014, 2, 1)
    assert add_working_days(datetime(2014, 1, 30, 9), 1, sample_calendar) == datetime(2014, 2, 7, 9)
    with pytest.raises(ValueError):
        add_working_days(D(2014, 1, 1), 1, lambda d: False)


def test_measure_and_months_between() -> None:
    assert months_between(D(2014, 1, 15), D(2014, 9, 15)) == 8.0
    assert months_between(D(2014, 9, 15), D(2014, 1, 15)) == -8.0
    assert months_between(D(2014, 2, 1), D(2014, 2, 15)) == 0.5
    assert measure(D(2014, 1, 31), D(2014, 2, 28), "month") == 1
    assert measure(D(2014, 3, 1), D(2014, 3, 8), "day") == 7
    assert measure(D(2014, 3, 1), D(2014, 3, 8), "week") == 1
    assert measure(datetime(2014, 3, 1), datetime(2014, 3, 1, 12), "day") == Fraction(1, 2)
    assert measure(datetime(2014, 3, 1), datetime(2014, 3, 1, 12), "hour") == 12
    assert measure(D(2014, 1, 1), D(2019, 1, 1), "year") == 5
    assert measure(D(2014, 1, 30), D(2014, 2, 8), "working_day", working_day=sample_calendar) == 2
    assert measure(D(2014, 2, 8), D(2014, 1, 30), "working_day", working_day=sample_calendar) == -2


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

SOURCE_WINDOW_PHRASES = [
    "3月中旬",
    "2月24日",
    "(2月25日前)",
    "(2月底前)",
    "(3月中旬)",
    "(四月中旬)",
    "(4月上旬)",
    "4月下旬)",
    "(6月前)",
    "6月前",
]
SOURCE_DURATION_PHRASES = ["8個月的時間", "不少于3個月", "近5年內", "近5年", "8個月左右", "不少於3個月", "半天"]
SOURCE_OFFSET_PHRASES = ["提前半天", "會前", "會上", "會后", "近5年內", "會前7天", "會後3天內", "間隔半個月"]

ALL_WINDOW_PHRASES = SOURCE_WINDOW_PHRASES + [row[0] for row in WINDOW_TABLE]
ALL_DURATION_PHRASES = SOURCE_DURATION_PHRASES + [row[0] for row in DURATION_TABLE]
ALL_OFFSET_PHRASES = SOURCE_OFFSET_PHRASES + [row[0] for row in OFFSET_TABLE]

# Characters the grammar uses, so that random text reaches deep into the parsers.
GRAMMAR_ALPHABET = (
    "0123456789０１２３〇零一二兩两三四五六七八九十廿卅百半"
    "年月日號号旬上中下底末份度本今前後后之以內内起開始來至到止為-~—/.："
    "個个天小時时工作週周星期月左右約不少於于超過过最多近提會会當同間间隔整上"
    "()（）【】 \u3000"
)
years = st.integers(min_value=1, max_value=9999)


@st.composite
def calendar_dates(draw: st.DrawFn) -> date:
    """Dates that often sit on 旬, month and year boundaries, where formatting branches."""
    if draw(st.booleans()):
        return draw(st.dates())
    y = draw(years)
    m = draw(st.integers(1, 12))
    last = calendar.monthrange(y, m)[1]
    return D(y, m, draw(st.sampled_from([1, 10, 11, 20, 21, last])))


@st.composite
def windows(draw: st.DrawFn) -> Window:
    a = draw(st.none() | calendar_dates())
    b = draw(st.none() | calendar_dates())
    if a is not None and b is not None and a > b:
        a, b = b, a
    return Window(a, b)


durations = st.builds(
    Duration,
    amount=st.integers(0, 400).map(lambda n: Fraction(n, 2)),
    unit=st.sampled_from(UNITS),
    bound=st.sampled_from(BOUNDS),
)
offsets = st.one_of(
    st.just(Offset("same_day")),
    st.builds(Offset, direction=st.sampled_from(["before", "after"]), duration=st.none() | durations),
    st.builds(Offset, direction=st.just("interval"), duration=durations),
)


@given(windows(), years)
def test_format_then_parse_is_identity(w: Window, year: int) -> None:
    assert parse_window(format_window(w), year) == w


@given(windows(), st.data())
def test_format_with_year_then_parse_is_identity(w: Window, data: st.DataObject) -> None:
    candidates = [d.year for d in (w.start, w.end) if d is not None] or [YEAR]
    year = data.draw(st.sampled_from(candidates) | years)
    assert parse_window(format_window(w, year=year), year) == w


@given(st.text(max_size=40) | st.text(alphabet=GRAMMAR_ALPHABET, max_size=20), st.integers(-2, 10002))
@settings(max_examples=500)
def test_parse_window_raises_only_phrase_error(text: str, year: int) -> None:
    try:
        w = parse_window(text, year)
    except PhraseError as err:
        assert err.message_zh and err.message_en and err.expected
    else:
        assert isinstance(w, Window)
        assert parse_window(format_window(w), year) == w


@given(st.text(max_size=40) | st.text(alphabet=GRAMMAR_ALPHABET, max_size=16))
@settings(max_examples=300)
def test_parse_duration_and_offset_raise_only_phrase_error(text: str) -> None:
    try:
        duration = parse_duration(text)
    except PhraseError as err:
        assert err.message_zh and err.message_en and err.expected
    else:
        assert parse_duration(format_duration(duration)) == duration
    try:
        offset = parse_offset(text)
    except PhraseError as err:
        assert err.message_zh and err.message_en and err.expected
    else:
        assert parse_offset(format_offset(offset)) == offset


@given(durations)
def test_duration_round_trip(d: Duration) -> None:
    assert parse_duration(format_duration(d)) == d


@given(offsets)
def test_offset_round_trip(o: Offset) -> None:
    assert parse_offset(format_offset(o)) == o


@given(st.sampled_from(ALL_WINDOW_PHRASES), st.integers(1900, 2100))
def test_window_parse_format_parse_is_stable(text: str, year: int) -> None:
    first = parse_window(text, year)
    assert parse_window(format_window(first), year) == first
    assert parse_window(format_window(first, year=year), year) == first


@given(st.sampled_from(ALL_DURATION_PHRASES))
def test_duration_parse_format_parse_is_stable(text: str) -> None:
    first = parse_duration(text)
    assert parse_duration(format_duration(first)) == first


@given(st.sampled_from(ALL_OFFSET_PHRASES))
def test_offset_parse_format_parse_is_stable(text: str) -> None:
    first = parse_offset(text)
    assert parse_offset(format_offset(first)) == first


def mixed_script(text: str, choices: list[bool]) -> str:
    """Turn some characters Simplified and some digits full-width, as pasted text does."""
    out = []
    for ch, flip in zip(text, choices + [False] * len(text)):
        out.append(ch.translate(T2S).translate(FULL_WIDTH_DIGITS) if flip else ch)
    return "".join(out)


@given(st.sampled_from(ALL_WINDOW_PHRASES), st.lists(st.booleans(), max_size=30), years)
def test_traditional_and_simplified_windows_agree(text: str, flips: list[bool], year: int) -> None:
    try:
        expected: Window | str = parse_window(text, year)
    except PhraseError as err:  # e.g. 1月前 in year 1
        expected = type(err).__name__
    try:
        got: Window | str = parse_window(mixed_script(text, flips), year)
    except PhraseError as err:
        got = type(err).__name__
    assert got == expected


@given(st.sampled_from(ALL_DURATION_PHRASES + ALL_OFFSET_PHRASES), st.lists(st.booleans(), max_size=30))
def test_traditional_and_simplified_durations_and_offsets_agree(text: str, flips: list[bool]) -> None:
    mixed = mixed_script(text, flips)
    if text in ALL_DURATION_PHRASES:
        assert parse_duration(mixed) == parse_duration(text)
    if text in ALL_OFFSET_PHRASES:
        assert parse_offset(mixed) == parse_offset(text)


@given(years, st.integers(1, 12))
def test_xun_tile_the_month(year: int, month: int) -> None:
    thirds = [parse_window(f"{year}年{month}月{x}旬", YEAR) for x in "上中下"]
    whole = parse_window(f"{year}年{month}月", YEAR)
    assert thirds[0].start == whole.start
    assert thirds[-1].end == whole.end
    for earlier, later in zip(thirds, thirds[1:]):
        assert earlier.end is not None and later.start is not None
        assert later.start - earlier.end == timedelta(days=1)
    assert whole.start is not None and whole.end is not None
    for k in range((whole.end - whole.start).days + 1):
        day = whole.start + timedelta(days=k)
        assert sum(w.contains(day) for w in thirds) == 1


@given(st.sampled_from(SOURCE_WINDOW_PHRASES), st.integers(1900, 2100))
def test_whitespace_and_brackets_are_ignored(text: str, year: int) -> None:
    spaced = " ".join(text)
    assert parse_window(f"（{spaced}）", year) == parse_window(text, year)


@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(0, 240).map(lambda n: Fraction(n, 2)),
    st.sampled_from(["hour", "day", "week", "month", "year"]),
)
def test_measure_inverts_add_duration(start: datetime, amount: Fraction, unit: str) -> None:
    dur = Duration(amount, unit)  # type: ignore[arg-type]
    assert measure(start, add_duration(start, dur), dur.unit) == amount


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 1, 1)), st.integers(-40, 40))
def test_add_working_days_inverse(start: date, n: int) -> None:
    end = add_working_days(start, n, sample_calendar)
    assert measure(start, end, "working_day", working_day=sample_calendar) == n
    if n:
        assert sample_calendar(end)
    if sample_calendar(start):
        assert add_working_days(end, -n, sample_calendar) == start


def test_normalize_phrase() -> None:
    assert normalize_phrase(" （２月２５日之后） ") == "2月25日之後"
    assert normalize_phrase("3月11日～20日。") == "3月11日-20日"
