"""schemas/*.json are the schemas the code generates: a change to the model that is not
written out fails here (regenerate with `masswork schema plan > schemas/plan.schema.json`)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import masswork
from masswork.report import Finding
from masswork.schema import SCHEMAS, report_schema
from masswork.testing import sample_export_input, sample_plan, sample_schedule

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("which", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(which: str) -> None:
    committed = json.loads((ROOT / "schemas" / f"{which}.schema.json").read_text(encoding="utf-8"))
    assert committed == SCHEMAS[which](), f"regenerate: masswork schema {which} > schemas/{which}.schema.json"
    jsonschema.Draft202012Validator.check_schema(committed)


def test_sample_files_validate() -> None:
    plan = json.loads(json.dumps(masswork.plan_to_dict(sample_plan()), ensure_ascii=False))
    jsonschema.validate(plan, SCHEMAS["plan"]())
    jsonschema.validate(masswork.schedule_to_dict(sample_schedule()), SCHEMAS["schedule"]())
    jsonschema.validate(sample_export_input().report.to_dict(), report_schema())


def test_report_schema_lists_every_finding_key() -> None:
    keys = set(sample_export_input().report.findings[0].to_dict())
    assert keys == set(report_schema()["properties"]["findings"]["items"]["properties"])
    assert {"rule", "clause", "kind", "status", "message", "evidence"} <= set(
        report_schema()["properties"]["findings"]["items"]["required"])
    assert Finding.__attrs_attrs__  # the schema is written against this class


def _properties(schema: object, path: str = "") -> list[tuple[str, object]]:
    """Every (path, sub-schema) named under a ``properties`` anywhere in ``schema``."""
    out: list[tuple[str, object]] = []
    if isinstance(schema, list):
        for sub in schema:
            out += _properties(sub, path)
    elif isinstance(schema, dict):
        for name, sub in (schema.get("properties") or {}).items():
            out.append((f"{path}.{name}", sub))
            out += _properties(sub, f"{path}.{name}")
        for key in ("items", "additionalProperties", "anyOf", "oneOf"):
            if isinstance(schema.get(key), (dict, list)):
                out += _properties(schema[key], path)
    return out


def test_every_report_schema_property_has_a_description() -> None:
    missing = [p for p, sub in _properties(SCHEMAS["report"]()) if not (isinstance(sub, dict) and sub.get("description"))]
    assert missing == []


def test_fixed_value_kind_parameters_are_enums() -> None:
    import json

    text = json.dumps(SCHEMAS["plan"]())
    assert '"enum": ["among", "cross", "head-deputy", "oversees"]' in text
