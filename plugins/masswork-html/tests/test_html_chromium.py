"""The page in a real browser: headless Chromium renders it (a screenshot that is not
blank), logs nothing to the console (no CSP violation, no error), makes no network request,
and its DOM holds the timeline. Marked slow; without Chromium the tests skip, under CI
they fail. Set MASSWORK_SCREENSHOTS=dir to keep the screenshots."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from html_support import Page, Rendered, png_info, render
from masswork.engine import check
from masswork.exporters import ExportInput
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import example_cases, run_masswork
from masswork.testing.strategies import _NASTY

from masswork_html import export_html

pytestmark = pytest.mark.slow


def _keep(r: Rendered, name: str) -> None:
    where = os.environ.get("MASSWORK_SCREENSHOTS")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        (Path(where) / f"{name}.png").write_bytes(r.png)


def _assert_rendered_cleanly(r: Rendered, html_text: str) -> None:
    width, height, variety = png_info(r.png)
    assert (width, height) == (1400, 2000)
    assert len(r.png) > 40_000 and variety > 40, (len(r.png), variety)
    assert r.console == [], r.console
    assert r.requests == [], r.requests
    dom = Page(r.dom)
    svgs = dom.find("svg", "timeline")
    assert len(svgs) == 1
    src = Page(html_text)
    # The browser built the same timeline the file holds: every mark made it into the DOM.
    for cls in ("ev", "due", "fail", "phase", "month"):
        tag = "text" if cls == "month" else "g"
        assert len(dom.find(tag, cls)) == len(src.find(tag, cls)), cls
    assert not dom.find("script") and not dom.find("img") and not dom.find("iframe")


def test_sample_renders(tmp_path: Path) -> None:
    page = tmp_path / "sample.html"
    data = export_html(sample_export_input(as_of=dt.date(2014, 7, 15)))
    page.write_bytes(data)
    r = render(page, tmp_path / "chromium")
    _keep(r, "sample")
    assert "Chromium" in r.version or "Chrome" in r.version
    _assert_rendered_cleanly(r, data.decode())
    assert len(Page(r.dom).find("g", "fail")) >= 1


def test_hostile_text_stays_text_in_the_browser(tmp_path: Path) -> None:
    base = sample_export_input(as_of=dt.date(2014, 7, 15))
    text = " ".join(_NASTY[:12])  # script, svg break-out, img onerror, formulas, markdown …
    schedule = with_text(base.schedule, text)
    inp = ExportInput(base.plan, schedule, check(base.plan, schedule, base.as_of), "zh", base.as_of)
    page = tmp_path / "hostile.html"
    data = export_html(inp)
    page.write_bytes(data)
    r = render(page, tmp_path / "chromium")
    _keep(r, "hostile")
    _assert_rendered_cleanly(r, data.decode())
    dom = Page(r.dom)
    rows = [el for el in dom.find("tr") if "data-event" in el.attrs]
    assert rows and all("<script>alert(1)</script>" in row.text for row in rows)


def test_the_checks_catch_a_leaky_page(tmp_path: Path) -> None:
    """The console and network checks above are real: a page that loads a remote image
    and runs a script is caught by both."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                     '<img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script></body></html>',
                     encoding="utf-8")
    r = render(leaky, tmp_path / "chromium1")
    assert r.requests == ["http://127.0.0.1:9/x.png"]
    assert any("boom" in line for line in r.console)
    csp = tmp_path / "csp.html"
    sample = export_html(sample_export_input()).decode()
    csp.write_text(sample.replace("</main>", '<img src="http://127.0.0.1:9/y.png"></main>'), encoding="utf-8")
    r = render(csp, tmp_path / "chromium2")
    assert r.requests == []  # the page's own CSP blocks it …
    assert any("Content Security Policy" in line for line in r.console)  # … and says so


@pytest.mark.parametrize(("plan", "schedule"), example_cases(Path(__file__)))
def test_examples_render(plan: Path, schedule: Path, tmp_path: Path) -> None:
    page = tmp_path / "out.html"
    run_masswork("export", plan, schedule, "--format", "html", "--as-of", f"{_year(plan)}-04-15", "-o", page)
    r = render(page, tmp_path / "chromium")
    _keep(r, f"{plan.parent.name}-{schedule.stem}")
    _assert_rendered_cleanly(r, page.read_text(encoding="utf-8"))


def _year(plan: Path) -> int:
    from masswork.loaders import load_plan

    return load_plan(plan).year


def test_chromium_is_debian_chromium() -> None:
    from html_support import chromium

    assert shutil.which(chromium())
