"""The ids `masswork draft` proposes for the people a plan names: surname, hyphen, given
name in pinyin, with surnames read as surnames (單 shan, 區 ou), given names as given names
(長春 changchun, 重陽 chongyang) and compound surnames kept whole (歐陽 ouyang). Through the
command line, on a labelled list of people, as a user meets it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from masswork.testing.cli import run_masswork

PEOPLE = {
    "歐陽修": "ouyang-xiu", "劉長春": "liu-changchun", "單田芳": "shan-tianfang", "李飛": "li-fei",
    "司马光": "sima-guang", "王重阳": "wang-chongyang", "曾国藩": "zeng-guofan", "区家麟": "ou-jialin",
}


@pytest.mark.parametrize("names", [list(PEOPLE)[:4], list(PEOPLE)[4:]])
def test_people_of_a_labelled_list_get_pinyin_ids(tmp_path: Path, names: list[str]) -> None:
    doc = tmp_path / "names.txt"
    doc.write_text(f"2014年民主評議安排\n一、民主評議\n(一)召開民主評議會。參加會議人員共{len(names)}人:"
                   + "、".join(names) + "。\n", encoding="utf-8")
    drafted = json.loads(run_masswork("draft", doc, "--format", "json").stdout)
    people = {p["name"]: p["id"] for p in drafted["plans"][0]["people"]}
    assert people == {n: PEOPLE[n] for n in names}
    plan = tmp_path / "names.toml"
    run_masswork("draft", doc, "-o", plan)
    run_masswork("explain", plan)  # the ids are ids the plan loader accepts
