"""Built-in formats: json, csv (ledger), csv-findings and markdown — read back by
independent readers, counts agreeing with the report, hostile text neutralised."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings

import masswork
from masswork.builtin.exporters import export_csv, export_csv_findings, export_json, export_markdown
from masswork.exporters import ExportInput
from masswork.testing import sample_export_input, sample_plan, sample_schedule, with_text
from masswork.testing.strategies import hostile_text


def rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_ledger_has_every_event() -> None:
    inp = sample_export_input()
    table = rows(export_csv(inp))
    assert table[0][:3] == ["日期", "時間", "類型"]
    record = table[0].index("記錄類型")  # the events first, then the schedule's other records
    assert [r[record] for r in table[1:]][:len(inp.schedule.events)] == ["活動"] * len(inp.schedule.events)
    assert "活動" not in [r[record] for r in table[1 + len(inp.schedule.events):]]
    assert rows(export_csv(ExportInput(inp.plan, inp.schedule, inp.report, "en")))[0][0] == "date"


def test_csv_findings_match_report() -> None:
    inp = sample_export_input()
    table = rows(export_csv_findings(inp))
    assert [r[0] for r in table[1:]] == [f.rule for f in inp.report.findings]
    # The status column is written in the export's language (Chinese by default); the English
    # export keeps the machine-stable words met/unmet/overdue/open/waived.
    zh = {"met": "已完成", "unmet": "未達標", "overdue": "已逾期", "open": "未到期", "waived": "已豁免"}
    assert [r[3] for r in table[1:]] == [zh[f.status.value] for f in inp.report.findings]
    en = rows(export_csv_findings(ExportInput(inp.plan, inp.schedule, inp.report, "en")))
    assert [r[3] for r in en[1:]] == [f.status.value for f in inp.report.findings]


def test_json_export_counts_agree() -> None:
    inp = sample_export_input()
    data = json.loads(export_json(inp))
    assert data["report"]["summary"]["counts"] == inp.report.counts()
    assert masswork.schedule_from_dict(data["schedule"]) == inp.schedule


def _hostile_input(text: str) -> ExportInput:
    plan, sched = sample_plan(), with_text(sample_schedule(), text)
    return ExportInput(plan, sched, masswork.check(plan, sched))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text())
def test_csv_neutralises_formulas_and_nul(text: str) -> None:
    table = rows(export_csv(_hostile_input(text)))
    for row in table[1:]:
        for cell in row:
            assert "\x00" not in cell
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    record = table[0].index("記錄類型")
    titles = {row[3] for row in table[1:] if row[record] == "活動"}
    expected = text.replace("\x00", "")
    formula = ("=", "+", "-", "@", "\t", "\r")
    # An apostrophe guards a formula; one the text itself starts with before such a
    # character (or another apostrophe) is doubled, so a reader taking one off is exact.
    guarded = expected.startswith(formula) or (expected.startswith("'") and expected[1:].startswith((*formula, "'")))
    assert titles == {("'" + expected) if guarded else expected}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text())
def test_markdown_escapes_html_and_syntax(text: str) -> None:
    inp = _hostile_input(text)
    md = export_markdown(inp).decode("utf-8")
    assert "<script" not in md and "<img" not in md
    # every table row keeps its five columns whatever the text holds
    table = [line for line in md.splitlines() if line.startswith("| ") and line.count("|") >= 6]
    for line in table:
        assert line.replace("\\|", "").count("|") == 6


def test_export_helpers_for_plugin_authors() -> None:
    import datetime as dt
    import zipfile

    from masswork.exporters import deterministic_zip

    inp = sample_export_input(as_of=dt.date(2014, 3, 1))
    assert inp.stamp() == dt.datetime(2014, 3, 1)
    assert sample_export_input().stamp() == dt.datetime(2014, 6, 10)  # the schedule's last day
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.xml", "<a/>")
    once = deterministic_zip(buf.getvalue(), inp.stamp())
    assert once == deterministic_zip(buf.getvalue(), inp.stamp())
    with zipfile.ZipFile(io.BytesIO(once)) as z:
        assert z.read("a.xml") == b"<a/>" and z.infolist()[0].date_time[:3] == (2014, 3, 1)
    names = inp.plan.names("en")
    assert names["座談會"] == "forum" and names["li-fei"] == "李飛" and inp.plan.names()["座談會"] == "座談會"
