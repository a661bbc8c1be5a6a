"""A drafted plan whose text names no year: the year is assumed, the plan records it
(``[options] year_assumed = true``) and ``masswork check`` says so on its first line and in
its JSON report, in every language. Run through the command line, as a user would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from masswork.testing.cli import run_masswork

NO_YEAR = "一、召開動員大會\n(一)局黨組3月中旬召開動員大會。\n(二)動員大會後,各支部開展學習。\n"
WITH_YEAR = "2014年教育實踐活動安排\n一、召開動員大會\n(一)局黨組3月中旬召開動員大會。\n"

FIRST_LINE = {
    "zh-Hant": "年份 {year} 為推定",
    "zh-Hans": "年份 {year} 为推定",
    "en": "year {year} is ASSUMED",
}


def _draft(tmp_path: Path, text: str, name: str) -> tuple[Path, Path]:
    doc = tmp_path / f"{name}.txt"
    doc.write_text(text, encoding="utf-8")
    plan = tmp_path / f"{name}.toml"
    run_masswork("draft", doc, "-o", plan)
    schedule = tmp_path / f"{name}-schedule.toml"
    schedule.write_text(f'plan = "draft-{name}-s1"\n', encoding="utf-8")
    return plan, schedule


@pytest.mark.parametrize("lang", sorted(FIRST_LINE))
def test_check_says_first_that_the_year_is_assumed(tmp_path: Path, lang: str) -> None:
    plan, schedule = _draft(tmp_path, NO_YEAR, "noyear")
    year = dt.date.today().year
    toml = plan.read_text(encoding="utf-8")
    assert "YEAR ASSUMED" in toml and "year_assumed = true" in toml
    out = run_masswork("check", plan, schedule, "--lang", lang, ok=(0, 1)).stdout
    first = out.splitlines()[0]
    assert FIRST_LINE[lang].format(year=year) in first and "--year" in first
    assert out.count(FIRST_LINE[lang].format(year=year)) == 1  # not repeated with the other notices


def test_json_report_carries_a_year_assumed_warning(tmp_path: Path) -> None:
    plan, schedule = _draft(tmp_path, NO_YEAR, "noyear")
    data = json.loads(run_masswork("check", plan, schedule, "--format", "json", ok=(0, 1)).stdout)
    first = data["warnings"][0]
    assert first["code"] == "year-assumed"
    assert first["subject"] == "draft-noyear-s1"
    assert first["message_code"] == "notice.year_assumed"
    assert first["message_params"] == {"year": str(dt.date.today().year)}
    assert "ASSUMED" in first["messages"]["en"] and "推定" in first["messages"]["zh-Hans"]
    # explain reads the same plan without a plan error
    run_masswork("explain", plan)


def test_a_year_the_text_names_is_not_announced(tmp_path: Path) -> None:
    plan, schedule = _draft(tmp_path, WITH_YEAR, "withyear")
    toml = plan.read_text(encoding="utf-8")
    assert "year = 2014" in toml and "year_assumed" not in toml
    out = run_masswork("check", plan, schedule, "--lang", "en", ok=(0, 1)).stdout
    assert "ASSUMED" not in out
    data = json.loads(run_masswork("check", plan, schedule, "--format", "json", ok=(0, 1)).stdout)
    assert all(w["code"] != "year-assumed" for w in data["warnings"])


def test_year_assumed_that_is_not_a_boolean_is_bad_input(tmp_path: Path) -> None:
    plan, schedule = _draft(tmp_path, NO_YEAR, "noyear")
    plan.write_text(plan.read_text(encoding="utf-8").replace("year_assumed = true", 'year_assumed = "yes"'),
                    encoding="utf-8")
    proc = run_masswork("check", plan, schedule, "--lang", "en", ok=(2,))
    assert "year_assumed" in proc.stderr and "Traceback" not in proc.stderr
