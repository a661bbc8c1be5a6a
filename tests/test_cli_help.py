"""CLI help (every command's and every option's) in the reader's language: zh-Hans with no
Traditional-only character, zh-Hant with no Simplified-only one, English with no Chinese;
no message code reaches the reader; outside the command line (the docs) help is English;
the cached top-level help follows the language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from opencc import OpenCC  # type: ignore[import-untyped]

import masswork.cli as cli_module
from masswork.cli import cli
from masswork.hanzi import _ONLY_S, _ONLY_T
from masswork.helpwrap import columns
from masswork.i18n import LANGS

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
CODE = re.compile(r"\b(?:help|server\.help)\.[a-z_.]+[a-z]\b")


def _commands() -> Iterator[tuple[str, ...]]:
    """Every command and subcommand path, plugins' commands included."""
    cli.load_plugin_commands = cli_module._add_plugin_commands
    cli._plugins()

    def walk(group: click.Group, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            cmd = group.get_command(ctx, name)
            assert cmd is not None, name
            yield (*path, name)
            if isinstance(cmd, click.Group):
                yield from walk(cmd, (*path, name))

    return walk(cli, ())


COMMANDS = [(), *_commands()]


def _help(path: tuple[str, ...], env: dict[str, str], *extra: str) -> str:
    env = {"MASSWORK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "COLUMNS": "100", **env}
    r = CliRunner().invoke(cli, [*path, *extra, "--help"], prog_name="masswork", env=env)
    assert r.exit_code == 0, r.output
    return r.output


_T2S, _S2T = OpenCC("t2s"), OpenCC("s2t")
_BOTH = {"台"}  # OpenCC writes 臺, but Traditional writes 台賬 and 台灣 too


def _script_problems(text: str, lang: str) -> list[str]:
    """Characters of the other script (both tables agreeing: masswork's one-to-one pairs
    list a few shared characters, such as 出, on one side only)."""
    if lang == "zh-Hans":
        return sorted({c for c in text if c in _ONLY_T and _T2S.convert(c) != c})
    if lang == "zh-Hant":
        return sorted({c for c in text if c in _ONLY_S and _S2T.convert(c) != c and c not in _BOTH})
    return sorted(set(CJK.findall(text)))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "masswork")
def test_help_is_wholly_in_the_chosen_language(path: tuple[str, ...], lang: str) -> None:
    out = _help(path, {"MASSWORK_LANG": lang})
    assert _script_problems(out, lang) == [], out
    assert not CODE.findall(out), out
    if lang != "en":
        assert CJK.search(out), out  # not left in English
    # Wrapped to the terminal's width in columns (a Chinese character takes two).
    assert max(columns(line) for line in out.splitlines()) <= 100, out


@pytest.mark.parametrize("path", COMMANDS[1:], ids=lambda p: " ".join(p))
def test_every_option_has_help_in_every_language(path: tuple[str, ...]) -> None:
    from masswork.helptext import helping

    ctx = click.Context(cli)
    cmd: click.Command | None = cli
    for name in path:
        assert isinstance(cmd, click.Group)
        cmd = cmd.get_command(ctx, name)
    assert cmd is not None
    for lang in LANGS:
        with helping(lang):
            assert cmd.help and not CODE.search(cmd.help), (path, lang)
            for param in cmd.params:
                if isinstance(param, click.Option) and not param.hidden:
                    text = param.help or ""
                    assert text and not CODE.search(text), (path, param.name, lang)
                    assert _script_problems(text, lang) == [], (path, param.name, lang, text)


def test_the_command_line_lang_beats_the_environment() -> None:
    out = _help(("check",), {"MASSWORK_LANG": "en"}, "--lang", "zh-Hans")
    assert "检查台账" in out and "选项" in out and "Options" not in out
    out = _help(("check",), {"LC_ALL": "zh_TW.UTF-8"}, "--lang=en")
    assert "Which requirements of PLAN" in out and "檢查" not in out
    assert "按此日期评估进度" in _help(("export",), {"LANG": "zh_CN.UTF-8"})


def test_outside_the_command_line_help_is_english() -> None:
    # What mkdocs-click reads for docs/reference/cli.md: the command objects themselves.
    check = cli.get_command(click.Context(cli), "check")
    assert check is not None and check.help and check.help.startswith("Which requirements of PLAN")
    assert not CJK.search(check.help)
    assert all(not CJK.search(p.help or "") for p in check.params if isinstance(p, click.Option))
    assert cli.help and cli.help.startswith("masswork: check a campaign plan")


def _top_help(cache: Path, **env: str) -> tuple[str, bool]:
    full = {k: v for k, v in os.environ.items()
            if k not in ("MASSWORK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "MASSWORK_LOAD_PLUGINS")}
    full.update({"MASSWORK_CACHE_DIR": str(cache), "COLUMNS": "100", **env})
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "masswork", "--help"], capture_output=True,
                          text=True, encoding="utf-8", env=full, timeout=120, check=True)
    return proc.stdout, "import time:" in proc.stderr and "| click" not in proc.stderr


def test_the_cached_help_is_kept_per_language(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    en, cached = _top_help(cache, MASSWORK_LANG="en")
    assert not cached and "Commands:" in en and not CJK.search(en)
    hans, cached = _top_help(cache, LANG="zh_CN.UTF-8")
    assert not cached and "命令:" in hans and "检查台账" in hans
    assert _top_help(cache, MASSWORK_LANG="en") == (en, True)
    assert _top_help(cache, LANG="zh_CN.UTF-8") == (hans, True)
    # The cache depends on the catalogues the help was rendered from.
    text = "\n".join(f.read_text(encoding="utf-8") for f in cache.glob("help-*.txt"))
    assert "masswork.mo" in text and "clickwords.mo" in text
