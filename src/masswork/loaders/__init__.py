"""Files → model: plans and schedules in TOML or JSON (one structure), with errors that
name the file, the line (syntax) or the key path."""

from .files import read_data, write_atomic
from .plan import load_plan, plan_from_dict, plan_to_dict
from .schedule import load_schedule, schedule_from_dict, schedule_to_dict

__all__ = [
    "load_plan",
    "load_schedule",
    "plan_from_dict",
    "plan_to_dict",
    "schedule_from_dict",
    "schedule_to_dict",
    "read_data",
    "write_atomic",
]
