"""The plan (and a schedule against it) checked before anything is evaluated: duplicate ids,
unknown references, phrases that do not parse, windows that cannot be met, cycles in the
order of things. Every problem is collected, then raised together as one
:class:`~masswork.errors.PlanError`, so a user mends a file in one pass.

- :mod:`.refs`: references to the plan's ids and calendar phrases, checked field by field.
- :mod:`.cycles`: cycles in roles, bodies and the order of requirements.
- :mod:`.plan`: :func:`validate_plan`.
- :mod:`.schedule`: :func:`validate_schedule`.
- :mod:`.notices`: advisories that do not stop a check.
"""

from __future__ import annotations

from .notices import orphan_notices, schedule_notices
from .plan import validate_plan
from .refs import plan_namespaces
from .schedule import validate_schedule

__all__ = ["validate_plan", "validate_schedule", "plan_namespaces", "schedule_notices", "orphan_notices"]
