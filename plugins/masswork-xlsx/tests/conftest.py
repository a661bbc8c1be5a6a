"""Fixtures for masswork-xlsx's tests, all from :mod:`masswork.testing.fixtures`:
``masswork_sample_files`` (the sample plan and schedule as JSON files, for the command line)
and ``masswork_libreoffice`` (LibreOffice headless ``--convert-to``).

They are imported by name rather than through ``pytest_plugins``, which pytest only honours
in a top-level conftest — and this directory also runs as part of the masswork repository's
test suite.
"""

from masswork.testing.fixtures import masswork_libreoffice, masswork_sample_files

__all__ = ["masswork_libreoffice", "masswork_sample_files"]
