"""``masswork draft`` tells what it read and wrote in one language: ``--lang``, else the
environment, else the document's script — not a Traditional/English pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from masswork.cli import cli

TEXT = "关于开展主题党日的通知\n各党支部:\n每月15日前,各支部要召开支委会。党员每季度至少参加1次志愿服务。\n"


@pytest.mark.parametrize(("lang", "words", "foreign"), [
    ("zh-Hans", ("已读取", "条要求", "已写入"), ("read ", "讀取", "requirements")),
    ("zh-Hant", ("已讀取", "條要求", "已寫入"), ("read ", "已读取", "requirements")),
    ("en", ("read ", "requirements", "wrote "), ("读取", "讀取", "条要求")),
])
def test_summary_in_one_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                 words: tuple[str, ...], foreign: tuple[str, ...]) -> None:
    for var in ("MASSWORK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    doc = tmp_path / "notice.txt"
    doc.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "plan.toml"
    result = CliRunner().invoke(cli, ["draft", str(doc), "--year", "2021", "--lang", lang, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    for w in words:
        assert w in result.stderr, result.stderr
    for w in foreign:
        assert w not in result.stderr, result.stderr


def test_default_follows_the_documents_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MASSWORK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    doc = tmp_path / "notice.txt"
    doc.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", str(doc), "--year", "2021"])
    assert result.exit_code == 0, result.output
    assert "已读取" in result.stderr and "条要求" in result.stderr, result.stderr
