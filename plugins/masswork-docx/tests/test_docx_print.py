"""The self-inspection report prints: A4, headings that name the requirement, 責任 naming the
people, no heading stranded at a page's foot and no signature alone on a page — checked in
the document's structure and in the PDF LibreOffice prints from it, page by page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph
import pytest
from masswork.checklist import rule_title
from masswork.exporters import ExportInput
from masswork.testing import sample_export_input
from masswork.testing.cli import example_input as examples_input
from masswork.testing.pdf import page_sizes, page_texts

from masswork_docx import export_docx
from masswork_docx.report import OPEN_STATUSES, build_document

Convert = Callable[[Path, str, Path], Path]


def style_name(p: Paragraph) -> str:
    return p.style.name if p.style is not None and p.style.name else ""


def example_input(name: str, lang: str, as_of: dt.date) -> ExportInput:
    return examples_input(name, lang, as_of, start=Path(__file__))


CASES = [("s1-kejiju-phase1", "zh", dt.date(2014, 3, 5)), ("s2-kejiju-campaign", "en", dt.date(2014, 5, 20)),
         ("s3-danyang-phase1", "zh", dt.date(2014, 3, 5)), ("s3-danyang-phase1", "en", dt.date(2014, 5, 20))]


def is_heading(p: Paragraph) -> bool:
    return p.style is not None and style_name(p).startswith(("Heading", "Title"))


@pytest.mark.parametrize("name, lang, as_of", CASES)
def test_layout_in_the_document(name: str, lang: str, as_of: dt.date) -> None:
    inp = example_input(name, lang, as_of)
    doc = build_document(inp)
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    paras = doc.paragraphs
    # The body in order, tables included (a table between two headings separates them).
    body = [Paragraph(el, doc._body) if el.tag.endswith("}p") else None
            for el in doc.element.body if el.tag.endswith(("}p", "}tbl"))]
    for a, b in zip(body, body[1:]):
        if a is not None and is_heading(a) and style_name(a) != "Title":
            assert a.paragraph_format.keep_with_next, a.text
            assert b is None or not is_heading(b), f"two headings in a row: {a.text!r}, {b.text!r}"
    # Open items: the heading carries the requirement's title; 責任 names people.
    reqs = {r.id: r for r in inp.plan.requirements}
    items = [p.text for p in paras if style_name(p) == "Heading 2"]
    failing = [f for s in OPEN_STATUSES for f in inp.report.findings if f.status is s]
    assert len(items) == len(failing) > 0
    for text, f in zip(items, failing):
        assert rule_title(reqs[f.rule], inp.plan, lang) in text and f.clause in text
    label = "責任:" if lang == "zh" else "Responsible: "
    duty = [p.text for p in paras if p.text.startswith(label)]
    assert len(duty) == sum(1 for f in failing if f.responsible)
    role_ids = {r.id for r in inp.plan.roles}
    for f in failing:
        for ref in f.responsible:
            if ref in role_ids:
                for person in inp.plan.holders(ref):
                    assert any(person.name in d for d in duty), (ref, person.name)
    # The signature is the last paragraph, one block, kept with the paragraph before it.
    sign = paras[-1]
    assert ("蓋章" if lang == "zh" else "(seal)") in sign.text
    assert sign.paragraph_format.keep_together
    assert paras[-2].paragraph_format.keep_with_next or doc.element.body[-3].tag.endswith("tbl")


def test_a_role_names_its_holders() -> None:
    inp = sample_export_input()
    doc = build_document(inp)
    duty = [p.text for p in doc.paragraphs if p.text.startswith("責任:")]
    holders = {p.name for p in inp.plan.holders("班子成員")}
    assert holders and any(all(h in d for h in holders) for d in duty)


# ------------------------------------------------------------------ printed by LibreOffice


def a4_page_texts(pdf: Path) -> list[str]:
    sizes = page_sizes(pdf)
    assert sizes and all((round(w), round(h)) == (595, 842) for w, h in sizes)  # A4 portrait
    return page_texts(pdf)


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("name, lang, as_of", CASES)
def test_printed_pages_strand_no_heading_and_no_signature(masswork_libreoffice: Convert, tmp_path: Path,
                                                          name: str, lang: str, as_of: dt.date) -> None:
    inp = example_input(name, lang, as_of)
    path = tmp_path / f"{name}-{lang}.docx"
    path.write_bytes(export_docx(inp))
    pdf = masswork_libreoffice(path, "pdf", tmp_path / "pdf") / f"{name}-{lang}.pdf"
    pages = a4_page_texts(pdf)
    assert len(pages) >= 3
    doc = build_document(inp)
    headings = [squeeze(p.text) for p in doc.paragraphs if style_name(p).startswith("Heading")]
    for n, text in enumerate(pages, start=1):
        lines = [squeeze(line) for line in text.splitlines() if line.strip()]
        assert lines, f"page {n} is empty"
        last = lines[-1]
        # The page's last line must not be (the end of) a heading.
        assert not any(h.endswith(last) for h in headings), f"page {n} ends with a heading: {last}"
    final = [squeeze(line) for line in pages[-1].splitlines() if line.strip()]
    seal = "蓋章" if lang == "zh" else "(seal)"
    assert any(seal in line for line in final)
    signature = {squeeze(x) for x in doc.paragraphs[-1].text.splitlines()}
    assert [line for line in final if line not in signature], "the signature stands alone on the last page"
