"""``docx-checklist``: the plan as an A4 checklist — one row per requirement with its window,
due date, responsible and per-person breakdown; header row repeated, rows unsplit; printed
by LibreOffice on A4 landscape pages that each repeat the header."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph
import pytest
from masswork.checklist import checklist, quota_text
from masswork.exporters import ExportInput
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import example_input, find_examples, run_masswork
from masswork.testing.pdf import page_sizes, page_text, page_texts

import masswork_docx
from masswork_docx import build_checklist, export_docx_checklist

Convert = Callable[[Path, str, Path], Path]


def style_name(p: Paragraph) -> str:
    return p.style.name if p.style is not None and p.style.name else ""


def s3(lang: str = "zh", as_of: dt.date | None = dt.date(2014, 3, 5)) -> ExportInput:
    return example_input("s3-danyang-phase1", lang, as_of, start=Path(__file__))


def test_registered() -> None:
    host = make_plugin_manager(load_entrypoints=False, extra=(masswork_docx,))
    assert host.exporters()["docx-checklist"] is masswork_docx.CHECKLIST_EXPORTER


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_row_per_requirement_on_a4_landscape(lang: str) -> None:
    inp = s3(lang)
    doc = docx.Document(io.BytesIO(export_docx_checklist(inp)))
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    rows = [row for table in doc.tables for row in table.rows[1:]]
    items = checklist(inp)
    assert len(rows) == len(items) == len(inp.plan.requirements)
    for table in doc.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
        assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)
    for row, item in zip(rows, items):
        cells = [c.text for c in row.cells]
        assert cells[0] == "☐" and cells[1] == item.clause
        assert cells[2].startswith(item.title)
        if item.due:
            assert item.due.isoformat() in cells[3]
        assert cells[5] == quota_text(item.quotas, lang)
    assert any("王建國 ×2" in c.text for row in rows for c in row.cells)
    headings = [p for p in doc.paragraphs if style_name(p) == "Heading 1"]
    assert headings and all(h.paragraph_format.keep_with_next for h in headings)


def test_deterministic_and_hostile_text_is_text() -> None:
    inp = sample_export_input()
    assert export_docx_checklist(inp) == export_docx_checklist(inp)
    import attrs

    hostile = attrs.evolve(inp, schedule=with_text(inp.schedule, "<w:t>\x00=1+1"))
    doc = build_checklist(hostile)
    assert doc.tables


def test_from_the_command_line(tmp_path: Path) -> None:
    root = find_examples(Path(__file__))
    assert root is not None
    out = tmp_path / "落實清單.docx"
    run_masswork("export", root / "s3-danyang-phase1/plan.toml", root / "s3-danyang-phase1/schedule-flawed.toml",
                 "--format", "docx-checklist", "--as-of", "2014-03-05", "-o", out)
    assert docx.Document(str(out)).tables


@pytest.mark.slow
def test_printed_by_libreoffice(masswork_libreoffice: Convert, tmp_path: Path) -> None:
    inp = s3()
    path = tmp_path / "落實清單.docx"
    path.write_bytes(export_docx_checklist(inp))
    pdf = masswork_libreoffice(path, "pdf", tmp_path / "pdf") / "落實清單.pdf"
    sizes = [(round(w), round(h)) for w, h in page_sizes(pdf)]
    assert len(sizes) >= 2 and set(sizes) == {(842, 595)}  # A4 landscape
    for n, text in enumerate(page_texts(pdf), start=1):
        assert "條款" in text and "個人分解" in text, f"page {n} lacks the header row"
        assert f"第{n}頁" in "".join(text.split())  # the footer's page number
    whole = page_text(pdf)
    squeezed = "".join(whole.split())
    assert "王建國×2、其他人×1" in squeezed
    assert "2014-04-01至2014-04-10" in squeezed  # 4月上旬, resolved


def test_signature_keeps_with_the_last_row() -> None:
    doc = build_checklist(s3("en"))
    last_row = doc.tables[-1].rows[-1]
    assert all(p.paragraph_format.keep_with_next for c in last_row.cells for p in c.paragraphs)
    assert doc.paragraphs[-1].text.startswith("Checked by")


@pytest.mark.slow
@pytest.mark.parametrize("name, lang, as_of", [
    ("s2-kejiju-campaign", "en", dt.date(2014, 7, 15)),
    # s4's one table runs over two pages: LibreOffice keeps a table with the next paragraph
    # only when it can move the whole table, so the last row is a table of its own.
    ("s4-jiguan-branches", "en", dt.date(2023, 12, 20)),
    ("s4-jiguan-branches", "zh-Hans", dt.date(2023, 12, 20)),
])
def test_signature_never_alone_on_the_last_page(masswork_libreoffice: Convert, tmp_path: Path,
                                                name: str, lang: str, as_of: dt.date) -> None:
    """Looked at with tools/render_outputs.py: both printed their signature line alone on a
    last page before the last row was kept with it."""
    path = tmp_path / "checklist.docx"
    path.write_bytes(export_docx_checklist(example_input(name, lang, as_of, start=Path(__file__))))
    pdf = masswork_libreoffice(path, "pdf", tmp_path / "pdf") / "checklist.pdf"
    last = page_texts(pdf)[-1]
    assert ("Checked by" in last) if lang == "en" else ("核对人" in last)
    assert ("clause" in last if lang == "en" else "条款" in last) and re.search(r"S\d\.\d", last), \
        f"the last page holds only the signature:\n{last}"
