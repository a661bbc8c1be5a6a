"""The OpenAPI 3.1 document of the server, built from masswork's own JSON Schemas (plan,
schedule, report — JSON Schema 2020-12, which OpenAPI 3.1 takes as it is), so the HTTP
contract and the file formats cannot drift apart."""

from __future__ import annotations

from typing import Any

from .inputs import LANGS

__all__ = ["openapi_document"]


def _component(schema: dict[str, Any]) -> dict[str, Any]:
    # $id would re-base references and $schema is implied by jsonSchemaDialect.
    return {k: v for k, v in schema.items() if k not in ("$id", "$schema")}


_ERROR = {
    "type": "object",
    "description": "Bad input: the messages and key paths `masswork check` prints (exit 2).",
    "properties": {
        "error": {"type": "string", "description": "The error class (InputError, PlanError …)."},
        "message": {"type": "string", "description": "The whole message, as the command line prints it."},
        "plugin": {"type": "string", "description": "The plugin that failed (server errors)."},
        "problems": {"type": "array", "description": "Each problem on its own.", "items": {
            "type": "object",
            "properties": {
                "file": {"type": ["string", "null"], "description": "The file (upload name) it is in."},
                "line": {"type": ["integer", "null"], "description": "The line (TOML)."},
                "path": {"type": "string", "description": "Key path (events[3].host) or cell (活動記錄!D17)."},
                "where": {"type": "string", "description": "file:line: path, as the message starts."},
                "message": {"type": "string", "description": "This problem's line of the message."},
                "zh": {"type": "string", "description": "What is wrong, in Chinese."},
                "en": {"type": "string", "description": "What is wrong, in English."},
                "expected": {"type": ["string", "null"], "description": "What was expected."},
                "hint": {"type": ["string", "null"], "description": "The nearest known word (did you mean)."},
            }}},
    },
    "required": ["error", "message"],
}


def openapi_document(*, bearer: bool = False) -> dict[str, Any]:
    from masswork import __version__
    from masswork.schema import SCHEMAS

    ref = {name: {"$ref": f"#/components/schemas/{name}"} for name in ("Plan", "Schedule", "Report", "Error")}
    langs = {"type": "string", "examples": list(LANGS),
             "description": "Language of messages: zh-Hans (Simplified), zh-Hant (Traditional) or en, in any "
                            "spelling `masswork check --lang` takes (zh_CN, zh-TW, en_US …; zh is Traditional). "
                            "Default: the plan's own script."}
    as_of = {"type": ["string", "null"], "format": "date",
             "description": "Judge progress on this day (YYYY-MM-DD); null judges the whole schedule."}
    json_body = {"type": "object", "additionalProperties": False, "required": ["plan", "schedule"],
                 "properties": {"plan": ref["Plan"], "schedule": ref["Schedule"], "as_of": as_of, "lang": langs,
                                "mapping": {"type": "object", "description": "A table's mapping (unused for data)."}}}
    multipart = {"type": "object", "required": ["plan", "schedule"], "properties": {
        "plan": {"type": "string", "contentMediaType": "application/octet-stream",
                 "description": "The plan file (TOML or JSON)."},
        "schedule": {"type": "string", "contentMediaType": "application/octet-stream",
                     "description": "The schedule file: TOML, JSON, CSV (UTF-8, GB18030) or XLSX."},
        "mapping": {"type": "string", "contentMediaType": "application/octet-stream",
                    "description": "A mapping file naming a table's columns (TOML or JSON)."},
        "as_of": {"type": "string", "format": "date", "description": as_of["description"]},
        "lang": langs}}
    plan_only = {"type": "object", "required": ["plan"],
                 "properties": {"plan": ref["Plan"], "lang": langs}}

    def body(schema: dict[str, Any], upload: bool = True) -> dict[str, Any]:
        content: dict[str, Any] = {"application/json": {"schema": schema}}
        if upload:
            content["multipart/form-data"] = {"schema": multipart}
        return {"required": True, "content": content}

    errors = {
        "401": {"description": "A bearer token is required.",
                "content": {"application/json": {"schema": ref["Error"]}}},
        "413": {"description": "The request body is over the limit.",
                "content": {"application/json": {"schema": ref["Error"]}}},
        "422": {"description": "Bad input (what `masswork check` reports with exit 2).",
                "content": {"application/json": {"schema": ref["Error"]}}},
    }

    def post(summary: str, request: dict[str, Any], ok: dict[str, Any], op: str) -> dict[str, Any]:
        return {"post": {"operationId": op, "summary": summary, "requestBody": request,
                         "responses": {"200": ok, **errors}}}

    def get(summary: str, schema: dict[str, Any], op: str) -> dict[str, Any]:
        return {"get": {"operationId": op, "summary": summary, "responses": {
            "200": {"description": summary, "content": {"application/json": {"schema": schema}}}}}}

    listing = {"type": "array", "items": {"type": "object"}}
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {"title": "masswork", "version": __version__,
                 "description": "Check campaign plans (實施方案) against a unit's schedule (台賬): the "
                                "same reports as the masswork command line."},
        "paths": {
            "/check": post("Check a schedule against a plan (masswork check --format json).", body(json_body),
                           {"description": "The report.", "content": {"application/json": {"schema": ref["Report"]}}},
                           "check"),
            "/explain": post("The plan's requirements (masswork explain --format json).", body(plan_only, False),
                             {"description": "The checklist.", "content": {"application/json": {"schema": {
                                 "type": "object", "properties": {"plan": {"type": "string"},
                                                                  "title": {"type": "string"},
                                                                  "requirements": listing}}}}},
                             "explain"),
            "/export": {**post("Export the schedule and report in a format (masswork export).", body(json_body),
                               {"description": "The file, with its format's content type.",
                                "content": {"*/*": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}}}},
                               "export")},
            "/remind": post("Reminders due on as_of, computed only (masswork remind --dry-run).", body(json_body),
                            {"description": "The reminders.", "content": {"application/json": {"schema": {
                                "type": "object", "properties": {"plan": {"type": "string"},
                                                                 "as_of": {"type": "string", "format": "date"},
                                                                 "dry_run": {"type": "boolean"},
                                                                 "reminders": listing}}}}},
                            "remind"),
            "/kinds": get("Requirement kinds (masswork kinds --json).", listing, "kinds"),
            "/formats": get("Export formats (masswork formats --json).", listing, "formats"),
            "/readers": get("Schedule file formats read.", listing, "readers"),
            "/schemas/{which}": {"get": {
                "operationId": "schema", "summary": "A JSON Schema (masswork schema).",
                "parameters": [{"name": "which", "in": "path", "required": True,
                                "schema": {"type": "string", "enum": ["plan", "schedule", "report"]}}],
                "responses": {"200": {"description": "The schema.",
                                      "content": {"application/schema+json": {"schema": {"type": "object"}}}},
                              "404": {"description": "No such schema."}}}},
            "/healthz": get("Liveness.", {"type": "object", "properties": {"status": {"type": "string"},
                                                                           "version": {"type": "string"}}}, "healthz"),
        },
        "components": {"schemas": {
            "Plan": _component(SCHEMAS["plan"]()), "Schedule": _component(SCHEMAS["schedule"]()),
            "Report": _component(SCHEMAS["report"]()), "Error": _ERROR}},
    }
    doc["paths"]["/export"]["post"]["parameters"] = [{
        "name": "format", "in": "query", "required": True, "description": "An installed export format (GET /formats).",
        "schema": {"type": "string"}}]
    if bearer:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        doc["security"] = [{"bearer": []}]
    return doc
