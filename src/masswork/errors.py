"""Errors that reach people: each says where (file, line or key path), what is wrong and
what was expected, in the reader's language (zh-Hans, zh-Hant or en).

A problem's words are a :class:`~masswork.i18n.Msg` (a catalogue code and parameters,
``Problem(msg=Msg.of("limits.not_found"), file=…)``; a plugin's own catalogue through
:meth:`masswork.i18n.Catalogue.msg`). The legacy form, a Traditional and an English text
(``Problem(zh=…, en=…)``, ``PluginError(plugin, zh, en)``), is still accepted from
third-party plugins written before the catalogues; its Simplified is folded character by
character (:func:`masswork.i18n.pair_text`). masswork itself and its bundled plugins use
only the catalogue form.

Everything masswork raises on bad input is a :class:`MassworkError`; the CLI turns one into
a message and exit code 2, never a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import attrs

from .i18n import Msg, pair_text, tr

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


def _text(value: str | Msg | None, lang: str) -> str:
    return value.render(lang) if isinstance(value, Msg) else (value or "")


_CLIP = 300


def _clip(text: str) -> str:
    # A message quoting untrusted input (a megabyte-long unknown id) stays readable.
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"


def fill_legacy_pair(obj: object) -> None:
    """Fill a frozen record's legacy ``zh``/``en`` texts from its ``msg`` where not given, so
    that readers of the old fields (and JSON written from them) still get words."""
    msg: Msg | None = getattr(obj, "msg")
    if msg is not None:
        if not getattr(obj, "zh"):
            object.__setattr__(obj, "zh", msg.render("zh-Hant"))
        if not getattr(obj, "en"):
            object.__setattr__(obj, "en", msg.render("en"))


class MassworkError(Exception):
    """Base of every error masswork raises on purpose."""

    def message(self, lang: str = "zh") -> str:
        return str(self)


@attrs.frozen
class Problem:
    """One thing wrong with an input, located by file, line and key path."""

    zh: str = ""
    en: str = ""
    path: tuple[str | int, ...] = ()
    file: str | None = None
    line: int | None = None
    expected: str | Msg | None = None
    hint: str | None = None
    msg: Msg | None = None
    """What is wrong, as a catalogue code; ``zh``/``en`` are filled from it. Giving ``zh``
    and ``en`` instead is the legacy form (third-party plugins)."""

    def __attrs_post_init__(self) -> None:
        fill_legacy_pair(self)

    def where(self, lang: str = "en") -> str:
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(tr(lang, "error.line", line=self.line))
        if self.path:
            parts.append(format_path(self.path))
        return ": ".join(parts)

    def what(self, lang: str = "zh") -> str:
        """What is wrong, in ``lang``, without where or what was expected. Texts a caller
        put in place of the code's (``attrs.evolve(problem, zh=…, en=…)``) win over it."""
        if self.msg is not None and self.zh == self.msg.render("zh-Hant") and self.en == self.msg.render("en"):
            return self.msg.render(lang)
        return pair_text(self.zh, self.en, lang)

    def text(self, lang: str = "zh") -> str:
        main = _clip(self.what(lang))
        where = self.where(lang)
        out = tr(lang, "error.where", where=where, what=main) if where else main
        if self.expected:
            out += tr(lang, "error.expected", expected=_text(self.expected, lang))
        if self.hint:
            out += tr(lang, "error.did_you_mean", hint=repr(_clip(self.hint)))
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

    def __init__(self, plugin: str, zh: str = "", en: str = "", *, msg: Msg | None = None) -> None:
        self.plugin, self.msg = plugin, msg
        self.zh = zh or (msg.render("zh-Hant") if msg else "")
        self.en = en or (msg.render("en") if msg else "")
        super().__init__(self.message("en"))

    def what(self, lang: str = "zh") -> str:
        return self.msg.render(lang) if self.msg is not None else pair_text(self.zh, self.en, lang)

    def message(self, lang: str = "zh") -> str:
        return tr(lang, "error.plugin", plugin=self.plugin, what=self.what(lang))


class ExportError(PluginError):
    """An exporter raised or produced nothing; no file was written."""
