"""A report as a console shows it: each finding with its mark and status, and under a failing
one its due date, who is responsible, the clause's words and the evidence; the totals and each
phase's completion; and the report's JSON written to the console (in pieces where it is UTF-8).
Every text from the catalogues, in the reader's language; plan text made harmless first."""

from __future__ import annotations

import codecs
import json
import sys
from typing import TYPE_CHECKING, Any

import click

from .console import can_encode, mark, style
from .i18n import Name, render_value, tr
from .report import Finding, Report, Status
from .terminal import safe_for_terminal

if TYPE_CHECKING:
    from .model import Plan

__all__ = ["render_text", "echo_report_json", "json_probe", "party_names"]

_MARK_NAME = {Status.MET: "met", Status.UNMET: "failing", Status.OVERDUE: "failing",
              Status.OPEN: "open", Status.WAIVED: "waived"}
_COLOUR = {Status.MET: "green", Status.UNMET: "red", Status.OVERDUE: "red", Status.OPEN: "yellow",
           Status.WAIVED: "cyan"}


def echo_report_json(report: Report, lang: str, keep: set[Status]) -> None:
    pick = (lambda rows: [f for f in rows if Status(f["status"]) in keep]) if keep else None
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    if utf8:  # anything can be shown: written in pieces (masswork.report_stream)
        from .report_stream import report_json_chunks

        for chunk in report_json_chunks(report, lang, pick):
            sys.stdout.write(chunk)
        sys.stdout.write("\n")
        sys.stdout.flush()
        return
    data = report.to_dict(lang)
    if pick is not None:
        data["findings"] = pick(data["findings"])
    click.echo(json.dumps(data, ensure_ascii=not can_encode(json_probe(data)), indent=2))


def json_probe(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def party_names(plan: Plan, ids: tuple[str, ...], lang: str) -> str:
    """Responsible units or people by name, as the plan writes them (English names beside
    them in English)."""
    zh, en = plan.names(), plan.names("en")
    names = tuple(Name(zh.get(i, i), en.get(i, "") if en.get(i) != zh.get(i) else "") for i in ids)
    return render_value(names, lang)


def _finding_lines(f: Finding, lang: str, plan: Plan | None) -> list[str]:
    status = f.status.label(lang)
    name = _MARK_NAME[f.status]
    if f.status.failing and f.severity == "warning":
        # Reported, but does not fail the check (exit code): say so where it is read.
        name, status = "warning", tr(lang, "check.warning_level", status=status)
    head = f"{mark(name)} {status}"
    # Plan text is made harmless before the colour codes are added around the status.
    lines = [style(head, _COLOUR[f.status]) + safe_for_terminal(f"  [{f.clause}] {f.rule}: {f.message(lang)}")]
    if f.status is Status.MET:
        return lines
    pad = "      "
    more = []
    if f.due and f.status is not Status.WAIVED:
        more.append(tr(lang, "check.due", due=f.due))
    if f.responsible and plan is not None:
        more.append(tr(lang, "check.responsible", who=party_names(plan, f.responsible, lang)))
    if f.quote and f.status is not Status.WAIVED:
        more.append(tr(lang, "check.quote", quote=f.quote))
    if f.evidence:
        more.append(tr(lang, "check.evidence", ids=", ".join(f.evidence)))
    return lines + [pad + safe_for_terminal(m) for m in more]


def render_text(report: Report, lang: str, *, plan: Plan | None = None,
                only: set[Status] | None = None) -> str:
    """The report as people read it on a console, in ``lang``; ``only`` keeps findings of
    those statuses (the totals still count every finding)."""
    as_of = report.as_of.isoformat() if report.as_of else tr(lang, "check.whole_schedule")
    safe = safe_for_terminal
    # A plan whose year is only assumed is said on the first line, loudly.
    loud = [w for w in report.warnings if w.code == "year-assumed"]
    lines = [style(f"{mark('warning')} " + safe(w.message(lang)), "yellow") for w in loud]
    lines += [safe(f"{report.plan_title} ({report.plan})"), tr(lang, "check.as_of", day=as_of), ""]
    shown = [f for f in report.findings if only is None or f.status in only]
    for f in shown:
        lines += _finding_lines(f, lang, plan)
    if only is not None:
        lines.append(tr(lang, "check.shown", shown=len(shown), total=len(report.findings)))
    counts = report.counts()
    lines.append("")
    lines.append(tr(lang, "check.total", counts=tuple(
        tr(lang, "check.count", status=Status(k).label(lang), n=v) for k, v in counts.items())))
    for pid, row in report.phase_completion().items():
        label = row["name"] or pid or tr(lang, "check.no_phase")
        lines.append(safe(f"  {label}: {row['done']}/{row['total']}"))
    for w in report.warnings:
        if w not in loud:
            lines.append(safe(tr(lang, "check.notice", text=w.message(lang))))
    return "\n".join(lines)
