"""Field markers for parameter classes: what a string names (``ref``), and which strings are
calendar phrases (``when``), durations (``duration``) or offsets (``offset``). The plan
validator and the JSON Schema generator read these markers, so a plugin's kind is checked and
documented like a built-in one."""

from __future__ import annotations

from typing import Any

import attrs

REF = "masswork_ref"
"""Field-metadata key: which namespace a string (or each string of a tuple) refers to."""

REF_KINDS = ("activity", "document", "role", "person", "body", "section", "group", "phase",
             "party", "any")


def ref(kind: str, **kw: Any) -> Any:
    """An attrs field whose value names a plan thing of ``kind`` (see :data:`REF_KINDS`;
    ``party`` is a role, person, body or section; ``any`` is any id)."""
    assert kind in REF_KINDS, kind
    md = {REF: kind, **kw.pop("metadata", {})}
    return attrs.field(metadata=md, **kw)


def when(**kw: Any) -> Any:
    """An attrs field holding a date or calendar phrase (:data:`masswork.model.When`)."""
    return attrs.field(metadata={REF: "when"}, **kw)


def duration(**kw: Any) -> Any:
    """An attrs field holding a duration phrase (``不少於3個月``)."""
    return attrs.field(metadata={REF: "duration"}, **kw)


def offset(**kw: Any) -> Any:
    """An attrs field holding an offset phrase (``會前7天``, ``提前半天``)."""
    return attrs.field(metadata={REF: "offset"}, **kw)
