"""The HTTP service against a real uvicorn server started here on 127.0.0.1 (a free port),
with a real HTTP client: the same JSON as the command line, bad input as 422 with the CLI's
messages, limits, the token, concurrency, and an OpenAPI 3.1 document that validates."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import masswork
import pytest
from masswork.loaders import plan_to_dict, schedule_to_dict
from masswork.testing.cli import example_cases, run_masswork
from masswork.testing.server import Server, running_server

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
S3 = EXAMPLES / "s3-danyang-phase1"
TOKEN = "t0ken-for-the-test"
LIMIT = 30000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("server")) as running:
        yield running


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("guarded"), "--max-body", str(LIMIT),
                        env={"MASSWORK_SERVER_TOKEN": TOKEN}) as running:
        yield running


def _body(plan_path: Path, schedule_path: Path, **extra: Any) -> dict[str, Any]:
    plan = masswork.load_plan(plan_path)
    schedule = masswork.load_schedule(schedule_path, plan)
    return {"plan": json.loads(json.dumps(plan_to_dict(plan))),
            "schedule": json.loads(json.dumps(schedule_to_dict(schedule))), **extra}


@pytest.mark.parametrize("plan_path, schedule_path", example_cases(Path(__file__)))
def test_check_json_equals_cli(server: Server, plan_path: Path, schedule_path: Path) -> None:
    for as_of, lang in ((None, "zh-Hans"), (None, "zh-Hant"), ("2014-03-05", "en")):
        extra = (["--as-of", as_of] if as_of else []) + ["--lang", lang]
        cli = json.loads(run_masswork("check", plan_path, schedule_path, "--format", "json", *extra, ok=(0, 1)).stdout)
        got = httpx.post(server.url + "/check", json=_body(plan_path, schedule_path, as_of=as_of, lang=lang), timeout=60)
        assert got.status_code == 200
        assert got.json() == cli


@pytest.mark.parametrize("lang, cli_lang", [("zh_CN", "zh-Hans"), ("zh-TW", "zh-Hant"), ("en_US", "en"),
                                            ("zh", "zh-Hant"), (None, None)])
def test_lang_aliases_and_default_are_the_clis(server: Server, lang: str | None, cli_lang: str | None) -> None:
    plan_path, schedule_path = S3 / "plan.toml", S3 / "schedule-flawed.toml"
    extra = ["--lang", cli_lang] if cli_lang else []
    # Without a language the CLI speaks the plan's script (a locale that names none).
    cli = json.loads(run_masswork("check", plan_path, schedule_path, "--format", "json", *extra, ok=(0, 1),
                                  env={"MASSWORK_LANG": "", "LC_ALL": "C", "LANG": "C"}).stdout)
    body = _body(plan_path, schedule_path, **({"lang": lang} if lang else {}))
    got = httpx.post(server.url + "/check", json=body, timeout=60)
    assert got.status_code == 200 and got.json() == cli
    words = [f["message"] for f in got.json()["findings"]]
    if cli_lang == "zh-Hans":
        assert any(w != w.encode("ascii", "ignore").decode() for w in words)
        zh_hant = json.loads(run_masswork("check", plan_path, schedule_path, "--format", "json", "--lang", "zh-Hant",
                                          ok=(0, 1)).stdout)
        assert [f["message"] for f in zh_hant["findings"]] != words  # Simplified is not the Traditional text


def test_multipart_upload_of_files_xlsx_included(server: Server, tmp_path: Path) -> None:
    xlsx = tmp_path / "台賬.xlsx"
    run_masswork("export", S3 / "plan.toml", S3 / "schedule-flawed.toml", "--format", "xlsx", "-o", xlsx)
    cli = json.loads(run_masswork("check", S3 / "plan.toml", xlsx, "--format", "json", "--as-of", "2014-03-05",
                                  ok=(0, 1)).stdout)
    files = {"plan": ("plan.toml", (S3 / "plan.toml").read_bytes()), "schedule": ("台賬.xlsx", xlsx.read_bytes())}
    got = httpx.post(server.url + "/check", files=files, data={"as_of": "2014-03-05"}, timeout=60)
    assert got.status_code == 200, got.text
    assert got.json() == cli


def test_bad_input_is_422_with_the_cli_message(server: Server, tmp_path: Path) -> None:
    plan_text = (S3 / "plan.toml").read_text(encoding="utf-8").replace('kind = "occurs"', 'kind = "ocurs"', 1)
    (tmp_path / "plan.toml").write_text(plan_text, encoding="utf-8")
    (tmp_path / "schedule.toml").write_bytes((S3 / "schedule-flawed.toml").read_bytes())
    cli = run_masswork("check", "plan.toml", "schedule.toml", cwd=tmp_path, ok=(2,)).stderr
    files = {"plan": ("plan.toml", plan_text.encode()), "schedule": ("schedule.toml", (tmp_path / "schedule.toml").read_bytes())}
    got = httpx.post(server.url + "/check", files=files, timeout=60)
    assert got.status_code == 422
    body = got.json()
    # The CLI speaks the plan's script (Traditional here), as the server does by default.
    assert cli.strip().endswith(body["message"]) and "'ocurs'" in body["message"]
    assert body["problems"][0]["path"].startswith("requirements[") and body["problems"][0]["line"]


def test_bad_cell_in_an_uploaded_workbook_is_422_with_its_place(server: Server, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "活動記錄"
    ws.append(["日期", "活動", "主持人"])
    ws.append(["3月32日", "座談會", "王建國"])
    path = tmp_path / "台賬.xlsx"
    wb.save(path)
    files = {"plan": ("plan.toml", (S3 / "plan.toml").read_bytes()), "schedule": ("台賬.xlsx", path.read_bytes())}
    got = httpx.post(server.url + "/check", files=files, data={"lang": "en"}, timeout=60)
    assert got.status_code == 422
    assert '台賬.xlsx: 活動記錄!A2: "3月32日" is not a date' in got.json()["message"]


def test_json_body_errors_carry_key_paths(server: Server) -> None:
    body = _body(S3 / "plan.toml", S3 / "schedule-flawed.toml", lang="en")
    body["schedule"]["events"][2]["host"] = "nobody"
    got = httpx.post(server.url + "/check", json=body, timeout=60)
    assert got.status_code == 422
    assert got.json()["problems"][0]["path"] == "events[2].host"
    assert "unknown party 'nobody'" in got.json()["message"]
    for bad, word in (({**body, "as_of": "2014-13-01"}, "as_of"), ({**body, "lang": "fr"}, "lang"),
                      ({**body, "plan": "examples/plan.toml"}, "plan"), ({**body, "extra": 1}, "extra")):
        r = httpx.post(server.url + "/check", json=bad, timeout=60)
        assert r.status_code == 422 and r.json()["problems"][0]["path"] == word
    assert httpx.post(server.url + "/check", content=b"{not json", timeout=60).status_code == 422


def test_no_file_a_request_names_is_opened(server: Server, tmp_path: Path) -> None:
    secret = tmp_path / "secret.toml"
    secret.write_text('id = "secret"\ntitle = "x"\nyear = 2014\n', encoding="utf-8")
    body = _body(S3 / "plan.toml", S3 / "schedule-flawed.toml", lang="en")
    body["plan"]["extends"] = str(secret)
    got = httpx.post(server.url + "/check", json=body, timeout=60)
    assert got.status_code == 422 and "cannot name a file on the server" in got.json()["message"]
    files = {"plan": ("../../etc/passwd", b'id = "p"\n'), "schedule": ("/etc/passwd", b"")}
    got = httpx.post(server.url + "/check", files=files, timeout=60)
    assert got.status_code == 422 and "/etc" not in got.json()["message"]


def test_explain_export_remind(server: Server) -> None:
    body = _body(S3 / "plan.toml", S3 / "schedule-flawed.toml", as_of="2014-02-20")
    explain = httpx.post(server.url + "/explain", json={"plan": body["plan"]}, timeout=60)
    cli = json.loads(run_masswork("explain", S3 / "plan.toml", "--format", "json").stdout)
    assert explain.json() == cli
    for fmt, media in (("csv", "text/csv"), ("json", "application/json"), ("markdown", "text/markdown"),
                       ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")):
        got = httpx.post(server.url + "/export", params={"format": fmt}, json=body, timeout=60)
        assert got.status_code == 200 and got.headers["content-type"].startswith(media)
    csv = httpx.post(server.url + "/export", params={"format": "csv"}, json=body, timeout=60).content
    cli_csv = run_masswork("export", S3 / "plan.toml", S3 / "schedule-flawed.toml", "--format", "csv",
                           "--as-of", "2014-02-20").stdout.encode("utf-8")
    assert csv.replace(b"\r\n", b"\n") == cli_csv.replace(b"\r\n", b"\n")
    bad = httpx.post(server.url + "/export", params={"format": "xlxs"}, json=body, timeout=60)
    assert bad.status_code == 422 and "'xlsx'" in bad.json()["message"]
    remind = httpx.post(server.url + "/remind", json=body, timeout=60).json()
    assert remind["dry_run"] is True and remind["as_of"] == "2014-02-20" and remind["reminders"]
    assert not list(server.cwd.iterdir())  # no ledger, no file of any kind


def test_gets_answer_what_the_cli_prints(server: Server) -> None:
    assert httpx.get(server.url + "/kinds").json() == json.loads(run_masswork("kinds", "--json").stdout)
    formats = httpx.get(server.url + "/formats").json()
    cli = json.loads(run_masswork("formats", "--json").stdout)
    assert [{k: v for k, v in f.items() if k != "media_type"} for f in formats] == cli
    for which in ("plan", "schedule", "report"):
        assert httpx.get(server.url + f"/schemas/{which}").json() == json.loads(run_masswork("schema", which).stdout)
    assert httpx.get(server.url + "/schemas/nope").status_code == 404
    assert httpx.get(server.url + "/schemas/nope?lang=zh-Hans").json()["message"].startswith("没有 'nope' 这个")
    assert httpx.get(server.url + "/schemas/nope?lang=en").json()["message"] == (
        "no schema 'nope'; plan, schedule or report")
    # ``?lang=`` as the CLI's --lang: the rendered title and description in that language
    assert (httpx.get(server.url + "/kinds?lang=en").json()
            == json.loads(run_masswork("kinds", "--json", "--lang", "en").stdout))
    en = {f["name"]: f["text"] for f in httpx.get(server.url + "/formats?lang=en").json()}
    assert en == {f["name"]: f["text"] for f in json.loads(run_masswork("formats", "--json", "--lang", "en").stdout)}
    bad = httpx.get(server.url + "/kinds?lang=xx")
    assert bad.status_code == 422 and "zh-Hans" in bad.json()["message"]
    readers = {r["name"] for r in httpx.get(server.url + "/readers").json()}
    assert {"toml", "json", "csv", "xlsx"} <= readers
    hans = {r["name"]: r["text"] for r in httpx.get(server.url + "/readers?lang=zh-Hans").json()}
    assert hans["xlsx"] == "台账工作簿(Excel、WPS 表格)" and hans["csv"].startswith("台账表格")
    en = {r["name"]: r for r in httpx.get(server.url + "/readers?lang=en").json()}
    assert en["xlsx"]["text"] == en["xlsx"]["description_en"] == "ledger workbook (Excel, WPS)"
    assert en["xlsx"]["description"] == "台賬工作簿(Excel、WPS 表格)"  # the legacy pair, read back
    assert httpx.get(server.url + "/readers?lang=xx").status_code == 422
    assert httpx.get(server.url + "/healthz").json()["status"] == "ok"


def test_openapi_document_is_valid_openapi_3_1(server: Server) -> None:
    from openapi_spec_validator import validate

    doc = httpx.get(server.url + "/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    validate(doc)
    assert doc["components"]["schemas"]["Report"]["properties"]["findings"]
    assert set(doc["paths"]) >= {"/check", "/explain", "/export", "/remind", "/kinds", "/formats",
                                 "/schemas/{which}", "/healthz"}


def test_concurrent_checks_all_answer_right(server: Server) -> None:
    bodies = [_body(p.values[0], p.values[1]) for p in example_cases(Path(__file__))]  # type: ignore[arg-type]
    expected = [httpx.post(server.url + "/check", json=b, timeout=60).json() for b in bodies]

    async def run() -> list[Any]:
        async with httpx.AsyncClient(timeout=120) as client:
            calls = [client.post(server.url + "/check", json=bodies[i % len(bodies)]) for i in range(24)]
            return [r.json() for r in await asyncio.gather(*calls)]

    got = asyncio.run(run())
    assert all(g == expected[i % len(bodies)] for i, g in enumerate(got))


def test_token_and_body_limit(guarded: Server) -> None:
    from masswork.testing import sample_plan, sample_schedule

    assert httpx.get(guarded.url + "/healthz").status_code == 200  # for load balancers
    assert httpx.get(guarded.url + "/kinds").status_code == 401
    assert httpx.get(guarded.url + "/kinds?lang=en").json()["message"].startswith("a bearer token is required")
    assert httpx.get(guarded.url + "/kinds?lang=zh-Hans").json()["message"].startswith("需要访问令牌")
    assert httpx.get(guarded.url + "/kinds", headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.get(guarded.url + "/kinds", headers=auth).status_code == 200
    small = {"plan": json.loads(json.dumps(plan_to_dict(sample_plan()))),
             "schedule": json.loads(json.dumps(schedule_to_dict(sample_schedule())))}
    assert len(json.dumps(small).encode()) < LIMIT
    assert httpx.post(guarded.url + "/check", json=small, timeout=60).status_code == 401
    assert httpx.post(guarded.url + "/check", json=small, headers=auth, timeout=60).status_code == 200
    big = _body(S3 / "plan.toml", S3 / "schedule-complete.toml")
    assert len(json.dumps(big).encode()) > LIMIT
    too_big = httpx.post(guarded.url + "/check?lang=en", json=big, headers=auth, timeout=60)
    assert too_big.status_code == 413 and too_big.json()["message"] == f"the request body is over {LIMIT} bytes"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while it streams
        data = json.dumps(big).encode()
        for i in range(0, len(data), 4096):
            yield data[i:i + 4096]

    got = httpx.post(guarded.url + "/check", content=chunks(), headers={**auth, "Content-Type": "application/json"},
                     timeout=60)
    assert got.status_code == 413



@pytest.mark.parametrize("lang, word", [
    ("zh-Hans", "缺少方案(plan 应为 JSON 对象;不接受文件路径)"),
    ("zh-Hant", "缺少方案(plan 應為 JSON 物件;不接受檔案路徑)"),
    ("en", "plan is missing or not an object (plans come as data, never as a file path)"),
])
def test_request_errors_speak_the_requests_language(server: Server, lang: str, word: str) -> None:
    body = _body(S3 / "plan.toml", S3 / "schedule-flawed.toml", lang=lang)
    got = httpx.post(server.url + "/check", json={**body, "plan": "examples/plan.toml"}, timeout=60)
    assert got.status_code == 422 and "Traceback" not in got.text
    assert word in got.json()["message"], got.json()
