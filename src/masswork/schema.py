"""JSON Schemas (draft 2020-12) for plan, schedule and report files, generated from the
attrs model and the kinds registry, so they cannot drift from the code. ``schemas/*.json``
are these schemas written out (``masswork schema plan > schemas/plan.schema.json``); a
test fails when the files and the code disagree.

The schemas describe the JSON form: dates are strings (``2014-02-24``,
``2014-02-24T09:00:00``). TOML files have the same structure with native dates.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Union

import attrs

from .model import Plan, Requirement, Schedule
from .report import REPORT_FORMAT_VERSION, Status

if TYPE_CHECKING:
    from .kinds.base import KindRegistry

__all__ = ["plan_schema", "schedule_schema", "report_schema", "SCHEMAS"]

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$"}
_BASE = "https://masswork.invalid/schemas/"
_NoneType = type(None)


def _type(tp: Any, *, doc: str = "") -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is dt.date:
        return dict(_DATE)
    if tp is dt.datetime:
        return dict(_DATETIME)
    if tp is Any or tp is object:
        return {}
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        rest = [a for a in args if a is not _NoneType]
        if set(rest) == {dt.date, dt.datetime}:
            out: dict[str, Any] = dict(_DATETIME)
        elif len(rest) == 1:
            out = _type(rest[0])
        else:
            out = {"anyOf": [_type(a) for a in rest]}
        if _NoneType in args:
            out = {"anyOf": [out, {"type": "null"}]}
        return out
    if origin in (tuple, list):
        inner = typing.get_args(tp)[0]
        arr = {"type": "array", "items": _type(inner)}
        if inner is str:  # a single string stands for a one-item list
            return {"anyOf": [{"type": "string"}, arr]}
        return arr
    if origin in (dict, Mapping) or origin is typing.Mapping:
        args = typing.get_args(tp)
        return {"type": "object", "additionalProperties": _type(args[1]) if len(args) == 2 else {}}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if attrs.has(tp):
        return _object(tp)
    raise TypeError(f"no schema for {tp!r}")


def _options(validator: Any) -> list[Any] | None:
    """The fixed values an ``attrs.validators.in_`` validator (alone or inside ``and_``)
    allows, or None."""
    if validator is None:
        return None
    options = getattr(validator, "options", None)
    if isinstance(options, (list, tuple, set, frozenset, dict)):
        return sorted(options, key=str)
    for inner in getattr(validator, "_validators", ()) or ():
        found = _options(inner)
        if found is not None:
            return found
    return None


def _choices(schema: dict[str, Any], validator: Any) -> dict[str, Any]:
    # A parameter with fixed values (attrs.validators.in_) is an enum in the schema.
    options = _options(validator)
    if options is None:
        return schema
    if schema.get("type") == "string" or schema == {}:
        return {"enum": options}
    if "anyOf" in schema and {"type": "null"} in schema["anyOf"]:
        return {"anyOf": [{"enum": options}, {"type": "null"}]}
    return {**schema, "enum": options}


def _object(cls: type, *, skip: tuple[str, ...] = (), extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in attrs.fields(cls):
        if f.name in skip:
            continue
        props[f.name] = _choices(_type(hints[f.name]), f.validator)
        if f.default is attrs.NOTHING:
            required.append(f.name)
    props.update(extra or {})
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    if required:
        out["required"] = required
    return out


def _requirement(kinds: KindRegistry) -> dict[str, Any]:
    variants = []
    for kind in kinds.kinds():
        common = _object(Requirement, skip=("params",))
        params = _object(kind.params)
        props = {**common["properties"], **params["properties"], "kind": {"const": kind.name}}
        required = sorted(set(common.get("required", [])) | set(params.get("required", [])) | {"kind"})
        variants.append({"title": kind.name, "type": "object", "properties": props,
                         "required": required, "additionalProperties": False,
                         "description": " ".join((kind.params.__doc__ or kind.name).split())})
    return {"oneOf": variants}


def plan_schema(kinds: KindRegistry | None = None) -> dict[str, Any]:
    """The plan file's schema, with one requirement variant per registered kind."""
    if kinds is None:
        from .plugins import get_kinds

        kinds = get_kinds()
    body = _object(Plan, skip=("requirements",), extra={
        "requirements": {"type": "array", "items": _requirement(kinds)},
        "remove": {"type": "array", "items": {"type": "string"},
                   "description": "ids of inherited entries to drop (with extends)"},
    })
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _BASE + "plan.schema.json",
            "title": "masswork plan (實施方案)", **body}


def schedule_schema() -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _BASE + "schedule.schema.json",
            "title": "masswork schedule (台賬)", **_object(Schedule)}


def _d(schema: dict[str, Any], text: str) -> dict[str, Any]:
    return {**schema, "description": text}


def report_schema() -> dict[str, Any]:
    """The JSON report of ``masswork check --format json`` (and the ``report`` of the json
    export). Only ever extended: tools may rely on every key listed as required. Every
    property is described."""
    nullable_date = {"anyOf": [_DATE, {"type": "null"}]}
    strings = {"type": "array", "items": {"type": "string"}}
    msgs = {"type": "object", "properties": {"zh": _d({"type": "string"}, "In Chinese (Traditional)."),
                                             "en": _d({"type": "string"}, "In English."),
                                             "zh-Hans": _d({"type": "string"}, "In Simplified Chinese."),
                                             "zh-Hant": _d({"type": "string"}, "In Traditional Chinese.")},
            "required": ["zh", "en"]}
    code = {"message_code": _d({"type": "string"}, "The message's catalogue code (src/masswork/i18n/), for "
                                                   "programs that render messages themselves."),
            "message_params": _d({"type": "object"}, "The message's parameters, by name.")}
    shortfall = {
        "type": "object",
        "properties": {
            "subject": _d({"type": "string"}, "Who or what falls short: an id, or for a pair the two ids "
                                              "joined (a×b); see subjects."),
            "subjects": _d(strings, "The ids the shortfall is about: one for a person or document, two for a pair."),
            "name": _d({"type": "string"}, "The subject's display name."),
            "need": _d({"type": "number"}, "How many are required."),
            "have": _d({"type": "number"}, "How many there are."),
            "detail": _d({"type": "string"}, "What is missing, as free text (kept from the first reports)."),
            "code": _d({"type": "string"}, "What is missing, as a code (masswork.shortfalls.TEMPLATES)."),
            "params": _d({"type": "object", "additionalProperties": {"type": ["string", "number"]}},
                         "The code's parameters (a day, a window …)."),
            "text": _d({"type": "string"}, "The code and parameters in words, in the report's language."),
        },
        "required": ["subject"]}
    finding = {
        "type": "object",
        "properties": {
            "rule": _d({"type": "string"}, "The requirement's id in the plan (stable)."),
            "clause": _d({"type": "string"}, "The id of the plan clause the requirement comes from."),
            "kind": _d({"type": "string"}, "The requirement kind (masswork kinds)."),
            "status": _d({"enum": [s.value for s in Status]},
                         "met, unmet, overdue (missing after its due date), open (not yet due) or waived."),
            "message": _d({"type": "string"}, "What was found, in the report's language."),
            "messages": _d(msgs, "The message in each language."),
            **code,
            "evidence": _d(strings, "Ids of the events and documents the finding rests on."),
            "shortfall": _d({"type": "array", "items": shortfall}, "What is missing, subject by subject."),
            "quote": _d({"type": "string"}, "The plan's own words for the requirement."),
            "phase": _d({"type": ["string", "null"]}, "The phase (環節) the requirement belongs to."),
            "due": _d(nullable_date, "When it is due, if it has a due date."),
            "severity": _d({"enum": ["error", "warning"]}, "error fails the check; warning is reported only."),
            "responsible": _d(strings, "Who answers for the requirement (ids)."),
            "title": _d({"type": "string"}, "The rule's title in the report's language (the plan's own, "
                                            "else the kind's description)."),
            "titles": _d(msgs, "The rule's title in each language."),
        },
        "required": ["rule", "clause", "kind", "status", "message", "messages", "evidence", "shortfall",
                     "quote", "phase", "due", "severity", "responsible"],
    }
    warning = {"type": "object", "properties": {
        "code": _d({"type": "string"}, "What kind of advisory (non-working-day, plan-mismatch …)."),
        "subject": _d({"type": "string"}, "The id it is about."),
        "message": _d({"type": "string"}, "The advisory in the report's language."),
        "messages": _d(msgs, "The advisory in each language."),
        **code},
        "required": ["code", "subject", "message", "messages"]}
    phase_row = {"type": "object", "properties": {
        "name": _d({"type": "string"}, "The phase's name."),
        "done": _d({"type": "integer"}, "Requirements met or waived."),
        "total": _d({"type": "integer"}, "Requirements in the phase."),
        "ratio": _d({"type": "number"}, "done / total, 4 decimals.")},
        "required": ["name", "done", "total", "ratio"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _BASE + "report.schema.json",
        "title": "masswork check report", "type": "object",
        "description": "What masswork check says about a schedule: a finding per requirement.",
        "properties": {
            "format": _d({"const": REPORT_FORMAT_VERSION}, "The report format's version."),
            "plan": _d({"type": "string"}, "The plan's id."),
            "plan_title": _d({"type": "string"}, "The plan's title."),
            "as_of": _d(nullable_date, "The day judged; null judges the schedule as a whole."),
            "ok": _d({"type": "boolean"}, "True when nothing of severity error is unmet or overdue (exit 0)."),
            "summary": _d({"type": "object", "properties": {
                "counts": _d({"type": "object", "properties": {s.value: _d({"type": "integer"}, f"Findings {s.value}.")
                                                               for s in Status},
                              "required": [s.value for s in Status]}, "Findings by status."),
                "total": _d({"type": "integer"}, "Number of findings."),
                "phases": _d({"type": "object", "additionalProperties": phase_row},
                             "Completion by phase id (\"\" for rules of no phase).")},
                "required": ["counts", "total", "phases"]}, "Counts and completion."),
            "findings": _d({"type": "array", "items": finding}, "One finding per requirement, in plan order."),
            "warnings": _d({"type": "array", "items": warning}, "Advisories that fail no requirement."),
        },
        "required": ["format", "plan", "plan_title", "as_of", "ok", "summary", "findings", "warnings"],
    }


SCHEMAS = {"plan": plan_schema, "schedule": schedule_schema, "report": report_schema}
