"""masswork export format ``html``: the check report as one self-contained HTML page —
summary, completion by phase, an SVG timeline, the findings and the ledger — with inline
CSS and SVG only, no script, and a Content-Security-Policy that forbids fetching anything.

All text from the plan, schedule and report is escaped (``html.escape``), after dropping
what HTML cannot carry (NUL and other control characters); see :mod:`masswork_html.text`.
The same input gives the same bytes.

Also ``html-checklist``: the plan as a checklist page made to print on A4
(:mod:`masswork_html.checklist`).
"""

from __future__ import annotations

from collections.abc import Callable

from masswork.exporters import Exporter, ExportInput
from masswork.hookspecs import hookimpl
from masswork.i18n import Catalogue

from .checklist import export_html_checklist, render_checklist
from .page import CSP, render
from .text import clean, esc

__all__ = ["CSP", "EXPORTER", "CHECKLIST_EXPORTER", "export_html", "export_html_checklist",
           "render_checklist", "clean", "esc", "masswork_register_exporters"]

__version__ = "0.1.0"


def export_html(inp: ExportInput) -> bytes:
    """The page, UTF-8."""
    return render(inp).encode("utf-8")


EXPORTER = Exporter(
    "html", ".html", export_html,
    binary=False,
    message=Catalogue("masswork_html").msg("html.format.page"),
    media_type="text/html",
)

CHECKLIST_EXPORTER = Exporter(
    "html-checklist", ".html", export_html_checklist,
    binary=False,
    message=Catalogue("masswork_html").msg("html.format.checklist"),
    media_type="text/html",
)


@hookimpl
def masswork_register_exporters(register: Callable[[Exporter], None]) -> None:
    register(EXPORTER)
    register(CHECKLIST_EXPORTER)


@hookimpl
def masswork_register_summary_exporters(register: Callable[[object], None]) -> None:
    """The batch overview page (``--summary-format html``)."""
    from masswork.batch import SummaryExporter

    def export(summary: object, lang: str) -> bytes:
        from .overview import overview_html

        return overview_html(summary, lang).encode("utf-8")  # type: ignore[arg-type]

    register(SummaryExporter("html", ".html", export,
                             message=Catalogue("masswork_html").msg("html.describe.summary")))
