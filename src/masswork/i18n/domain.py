"""A plugin's own message catalogue, read the way masswork reads its own.

A plugin ships its words as gettext catalogues inside its package, one per language::

    masswork_docx/locale/zh_Hans/LC_MESSAGES/masswork_docx.po   (and .mo beside it)
    masswork_docx/locale/zh_Hant/LC_MESSAGES/masswork_docx.po
    masswork_docx/locale/en/LC_MESSAGES/masswork_docx.po

and reads them with ``Catalogue("masswork_docx")``. Why its own domain rather than entries
in masswork's: a plugin is released on its own, by its own authors, and a translator
working on it edits its files only — the way every gettext-using Python package works.
Codes it does not define fall back to masswork's catalogue, so ``status.met`` and the
other shared words need not be repeated. ``python -m masswork.i18n.build check DIR``
checks a plugin's catalogues the same way as masswork's own.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterable

from .catalog import LOCALE_DIRS, _read, read_mo
from .langs import normalize
from .message import Msg, fill

__all__ = ["Catalogue"]

_CHAIN = {"zh-Hans": ("zh-Hans", "zh-Hant", "en"), "zh-Hant": ("zh-Hant", "en"), "en": ("en",)}
"""Where a language looks, in order (the same fall-backs as masswork's catalogue)."""


@functools.lru_cache(maxsize=None)
def _own(package: str, domain: str, lang: str) -> gettext.NullTranslations:
    return read_mo(package, f"locale/{LOCALE_DIRS[lang]}/LC_MESSAGES/{domain}.mo")


_core = functools.lru_cache(maxsize=None)(_read)


class Catalogue:
    """The catalogue of ``package`` (its domain is the package name unless given)."""

    def __init__(self, package: str, domain: str | None = None) -> None:
        self.package, self.domain = package, domain or package.rsplit(".", 1)[-1]

    def template(self, lang: str, code: str) -> str:
        """The text of ``code`` in ``lang`` before its parameters are filled in: the plugin's
        own catalogue first, then masswork's, in each language of the fall-back chain."""
        for step in _CHAIN[normalize(lang) or "en"]:
            for t in (_own(self.package, self.domain, step), _core(step)):
                text = t.gettext(code)
                if text != code:
                    return text
        return code

    def tr(self, lang: str, code: str, **params: object) -> str:
        """The text of ``code`` in ``lang``, ``params`` filled in as :func:`masswork.i18n.tr` does."""
        return fill(self.template(lang, code), lang, params)

    def msg(self, code: str, **params: object) -> Msg:
        """A :class:`Msg` of this catalogue, for an error or finding rendered later in the
        reader's language (``Problem(msg=CATALOGUE.msg("x.bad_key", key=k))``)."""
        return Msg(code, params, self.package)

    def labels(self, prefix: str, keys: Iterable[str], lang: str) -> dict[str, str]:
        """``{key: text of "prefix.key"}``: a table of labels in one call."""
        return {k: self.tr(lang, f"{prefix}.{k}") for k in keys}
