"""``html-checklist``: the plan as a checklist page for A4 — one row per requirement with
its window, due date, responsible and per-person breakdown, all text escaped, nothing
fetched; printed by Chromium on A4 landscape pages that each repeat the table header."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import attrs
import pytest
from html_support import CHROMIUM_FLAGS, Page, chromium
from masswork import check, load_plan, load_schedule
from masswork.checklist import checklist, quota_text
from masswork.exporters import ExportInput
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import find_examples, require_program

import masswork_html
from masswork_html import CSP, export_html_checklist


def s3(lang: str = "zh", as_of: dt.date | None = dt.date(2014, 3, 5)) -> ExportInput:
    root = find_examples(Path(__file__))
    assert root is not None
    plan = load_plan(root / "s3-danyang-phase1" / "plan.toml")
    schedule = load_schedule(root / "s3-danyang-phase1" / "schedule-flawed.toml", plan)
    return ExportInput(plan, schedule, check(plan, schedule, as_of=as_of), lang, as_of)


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
    info = subprocess.run([require_program("pdfinfo"), "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    sizes = [(round(float(w)), round(float(h))) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    assert len(sizes) >= 2 and set(sizes) == {(842, 595)}  # A4 landscape
    for n in range(1, len(sizes) + 1):
        text = subprocess.run([require_program("pdftotext"), "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "條款" in text and "個人分解" in text, f"page {n} lacks the header row"
    whole = "".join(subprocess.run([require_program("pdftotext"), str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "王建國×2、其他人" in whole and "×1(陳紅、劉志強、張" in whole  # the cell wraps; the status cell sits between
