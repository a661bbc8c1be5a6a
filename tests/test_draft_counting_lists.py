"""Phrase classes of the counting, list, event and logic families (masswork.draft.families),
through the public API: each test drafts a passage and looks at the kinds and parameters.

Every sentence here was written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from masswork.draft import draft_text


def reqs(text: str, year: int = 2020) -> list[tuple[str, dict[str, Any], str]]:
    """(kind, params, quote) of every drafted requirement."""
    out = []
    for d in draft_text(text, year=year):
        for r in d.requirements:
            out.append((r.kind, dict(r.to_dict().get("params", {})), r.quote))
    return out


def kinds(text: str) -> list[str]:
    return [k for k, _, _ in reqs(text)]


def clause(body: str) -> str:
    return "一、工作安排\n(一)" + body


# ---------------------------------------------------------------- lists whose items are clauses

@pytest.mark.parametrize("body, items", [
    ("年度總結。總結內容主要有:全年組織生活的開展情況、黨員對照檢查中發現的問題和整改措施,以及下一年的工作打算。",
     ["全年組織生活的開展情況", "黨員對照檢查中發現的問題和整改措施", "下一年的工作打算"]),
    ("台賬管理。建立學習台賬,落實“四有”,即學習計劃、簽到表、會議記錄和影像資料齊全。",
     ["學習計劃", "簽到表", "會議記錄", "影像資料"]),
    ("評估總結。系統梳理本年度教育培訓的完成情況、主要做法、突出問題和改進措施。",
     ["本年度教育培訓的完成情況", "主要做法", "突出問題", "改進措施"]),
    ("民主評議會上,黨員要逐個檢視剖析:對照入黨誓詞檢查自身表現;對照崗位職責查找工作差距;對照群眾意見梳理整改事項。",
     ["對照入黨誓詞檢查自身表現", "對照崗位職責查找工作差距", "對照群眾意見梳理整改事項"]),
])
def test_a_list_of_clauses_is_one_coverage(body: str, items: list[str]) -> None:
    cov = [p for k, p, _ in reqs(clause(body)) if k == "coverage"]
    assert cov, reqs(clause(body))
    assert cov[0]["items"] == items


def test_bodies_that_send_someone_are_attendees() -> None:
    cov = [p for k, p, _ in reqs(clause("縣委組織部和督導組將派員到場,指導各鄉鎮召開專題組織生活會。"))
           if k == "coverage"]
    assert cov and cov[0]["field"] == "attendees"
    assert cov[0]["items"] == ["縣委組織部", "督導組"]


def test_whom_one_may_invite_is_not_required() -> None:
    assert "coverage" not in kinds(clause("支部可結合實際,邀請退休老黨員參加座談會。"))
    # the 可 after the attendees does not take them back
    assert "coverage" in kinds(clause("支部黨員大會由全體黨員參加,入黨積極分子可列席。"))


@pytest.mark.parametrize("body", [
    "評議結束後,支委會要為每名黨員逐一形成評議意見。",
    "座談前要摸清本社區每名黨員的思想狀況。",
    "問卷要覆蓋轄區內各個層次的居民群眾。",
])
def test_something_for_every_holder_is_coverage_not_a_quota(body: str) -> None:
    got = reqs(clause(body))
    cov = [p for k, p, _ in got if k == "coverage"]
    assert cov and cov[0]["field"] == "targets", got
    assert "per-person" not in [k for k, _, _ in got]


def test_telling_every_attendee_sets_no_quota() -> None:
    assert "per-person" not in kinds(clause("會前,支部書記要把會議議程告知每一位參會人員。"))


# ---------------------------------------------------------------- events

@pytest.mark.parametrize("body", [
    "每次學習都要有專人記錄,留存備查。",
    "開會前要提醒參會人員簽到。",
    "黨政辦負責通知並考勤。",
])
def test_records_kept_are_required(body: str) -> None:
    assert "occurs" in kinds(clause(body)), reqs(clause(body))


def test_a_plan_states_what_it_does_without_yao() -> None:
    assert "occurs" in kinds(clause("社區黨委召開會議,對全年工作作出安排。"))
    # a clause of one sentence is a statement, not only a heading
    assert "occurs" in kinds(clause("組織黨員開展崗位練兵活動。"))
    # a heading with a body under it names the work the body states
    assert "occurs" not in kinds(clause("開好崗位練兵比武會。會前準備要充分,會上要認真點評。"))


def test_news_of_what_was_done_is_not_required() -> None:
    assert "occurs" not in kinds(clause("3月5日,社區黨委召開會議,部署全年工作。"))
    assert "per-unit" not in kinds(clause("按照上級部署,學校近日組織各黨支部開展調研。"))


def test_yaoqiu_is_not_yao() -> None:
    # 按照…要求 is where the words come from, not a duty to hold the meeting
    assert "occurs" not in kinds(clause("3日,鎮黨委按照上級要求召開工作會議。"))


def test_an_event_is_named_in_its_own_comma_segment() -> None:
    got = reqs(clause("會議要圍繞作風建設這一主題,班子成員要深入開展批評和自我批評。"))
    assert not [p for k, p, _ in got if k == "occurs" and p.get("activity") == "會議"], got


def test_a_count_needs_a_counter() -> None:
    got = reqs(clause("支部要緊密聯繫實際,重點抓好兩項工作,認真開展主題黨日。"))
    assert all(p.get("min", 1) == 1 for k, p, _ in got if k == "occurs"), got


def test_making_known_is_required() -> None:
    got = reqs(clause("評議結果要在支部範圍內公示。"))
    assert any(k == "occurs" for k, p, _ in got), got
    got = reqs(clause("支部要把整改方案向黨員和群眾公開,同時報送鎮黨委備案。"))
    assert any(k == "occurs" and p.get("action") == "published" for k, p, _ in got), got


def test_a_platform_built_is_a_means() -> None:
    assert "occurs" not in kinds(clause("要開設“黨建微課堂”“掌上講堂”等載體,擴大學習覆蓋面。"))


def test_verbatim_records_are_attested() -> None:
    assert "attest" in kinds(clause("對群眾提出的意見要原原本本記錄、分類匯總。"))


# ---------------------------------------------------------------- counting

def test_per_unit_phrases() -> None:
    assert "per-unit" in kinds(clause("黨員積分登記以各黨支部為單位實施。"))
    assert "per-unit" in kinds(clause("各學生黨支部要每月開展一次主題黨日。"))
    assert "per-unit" not in kinds(clause("督導組要指導各單位開好專題組織生活會。"))


def test_the_subject_carries_over_a_semicolon() -> None:
    got = reqs(clause("各黨總支和各部門要組織座談,廣泛聽取意見;對班子的意見要分類匯總,並如實填寫意見反饋表。"))
    units = [q for k, _, q in got if k == "per-unit"]
    assert any("填寫意見反饋表" in q for q in units), got


@pytest.mark.parametrize("body", [
    "聯繫支部的縣級領導全程參加所聯繫支部的會議。",
    "因事未能參加學習的黨員,要及時補課。",
])
def test_per_person_duties(body: str) -> None:
    assert "per-person" in kinds(clause(body)), reqs(clause(body))


def test_a_duty_with_no_subject_in_a_list_of_duties() -> None:
    text = "一、成員要求\n(1)中心組成員要寫好發言提綱。\n(2)按時參加縣委組織的理論測試。"
    assert ("per-person" in [k for k, _, q in reqs(text) if "理論測試" in q]), reqs(text)


def test_encouraged_is_not_required() -> None:
    assert "per-person" not in kinds(clause("倡導每名黨員每天閱讀半小時。"))


def test_a_name_in_quotes_is_no_quota() -> None:
    assert "per-person" not in kinds(clause("每月舉辦一次“人人講黨課”活動。"))


@pytest.mark.parametrize("body", [
    "黨員參加各類集中培訓,每年累計不少於24個學時。",
    "建立台賬,落實“三有”,即每月方案、簽到表和會議記錄齊全。",
    "黨委每年要訂好年度學習計劃。",
])
def test_not_a_recurring_event(body: str) -> None:
    assert "recurring" not in kinds(clause(body)), reqs(clause(body))


def test_an_annual_document_is_drafted_once() -> None:
    assert "occurs" in kinds(clause("黨委每年要訂好年度學習計劃。"))


def test_written_pieces_per_year_stay_recurring() -> None:
    assert "recurring" in kinds(clause("成員還要聯繫本職工作,每年寫出調研報告不少於1篇。"))


@pytest.mark.parametrize("body, host", [
    ("春季學期開始後,校長李華帶頭講專題黨課。", "校長李華"),
    ("所長要親自作形勢報告。", "所長"),
])
def test_hosting_is_told_from_attending(body: str, host: str) -> None:
    got = reqs(clause(body))
    assert any(k == "occurs" and p.get("host") == host for k, p, _ in got), got


def test_attending_is_not_hosting() -> None:
    got = reqs(clause("聯繫點的縣級領導要全程參加所聯繫村的評議會。"))
    assert not any(p.get("host") for _, p, _ in got), got


@pytest.mark.parametrize("body, share", [
    ("黨員大會到會率不低於90%。", 90.0),
    ("須有半數以上黨員到會方可召開。", 50.0),
    ("支委會須有三分之二以上委員出席。", 66.67),
])
def test_a_share_attending_is_a_quantity_of_attendees(body: str, share: float) -> None:
    # a quorum is a quantity of attendees of those expected (the corpus's kinds have no
    # attendance; tests/test_quantity_measure.py checks it)
    got = reqs(clause(body))
    q = [p for k, p, _ in got if k == "quantity"]
    assert q and q[0]["measure"] == "attendees" and q[0]["of"] == "expected" and q[0]["min"] == share, got
    assert "attendance" not in [k for k, _, _ in got]


def test_all_members_attending_is_coverage_not_a_share() -> None:
    assert "quantity" not in kinds(clause("支部要組織召開全體黨員參加的專題組織生活會。"))


def test_an_attendance_draft_loads_and_checks(tmp_path: Any) -> None:
    import masswork
    from click.testing import CliRunner

    from masswork.cli import cli

    src = tmp_path / "plan.txt"
    src.write_text(clause("黨員大會每季度召開一次,到會率不低於90%。"), encoding="utf-8")
    out = tmp_path / "plan.toml"
    runner = CliRunner()
    assert runner.invoke(cli, ["draft", str(src), "-o", str(out)]).exit_code == 0
    plan = masswork.load_plan(out)
    assert any(r.kind == "quantity" and r.params.measure == "attendees" for r in plan.requirements)
    sched = tmp_path / "schedule.toml"
    sched.write_text(f'plan = "{plan.id}"\n', encoding="utf-8")
    r = runner.invoke(cli, ["check", str(out), str(sched)])
    assert r.exit_code in (0, 1), r.output


def test_two_activities_joined_by_he_are_two_requirements() -> None:
    got = [p.get("activity") for k, p, _ in reqs(clause("支部要召開支委會和黨員大會。")) if k == "occurs"]
    assert got == ["支委會", "黨員大會"]


def test_the_share_attending_names_the_event() -> None:
    got = reqs(clause("局機關每兩個月舉辦1期讀書分享會,機關全體幹部參加,到會率不低於90%。"))
    q = [p for k, p, _ in got if k == "quantity"]
    assert q and q[0]["activity"] == "讀書分享會" and q[0]["min"] == 90.0, got


def test_a_role_is_cut_before_a_period() -> None:
    got = reqs(clause("每名幹部全年至少寫出1篇心得體會。"))
    assert [p["role"] for k, p, _ in got if k == "per-person"] == ["幹部"], got


def test_means_one_may_use_are_not_a_list() -> None:
    assert "coverage" not in kinds(clause("可採取線上打卡、知識競賽等形式,增強吸引力。"))


def test_a_ledger_kept_is_a_record() -> None:
    assert "occurs" in kinds(clause("各科室要指定專人負責登記台賬。"))


def test_each_period_in_its_own_segment_is_a_rule() -> None:
    got = [(p["activity"], p["every"]) for k, p, _ in
           reqs(clause("各黨支部每月召開一次支委會,每季度召開一次黨員大會,黨小組會一般每月開一次。")) if k == "recurring"]
    assert got == [("支委會", "month"), ("黨員大會", "quarter"), ("黨小組會", "month")]


def test_a_host_is_cut_before_whom_he_serves() -> None:
    got = reqs(clause("支部書記每年至少為黨員講1次黨課。"))
    assert any(p.get("host") == "支部書記" for k, p, _ in got if k == "occurs"), got


def test_records_filed() -> None:
    got = reqs(clause("各支部要建立學習檔案,會議記錄、簽到表要及時歸檔。"))
    assert any(k == "occurs" and p.get("action") == "filed" for k, p, _ in got), got


def test_those_absent_make_up() -> None:
    assert "per-person" in kinds(clause("因病不能參加的黨員,應提前請假,會後及時補學。"))


def test_a_dated_news_sentence_requires_nothing_per_unit() -> None:
    text = "1月8日,局機關黨委召開部署會,各支部書記和各科室負責人參加會議。"
    assert "per-unit" not in kinds(text)


def test_branch_secretaries_are_people_not_units() -> None:
    assert "per-unit" not in kinds(clause("各支部書記是第一責任人,要親自抓、負總責。"))


@pytest.mark.parametrize("body", [
    "不得以傳達文件代替支部學習。",
    "要避免召開層層陪會的大會。",
    "不要搞評比表彰。",
])
def test_negated_events_are_not_required(body: str) -> None:
    assert kinds(clause(body)) == [], reqs(clause(body))


def test_examples_are_not_a_list_to_cover() -> None:
    assert "coverage" not in kinds(clause("可結合實際開展活動,如讀書班、報告會、知識競賽等。"))


@pytest.mark.parametrize("body", ["支部委員會原則上每月召開一次。", "黨小組會一般每月召開一次。"])
def test_a_hedged_rule_is_a_warning(body: str) -> None:
    drafted = [r for d in draft_text(clause(body), year=2020) for r in d.requirements if r.kind == "recurring"]
    assert drafted and all(r.severity == "warning" and r.confidence <= 0.5 for r in drafted)


def test_contents_framed_by_yi_wei_zhu() -> None:
    got = [p for k, p, _ in reqs(clause("培訓內容以黨史、新中國史和改革開放史為主。")) if k == "coverage"]
    assert got and got[0]["items"] == ["黨史", "新中國史", "改革開放史"], got


def test_visits_are_a_duty_per_person() -> None:
    assert "per-person" in kinds(clause("班子成員要經常走訪困難黨員。"))


def test_an_imperative_after_a_lead_in_is_required() -> None:
    got = reqs(clause("根據整改清單,把任務分解到人,排出整改時間表。"))
    assert any(k == "occurs" and p.get("document") == "整改時間表" for k, p, _ in got), got


@pytest.mark.parametrize("body", ["各鄉鎮每月召開一次黨委會。", "各村(社區)黨組織要每月開展主題黨日。",
                                  "各學院要組織一次專題研討。"])
def test_more_units_per_unit(body: str) -> None:
    assert "per-unit" in kinds(clause(body)), reqs(clause(body))


def test_village_cadres_are_people_not_units() -> None:
    assert "per-unit" not in kinds(clause("各村幹部要帶頭參加志願服務。"))


@pytest.mark.parametrize("body, every, interval", [
    ("每半月召開一次黨委會。", "week", 2),
    ("每學期至少組織一次主題黨日。", "half-year", None),
])
def test_more_periods(body: str, every: str, interval: int | None) -> None:
    rec = [p for k, p, _ in reqs(clause(body)) if k == "recurring"]
    assert rec and rec[0]["every"] == every and rec[0].get("interval") == interval, rec


def test_each_member_with_ge() -> None:
    assert "per-person" in kinds(clause("每個黨員每年至少參加1次志願服務活動。"))


@pytest.mark.parametrize("body, a, b", [
    ("支部書記要與每名黨員談心談話。", "支部書記", "黨員"),
    ("黨組書記與班子成員逐一談話。", "黨組書記", "班子成員"),
    ("班子成員要同分管科室負責人談心。", "班子成員", "分管科室負責人"),
])
def test_talks_between_two_roles_are_pairwise(body: str, a: str, b: str) -> None:
    got = reqs(clause(body))
    pw = [p for k, p, _ in got if k == "pairwise"]
    assert pw and pw[0]["pairs"] == [{"mode": "cross", "a": a, "b": b}], got
    assert "per-person" not in [k for k, _, _ in got]


@pytest.mark.parametrize("body, items", [
    ("參會人員包括支部委員、黨小組長和入黨積極分子。", ["支部委員", "黨小組長", "入黨積極分子"]),
    ("會議由黨委書記主持,班子成員、各科室負責人參加。", ["班子成員", "各科室負責人"]),
    ("學習對象為全體在職黨員和預備黨員。", ["全體在職黨員", "預備黨員"]),
])
def test_who_attends_is_attendees(body: str, items: list[str]) -> None:
    cov = [p for k, p, _ in reqs(clause(body)) if k == "coverage"]
    assert cov and cov[0]["field"] == "attendees" and cov[0]["items"] == items, cov


def test_a_count_per_unit_is_kept_exactly() -> None:
    got = [p for k, p, _ in reqs(clause("各支部每年至少開展4次主題黨日活動。")) if k == "per-unit"]
    assert got and got[0]["min"] == 4, got


def test_a_roles_own_count_per_period() -> None:
    got = reqs(clause("黨員每季度至少參加一次志願服務。"))
    assert {"per-person", "recurring"} <= {k for k, _, _ in got}, got


def test_a_units_subject_is_not_the_meeting_that_times_it() -> None:
    got = [p for k, p, _ in reqs(clause("各部門各單位應在專題民主生活會召開前7天,向縣委組織部作出書面報告。"))
           if k == "per-unit"]
    assert got and got[0].get("document") == "書面報告", got


def test_a_share_not_attending_is_a_measured_share() -> None:
    # no hours to add up, but a share the record can state (quantity with measure = "share")
    got = reqs(clause("群眾滿意率應達到80%以上。"))
    assert [(k, p.get("measure"), p.get("min")) for k, p, _ in got] == [("quantity", "share", 80.0)], got


def test_the_length_of_one_event_is_no_quantity() -> None:
    assert "quantity" not in kinds(clause("各單位要舉辦一期讀書班,時間不少於3天。"))
    assert "quantity" in kinds(clause("全年集中學習累計不少於12天。"))


def test_articles_numbered_di_n_tiao() -> None:
    text = ("第二條 黨員活動日原則上每月固定一天。\n第三條 活動日由支部書記主持。\n"
            "第六條 每次活動要有記錄,參加人數要逐項登記。\n")
    got = reqs(text)
    assert any(k == "recurring" and p["activity"] == "黨員活動日" for k, p, _ in got), got
    assert any(k == "occurs" and p.get("host") == "支部書記" for k, p, _ in got), got
    assert any(k == "occurs" and "記錄" in q for k, _, q in got), got


def test_a_hedge_governs_its_own_clause_and_after() -> None:
    drafted = [r for d in draft_text(clause("各黨支部每月召開一次支委會,黨小組會一般每月開一次。"), year=2020)
               for r in d.requirements if r.kind == "recurring"]
    assert [r.confidence <= 0.5 for r in drafted] == [False, True]
    drafted = [r for d in draft_text(clause("原則上,支委會每月召開一次。"), year=2020)
               for r in d.requirements if r.kind == "recurring"]
    assert drafted and all(r.confidence <= 0.5 for r in drafted)


@pytest.mark.parametrize("body", [
    "各級黨組織要高度重視,精心組織,確保學習教育取得實效。",
    "要把開展主題教育同做好當前各項工作結合起來。",
    "要圍繞中心、服務大局,切實把學習成果轉化為推動發展的實際成效。",
])
def test_slogans_require_nothing(body: str) -> None:
    assert kinds(clause(body)) == [], reqs(clause(body))


def test_a_study_share_names_study() -> None:
    q = [p for k, p, _ in reqs(clause("黨員參學率不低於95%。")) if k == "quantity"]
    assert q and q[0]["activity"] == "學習" and q[0]["min"] == 95.0, q
