"""How a reminder becomes the text a channel sends — safely, whatever the plan file says.

A reminder quotes the plan: titles, names, the clause's own words. A plan comes from
elsewhere, so its text may hold a line break in a title (which would make an e-mail
``Subject`` invalid, so that every run fails and the reminder is never delivered), control
characters and terminal escapes, bidi overrides that reorder what a reader sees, lone
surrogates (from JSON ``"\\ud800"``) that no UTF-8 encoder accepts, and Markdown or HTML that
a robot would render as a live link. Each channel's format gets its own treatment:

=====================  =====================================================================
:func:`clean`          any text: lone surrogates → U+FFFD; C0/C1 controls (ESC, NUL, BEL …)
                       and bidi embeddings/overrides/isolates removed; CR, CR LF, U+2028,
                       U+2029, VT, FF → ``\\n``; tabs kept
:func:`one_line`       :func:`clean`, then every run of white space (line breaks included)
                       → one space: e-mail headers, robot card titles
:func:`defang`         URLs made inert for auto-linkers: ``://`` → ``[:]//``, ``www.`` →
                       ``www[.]`` (the conventional "defanged" form people still read)
:func:`md_text`        :func:`clean` + :func:`defang`, HTML ``& < >`` as entities, Markdown
                       punctuation backslash-escaped, block markers (``#``, ``>``, ``-``,
                       ``+``, ``1.``) escaped at the start of every line: DingTalk Markdown
=====================  =====================================================================

The reminder itself is never changed (the ledger and JSON output keep its words); only what
goes out on a channel is rendered.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any

__all__ = ["BOTH", "BOTH_DEPRECATED", "lang_of", "text_of", "subject_of", "quote_of", "clean", "one_line", "defang", "md_text",
           "clean_data"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 except tab and line feed, DEL, C1, and the bidi controls (embeddings, overrides,
# isolates; U+061C, U+200E/F marks are harmless and kept).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()!|~])")
_MD_BLOCK = re.compile(r"^(\s*)(#|>|-|\+|=|(\d+)([.)]))", re.MULTILINE)
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]{1,20}):(//)")
_WWW = re.compile(r"(?i)\bwww\.")
_MAILTO = re.compile(r"(?i)\b(mailto|javascript|data|vbscript|file|tel|sms):")


BOTH = "both"
"""The old two-language channel ``lang`` (Chinese, then English): still accepted, deprecated."""


def lang_of(settings: Mapping[str, Any], default: str | None = None, reminder: Any = None) -> str:
    """A channel's language: its ``lang`` (a tag such as ``zh-Hans``, ``zh_CN``, ``zh-TW``,
    ``en``; a bare ``zh`` is Traditional), else ``default``, else what
    :func:`masswork.i18n.resolve` chooses (``MASSWORK_LANG``, the locale, then the script of
    the reminder's plan title). ``"both"`` (Chinese, then English) is still accepted but
    deprecated: it warns (:class:`DeprecationWarning`) and is returned as it is."""
    from ..i18n import normalize, resolve

    given = settings.get("lang")
    if given == BOTH:
        warnings.warn(BOTH_DEPRECATED, DeprecationWarning, stacklevel=2)
        return BOTH
    lang = normalize(str(given)) if given is not None else None
    if lang:
        return lang
    if default:
        return normalize(default) or resolve(default)
    title = str(getattr(reminder, "title_zh", "") or "") + str(getattr(reminder, "quote", "") or "")
    return resolve(None, plan_text=title or None)


BOTH_DEPRECATED = ('lang = "both" is deprecated: a reminder is sent in one language; set lang to '
                   '"zh-Hans", "zh-Hant" or "en"')


def text_of(reminder: Any, lang: str) -> str:
    return reminder.message(lang) if hasattr(reminder, "message") else str(reminder)


def subject_of(reminder: Any, lang: str) -> str:
    if hasattr(reminder, "subject"):
        return str(reminder.subject(lang))
    from ..i18n import tr

    return tr("zh-Hant" if lang == BOTH else lang, "remind.subject.default")


def quote_of(reminder: Any) -> str:
    return str(getattr(reminder, "quote", "") or "")


def clean(text: str) -> str:
    """``text`` fit for any channel (see the module docstring)."""
    s = _SURROGATE.sub("\ufffd", str(text))
    s = _NEWLINES.sub("\n", s)
    return _CONTROL.sub("", s)


def one_line(text: str, limit: int = 0) -> str:
    """:func:`clean` on one line, white space collapsed; at most ``limit`` characters (0: no
    limit), an ellipsis marking the cut."""
    s = _SPACE.sub(" ", clean(text)).strip()
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return s


def defang(text: str) -> str:
    """URLs in ``text`` made inert (``https[:]//``, ``www[.]``, ``javascript[:]``)."""
    s = _SCHEME.sub(r"\1[:]\2", text)
    s = _WWW.sub("www[.]", s)
    return _MAILTO.sub(r"\1[:]", s)


def md_text(text: str) -> str:
    """``text`` shown literally in Markdown: no link, image, HTML, emphasis or heading."""
    s = defang(clean(text))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_PUNCT.sub(r"\\\1", s)
    # the block marker `>` is already an entity; the others are escaped where a line starts
    return _MD_BLOCK.sub(lambda m: m.group(1) + (m.group(3) + "\\" + m.group(4) if m.group(3) else "\\" + m.group(2)),
                         s)


def clean_data(value: Any) -> Any:
    """A JSON-able value with every string :func:`clean` ed (lists and mappings walked)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return {clean(str(k)): clean_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_data(v) for v in value]
    return value
