"""Plan files (TOML or JSON, one structure) ⇄ :class:`~masswork.model.Plan`.

A requirement is one flat table: the common keys (``id``, ``clause``, ``quote``, ``kind`` …)
and the kind's own parameters side by side, as a person would write it::

    [[requirements]]
    id = "S3.4.2-forums"
    clause = "S3.4.2"
    quote = "黨組織主要負責同志至少召開2次座談會,其他每位班子成員至少主持1次座談會"
    kind = "per-person"
    activity = "座談會"
    role = "班子成員"
    min = 1
    min_for = { 主要負責人 = 2 }

``extends = "path/to/base.toml"`` builds on another plan: the child's scalar keys replace
the base's, its lists of things with ids (roles, people, requirements …) are merged by id —
an entry with the same id replaces the base's (that is how a unit plan tightens a city
template) — and ``remove = ["rule-id", …]`` drops inherited entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import InputError, Problem, nearest
from ..model import Plan, Requirement
from .files import locate_lines, read_data
from .structure import StructureErrors, _Walker, field_names, unstructure

if TYPE_CHECKING:
    from ..kinds.base import KindRegistry

__all__ = ["load_plan", "plan_from_dict", "plan_to_dict", "REQUIREMENT_KEYS"]

REQUIREMENT_KEYS = tuple(f for f in field_names(Requirement) if f != "params")
_MERGED_LISTS = ("roles", "people", "bodies", "sections", "groups", "activities", "documents",
                 "phases", "requirements")


def _default_kinds() -> KindRegistry:
    from ..plugins import get_kinds

    return get_kinds()


def _requirement(w: _Walker, data: Any, path: tuple[str | int, ...], kinds: KindRegistry) -> Any:
    if not isinstance(data, Mapping):
        w.wrong(path, data, Requirement)
        return None
    kind_name = data.get("kind")
    if not isinstance(kind_name, str):
        w.fail(path + ("kind",), "缺少要求類型 kind", "missing requirement kind",
               expected="one of 可用類型: " + ", ".join(kinds.names()))
        return None
    if kind_name not in kinds:
        w.fail(path + ("kind",), f"未知的要求類型 {kind_name!r}", f"unknown requirement kind {kind_name!r}",
               expected="one of 可用類型: " + ", ".join(kinds.names()),
               hint=nearest(kind_name, kinds.names()))
        return None
    kind = kinds.get(kind_name)
    param_keys = field_names(kind.params)
    common = {k: v for k, v in data.items() if k in REQUIREMENT_KEYS}
    rest = {k: v for k, v in data.items() if k not in REQUIREMENT_KEYS}
    before = len(w.problems)
    params = w.attrs_class(kind.params, rest, path, extra_known=REQUIREMENT_KEYS)
    base = w.attrs_class(Requirement, {**common, "params": None}, path,
                         extra_known=tuple(param_keys))
    if len(w.problems) > before or base is None:
        return None
    return attrs.evolve(base, params=params)


def plan_from_dict(data: Mapping[str, Any], *, kinds: KindRegistry | None = None,
                   file: str | None = None) -> Plan:
    """Build a :class:`Plan` from plain data (an ``extends`` key must already be resolved;
    :func:`load_plan` does that). Raises :class:`InputError` listing every problem."""
    kinds = kinds or _default_kinds()
    w = _Walker()
    data = dict(data)
    reqs = data.pop("requirements", [])
    data.pop("remove", None)
    plan = w.attrs_class(Plan, data, (), skip=("requirements",),
                         extra_known=("requirements", "remove"))
    built: list[Requirement] = []
    if not isinstance(reqs, list):
        w.wrong(("requirements",), reqs, tuple[Requirement, ...])
    else:
        for i, r in enumerate(reqs):
            req = _requirement(w, r, ("requirements", i), kinds)
            if req is not None:
                built.append(req)
    if w.problems or plan is None:
        raise StructureErrors(w.problems).with_file(file)
    result: Plan = attrs.evolve(plan, requirements=tuple(built))
    return result


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """Plain data for a plan, in the file structure (requirements flat)."""
    out = unstructure(plan)
    reqs = []
    for r in plan.requirements:
        row = unstructure(r)
        row.pop("params", None)
        # The common keys first, then the kind's parameters, as a person would write them.
        ordered: dict[str, Any] = {k: row[k] for k in ("id", "clause", "kind") if k in row}
        ordered.update({k: v for k, v in row.items() if k not in ordered})
        if r.params is not None and attrs.has(type(r.params)):
            ordered.update(unstructure(r.params))
        reqs.append(ordered)
    out.pop("requirements", None)
    if reqs:
        out["requirements"] = reqs
    return out


def _merge(base: dict[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    removed = set(child.get("remove", ()))
    for key, value in child.items():
        if key in ("extends", "remove"):
            continue
        if key in _MERGED_LISTS and isinstance(value, list) and isinstance(out.get(key), list):
            merged = {item.get("id"): item for item in out[key] if isinstance(item, Mapping)}
            for item in value:
                if isinstance(item, Mapping):
                    merged[item.get("id")] = item
            out[key] = list(merged.values())
        elif key == "options" and isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    for key in _MERGED_LISTS:
        if removed and isinstance(out.get(key), list):
            out[key] = [i for i in out[key] if not (isinstance(i, Mapping) and i.get("id") in removed)]
    return out


def resolve_extends(data: Mapping[str, Any], file: Path | None, _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """Merge the chain of ``extends`` into one plain-data plan."""
    parent = data.get("extends")
    if parent is None:
        return dict(data)
    if not isinstance(parent, str):
        raise InputError(Problem(zh="extends 必須是文件路徑", en="extends must be a file path",
                                 path=("extends",), file=str(file) if file else None,
                                 expected="a path to a plan file 計劃文件路徑"))
    base_path = ((file.parent if file else Path.cwd()) / parent).resolve()
    if base_path in _seen or (file is not None and base_path == file.resolve()):
        chain = " → ".join(str(p) for p in (*_seen, base_path))
        raise InputError(Problem(zh=f"extends 循環: {chain}", en=f"extends cycle: {chain}",
                                 path=("extends",), file=str(file) if file else None))
    base_raw = read_data(base_path)
    base = resolve_extends(base_raw, base_path, (*_seen, base_path))
    merged = _merge(base, data)
    merged["extends"] = base.get("id", parent)
    return merged


def load_plan(source: str | Path | Mapping[str, Any], *, kinds: KindRegistry | None = None,
              validate: bool = True) -> Plan:
    """Read a plan from a TOML/JSON file (or plain data), resolve ``extends``, build the
    model and, unless ``validate`` is false, check it for consistency (unknown references,
    bad phrases, cycles, impossible windows, duplicate ids).

    Raises :class:`~masswork.errors.InputError` (or its subclass ``PlanError``) naming the
    file and key path of every problem.
    """
    kinds = kinds or _default_kinds()
    if isinstance(source, Mapping):
        file = None
        raw: Mapping[str, Any] = source
        data = resolve_extends(source, None)
    else:
        file = Path(source)
        raw = read_data(file)
        data = resolve_extends(raw, file)
    try:
        plan = plan_from_dict(data, kinds=kinds, file=str(file) if file else None)
        if validate:
            from ..validate import validate_plan

            validate_plan(plan, kinds=kinds, file=str(file) if file else None)
    except InputError as exc:
        # Key paths of a merged (extends) plan do not point into this file's lines.
        if file is not None and "extends" not in raw:
            raise locate_lines(exc, file) from None
        raise
    return plan
