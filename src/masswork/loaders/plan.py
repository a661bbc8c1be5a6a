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

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import InputError, Problem, nearest
from ..i18n import Msg
from ..model import Plan, Requirement
from .extends import MERGED_LISTS as _MERGED_LISTS
from .extends import Origins, _line_in, from_base, merged_within, resolve_extends, templates_from_env
from .files import locate_lines, read_data
from .limits import DEFAULT_LIMITS, Limits, check_tree
from .fast import fast_structure
from .structure import StructureErrors, _Walker, field_names, unstructure

if TYPE_CHECKING:
    from ..kinds.base import KindRegistry

__all__ = ["load_plan", "plan_from_dict", "plan_to_dict", "REQUIREMENT_KEYS", "resolve_extends"]

REQUIREMENT_KEYS = tuple(f for f in field_names(Requirement) if f != "params")


def _default_kinds() -> KindRegistry:
    from ..plugins import get_kinds

    return get_kinds()


def _requirement(w: _Walker, data: Any, path: tuple[str | int, ...], kinds: KindRegistry) -> Any:
    if not isinstance(data, Mapping):
        w.wrong(path, data, Requirement)
        return None
    kind_name = data.get("kind")
    if not isinstance(kind_name, str):
        w.fail(path + ("kind",), Msg.of("load.missing_kind"),
               expected=Msg.of("load.expected.kinds", kinds=", ".join(kinds.names())))
        return None
    if kind_name not in kinds:
        w.fail(path + ("kind",), Msg.of("validate.unknown_kind", kind=repr(kind_name)),
               expected=Msg.of("load.expected.kinds", kinds=", ".join(kinds.names())),
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
    data = dict(data)
    reqs = data.pop("requirements", [])
    data.pop("remove", None)
    fast = _fast_plan(data, reqs, kinds)
    if fast is not None:
        return fast
    w = _Walker()
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


def _fast_plan(data: Mapping[str, Any], reqs: Any, kinds: KindRegistry) -> Plan | None:
    """The plan the walker below builds, by the fast converters (masswork.loaders.fast), or
    None when anything is off: the walker then finds every problem with its key path."""
    if not isinstance(reqs, list):
        return None
    try:
        plan = fast_structure(Plan, data)
        built = []
        for r in reqs:
            shared = from_base(r)
            hit = _BUILT.get(id(r)) if shared else None
            if hit is not None and hit[0] is r and hit[1] is kinds:
                built.append(hit[2])  # a template's requirement, built for an earlier unit
                continue
            req = _fast_requirement(r, kinds)
            if req is None:
                return None
            if shared:
                if len(_BUILT) >= 4096:
                    _BUILT.clear()
                _BUILT[id(r)] = (r, kinds, req)
            built.append(req)
        # The plan was just made by the converters, which gave every field its type: set its
        # requirements in place rather than build it again (attrs.evolve runs __init__ and
        # its type checks over the whole roster).
        object.__setattr__(plan, "requirements", tuple(built))
        result: Plan = plan
        return result
    except Exception:  # noqa: BLE001 - Fallback, or a validator's complaint: the walker says it
        return None


# Requirements of extends bases kept by the loader (masswork.loaders.extends.from_base), by
# id() of their table, with the table (kept alive, so the id is not reused) and the kind
# registry they were built with: a province's units share a template, whose requirements
# are then built once per process, not once per unit. Requirements are immutable.
_BUILT: dict[int, tuple[Any, KindRegistry, Requirement]] = {}


def _fast_requirement(r: Any, kinds: KindRegistry) -> Requirement | None:
    kind_name = r.get("kind") if isinstance(r, Mapping) else None
    if not isinstance(kind_name, str) or kind_name not in kinds:
        return None
    params = fast_structure(kinds.get(kind_name).params,
                            {k: v for k, v in r.items() if k not in REQUIREMENT_KEYS})
    base = fast_structure(Requirement, {**{k: v for k, v in r.items() if k in REQUIREMENT_KEYS},
                                        "params": None})
    req: Requirement = attrs.evolve(base, params=params)
    return req


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


def load_plan(source: str | Path | Mapping[str, Any], *, kinds: KindRegistry | None = None,
              validate: bool = True, templates: Sequence[str | Path] | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Read a plan from a TOML/JSON file (or plain data), resolve ``extends``, build the
    model and, unless ``validate`` is false, check it for consistency (unknown references,
    bad phrases, cycles, impossible windows, duplicate ids).

    ``extends`` resolves only to regular files under the plan's own folder or under one of
    ``templates`` (default: the folders in ``MASSWORK_TEMPLATES``); ``limits`` bounds the
    file size, nesting, numbers, strings and counts (docs/limits.md).

    Raises :class:`~masswork.errors.InputError` (or its subclass ``PlanError``) naming the
    file, line and key path of every problem; a problem in an ``extends`` base names the
    base file and its line.
    """
    kinds = kinds or _default_kinds()
    folders = tuple(Path(t) for t in templates) if templates is not None else templates_from_env()
    file = None if isinstance(source, Mapping) else Path(source)
    origins = Origins()
    raw: Mapping[str, Any] = {}
    try:
        if isinstance(source, Mapping):
            raw = source
            check_tree(raw, limits, None, requirements_key="requirements")
        else:
            assert file is not None
            raw = read_data(file, limits=limits)
        data, origins = resolve_extends(raw, file, templates=folders, limits=limits)
        if "extends" in raw and not merged_within(data, limits):
            check_tree(data, limits, str(file) if file else None, requirements_key="requirements")
        plan = plan_from_dict(data, kinds=kinds, file=str(file) if file else None)
        if validate:
            from ..validate import validate_plan

            validate_plan(plan, kinds=kinds, file=str(file) if file else None)
    except InputError as exc:
        if file is None:
            raise
        if "extends" not in raw:
            raise locate_lines(exc, file) from None
        # Key paths of a merged plan: each problem goes to the file (and line) that wrote its part.
        blamed = [origins.blame(p, file) if p.path and p.file in (None, str(file)) else p
                  for p in exc.problems]
        blamed = [attrs.evolve(p, line=_line_in(Path(p.file), p.path))
                  if p.file and p.file != str(file) and p.line is None and p.path else p for p in blamed]
        here = [p for p in blamed if p.file == str(file) and p.line is None and p.path]
        if here:
            located = {id(p): q for p, q in zip(here, locate_lines(type(exc)(here), file).problems)}
            blamed = [located.get(id(p), p) for p in blamed]
        raise type(exc)(blamed) from None
    return plan
