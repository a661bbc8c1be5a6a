"""``html-checklist``: the plan as a checklist page for A4 — one row per requirement with
its window, due date, responsible and per-person breakdown, all text escaped, nothing
fetched; printed by Chromium on A4 landscape pages that each repeat the table header."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import attrs
import pytest
from html_support import CHROMIUM_FLAGS, Page, chromium
from masswork.checklist import checklist, quota_text
from masswork.exporters import ExportInput
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import example_input
from masswork.testing.pdf import page_sizes, page_text, page_texts

import masswork_html
from masswork_html import CSP, export_html_checklist


def s3(lang: str = "zh", as_of: dt.date | None = dt.date(2014, 3, 5)) -> ExportInput:
    return example_input("s3-danyang-phase1", lang, as_of, start=Path(__file__))


def test_registered() -> None:
    host = make_plugin_manager(load_entrypoints=False, extra=(masswork_html,))
    assert host.exporters()["html-checklist"] is masswork_html.CHECKLIST_EXPORTER


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_row_per_requirement(lang: str) -> None:
    inp = s3(lang)
    text = export_html_checklist(inp).decode("utf-8")
    page = Page(text)
    rows = [e for e in page.find("tr") if e.attrs.get("data-rule")]
    items = checklist(inp)
    assert [r.attrs["data-rule"] for r in rows] == [i.rule for i in items]
    assert "@page { size: A4 landscape" in text and "thead { display: table-header-group; }" in text
    assert f'content="{CSP}"' in text and "<script" not in text
    for item in items:
        if item.quotas:
            assert quota_text(item.quotas, lang) in text
    assert "王建國 ×2" in text


@pytest.mark.parametrize("lang, words, other", [
    ("zh-Hans", ("<th>条款</th>", "<th>个人分解</th>", "落实清单", "核对人", "未达标"), "<th>條款</th>"),
    ("zh-Hant", ("<th>條款</th>", "<th>個人分解</th>", "落實清單", "核對人", "未達標"), "<th>条款</th>"),
])
def test_labels_in_the_chosen_script(lang: str, words: tuple[str, ...], other: str) -> None:
    """masswork's own words follow --lang; the plan's words (Traditional here) stay as written,
    and the page says which script it is in, so the browser draws the right glyph forms."""
    text = export_html_checklist(s3(lang, dt.date(2014, 5, 20))).decode("utf-8")
    assert f'<html lang="{lang}">' in text
    for word in words:
        assert word in text, word
    assert other not in text
    assert "丹陽" in text  # from the plan, unchanged


def test_signature_is_printed_with_the_last_row() -> None:
    """Chromium does not keep a paragraph after a table with the table's end, so the
    signature sits in the last table, in one unsplit row group with the last requirement."""
    text = export_html_checklist(s3("en")).decode("utf-8")
    end = text.split('<tbody class="end">', 1)[1].split("</tbody>", 1)[0]
    assert end.count("data-rule=") == 1 and 'class="sign"' in end and "Checked by" in end
    assert "tbody.end { break-inside: avoid;" in text


def test_hostile_text_is_escaped() -> None:
    inp = sample_export_input()
    plan = attrs.evolve(inp.plan, title="<script>alert(1)</script>")
    hostile = attrs.evolve(inp, plan=plan, schedule=with_text(inp.schedule, "<img src=x>"))
    text = export_html_checklist(hostile).decode("utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert export_html_checklist(inp) == export_html_checklist(inp)


@pytest.mark.slow
def test_printed_by_chromium_on_a4(tmp_path: Path) -> None:
    page = tmp_path / "落實清單.html"
    page.write_bytes(export_html_checklist(s3()))
    pdf = tmp_path / "checklist.pdf"
    proc = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()],
                          capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0 and pdf.exists(), proc.stderr[-3000:]
    sizes = [(round(w), round(h)) for w, h in page_sizes(pdf)]
    assert len(sizes) >= 2 and set(sizes) == {(842, 595)}  # A4 landscape
    for n, text in enumerate(page_texts(pdf), start=1):
        assert "條款" in text and "個人分解" in text, f"page {n} lacks the header row"
    whole = "".join(page_text(pdf).split())
    assert "王建國×2、其他人" in whole and "×1(陳紅、劉志強、張" in whole  # the cell wraps; the status cell sits between
