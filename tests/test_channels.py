"""The built-in reminder channels against servers the tests start on 127.0.0.1: an SMTP
server (aiosmtpd) with a password from the environment, and an http.server playing a
DingTalk robot (checks the timestamp + HMAC-SHA256 signature), a WeCom robot and a generic
webhook (checks its signature). Robots answer HTTP 200 with errcode ≠ 0 when they refuse; a
slow server makes the client time out."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from masswork.builtin.channels import (
    DINGTALK,
    EMAIL,
    WEBHOOK,
    WECOM,
    UncertainDelivery,
    dingtalk_sign,
    webhook_signature,
)
from masswork.channels import DeliveryError
from masswork.cli import cli
from masswork.plugins import get_channels
from masswork.remind import Reminder
from masswork.testing.server import free_port

DING_SECRET = "SEC-test-secret-釘"
DING_TOKEN = "tok123"
WECOM_KEY = "wk-456"
HOOK_SECRET = "hook-secret"
SMTP_USER, SMTP_PASSWORD = "office", "s3cret-pw"


pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


def reminder(recipient: str = "li-fei") -> Reminder:
    return Reminder(plan="mini", requirement="plan-due", clause="T.1", kind="due-soon", due=dt.date(2014, 2, 27),
                    lead=7, recipient=recipient, recipient_name="李飛",
                    message_zh="【即將到期】[T.1] 學習計劃報督導組:期限 2014-02-27(還有 7 天)",
                    message_en="[due soon] [T.1] study plan to the supervision group: due 2014-02-27 (7 days left)",
                    title_zh="學習計劃報督導組", title_en="study plan to the supervision group",
                    quote="學習計劃報督導組審閱(2月27日前)")


# ---------------------------------------------------------------- SMTP


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


def _auth(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == SMTP_USER
          and auth_data.password.decode() == SMTP_PASSWORD)
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    ctl = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=_auth, auth_require_tls=False,
                     auth_required=True)
    ctl.start()
    try:
        yield inbox, port
    finally:
        ctl.stop()


def mail_settings(port: int, **kw: Any) -> dict[str, Any]:
    return {"host": "127.0.0.1", "port": port, "from": "masswork@example.org", "to": ["office@example.org"],
            "addresses": {"li-fei": "lifei@example.org"}, "username": SMTP_USER, "password": SMTP_PASSWORD,
            "timeout": 5, "delivery_id": "0123abcd", **kw}


def test_email_is_delivered_with_a_stable_message_id(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    EMAIL.deliver(reminder(), mail_settings(port))
    EMAIL.deliver(reminder("領導小組辦公室"), mail_settings(port, lang="en"))
    assert [e[1] for e in inbox.envelopes] == [["lifei@example.org"], ["office@example.org"]]
    msg = inbox.messages[0]
    assert msg["Message-ID"] == "<0123abcd@masswork>"
    # No lang: the plan's own script (Traditional here), in one language only.
    assert "學習計劃報督導組" in msg["Subject"] and "study plan" not in msg["Subject"]
    body = msg.get_content()
    assert "還有 7 天" in body and "7 days left" not in body and "2月27日前" in body
    assert "7 days left" in inbox.messages[1].get_content() and "還有" not in inbox.messages[1].get_content()


def test_email_wrong_password_and_server_down_fail(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    with pytest.raises(DeliveryError, match="SMTP"):
        EMAIL.deliver(reminder(), mail_settings(port, password="wrong"))
    with pytest.raises(DeliveryError, match="cannot reach"):
        EMAIL.deliver(reminder(), mail_settings(free_port()))
    with pytest.raises(DeliveryError, match="ASCII"):
        EMAIL.deliver(reminder(), mail_settings(port, password="密碼"))
    assert inbox.messages == []


# ---------------------------------------------------------------- HTTP robots and webhooks


class Robots(BaseHTTPRequestHandler):
    received: list[tuple[str, dict[str, Any], dict[str, str]]] = []
    slow = 1.5

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def _answer(self, status: int, payload: Any) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up first (a timeout test): nothing to tell, and a traceback from
            # this thread would land in whatever test is capturing stderr at the time.
            pass

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        payload = json.loads(raw)
        if url.path == "/robot/send":  # DingTalk
            ts = query.get("timestamp", "")
            want = dingtalk_sign(DING_SECRET, int(ts)) if ts.isdigit() else None
            fresh = ts.isdigit() and abs(int(ts) - time.time() * 1000) < 3600_000
            if query.get("access_token") != DING_TOKEN:
                return self._answer(200, {"errcode": 300001, "errmsg": "token is not exist"})
            if want is None or query.get("sign") != want or not fresh:
                return self._answer(200, {"errcode": 310000, "errmsg": "sign not match"})
            if payload.get("msgtype") != "markdown":
                return self._answer(200, {"errcode": 40035, "errmsg": "bad msgtype"})
        elif url.path == "/cgi-bin/webhook/send":  # WeCom
            if query.get("key") != WECOM_KEY:
                return self._answer(200, {"errcode": 93000, "errmsg": "invalid webhook url"})
        elif url.path == "/hook":
            ts = self.headers.get("X-Masswork-Timestamp", "")
            if self.headers.get("X-Masswork-Signature") != webhook_signature(HOOK_SECRET, ts, raw):
                return self._answer(200, {"errcode": 40001, "errmsg": "bad signature"})
        elif url.path == "/error":
            return self._answer(500, {"error": "boom"})
        elif url.path == "/slow":
            time.sleep(self.slow)
        else:
            return self._answer(404, {})
        type(self).received.append((url.path, payload, dict(self.headers)))
        self._answer(200, {"errcode": 0, "errmsg": "ok"})


@pytest.fixture
def robots() -> Iterator[str]:
    Robots.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Robots)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_dingtalk_signed_markdown(robots: str) -> None:
    DINGTALK.deliver(reminder(), {"url": f"{robots}/robot/send?access_token={DING_TOKEN}", "secret": DING_SECRET,
                                  "mobiles": {"li-fei": "13800000000"}, "timeout": 5})
    ((path, payload, _),) = Robots.received
    assert payload["msgtype"] == "markdown"
    assert payload["markdown"]["title"].startswith("【即將到期】[T.1]")
    assert "還有 7 天" in payload["markdown"]["text"] and "days left" not in payload["markdown"]["text"]
    assert payload["at"]["atMobiles"] == ["13800000000"]


def test_dingtalk_signature_matches_the_documented_algorithm() -> None:
    ts = 1577836800000
    mac = hmac.new(b"k", f"{ts}\nk".encode(), hashlib.sha256).digest()
    assert dingtalk_sign("k", ts) == base64.b64encode(mac).decode()


def test_dingtalk_refusal_is_a_failure_although_http_200(robots: str) -> None:
    with pytest.raises(DeliveryError, match="310000"):
        DINGTALK.deliver(reminder(), {"url": f"{robots}/robot/send?access_token={DING_TOKEN}", "secret": "wrong"})
    with pytest.raises(DeliveryError, match="300001"):
        DINGTALK.deliver(reminder(), {"url": f"{robots}/robot/send?access_token=nope", "secret": DING_SECRET})
    assert Robots.received == []


def test_wecom_text(robots: str) -> None:
    WECOM.deliver(reminder(), {"url": f"{robots}/cgi-bin/webhook/send?key={WECOM_KEY}", "lang": "zh",
                               "mobiles": {"li-fei": "13800000000"}})
    ((_, payload, _),) = Robots.received
    assert payload == {"msgtype": "text", "text": {"content": reminder().message_zh,
                                                   "mentioned_mobile_list": ["13800000000"]}}
    with pytest.raises(DeliveryError, match="93000"):
        WECOM.deliver(reminder(), {"url": f"{robots}/cgi-bin/webhook/send?key=bad"})


def test_generic_webhook_is_signed_and_carries_the_delivery_id(robots: str) -> None:
    WEBHOOK.deliver(reminder(), {"url": f"{robots}/hook", "secret": HOOK_SECRET, "delivery_id": "d-1",
                                 "headers": {"X-Unit": "dy"}})
    ((_, payload, headers),) = Robots.received
    assert payload["delivery_id"] == "d-1" and headers["X-Masswork-Delivery-Id"] == "d-1"
    assert headers["X-Unit"] == "dy"
    assert payload["reminder"]["clause"] == "T.1" and payload["reminder"]["due"] == "2014-02-27"
    with pytest.raises(DeliveryError, match="40001"):
        WEBHOOK.deliver(reminder(), {"url": f"{robots}/hook", "secret": "wrong"})
    with pytest.raises(DeliveryError, match="HTTP 500"):
        WEBHOOK.deliver(reminder(), {"url": f"{robots}/error"})
    with pytest.raises(DeliveryError, match="scheme"):
        WEBHOOK.deliver(reminder(), {"url": "file:///etc/passwd"})


def test_slow_server_times_out_as_an_uncertain_delivery(robots: str) -> None:
    Robots.slow = 1.0
    start = time.monotonic()
    with pytest.raises(UncertainDelivery, match="timeout"):
        WEBHOOK.deliver(reminder(), {"url": f"{robots}/slow", "timeout": 0.2})
    assert time.monotonic() - start < 1.0


def test_unreachable_server_is_a_plain_failure() -> None:
    with pytest.raises(DeliveryError) as exc:
        WECOM.deliver(reminder(), {"url": f"http://127.0.0.1:{free_port()}/cgi-bin/webhook/send?key=x",
                                   "timeout": 2})
    assert not isinstance(exc.value, UncertainDelivery)


def test_channels_are_registered_through_the_hook() -> None:
    assert {"console", "email", "dingtalk", "wecom", "webhook"} <= set(get_channels())


# ---------------------------------------------------------------- end to end, config + environment


PLAN = """
id = "mini"
title = "小方案"
year = 2014
[options]
lead_days = [7, 1]
[[people]]
id = "li-fei"
name = "李飛"
[[bodies]]
id = "督導組"
name = "市委督導組"
[[bodies]]
id = "領導小組辦公室"
name = "領導小組辦公室"
[[documents]]
id = "學習計劃"
name = "學習計劃"
name_en = "study plan"
[[requirements]]
id = "plan-due"
clause = "T.1"
kind = "deadline"
responsible = ["領導小組辦公室", "li-fei"]
document = "學習計劃"
action = "submitted"
party = "督導組"
within = "2月27日前"
"""


def test_remind_delivers_on_every_configured_channel_once(tmp_path: Path, smtp: tuple[Inbox, int],
                                                         robots: str, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "schedule.toml").write_text('plan = "mini"\n', encoding="utf-8")
    (tmp_path / "masswork.toml").write_text(f"""
[ledger]
path = "state/ledger.sqlite"

[channels.mail]
type = "email"
host = "127.0.0.1"
port = {port}
from = "masswork@example.org"
to = ["office@example.org"]
addresses = {{ "li-fei" = "lifei@example.org" }}
username = "{SMTP_USER}"
password_env = "MASSWORK_SMTP_PASSWORD"

[channels.ding]
type = "dingtalk"
url_env = "MASSWORK_DINGTALK_URL"
secret_env = "MASSWORK_DINGTALK_SECRET"

[channels.wecom]
type = "wecom"
url_env = "MASSWORK_WECOM_URL"
recipients = ["領導小組辦公室"]

[channels.hook]
type = "webhook"
url = "{robots}/hook"
secret_env = "MASSWORK_HOOK_SECRET"
""", encoding="utf-8")
    env = {"MASSWORK_SMTP_PASSWORD": SMTP_PASSWORD,
           "MASSWORK_DINGTALK_URL": f"{robots}/robot/send?access_token={DING_TOKEN}",
           "MASSWORK_DINGTALK_SECRET": DING_SECRET,
           "MASSWORK_WECOM_URL": f"{robots}/cgi-bin/webhook/send?key={WECOM_KEY}",
           "MASSWORK_HOOK_SECRET": HOOK_SECRET}
    args = ["remind", "plan.toml", "schedule.toml", "--as-of", "2014-02-26", "--format", "json"]
    r = CliRunner().invoke(cli, args, env=env)
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["reminders"]
    assert sorted((x["channel"], x["recipient"]) for x in rows if x["delivered"]) == [
        ("ding", "li-fei"), ("ding", "領導小組辦公室"), ("hook", "li-fei"), ("hook", "領導小組辦公室"),
        ("mail", "li-fei"), ("mail", "領導小組辦公室"), ("wecom", "領導小組辦公室")]
    assert len(inbox.messages) == 2 and len(Robots.received) == 5
    assert (tmp_path / "state" / "ledger.sqlite").exists()
    again = CliRunner().invoke(cli, args, env=env)
    assert again.exit_code == 0
    assert not any(x["delivered"] for x in json.loads(again.stdout)["reminders"])
    assert len(inbox.messages) == 2 and len(Robots.received) == 5
    # one channel only, and a secret missing from the environment is named (exit 2)
    r = CliRunner().invoke(cli, [*args, "--channel", "ding"], env={**env, "MASSWORK_DINGTALK_SECRET": ""})
    assert r.exit_code == 2 and "MASSWORK_DINGTALK_SECRET" in r.stderr and "channels.ding.secret_env" in r.stderr
