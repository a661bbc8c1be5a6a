"""``deadline`` measured from another event (會後一週內報送, 收到通知後10個工作日內反饋),
through the public API: a plan written in TOML, judged by ``masswork.check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import masswork
from masswork import Status
from masswork.errors import InputError

D = dt.date

PLAN = """
id = "rel"
title = "相對期限"
year = 2014
start = "2014-03-01"
end = "2014-06-30"

[options]
working_days = {working}

[[activities]]
id = "動員大會"
name = "動員大會"

[[activities]]
id = "座談會"
name = "座談會"

[[documents]]
id = "總結"
name = "活動總結"

[[requirements]]
id = "r"
clause = "一"
kind = "deadline"
{rule}
"""

RULE = 'document = "總結"\naction = "any"\nafter_activity = "動員大會"\nlimit = "{limit}"'


def plan(rule: str, working: bool = False) -> masswork.Plan:
    return masswork.load_plan(tomllib.loads(PLAN.format(rule=rule, working=str(working).lower())))


def schedule(mobilize: list[dt.date], summary: list[dt.date]) -> masswork.Schedule:
    data = {"plan": "rel", "unit": "局",
            "events": [{"id": f"m{i}", "type": "動員大會", "start": d, "status": "held"}
                       for i, d in enumerate(mobilize)],
            "documents": [{"id": f"s{i}", "type": "總結", "drafted_on": d} for i, d in enumerate(summary)]}
    return masswork.load_schedule(data)


def finding(limit: str, mobilize: list[dt.date], summary: list[dt.date], as_of: dt.date | None = None,
            working: bool = False) -> masswork.Finding:
    p = plan(RULE.format(limit=limit), working)
    return masswork.check(p, schedule(mobilize, summary), as_of).finding("r")


def test_met_within_a_week_after_the_anchor_cites_both() -> None:
    f = finding("一週內", [D(2014, 3, 10)], [D(2014, 3, 17)])
    assert f.status is Status.MET
    assert f.evidence == ("m0", "s0")
    assert f.due == D(2014, 3, 17)


def test_late_is_unmet_even_before_the_campaign_ends() -> None:
    f = finding("一週內", [D(2014, 3, 10)], [D(2014, 3, 18)], as_of=D(2014, 3, 20))
    assert f.status is Status.UNMET
    assert f.evidence == ("m0", "s0")
    assert "2014-03-18" in f.message_en and "2014-03-17" in f.message_en


def test_before_the_anchor_is_unmet() -> None:
    f = finding("5日內", [D(2014, 3, 10)], [D(2014, 3, 8)])
    assert f.status is Status.UNMET


def test_missing_is_open_until_the_limit_then_overdue() -> None:
    assert finding("5日內", [D(2014, 3, 10)], [], as_of=D(2014, 3, 15)).status is Status.OPEN
    f = finding("5日內", [D(2014, 3, 10)], [], as_of=D(2014, 3, 16))
    assert f.status is Status.OVERDUE
    assert f.evidence == ("m0",) and f.due == D(2014, 3, 15)


def test_no_anchor_yet_is_open() -> None:
    f = finding("5日內", [], [], as_of=D(2014, 3, 16))
    assert f.status is Status.OPEN


def test_first_anchor_counts() -> None:
    # A second 動員大會 does not restart the clock.
    f = finding("5日內", [D(2014, 3, 10), D(2014, 4, 1)], [D(2014, 4, 2)])
    assert f.status is Status.UNMET


def test_working_days_skip_the_weekend() -> None:
    # Friday 7 March 2014: 5 working days later is Friday 14 March, not Wednesday 12 March.
    assert finding("5個工作日內", [D(2014, 3, 7)], [D(2014, 3, 14)], working=True).status is Status.MET
    assert finding("5個工作日內", [D(2014, 3, 7)], [D(2014, 3, 17)], working=True).status is Status.UNMET
    assert finding("5日內", [D(2014, 3, 7)], [D(2014, 3, 13)]).status is Status.UNMET


def test_describe_names_anchor_and_limit() -> None:
    p = plan(RULE.format(limit="一週內"))
    f = masswork.check(p, schedule([], [])).finding("r")
    assert "動員大會" in f.title_zh and "一週內" in f.title_zh
    assert f.title_en == "活動總結: within 1 week (一週內) after 動員大會"


@pytest.mark.parametrize(("rule", "key", "said"), [
    ('document = "總結"\nafter_activity = "動員大會"', "limit", "limit"),
    ('document = "總結"\nlimit = "一週內"', "after_activity", "一週內"),
    ('document = "總結"\nwithin = "3月底前"\nafter_activity = "動員大會"\nlimit = "一週內"', "within", "3月底前"),
    ('document = "總結"\nafter_activity = "動員大會"\nlimit = "不少於3天"', "limit", "不少於3天"),
])
def test_bad_relative_deadline_says_why_in_three_languages(rule: str, key: str, said: str) -> None:
    with pytest.raises(InputError) as err:
        plan(rule)
    problem = err.value.problems[0]
    assert "requirements" in str(problem.path) and key in problem.msg.render("en")
    texts = {lang: problem.msg.render(lang) for lang in ("en", "zh-Hant", "zh-Hans")}
    assert all(said in t for t in texts.values()), texts
    assert len(set(texts.values())) == 3, texts


def test_bad_limit_phrase_is_reported_at_its_key() -> None:
    with pytest.raises(InputError) as err:
        plan('document = "總結"\nafter_activity = "動員大會"\nlimit = "三月中旬"')
    assert any("limit" in str(p.path) for p in err.value.problems)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 20), st.integers(0, 20))
def test_a_later_anchor_never_changes_the_verdict(gap: int, later: int) -> None:
    # Only the first anchor occurrence counts: another held after it changes nothing.
    first = D(2014, 3, 10)
    summary = [first + dt.timedelta(days=gap)]
    a = finding("一週內", [first], summary)
    b = finding("一週內", [first, first + dt.timedelta(days=1 + later)], summary)
    assert (a.status, a.due) == (b.status, b.due)


def test_cli_says_the_bad_plan_and_exits_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from masswork.cli import cli

    bad = tmp_path / "plan.toml"
    bad.write_text(PLAN.format(rule='document = "總結"\nlimit = "一週內"', working="false"), encoding="utf-8")
    for lang, said in (("en", "give after_activity"), ("zh-Hans", "须给"), ("zh-Hant", "須給")):
        r = CliRunner().invoke(cli, ["explain", "--lang", lang, str(bad)])
        assert r.exit_code == 2 and "requirements[0]" in r.output and said in r.output, r.output
