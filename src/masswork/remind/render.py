"""How a reminder becomes the text a channel sends."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["lang_of", "text_of", "subject_of"]


def lang_of(settings: Mapping[str, Any], default: str = "both") -> str:
    lang = str(settings.get("lang", default))
    return lang if lang in ("zh", "en", "both") else default


def text_of(reminder: Any, lang: str) -> str:
    return reminder.message(lang) if hasattr(reminder, "message") else str(reminder)


def subject_of(reminder: Any, lang: str) -> str:
    if hasattr(reminder, "subject"):
        return str(reminder.subject(lang))
    return "masswork 提醒 reminder"
