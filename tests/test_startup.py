"""Start-up: ``masswork --help`` from the cache of the text printed last time, without click,
the package or any plugin's heavy dependencies; built-in commands' help without plugins'
dependencies either. (The time itself is measured in benchmarks/startup.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("docx", "openpyxl", "icalendar")


def _run(args: list[str], cache: Path, cwd: Path, **env: str) -> tuple[str, set[str]]:
    """stdout of ``python -X importtime -m masswork ARGS`` and the modules it imported."""
    full = {k: v for k, v in os.environ.items() if k not in ("MASSWORK_LOAD_PLUGINS", "PYTHONDONTWRITEBYTECODE")}
    full.update({"MASSWORK_CACHE_DIR": str(cache), "COLUMNS": "100", "MASSWORK_LANG": "en", **env})
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "masswork", *args], capture_output=True,
                          text=True, encoding="utf-8", env=full, cwd=cwd, timeout=120, check=True)
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    return proc.stdout, modules


def _plugin_commands() -> list[str]:
    """The commands installed plugins add (``masswork_register_commands``)."""
    import click

    from masswork.plugins import get_host

    group = click.Group()
    for impl in get_host().pm.hook.masswork_register_commands.get_hookimpls():
        impl.function(cli=group)
    return sorted(group.commands)


def test_top_level_help_comes_from_the_cache_without_imports(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, imported_first = _run(["--help"], cache, tmp_path)
    assert "click" in imported_first  # nothing cached yet: the command line wrote it
    assert list(cache.glob("help-*.txt"))
    again, imported = _run(["--help"], cache, tmp_path)
    short, _ = _run(["-h"], cache, tmp_path)
    assert again == first == short
    assert "check" in again and "Commands" in again
    for command in _plugin_commands():  # plugins' commands are listed, from the cache too
        assert f"  {command} " in again
    assert "click" not in imported and "masswork.cli" not in imported
    assert not [m for m in imported if m.split(".")[0] in HEAVY]


def test_the_cache_follows_what_the_help_depends_on(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(["--help"], cache, tmp_path)
    first, _ = _run(["--help"], cache, tmp_path)
    narrow, imported = _run(["--help"], cache, tmp_path, COLUMNS="60")
    assert "click" in imported  # another width: written anew, and kept beside the first
    assert len(list(cache.glob("help-*.txt"))) == 2
    assert narrow != first and max(map(len, narrow.splitlines())) <= 60
    (file,) = [f for f in cache.glob("help-*.txt") if "\x1f100\x1f" in f.read_text(encoding="utf-8").split("\n")[1]]
    lines = file.read_text(encoding="utf-8").split("\n")
    dep = next(i for i, line in enumerate(lines) if line.startswith("D ") and "masswork" in line)
    parts = lines[dep].split(" ", 3)
    lines[dep] = " ".join([parts[0], "1", parts[2], parts[3]])  # as if that file had changed
    file.write_text("\n".join(lines), encoding="utf-8")
    _out, imported = _run(["--help"], cache, tmp_path)
    assert "click" in imported
    _out, imported = _run(["--help"], cache, tmp_path)
    assert "click" not in imported


def test_an_unwritable_cache_still_gives_the_help(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    out, imported = _run(["--help"], blocker / "cache", tmp_path)
    assert "Commands" in out and "click" in imported


@pytest.mark.parametrize("command", ["check", "explain", "export", "formats", "kinds"])
def test_builtin_commands_help_imports_no_plugin_dependency(tmp_path: Path, command: str) -> None:
    out, imported = _run([command, "--help"], tmp_path / "cache", tmp_path)
    assert "Usage" in out or "用法" in out  # click's frame speaks the default language (i18n.clickwords)
    assert not [m for m in imported if m.split(".")[0] in HEAVY]
