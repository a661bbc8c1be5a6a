"""masswork: campaign plans (實施方案) made checkable.

>>> import masswork
>>> plan = masswork.load_plan("examples/s3-danyang/plan.toml")          # doctest: +SKIP
>>> schedule = masswork.load_schedule("examples/s3-danyang/schedule-complete.toml", plan)  # doctest: +SKIP
>>> report = masswork.check(plan, schedule, as_of=datetime.date(2014, 3, 1))  # doctest: +SKIP
>>> [f.rule for f in report.findings if f.status.failing]                # doctest: +SKIP
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing would double `masswork --version`
if TYPE_CHECKING:
    from typing import Any

    from .api import check, load_pair, merge_plans, resolve_plan
    from .errors import InputError, MassworkError, PlanError, PluginError
    from .hookspecs import hookimpl
    from .loaders import (
        load_plan,
        load_schedule,
        plan_from_dict,
        plan_to_dict,
        schedule_from_dict,
        schedule_to_dict,
    )
    from .model import (
        ActivityType,
        Approval,
        Attestation,
        Body,
        Document,
        DocumentType,
        Event,
        EventStatus,
        Group,
        Notice,
        Period,
        Person,
        Phase,
        Plan,
        PlanOptions,
        Requirement,
        Role,
        Schedule,
        Section,
        Severity,
        Submission,
        Waiver,
    )
    from .readers import Reader, ScheduleRead, read_schedule
    from .report import Finding, Report, Shortfall, Status

# Names load on first use (PEP 562), so `masswork --version` and plugins that only need
# `hookimpl` do not import the engine, the kinds and the loaders (docs/performance.md).
_LAZY = {
    "check": "api", "load_pair": "api", "merge_plans": "api", "resolve_plan": "api",
    "Reader": "readers", "ScheduleRead": "readers", "read_schedule": "readers",
    "hookimpl": "hookspecs",
    "InputError": "errors", "MassworkError": "errors", "PlanError": "errors", "PluginError": "errors",
    "load_plan": "loaders", "load_schedule": "loaders", "plan_from_dict": "loaders",
    "plan_to_dict": "loaders", "schedule_from_dict": "loaders", "schedule_to_dict": "loaders",
    "Finding": "report", "Report": "report", "Shortfall": "report", "Status": "report",
    **{name: "model" for name in (
        "ActivityType", "Approval", "Attestation", "Body", "Document", "DocumentType", "Event",
        "EventStatus", "Group", "Notice", "Period", "Person", "Phase", "Plan", "PlanOptions",
        "Requirement", "Role", "Schedule", "Section", "Severity", "Submission", "Waiver")},
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'masswork' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


from .__about__ import __version__

__all__ = [
    "check", "load_pair", "merge_plans", "resolve_plan", "read_schedule", "ScheduleRead", "Reader",
    "load_plan", "load_schedule", "plan_from_dict", "plan_to_dict",
    "schedule_from_dict", "schedule_to_dict", "hookimpl",
    "MassworkError", "InputError", "PlanError", "PluginError",
    "Finding", "Report", "Shortfall", "Status",
    "ActivityType", "Approval", "Attestation", "Body", "Document", "DocumentType", "Event",
    "EventStatus", "Group", "Notice", "Period", "Person", "Phase", "Plan", "PlanOptions",
    "Requirement", "Role", "Schedule", "Section", "Severity", "Submission", "Waiver",
    "__version__",
]
