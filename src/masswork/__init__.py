"""masswork: campaign plans (實施方案) made checkable.

>>> import masswork
>>> plan = masswork.load_plan("examples/s3-danyang/plan.toml")          # doctest: +SKIP
>>> schedule = masswork.load_schedule("examples/s3-danyang/schedule-complete.toml", plan)  # doctest: +SKIP
>>> report = masswork.check(plan, schedule, as_of=datetime.date(2014, 3, 1))  # doctest: +SKIP
>>> [f.rule for f in report.findings if f.status.failing]                # doctest: +SKIP
"""

from __future__ import annotations

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
