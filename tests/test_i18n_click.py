"""click's own messages (usage errors, range errors, --help's frame) in the chosen language,
from masswork's catalogue of click's texts (masswork.i18n.clickwords)."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from masswork.cli import cli
from masswork.i18n import LANGS
from masswork.i18n.build import load_po, problems
from masswork.i18n.clickwords import translations

CLICKWORDS = Path(__file__).resolve().parents[1] / "src" / "masswork" / "i18n" / "clickwords"


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    r = CliRunner().invoke(cli, list(args), prog_name="masswork", env={"MASSWORK_LANG": "", "LC_ALL": "", "LANG": "", **(env or {})})
    return r.output


@pytest.mark.parametrize("lang, words", [
    ("zh-Hans", ["用法:", "错误:", "'--max-events' 的值无效", "不在范围 x>=1 内", "运行“masswork check --help”查看帮助"]),
    ("zh-Hant", ["用法:", "錯誤:", "'--max-events' 的值無效", "不在範圍 x>=1 內", "執行「masswork check --help」查看說明"]),
    ("en", ["Usage:", "Error: Invalid value for '--max-events': 0 is not in the range x>=1.",
            "Try 'masswork check --help' for help."]),
])
def test_a_range_error_is_in_the_chosen_language(lang: str, words: list[str]) -> None:
    out = _run("check", "p.toml", "s.toml", "--max-events", "0", "--lang", lang)
    assert all(w in out for w in words), out


@pytest.mark.parametrize("lang, words", [
    ("zh-Hans", ["没有选项 '--bogus'"]), ("zh-Hant", ["沒有選項 '--bogus'"]), ("en", ["No such option '--bogus'"]),
])
def test_an_unknown_option_is_in_the_chosen_language(lang: str, words: list[str]) -> None:
    out = _run("check", "--bogus", "--lang", lang)
    assert all(w in out for w in words), out


@pytest.mark.parametrize("lang, word", [("zh_CN.UTF-8", "缺少参数"), ("zh_TW.UTF-8", "缺少參數"), ("en_US.UTF-8", "Missing argument")])
def test_a_missing_argument_follows_the_locale(lang: str, word: str) -> None:
    assert word in _run("explain", env={"LC_ALL": lang})


def test_help_frame_is_translated_and_click_speaks_english_again_afterwards() -> None:
    out = _run("check", "--help", "--lang", "zh-Hans")
    assert "用法:" in out and "显示本说明并退出。" in out
    assert click.exceptions._("Missing argument") == "Missing argument"  # nothing leaks out


def test_the_click_catalogue_is_complete_and_covers_what_people_see() -> None:
    assert problems(CLICKWORDS) == []
    ids = {e.msgid for e in load_po("en", CLICKWORDS)}
    for needed in ("No such option {name!r}.", "Missing argument", "Usage:", "{value} is not in the range {range}.",
                   "Invalid value for {param_hint}: {message}", "Show this message and exit."):
        assert needed in ids
    # Every text the catalogue holds is one click still says (a renamed text would be dead).
    root = Path(click.__file__).parent
    said = {a.value for f in root.glob("*.py") for n in ast.walk(ast.parse(f.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") in ("_", "ngettext")
            for a in n.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert ids - said == set()
    for lang in LANGS:
        assert translations(lang).ngettext("Got unexpected extra argument ({args})",
                                           "Got unexpected extra arguments ({args})", 2)
