"""What a clause's candidates imply of each other: a plain ``occurs`` is dropped when a
stronger rule on the same subject implies it (a deadline, an order, a per-person quota, a
coverage of its events), a report when a gate to the same bodies implies it, a heading-only
reading when the body names the subject, an ``occurs`` read from a sentence that only tells
what was done (:func:`~masswork.draft.narrative.describes`), and exact duplicates."""

from __future__ import annotations

import re

from ..narrative import describes
from ..stance import ADVOCACY, encouraged
from ..text import fold
from .results import Candidate

__all__ = ["settle"]

_ASKED = ("occurs", "pairwise", "per-person", "recurring")


def _only_encouraged(f: str) -> bool:
    """Every statement of the quote that names an advocacy word has it before its verb
    (提倡, 鼓勵 …), and no other statement asks anything."""
    hits = [m.start() for m in ADVOCACY.finditer(f)]
    return bool(hits) and all(encouraged(f, h + 2) for h in hits) and len(re.split(r"[;。]", f.strip("。"))) == 1


def settle(cands: list[Candidate]) -> list[Candidate]:
    """Within one clause: drop plain ``occurs`` that a stronger rule on the same subject
    implies (a deadline, an order, a per-person quota, a coverage of its events), reports
    that a gate to the same bodies implies, heading-only readings of subjects the body text
    names, and exact duplicates."""
    strong_acts: set[str] = set()
    strong_docs: set[str] = set()
    gate_to: dict[str, set[str]] = {}
    named: set[str] = set()
    for c in cands:
        p = c.params
        if c.heading:
            continue
        for key in ("activity", "document", "anchor_activity", "anchor_document", "before_activity"):
            if isinstance(p.get(key), str):
                named.add(p[key])
        if c.kind in ("deadline", "order", "per-person", "pairwise", "notice", "recurring", "gate",
                      "report") or (c.kind == "coverage" and (p.get("items") or p.get("all_sections"))):
            if p.get("activity"):
                strong_acts.add(p["activity"])
            if p.get("document"):
                strong_docs.add(p["document"])
        if c.kind == "gate":
            gate_to.setdefault(p["document"], set()).update(p.get("approved_by", ()))
    out: list[Candidate] = []
    seen: set[str] = set()
    for c in cands:
        p = c.params
        if c.kind == "occurs" and describes(fold(c.quote)):
            continue  # 「全縣已召開座談會56場」: a tally of what was done, told as news
        if c.kind in _ASKED and _only_encouraged(fold(c.quote)):
            continue  # 「黨員之間提倡經常開展談心」: encouraged, nothing to check
        if c.kind == "occurs":
            plain = p.get("min", 1) == 1 and not p.get("attended_by") and not p.get("within") \
                and p.get("action", "any") == "any"
            if c.heading and (p.get("activity") in named or p.get("document") in named):
                continue
            if plain and (p.get("activity") in strong_acts or p.get("document") in strong_docs):
                continue
        if c.kind == "report" and set(p.get("to", ())) <= gate_to.get(p["document"], set()) \
                and not p.get("within"):
            continue
        sig = repr((c.kind, sorted((k, repr(v)) for k, v in p.items())))
        if sig in seen:
            continue
        seen.add(sig)
        out.append(c)
    return out
