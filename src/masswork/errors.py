"""Errors that reach people: each says where (file, line or key path), what is wrong and
what was expected, in Chinese and English.

Everything masswork raises on bad input is a :class:`MassworkError`; the CLI turns one into
a message and exit code 2, never a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "MassworkError",
    "InputError",
    "Problem",
    "PlanError",
    "PluginError",
    "ExportError",
    "format_path",
    "nearest",
]


def format_path(path: Sequence[str | int]) -> str:
    """``("requirements", 3, "min")`` → ``requirements[3].min``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word closest to ``word``, for 'did you mean' hints."""
    matches = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


_CLIP = 300


def _clip(text: str) -> str:
    # A message quoting untrusted input (a megabyte-long unknown id) stays readable.
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"


class MassworkError(Exception):
    """Base of every error masswork raises on purpose."""

    def message(self, lang: str = "zh") -> str:
        return str(self)


@attrs.frozen
class Problem:
    """One thing wrong with an input, located by file, line and key path."""

    zh: str
    en: str
    path: tuple[str | int, ...] = ()
    file: str | None = None
    line: int | None = None
    expected: str | None = None
    hint: str | None = None

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.path:
            parts.append(format_path(self.path))
        return ": ".join(parts)

    def text(self, lang: str = "zh") -> str:
        zh, en = _clip(self.zh), _clip(self.en)
        main = f"{zh} / {en}" if lang == "zh" else f"{en} ({zh})"
        where = self.where()
        out = f"{where}: {main}" if where else main
        if self.expected:
            out += f"; 期望 expected: {self.expected}"
        if self.hint:
            out += f"; 您是否想寫 did you mean: {_clip(self.hint)!r}"
        return out

    def with_file(self, file: str | None) -> Problem:
        return self if self.file or file is None else attrs.evolve(self, file=file)

    def under(self, *prefix: str | int) -> Problem:
        return attrs.evolve(self, path=tuple(prefix) + self.path)


class InputError(MassworkError):
    """A plan, schedule or config file could not be read. Carries one or more problems."""

    def __init__(self, problems: Problem | Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = (
            (problems,) if isinstance(problems, Problem) else tuple(problems)
        )
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return "\n".join(p.text(lang) for p in self.problems)

    def with_file(self, file: str | None) -> InputError:
        return type(self)([p.with_file(file) for p in self.problems])


class PlanError(InputError):
    """The plan is well-formed but inconsistent: unknown references, cycles, impossible
    windows, duplicate ids."""


class PluginError(MassworkError):
    """A plugin failed; ``plugin`` names it so the user knows whom to blame."""

    def __init__(self, plugin: str, zh: str, en: str) -> None:
        self.plugin, self.zh, self.en = plugin, zh, en
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"插件 {self.plugin}: {self.zh} / plugin {self.plugin}: {self.en}"
        return f"plugin {self.plugin}: {self.en} (插件 {self.plugin}: {self.zh})"


class ExportError(PluginError):
    """An exporter raised or produced nothing; no file was written."""
