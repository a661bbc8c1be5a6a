"""Packaging: one version per distribution that every reader agrees on, plugins pinned to
the core's minor series, the ``all`` extra naming every plugin, a LICENSE matching the
metadata, and a core sdist without the plugins' sources."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

import masswork
from masswork.__about__ import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
CORE = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PLUGINS = sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))


def plugin_meta(folder: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_core_version_is_written_once_and_everyone_agrees() -> None:
    assert "version" not in CORE["project"] and "version" in CORE["project"]["dynamic"]
    assert CORE["tool"]["hatch"]["version"]["path"] == "src/masswork/__about__.py"
    assert masswork.__version__ == __version__ == metadata.version("masswork")
    out = subprocess.run([sys.executable, "-m", "masswork", "--version"], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith(__version__)
    assert re.search(rf"^## {re.escape(__version__)}\b", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize("folder", PLUGINS, ids=[p.name for p in PLUGINS])
def test_each_plugin_has_one_version_and_a_compatible_core_range(folder: Path) -> None:
    meta = plugin_meta(folder)
    project = meta["project"]
    assert "version" not in project and "version" in project["dynamic"]
    path = meta["tool"]["hatch"]["version"]["path"]
    written = re.search(r'^__version__ = "([^"]+)"', (folder / path).read_text(encoding="utf-8"), re.M)
    assert written is not None
    assert metadata.version(project["name"]) == written.group(1)
    core = [Requirement(r) for r in project["dependencies"] if Requirement(r).name == "masswork"]
    assert len(core) == 1
    spec = core[0].specifier
    here = Version(__version__)
    assert here in spec, f"{project['name']} does not accept the core it ships with"
    next_minor = Version(f"{here.major}.{here.minor + 1}") if here.major == 0 else Version(f"{here.major + 1}")
    assert next_minor not in spec, f"{project['name']} accepts a core that may break it"
    assert (folder / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license"] == CORE["project"]["license"]


def test_all_extra_names_every_plugin() -> None:
    named = {Requirement(r).name for r in CORE["project"]["optional-dependencies"]["all"]}
    assert named == {plugin_meta(p)["project"]["name"] for p in PLUGINS}


def test_license_urls_classifiers() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert CORE["project"]["license"] == "Apache-2.0"
    assert {"Documentation", "Source", "Changelog"} <= set(CORE["project"]["urls"])
    classifiers = CORE["project"]["classifiers"]
    assert "Programming Language :: Python :: 3.10" in classifiers and "Typing :: Typed" in classifiers
    minimum = CORE["project"]["requires-python"].removeprefix(">=")
    assert f"Programming Language :: Python :: {minimum}" in classifiers


def test_project_urls_name_no_invented_host() -> None:
    """There is no public host: every project URL is on the reserved ``.invalid`` domain
    (it can never resolve to someone else's site), and no package claims a home page. When
    a real host exists, this test is where its name is written once."""
    for meta in [CORE] + [plugin_meta(p) for p in PLUGINS]:
        urls = meta["project"]["urls"]
        assert "Homepage" not in urls, meta["project"]["name"]
        for key, url in urls.items():
            host = url.split("://", 1)[1].split("/", 1)[0]
            assert host.endswith(".invalid"), (meta["project"]["name"], key, url)


def test_sdist_holds_the_core_without_the_plugins(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "build", "--sdist", "--no-isolation", "-o", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (sdist,) = tmp_path.glob("masswork-*.tar.gz")
    assert sdist.name == f"masswork-{__version__}.tar.gz"
    with tarfile.open(sdist) as tar:
        names = [n.split("/", 1)[1] for n in tar.getnames() if "/" in n]
        info = tar.extractfile(f"masswork-{__version__}/PKG-INFO")
        assert info is not None
        pkg_info = info.read().decode("utf-8")
    assert not [n for n in names if n.startswith(("plugins/", "examples/plugin-tsv/", ".venv/", "site/"))]
    assert not [n for n in names if re.search(r"masswork_(docx|xlsx|html|ics|holidays_cn|tsv)/", n)]
    for needed in ("LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml", "src/masswork/__about__.py",
                   "src/masswork/py.typed", "mkdocs.yml"):
        assert needed in names, needed
    assert f"Version: {__version__}" in pkg_info and "Provides-Extra: all" in pkg_info
    assert "License-Expression: Apache-2.0" in pkg_info
