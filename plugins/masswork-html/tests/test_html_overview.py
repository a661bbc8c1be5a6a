"""The ``html`` batch overview: every requirement and unit on the page, text escaped, no
scripts, the same bytes for the same batch."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from masswork.batch import find_units, run_batch, summarise
from masswork.batch.formats import summary_exporters
from masswork.testing.province import RULES, write_province


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_overview_page(tmp_path: Path) -> None:
    expected = write_province(tmp_path / "city", 6, 40, seed=6)
    bad = tmp_path / "city" / "<img src=x onerror=alert(1)>"
    bad.mkdir()
    summary = summarise(run_batch(find_units(tmp_path / "city"), options={"jobs": 1}))
    export = summary_exporters()["html"].export
    page = export(summary, "en")
    assert page == export(summary, "en")
    p = _Tags()
    p.feed(page.decode("utf-8"))
    assert "script" not in p.tags and "img" not in p.tags
    text = "".join(p.text)
    for name in [*RULES, *expected]:
        assert name in text
    assert "<img src=x onerror=alert(1)>" in text  # shown as text, escaped in the source
    assert "&lt;img" in page.decode("utf-8")
