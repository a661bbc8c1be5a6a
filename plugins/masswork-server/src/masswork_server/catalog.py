"""The data the read-only endpoints and ``/explain``/``/remind`` answer with: the same rows
``masswork kinds --json``, ``masswork formats --json`` and ``masswork explain --format
json`` print (a test holds them equal)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from masswork.model import Plan, Schedule
from masswork.plugins import get_host

__all__ = ["kinds_data", "formats_data", "readers_data", "explain_data", "remind_data"]


def _lang(lang: str | None) -> str:
    from masswork.i18n import resolve

    return resolve(lang)  # as the CLI: the given language, else MASSWORK_LANG or the locale


def kinds_data(lang: str | None = None) -> list[dict[str, Any]]:
    reg = get_host().kinds()
    said = _lang(lang)
    return [{"name": k.name, "title_zh": k.title_text("zh-Hant"), "title_en": k.title_text("en"),
             "title": k.title_text(said), "plugin": reg.owner(k.name),
             "params": [f.name for f in attrs.fields(k.params)], "doc": (k.params.__doc__ or "").strip()}
            for k in reg.kinds()]


def formats_data(lang: str | None = None) -> list[dict[str, Any]]:
    host = get_host()
    said = _lang(lang)
    return [{"name": e.name, "suffix": e.suffix, "plugin": host.owner_of("format", e.name),
             "description": e.description, "description_en": e.description_en,
             "text": e.description_text(said), "media_type": e.media_type}
            for e in sorted(host.exporters().values(), key=lambda e: e.name)]


def readers_data(lang: str | None = None) -> list[dict[str, Any]]:
    host = get_host()
    said = _lang(lang)
    return [{"name": r.name, "suffixes": list(r.suffixes), "plugin": host.owner_of("reader", r.name),
             "description": r.description, "description_en": r.description_en,
             "text": r.description_text(said), "media_types": list(r.media_types)}
            for r in host.readers().values()]


def explain_data(plan: Plan, lang: str = "zh") -> dict[str, Any]:
    """The rows of ``masswork explain --format json`` (masswork.explain.checklist)."""
    from masswork.explain import checklist
    from masswork.plugins import get_calendar

    rows = checklist(plan, lang, calendar=get_calendar())
    return {"plan": plan.id, "title": plan.title, "requirements": rows}


def remind_data(plan: Plan, schedule: Schedule, as_of: dt.date | None, lang: str) -> dict[str, Any]:
    """What ``masswork remind --dry-run --format json`` would send on ``as_of`` (today by
    default) — computed only: the server sends nothing and keeps no ledger."""
    from masswork.api import check
    from masswork.remind import reminders

    day = as_of or dt.date.today()
    calendar = get_host().calendar()
    report = check(plan, schedule, day, calendar=calendar)
    due = reminders(plan, schedule, day, calendar=calendar, report=report)
    return {"plan": plan.id, "as_of": day.isoformat(), "dry_run": True,
            "reminders": [r.to_dict(lang) for r in due]}
