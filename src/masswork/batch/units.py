"""Which units a batch checks: the sub-folders of a folder, or the entries of a manifest.

A folder: every sub-folder (sorted by name) is one unit, named after it, holding its plan
(``plan.toml`` or ``plan.json``, usually ``extends`` a shared template kept beside the unit
folders) and its schedule (the one file whose name starts with ``schedule``, in any format
masswork reads). Sub-folders starting with ``.`` or ``_`` are skipped.

A manifest (TOML or JSON)::

    plan = "template.toml"            # optional: the plan of units that name none
    [[units]]
    id = "unit-001"
    plan = "units/unit-001/plan.toml"
    schedule = "units/unit-001/schedule.json"

Paths are relative to the manifest. Unit ids must be unique.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg

__all__ = ["Unit", "find_units", "PLAN_NAMES"]

PLAN_NAMES = ("plan.toml", "plan.json")


@attrs.frozen
class Unit:
    """One unit to check: its id, plan file and schedule file (either may be missing, which
    the check reports for that unit alone)."""

    id: str
    plan: str | None
    schedule: str | None


def _folder_unit(folder: Path) -> Unit:
    plan = next((folder / n for n in PLAN_NAMES if (folder / n).is_file()), None)
    schedules = sorted(p for p in folder.iterdir() if p.is_file() and p.name.startswith("schedule"))
    return Unit(folder.name, str(plan) if plan else None, str(schedules[0]) if schedules else None)


def _manifest(file: Path) -> list[Unit]:
    from ..loaders.files import read_data

    data = read_data(file)
    base = file.parent
    default_plan = data.get("plan")
    entries = data.get("units")
    if not isinstance(entries, list):
        raise InputError([Problem(msg=Msg.of("batch.no_units"), path=("units",), file=str(file),
                                  expected=Msg.of("batch.expected.units"))])
    out: list[Unit] = []
    seen: set[str] = set()
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(Problem(msg=Msg.of("batch.unit_no_id"), path=("units", i),
                                    file=str(file), expected=Msg.of("batch.expected.unit")))
            continue
        uid = entry["id"]
        if uid in seen:
            problems.append(Problem(msg=Msg.of("batch.duplicate_unit", id=repr(uid)),
                                    path=("units", i, "id"), file=str(file)))
        seen.add(uid)
        plan: Any = entry.get("plan", default_plan)
        sched: Any = entry.get("schedule")
        out.append(Unit(uid, str(base / plan) if isinstance(plan, str) else None,
                        str(base / sched) if isinstance(sched, str) else None))
    if problems:
        raise InputError(problems)
    return out


def find_units(source: str | Path) -> list[Unit]:
    """The units of a batch folder or manifest file, in a fixed order (by folder name, or
    as the manifest lists them)."""
    path = Path(source)
    if path.is_file():
        return _manifest(path)
    if not path.is_dir():
        raise InputError([Problem(msg=Msg.of("batch.not_found", path=str(path)),
                                  file=str(path), expected=Msg.of("batch.expected.source"))])
    return [_folder_unit(p) for p in sorted(path.iterdir())
            if p.is_dir() and not p.name.startswith((".", "_"))]
