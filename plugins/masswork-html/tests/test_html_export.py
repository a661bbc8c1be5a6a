"""The html exporter, read back with the standard library's html.parser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from html_support import Page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from masswork.engine import check
from masswork.exporters import ExportInput
from masswork.model import EventStatus
from masswork.plugins import make_plugin_manager
from masswork.report import Status
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import run_masswork, write_sample_files
from masswork.testing.strategies import hostile_text, plans_and_schedules

import masswork_html
from masswork_html import CSP, clean, esc, export_html

# Elements a self-contained, script-free page may hold (HTML and inline SVG).
ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "h1", "h2",
    "div", "span", "small", "b", "i", "p", "q", "a", "bdi", "br", "dl", "dt", "dd", "ul", "li",
    "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
    "svg", "g", "rect", "circle", "line", "path", "polygon", "text",
}


def page_of(inp: ExportInput) -> tuple[str, Page]:
    text = export_html(inp).decode("utf-8")
    return text, Page(text)


def assert_self_contained(text: str, page: Page) -> None:
    """No script, no external reference, no event handler; the CSP meta comes first."""
    assert page.doctype is not None and page.doctype.lower() == "doctype html"
    tags = {el.tag for el in page.elements}
    assert tags <= ALLOWED, tags - ALLOWED
    for el in page.elements:
        for k, v in el.attrs.items():
            assert not k.startswith("on"), (el.tag, k)
            if k == "xmlns":
                assert v == "http://www.w3.org/2000/svg"
                continue
            if k in ("href", "src", "xlink:href", "action", "srcset", "poster", "data"):
                assert v is not None and v.startswith("#"), (el.tag, k, v)
            assert not re.match(r"\s*(https?:|//|javascript:)", v or "", re.I), (el.tag, k, v)
    metas = page.find("meta", http_equiv="Content-Security-Policy")
    assert len(metas) == 1 and metas[0].attrs["content"] == CSP
    names = [el.tag for el in page.elements]
    assert names.index("meta") < names.index("style")
    first_meta = [el for el in page.elements if el.tag == "meta"]
    assert first_meta[0].attrs.get("charset") == "utf-8"
    assert first_meta[1].attrs.get("http-equiv") == "Content-Security-Policy"
    css = "".join(el.text for el in page.find("style"))
    assert "@import" not in css and not re.search(r"url\(\s*['\"]?(?!data:)", css)


# ---------------------------------------------------------------- registration


def test_registered_with_masswork() -> None:
    host = make_plugin_manager()
    exporters = host.exporters()
    assert exporters["html"].suffix == ".html"
    assert exporters["html"].media_type == "text/html"
    assert host.owner_of("format", "html") == "html"
    assert not [f for f in host.failures if f.plugin == "html"]
    assert masswork_html.EXPORTER.export is export_html


def test_cli_lists_the_format_and_the_plugin() -> None:
    formats = json.loads(run_masswork("formats", "--json").stdout)
    assert any(f.get("name") == "html" for f in formats)
    assert "masswork-html" in run_masswork("plugins").stdout


# ---------------------------------------------------------------- content


def test_page_is_self_contained_and_zh() -> None:
    text, page = page_of(sample_export_input(as_of=dt.date(2014, 5, 1)))
    assert_self_contained(text, page)
    assert page.find("html")[0].attrs["lang"] == "zh-Hant"  # the default export language: Traditional
    assert len(page.find("svg", "timeline")) == 1
    assert "<script" not in text.lower()


def test_summary_phases_findings_and_ledger_agree_with_the_report() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 7, 15))
    _, page = page_of(inp)
    counts = inp.report.counts()
    for s in Status:
        card = page.find("div", f"st-{s.value}")
        assert len(card) == 1
        assert card[0].text.startswith(str(counts[s.value])), (s, card[0].text)
    rows = page.find("tr", "f")
    assert [r.attrs["data-rule"] for r in rows] == [
        f.rule for f in sorted(inp.report.findings, key=lambda f: ("unmet", "overdue", "open", "met", "waived").index(f.status.value))]
    for r in rows:
        f = inp.report.finding(str(r.attrs["data-rule"]))
        assert f"st-{f.status.value}" in r.classes()
        assert f.status.zh in r.text and f.clause in r.text
        for ev in f.evidence:
            assert ev in r.text
    phase_rows = page.find("div", "phase-row")
    assert len(phase_rows) == len(inp.report.phase_completion())
    ledger = [el for el in page.find("tr") if "data-event" in el.attrs]
    assert sorted(str(el.attrs["data-event"]) for el in ledger) == sorted(e.id for e in inp.schedule.events)
    links = [el for el in page.find("a", "ev-link")]
    ids = {el.attrs["id"] for el in page.elements if "id" in el.attrs}
    assert links and all(str(a.attrs["href"])[1:] in ids for a in links)


def test_timeline_marks_agree_with_schedule_and_report() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 7, 15))
    _, page = page_of(inp)
    marks = page.find("g", "ev")
    assert sum(int(str(g.attrs["data-n"])) for g in marks) == len(inp.schedule.events)
    held = sum(int(str(g.attrs["data-n"])) for g in page.find("g", "ev-held"))
    planned = sum(int(str(g.attrs["data-n"])) for g in page.find("g", "ev-planned"))
    cancelled = sum(int(str(g.attrs["data-n"])) for g in page.find("g", "ev-cancelled"))
    assert (held, planned, cancelled) == tuple(
        sum(1 for e in inp.schedule.events if e.status is s) for s in (EventStatus.HELD, EventStatus.PLANNED, EventStatus.CANCELLED))
    dues = page.find("g", "due")
    assert sum(int(str(g.attrs["data-n"])) for g in dues) == sum(1 for f in inp.report.findings if f.due)
    failing = {f.rule for f in inp.report.findings if f.status.failing and f.due}
    assert failing
    fails = page.find("g", "fail")
    assert {g.attrs["data-rule"] for g in fails} == failing
    # Failing marks are red.
    svg_text = export_html(inp).decode()
    for rule in failing:
        m = re.search(r'<g class="fail" data-rule="%s"[^>]*>.*?<polygon [^>]*fill="(#[0-9a-f]{6})"' % re.escape(esc(rule)), svg_text)
        assert m and m.group(1) in ("#d32f2f", "#9a1b1b")
    months = page.find("text", "month")
    assert [m.text for m in months][:2] == ["2014年2月", "3月"]
    assert page.find("g", "asof")
    assert {g.attrs["data-phase"] for g in page.find("g", "phase")} == {"學習教育", "查擺問題"}
    # Held dots are filled, planned ones hollow.
    assert re.search(r'<g class="ev ev-held"[^>]*>(?:<title>.*?</title>)<circle [^>]*fill="#37474f"', svg_text)
    assert re.search(r'<g class="ev ev-planned"[^>]*>(?:<title>.*?</title>)<circle [^>]*fill="#fff" stroke=', svg_text)


def test_english() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 7, 15), lang="en")
    text, page = page_of(inp)
    assert page.find("html")[0].attrs["lang"] == "en"
    assert "Findings" in text and "mobilization meeting" in text
    assert_self_contained(text, page)


def test_empty_schedule() -> None:
    base = sample_export_input()
    schedule = attrs.evolve(base.schedule, events=(), documents=(), periods=(), attestations=())
    inp = ExportInput(base.plan, schedule, check(base.plan, schedule), "zh", None)
    text, page = page_of(inp)
    assert_self_contained(text, page)
    assert not page.find("g", "ev")


# ---------------------------------------------------------------- determinism


def test_same_input_same_bytes() -> None:
    inp = sample_export_input(as_of=dt.date(2014, 4, 1))
    assert export_html(inp) == export_html(sample_export_input(as_of=dt.date(2014, 4, 1)))
    shuffled = attrs.evolve(inp, schedule=attrs.evolve(inp.schedule, events=tuple(reversed(inp.schedule.events))))
    assert export_html(shuffled) == export_html(inp)
    code = ("import sys; from masswork.testing import sample_export_input; from masswork_html import export_html; "
            "sys.stdout.buffer.write(export_html(sample_export_input()))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2")}
    assert outs == {export_html(sample_export_input())}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_export_writes_the_same_bytes(tmp_path: Path, lang: str) -> None:
    plan, schedule = write_sample_files(tmp_path)
    out = tmp_path / "out.html"
    run_masswork("export", plan, schedule, "--format", "html", "-o", out, "--as-of", "2014-05-01", "--lang", lang)
    assert out.read_bytes() == export_html(sample_export_input(as_of=dt.date(2014, 5, 1), lang=lang))


# ---------------------------------------------------------------- hostile text


def test_clean_and_esc() -> None:
    assert clean("a\x00b\r\nc\rd\x1b\x7f\x85e\ufffe\ufdd0f") == "ab\nc\ndef"
    assert esc("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#x27;"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text(max_size=120))
def test_hostile_text_is_escaped(text: str) -> None:
    base = sample_export_input(as_of=dt.date(2014, 4, 1))
    schedule = with_text(base.schedule, text)
    plan = attrs.evolve(base.plan, title=text, issuer=text)
    inp = ExportInput(plan, schedule, check(plan, schedule, dt.date(2014, 4, 1)), "zh", dt.date(2014, 4, 1))
    raw, page = page_of(inp)
    assert_self_contained(raw, page)
    c = clean(text)
    # The text reads back unchanged (less what HTML cannot carry) wherever it went.
    assert page.find("h1")[0].text == c
    ledger = [el for el in page.find("tr") if "data-event" in el.attrs]
    assert len(ledger) == len(schedule.events)
    for row in ledger:
        cells = [el for el in page.elements if el.tag == "td"]
        assert cells  # the row holds cells
        assert c.replace("\n", "") in row.text.replace("\n", "")
    title = page.find("title")[0].text
    assert title.startswith(" ".join(c.split()))
    # Nothing the text contains became markup.
    assert len(page.find("svg")) == 1
    assert not page.find("script") and not page.find("img")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ps=plans_and_schedules(text=hostile_text()), as_of=st.none() | st.dates(dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
       lang=st.sampled_from(["zh", "en"]))
def test_any_plan_and_schedule_gives_a_clean_page(ps: Any, as_of: dt.date | None, lang: str) -> None:
    plan, schedule = ps
    inp = ExportInput(plan, schedule, check(plan, schedule, as_of), lang, as_of)
    raw, page = page_of(inp)
    assert_self_contained(raw, page)
    assert len(page.find("tr", "f")) == len(inp.report.findings)
    assert sum(int(str(g.attrs["data-n"])) for g in page.find("g", "ev")) == len(schedule.events)
    assert sum(int(str(g.attrs["data-n"])) for g in page.find("g", "due")) == sum(1 for f in inp.report.findings if f.due)
    assert raw == export_html(inp).decode("utf-8")
