"""click's own messages ("No such option", "Missing argument", "Usage:", range errors) in
the reader's language.

click words them in English through :func:`gettext.gettext` (the process-wide default
domain), imported into each of its modules as ``_`` (and ``ngettext``). This package ships a
catalogue whose message ids are click's own English texts (``locale/*/LC_MESSAGES/
clickwords.po``, checked with masswork's: ``python -m masswork.i18n.build check``), and
:func:`speaking` points those module names at it for the length of one command — the
process's default domain and the environment are left alone, so nothing else in the
process (another click program, a library's own gettext) changes language. A text click
adds in a later version falls back to its English until the catalogue has it.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import sys
from collections.abc import Iterator

from ..catalog import LOCALE_DIRS, read_mo
from ..langs import normalize

__all__ = ["speaking", "translations", "CLICK_MODULES"]

CLICK_MODULES = ("click.core", "click.exceptions", "click.parser", "click.types", "click.decorators",
                 "click.formatting", "click.termui", "click.utils", "click.shell_completion",
                 "click._termui_impl")
"""The click modules that import ``gettext as _`` / ``ngettext``."""


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of click's texts in ``lang`` (English: click's own texts)."""
    code = normalize(lang) or "en"
    return read_mo(__package__, f"locale/{LOCALE_DIRS[code]}/LC_MESSAGES/clickwords.mo")


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """click speaks ``lang`` inside the ``with`` block (its modules' ``_`` and ``ngettext``)."""
    t = translations(lang)
    saved: list[tuple[object, str, object]] = []
    for name in CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        for attr, new in (("_", t.gettext), ("ngettext", t.ngettext)):
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, new)
    try:
        yield
    finally:
        for owner, attr, old in reversed(saved):
            setattr(owner, attr, old)
