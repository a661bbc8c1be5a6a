"""Fixtures for masswork-docx's tests.

masswork's own fixtures (``masswork_export_input`` …) are imported by name rather than
through ``pytest_plugins``, which pytest only honours in a top-level conftest — and this
directory also runs as part of the masswork repository's test suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from masswork.loaders import plan_to_dict, schedule_to_dict
from masswork.loaders.files import dumps_json
from masswork.testing import sample_plan, sample_schedule
from masswork.testing.fixtures import (  # noqa: F401 - fixtures, used by name
    masswork_export_input,
    masswork_isolated_plugins,
    masswork_plan,
    masswork_schedule,
)

Run = Callable[..., "subprocess.CompletedProcess[str]"]

REPO = Path(__file__).resolve().parents[3]
"""The masswork repository this plugin lives in (for ``examples/``)."""


def require_program(name: str) -> str:
    """The path of an external program a slow test needs. Missing: the test is skipped on a
    developer's machine, but fails under CI (``CI`` set), where it must be installed."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") is not None:
        pytest.fail(f"{name} is not installed, and CI is set: CI must install it "
                    "(apt-get install -y --no-install-recommends libreoffice-writer poppler-utils)")
    pytest.skip(f"{name} is not installed (CI unset, so this is not an error)")


@pytest.fixture
def run_cli() -> Run:
    """Run ``python -m masswork ARGS…`` in a subprocess with every installed plugin."""
    env = {k: v for k, v in os.environ.items() if k != "MASSWORK_LOAD_PLUGINS"}

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "masswork", *args], capture_output=True,
                              text=True, env=env, cwd=cwd, timeout=300, check=False)

    return run


@pytest.fixture
def sample_files(tmp_path: Path) -> tuple[Path, Path]:
    """masswork.testing's sample plan and schedule written as JSON files."""
    plan = tmp_path / "plan.json"
    schedule = tmp_path / "schedule.json"
    plan.write_text(dumps_json(plan_to_dict(sample_plan())), encoding="utf-8")
    schedule.write_text(dumps_json(schedule_to_dict(sample_schedule())), encoding="utf-8")
    return plan, schedule


@pytest.fixture(scope="session")
def soffice(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``convert(file, target, outdir)``: LibreOffice headless ``--convert-to target``, with
    a profile of its own (so it never waits on another running LibreOffice); returns the
    output directory."""
    program = require_program("soffice")
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(file: Path, target: str, outdir: Path) -> Path:
        outdir.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(outdir), str(file)],
            capture_output=True, text=True, timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr
        return outdir

    return convert


@pytest.fixture(scope="session")
def pdftotext() -> Callable[[Path], str]:
    """``pdftotext(pdf)``: the PDF's text, from poppler's pdftotext."""
    program = require_program("pdftotext")

    def extract(pdf: Path) -> str:
        proc = subprocess.run([program, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
        return proc.stdout.decode("utf-8")

    return extract
