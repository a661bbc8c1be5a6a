"""masswork's own workbook holds the whole schedule and reads back to it: the events' 台賬
sheet beside a sheet for each other record type (文件, 報送, 審批, 通知, 豁免, 確認, 時段,
台賬信息). For every example schedule, in each language, the schedule read back equals the
original (events in the ledger's time order) and the check report is the same; and so for
any generated schedule."""

from __future__ import annotations

import io
import json
from pathlib import Path

import masswork
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from masswork.exporters import ExportInput
from masswork.readers import read_schedule
from masswork.testing.cli import example_cases, run_masswork
from masswork.testing.ledger import in_ledger_order, ledger_schedules
from masswork.testing.strategies import plans
from masswork_xlsx import export_xlsx
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[3]
LANGS = ("zh-Hant", "zh-Hans", "en")


@pytest.mark.parametrize("plan_path, schedule_path", example_cases(Path(__file__)))
@pytest.mark.parametrize("lang", LANGS)
def test_example_schedule_reads_back_from_its_workbook(plan_path: Path, schedule_path: Path, lang: str) -> None:
    plan = masswork.load_plan(plan_path)
    schedule = masswork.load_schedule(schedule_path, plan)
    report = masswork.check(plan, schedule)
    data = export_xlsx(ExportInput(plan, schedule, report, lang))
    got = read_schedule(data, plan, name="台賬.xlsx")
    assert got.reader == "xlsx" and got.notes == ()
    assert got.schedule == in_ledger_order(schedule)
    assert masswork.check(plan, got.schedule).to_dict(lang) == report.to_dict(lang)


def test_workbook_has_a_sheet_per_record_type_with_headers_in_the_language() -> None:
    d = ROOT / "examples" / "s2-kejiju-campaign"
    plan = masswork.load_plan(d / "plan.toml")
    schedule = masswork.load_schedule(d / "schedule-complete.toml", plan)
    for lang, sheets, doc_header in (
            ("zh-Hant", ["台賬", "檢查結果", "個人定額", "文件", "報送", "審批", "通知", "確認", "時段", "台賬資訊"], "起草日期"),
            ("zh-Hans", ["台账", "检查结果", "个人定额", "文件", "报送", "审批", "通知", "确认", "时段", "台账信息"], "起草日期"),
            ("en", ["Ledger", "Findings", "Quotas", "Documents", "Submissions", "Approvals", "Notices",
              "Attestations", "Periods", "Schedule"],
             "drafted_on")):
        wb = load_workbook(io.BytesIO(export_xlsx(ExportInput(plan, schedule, masswork.check(plan, schedule), lang))))
        assert wb.sheetnames == sheets
        assert doc_header in [c.value for c in wb[sheets[3]][1]]


def test_a_clerk_adds_a_waiver_row_and_it_is_read(tmp_path: Path) -> None:
    d = ROOT / "examples" / "s3-danyang-phase1"
    plan = masswork.load_plan(d / "plan.toml")
    schedule = masswork.load_schedule(d / "schedule-flawed.toml", plan)
    wb = load_workbook(io.BytesIO(export_xlsx(ExportInput(plan, schedule, masswork.check(plan, schedule), "zh-Hans"))))
    ws = wb.create_sheet("豁免")
    ws.append(["要求编号", "理由", "批准人", "日期"])
    rule = plan.requirements[0].id
    ws.append([rule, "因疫情改期", "督導組", "2014-03-01"])
    ws2 = wb["报送"] if "报送" in wb.sheetnames else wb.create_sheet("报送")
    ws2.append(["没有这个文件", "督導組", "2014-03-01"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(masswork.InputError) as info:
        read_schedule(buf.getvalue(), plan, name="台賬.xlsx")
    assert '报送!A' in info.value.message("en") and "is not a document in this ledger" in info.value.message("en")
    ws2.delete_rows(ws2.max_row)
    buf = io.BytesIO()
    wb.save(buf)
    got = read_schedule(buf.getvalue(), plan, name="台賬.xlsx").schedule
    assert got.waivers[-1].requirement == rule and got.waivers[-1].reason == "因疫情改期"
    assert masswork.check(plan, got).to_dict()["findings"][0]["status"] == "waived"


@pytest.mark.parametrize("example_dir", ["s1-kejiju-phase1", "s4-jiguan-branches"])
def test_check_of_the_exported_workbook_equals_check_of_the_schedule(example_dir: str, tmp_path: Path) -> None:
    d = ROOT / "examples" / example_dir
    out = tmp_path / "台賬.xlsx"
    run_masswork("export", d / "plan.toml", d / "schedule-flawed.toml", "--format", "xlsx", "-o", out)
    a = run_masswork("check", d / "plan.toml", d / "schedule-flawed.toml", "--format", "json", ok=(0, 1))
    b = run_masswork("check", d / "plan.toml", out, "--format", "json", ok=(0, 1))
    assert a.returncode == b.returncode and json.loads(a.stdout) == json.loads(b.stdout)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_schedule_round_trips_through_the_workbook(data: st.DataObject) -> None:
    plan = data.draw(plans())
    schedule = data.draw(ledger_schedules(plan))
    lang = data.draw(st.sampled_from(LANGS))
    inp = ExportInput(plan, schedule, masswork.check(plan, schedule, validate=False), lang)
    got = read_schedule(export_xlsx(inp), plan, name="t.xlsx").schedule
    assert got == in_ledger_order(schedule)


@pytest.mark.parametrize("lang", LANGS)
def test_edge_cells_round_trip_through_the_workbook(lang: str) -> None:
    from masswork.testing import sample_plan
    from masswork.testing.ledger import edge_schedule

    plan, schedule = sample_plan(), edge_schedule()
    report = masswork.check(plan, schedule)
    got = read_schedule(export_xlsx(ExportInput(plan, schedule, report, lang)), plan, name="t.xlsx").schedule
    assert got == in_ledger_order(schedule)
    assert masswork.check(plan, got).to_dict(lang) == report.to_dict(lang)
