"""The built-in reminder channels, written as a default plugin through the public hook:
``console`` (standard output; always there, needs no settings), ``email`` (SMTP),
``dingtalk`` (DingTalk group robot: markdown, signed with timestamp + HMAC-SHA256),
``wecom`` (WeCom group robot: text) and ``webhook`` (a generic JSON POST, optionally signed).

Only the standard library is used (smtplib, urllib.request, hmac, hashlib, base64). Settings
come from the config file's ``[channels.NAME]`` table (see ``docs/reminders.md``), secrets
already resolved from environment variables by masswork: ``password``, ``secret`` and the
robots' ``url`` never appear in a file. ``settings["delivery_id"]`` is the delivery's stable
id; it goes out as the e-mail ``Message-ID`` and the webhook's ``X-Masswork-Delivery-Id``.

Robots answer HTTP 200 even when they refuse a message, so the JSON answer's ``errcode`` is
checked. A failure raises :class:`~masswork.channels.DeliveryError`; one whose outcome is
unknown (a timeout after the request went out) raises :class:`UncertainDelivery`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import smtplib
import socket
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from ..channels import Channel, DeliveryError
from ..hookspecs import hookimpl

__all__ = [
    "CONSOLE",
    "EMAIL",
    "DINGTALK",
    "WECOM",
    "WEBHOOK",
    "SETTINGS",
    "REQUIRED",
    "SECRETS",
    "UncertainDelivery",
    "dingtalk_sign",
    "webhook_signature",
]

#: Settings each built-in channel type accepts (besides ``type``, ``enabled`` and
#: ``recipients``, which every channel table may hold), with their value types. A key listed
#: in :data:`SECRETS` may only be given as ``KEY_env`` naming an environment variable.
SETTINGS: dict[str, dict[str, str]] = {
    "console": {"lang": "lang", "stream": "stream"},
    "email": {"host": "str", "port": "int", "ssl": "bool", "starttls": "bool", "username": "str",
              "password": "str", "from": "str", "to": "list", "addresses": "table",
              "subject_prefix": "str", "timeout": "number", "lang": "lang"},
    "dingtalk": {"url": "str", "secret": "str", "mobiles": "table", "at_all": "bool", "timeout": "number",
                 "lang": "lang"},
    "wecom": {"url": "str", "mobiles": "table", "timeout": "number", "lang": "lang"},
    "webhook": {"url": "str", "secret": "str", "headers": "table", "timeout": "number", "lang": "lang"},
}
#: Keys that must come from the environment (``password_env = "MASSWORK_SMTP_PASSWORD"``).
#: The robots' URLs carry their access token, so they are secrets too.
SECRETS: dict[str, tuple[str, ...]] = {
    "console": (),
    "email": ("password",),
    "dingtalk": ("url", "secret"),
    "wecom": ("url",),
    "webhook": ("secret",),
}
#: Settings a channel cannot do without.
REQUIRED: dict[str, tuple[str, ...]] = {
    "console": (),
    "email": ("host", "from"),
    "dingtalk": ("url",),
    "wecom": ("url",),
    "webhook": ("url",),
}

_DEFAULT_TIMEOUT = 10.0
_MAX_ANSWER = 1 << 20


class UncertainDelivery(DeliveryError):
    """The request went out but no answer came back (a timeout): the message may have been
    delivered. It is retried like any failure; the ledger marks the retry uncertain."""

    uncertain = True


def _lang(settings: Mapping[str, Any], default: str = "both") -> str:
    lang = str(settings.get("lang", default))
    return lang if lang in ("zh", "en", "both") else default


def _text(reminder: Any, lang: str) -> str:
    return reminder.message(lang) if hasattr(reminder, "message") else str(reminder)


def _subject(reminder: Any, lang: str) -> str:
    if hasattr(reminder, "subject"):
        return str(reminder.subject(lang))
    return "masswork 提醒 reminder"


# ---------------------------------------------------------------- console


def _deliver_console(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = _lang(settings, "zh")
    stream = sys.stderr if settings.get("stream") == "stderr" else sys.stdout
    text = _text(reminder, lang).replace("\n", "\n    ")
    stream.write(f"[提醒 reminder] {text}\n")
    stream.flush()


CONSOLE = Channel("console", _deliver_console, "在終端顯示", "print to the terminal")


# ---------------------------------------------------------------- e-mail


def _addresses(reminder: Any, settings: Mapping[str, Any]) -> list[str]:
    book = settings.get("addresses") or {}
    mine = book.get(getattr(reminder, "recipient", ""))
    if mine:
        return [mine] if isinstance(mine, str) else [str(x) for x in mine]
    default = settings.get("to") or []
    return [default] if isinstance(default, str) else [str(x) for x in default]


def _deliver_email(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = _lang(settings)
    to = _addresses(reminder, settings)
    if not to:
        raise DeliveryError(f"沒有收件地址 no address for recipient {getattr(reminder, 'recipient', '?')!r} "
                            "(set addresses or to)")
    msg = EmailMessage()
    prefix = str(settings.get("subject_prefix", "[masswork]"))
    msg["Subject"] = f"{prefix} {_subject(reminder, lang)}".strip()
    msg["From"] = str(settings["from"])
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=True)
    did = settings.get("delivery_id")
    if did:
        msg["Message-ID"] = f"<{did}@masswork>"
        msg["X-Masswork-Delivery-Id"] = str(did)
    body = _text(reminder, lang)
    quote = getattr(reminder, "quote", "")
    if quote:
        body += f"\n\n方案原文 plan text: 「{quote}」"
    msg.set_content(body + "\n\n-- \nmasswork\n")
    host, port = str(settings["host"]), int(settings.get("port", 25))
    timeout = float(settings.get("timeout", _DEFAULT_TIMEOUT))
    try:
        smtp: smtplib.SMTP
        if settings.get("ssl"):
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            if settings.get("starttls"):
                smtp.starttls(context=ssl.create_default_context())
            if settings.get("username"):
                smtp.login(str(settings["username"]), str(settings.get("password", "")))
            smtp.send_message(msg)
    except (socket.timeout, TimeoutError) as exc:
        raise UncertainDelivery(f"郵件服務器超時 SMTP timeout ({host}:{port}): {exc}") from exc
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"郵件發送失敗 SMTP error ({host}:{port}): {exc}") from exc
    except UnicodeError as exc:
        raise DeliveryError(f"用戶名或密碼含非 ASCII 字符 SMTP login needs ASCII user name and password: {exc}") from exc
    except OSError as exc:
        raise DeliveryError(f"無法連接郵件服務器 cannot reach SMTP server {host}:{port}: {exc}") from exc


EMAIL = Channel("email", _deliver_email, "電子郵件(SMTP)", "e-mail over SMTP")


# ---------------------------------------------------------------- HTTP


def _post_json(url: str, payload: Mapping[str, Any] | bytes, timeout: float,
               headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
    """POST ``payload`` (a mapping, or JSON already encoded); returns (HTTP status, decoded
    JSON answer or None)."""
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme not in ("http", "https"):
        raise DeliveryError(f"不支持的網址 unsupported URL scheme {scheme!r}")
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "masswork", **(headers or {})})
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read(_MAX_ANSWER)
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"HTTP {exc.code} {exc.reason} from {host}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise UncertainDelivery(f"超時 timeout after {timeout:g}s ({host})") from exc
        raise DeliveryError(f"無法連接 cannot reach {host}: {exc.reason}") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise UncertainDelivery(f"超時 timeout after {timeout:g}s ({host})") from exc
    except OSError as exc:
        raise UncertainDelivery(f"連接中斷 connection lost ({host}): {exc}") from exc
    try:
        answer = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = None
    return status, answer


def _check_errcode(answer: Any, host: str, required: bool) -> None:
    if not isinstance(answer, dict):
        if required:
            raise UncertainDelivery(f"機器人回應無法解讀 unreadable robot answer from {host}")
        return
    code = answer.get("errcode", 0)
    if code not in (0, "0", None):
        msg = answer.get("errmsg", "")
        raise DeliveryError(f"機器人拒絕 robot refused (errcode {code}: {msg}) from {host}")
    if answer.get("ok") is False:
        raise DeliveryError(f"接收方拒絕 receiver refused ({answer.get('error', '')}) from {host}")


def _mentions(reminder: Any, settings: Mapping[str, Any]) -> list[str]:
    book = settings.get("mobiles") or {}
    m = book.get(getattr(reminder, "recipient", ""))
    if not m:
        return []
    return [m] if isinstance(m, str) else [str(x) for x in m]


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's robot signature: base64(HMAC-SHA256(secret, f"{timestamp}\\n{secret}"))."""
    to_sign = f"{timestamp_ms}\n{secret}".encode()
    return base64.b64encode(hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()).decode()


def _signed_url(url: str, secret: str, timestamp_ms: int) -> str:
    sign = urllib.parse.quote_plus(dingtalk_sign(secret, timestamp_ms))
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{sep}timestamp={timestamp_ms}&sign={sign}"


def _deliver_dingtalk(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = _lang(settings)
    url = str(settings["url"])
    if settings.get("secret"):
        url = _signed_url(url, str(settings["secret"]), int(time.time() * 1000))
    mobiles = _mentions(reminder, settings)
    title = _subject(reminder, "zh" if lang != "en" else "en")
    text = f"#### {title}\n\n" + _text(reminder, lang).replace("\n", "\n\n")
    if mobiles:
        text += "\n\n" + " ".join(f"@{m}" for m in mobiles)
    payload = {"msgtype": "markdown", "markdown": {"title": title, "text": text},
               "at": {"atMobiles": mobiles, "isAtAll": bool(settings.get("at_all", False))}}
    status, answer = _post_json(url, payload, float(settings.get("timeout", _DEFAULT_TIMEOUT)))
    _check_errcode(answer, urllib.parse.urlsplit(url).netloc, required=True)


DINGTALK = Channel("dingtalk", _deliver_dingtalk, "釘釘群機器人", "DingTalk group robot")


def _deliver_wecom(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = _lang(settings)
    url = str(settings["url"])
    text: dict[str, Any] = {"content": _text(reminder, lang)}
    mobiles = _mentions(reminder, settings)
    if mobiles:
        text["mentioned_mobile_list"] = mobiles
    status, answer = _post_json(url, {"msgtype": "text", "text": text},
                                float(settings.get("timeout", _DEFAULT_TIMEOUT)))
    _check_errcode(answer, urllib.parse.urlsplit(url).netloc, required=True)


WECOM = Channel("wecom", _deliver_wecom, "企業微信群機器人", "WeCom group robot")


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    """The generic webhook's signature header value: ``sha256=`` + hex HMAC-SHA256 of
    ``timestamp + "." + body`` keyed with the secret."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def _deliver_webhook(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = _lang(settings)
    did = str(settings.get("delivery_id", ""))
    payload: dict[str, Any] = {
        "delivery_id": did,
        "message": _text(reminder, lang),
        "subject": _subject(reminder, lang),
        "reminder": reminder.to_dict(lang if lang != "both" else "zh") if hasattr(reminder, "to_dict") else {},
    }
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = {str(k): str(v) for k, v in (settings.get("headers") or {}).items()}
    headers["X-Masswork-Delivery-Id"] = did
    if settings.get("secret"):
        ts = str(int(time.time()))
        headers["X-Masswork-Timestamp"] = ts
        headers["X-Masswork-Signature"] = webhook_signature(str(settings["secret"]), ts, body)
    url = str(settings["url"])
    status, answer = _post_json(url, body, float(settings.get("timeout", _DEFAULT_TIMEOUT)), headers)
    _check_errcode(answer, urllib.parse.urlsplit(url).netloc, required=False)


WEBHOOK = Channel("webhook", _deliver_webhook, "通用 JSON 回調", "generic JSON POST")


@hookimpl
def masswork_register_channels(register: Callable[[Channel], None]) -> None:
    for channel in (CONSOLE, EMAIL, DINGTALK, WECOM, WEBHOOK):
        register(channel)
