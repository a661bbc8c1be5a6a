"""Syntax errors of TOML, JSON and CSV files in the reader's language: masswork's frame and
the parser's own detail both from the catalogue, the position kept."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from masswork.cli import cli
from masswork.loaders.syntax import detail

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

BAD_TOML = ['a = \n', 'a = 1\na = 2\n', '[x\n', 'a = "abc\n', 'a = [1,\n', 'a b = 1', 'a = 1 2', 'a = tru',
            '[[a]]\n[a]\n', 'a = 1\n\x01', "a = 'x", 'a = {b = 1\n', 'a.b = 1\na = 2']
BAD_JSON = ['{"a": 1,}', '{', '[1 2]', '{"a" 1}', '"abc', '{"a": 1} x', '{"a": "\x01"}', '"\\q"', '', '{"a": tru}']


def _toml_messages() -> list[str]:
    from masswork.loaders.syntax import toml_position

    out = []
    for text in BAD_TOML:
        with pytest.raises(tomllib.TOMLDecodeError) as e:
            tomllib.loads(text)
        out.append(toml_position(str(e.value))[0])
    return out


def _json_messages() -> list[str]:
    out = []
    for text in BAD_JSON:
        with pytest.raises(json.JSONDecodeError) as e:
            json.loads(text)
        out.append(e.value.msg)
    return out


def test_the_table_reads_every_message_the_parsers_give_for_common_mistakes() -> None:
    unread = [m for m in _toml_messages() + _json_messages() if isinstance(detail(m), str)]
    assert unread == []


def test_a_message_the_table_does_not_know_is_shown_as_the_parser_gave_it() -> None:
    assert detail("Some newer wording") == "Some newer wording"
    assert detail("Some newer wording", 4).render("zh-Hans") == "Some newer wording(第 4 个字符)"


@pytest.mark.parametrize("name, text, lang, words", [
    ("bad.toml", 'id = "x"\ntitle = \n', "zh-Hans", ["bad.toml:2", "TOML 语法错误", "无效的值", "第 9 个字符"]),
    ("bad.toml", 'id = "x"\ntitle = \n', "zh-Hant", ["bad.toml:2", "TOML 語法錯誤", "無效的值", "第 9 個字元"]),
    ("bad.toml", 'id = "x"\ntitle = \n', "en", ["bad.toml:2", "TOML syntax error", "invalid value (column 9)"]),
    ("bad.json", '{\n  "id": "x",\n}\n', "zh-Hans", ["bad.json:3", "JSON 语法错误", "应为双引号括起的键名"]),
    ("bad.json", '{\n  "id": "x",\n}\n', "zh-Hant", ["bad.json:3", "JSON 語法錯誤", "應為雙引號括起的鍵名"]),
    ("bad.json", '{\n  "id": "x",\n}\n', "en", ["bad.json:3", "JSON syntax error", "expected a key in double quotes"]),
    ("bad.toml", 'a = 1\n[x\n', "zh-Hans", ["bad.toml:2", "表头末尾应为 ']'"]),
])
def test_a_syntax_error_is_said_in_the_chosen_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                                                       text: str, lang: str, words: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", name, name, "--lang", lang])
    assert r.exit_code == 2, r.output
    assert all(w in r.output for w in words), r.output
    if lang != "en":
        assert "Invalid value" not in r.output and "Expecting" not in r.output and "syntax error" not in r.output
