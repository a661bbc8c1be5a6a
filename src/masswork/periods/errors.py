"""The one exception the calendar parsers raise, and the forms each parser accepts.

Every parser raises only :class:`PhraseError` (a ``ValueError``); the ``*_FORMS``
tables are what the error lists as accepted, one row per family of phrases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from ..i18n import Msg, is_chinese, pair_text, render_value


class PhraseError(ValueError):
    """A calendar phrase that cannot be read (無法識別的日期短語).

    Attributes:
        text: the text as given.
        msg: what is wrong, as a catalogue message (:meth:`what` renders it per language).
        forms: the forms that would be accepted, as catalogue messages (:meth:`expected_text`).
        message_zh: what is wrong, in Traditional Chinese.
        message_en: the same in English.
        expected: the accepted forms in English.

    Built as ``PhraseError(text, msg=Msg.of(...), expected=(Msg.of(...), ...))``; the older
    ``PhraseError(text, message_zh, message_en, expected)`` (texts) still works.
    """

    def __init__(
        self,
        text: str,
        message_zh: str = "",
        message_en: str = "",
        expected: Sequence[str | Msg] = (),
        *,
        msg: Msg | None = None,
    ) -> None:
        self.text = text
        self.msg = msg
        self.message_zh = message_zh or (msg.render("zh-Hant") if msg else "")
        self.message_en = message_en or (msg.render("en") if msg else "")
        self.forms = tuple(expected)
        self.expected = tuple(render_value(f, "en") for f in self.forms)
        super().__init__(self._render())

    def what(self, lang: str) -> str:
        """What is wrong, in ``lang``."""
        return self.msg.render(lang) if self.msg is not None else pair_text(self.message_zh, self.message_en, lang)

    def expected_text(self, lang: str) -> str:
        """The accepted forms, in ``lang``, one after another."""
        return Forms(self.forms).render(lang)

    def expected_msg(self) -> Msg:
        """The accepted forms as a message, for a :class:`~masswork.errors.Problem`'s ``expected``."""
        return Msg.of("phrase.accepted", forms=Forms(self.forms))

    def _render(self) -> str:
        msg = f"「{self.text}」：{self.message_zh} / {self.message_en}"
        if self.expected:
            msg += " — expected: " + "; ".join(self.expected)
        return msg

    def __reduce__(self) -> tuple[Any, ...]:
        # The custom __init__ signature would otherwise break pickling (multiprocessing).
        return (_rebuild, (self.text, self.message_zh, self.message_en, self.forms, self.msg))


@attrs.frozen
class Forms:
    """Accepted forms as one message parameter: 、-free, each form whole, ``；`` or ``; ``
    between them."""

    items: tuple[str | Msg, ...]

    def render(self, lang: str) -> str:
        return ("；" if is_chinese(lang) else "; ").join(render_value(f, lang) for f in self.items)


def _rebuild(text: str, zh: str, en: str, forms: tuple[str | Msg, ...], msg: Msg | None) -> PhraseError:
    return PhraseError(text, zh, en, forms, msg=msg)


def _forms(family: str, n: int) -> tuple[Msg, ...]:
    return tuple(Msg.of(f"phrase.form.{family}.{i}") for i in range(1, n + 1))


WINDOW: Final = _forms("window", 10)
DURATION: Final = _forms("duration", 7)
OFFSET: Final = _forms("offset", 6)
"""The forms each parser accepts, one catalogue message per family of phrases (the English
texts are :data:`WINDOW_FORMS`, :data:`DURATION_FORMS`, :data:`OFFSET_FORMS`)."""

WINDOW_FORMS: Final[tuple[str, ...]] = tuple(m.render("en") for m in WINDOW)
DURATION_FORMS: Final[tuple[str, ...]] = tuple(m.render("en") for m in DURATION)
OFFSET_FORMS: Final[tuple[str, ...]] = tuple(m.render("en") for m in OFFSET)


def _error(text: str, code: str, expected: Sequence[str | Msg] = WINDOW, **params: object) -> PhraseError:
    """The error for ``text``: catalogue message ``code`` with ``params``, and what is accepted."""
    return PhraseError(text, expected=expected, msg=Msg.of(code, **params))
