"""``quantity`` with a ``measure``: amounts recorded on events and documents (words, people
present, shares), their drafting, their checking and their errors — through the public API
and the CLI. Every sentence and plan here was written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import masswork
from masswork.cli import cli
from masswork.draft import draft_text

PLAN = '''id = "q"
title = "計量測試"
year = 2024
[[roles]]
id = "member"
name = "黨員"
{people}
[[activities]]
id = "meeting"
name = "支部黨員大會"
[[documents]]
id = "essay"
name = "心得體會"
[[requirements]]
id = "R1"
clause = "1"
kind = "quantity"
{rule}
'''


def _plan(tmp: Path, rule: str, people: int = 0) -> Path:
    ppl = "".join(f'[[people]]\nid = "p{i}"\nname = "黨員{i}"\nroles = ["member"]\n' for i in range(people))
    p = tmp / "plan.toml"
    p.write_text(PLAN.format(rule=rule, people=ppl), encoding="utf-8")
    return p


def _sched(tmp: Path, body: str) -> Path:
    s = tmp / "schedule.toml"
    s.write_text('plan = "q"\n' + body, encoding="utf-8")
    return s


def _status(tmp: Path, rule: str, body: str, people: int = 0) -> tuple[str, Any]:
    plan = masswork.load_plan(_plan(tmp, rule, people))
    sched = masswork.load_schedule(_sched(tmp, body), plan=plan) if body else masswork.load_schedule(
        _sched(tmp, ""), plan=plan)
    f = masswork.check(plan, sched).findings[0]
    return f.status.value, f


ESSAY = 'document = "essay"\nmeasure = "words"\neach = true\nmin = 3000\nunit = "字"\n'


def test_each_document_has_its_words(tmp_path: Path) -> None:
    body = '[[documents]]\nid = "d1"\ntype = "essay"\namounts = { words = 3200 }\n' \
           '[[documents]]\nid = "d2"\ntype = "essay"\namounts = { words = 2100 }\n'
    status, f = _status(tmp_path, ESSAY, body)
    assert status == "unmet"
    assert [(s.subject, s.code, s.have) for s in f.shortfall] == [("d2", "quantity.short", 2100.0)]
    assert f.evidence == ("d1", "d2")


def test_an_amount_not_recorded_is_said(tmp_path: Path) -> None:
    status, f = _status(tmp_path, ESSAY, '[[documents]]\nid = "d1"\ntype = "essay"\n')
    assert status == "unmet" and f.shortfall[0].code == "quantity.unrecorded"


def test_at_most_is_a_ceiling(tmp_path: Path) -> None:
    rule = 'document = "essay"\nmeasure = "words"\neach = true\nmin = 0\nmax = 5000\nunit = "字"\n'
    body = '[[documents]]\nid = "d1"\ntype = "essay"\namounts = { words = 5200 }\n'
    status, f = _status(tmp_path, rule, body)
    assert status == "unmet" and f.shortfall[0].code == "quantity.over"
    assert f.shortfall[0].params["max"] == 5000


def test_a_quorum_is_a_share_of_those_expected(tmp_path: Path) -> None:
    rule = 'activity = "meeting"\nmeasure = "attendees"\nof = "expected"\neach = true\nmin = 66.67\nunit = "%"\n'
    ok = '[[events]]\nid = "e1"\ntype = "meeting"\nstart = 2024-03-01\namounts = { attendees = 21, expected = 30 }\n'
    assert _status(tmp_path, rule, ok)[0] == "met"
    low = ok.replace("attendees = 21", "attendees = 19")
    status, f = _status(tmp_path, rule, low)
    assert status == "unmet" and f.shortfall[0].have == pytest.approx(63.33)


def test_attendees_not_recorded_are_counted_from_the_list(tmp_path: Path) -> None:
    rule = 'activity = "meeting"\nmeasure = "attendees"\neach = true\nmin = 3\nunit = "人"\n'
    body = '[[events]]\nid = "e1"\ntype = "meeting"\nstart = 2024-03-01\nattendees = ["p0", "p1", "p2"]\n'
    assert _status(tmp_path, rule, body, people=3)[0] == "met"
    assert _status(tmp_path, rule, body.replace(', "p2"', ""), people=3)[0] == "unmet"


def test_summed_share_and_no_events(tmp_path: Path) -> None:
    rule = 'activity = "meeting"\nmeasure = "share"\nmin = 90\nunit = "%"\n'
    assert _status(tmp_path, rule, "")[0] == "unmet"  # nothing recorded: 0 of at least 90
    each = 'activity = "meeting"\nmeasure = "attendees"\neach = true\nmin = 6\nunit = "人"\n'
    assert _status(tmp_path, each, "")[0] == "met"  # no meeting held broke the rule on each one


def test_old_hour_rules_read_as_before(tmp_path: Path) -> None:
    rule = 'activity = "meeting"\nmin = 4\n'
    body = '[[events]]\nid = "e1"\ntype = "meeting"\nstart = 2024-03-01\nhours = 4\n'
    status, f = _status(tmp_path, rule, body)
    assert status == "met" and f.kind == "quantity"


@settings(max_examples=40, deadline=None)
@given(amounts=st.lists(st.integers(0, 10_000), min_size=1, max_size=5), low=st.integers(0, 10_000),
       extra=st.integers(0, 5_000), which=st.integers(0, 4))
@example(amounts=[0], low=0, extra=0, which=0)
@example(amounts=[2999, 3000], low=3000, extra=1, which=0)
def test_more_words_never_turn_met_unmet(tmp_path_factory: Any, amounts: list[int], low: int,
                                         extra: int, which: int) -> None:
    """Without a ``max``, raising a recorded amount or lowering ``min`` never breaks a met rule;
    with only a ``max``, lowering an amount never does."""
    tmp = tmp_path_factory.mktemp("mono")

    def body(vals: list[int]) -> str:
        return "".join(f'[[documents]]\nid = "d{i}"\ntype = "essay"\namounts = {{ words = {v} }}\n'
                       for i, v in enumerate(vals))

    raised = list(amounts)
    raised[which % len(raised)] += extra
    for each in ("true", "false"):
        rule = f'document = "essay"\nmeasure = "words"\neach = {each}\nmin = {low}\nunit = "字"\n'
        before = _status(tmp, rule, body(amounts))[0]
        if before == "met":
            assert _status(tmp, rule, body(raised))[0] == "met"
            looser = rule.replace(f"min = {low}", f"min = {max(0, low - extra)}")
            assert _status(tmp, looser, body(amounts))[0] == "met"
        ceiling = f'document = "essay"\nmeasure = "words"\neach = {each}\nmin = 0\nmax = {low}\nunit = "字"\n'
        if _status(tmp, ceiling, body(raised))[0] == "met":
            assert _status(tmp, ceiling, body(amounts))[0] == "met"


@pytest.mark.parametrize("rule, words", [
    ('activity = "meeting"\nmin = 1\nmax = 3\n', {"en": "only for a quantity with a measure",
                                                   "zh-Hant": "只用於有 measure", "zh-Hans": "只用于有 measure"}),
    ('activity = "meeting"\nmeasure = "1x"\nmin = 1\n', {"en": "is not a measure name", "zh-Hant": "不是計量名稱",
                                                         "zh-Hans": "不是计量名称"}),
    ('document = "essay"\nmeasure = "words"\nmin = 5\nmax = 2\n', {"en": "max 2 is below min 5",
                                                                   "zh-Hant": "小於", "zh-Hans": "小于"}),
    ('activity = "meeting"\nmeasure = "words"\nof = "words"\nmin = 5\n', {"en": "is the measure itself",
                                                                        "zh-Hant": "就是計量本身", "zh-Hans": "就是计量本身"}),
    ('activity = "meeting"\nmeasure = "words"\nper = "member"\nmin = 5\n', {"en": "cannot have per",
                                                                          "zh-Hant": "不能有 per", "zh-Hans": "不能有 per"}),
])
def test_bad_values_are_exit_2_in_three_languages(tmp_path: Path, rule: str, words: dict[str, str]) -> None:
    plan = _plan(tmp_path, rule)
    for lang, said in words.items():
        r = CliRunner().invoke(cli, ["explain", str(plan), "--lang", lang])
        assert r.exit_code == 2, r.output
        assert "Traceback" not in r.output and said in r.output, r.output
        assert "requirements[0]" in r.output or "R1" in r.output or "plan.toml" in r.output


def test_a_negative_amount_in_a_schedule_is_exit_2(tmp_path: Path) -> None:
    plan = _plan(tmp_path, ESSAY)
    sched = _sched(tmp_path, '[[documents]]\nid = "d1"\ntype = "essay"\namounts = { words = -3 }\n')
    r = CliRunner().invoke(cli, ["check", str(plan), str(sched), "--lang", "en"])
    assert r.exit_code == 2 and "Traceback" not in r.output and "amounts" in r.output, r.output


# ---------------------------------------------------------------- drafting

def _drafted(body: str) -> list[dict[str, Any]]:
    out = []
    for d in draft_text("一、工作安排\n(一)" + body, year=2024):
        for r in d.requirements:
            if r.kind == "quantity":
                out.append(dict(r.to_dict().get("params", {})))
    return out


@pytest.mark.parametrize("body, want", [
    ("每名黨員撰寫讀書心得,不少於2000字。", {"measure": "words", "min": 2000.0, "each": True}),
    ("調研報告篇幅控制在8000字以內。", {"measure": "words", "min": 0.0, "max": 8000.0}),
    ("發言提綱不超過1500字。", {"measure": "words", "max": 1500.0}),
    ("支部委員會每次參加人數不少於5人。", {"measure": "attendees", "min": 5.0, "each": True}),
    ("支部黨員大會須有半數以上黨員到會。", {"measure": "attendees", "of": "expected", "min": 50.0}),
    ("表決時應有三分之二以上正式黨員出席。", {"measure": "attendees", "of": "expected", "min": 66.67}),
    ("青年黨員參學率達到95%以上。", {"measure": "attendees", "of": "expected", "min": 95.0}),
    ("評為不合格的比例不超過10%。", {"measure": "share", "max": 10.0}),
    ("問卷覆蓋率100%。", {"measure": "share", "min": 100.0}),
    ("心得体会不少于一千五百字。", {"measure": "words", "min": 1500.0}),
])
def test_amounts_are_drafted_as_measured_quantities(body: str, want: dict[str, Any]) -> None:
    got = _drafted(body)
    assert got and all(got[0].get(k) == v for k, v in want.items()), got


@pytest.mark.parametrize("body", [
    "牢記“八個字”的要求。",       # a motto's length
    "各支部推薦不少於3人作為候選人。",  # people named, not present
])
def test_what_is_not_a_measured_amount(body: str) -> None:
    assert not any("measure" in p for p in _drafted(body)), _drafted(body)


def test_a_measured_draft_loads_explains_and_checks(tmp_path: Path) -> None:
    src = tmp_path / "plan.txt"
    src.write_text("一、工作安排\n(一)每名黨員撰寫心得體會,不少於3000字。\n(二)支部黨員大會須有半數以上黨員到會。\n"
                   "(三)優秀比例不超過20%。\n", encoding="utf-8")
    out = tmp_path / "plan.toml"
    runner = CliRunner()
    r = runner.invoke(cli, ["draft", str(src), "-o", str(out), "--year", "2024"])
    assert r.exit_code == 0, r.output
    plan = masswork.load_plan(out)
    measured = [r for r in plan.requirements if r.kind == "quantity" and r.params.measure]
    assert len(measured) >= 2, plan.requirements
    for lang in ("en", "zh-Hans", "zh-Hant"):
        r = runner.invoke(cli, ["explain", str(out), "--lang", lang])
        assert r.exit_code == 0 and "Traceback" not in r.output, r.output
    sched = tmp_path / "schedule.toml"
    sched.write_text(f'plan = "{plan.id}"\n', encoding="utf-8")
    r = runner.invoke(cli, ["check", str(out), str(sched), "--as-of", dt.date(2024, 12, 1).isoformat()])
    assert r.exit_code in (0, 1), r.output


def test_a_ledger_table_records_amounts_in_columns(tmp_path: Path) -> None:
    rule = 'activity = "meeting"\nmeasure = "attendees"\nof = "expected"\neach = true\nmin = 50\nunit = "%"\n'
    plan = _plan(tmp_path, rule)
    table = tmp_path / "ledger.csv"
    table.write_text("日期,類型,名稱,實到人數,應到人數\n2024-03-01,支部黨員大會,三月,21,30\n"
                     "2024-04-01,支部黨員大會,四月,12,30\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", str(plan), str(table), "--lang", "en"])
    assert r.exit_code == 1 and "四月" in r.output, r.output
    table.write_text("日期,類型,名稱,實到人數\n2024-03-01,支部黨員大會,三月,many\n", encoding="utf-8")
    for lang, said in (("en", "is not a number"), ("zh-Hant", "不是數量"), ("zh-Hans", "不是数量")):
        r = CliRunner().invoke(cli, ["check", str(plan), str(table), "--lang", lang])
        assert r.exit_code == 2 and said in r.output and "Traceback" not in r.output, r.output
