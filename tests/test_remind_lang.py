"""``[remind] lang`` takes what ``--lang`` takes (zh-Hans, zh-Hant, en and their aliases)
and the reminders — the command's own listing and what the channels send — are written in
it. Through the CLI, with a dry run and with a webhook the test starts on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from loopback import http_server

from masswork.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "s1-kejiju-phase1"
ARGS = ["remind", str(EXAMPLE / "plan.toml"), str(EXAMPLE / "schedule-flawed.toml"), "--as-of", "2014-03-20"]


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MASSWORK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


def _config(folder: Path, lang: str, channels: str = "") -> None:
    (folder / "masswork.toml").write_text(
        f'[remind]\nlang = "{lang}"\n[ledger]\npath = "ledger.sqlite"\n{channels}', encoding="utf-8")


@pytest.mark.parametrize("tag, words, foreign", [
    ("zh-Hans", ("将发送", "尚未完成", "试运行"), ("將發送", "尚未舉行")),
    ("zh_CN", ("将发送", "尚未完成", "试运行"), ("將發送", "尚未舉行")),
    ("zh-Hant", ("將發送", "尚未完成", "試執行"), ("将发送", "尚未举行")),
    ("zh-TW", ("將發送", "尚未完成", "試執行"), ("将发送", "尚未举行")),
    ("zh_HK", ("將發送", "尚未完成", "試執行"), ("将发送", "尚未举行")),
    ("en", ("would send", "not done", "dry run"), ("將發送", "将发送", "尚未")),
    ("en_US", ("would send", "not done", "dry run"), ("將發送", "将发送", "尚未")),
])
def test_remind_lang_accepts_every_spelling_of_a_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           tag: str, words: tuple[str, ...],
                                                           foreign: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    _config(tmp_path, tag, '[channels.c]\ntype = "console"\n')
    r = CliRunner().invoke(cli, [*ARGS, "--dry-run"])
    assert r.exit_code == 0, r.output
    for word in words:
        assert word in r.stdout, (tag, word)
    for word in foreign:
        assert word not in r.stdout, (tag, word)


def test_the_chosen_language_is_what_the_channel_sends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sent: dict[str, list[str]] = {}
    for tag in ("zh-Hans", "zh-Hant", "en"):
        with http_server() as (base, got):
            _config(tmp_path, tag, f'[channels.hook]\ntype = "webhook"\nurl = "{base}/hook"\n')
            (tmp_path / "ledger.sqlite").unlink(missing_ok=True)
            r = CliRunner().invoke(cli, ARGS)
        assert r.exit_code == 0, r.output
        assert got, tag
        sent[tag] = [req.json["message"] for req in got]
    assert all("尚未完成" in m or "尚未举行" in m or "无从" in m for m in sent["zh-Hans"])
    assert not any("尚未舉行" in m for m in sent["zh-Hans"])
    assert any("尚未舉行" in m for m in sent["zh-Hant"])
    assert not any("尚未" in m for m in sent["en"])
    # The same reminders, one per requirement and recipient, whatever the language.
    assert len(sent["zh-Hans"]) == len(sent["zh-Hant"]) == len(sent["en"])


def test_a_channel_keeps_its_own_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with http_server() as (base, got):
        _config(tmp_path, "zh-Hans", f'[channels.hook]\ntype = "webhook"\nurl = "{base}/hook"\nlang = "en"\n')
        r = CliRunner().invoke(cli, ARGS)
    assert r.exit_code == 0, r.output
    assert got and not any("尚未" in req.json["message"] for req in got)


@pytest.mark.parametrize("bad", ["fr", "", "chinese"])
def test_an_unknown_remind_lang_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    monkeypatch.chdir(tmp_path)
    _config(tmp_path, bad)
    r = CliRunner().invoke(cli, [*ARGS, "--dry-run", "--lang", "en"])
    assert r.exit_code == 2
    assert "masswork.toml" in r.stderr and "remind.lang" in r.stderr and "zh-Hans" in r.stderr
    assert "Traceback" not in r.output
    json.dumps(r.stderr)  # plain text


def test_changing_the_language_resends_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The ledger keys on ids (plan, requirement, kind, recipient, due, lead, channel), never
    # on the text: sent yesterday in "both", today in en, nothing goes out twice.
    monkeypatch.chdir(tmp_path)
    counts = []
    for lang in ("both", "en", "zh-Hans"):
        with http_server() as (base, got):
            (tmp_path / "masswork.toml").write_text(
                f'[ledger]\npath = "ledger.sqlite"\n[channels.hook]\ntype = "webhook"\nurl = "{base}/hook"\n'
                f'lang = "{lang}"\n', encoding="utf-8")
            r = CliRunner().invoke(cli, ARGS)
        assert r.exit_code == 0, r.output
        counts.append(len(got))
        if lang == "both":
            assert "both" in r.stderr and r.stderr.count("\n") >= 1  # the deprecation line
            assert any("尚未" in req.json["message"] and "not done" in req.json["message"] for req in got)
        else:
            assert "both" not in r.stderr
    assert counts[0] > 0 and counts[1:] == [0, 0]


def test_no_lang_anywhere_speaks_the_plans_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with http_server() as (base, got):
        (tmp_path / "masswork.toml").write_text(
            f'[ledger]\npath = "ledger.sqlite"\n[channels.hook]\ntype = "webhook"\nurl = "{base}/hook"\n',
            encoding="utf-8")
        r = CliRunner().invoke(cli, ARGS)
    assert r.exit_code == 0, r.output
    assert got and all("not done" not in req.json["message"] for req in got)  # one language, Chinese
    assert any("尚未舉行" in req.json["message"] for req in got)  # the plan is Traditional


def test_cli_lang_beats_the_channels_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with http_server() as (base, got):
        _config(tmp_path, "zh-Hans", f'[channels.hook]\ntype = "webhook"\nurl = "{base}/hook"\nlang = "zh-Hant"\n')
        r = CliRunner().invoke(cli, [*ARGS, "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert got and not any("尚未" in req.json["message"] for req in got)
    assert all(req.json["subject"].isascii() or "(" in req.json["subject"] for req in got)


def test_both_warns_in_the_api() -> None:
    from masswork.remind.render import lang_of

    with pytest.warns(DeprecationWarning):
        assert lang_of({"lang": "both"}) == "both"
    assert lang_of({"lang": "zh_CN"}) == "zh-Hans"


@pytest.mark.parametrize("tag, words, foreign", [
    ("zh-Hans", ("机器人拒绝", "来自 127.0.0.1"), ("機器人", "robot refused")),
    ("zh-Hant", ("機器人拒絕", "來自 127.0.0.1"), ("机器人", "robot refused")),
    ("en", ("robot refused (errcode 310000: sign not match) from 127.0.0.1",), ("機器人", "机器人")),
])
def test_a_failed_delivery_is_reported_in_the_channels_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                tag: str, words: tuple[str, ...],
                                                                foreign: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)

    def refuse(req: object) -> tuple[int, str, dict[str, object]]:
        return 200, "OK", {"errcode": 310000, "errmsg": "sign not match"}

    with http_server(refuse) as (base, got):
        monkeypatch.setenv("TEST_DING_URL", f"{base}/robot/send?access_token=t")
        _config(tmp_path, tag, '[channels.ding]\ntype = "dingtalk"\nurl_env = "TEST_DING_URL"\n')
        r = CliRunner().invoke(cli, [*ARGS, "--format", "json"])
    assert got and r.exit_code == 1, r.output
    errors = [d["error"] for d in json.loads(r.stdout)["reminders"] if d.get("error")]
    assert errors, r.stdout
    for error in errors:
        for word in words:
            assert word in error, (tag, error)
        for word in foreign:
            assert word not in error, (tag, error)
