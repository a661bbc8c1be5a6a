"""The message catalogues: one GNU gettext ``.mo`` file per language, shipped in the wheel
under ``masswork/i18n/locale/<dir>/LC_MESSAGES/masswork.mo`` and read with the standard
library's :mod:`gettext`.

Why gettext: it is the standard the translation tools speak (Poedit, Weblate, msgmerge),
it ships with Python, and a compiled catalogue is a hash-table lookup with no parsing at
run time. The ``.po`` sources beside each ``.mo`` are what people edit; ``python -m
masswork.i18n.build`` compiles them, and a test fails when a ``.mo`` is out of date or a
catalogue lacks a message.

Message ids are codes (``check.as_of``), not English sentences, so the English wording can
change without touching the Chinese catalogues, and a code that reaches output is easy to
catch. A language missing a message falls back zh-Hans → zh-Hant → en (never seen in a
release: the tests fail first).
"""

from __future__ import annotations

import functools
import gettext
from importlib import resources

from .langs import LANGS, normalize

__all__ = ["catalog", "locale_dir", "read_mo", "LOCALE_DIRS", "DOMAIN"]

DOMAIN = "masswork"
LOCALE_DIRS = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "en": "en"}
"""Language → directory under ``locale/`` (underscores, as gettext's own layout has)."""

_FALLBACK = {"zh-Hans": "zh-Hant", "zh-Hant": "en", "en": None}


def locale_dir(lang: str, suffix: str = "mo") -> str:
    """Path, inside the package, of a language's catalogue (``.po`` or ``.mo``)."""
    return f"locale/{LOCALE_DIRS[lang]}/LC_MESSAGES/{DOMAIN}.{suffix}"


def read_mo(package: str, path: str) -> gettext.NullTranslations:
    """The compiled catalogue at ``path`` inside ``package`` (empty when it is not there: the
    caller's fall-backs answer)."""
    ref = resources.files(package).joinpath(path)
    try:
        with ref.open("rb") as fp:
            t: gettext.NullTranslations = gettext.GNUTranslations(fp)
    except FileNotFoundError:
        t = gettext.NullTranslations()
    return t


def _read(lang: str) -> gettext.NullTranslations:
    return read_mo(__package__, locale_dir(lang))


@functools.lru_cache(maxsize=None)
def catalog(lang: str) -> gettext.NullTranslations:
    """The translations of one language, with its fall-backs chained behind it."""
    code = normalize(lang) or "en"
    assert code in LANGS, code
    t = _read(code)
    nxt = _FALLBACK[code]
    if nxt is not None:
        t.add_fallback(catalog(nxt))
    return t
