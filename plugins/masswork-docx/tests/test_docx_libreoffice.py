"""LibreOffice opens the report: converted headless to PDF, poppler's pdftotext finds the
Chinese title, the open items and what is owed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from masswork.testing import sample_export_input

from masswork_docx import clean, export_docx, title_text

Convert = Callable[[Path, str, Path], Path]
Extract = Callable[[Path], str]

pytestmark = pytest.mark.slow


def squeeze(text: str) -> str:
    """Text without whitespace: the PDF wraps lines where the document did not."""
    return "".join(text.split())


def test_chinese_report_to_pdf(masswork_libreoffice: Convert, pdftotext: Extract, tmp_path: Path) -> None:
    inp = sample_export_input()
    path = tmp_path / "自查報告.docx"
    path.write_bytes(export_docx(inp))
    pdf = masswork_libreoffice(path, "pdf", tmp_path / "pdf") / "自查報告.pdf"
    text = squeeze(pdftotext(pdf))
    assert "自查報告" in text
    assert squeeze(title_text(inp)) in text
    assert "一、總體情況" in text and "三、存在問題及尚欠事項" in text
    assert squeeze("孫平:應 1,實 0,尚欠 1") in text
    assert "示例局(蓋章)" in text


def test_english_report_to_pdf(masswork_libreoffice: Convert, pdftotext: Extract, tmp_path: Path) -> None:
    inp = sample_export_input(lang="en")
    path = tmp_path / "report.docx"
    path.write_bytes(export_docx(inp))
    text = squeeze(pdftotext(masswork_libreoffice(path, "pdf", tmp_path / "pdf") / "report.pdf"))
    assert squeeze("Self-inspection report") in text
    assert squeeze("1. Summary") in text


def test_hostile_report_opens(masswork_libreoffice: Convert, pdftotext: Extract, tmp_path: Path) -> None:
    import attrs
    from masswork.testing import with_text

    text = "<b>=1+1</b>\x00\x0b 群眾路線 &amp;"
    inp = sample_export_input()
    inp = attrs.evolve(inp, schedule=with_text(inp.schedule, text))
    path = tmp_path / "hostile.docx"
    path.write_bytes(export_docx(inp))
    pdf_text = squeeze(pdftotext(masswork_libreoffice(path, "pdf", tmp_path / "pdf") / "hostile.pdf"))
    assert squeeze(clean(text)) in pdf_text
