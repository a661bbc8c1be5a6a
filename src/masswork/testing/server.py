"""A real ``masswork serve`` for tests: started as a user starts it (``python -m masswork
serve``, the server plugin installed) on 127.0.0.1 and a free port, waited for until
``/healthz`` answers, stopped afterwards.

The server plugin's own tests and the core's corpus-over-HTTP test both need one; this is
the one way they start it. Only the standard library is used to wait for it, so importing
this module needs no HTTP client.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

__all__ = ["free_port", "running_server", "Server"]

# Variables a developer's shell may carry that would change what the server under test does.
_SCRUBBED = ("MASSWORK_LOAD_PLUGINS", "MASSWORK_SERVER_TOKEN")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on (at the moment of asking)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running server: its base ``url`` (no trailing slash), the process, its folder."""

    def __init__(self, url: str, proc: subprocess.Popen[bytes], cwd: Path) -> None:
        self.url, self.proc, self.cwd = url, proc, cwd


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as got:  # noqa: S310 (loopback)
            return bool(got.status == 200)
    except (OSError, urllib.error.URLError):
        return False


@contextmanager
def running_server(cwd: Path, *args: str, env: Mapping[str, str] | None = None,
                   startup: float = 60.0) -> Iterator[Server]:
    """Run ``masswork serve --host 127.0.0.1 --port P *args`` in ``cwd`` until the block
    ends. ``env`` is added to the current environment (less the variables that would
    change the server's behaviour behind the test's back). A server that exits or does not
    answer within ``startup`` seconds fails the test with its standard error."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    full_env.update(env or {})
    # Standard error goes to an unnamed file, not a pipe: a pipe nobody reads while the
    # tests run fills up and stalls a talkative server; the folder stays empty.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "masswork", "serve", "--host", "127.0.0.1",
                                 "--port", str(port), *args], cwd=cwd, env=full_env,
                                stdout=subprocess.DEVNULL, stderr=log)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + startup
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                log.seek(0)
                raise AssertionError(log.read().decode(errors="replace") or "server did not start")
            time.sleep(0.2)
        try:
            yield Server(url, proc, cwd)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
