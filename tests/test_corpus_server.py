"""Every plan and schedule case of ``tests/corpus/bad/`` uploaded to the HTTP service
(``POST /check``, multipart, the two files): 422 (413 for a body over the limit) with a
message naming the place, never 500. One real uvicorn server on 127.0.0.1 for the module,
sequential requests over one shared client."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("masswork_server")

from test_corpus import CASES, GOOD_PLAN, GOOD_SCHEDULE  # noqa: E402

MAX_BODY = 1_000_000  # above every corpus file, so only the over-size upload below meets it
UPLOADED = [(c, e) for c, e in CASES if e["reads"] in ("plan", "schedule")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("MASSWORK_LOAD_PLUGINS", "MASSWORK_SERVER_TOKEN")}
    env.update({"MASSWORK_LANG": "en", "NO_COLOR": "1"})
    proc = subprocess.Popen([sys.executable, "-m", "masswork", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--max-body", str(MAX_BODY)],
                            cwd=tmp_path_factory.mktemp("corpus-server"), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=60) as c:
        deadline = time.monotonic() + 60
        while True:
            try:
                if c.get("/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(proc.stderr.read().decode() if proc.stderr else "server did not start")
            time.sleep(0.2)
        try:
            yield c
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.mark.parametrize("case, exp", UPLOADED, ids=[f"{c.parent.name}/{c.name}" for c, _ in UPLOADED])
def test_corpus_case_over_http(case: Path, exp: dict[str, str], client: httpx.Client) -> None:
    plan, sched = (case, GOOD_SCHEDULE) if exp["reads"] == "plan" else (GOOD_PLAN, case)
    files = {"plan": (plan.name, plan.read_bytes()), "schedule": (sched.name, sched.read_bytes())}
    side = sched.with_name(sched.stem + ".mapping.toml")
    if side.is_file():  # the CLI reads it beside the table; a client uploads it
        files["mapping"] = (side.name, side.read_bytes())
    got = client.post("/check", files=files, data={"lang": "en"})
    assert got.status_code in (422, 413), f"{got.status_code}: {got.text[-1500:]}"
    message = got.json()["message"]
    assert "Traceback" not in message
    if case.parent.name == "gen-extends" or exp.get("blame"):
        return  # an uploaded plan has no folder: its extends cannot resolve, a different (checked) refusal
    lower = message.lower()
    for fragment in filter(None, exp.get("fragment", "").split("|")):
        assert fragment.lower() in lower, f"fragment {fragment!r}: {message[-1500:]}"
    assert case.name in message, message[-1500:]
    where = exp.get("where", "file")
    if where.startswith("line "):
        assert f"{case.name}:{where[5:]}" in message, message[-1500:]
    elif where.startswith("path "):
        assert where[5:] in message, message[-1500:]


def test_over_size_upload_is_413(client: httpx.Client) -> None:
    """The runtime over-size schedule case of the corpus, as an upload: refused by size
    before it is read, 413 with a message, not 500."""
    files = {"plan": (GOOD_PLAN.name, GOOD_PLAN.read_bytes()),
             "schedule": ("big.toml", GOOD_SCHEDULE.read_bytes() + b"#" * (MAX_BODY + 1) + b"\n")}
    got = client.post("/check", files=files, data={"lang": "en"})
    assert got.status_code == 413, got.text[-500:]
    assert got.json()["message"]
