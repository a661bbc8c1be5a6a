"""Secrets never in messages: for each channel, a robot URL's token, a signing secret, an
SMTP password and ``user:password@`` in a URL never appear in an error, the JSON output, a
console line or the ledger's ``last_error`` — even when the server echoes them back, the URL
has a stray space, or a plugin's channel puts one in its exception."""

from __future__ import annotations

import base64
import datetime as dt
import sqlite3
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import example, given
from hypothesis import strategies as st
from loopback import Answer, Request, http_server, smtp_server

from masswork.channels import DeliveryError
from masswork.cli import cli
from masswork.ledger import Ledger, Target, dispatch
from masswork.remind import Reminder
from masswork.remind.redact import MASK, check_url, redact, safe_url, where


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, which the assertions read (subprocesses inherit it)."""
    monkeypatch.setenv("MASSWORK_LANG", "en")


pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

TOKEN = "Tk9f3e2a1b0c4d5e6f7a8b9c0d1e2f3a4"
SECRET = "SECb7c1d2e3f4a5b6c7d8e9f0"
PASSWORD = "pw-Horse-Battery-42"
USER = "bot-user"

PLAN = """
id = "tiny"
title = "測試方案"
year = 2014
[[people]]
id = "li-fei"
name = "李飛"
[[bodies]]
id = "領導小組辦公室"
name = "領導小組辦公室"
[[bodies]]
id = "督導組"
name = "督導組"
[[documents]]
id = "計劃"
name = "計劃"
[[requirements]]
id = "plan-due"
clause = "T.1"
kind = "deadline"
responsible = ["領導小組辦公室", "li-fei"]
document = "計劃"
action = "submitted"
party = "督導組"
within = "2月27日前"
"""
ARGS = ["remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26"]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "schedule.toml").write_text('plan = "tiny"\n', encoding="utf-8")
    yield tmp_path


def run(folder: Path, config: str, env: dict[str, str], fmt: str = "json") -> Result:
    (folder / "masswork.toml").write_text('[ledger]\npath = "ledger.sqlite"\n' + config, encoding="utf-8")
    return CliRunner().invoke(cli, [*ARGS, "--format", fmt], env=env)


def last_errors(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "ledger.sqlite") as db:
        return [str(r[0]) for r in db.execute("SELECT last_error FROM deliveries WHERE last_error IS NOT NULL")]


def assert_clean(r: Result, folder: Path, *secrets: str) -> list[str]:
    """No secret in stdout, stderr or the ledger; returns the ledger's errors."""
    errors = last_errors(folder) if (folder / "ledger.sqlite").exists() else []
    for text in (r.stdout, r.stderr, *errors):
        for s in secrets:
            assert s not in text, (s, text)
    assert "Traceback" not in r.output
    return errors


def echo_everything(status: int) -> Any:
    def respond(req: Request) -> Answer:
        # A careless (or hostile) receiver repeating the request, token and headers included.
        said = f"refused {req.path} auth={req.headers.get('Authorization', '')}"
        return status, said[:180].encode("latin-1", "replace").decode("latin-1"), {
            "errcode": 310000, "errmsg": said, "ok": False, "error": said}
    return respond


@pytest.mark.parametrize("status", [200, 500])
def test_dingtalk_token_and_secret_are_never_shown(folder: Path, status: int) -> None:
    with http_server(echo_everything(status)) as (base, got):
        r = run(folder, '[channels.ding]\ntype = "dingtalk"\nurl_env = "DING_URL"\nsecret_env = "DING_SECRET"\n',
                {"DING_URL": f"{base}/robot/send?access_token={TOKEN}", "DING_SECRET": SECRET})
    assert r.exit_code == 1 and len(got) == 2
    assert TOKEN in got[0].path  # the token did go to the robot
    errors = assert_clean(r, folder, TOKEN, SECRET)
    assert len(errors) == 2 and all(("errcode 310000" if status == 200 else "HTTP 500") in e for e in errors)
    assert "127.0.0.1" in errors[0]  # the host is named
    # the text form too
    again = CliRunner().invoke(cli, [*ARGS, "--format", "text"], env={
        "DING_URL": f"{base}/robot/send?access_token={TOKEN}", "DING_SECRET": SECRET})
    assert again.exit_code == 1
    assert_clean(again, folder, TOKEN, SECRET)


def test_wecom_key_is_never_shown(folder: Path) -> None:
    with http_server(echo_everything(500)) as (base, got):
        r = run(folder, '[channels.wx]\ntype = "wecom"\nurl_env = "WX_URL"\n', {"WX_URL": f"{base}/send?key={TOKEN}"})
    assert r.exit_code == 1 and len(got) == 2
    assert "HTTP 500" in assert_clean(r, folder, TOKEN)[0]


def test_wecom_unreachable_names_the_host_only(folder: Path) -> None:
    from loopback import free_port

    port = free_port()
    r = run(folder, '[channels.wx]\ntype = "wecom"\nurl_env = "WX_URL"\n',
            {"WX_URL": f"http://127.0.0.1:{port}/cgi-bin/webhook/send?key={TOKEN}"})
    assert r.exit_code == 1
    errors = assert_clean(r, folder, TOKEN)
    assert errors and all(f"127.0.0.1:{port}" in e for e in errors)


def test_webhook_user_password_in_the_url_is_basic_auth_and_never_shown(folder: Path) -> None:
    with http_server(echo_everything(200)) as (base, got):
        url = base.replace("http://", f"http://{USER}:{PASSWORD}@") + "/hook"
        r = run(folder, f'[channels.hook]\ntype = "webhook"\nurl = "{url}"\nsecret_env = "HOOK_SECRET"\n',
                {"HOOK_SECRET": SECRET})
    assert r.exit_code == 1 and len(got) == 2
    basic = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    assert got[0].headers["Authorization"] == f"Basic {basic}"  # used, not sent in the URL
    assert PASSWORD not in got[0].path
    assert_clean(r, folder, PASSWORD, basic, SECRET)


@pytest.mark.parametrize("where_", ["inside", "control"])
def test_a_url_with_a_stray_space_is_bad_input_without_the_url(folder: Path, where_: str) -> None:
    bad = f"http://127.0.0.1:9/robot/send?access_token={TOKEN[:10]} {TOKEN[10:]}" if where_ == "inside" else \
        f"http://127.0.0.1:9/robot/send?access_token={TOKEN}\x07"
    for ctype in ("dingtalk", "wecom", "webhook"):
        r = run(folder, f'[channels.c]\ntype = "{ctype}"\nurl_env = "C_URL"\n', {"C_URL": bad})
        assert r.exit_code == 2, r.output
        assert "channels.c.url_env" in r.stderr and ("space" in r.stderr or "空格" in r.stderr or "U+0007" in r.stderr)
        assert TOKEN[:10] not in r.output and TOKEN[10:] not in r.output
        assert not (folder / "ledger.sqlite").exists()  # refused before anything was claimed


def test_white_space_around_a_url_is_dropped_and_the_reminder_delivered(folder: Path) -> None:
    with http_server() as (base, got):
        r = run(folder, '[channels.ding]\ntype = "dingtalk"\nurl_env = "DING_URL"\n',
                {"DING_URL": f"  {base}/robot/send?access_token={TOKEN}\n"})
    assert r.exit_code == 0, r.output
    assert len(got) == 2 and got[0].query["access_token"] == TOKEN


def test_email_password_echoed_by_the_server_is_never_shown(folder: Path) -> None:
    refusal = f"535 5.7.8 {PASSWORD} is not the password of {USER}"
    with smtp_server(USER, "the-right-one", refusal=refusal) as (inbox, port):
        r = run(folder, f'[channels.mail]\ntype = "email"\nhost = "127.0.0.1"\nport = {port}\n'
                        f'from = "m@example.org"\nto = ["o@example.org"]\nusername = "{USER}"\n'
                        'password_env = "SMTP_PASSWORD"\n', {"SMTP_PASSWORD": PASSWORD})
    assert r.exit_code == 1 and inbox.messages == []
    errors = assert_clean(r, folder, PASSWORD)
    assert errors and all("535" in e for e in errors)


def test_console_errors_have_nothing_to_hide(folder: Path) -> None:
    r = run(folder, "", {}, fmt="text")
    assert r.exit_code == 0 and "T.1" in r.output


def rem() -> Reminder:
    return Reminder(plan="p", requirement="r", clause="c", kind="due-soon", due=dt.date(2014, 2, 27), lead=1,
                    recipient="x", message_zh="提醒", message_en="reminder")


def test_a_plugin_channel_that_puts_the_secret_in_its_exception(tmp_path: Path) -> None:
    def leaky(reminder: Any, settings: Any) -> None:
        raise RuntimeError(f"could not post to {settings['url']} with {settings['api_key']}")

    def leaky_delivery(reminder: Any, settings: Any) -> None:
        raise DeliveryError(f"refused: token={settings['api_key']} via {settings['url']}")

    url = f"https://{USER}:{PASSWORD}@robot.example/hook/{TOKEN}?sig=abc123def"
    for deliver in (leaky, leaky_delivery):
        with Ledger(tmp_path / f"{deliver.__name__}.sqlite") as ledger:
            (d,) = dispatch([rem()], [Target("x", deliver, {"url": url, "api_key": SECRET}, secrets=(SECRET,))], ledger)
            assert d.state == "failed" and d.error is not None
            (row,) = ledger.rows()
            for text in (d.error, row.last_error or ""):
                for s in (PASSWORD, TOKEN, SECRET, "abc123def"):
                    assert s not in text, text
                assert "robot.example" in text
            # the row is read back redacted on the next run too (deferred)
            (again,) = dispatch([rem()], [Target("x", deliver, {"url": url, "api_key": SECRET})], ledger)
            assert again.state == "deferred" and SECRET not in (again.error or "")


def test_safe_url_and_where() -> None:
    u = f"https://{USER}:{PASSWORD}@oapi.example.com:8443/robot/{TOKEN}/send?access_token={TOKEN}&x=1"
    assert where(u) == "oapi.example.com:8443"
    shown = safe_url(u)
    assert PASSWORD not in shown and TOKEN not in shown and "oapi.example.com" in shown
    assert check_url("https://a.example/x") is None
    assert check_url("https://a.example/x y") is not None and "x y" not in "".join(check_url("https://a.example/x y") or ())
    assert check_url("file:///etc/passwd") is not None
    assert check_url("https:///nohost") is not None


_SECRET_CHARS = string.ascii_letters + string.digits + "-_.~+/=:@%!$&'()*,;?# \u00e9\u91d8"


@given(secret=st.text(_SECRET_CHARS, min_size=3, max_size=40),
       before=st.text(max_size=30), after=st.text(max_size=30))
@example(secret="a***", before="a", after="")
@example(secret="***", before="", after="")
@example(secret="abc", before="x", after="y")
@example(secret="  padded  ", before="", after="")
@example(secret="00 ", before="", after="0")  # found by hypothesis: "00" after trimming is too short
def test_redact_removes_every_secret(secret: str, before: str, after: str) -> None:
    if len(secret.strip()) < 3 or secret.strip() == MASK:
        return  # shorter secrets are masked as whole words only: see the next test
    for text in (before + secret + after, before + secret.strip() + after,
                 f"{before}https://u:{secret.strip()}@h/{after}"):
        out = redact(text, [secret])
        assert secret.strip() not in out


def test_a_very_short_secret_is_masked_as_a_whole_word() -> None:
    assert redact("login ab refused; abc", ["ab"]) == "login *** refused; abc"
