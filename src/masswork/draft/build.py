"""Recognised requirements → a plan in the file structure of docs/formats.md (plain data),
which :func:`masswork.load_plan` accepts as it is.

* Every role, activity, document, body, group and phase a requirement names is declared,
  with the Chinese term as its id. Words the lexicon does not know are declared too, in the
  plan's own words, with ``name_en = "(unresolved 待定)"``: placeholders a person renames.
* The plan has no roster (a text names few people), so ``[options] strict_references =
  false``: the people a schedule names are warnings, not errors.
* Severity: a requirement is ``error`` when the recogniser is sure of it (confidence ≥
  0.75), every name in it is a lexicon term and it does not need the roster; otherwise it
  is a ``warning`` — checked and reported, but it cannot fail ``check`` until someone has
  reviewed it and raised it to ``error``. Rules that count people (per-person quotas,
  pairwise talks, every section) report "no holder of … on the roster" until the roster is
  filled in.
* A requirement whose parameters the kind rejects is not written; it goes to
  ``needs_review`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import InputError
from .recognise import ArticleReading, Candidate, Ref

__all__ = ["DraftedRequirement", "NeedsReview", "Draft", "build_plan", "ERROR_CONFIDENCE"]

ERROR_CONFIDENCE = 0.75
"""Below this confidence a drafted requirement is a warning."""

_PLACEHOLDER_EN = "(unresolved 待定)"
_COLLECTIONS = {"role": "roles", "body": "bodies", "group": "groups", "activity": "activities",
                "document": "documents", "phase": "phases", "person": "people"}
_PRIORITY = ("phase", "activity", "document", "role", "body", "person", "group")


@attrs.frozen
class DraftedRequirement:
    """One drafted requirement: where it comes from, how sure the recogniser is, and the
    plan entry written for it."""

    id: str
    clause: str
    kind: str
    quote: str
    confidence: float
    severity: str
    line: int
    entry: Mapping[str, Any]
    unresolved: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        params = {k: v for k, v in self.entry.items()
                  if k not in ("id", "clause", "kind", "quote", "severity", "phase", "responsible")}
        return {"id": self.id, "clause": self.clause, "kind": self.kind, "quote": self.quote,
                "confidence": round(self.confidence, 2), "severity": self.severity,
                "line": self.line, "params": params,
                **({"unresolved": list(self.unresolved)} if self.unresolved else {})}


@attrs.frozen
class NeedsReview:
    """A sentence that reads like a requirement but is not in the drafted plan."""

    clause: str
    quote: str
    line: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"clause": self.clause, "quote": self.quote, "line": self.line, "reason": self.reason}


@attrs.frozen
class Draft:
    """The drafted plan of one article."""

    article: int
    title: str
    year: int
    plan: Mapping[str, Any]
    requirements: tuple[DraftedRequirement, ...]
    needs_review: tuple[NeedsReview, ...]
    encoding: str | None = None
    source: str | None = None
    year_assumed: bool = False

    @property
    def plan_id(self) -> str:
        return str(self.plan["id"])

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "plan_id": self.plan_id, "title": self.title,
                "year": self.year, "year_assumed": self.year_assumed,
                "requirements": [r.to_dict() for r in self.requirements],
                "needs_review": [n.to_dict() for n in self.needs_review]}

    def to_toml(self) -> str:
        """The plan file, with the confidence of each requirement and the sentences left
        for review as comments."""
        from ..loaders.tomlw import dumps

        body = dumps(self.plan)
        lines = body.split("\n")
        out: list[str] = [
            f"# 草擬方案 drafted by `masswork draft` from {self.source or 'text'} 第{self.article}篇"
            + (f" ({self.encoding})" if self.encoding else ""),
            "# 請逐條核對 review each rule: severity = \"warning\" marks rules the drafter was not",
            "# sure of or that name words it could not resolve (name_en = \"(unresolved 待定)\");",
            "# rules that count people need the roster ([[people]]) filled in.",
            "",
        ]
        if self.year_assumed:
            out[-1:-1] = [
                "#",
                f"# !!! 年份為推定 YEAR ASSUMED: the text names no year, so its dates were read in "
                f"{self.year}.",
                "# !!! 請核對 check `year` below (then delete `year_assumed` under [options]),",
                "# !!! or draft again with --year YYYY.",
            ]
        k = 0
        for line in lines:
            if line == "[[requirements]]" and k < len(self.requirements):
                r = self.requirements[k]
                note = f"# confidence {r.confidence:.2f}"
                if r.unresolved:
                    note += " · 待定 unresolved: " + "、".join(r.unresolved)
                out.append(note)
                k += 1
            out.append(line)
        if self.needs_review:
            out.append("")
            out.append("# ---- 待人工審核 needs review: sentences not turned into rules")
            for n in self.needs_review:
                quote = n.quote.replace("\n", " ")
                out.append(f"# [{n.clause}] (line {n.line}) {quote}")
        return "\n".join(out).rstrip("\n") + "\n"


def _safe_id(text: str) -> str:
    s = re.sub(r"[^0-9A-Za-z_-]+", "-", text).strip("-").lower()
    return s or "draft"


def _declare(refs: list[Ref], extra_roles: Mapping[str, Ref]) -> dict[str, list[dict[str, Any]]]:
    chosen: dict[str, Ref] = {}
    for r in refs:
        old = chosen.get(r.id)
        if old is None or _PRIORITY.index(r.category) < _PRIORITY.index(old.category):
            chosen[r.id] = r
    for rid, r in extra_roles.items():
        chosen.setdefault(rid, r)
    out: dict[str, list[dict[str, Any]]] = {}
    for r in chosen.values():
        coll = _COLLECTIONS[r.category]
        if r.category == "person":
            entry: dict[str, Any] = {"id": r.id, "name": r.name, "invented": False,
                                     "note": "由草擬從原文提取 drafted from the text: 請補充角色 add roles"}
        else:
            entry = {"id": r.id, "name": r.name}
            en = r.name_en if r.known else _PLACEHOLDER_EN
            if en:
                entry["name_en"] = en
            if r.category == "role" and r.includes:
                inc = [i for i in r.includes if i in chosen and chosen[i].category == "role"]
                if inc:
                    entry["includes"] = inc
            if r.category == "body" and r.parent and r.parent in chosen and \
                    chosen[r.parent].category == "body":
                entry["parent"] = r.parent
        out.setdefault(coll, []).append(entry)
    return out


def _entry(c: Candidate, rid: str, severity: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": rid, "clause": c.clause, "kind": c.kind, "quote": c.quote}
    if severity != "error":
        entry["severity"] = severity
    if c.phase:
        entry["phase"] = c.phase
    if c.responsible:
        entry["responsible"] = list(dict.fromkeys(c.responsible))
    entry.update(c.params)
    return entry


def build_plan(reading: ArticleReading, *, year: int, plan_id: str, title: str,
               source: str = "", year_assumed: bool = False,
               ) -> tuple[dict[str, Any], list[DraftedRequirement], list[NeedsReview]]:
    """The plain-data plan for one article's reading, its drafted requirements, and what is
    left for review (sentences with no rule, and rules the kinds rejected). A ``year`` that
    is only assumed is recorded in the plan (``options.year_assumed``) for ``check`` to say."""
    from ..loaders.plan import plan_from_dict
    from ..plugins import get_kinds
    from ..validate import validate_plan

    kinds = get_kinds()
    reviews = [NeedsReview(r.clause, r.quote, r.line, r.reason) for r in reading.reviews]
    cands = list(reading.candidates)
    phase_refs = list(reading.phases)
    phase_ids = {r.id for r in phase_refs}
    for c in cands:
        if c.phase and c.phase not in phase_ids:
            c.phase = None
        before = c.params.get("before_phase")
        if before and before not in phase_ids:
            phase_refs.append(Ref(before, "phase", before, "", False))
            phase_ids.add(before)

    def assemble(keep: list[Candidate]) -> tuple[dict[str, Any], list[DraftedRequirement]]:
        counts: dict[str, int] = {}
        drafted: list[DraftedRequirement] = []
        entries: list[dict[str, Any]] = []
        refs: list[Ref] = list(phase_refs)
        extra_roles: dict[str, Ref] = {}
        for c in keep:
            base = f"{c.clause}-{c.kind}"
            counts[base] = counts.get(base, 0) + 1
            rid = base if counts[base] == 1 else f"{base}-{counts[base]}"
            unresolved = tuple(dict.fromkeys(r.id for r in c.unresolved))
            sure = c.confidence >= ERROR_CONFIDENCE and not unresolved and not c.roster
            severity = "error" if sure else "warning"
            entry = _entry(c, rid, severity)
            entries.append(entry)
            drafted.append(DraftedRequirement(rid, c.clause, c.kind, c.quote, c.confidence,
                                              severity, c.line, entry, unresolved))
            refs.extend(c.refs)
            for r in c.refs:
                for inc in r.includes:
                    from .lexicon import LEXICON

                    t = LEXICON.get(inc)
                    if t is not None:
                        extra_roles[inc] = Ref(t.id, t.category, t.id, t.name_en, True, t.includes)
        for pid, (name, _roles) in reading.people.items():
            refs.append(Ref(pid, "person", name, "", False))
        plan: dict[str, Any] = {"id": plan_id, "title": title, "year": year}
        if source:
            plan["source"] = source
        plan["options"] = {"phases_overlap": reading.phases_overlap, "strict_references": False}
        if year_assumed:
            plan["options"]["year_assumed"] = True
        plan.update(_declare(refs, extra_roles))
        for ph in plan.get("phases", []):  # a phase's own window, as the text dates it
            ph_start, ph_end = reading.phase_windows.get(ph["id"], ("", ""))
            if ph_start and ph_end:
                ph["start"], ph["end"] = ph_start, ph_end
        window = next((e for e in entries if e["kind"] == "campaign"), None)
        if window is not None:  # the campaign's own window is the plan's start … end
            plan["start"], plan["end"] = window["starts"], window["ends"]
        if entries:
            plan["requirements"] = entries
        return plan, drafted

    keep = cands
    for _ in range(len(cands) + 1):
        plan, drafted = assemble(keep)
        try:
            built = plan_from_dict(plan, kinds=kinds)
            validate_plan(built, kinds=kinds)
        except InputError as exc:
            bad: dict[int, str] = {}
            for p in exc.problems:
                if len(p.path) >= 2 and p.path[0] == "requirements" and isinstance(p.path[1], int):
                    bad.setdefault(p.path[1], p.text("zh"))
            if not bad:
                raise
            for i, why in bad.items():
                c = keep[i]
                reviews.append(NeedsReview(c.clause, c.quote, c.line,
                                           f"{c.kind}: {why}"))
            keep = [c for i, c in enumerate(keep) if i not in bad]
            continue
        return plan, drafted, reviews
    raise AssertionError("unreachable")  # pragma: no cover
