"""Which language a person reads: ``zh-Hans`` (Simplified), ``zh-Hant`` (Traditional) or
``en``.

The choice, first that answers: an explicit ``--lang`` (or ``lang=`` argument), then
``MASSWORK_LANG``, then the usual locale variables ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
(POSIX order), then the script the plan itself is written in
(:func:`masswork.hanzi.script_of`), then ``zh-Hant``, the language masswork spoke first.

Tags are recognised by a table (one row per spelling), like dateutil's parser: BCP 47
(``zh-CN``), POSIX locales (``zh_CN.UTF-8``, ``zh_TW.Big5@euro``) and script subtags
(``zh-Hans-CN``). A bare ``zh`` means Traditional, as it did before Simplified existed, so
scripts and configs written then read the same. The locale values ``C`` and ``POSIX`` say
nothing about language and are passed over.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["LANGS", "DEFAULT_LANG", "normalize", "resolve", "is_chinese", "LANG_CHOICES"]

LANGS = ("zh-Hans", "zh-Hant", "en")
DEFAULT_LANG = "zh-Hant"

# spelling (lower case, "_" read as "-") → language. Region tags stand for the script
# used there: mainland China and Singapore write Simplified; Taiwan, Hong Kong, Macao
# Traditional.
_ALIASES: dict[str, str] = {
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-my": "zh-Hans",
    "zh-hans-cn": "zh-Hans",
    "zh-hans-sg": "zh-Hans",
    "zh-chs": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant-tw": "zh-Hant",
    "zh-hant-hk": "zh-Hant",
    "zh-hant-mo": "zh-Hant",
    "zh-cht": "zh-Hant",
    "zh": "zh-Hant",
    "en": "en",
}

LANG_CHOICES = tuple(LANGS) + ("zh", "zh_CN", "zh-CN", "zh-SG", "zh_TW", "zh-TW", "zh_HK", "zh-HK",
                                "zh-MO", "en_US", "en-GB")
"""Spellings shown in ``--help``; :func:`normalize` accepts more."""


def normalize(tag: str | None) -> str | None:
    """The language a tag names, or ``None`` when it names none masswork speaks.

    >>> normalize("zh_CN.UTF-8"), normalize("zh-TW"), normalize("en_US"), normalize("fr")
    ('zh-Hans', 'zh-Hant', 'en', None)
    """
    if not tag:
        return None
    t = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("_", "-").lower()
    if t in _ALIASES:
        return _ALIASES[t]
    if t.startswith("en-") or t == "en":
        return "en"
    parts = t.split("-")
    if parts[0] == "zh":
        if "hans" in parts:
            return "zh-Hans"
        if "hant" in parts:
            return "zh-Hant"
        for p in parts[1:]:
            hit = _ALIASES.get("zh-" + p)
            if hit:
                return hit
        return DEFAULT_LANG
    return None


def _from_env(env: Mapping[str, str]) -> str | None:
    tag = env.get("MASSWORK_LANG")
    if tag:
        return normalize(tag)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            # The first variable that is set decides, as in POSIX, even when it names a
            # language masswork lacks: then it says nothing and the plan's script decides.
            return normalize(value)
    return None


def resolve(explicit: str | None = None, *, plan_text: str | None = None,
            env: Mapping[str, str] | None = None) -> str:
    """The language to speak (see the module docstring for the order).

    ``explicit`` that names no known language raises :class:`ValueError`; a locale
    variable naming an unknown language is passed over, since it was not set for masswork.
    """
    if explicit:
        lang = normalize(explicit)
        if lang is None:
            raise ValueError(explicit)
        return lang
    lang = _from_env(os.environ if env is None else env)
    if lang:
        return lang
    if plan_text:
        from ..hanzi import script_of

        script = script_of(plan_text)
        if script:
            return script
    return DEFAULT_LANG


def is_chinese(lang: str) -> bool:
    """True for ``zh-Hans``, ``zh-Hant`` and the old ``zh``."""
    return lang == "zh" or lang.startswith("zh-")
