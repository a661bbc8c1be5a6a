"""The ``html`` batch overview (``masswork check --batch DIR --summary-format html``): one
self-contained page (no scripts, the same Content-Security-Policy as the report page) with
the requirements and their failure rates as bars, the units furthest behind, every unit's
counts and the units that could not be checked. All text is escaped."""

from __future__ import annotations

from typing import Any

from masswork.batch import Summary, error_text
from masswork.i18n import normalize

from .page import CATALOGUE, CSP
from .text import esc

__all__ = ["overview_html"]

_REQ_COLS = ("rule", "units", "met", "unmet", "overdue", "open", "waived", "failure_rate")
_UNIT_COLS = ("unit", "plan", "events", "met", "unmet", "overdue", "open", "failing_rules")


def _words(lang: str) -> dict[str, Any]:
    # Texts from the plugin's catalogue ("html.overview.*"), in the language asked for.
    w: dict[str, Any] = CATALOGUE.labels("html.overview", ("title", "req", "behind", "units", "broken"), lang)
    w["cols_req"] = tuple(CATALOGUE.labels("html.overview.cols_req", _REQ_COLS, lang).values())
    w["cols_unit"] = tuple(CATALOGUE.labels("html.overview.cols_unit", _UNIT_COLS, lang).values())
    return w


def _table(cols: tuple[str, ...], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _unit_row(u: dict[str, object]) -> list[str]:
    failing = u["failing"]
    assert isinstance(failing, list)
    return [esc(u["unit"]), esc(u["plan"] or ""), esc(u["events"]), esc(u["met"]), esc(u["unmet"]),
            esc(u["overdue"]), esc(u["open"]), esc(", ".join(map(str, failing)))]


def overview_html(summary: Summary, lang: str) -> str:
    lang = normalize(lang) or "en"
    w = _words(lang)
    d = summary.to_dict()
    req_rows = []
    for r in summary.requirements():
        pct = r["failure_rate"] * 100
        bar = (f'<span class="bar"><span style="width:{pct:.1f}%"></span></span> {pct:.1f}%')
        req_rows.append([esc(r["rule"]), esc(r["units"]), esc(r["met"]), esc(r["unmet"]), esc(r["overdue"]),
                         esc(r["open"]), esc(r["waived"]), bar])
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{esc(w['title'])}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
        ".bar{display:inline-block;width:120px;height:10px;background:#eee}"
        ".bar span{display:block;height:10px;background:#c0392b}</style></head><body>",
        f"<h1>{esc(w['title'])}</h1>",
        "<p>" + esc(CATALOGUE.tr(lang, "html.overview.summary", n=d["units"], c=d["checked"], b=len(d["broken"]),
                                    e=d["events"]))
        + (f" — {esc(summary.as_of)}" if summary.as_of else "") + "</p>",
        f"<h2>{esc(w['req'])}</h2>", _table(w["cols_req"], req_rows),
        f"<h2>{esc(w['behind'])}</h2>", _table(w["cols_unit"], [_unit_row(u) for u in summary.furthest_behind()]),
        f"<h2>{esc(w['units'])}</h2>",
        _table(w["cols_unit"], [_unit_row(u) for u in summary.unit_rows() if u["error"] is None]),
    ]
    if summary.broken:
        parts += [f"<h2>{esc(w['broken'])}</h2>", _table((w["cols_unit"][0], "?"), [
            [esc(u["unit"]), esc(error_text(u["error"], lang))] for u in summary.broken])]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
