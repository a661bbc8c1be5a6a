"""Names in ledger cells ⇄ the plan's ids, the same rule both ways.

A table names people, bodies and event types as a person writes them (李飛, 座談會); the
plan turns them back into ids. Reading a cell, in order:

1. the mapping file's ``[values]`` (cell text = id);
2. the text is a plan id, exactly (ids are one namespace, so this is never ambiguous);
3. the text is a name, English name or alias the plan gives, exactly;
4. the text is a plan id in the other script (主题党日 for 主題黨日): it is kept as written,
   and the checker reads it as that id and says so (:mod:`masswork.idmatch`), as it does
   for a TOML schedule;
5. the text folded (Simplified, no spaces, lower case) is a name, alias or id.

Writing a cell (:meth:`Names.cell`), an id is shown by its display name when that name
reads back to the same id, and as the id itself otherwise — so masswork's own ledger reads
back to the ids it was made from, and a person still sees 李飛 rather than ``li-fei``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ..hanzi import to_simplified
from .columns import fold

if TYPE_CHECKING:
    from ..model import Plan

__all__ = ["Names", "SPACES", "split_list"]

_SPLIT = re.compile(r"([、,，;；/\n]+)")
SPACES: Mapping[str, tuple[str, ...]] = {
    "type": ("activities",),
    "host": ("people", "roles", "bodies", "sections", "groups"),
    "phase": ("phases",),
    "any": ("people", "bodies", "groups", "sections", "roles", "activities", "documents", "phases"),
}
"""Namespaces a name column is looked up in, first match wins."""


class Names:
    """Display name ⇄ id, per namespace, built from the plan."""

    def __init__(self, plan: Plan | None, values: Mapping[str, str] | None = None) -> None:
        self.values = {fold(k): v for k, v in (values or {}).items()}
        self.ids: set[str] = set()
        self.exact: dict[str, dict[str, str]] = {}
        self.folded: dict[str, dict[str, str]] = {}
        self.scripts: dict[str, set[str]] = {}
        self.display: dict[str, str] = dict(plan.names()) if plan is not None else {}
        if plan is None:
            return
        for ns in SPACES["any"]:
            exact: dict[str, str] = {}
            folded: dict[str, str] = {}
            for item in getattr(plan, ns):
                self.ids.add(item.id)
                self.scripts.setdefault(to_simplified(item.id), set()).add(item.id)
                words = (*(getattr(item, "aliases", ()) or ()), getattr(item, "name_en", ""),
                         getattr(item, "name", ""))
                for word in words:
                    if word:
                        exact.setdefault(word, item.id)
                        folded.setdefault(fold(word), item.id)
                folded.setdefault(fold(item.id), item.id)
            self.exact[ns], self.folded[ns] = exact, folded

    def find(self, text: str, space: str) -> str | None:
        """The id ``text`` names in ``space``, or None when it names nothing the plan
        knows (step 4 above gives ``text`` itself)."""
        key = fold(text)
        if key in self.values:
            return self.values[key]
        if text in self.ids:
            return text
        for ns in SPACES[space]:
            hit = self.exact.get(ns, {}).get(text)
            if hit is not None:
                return hit
        if len(self.scripts.get(to_simplified(text), ())) == 1:
            return text
        for ns in SPACES[space]:
            hit = self.folded.get(ns, {}).get(key)
            if hit is not None:
                return hit
        return None

    def id(self, text: str, space: str) -> str:
        return self.find(text, space) or text

    def cell(self, ident: str | None, space: str) -> str:
        """How a ledger cell writes ``ident``: its display name if that reads back to it."""
        if ident is None:
            return ""
        name = self.display.get(ident)
        if name and name != ident and self.find(name, space) == ident:
            return name
        return ident

    def cells(self, idents: tuple[str, ...], space: str = "any") -> str:
        return "、".join(self.cell(i, space) for i in idents)

    def split(self, text: str, space: str) -> list[str]:
        """A list cell as ids. Names may themselves hold a separator ("我是誰、為了誰"), so
        the longest run of pieces that is a known name wins before a piece on its own."""
        return split_list(text, lambda t: self.find(t, space), lambda t: self.id(t, space))


def split_list(text: str, find: Callable[[str], str | None], one: Callable[[str], str]) -> list[str]:
    """``text`` split at list separators, runs of pieces that ``find`` knows kept whole."""
    parts = _SPLIT.split(text)
    words, seps = parts[0::2], parts[1::2]
    out: list[str] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            joined = "".join(w + (seps[k] if k < j - 1 else "") for k, w in enumerate(words[i:j], start=i))
            hit = find(joined.strip()) if j > i + 1 else None
            if hit is not None:
                out.append(hit)
                i = j
                break
        else:
            if words[i].strip():
                out.append(one(words[i].strip()))
            i += 1
    return out
