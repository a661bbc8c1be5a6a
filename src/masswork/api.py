"""The public Python API that gives what the command line gives.

:func:`check` judges with the working-day calendar the installed plugins provide (as
``masswork check`` does), unless the caller passes one; :func:`load_pair` reads a plan and
its schedule the way the commands do, saying in one line first when the two were given in
swapped order or the schedule belongs to another plan; :func:`merge_plans` and
:func:`resolve_plan` build a plan on another (``extends``) from Python, resolving file
references against the plan's own file or a directory the caller names — never the
process's working directory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, Problem
from .i18n import Msg

if TYPE_CHECKING:
    from .kinds.base import KindRegistry
    from .loaders.limits import Limits
    from .model import Plan, Schedule
    from .readers import ScheduleRead
    from .report import Report
    from .workdays import WorkingCalendar

__all__ = ["check", "with_titles", "load_pair", "schedule_for", "plan_from_upload", "merge_plans", "resolve_plan"]


def check(plan: Plan, schedule: Schedule, as_of: dt.date | None = None, *,
          kinds: KindRegistry | None = None, calendar: WorkingCalendar | None = None,
          validate: bool = True) -> Report:
    """Judge ``schedule`` against ``plan`` — the report ``masswork check --format json``
    prints, ``to_dict()`` for ``to_dict()``.

    Without ``as_of``: would this schedule, carried out, satisfy the plan? With ``as_of``:
    progress on that day (missing things ``open`` until due, ``overdue`` after).
    ``calendar`` defaults to the installed plugins' working-day calendar
    (``masswork-holidays-cn`` for China; Monday to Friday when none is installed).
    Raises :class:`~masswork.errors.InputError` for an inconsistent plan or schedule.
    """
    from .engine import check as run
    from .plugins import get_calendar, get_kinds

    kinds = kinds if kinds is not None else get_kinds()
    report = run(plan, schedule, as_of, kinds=kinds, validate=validate,
                 calendar=calendar if calendar is not None else get_calendar())
    return with_titles(report, plan, kinds)


def with_titles(report: Report, plan: Plan, kinds: KindRegistry) -> Report:
    """``report`` with each finding carrying its rule's title: the plan's own
    (``title``/``title_en``), else the kind's description of the rule — the words
    ``masswork explain`` lists."""
    import attrs

    by_id = {r.id: r for r in plan.requirements}
    out = []
    for f in report.findings:
        req = by_id.get(f.rule)
        if req is None or f.title_zh:
            out.append(f)
            continue
        if req.title and req.title_en:
            out.append(attrs.evolve(f, title_zh=req.title, title_en=req.title_en))
            continue
        from .kinds.scope import describe

        try:
            msg = describe(kinds.get(req.kind), req, plan, units=False)
            zh, en = msg.render("zh-Hant"), msg.render("en")
        except Exception:  # noqa: BLE001 - a kind that cannot describe itself still has a finding
            msg, zh, en = None, "", ""
        out.append(attrs.evolve(f, title_zh=req.title or zh, title_en=req.title_en or en, title_msg=msg))
    return attrs.evolve(report, findings=tuple(out))


def _looks_like_schedule(data: Mapping[str, Any]) -> bool:
    return "requirements" not in data and ("events" in data or isinstance(data.get("plan"), str))


def _looks_like_plan(data: Mapping[str, Any]) -> bool:
    return "requirements" in data or ("title" in data and "year" in data and "events" not in data)


def _first(problem: Problem, exc: InputError) -> InputError:
    return type(exc)((problem, *exc.problems))


def load_pair(plan_source: str | Path | Plan, schedule_source: str | Path | bytes | Mapping[str, Any], *,
              schedule_name: str | None = None,
              mapping: Mapping[str, Any] | None = None,
              on_read: Callable[[ScheduleRead], None] | None = None,
              templates: Sequence[str | Path] | None = None,
              limits: Limits | None = None) -> tuple[Plan, Schedule]:
    """The plan and the schedule, read as ``check``, ``export`` and ``remind`` read them
    (the schedule in any format a reader recognises; from a path, a file's bytes or plain
    data). When reading fails because the two were given in swapped order, or the schedule
    is another plan's, the first line of the error says so, before any list of unknown
    keys. ``on_read`` is shown how the schedule was read (reader, text encoding, remarks).
    ``limits`` bounds both files (docs/limits.md; default :data:`DEFAULT_LIMITS`)."""
    from .loaders import load_plan
    from .loaders.limits import DEFAULT_LIMITS
    from .model import Plan as PlanClass

    if isinstance(plan_source, PlanClass):
        plan, plan_label = plan_source, plan_source.id
    else:
        sched_label = schedule_name or (str(schedule_source) if isinstance(schedule_source, (str, Path)) else "schedule")
        try:
            plan = load_plan(plan_source, templates=templates, limits=limits or DEFAULT_LIMITS)
        except InputError as exc:
            raise _explain_plan_failure(exc, Path(plan_source), sched_label) from None
        plan_label = str(plan_source)
    return plan, schedule_for(plan, schedule_source, name=schedule_name, mapping=mapping,
                              on_read=on_read, plan_label=plan_label, limits=limits)


def schedule_for(plan: Plan, source: str | Path | bytes | Mapping[str, Any], *, name: str | None = None,
                 mapping: Mapping[str, Any] | None = None,
                 on_read: Callable[[ScheduleRead], None] | None = None,
                 plan_label: str = "", limits: Limits | None = None) -> Schedule:
    """``source`` read as a schedule of ``plan`` (see :func:`load_pair`)."""
    from .loaders.limits import DEFAULT_LIMITS
    from .loaders.schedule import read_fast
    from .plugins import get_readers
    from .readers import ReadResult, ScheduleRead, _beside, read_bytes
    from .readers.choose import build_schedule, read_source

    limits = limits or DEFAULT_LIMITS
    label = name or (str(source) if isinstance(source, (str, Path)) else "schedule")
    if isinstance(source, (str, Path)) and name is None and mapping is None:
        fast = read_fast(Path(source), plan, limits)  # a valid JSON file, streamed if large
        if fast is not None:
            if on_read is not None:
                on_read(ScheduleRead(fast, "json", "utf-8"))
            return fast
    if isinstance(source, Mapping):
        result = ReadResult(data=source, reader="data")
    else:
        data = source if isinstance(source, bytes) else read_bytes(source, limits)
        if mapping is None and isinstance(source, (str, Path)):
            mapping = _beside(Path(source))
        result = read_source(tuple(get_readers().values()), data, label, plan, mapping, limits)
    try:
        if isinstance(source, Mapping):
            schedule = _from_data(source, plan, limits)
        else:
            schedule = build_schedule(result, label, plan, limits)
    except InputError as exc:
        raise _explain_schedule_failure(exc, result.data, plan, plan_label or plan.id, label) from None
    if on_read is not None:
        on_read(ScheduleRead(schedule, result.reader, result.encoding, result.notes, result.messages))
    return schedule


def _from_data(data: Mapping[str, Any], plan: Plan, limits: Limits) -> Schedule:
    from .loaders import load_schedule

    return load_schedule(data, plan, limits=limits)


def _explain_schedule_failure(exc: InputError, data: Mapping[str, Any], plan: Plan, plan_label: str,
                              name: str) -> InputError:
    file = name if name != "schedule" else None
    if _looks_like_plan(data):
        return _first(Problem(msg=Msg.of("pair.plan_as_schedule", plan=plan_label), file=file), exc)
    other = data.get("plan")
    if isinstance(other, str) and other and other not in (plan.id, plan.extends):
        return _first(Problem(msg=Msg.of("pair.other_plan", other=repr(other), plan=repr(plan.id)),
                              file=file, path=("plan",)), exc)
    return exc


def plan_from_upload(data: bytes | Mapping[str, Any], name: str = "plan") -> Plan:
    """A plan from a file's bytes (TOML or JSON) or plain data, as a server receives it:
    errors name ``name`` and, for TOML, the line, as ``masswork check`` does for a file. An
    ``extends`` naming a file is refused: nothing a request names is opened."""
    from .loaders.files import parse_data, with_lines
    from .loaders.plan import plan_from_dict
    from .readers.data import _utf8, looks_like_json
    from .validate import validate_plan

    text, fmt = "", "json"
    if isinstance(data, bytes):
        text = _utf8(data, name)[0]
        fmt = "json" if looks_like_json(data) or name.lower().endswith(".json") else "toml"
        raw: Mapping[str, Any] = parse_data(text, fmt, name)
    else:
        raw = data
    file = name if isinstance(data, bytes) else None
    from .loaders.limits import DEFAULT_LIMITS, check_tree

    check_tree(raw, DEFAULT_LIMITS, file, requirements_key="requirements")
    if isinstance(raw.get("extends"), str):
        raise InputError(Problem(msg=Msg.of("upload.extends_file"), path=("extends",), file=file,
                                 expected="a plan without a file reference"))
    if "remove" in raw:  # as load_plan: with nothing inherited, remove would be silently ignored
        raise InputError(Problem(msg=Msg.of("upload.remove_alone"), path=("remove",), file=file,
                                 expected="a plan merged with its base, without remove"))
    try:
        plan = plan_from_dict(raw, file=file)
        validate_plan(plan, file=file)
    except InputError as exc:
        if _looks_like_schedule(raw):
            exc = _first(Problem(msg=Msg.of("pair.schedule_as_plan"), file=file), exc)
        raise (with_lines(exc, text, fmt) if text else exc) from None
    return plan


def _explain_plan_failure(exc: InputError, plan_path: Path, sched_name: str) -> InputError:
    from .loaders.files import parse_data
    from .plugins import get_readers
    from .readers import read_bytes
    from .readers.choose import choose_reader
    from .readers.text import decode

    try:
        raw = read_bytes(plan_path)
        reader = choose_reader(tuple(get_readers().values()), raw, str(plan_path))
    except InputError:
        return exc
    swapped = reader.name not in ("toml", "json")
    if not swapped:
        try:
            data = parse_data(decode(raw, str(plan_path)).text, reader.name, str(plan_path))
        except InputError:
            return exc
        swapped = _looks_like_schedule(data)
    if not swapped:
        return exc
    return _first(Problem(msg=Msg.of("pair.schedule_file_as_plan", reader=reader.name, path=str(plan_path)),
                          file=str(plan_path)), exc)


def resolve_plan(data: Mapping[str, Any], *, file: str | Path | None = None,
                 base_dir: str | Path | None = None) -> dict[str, Any]:
    """Plain plan data with its ``extends`` chain merged in. A file named by ``extends``
    is found relative to ``file`` (the plan's own file) or ``base_dir``; with neither, a
    path in ``extends`` is an error — the working directory is never used."""
    from .loaders.extends import resolve_extends

    parent = data.get("extends")
    if file is not None:
        anchor: Path | None = Path(file)
    elif base_dir is not None:
        # resolve_extends resolves against the parent folder of the file it is given.
        anchor = Path(base_dir) / ".plan"
    else:
        anchor = None
    if isinstance(parent, str) and anchor is None:
        raise InputError(Problem(msg=Msg.of("extends.no_base"), path=("extends",),
                                 expected="resolve_plan(data, file=…) or base_dir=…"))
    return resolve_extends(data, anchor)[0]


def merge_plans(base: Plan | Mapping[str, Any], child: Plan | Mapping[str, Any], *,
                base_dir: str | Path | None = None, kinds: KindRegistry | None = None,
                validate: bool = True) -> Plan:
    """``child`` built on ``base`` as ``extends`` builds it: the child's scalar keys
    replace the base's, lists with ids (roles, people, requirements …) merge by id (the
    child's entry replaces the base's), ``remove = [ids]`` drops inherited entries. Either
    may be a :class:`Plan` or plain data; an ``extends`` inside plain data is resolved
    against ``base_dir`` (never the working directory). The result is validated unless
    ``validate`` is false."""
    from .loaders.extends import Origins, _merge
    from .loaders.plan import plan_from_dict, plan_to_dict
    from .model import Plan as PlanClass

    def data_of(p: Plan | Mapping[str, Any]) -> dict[str, Any]:
        if isinstance(p, PlanClass):
            return plan_to_dict(p)
        if not isinstance(p, Mapping):
            raise InputError(Problem(msg=Msg.of("api.not_a_plan", what=type(p).__name__),
                                     expected="a masswork.Plan or a mapping of plan data"))
        return resolve_plan(p, base_dir=base_dir)

    base_data, child_data = data_of(base), dict(child) if isinstance(child, Mapping) else plan_to_dict(child)
    child_data.pop("extends", None)  # the base is the one given
    merged, _origins = _merge(base_data, Origins(), child_data, None)
    merged["extends"] = base_data.get("id")
    plan = plan_from_dict(merged, kinds=kinds)
    if validate:
        from .validate import validate_plan

        validate_plan(plan, kinds=kinds)
    return plan
