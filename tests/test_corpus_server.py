"""Every plan and schedule case of ``tests/corpus/bad/`` uploaded to the HTTP service
(``POST /check``, multipart, the two files): 422 (413 for a body over the limit) with a
message naming the place, never 500. One real uvicorn server on 127.0.0.1 for the module,
sequential requests over one shared client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("masswork_server")

from masswork.testing.server import running_server  # noqa: E402
from test_corpus import CASES, GOOD_PLAN, GOOD_SCHEDULE  # noqa: E402

MAX_BODY = 1_000_000  # above every corpus file, so only the over-size upload below meets it
UPLOADED = [(c, e) for c, e in CASES if e["reads"] in ("plan", "schedule")]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    with running_server(tmp_path_factory.mktemp("corpus-server"), "--max-body", str(MAX_BODY),
                        env={"MASSWORK_LANG": "en", "NO_COLOR": "1"}) as server, \
            httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


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
