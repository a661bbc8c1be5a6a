"""The HTTP channels: ``dingtalk`` (DingTalk group robot: markdown, signed with timestamp +
HMAC-SHA256), ``wecom`` (WeCom group robot: text) and ``webhook`` (a generic JSON POST,
optionally signed). Only the standard library is used (urllib.request, hmac, hashlib,
base64). ``settings["delivery_id"]`` is the delivery's stable id; the webhook sends it as
``X-Masswork-Delivery-Id`` and in its body.

Robots answer HTTP 200 even when they refuse a message, so the JSON answer's ``errcode`` is
checked. A failure raises :class:`~masswork.remind.channels.DeliveryError`; one whose outcome
is unknown (a timeout after the request went out) raises
:class:`~masswork.remind.channels.UncertainDelivery`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from ..i18n import Msg
from .channels import Channel, DeliveryError, UncertainDelivery
from .redact import scrubbed, split_userinfo, url_problem, where
from .render import clean, clean_data, defang, lang_of, md_text, one_line, subject_of, text_of

__all__ = ["DINGTALK", "WECOM", "WEBHOOK", "dingtalk_sign", "webhook_signature"]

_DEFAULT_TIMEOUT = 10.0
_MAX_ANSWER = 1 << 20


def _post_json(url: str, payload: Mapping[str, Any] | bytes, timeout: float,
               headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
    """POST ``payload`` (a mapping, or JSON already encoded); returns (HTTP status, decoded
    JSON answer or None). ``user:password@`` in the URL becomes HTTP Basic authentication;
    errors name the host only (the URL carries the robot's token)."""
    bad = url_problem(url)
    if bad is not None:
        raise DeliveryError(msg=bad)
    url, auth = split_userinfo(url)
    host = where(url)
    extra = dict(headers or {})
    if auth is not None and not any(k.lower() == "authorization" for k in extra):
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        extra["Authorization"] = f"Basic {token}"
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
    try:
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "masswork", **extra})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read(_MAX_ANSWER)
    except urllib.error.HTTPError as exc:
        raise DeliveryError(msg=Msg.of("remind.fail.http", status=exc.code, reason=str(exc.reason)[:200], host=host)) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise UncertainDelivery(msg=Msg.of("remind.fail.timeout", seconds=f"{timeout:g}", host=host)) from None
        raise DeliveryError(msg=Msg.of("remind.fail.unreachable", host=host, error=str(exc.reason))) from None
    except (socket.timeout, TimeoutError):
        raise UncertainDelivery(msg=Msg.of("remind.fail.timeout", seconds=f"{timeout:g}", host=host)) from None
    except (ValueError, http.client.HTTPException) as exc:  # InvalidURL, a bad header value …
        raise DeliveryError(msg=Msg.of("remind.fail.refused_before", host=host, error=type(exc).__name__)) from None
    except OSError as exc:
        raise UncertainDelivery(msg=Msg.of("remind.fail.connection_lost", host=host,
                                           error=exc.strerror or type(exc).__name__)) from None
    try:
        answer = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = None
    return status, answer


def _check_errcode(answer: Any, host: str, required: bool) -> None:
    if not isinstance(answer, dict):
        if required:
            raise UncertainDelivery(msg=Msg.of("remind.fail.unreadable", host=host))
        return
    code = answer.get("errcode", 0)
    if code not in (0, "0", None):
        msg = str(answer.get("errmsg", ""))[:200]
        raise DeliveryError(msg=Msg.of("remind.fail.robot_refused", code=str(code), errmsg=msg, host=host))
    if answer.get("ok") is False:
        raise DeliveryError(msg=Msg.of("remind.fail.receiver_refused", error=str(answer.get("error", ""))[:200], host=host))


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
    lang = lang_of(settings, reminder=reminder)
    url = str(settings["url"])
    if settings.get("secret"):
        url = _signed_url(url, str(settings["secret"]), int(time.time() * 1000))
    mobiles = _mentions(reminder, settings)
    title = one_line(subject_of(reminder, "zh" if lang == "both" else lang), 200)
    paragraphs = [md_text(line.strip()) for line in clean(text_of(reminder, lang)).split("\n") if line.strip()]
    text = f"#### {md_text(title)}\n\n" + "\n\n".join(paragraphs)
    if mobiles:
        text += "\n\n" + " ".join(f"@{m}" for m in mobiles)
    payload = {"msgtype": "markdown", "markdown": {"title": defang(title), "text": text},
               "at": {"atMobiles": mobiles, "isAtAll": bool(settings.get("at_all", False))}}
    status, answer = _post_json(url, payload, float(settings.get("timeout", _DEFAULT_TIMEOUT)))
    _check_errcode(answer, where(url), required=True)


DINGTALK = Channel("dingtalk", scrubbed(_deliver_dingtalk), message="describe.channel.dingtalk")


def _deliver_wecom(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = lang_of(settings, reminder=reminder)
    url = str(settings["url"])
    # WeCom's text messages are not Markdown, but its clients link URLs: defanged.
    text: dict[str, Any] = {"content": defang(clean(text_of(reminder, lang)))}
    mobiles = _mentions(reminder, settings)
    if mobiles:
        text["mentioned_mobile_list"] = mobiles
    status, answer = _post_json(url, {"msgtype": "text", "text": text},
                                float(settings.get("timeout", _DEFAULT_TIMEOUT)))
    _check_errcode(answer, where(url), required=True)


WECOM = Channel("wecom", scrubbed(_deliver_wecom), message="describe.channel.wecom")


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    """The generic webhook's signature header value: ``sha256=`` + hex HMAC-SHA256 of
    ``timestamp + "." + body`` keyed with the secret."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def _deliver_webhook(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = lang_of(settings, reminder=reminder)
    did = str(settings.get("delivery_id", ""))
    payload: dict[str, Any] = {
        "delivery_id": did,
        "message": clean(text_of(reminder, lang)),
        "subject": one_line(subject_of(reminder, lang)),
        # data, kept as written, except what no UTF-8 JSON can carry or a terminal should not run
        "reminder": clean_data(reminder.to_dict(lang if lang != "both" else "zh")) if hasattr(reminder, "to_dict")
        else {},
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
    _check_errcode(answer, where(url), required=False)


WEBHOOK = Channel("webhook", scrubbed(_deliver_webhook), message="describe.channel.webhook")
