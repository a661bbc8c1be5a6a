"""docs/cli.md: every ``$ masswork …`` line runs, with the exit code the page states, and
the shell-completion recipe it gives produces a completion script."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
LINES = [m.group(1) for block in re.findall(r"```console\n(.*?)```", PAGE, flags=re.S)
         for m in re.finditer(r"^\$ (masswork .*)$", block, flags=re.M)]


def test_the_page_has_examples() -> None:
    assert len(LINES) >= 5


@pytest.mark.parametrize("line", LINES)
def test_shell_example_runs_with_its_exit_code(line: str, tmp_path: Path) -> None:
    command, _, comment = line.partition("  # ")
    expected = re.fullmatch(r"exit (\d+)", comment.strip())
    assert expected, f"state the exit code: {line}"
    args = shlex.split(command)[1:]
    # Run where the reader would, beside examples/, but never in the repository itself: an
    # example that writes a file (export -o 檢查報告.md) writes it into a scratch folder.
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    r = subprocess.run([sys.executable, "-m", "masswork", *args], cwd=tmp_path, capture_output=True,
                       text=True, encoding="utf-8", check=False, timeout=300)
    assert r.returncode == int(expected.group(1)), r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_recipe_gives_a_script(shell: str) -> None:
    assert f"_MASSWORK_COMPLETE={shell}_source masswork" in PAGE
    env = {**os.environ, "_MASSWORK_COMPLETE": f"{shell}_source"}
    exe = Path(sys.executable).with_name("masswork")
    r = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=False, timeout=120)
    assert r.returncode == 0 and "_MASSWORK_COMPLETE" in r.stdout
