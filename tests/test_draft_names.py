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


def test_a_party_committee_is_not_a_leadership_group(tmp_path: Path) -> None:
    """党委 (a party committee) and 党组 (a leadership group) are different bodies, and so are
    their secretaries; 党委组织部 is one body, not 党委 followed by 组织部."""
    doc = tmp_path / "committee.txt"
    doc.write_text("2020年组织生活会安排\n一、各支部要在6月底前召开专题组织生活会，会前报党委审核，"
                   "会后5日内将会议情况报党委组织部备案。\n二、党委书记每季度至少讲1次党课。\n"
                   "三、局党组每半年召开1次中心组学习会。\n", encoding="utf-8")
    drafted = json.loads(run_masswork("draft", doc, "--format", "json").stdout)["plans"][0]
    bodies = {b["id"]: b.get("name_en") for b in drafted["bodies"]}
    roles = {r["id"]: r.get("name_en") for r in drafted["roles"]}
    assert bodies["黨委"] == "party committee"
    assert "黨組書記" not in roles and roles.keys() & {"黨委書記", "党委书记"}
    reported_to = [t for r in drafted["requirements"] if r["kind"] == "report" for t in r.get("to", [])]
    assert "黨組" not in reported_to
    assert set(reported_to) <= {"黨委", "黨委組織部"} and reported_to
