"""pytest fixtures for plugin authors. Enable with ``pytest_plugins = ["masswork.testing.fixtures"]``
in your ``conftest.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ..exporters import ExportInput
from ..model import Plan, Schedule
from .sample import sample_export_input, sample_plan, sample_schedule


@pytest.fixture
def masswork_plan() -> Plan:
    """:func:`masswork.testing.sample_plan`."""
    return sample_plan()


@pytest.fixture
def masswork_schedule() -> Schedule:
    """:func:`masswork.testing.sample_schedule`."""
    return sample_schedule()


@pytest.fixture
def masswork_export_input() -> ExportInput:
    """The sample plan, schedule and their report, as an exporter receives them."""
    return sample_export_input()


@pytest.fixture
def masswork_isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh process-wide plugin host before and after the test, so plugins a test
    registers do not leak into the next one."""
    from .. import plugins

    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def masswork_sample_files(tmp_path: Path) -> tuple[Path, Path]:
    """The sample plan and schedule as JSON files, for tests through the command line."""
    from .cli import write_sample_files

    return write_sample_files(tmp_path)


@pytest.fixture(scope="session")
def masswork_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path, str, Path], Path]:
    """``convert(file, target, outdir) -> outdir``: :func:`masswork.testing.cli.libreoffice_convert`
    with one LibreOffice profile for the whole session. Skips the test when ``soffice`` is
    missing, fails it under CI."""
    from .cli import LIBREOFFICE_INSTALL, libreoffice_convert, require_program

    require_program("soffice", install=LIBREOFFICE_INSTALL)
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(file: Path, target: str, outdir: Path) -> Path:
        return libreoffice_convert(file, target, outdir, profile)

    return convert
