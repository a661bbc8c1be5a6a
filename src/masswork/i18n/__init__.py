"""What people read, in Simplified Chinese (``zh-Hans``), Traditional Chinese (``zh-Hant``)
and English (``en``).

- :mod:`.langs`: which language to speak (``--lang``, ``MASSWORK_LANG``, the locale, the
  plan's own script).
- :mod:`.catalog`: the gettext catalogues shipped in the package.
- :mod:`.domain`: :class:`Catalogue`, a plugin's own catalogue (its own gettext domain).
- :mod:`.message`: :class:`Msg`, a message as a code and parameters, rendered per language.
- :mod:`.console`: writing to a console whatever its encoding.
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalog import catalog
from .domain import Catalogue
from .langs import DEFAULT_LANG, LANG_CHOICES, LANGS, is_chinese, normalize, resolve
from .message import Msg, Name, Pair, Words, date_range, render_value, tr

__all__ = ["LANGS", "DEFAULT_LANG", "LANG_CHOICES", "normalize", "resolve", "is_chinese",
           "catalog", "Catalogue", "Msg", "Name", "Words", "Pair", "tr", "render_value", "date_range", "messages_of", "pair_text", "labels"]


def messages_of(msg: Msg) -> dict[str, str]:
    """A message in every language, keyed as the JSON report keys them: ``zh-Hans``,
    ``zh-Hant``, ``en`` and the old ``zh`` (Traditional)."""
    out = {lang: msg.render(lang) for lang in LANGS}
    return {"zh": out["zh-Hant"], "en": out["en"], "zh-Hans": out["zh-Hans"], "zh-Hant": out["zh-Hant"]}


def pair_text(zh: str, en: str, lang: str) -> str:
    """Text given the old way, as a Traditional and an English string, in ``lang``.

    Legacy only: kept so that third-party plugins written before the catalogues (a
    ``Problem(zh=…, en=…)``, a ``PluginError(plugin, zh, en)``, an outcome's
    ``message_zh``/``message_en``) keep working. masswork's own errors and those of the
    bundled plugins are catalogue messages (:class:`Msg`) and never come through here.
    Simplified is folded from the Traditional text character by character
    (:func:`masswork.hanzi.to_simplified`): right for the common characters of such
    messages, though not phrase-aware (no 檔案 → 文件, 字元 → 字符)."""
    if not is_chinese(lang):
        return en or zh
    if normalize(lang) == "zh-Hans":
        from ..hanzi import to_simplified

        return to_simplified(zh or en)
    return zh or en


def labels(table: Mapping[str, Mapping[str, str]], lang: str) -> dict[str, str]:
    """A plugin's label table (``{"zh": {...}, "en": {...}}``, optionally ``"zh-Hans"`` /
    ``"zh-Hant"`` too) for ``lang``. A table without Simplified labels gets them folded from
    the Traditional ones by :func:`masswork.hanzi.to_simplified`; ``tests/test_i18n.py``
    checks that the fold agrees with OpenCC's phrase-aware conversion for every label the
    bundled plugins ship."""
    code = normalize(lang) or "en"
    if code in table:
        return dict(table[code])
    if not is_chinese(code):
        return dict(table["en"])
    zh = table.get("zh-Hant") or table["zh"]
    if code == "zh-Hans":
        from ..hanzi import to_simplified

        return {k: to_simplified(v) for k, v in zh.items()}
    return dict(zh)
