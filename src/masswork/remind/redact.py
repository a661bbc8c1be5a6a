"""Secrets never in messages: what a delivery error, the JSON output, the console and the
ledger's ``last_error`` may say about a channel.

A robot's URL *is* its secret (``access_token=…``, ``key=…``), an SMTP password or a signing
secret may be echoed back by a server, and a URL may carry ``user:password@``. Every text
that leaves a channel goes through :func:`redact` with the channel's secret values (those
resolved from the environment, and every URL, password, secret, token and header value of its
settings): each one — as written, trimmed, URL-quoted, and for a URL its user info, query
values and token-like path segments — is replaced by ``***`` (a secret shorter than three
characters only where it stands as a whole word: masking every ``0`` would garble ports and
dates, and such a secret protects nothing anyway). Patterns catch what is not
known in advance: ``scheme://user:pass@``, ``token=…``-like query parameters and
``Bearer …``/``Basic …`` credentials.

URLs are shown by :func:`safe_url` (credentials and query values masked) or :func:`where`
(host and port only). :func:`check_url` refuses a URL with a space or control character
inside — saying where, not what — since urllib would otherwise echo it whole in its error.
"""

from __future__ import annotations

import base64
import functools
import re
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..i18n import Msg
from .channels import DeliveryError

__all__ = ["MASK", "redact", "secrets_of", "safe_url", "where", "check_url", "url_problem", "split_userinfo", "scrubbed",
           "SECRET_SETTING_KEYS"]

MASK = "***"

#: Settings whose values are secret whatever their source.
SECRET_SETTING_KEYS = frozenset({"url", "password", "secret", "token", "key", "api_key", "webhook", "sign"})

_PARAM = re.compile(
    r"(?i)\b(access_token|accesstoken|token|key|api_key|apikey|sign|signature|secret|password|passwd|pwd|auth"
    r"|sig|code|ticket|credential)=([^&\s'\"<>;,)]+)")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@'\"<>?#]*@")
_SCHEME_AUTH = re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{6,}")
_TOKENISH = re.compile(r"^[A-Za-z0-9_.~+=-]{16,}$")
_BAD_URL_CHAR = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029\u00a0\u3000]")


def _url_parts(value: str) -> list[str]:
    """The secret pieces of a URL: user info, password, query values, token-like path parts."""
    try:
        u = urllib.parse.urlsplit(value.strip())
    except ValueError:
        return []
    if not u.scheme or not u.netloc:
        return []
    out: list[str] = []
    if "@" in u.netloc:
        info = u.netloc.rsplit("@", 1)[0]
        plain = urllib.parse.unquote(info)
        # the HTTP Basic credentials made of it (robots.py sends them so)
        out += [info, *info.split(":", 1), base64.b64encode(plain.encode()).decode("ascii")]
    for _, v in urllib.parse.parse_qsl(u.query, keep_blank_values=False):
        out.append(v)
    out += [pair.split("=", 1)[1] for pair in u.query.replace(";", "&").split("&") if "=" in pair]
    out += [seg for seg in u.path.split("/") if _TOKENISH.match(seg) and any(c.isdigit() for c in seg)]
    return out


def _variants(secret: str) -> set[str]:
    s = secret.strip()
    if not s:
        return set()
    out = {secret, s, urllib.parse.quote(s, safe=""), urllib.parse.quote_plus(s), urllib.parse.quote(s)}
    for part in _url_parts(s):
        part = part.strip()
        if part:
            out |= {part, urllib.parse.quote(part, safe=""), urllib.parse.quote_plus(part),
                    urllib.parse.unquote(part)}
    return {v for v in out if v}


def secrets_of(settings: Mapping[str, Any], extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The secret values of a channel's settings: ``extra`` (values resolved from the
    environment), the values of :data:`SECRET_SETTING_KEYS` and every header value."""
    out = [str(x) for x in extra if isinstance(x, str)]
    for k, v in settings.items():
        if k in SECRET_SETTING_KEYS and isinstance(v, str):
            out.append(v)
        if k == "headers" and isinstance(v, Mapping):
            out += [str(x) for x in v.values()]
    return tuple(dict.fromkeys(x for x in out if x.strip()))


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every secret (see the module docstring) replaced by :data:`MASK`; a
    secret URL written out whole becomes its :func:`safe_url` (the host stays readable)."""
    secrets = [str(s) for s in secrets]
    out = str(text)
    for s in sorted(secrets, key=len, reverse=True):
        bare = s.strip()
        if bare and "://" in bare and bare in out:
            out = out.replace(bare, _safe_url(bare))
    return _mask(out, secrets)


def _mask(text: str, secrets: Iterable[str]) -> str:
    out = text
    pieces: set[str] = set()
    for s in secrets:
        pieces |= _variants(s)
    ordered = sorted((p for p in pieces if p != MASK), key=len, reverse=True)
    # Masking one piece can make another (or itself) appear from the text around it; go on
    # until nothing changes. Pieces longer than the mask shorten the text, so this ends; the
    # bound covers short pieces that could keep recreating each other.
    for _ in range(50):
        before = out
        for piece in ordered:
            if len(piece) > len(MASK):
                while piece in out:
                    out = out.replace(piece, MASK)
            elif len(piece) == len(MASK):
                out = out.replace(piece, MASK)
            elif piece.isalnum():
                out = re.sub(rf"(?<![A-Za-z0-9]){re.escape(piece)}(?![A-Za-z0-9])", MASK, out)
        if out == before:
            break
    out = _USERINFO.sub(lambda m: m.group(1) + MASK + "@", out)
    out = _SCHEME_AUTH.sub(lambda m: m.group(1) + " " + MASK, out)
    out = _PARAM.sub(lambda m: m.group(1) + "=" + MASK, out)
    return out


def safe_url(url: str) -> str:
    """``url`` fit to show: user info, query values and token-like path parts masked."""
    return _safe_url(url)


def _safe_url(url: str) -> str:
    try:
        u = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return MASK
    netloc = u.netloc
    if "@" in netloc:
        netloc = MASK + "@" + netloc.rsplit("@", 1)[1]
    path = "/".join(MASK if _TOKENISH.match(seg) and any(c.isdigit() for c in seg) else seg
                    for seg in u.path.split("/"))
    query = "&".join((x.split("=", 1)[0] + "=" + MASK) if "=" in x else MASK
                     for x in u.query.split("&") if x)
    return _mask(urllib.parse.urlunsplit((u.scheme, netloc, path, query, "")), [url])


def where(url: str) -> str:
    """The host (and port) of ``url``, without credentials: what an error names."""
    try:
        u = urllib.parse.urlsplit(url.strip())
        host = u.hostname or ""
        port = u.port
    except ValueError:
        return MASK
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port}" if port else host or MASK


def url_problem(url: str) -> Msg | None:
    """Why ``url`` cannot be used — never quoting it — or None when it can. Leading and
    trailing white space is not a fault (callers strip it)."""
    s = url.strip()
    m = _BAD_URL_CHAR.search(s)
    if m:
        what = Msg.of("remind.url.space") if m.group() == " " else Msg.of("remind.url.control",
                                                                           char=f"{ord(m.group()):04X}")
        return Msg.of("remind.url.bad_char", what=what, n=m.start() + 1)
    try:
        u = urllib.parse.urlsplit(s)
        u.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return Msg.of("remind.url.malformed")
    if u.scheme not in ("http", "https"):
        return Msg.of("remind.url.scheme", scheme=repr(u.scheme[:10]))
    if not u.hostname:
        return Msg.of("remind.url.no_host")
    return None


def check_url(url: str) -> tuple[str, str] | None:
    """:func:`url_problem` as (Traditional, English) texts, for callers that want the two."""
    bad = url_problem(url)
    return None if bad is None else (bad.render("zh-Hant"), bad.render("en"))


def split_userinfo(url: str) -> tuple[str, tuple[str, str] | None]:
    """``url`` without ``user:password@``, and the (unquoted) user and password it carried."""
    u = urllib.parse.urlsplit(url.strip())
    if "@" not in u.netloc:
        return url.strip(), None
    info, host = u.netloc.rsplit("@", 1)
    user, _, password = info.partition(":")
    bare = urllib.parse.urlunsplit((u.scheme, host, u.path, u.query, u.fragment))
    return bare, (urllib.parse.unquote(user), urllib.parse.unquote(password))


def scrubbed(deliver: Callable[[Any, Mapping[str, Any]], None]) -> Callable[[Any, Mapping[str, Any]], None]:
    """``deliver`` whose :class:`~masswork.remind.channels.DeliveryError` messages are redacted
    with the secrets of its settings (the built-in channels are wrapped in it)."""

    @functools.wraps(deliver)
    def wrapper(reminder: Any, settings: Mapping[str, Any]) -> None:
        try:
            deliver(reminder, settings)
        except DeliveryError as exc:
            clean = redact(str(exc), secrets_of(settings))
            if clean == str(exc):
                raise
            err = type(exc)(clean)
            raise err from None

    return wrapper
