"""The plugin's words: its own gettext catalogue (``locale/*/LC_MESSAGES/masswork_xlsx.po``),
codes ``xlsx.*``; masswork's catalogue answers the codes it shares (``col.*``, ``status.*``)."""

from __future__ import annotations

from masswork.i18n import Catalogue

__all__ = ["CATALOGUE"]

CATALOGUE = Catalogue("masswork_xlsx")
