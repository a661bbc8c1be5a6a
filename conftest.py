"""Shared by every test directory (tests/ and each plugin's tests/).

Messages follow the language of the environment (``MASSWORK_LANG``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``); tests that do not choose one must see the same output on any
developer's machine, so those variables are cleared (``LANG`` set to ``C.UTF-8``, which
names no language) and the plan's own script decides. Tests of the language choice set
them explicitly."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _neutral_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MASSWORK_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
