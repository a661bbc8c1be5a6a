"""Servers the reminder tests start on 127.0.0.1 (no network beyond loopback): an SMTP inbox
(aiosmtpd) and an HTTP receiver that records every request and answers as the test says.
Shared by the secrets, message-safety and concurrency tests."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from masswork.testing.server import free_port


class Inbox:
    """What an SMTP server received: parsed messages and raw bytes."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.raw.append(bytes(envelope.content))
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(user: str | None = None, password: str | None = None,
                refusal: str | None = None) -> Iterator[tuple[Inbox, int]]:
    """An SMTP server on 127.0.0.1. With ``user``/``password`` it requires AUTH; a failed
    login answers ``refusal`` (a server that echoes what it was sent, say)."""
    inbox = Inbox()
    port = free_port()

    def auth(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = (isinstance(data, LoginPassword) and data.login.decode() == user
              and data.password.decode() == password)
        if ok or refusal is None:
            return AuthResult(success=ok, handled=False)
        return AuthResult(success=False, handled=False, message=refusal)

    kw: dict[str, Any] = {}
    if user is not None:
        kw = dict(authenticator=auth, auth_require_tls=False, auth_required=True)
    ctl = Controller(inbox, hostname="127.0.0.1", port=port, **kw)
    ctl.start()
    try:
        yield inbox, port
    finally:
        ctl.stop()


class Request:
    def __init__(self, path: str, headers: dict[str, str], body: bytes) -> None:
        self.path = path
        self.headers = headers
        self.body = body

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def query(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))


Answer = tuple[int, str, Any]  # status, reason phrase, JSON body
Responder = Callable[[Request], Answer]


def ok(_: Request) -> Answer:
    return 200, "OK", {"errcode": 0, "errmsg": "ok"}


@contextmanager
def http_server(respond: Responder = ok) -> Iterator[tuple[str, list[Request]]]:
    """An HTTP server on 127.0.0.1 recording every POST and answering ``respond(request)``;
    yields its base URL and the list of requests (thread-safe appends)."""
    received: list[Request] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            req = Request(self.path, dict(self.headers), raw)
            with lock:
                received.append(req)
            status, reason, payload = respond(req)
            body = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status, reason)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()
