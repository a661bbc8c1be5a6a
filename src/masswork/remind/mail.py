"""The ``email`` channel: one message per reminder over SMTP (smtplib; SSL or STARTTLS, login
optional). ``settings["delivery_id"]`` goes out as the ``Message-ID`` and the
``X-Masswork-Delivery-Id`` header, so a repeat after an unknown outcome can be recognised.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from .channels import Channel, DeliveryError, UncertainDelivery
from .redact import scrubbed
from ..i18n import Msg, tr
from .render import BOTH, clean, defang, lang_of, one_line, quote_of, subject_of, text_of

__all__ = ["EMAIL"]

_DEFAULT_TIMEOUT = 10.0
_SUBJECT_LIMIT = 400  # characters; the e-mail package folds long headers, a cap keeps them sane


def _addresses(reminder: Any, settings: Mapping[str, Any]) -> list[str]:
    book = settings.get("addresses") or {}
    mine = book.get(getattr(reminder, "recipient", ""))
    if mine:
        return [mine] if isinstance(mine, str) else [str(x) for x in mine]
    default = settings.get("to") or []
    return [default] if isinstance(default, str) else [str(x) for x in default]


def _compose(reminder: Any, settings: Mapping[str, Any], lang: str, to: list[str]) -> EmailMessage:
    """The message. Plan text goes into the subject on one line (a title with a line break
    would make the header invalid and the reminder undeliverable) and into the body cleaned
    of control characters, URLs defanged in both; both are encoded by the e-mail package
    (RFC 2047 words, folded lines), never pasted into the wire format."""
    msg = EmailMessage()
    prefix = str(settings.get("subject_prefix", "[masswork]"))
    msg["Subject"] = defang(one_line(f"{prefix} {subject_of(reminder, lang)}", _SUBJECT_LIMIT))
    msg["From"] = one_line(str(settings["from"]))
    msg["To"] = ", ".join(one_line(a) for a in to)
    msg["Date"] = formatdate(localtime=True)
    did = settings.get("delivery_id")
    if did:
        msg["Message-ID"] = f"<{one_line(str(did))}@masswork>"
        msg["X-Masswork-Delivery-Id"] = one_line(str(did))
    # mail readers turn URLs into links: none from a plan file (defanged, still readable)
    body = defang(clean(text_of(reminder, lang)))
    quote = defang(clean(quote_of(reminder)))
    if quote:
        body += "\n\n" + (f"方案原文 plan text: 「{quote}」" if lang == BOTH else tr(lang, "remind.mail.quote", quote=quote))
    msg.set_content(body + "\n\n-- \nmasswork\n")
    return msg


def _deliver_email(reminder: Any, settings: Mapping[str, Any]) -> None:
    lang = lang_of(settings, reminder=reminder)
    to = _addresses(reminder, settings)
    if not to:
        raise DeliveryError(msg=Msg.of("remind.fail.no_address", recipient=repr(getattr(reminder, "recipient", "?"))))
    try:
        msg = _compose(reminder, settings, lang, to)
    except (ValueError, TypeError, UnicodeError) as exc:  # a bad address or setting in the config
        raise DeliveryError(msg=Msg.of("remind.fail.compose", error=f"{type(exc).__name__}: {exc}")) from None
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
        raise UncertainDelivery(msg=Msg.of("remind.fail.smtp_timeout", server=f"{host}:{port}", error=str(exc))) from exc
    except smtplib.SMTPException as exc:
        raise DeliveryError(msg=Msg.of("remind.fail.smtp", server=f"{host}:{port}", error=str(exc))) from exc
    except UnicodeError as exc:
        raise DeliveryError(msg=Msg.of("remind.fail.smtp_ascii", error=str(exc))) from exc
    except OSError as exc:
        raise DeliveryError(msg=Msg.of("remind.fail.smtp_unreachable", server=f"{host}:{port}", error=str(exc))) from exc


EMAIL = Channel("email", scrubbed(_deliver_email), message="describe.channel.email")
