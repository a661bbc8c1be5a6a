"""Text fields rendered from an object's ``msg`` when first read, not when it is made.

:class:`~masswork.report.Finding`, :class:`~masswork.report.Notice`,
:class:`~masswork.kinds.outcome.Outcome` and :class:`~masswork.remind.compute.Reminder` keep
``message_zh`` / ``message_en``, the Traditional and English renderings of their ``msg``, for
callers that read them. Rendering both for every outcome and finding was an eighth of a
batch unit's check, and the batch reads neither (it keeps statuses). :func:`render_on_read`
replaces the class's slot for each such field by a descriptor that reads the slot, and,
when it holds ``""`` and the object has a ``msg``, renders the message, stores it in the
slot and returns it — what ``__attrs_post_init__`` stored before, the first time anyone
looks. Equality, hashing, ``repr``, ``attrs.evolve``, ``attrs.asdict`` and pickling read the
fields through ``getattr``, so they see exactly the values they saw before; the class stays
frozen (only the slot's own descriptor writes, as ``object.__setattr__`` did in
``__attrs_post_init__``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["render_on_read"]


class _RenderedText:
    """A data descriptor over a slot: ``""`` there plus a ``msg`` means "render on read"."""

    __slots__ = ("_slot", "_lang")

    def __init__(self, slot: Any, lang: str) -> None:
        self._slot = slot
        self._lang = lang

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self._slot.__get__(obj, owner)
        if not value:
            msg = obj.msg
            if msg is not None:
                value = msg.render(self._lang)
                self._slot.__set__(obj, value)
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        self._slot.__set__(obj, value)

    def __delete__(self, obj: Any) -> None:
        self._slot.__delete__(obj)


def render_on_read(cls: type, **langs: str) -> type:
    """Make each field named in ``langs`` (``message_zh="zh-Hant"``) of the slotted attrs
    class ``cls`` render ``obj.msg`` in that language when first read while empty."""
    for name, lang in langs.items():
        slot = cls.__dict__[name]  # the member descriptor attrs made for the slot
        if isinstance(slot, _RenderedText):
            continue
        setattr(cls, name, _RenderedText(slot, lang))
    return cls
