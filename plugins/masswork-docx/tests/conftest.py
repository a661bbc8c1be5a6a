"""Fixtures for masswork-docx's tests: poppler's ``pdftotext``, and from
:mod:`masswork.testing.fixtures` the sample files, LibreOffice and an isolated plugin host.

masswork's fixtures are imported by name rather than through ``pytest_plugins``, which
pytest only honours in a top-level conftest — and this directory also runs as part of the
masswork repository's test suite.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from masswork.testing.cli import require_program
from masswork.testing.fixtures import masswork_isolated_plugins, masswork_libreoffice, masswork_sample_files

__all__ = ["masswork_isolated_plugins", "masswork_libreoffice", "masswork_sample_files", "pdftotext"]


@pytest.fixture(scope="session")
def pdftotext() -> Callable[[Path], str]:
    """``pdftotext(pdf)``: the PDF's text, from poppler's pdftotext."""
    program = require_program("pdftotext", install="apt-get install -y --no-install-recommends poppler-utils")

    def extract(pdf: Path) -> str:
        proc = subprocess.run([program, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
        return proc.stdout.decode("utf-8")

    return extract
