"""The family recognisers (masswork.draft.families): prose ids, one phrase per row, logic
words, noise, the year, linear reading, and any text at all drafting a plan that loads.

Every text here was written for these tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import masswork
from masswork.cli import cli
from masswork.draft import draft_text, guess_year
from masswork.draft.families import FAMILIES, all_rows
from masswork.draft.noise import clean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def kinds_of(text: str, year: int = 2020) -> set[tuple[str, str]]:
    return {(r.clause, r.kind) for d in draft_text(text, year=year) for r in d.requirements}


def kinds(text: str, year: int = 2020) -> set[str]:
    return {k for _, k in kinds_of(text, year)}


# ---------------------------------------------------------------- prose

NOTICE = ("各党支部:\n"
          "经研究,定于本月召开党员大会。各支部要在5月20日前将参会名单报送机关党委。\n"
          "会后,各支部要及时组织党员开展讨论。\n")


def test_prose_clauses_are_paragraph_and_sentence() -> None:
    got = kinds_of(NOTICE)
    assert ("P2.2", "deadline") in got or ("P2.2", "report") in got
    assert ("P3.1", "order") in got
    assert all(c.startswith("P") for c, _ in got)


# ---------------------------------------------------------------- one phrase, one row

@pytest.mark.parametrize("sentence, kind", [
    ("一、安排\n(一)支部要在6月15日前开完组织生活会。", "deadline"),
    ("一、安排\n(一)本阶段自5月下旬起,到7月上旬止。", "duration"),
    ("一、安排\n(一)教育活动用时半年左右。", "duration"),
    ("一、安排\n(一)评议工作结束后,支部要召开支部委员会。", "order"),
    ("一、安排\n(一)调研报告经党委书记审阅同意后方可印发。", "gate"),
    ("一、安排\n(一)会议结束后要把会议记录报送县委组织部。", "report"),
    ("一、安排\n(一)提前15天下发会议通知。", "notice"),
    ("一、安排\n(一)每名党员都要写出心得体会。", "per-person"),
    ("一、安排\n(一)各支部要组织一次主题党日活动。", "per-unit"),
    ("一、安排\n(一)中心组每季度至少学习一次。", "recurring"),
    ("一、安排\n(一)每名党员每年学习不少于32个学时。", "quantity"),
    ("一、安排\n(一)班子成员之间要普遍开展谈心谈话。", "pairwise"),
])
def test_each_family_reads_its_phrase(sentence: str, kind: str) -> None:
    assert kind in kinds(sentence), kinds_of(sentence)


def test_every_row_says_what_it_reads() -> None:
    rows = all_rows()
    assert len(rows) > 40
    assert all(r.reads and r.kind for r in rows)
    assert {name for name, _, _ in FAMILIES} == {"timing", "relative", "sequence", "reporting", "counting",
                                                  "talks", "lists", "events"}


# ---------------------------------------------------------------- logic words

def test_negation_drafts_no_requirement() -> None:
    assert "occurs" not in kinds("一、要求\n(一)会议不得搞形式主义,要避免召开陪会。")


def test_hedge_makes_a_warning() -> None:
    d = draft_text("一、要求\n(一)原则上中心组每季度学习1次。", year=2020)[0]
    rec = [r for r in d.requirements if r.kind == "recurring"]
    assert rec and all(r.severity == "warning" for r in rec)


def test_every_two_months_is_an_interval() -> None:
    d = draft_text("一、要求\n(一)支部每两个月召开1次专题学习会。", year=2020)[0]
    rec = [r for r in d.requirements if r.kind == "recurring"]
    assert rec and (rec[0].entry["every"], rec[0].entry["interval"], rec[0].entry["min"]) == ("month", 2, 1)
    d = draft_text("一、要求\n(一)支部每半年召开1次专题学习会。", year=2020)[0]
    rec = [r for r in d.requirements if r.kind == "recurring"]
    assert rec and rec[0].entry["every"] == "half-year"


def test_examples_are_not_a_list_to_cover() -> None:
    assert "coverage" not in kinds("一、要求\n(一)学习形式多样,如座谈、研讨、观摩等。")


# ---------------------------------------------------------------- noise and the year

def test_word_control_characters_and_pinyin_glosses() -> None:
    assert clean("學(xué)習(xí)\x0b教育\x08") == "學習\n教育"
    assert clean("微信(QQ)群") == "微信(QQ)群"
    text = "一、安排\x0b(一)各支部要在3月底前召開黨(dǎng)員大會\x08。"
    for d in draft_text(text, year=2020):
        masswork.load_plan(tomllib.loads(d.to_toml()))
        assert "\x0b" not in d.to_toml() and "dǎng" not in d.to_toml()


@pytest.mark.parametrize("text, year", [
    ("依據縣委實施方案(瑞發〔2009〕4號)", 2009),
    ("開展“三嚴三實”專題教育", 2015),
    ("2019年12月9日召開會議", 2019),
    ("各支部召開會議", None),
])
def test_year_from_dates_document_numbers_and_campaigns(text: str, year: int | None) -> None:
    assert guess_year(text) == year


# ---------------------------------------------------------------- linear reading

def test_a_paragraph_without_full_stops_is_read_in_pieces() -> None:
    text = "各支部要在3月中旬前召開專題組織生活會," * 3000  # ~60 000 characters, no 。
    drafts = draft_text(text, year=2020)
    assert drafts and all(len(r.quote) <= 400 for r in drafts[0].requirements)


# ---------------------------------------------------------------- passages of other shapes

TIMETABLE = """关于开展主题党日活动的安排
时间安排:
(一)动员部署阶段(3月1日至3月10日)。各支部要召开支部党员大会,传达活动方案。
(二)集中学习阶段(3月11日至4月30日)。每名党员要撰写学习体会,4月25日前交支部。
(三)总结阶段(5月上旬)。支部书记向党委报告活动情况。
"""

NEWS = ("11月3日,县教育局机关党委召开会议,部署年度民主评议党员工作。会议要求,各支部要在12月20日"
        "前完成民主评议,评议结果要及时报送机关党委;评议前,支部要广泛听取群众意见。")


@pytest.mark.parametrize("text, want", [
    (TIMETABLE, {"per-unit", "deadline", "report"}),
    (NEWS, {"deadline", "per-unit"}),
])
def test_other_shapes_draft_their_rules(text: str, want: set[str], tmp_path: Path) -> None:
    got = kinds(text)
    assert want <= got, got
    src = tmp_path / "plan.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.toml"
    runner = CliRunner()
    r = runner.invoke(cli, ["draft", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["explain", str(out)])
    assert r.exit_code == 0, r.output
    sched = tmp_path / "schedule.toml"
    plan = masswork.load_plan(out)
    sched.write_text(f'plan = "{plan.id}"\n', encoding="utf-8")
    r = runner.invoke(cli, ["check", str(out), str(sched)])
    assert r.exit_code in (0, 1), r.output  # met or unmet findings, never a plan error (2)


# ---------------------------------------------------------------- any text at all

_ALPHABET = st.sampled_from(list("一二三四五六七八九十()、,。;:“”《》【】〔〕\n\x0b\x08 月日年前后旬底每名各支部党员召开会议报送审阅同意通知"
                                 "不得或和及如等左右原则上学时次个至到从起止阶段xuéǎ0123456789%"))


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(_ALPHABET, max_size=120), st.one_of(st.none(), st.integers(1990, 2100)))
@example("一、\n(一)每(一)", 2020)
@example("3月至", None)
@example("各支部要在2月30日前召开会议。", 2014)
@example("每0个月召开会议", 2020)
@example("提前0天通知召开会议", 2020)
@example("从3月起,到2月止", 2020)
@example("学(xué)习\x0b\x08召开会议", None)
def test_any_text_drafts_a_plan_that_loads_and_re_reads(text: str, year: int | None) -> None:
    try:
        drafts = draft_text(text, year=year)
    except masswork.InputError:
        return
    for d in drafts:
        plan = masswork.load_plan(tomllib.loads(d.to_toml()))
        again = masswork.load_plan(json.loads(json.dumps(dict(d.plan), ensure_ascii=False)))
        assert plan.id == again.id and len(plan.requirements) == len(again.requirements)


# ---------------------------------------------------------------- the development corpus

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "plans-dev"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus/plans-dev not present")
def test_every_corpus_draft_loads_explains_and_checks(tmp_path: Path) -> None:
    runner = CliRunner()
    for txt in sorted(CORPUS.glob("d*.txt")):
        out = tmp_path / f"{txt.stem}.toml"
        r = runner.invoke(cli, ["draft", str(txt), "-o", str(out)])
        assert r.exit_code == 0, (txt.name, r.output)
        for path in sorted(tmp_path.glob(f"{txt.stem}*.toml")):
            plan = masswork.load_plan(path)
            r = runner.invoke(cli, ["explain", str(path)])
            assert r.exit_code == 0, (path.name, r.output)
            sched = tmp_path / f"{path.stem}.schedule.toml"
            sched.write_text(f'plan = "{plan.id}"\n', encoding="utf-8")
            r = runner.invoke(cli, ["check", str(path), str(sched)])
            assert r.exit_code in (0, 1), (path.name, r.output)
