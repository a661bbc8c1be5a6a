"""Messages as a code and parameters, rendered in any language when read.

A :class:`Msg` is what masswork says (``Msg("finding.deadline.late", what=…, day=…)``),
not how it says it: the text comes from the catalogue of the language asked for. Parameter
values are plain values (numbers, dates as ISO dates, strings inserted as written), another
:class:`Msg` (rendered in the same language), a :class:`Name` (a word of the plan, with its
English name where the plan gives one) or a tuple of these (joined with 、 in Chinese,
with ", " in English).

Names and quotes from a plan are never converted between scripts: a Traditional plan
read in Simplified keeps its own words, as a quotation does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Union

import attrs

from .catalog import catalog
from .langs import is_chinese, normalize

__all__ = ["Msg", "Name", "Words", "Pair", "Param", "tr", "fill", "render_value", "date_range"]


@attrs.frozen
class Name:
    """A plan word: its own text (``zh``, as written in the plan) and, where the plan gives
    one, an English name. English output shows ``en (zh)`` so the reader can match the
    plan; Chinese output shows the plan's word alone."""

    zh: str
    en: str = ""

    def render(self, lang: str) -> str:
        if is_chinese(lang) or not self.en or self.en == self.zh:
            return self.zh
        return f"{self.en} ({self.zh})"


@attrs.frozen
class Words:
    """Words given twice, as the plan (or its reader) wrote them: ``zh`` for Chinese readers
    in either script, ``en`` for English ones (``zh`` when there is no English). Neither is
    converted: a plan's title or a person's name is quoted, not translated."""

    zh: str
    en: str = ""

    def render(self, lang: str) -> str:
        return self.zh if is_chinese(lang) or not self.en else self.en


@attrs.frozen
class Pair:
    """Text given the old way, Traditional and English (from a plugin that predates the
    catalogues), carried inside a :class:`Msg` (see :func:`masswork.i18n.pair_text`)."""

    zh: str
    en: str

    def render(self, lang: str) -> str:
        from . import pair_text

        return pair_text(self.zh, self.en, lang)


Param = Union[str, int, float, dt.date, "Msg", Name, Words, tuple["Param", ...], None]


# A date range as masswork writes it in data (2014-03-01..2014-03-15, ..2014-02-25, 2014-03-05..):
# each reader's language writes it its own way (2014-03-01至2014-03-15), from the catalogue.
_RANGE = re.compile(r"(?<![\d.])(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?(?![\d.])")


def date_range(text: str, lang: str) -> str:
    """``text`` with every ISO date range in it written as ``lang`` writes one
    (``range.between``, ``range.until``, ``range.from`` in the catalogue)."""
    if ".." not in text:
        return text

    def one(m: re.Match[str]) -> str:
        a, b = m.groups()
        if not a and not b:
            return m.group()
        code = "range.between" if a and b else "range.until" if b else "range.from"
        return tr(lang, code, start=a or "", end=b or "")

    return _RANGE.sub(one, text)


def render_value(value: object, lang: str) -> str:
    """One parameter as text in ``lang``. Date ranges in masswork's data form
    (``2014-03-01..2014-03-15``) are written the reader's way; a plan's own words
    (:class:`Name`, :class:`Words`) are left as written."""
    if isinstance(value, (Msg, Name, Words, Pair)):
        return value.render(lang)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")  # 2014-03-08 09:00:00, as people write it
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        sep = "、" if is_chinese(lang) else ", "
        return sep.join(render_value(v, lang) for v in value)
    if value is None:
        return ""
    render = getattr(value, "render", None)
    if callable(render):
        # Anything else that renders itself per language (a reminder's body, a list
        # joined its own way): masswork's modules build such values for their messages.
        return str(render(lang))
    return date_range(str(value), lang)


def _freeze(params: Mapping[str, object] | tuple[tuple[str, object], ...]) -> tuple[tuple[str, object], ...]:
    # the default () and an already frozen tuple (attrs.evolve, pickling) pass as they are
    items = params.items() if isinstance(params, Mapping) else params
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in items))


@attrs.frozen
class Msg:
    """A message: catalogue ``code`` and named ``params``. Build one as
    ``Msg.of("code", name=value, …)``; render with :meth:`render`."""

    code: str
    params: tuple[tuple[str, object], ...] = attrs.field(default=(), converter=_freeze)
    package: str | None = None
    """The package whose own catalogue holds ``code`` (a plugin's, see
    :class:`masswork.i18n.Catalogue`); None for masswork's."""

    @classmethod
    def of(cls, code: str, /, **params: object) -> Msg:
        # positional-only: a parameter may be called ``cls`` or ``code`` (a class's name)
        return cls(code, params)  # the converter freezes the dict

    def param(self, name: str) -> object:
        return dict(self.params).get(name)

    def render(self, lang: str = "zh-Hant") -> str:
        """The message in ``lang`` (any spelling :func:`~masswork.i18n.normalize` reads)."""
        if self.package is not None:
            from .domain import Catalogue

            return Catalogue(self.package).tr(lang, self.code, **dict(self.params))
        return tr(lang, self.code, **dict(self.params))

    def to_dict(self) -> dict[str, object]:
        """Plain data: ``{"code": …, "params": {…}}`` (values as text where not numbers)."""
        out: dict[str, object] = {}
        for k, v in self.params:
            if isinstance(v, Msg):
                out[k] = v.to_dict()
            elif isinstance(v, (int, float, str)) or v is None:
                out[k] = v
            else:
                out[k] = v.zh if isinstance(v, (Name, Words, Pair)) else render_value(v, "en")
        return {"code": self.code, "params": out}


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def tr(lang: str, code: str, /, **params: object) -> str:
    """The text of ``code`` in ``lang`` with ``params`` filled in."""
    lang = normalize(lang) or "en"
    return fill(catalog(lang).gettext(code), lang, params)


def fill(template: str, lang: str, params: Mapping[str, object]) -> str:
    """``template`` with ``params`` rendered in ``lang`` put in its ``{name}`` places."""
    if not params:
        return template
    values = _Missing({k: render_value(v, lang) for k, v in params.items()})
    try:
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError):
        # A broken translation must not hide the message: show it unformatted.
        return template
