"""The ``masswork_read_document`` hook: .docx text for ``masswork draft``."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from masswork.errors import InputError
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input

import masswork_docx
from masswork_docx import export_docx, read_docx_text, title_text

PLAN_TEXT = [
    "丹陽市科技局學習教育、聽取意見環節實施辦法",
    "一、指導思想",
    "黨組織主要負責同志至少召開2次座談會,其他每位班子成員至少主持1次座談會。",
    "並報市委督導組審閱(2月25日前)。",
]


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading(PLAN_TEXT[0], level=0)
    d.add_heading(PLAN_TEXT[1], level=1)
    p = d.add_paragraph("黨組織主要負責同志")
    p.add_run("至少召開2次座談會").bold = True
    p.add_run(",其他每位班子成員至少主持1次座談會。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "環節"
    table.cell(0, 1).text = "時間"
    table.cell(1, 0).text = "學習教育"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "2月24日至4月"
    d.add_paragraph("第一行\n第二行\t(制表)")
    d.add_paragraph(PLAN_TEXT[3])
    d.save(str(path))
    return path


def test_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    text = read_docx_text(make_docx(tmp_path / "方案.docx"))
    lines = text.split("\n")
    assert lines[0] == PLAN_TEXT[0]
    assert lines[1] == PLAN_TEXT[1]
    assert lines[2] == PLAN_TEXT[2]
    # Table cells, row by row; the nested table's cell inside its own cell.
    assert lines[3:8] == ["環節", "時間", "學習教育", "", "2月24日至4月"]
    assert "第一行\n第二行\t(制表)" in text
    assert lines[-1] == PLAN_TEXT[3]


def test_hook_answers_for_docx_only(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "PLAN.DOCX")
    hook = make_plugin_manager().pm.hook.masswork_read_document
    assert hook(path=str(path)) == read_docx_text(path)
    assert masswork_docx.masswork_read_document(str(tmp_path / "plan.txt")) is None
    assert masswork_docx.masswork_read_document(str(tmp_path / "plan.doc")) is None


def test_not_a_word_document(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError) as info:
        masswork_docx.masswork_read_document(str(bad))
    assert "bad.docx" in info.value.message("en")


def test_round_trip_of_an_exported_report(tmp_path: Path) -> None:
    inp = sample_export_input()
    path = tmp_path / "自查報告.docx"
    path.write_bytes(export_docx(inp))
    text = read_docx_text(path)
    assert text.split("\n")[0] == title_text(inp)
    for f in inp.report.findings:
        assert f.rule in text
    assert "孫平:應 1,實 0,尚欠 1" in text
    assert "未達標\n3" in text  # the summary table's cells, one per line


def test_masswork_draft_reads_docx_through_the_hook(tmp_path: Path,
                                                    masswork_isolated_plugins: None) -> None:
    draft_text = pytest.importorskip("masswork.draft.text")
    source = draft_text.read_document(make_docx(tmp_path / "方案.docx"))
    assert source.text.split("\n")[0] == PLAN_TEXT[0]
    assert PLAN_TEXT[2] in source.text
