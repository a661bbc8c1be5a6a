"""Compatibility alias: the ``masswork remind`` command lives in :mod:`masswork.remind.command`
and its config file in :mod:`masswork.remind.config`."""

from __future__ import annotations

from .remind.command import DEFAULT_LEDGER, REMIND_FORMAT_VERSION, remind
from .remind.config import DEFAULT_CONFIG, Config, build_targets, load_config

__all__ = ["remind", "Config", "load_config", "build_targets", "DEFAULT_CONFIG", "DEFAULT_LEDGER",
           "REMIND_FORMAT_VERSION"]
