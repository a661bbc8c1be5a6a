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


def _object(cls: type, *, skip: tuple[str, ...] = (), extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in attrs.fields(cls):
        if f.name in skip:
            continue
        props[f.name] = _type(hints[f.name])
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


def report_schema() -> dict[str, Any]:
    """The JSON report of ``masswork check --format json`` (and the ``report`` of the json
    export). Only ever extended: tools may rely on every key listed as required."""
    nullable_date = {"anyOf": [_DATE, {"type": "null"}]}
    msgs = {"type": "object", "properties": {"zh": {"type": "string"}, "en": {"type": "string"},
                                             "zh-Hans": {"type": "string"}, "zh-Hant": {"type": "string"}},
            "required": ["zh", "en"]}
    # The message as a catalogue code and its parameters (masswork.i18n), where it has one.
    code = {"message_code": {"type": "string"}, "message_params": {"type": "object"}}
    finding = {
        "type": "object",
        "properties": {
            "rule": {"type": "string"}, "clause": {"type": "string"}, "kind": {"type": "string"},
            "status": {"enum": [s.value for s in Status]}, "message": {"type": "string"},
            "messages": msgs, "evidence": {"type": "array", "items": {"type": "string"}},
            "shortfall": {"type": "array", "items": {
                "type": "object",
                "properties": {"subject": {"type": "string"}, "name": {"type": "string"},
                               "need": {"type": "number"}, "have": {"type": "number"},
                               "detail": {"type": "string"}},
                "required": ["subject"]}},
            "quote": {"type": "string"}, "phase": {"type": ["string", "null"]}, "due": nullable_date,
            "severity": {"enum": ["error", "warning"]},
            "responsible": {"type": "array", "items": {"type": "string"}},
            **code,
        },
        "required": ["rule", "clause", "kind", "status", "message", "messages", "evidence", "shortfall",
                     "quote", "phase", "due", "severity", "responsible"],
    }
    warning = {"type": "object", "properties": {"code": {"type": "string"}, "subject": {"type": "string"},
                                                "message": {"type": "string"}, "messages": msgs, **code},
               "required": ["code", "subject", "message", "messages"]}
    phase_row = {"type": "object", "properties": {"name": {"type": "string"}, "done": {"type": "integer"},
                                                  "total": {"type": "integer"}, "ratio": {"type": "number"}},
                 "required": ["name", "done", "total", "ratio"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _BASE + "report.schema.json",
        "title": "masswork check report", "type": "object",
        "properties": {
            "format": {"const": REPORT_FORMAT_VERSION}, "plan": {"type": "string"},
            "plan_title": {"type": "string"}, "as_of": nullable_date, "ok": {"type": "boolean"},
            "summary": {"type": "object", "properties": {
                "counts": {"type": "object", "properties": {s.value: {"type": "integer"} for s in Status},
                           "required": [s.value for s in Status]},
                "total": {"type": "integer"},
                "phases": {"type": "object", "additionalProperties": phase_row}},
                "required": ["counts", "total", "phases"]},
            "findings": {"type": "array", "items": finding},
            "warnings": {"type": "array", "items": warning},
        },
        "required": ["format", "plan", "plan_title", "as_of", "ok", "summary", "findings", "warnings"],
    }


SCHEMAS = {"plan": plan_schema, "schedule": schedule_schema, "report": report_schema}
