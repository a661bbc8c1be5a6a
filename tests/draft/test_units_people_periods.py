"""Phrase classes of the counting and list families, through the public API: who a rule is
for (every unit, every person), how often (a period, a range, a vague period), how study hours
count (折算), what a list covers (everyone, topics) — and what is not a list to cover (aims,
means). Every sentence here was written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from masswork import load_plan
from masswork.draft import draft_text
from masswork.draft.text import fold


def reqs(body: str, year: int = 2020) -> list[tuple[str, dict[str, Any], str, str]]:
    """(kind, params, quote, severity) of every requirement drafted from one clause."""
    out = []
    for d in draft_text("一、工作安排\n(一)具體要求。" + body, year=year):
        load_plan(d.plan)  # every draft loads
        for r in d.requirements:
            out.append((r.kind, dict(r.to_dict().get("params", {})), r.quote, r.severity))
    return out


def of(kind: str, body: str) -> list[dict[str, Any]]:
    return [p for k, p, _, _ in reqs(body) if k == kind]


# ---------------------------------------------------------------- every unit

@pytest.mark.parametrize("body", [
    "每個黨小組每月組織一次學習。",
    "所有黨支部均須召開組織生活會。",
    "所屬單位要開展主題黨日活動。",
    "各村黨組織每季度至少開展一次主題黨日活動。",
    "所屬各黨支部每年召開一次組織生活會。",
])
def test_every_unit_is_per_unit(body: str) -> None:
    got = of("per-unit", body)
    assert got and got[0]["all_sections"] is True, reqs(body)


@pytest.mark.parametrize("body", [
    "各黨支部要制定學習計劃。每月至少開展一次集中學習。",
    "各黨支部要加強學習。要每季度召開一次黨員大會,研究部署工作。",
    "各基層黨組織要把學習擺在首位。每半年至少組織一次專題研討。",
])
def test_a_period_with_no_subject_carries_the_units_from_the_sentence_before(body: str) -> None:
    second = body.split("。")[1]
    quoted = [q for k, _, q, _ in reqs(body) if k == "per-unit"]
    assert any(second in q for q in quoted), reqs(body)
    assert any(k == "recurring" and second in q for k, _, q, _ in reqs(body))


def test_a_period_after_another_subject_is_not_per_unit() -> None:
    got = reqs("黨委要高度重視。每月召開一次黨委會。")
    assert "per-unit" not in [k for k, _, _, _ in got], got


@pytest.mark.parametrize("body", [
    "各黨支部要加強學習。",            # a quality asked of each branch, no event
    "所有支部黨員都必須按時參加黨課。",   # the branches' members: each person, not each unit
    "每個科室推薦1名代表發言。",        # the sections send someone: coverage of sections
])
def test_no_per_unit_where_units_hold_nothing(body: str) -> None:
    assert not of("per-unit", body), reqs(body)


# ---------------------------------------------------------------- every person

@pytest.mark.parametrize("body, role", [
    ("各黨員要認真參加學習。", "黨員"),
    ("黨員領導幹部帶頭講黨課。", "黨員領導幹部"),
    ("支部書記帶頭講黨課。", "支部書記"),
    ("班子成員逐一作對照檢查。", "班子成員"),
    ("所有黨員均須參加集中學習。", "黨員"),
])
def test_every_holder_of_a_role_is_per_person(body: str, role: str) -> None:
    got = of("per-person", body)
    assert got, reqs(body)
    assert fold(got[0]["role"]) == fold(role)


def test_what_each_does_in_turn_is_named_in_the_plans_words() -> None:
    got = of("per-person", "班子成員逐一作對照檢查。")
    assert got and got[0]["activity"] == "對照檢查"


# ---------------------------------------------------------------- ranges and periods

@pytest.mark.parametrize("body, kind, least", [
    ("每名黨員每年講黨課1至2次。", "per-person", 1),
    ("每月開展2—3次集中學習。", "recurring", 2),
    ("每月至少開展3次集中學習。", "recurring", 3),
    ("各支部每年開展三到五次主題黨日活動。", "per-unit", 3),
    ("每個支部每年開展1至2次主題黨日活動。", "per-unit", 1),
])
def test_a_range_counts_its_low_end(body: str, kind: str, least: int) -> None:
    got = of(kind, body)
    assert got and got[0].get("min", 1) == least, reqs(body)


def test_a_range_is_not_part_of_the_activitys_name() -> None:
    got = of("recurring", "黨小組每月至少開展1-2次學習活動。")
    assert got and got[0]["activity"] == "學習活動"


@pytest.mark.parametrize("body", ["要定期召開支委會。", "經常性開展談心談話。", "常態化開展主題黨日活動。"])
def test_a_vague_period_is_a_warning(body: str) -> None:
    got = [(p, sev) for k, p, _, sev in reqs(body) if k == "recurring"]
    assert got and all(sev == "warning" for _, sev in got), reqs(body)


@pytest.mark.parametrize("body", ["紀委不定期開展抽查。", "可以實行半天學習、半天工作並定期組織輔導。"])
def test_no_period_or_a_permission_is_no_recurring_rule(body: str) -> None:
    assert not of("recurring", body), reqs(body)


# ---------------------------------------------------------------- counting rules (折算)

@pytest.mark.parametrize("body, credit, per", [
    ("參加1次專題講座折算4學時。", 4.0, "event"),
    ("每次集中學習計2學時。", 2.0, "event"),
    ("每次集中學習按2學時計算。", 2.0, "event"),
    ("參加一天集中培訓計6學時。", 6.0, "day"),
    ("脫產培訓:每天折算8學時。", 8.0, "day"),
    ("專題講座:每半天折算4學時。", 4.0, "half-day"),
    ("不滿半天的,每小時折算1學時。", 1.0, "hour"),
])
def test_a_counting_rule_is_a_quantity_credit_with_no_total(body: str, credit: float, per: str) -> None:
    got = of("quantity", body)
    assert got, reqs(body)
    assert got[0]["credit"] == credit and got[0]["credit_per"] == per
    assert got[0]["min"] == 0  # it says how events count; it sets no total


def test_a_total_is_still_a_minimum() -> None:
    got = of("quantity", "每名黨員每年參加集中學習不少於32學時。")
    assert got and got[0]["min"] == 32 and "credit" not in got[0]


# ---------------------------------------------------------------- what a list covers

@pytest.mark.parametrize("body", ["確保全體黨員無一遺漏參加民主評議。", "全體黨員要參加專題組織生活會。"])
def test_everyone_attending_is_coverage(body: str) -> None:
    got = of("coverage", body)
    assert got and got[0]["field"] == "attendees" and got[0]["items"] == ["全體黨員"], reqs(body)


@pytest.mark.parametrize("body", [
    "開會的時間和地點,要提前通知支部全體黨員,確保按時到會。",  # whom one tells, not who attends
    "機關黨支部要組織召開全體黨員參加的專題組織生活會。",        # names the meeting
])
def test_everyone_as_an_object_is_no_attendee_list(body: str) -> None:
    assert not [p for p in of("coverage", body) if p.get("items") == ["全體黨員"]], reqs(body)


def test_topics_end_at_their_count_of_aspects() -> None:
    got = of("coverage", "學習主要圍繞黨章黨規、黨的理論、黨史知識三個方面進行。")
    assert got and got[0]["items"] == ["黨章黨規", "黨的理論", "黨史知識"], reqs("")


@pytest.mark.parametrize("body", [
    "通過學習,使黨員堅定理想信念、增強宗旨意識、提升能力素質。",
    "全體黨員要著重圍繞堅定理想信念、牢固樹立正確的世界觀、自覺遵守黨的各項制度選讀篇目。",
    "通過專家輔導、讀書班、參觀學習、討論交流等形式集中學習。",
    "同時通過班子專題學習研討、召開一次專題民主生活會、組織黨員集中學習等方式,推動專題教育。",
])
def test_aims_and_means_are_no_coverage(body: str) -> None:
    assert not of("coverage", body), reqs(body)


def test_means_that_collect_views_are_channels() -> None:
    got = of("coverage", "採取召開座談會、個別談話、設置意見箱、開通熱線電話等辦法,廣泛征求意見。")
    assert got and got[0]["field"] == "channels"
    assert got[0]["items"] == ["召開座談會", "個別談話", "設置意見箱", "開通熱線電話"]


def test_a_cue_repeated_before_each_item_is_not_part_of_it() -> None:
    got = of("coverage", "對照黨章黨規、對照入黨誓詞、對照先進典型,查找差距和不足。")
    assert got and got[0]["items"] == ["黨章黨規", "入黨誓詞", "先進典型"], got


@pytest.mark.parametrize("body", [
    "要突出問題導向、目標導向和結果導向。",           # a principle, no event covers it
    "會上,每名黨員逐人對照檢查、逐人評議。",           # 對照檢查 is the activity, not the cue 對照
    "要圍繞中心、服務大局,把學習成果轉化為實際成效。",  # a slogan
])
def test_principles_and_slogans_are_no_topics(body: str) -> None:
    assert not [p for p in of("coverage", body) if p.get("field") == "topics"], reqs(body)


@pytest.mark.parametrize("body", [
    "外出務工黨員原則上要回村參加學習。",      # a role with its qualifier, hedged
    "新提拔的科級幹部還須參加廉政知識測試。",
    "部黨組成員逐一交流。",                    # each in turn
    "部黨組成員每人牽頭1個重點調研課題。",      # each leads one
    "按時足額交納黨費。",                      # a duty in a list of members' duties
])
def test_more_ways_of_saying_each_person(body: str) -> None:
    assert of("per-person", body), reqs(body)


@pytest.mark.parametrize("body", [
    "鄉鎮黨委要對各村學習情況逐村檢查。",   # the villages are checked: the township's work
    "機關黨委每年年底對各支部談心談話情況檢查一次。",
])
def test_units_that_are_the_object_are_no_per_unit(body: str) -> None:
    assert not of("per-unit", body), reqs(body)
