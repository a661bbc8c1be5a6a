"""Schedule files (the 台賬, TOML or JSON) ⇄ :class:`~masswork.model.Schedule`.

::

    plan = "s3-danyang"
    [[events]]
    id = "mobilization"
    type = "動員大會"
    start = 2014-02-24T09:00:00
    status = "held"
    host = "secretary"
    attendees = ["督導組", "全體人員"]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model import Plan, Schedule
from ..errors import InputError
from .fast import Fallback, fast_structure
from .files import locate_lines, read_data
from .limits import DEFAULT_LIMITS, Limits, check_tree
from .structure import StructureErrors, _Walker, unstructure

__all__ = ["load_schedule", "schedule_from_dict", "schedule_to_dict", "read_fast"]


def schedule_from_dict(data: Mapping[str, Any], *, file: str | None = None) -> Schedule:
    try:
        fast: Schedule = fast_structure(Schedule, data)
        return fast
    except Fallback:
        pass  # something is off: the walker says what and where
    w = _Walker()
    out = w.attrs_class(Schedule, data, ())
    if w.problems or out is None:
        raise StructureErrors(w.problems).with_file(file)
    result: Schedule = out
    return result


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    return unstructure(schedule)


def load_schedule(source: str | Path | Mapping[str, Any], plan: Plan | None = None, *,
                  limits: Limits = DEFAULT_LIMITS) -> Schedule:
    """Read a schedule from a file in any format a reader recognises (TOML, JSON, CSV,
    and what plugins add, such as XLSX) or from plain data. With ``plan``, also check that
    every event type, person and body it names is known to the plan. ``limits`` bounds the
    file size, nesting, numbers, strings and the number of events (docs/limits.md)."""
    if isinstance(source, Mapping):
        check_tree(source, limits, None)
        return _load(source, None, plan)
    streamed = _streamed(Path(source), limits)
    if streamed is None:
        streamed = _direct(Path(source), limits)
    if streamed is not None:
        if plan is not None:
            from ..validate import validate_schedule

            try:
                validate_schedule(streamed, plan, file=str(source), strict=plan.options.strict_references)
            except InputError as exc:
                raise locate_lines(exc, Path(source)) from None
        return streamed
    # Everything else — TOML, small JSON, CSV, what plugins read — goes through the
    # readers, which read at most limits.max_file_bytes and check_tree what they parse.
    from ..readers import read_schedule

    return read_schedule(source, plan, limits=limits).schedule


def read_fast(path: Path, plan: Plan | None, limits: Limits = DEFAULT_LIMITS) -> Schedule | None:
    """The schedule in a JSON file by the fast paths alone (streamed when large, else in
    one pass), validated against ``plan``; None for anything else and for anything wrong —
    the caller then reads it the ordinary way, which says what is wrong and where."""
    if path.with_name(path.stem + ".mapping.toml").exists():
        return None
    schedule = _streamed(path, limits)
    if schedule is None:
        schedule = _direct(path, limits)
    if schedule is None or plan is None:
        return schedule
    from ..validate import validate_schedule

    try:
        validate_schedule(schedule, plan, file=str(path), strict=plan.options.strict_references)
    except InputError:
        return None
    return schedule


def _load(data: Mapping[str, Any], file: str | None, plan: Plan | None) -> Schedule:
    sched = schedule_from_dict(data, file=file)
    if plan is not None:
        from ..validate import validate_schedule

        validate_schedule(sched, plan, file=file, strict=plan.options.strict_references)
    return sched


def _streamed(path: Path, limits: Limits) -> Schedule | None:
    """A large JSON schedule read as a stream (masswork.loaders.stream), or None to read it
    the ordinary way (small, TOML, over the size limit, or anything the stream does not
    accept: the ordinary reader then says what is wrong)."""
    from .stream import STREAM_MIN_BYTES, stream_schedule

    try:
        size = path.stat().st_size
        if path.suffix.lower() != ".json" or not STREAM_MIN_BYTES <= size <= limits.max_file_bytes:
            return None
        return stream_schedule(path, limits=limits)
    except (Fallback, OSError, UnicodeDecodeError):
        return None


def _direct(path: Path, limits: Limits) -> Schedule | None:
    """A JSON schedule read in one pass: the text parsed at C speed and turned into the
    model by converters that hold it to ``limits`` as they go (masswork.loaders.fast), so
    that neither the nesting pre-scan nor the walk of the limits runs over a valid file.
    None for anything else, or anything unexpected: the ordinary reader then reads the
    file and reports what is wrong with its line and key path. What this returns is the
    object the ordinary reader builds (tests/test_speed_equal.py)."""
    import json

    from .files import _json_constant
    from .limits import read_bytes_bounded

    if path.suffix.lower() != ".json" or path.with_name(path.stem + ".mapping.toml").exists():
        return None  # a mapping file beside it is read (and its errors shown) the ordinary way
    try:
        raw = read_bytes_bounded(path, limits.max_file_bytes)
        text = raw.decode("utf-8-sig")
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or "\x00" in text:
            return None
        data = json.loads(text, parse_constant=_json_constant)
        if type(data) is not dict:
            return None
        # Text shorter than the longest string allowed and without a \\u escape (the only
        # way JSON text makes a lone surrogate) holds no string beyond the limits: the
        # converters then look only at lists, numbers and nesting.
        plain = len(text) <= limits.max_string and "\\u" not in text
        schedule: Schedule = fast_structure(Schedule, data, limits, checked=plain)
        return schedule
    except (InputError, Fallback, ValueError, RecursionError):
        return None
