"""The self-inspection report, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import attrs
import docx
import pytest
from docx.document import Document
from hypothesis import HealthCheck, given, settings
from masswork.checklist import rule_title
from masswork.exporters import ExportInput
from masswork.plugins import make_plugin_manager
from masswork.report import Status
from masswork.testing import sample_export_input, with_text
from masswork.testing.strategies import hostile_text

import masswork_docx
from masswork_docx import clean, export_docx, owed_text, read_docx_text, title_text
from masswork_docx.report import OPEN_STATUSES, owed_label, section_title

AS_OF = dt.date(2014, 4, 1)


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def styled(doc: Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == style]


def test_registered_through_the_entry_point() -> None:
    host = make_plugin_manager()
    assert host.exporters()["docx"].suffix == ".docx"
    assert host.owner_of("format", "docx") == "docx"
    impls = host.pm.hook.masswork_read_document.get_hookimpls()
    assert "docx" in [host.pm.get_name(i.plugin) for i in impls]
    assert not [f for f in host.failures if f.plugin == "docx"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("as_of", [None, AS_OF])
def test_report_structure(lang: str, as_of: dt.date | None) -> None:
    inp = sample_export_input(as_of, lang)
    doc = read(export_docx(inp))
    assert styled(doc, "Title") == [title_text(inp)]
    if lang == "zh":
        assert "自查報告" in title_text(inp) and section_title("summary", lang) == "一、總體情況"
    headings = styled(doc, "Heading 1")
    for key in ("summary", "phases", "open", "met"):
        assert section_title(key, lang) in headings
    assert (section_title("warnings", lang) in headings) == bool(inp.report.warnings)
    assert (section_title("waived", lang) in headings) == bool(inp.report.by_status(Status.WAIVED))

    # Summary table: one row per status, then the total.
    counts = inp.report.counts()
    summary = doc.tables[0]
    cells = [[c.text for c in row.cells] for row in summary.rows[1:]]
    assert cells[:-1] == [[(s.zh if lang == "zh" else s.value), str(counts[s.value])] for s in Status]
    assert cells[-1][1] == str(len(inp.report.findings))

    # Phase table: done and total per phase.
    phases = doc.tables[1]
    got = [(r.cells[1].text, r.cells[2].text) for r in phases.rows[1:]]
    want = [(str(v["done"]), str(v["total"])) for v in inp.report.phase_completion().values()]
    assert got == want

    # Every open, unmet or overdue finding has its own heading, quote and what is owed.
    open_items = [f for s in OPEN_STATUSES for f in inp.report.findings if f.status is s]
    items = styled(doc, "Heading 2")
    assert len(items) == len(open_items)
    text = "\n".join(p.text for p in doc.paragraphs)
    names = dict(inp.plan.names())
    names.update((e.id, e.title) for e in inp.schedule.events if e.title)
    names.update((d.id, d.title) for d in inp.schedule.documents if d.title)
    reqs = {r.id: r for r in inp.plan.requirements}
    for heading, f in zip(items, open_items):
        assert f.clause in heading and f.rule in heading
        assert rule_title(reqs[f.rule], inp.plan, lang) in heading  # the requirement's title
        assert (f.status.zh if lang == "zh" else f.status.value) in heading
        assert f.quote in text
        assert owed_label(f, lang) + owed_text(f, lang, names) in text

    # Met items: one bullet each (plus the warnings' bullets, after them).
    bullets = styled(doc, "List Bullet")
    met = inp.report.by_status(Status.MET)
    waived = inp.report.by_status(Status.WAIVED)
    assert len(bullets) == len(met) + len(waived) + len(inp.report.warnings)
    for b, f in zip(bullets, met):
        assert b.startswith(f"[{f.clause}] {rule_title(reqs[f.rule], inp.plan, lang)} ({f.rule}): ")

    # Signature block.
    assert any(("蓋章" if lang == "zh" else "(seal)") in p.text for p in doc.paragraphs[-4:])


def test_forum_shortfall_is_spelled_out() -> None:
    inp = sample_export_input()
    text = read_docx_text_from(export_docx(inp))
    assert "尚欠:孫平:應 1,實 0,尚欠 1" in text
    assert "原文:「主要負責同志至少召開2次座談會" in text
    assert "尚欠:孫平×周蘭" in text  # a pair owes a talk, not a count


def test_gap_for_violations_that_cannot_be_made_up() -> None:
    from masswork.report import Finding, Shortfall

    late = Finding("r", "X.1", "deadline", Status.UNMET, "晚了", "late",
                   shortfall=(Shortfall("plan-doc", detail="2014-02-27 not in ..2014-02-25"),))
    assert owed_label(late, "zh") == "差距:"
    assert owed_text(late, "zh", {"plan-doc": "局黨組學習計劃"}) == "局黨組學習計劃:2014-02-27 not in ..2014-02-25"
    short = Finding("f", "X.2", "per-person", Status.UNMET, "", "",
                    shortfall=(Shortfall("sun-ping", "孫平", need=2, have=0),))
    assert owed_label(short, "zh") == "尚欠:"
    assert owed_text(short, "zh") == "孫平:應 2,實 0,尚欠 2"
    assert owed_text(short, "en") == "孫平: 0 of 2, 2 owed"


def read_docx_text_from(data: bytes) -> str:
    doc = read(data)
    return "\n".join(p.text for p in doc.paragraphs)


def test_east_asian_fonts() -> None:
    data = export_docx(sample_export_input())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    doc = read(data)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    defaults = doc.styles.element.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr/{w}rFonts")
    assert defaults is not None and defaults.get(f"{w}eastAsia") == "SimSun"
    for name, font in (("Normal", "SimSun"), ("Title", "SimHei"), ("Heading 1", "SimHei"),
                       ("Heading 2", "SimHei")):
        rfonts = doc.styles[name].element.find(f"{w}rPr/{w}rFonts")
        assert rfonts is not None, name
        assert rfonts.get(f"{w}eastAsia") == font, name
        assert rfonts.get(f"{w}eastAsiaTheme") is None, name
    assert 'w:eastAsia="zh-CN"' in styles


def test_a4_page() -> None:
    section = read(export_docx(sample_export_input())).sections[0]
    assert section.page_width is not None and abs(section.page_width.cm - 21.0) < 0.01
    assert section.page_height is not None and abs(section.page_height.cm - 29.7) < 0.01


def test_deterministic_and_dated_from_input() -> None:
    inp = sample_export_input(AS_OF)
    a, b = export_docx(inp), export_docx(inp)
    assert a == b
    props = read(a).core_properties
    assert props.created == props.modified == dt.datetime(2014, 4, 1, tzinfo=dt.timezone.utc)
    assert props.author == "masswork"
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert {i.date_time for i in z.infolist()} == {(2014, 4, 1, 0, 0, 0)}


def hostile_input(text: str, lang: str = "zh") -> ExportInput:
    """The sample with ``text`` in the plan title, every free-text schedule field, the unit,
    and every finding's quote and message."""
    base = sample_export_input(lang=lang)
    plan = attrs.evolve(base.plan, title=text)
    findings = tuple(attrs.evolve(f, quote=text, message_zh=text, message_en=text, msg=None)
                     for f in base.report.findings)
    report = attrs.evolve(base.report, findings=findings, plan_title=text)
    return ExportInput(plan, with_text(base.schedule, text), report, lang, None)


@pytest.mark.parametrize("text, kept", [
    ("a\x00b", "ab"),
    ("\x01\x02=1+1\x1f", "=1+1"),
    ("a\ufffeb\uffff", "ab"),
    ("line1\r\nline2\rline3", "line1\nline2\nline3"),
    ("tab\there", "tab\there"),
    ("<w:p>xml</w:p> &amp; ]]>", "<w:p>xml</w:p> &amp; ]]>"),
    ("  spaced  ", "  spaced  "),
    ("emoji 😀 \u202eRTL", "emoji 😀 \u202eRTL"),
])
def test_hostile_text(text: str, kept: str) -> None:
    assert clean(text) == kept
    doc = read(export_docx(hostile_input(text)))
    paragraphs = [p.text for p in doc.paragraphs]
    assert f"單位:{kept}" in paragraphs
    assert styled(doc, "Title") == [f"關於落實《{kept}》情況的自查報告"]
    assert f"情況:{kept}" in paragraphs
    assert f"原文:「{kept}」" in paragraphs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text())
def test_hostile_text_property(text: str) -> None:
    data = export_docx(hostile_input(text))
    doc = read(data)
    kept = clean(text)
    paragraphs = [p.text for p in doc.paragraphs]
    assert f"單位:{kept or '示例局黨組'}" in paragraphs  # no unit: the plan's issuer
    assert f"情況:{kept}" in paragraphs
    assert doc.core_properties.subject == kept[:255]
    # The reader masswork draft uses sees the same text.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None


def test_english() -> None:
    doc = read(export_docx(sample_export_input(lang="en")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert styled(doc, "Title")[0].startswith("Self-inspection report")
    assert "Owed: 孫平: 0 of 1, 1 owed" in text
    assert "1. Summary" in styled(doc, "Heading 1")


def test_module_exports() -> None:
    assert masswork_docx.EXPORTER.export is export_docx
    assert masswork_docx.read_docx_text is read_docx_text
