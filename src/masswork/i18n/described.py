"""What a registered thing is, for the people who list it: export and summary formats,
schedule readers, reminder channels, batch engines.

Each of those attrs classes takes ``message``, a catalogue message (a :class:`Msg`, e.g. a
plugin's ``Catalogue("masswork_x").msg("x.reader")``, or a message id of masswork's own
catalogue) rendered in the reader's language, and still takes the legacy pair
``description`` (Traditional) / ``description_en`` of plugins written before the catalogues.
Read back, ``description`` and ``description_en`` are the pair when given, else the message
rendered in Traditional and English, so code that read them keeps working;
:meth:`Described.description_text` is the one to call for a person.

The classes keep the pair in private attrs fields (``_description``, ``_description_en``:
still ``description=``/``description_en=`` to their constructors and positions) so that the
read-back can fall back on the message.
"""

from __future__ import annotations

from .message import Msg

__all__ = ["Described"]


class Described:
    """Mixin for an attrs class with ``_description``, ``_description_en`` and ``message``."""

    __slots__ = ()

    _description: str
    _description_en: str
    message: Msg | str | None

    def description_msg(self) -> Msg | None:
        """What it is, as a message (None when it gives only the legacy pair)."""
        if not self.message:
            return None
        return self.message if isinstance(self.message, Msg) else Msg.of(self.message)

    @property
    def description(self) -> str:
        """The Traditional description (legacy read-back)."""
        msg = self.description_msg()
        return self._description or (msg.render("zh-Hant") if msg is not None else "")

    @property
    def description_en(self) -> str:
        """The English description (legacy read-back)."""
        msg = self.description_msg()
        return self._description_en or (msg.render("en") if msg is not None else "")

    def description_text(self, lang: str) -> str:
        """What it is, in ``lang``: its message, else the legacy pair (Simplified folded from
        the Traditional, :func:`masswork.i18n.pair_text`)."""
        from . import pair_text

        msg = self.description_msg()
        if msg is not None:
            return msg.render(lang)
        return pair_text(self._description, self._description_en, lang)

    def description_texts(self) -> dict[str, str]:
        """The description in every language, keyed as the JSON report keys messages."""
        from . import LANGS

        return {lang: self.description_text(lang) for lang in LANGS}
