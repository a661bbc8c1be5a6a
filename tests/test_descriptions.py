"""What each export and summary format, schedule reader, reminder channel and batch engine
is, as ``masswork plugins`` and the server list them: in the language asked for, from the
catalogues; the legacy Traditional/English pair of older plugins still read."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

import masswork
from masswork.batch import BatchEngine
from masswork.channels import Channel
from masswork.exporters import Exporter
from masswork.i18n import LANGS, Msg
from masswork.plugins import make_plugin_manager, provided
from masswork.readers import Reader

_HAN = re.compile(r"[\u3400-\u9fff]")
# Names a Chinese description may keep in Latin letters: file formats and products.
_PRODUCT = re.compile(r"\b(?:CSV|TSV|JSON|TOML|SMTP|Excel|WPS|Word|Markdown|iCalendar|Dask|masswork|A4|UTF|GB18030)\b|--scheduler")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, str]]]:
    return {lang: provided(lang=lang) for lang in LANGS}


def test_everything_installed_is_described_from_a_catalogue(rows: dict[str, list[dict[str, str]]]) -> None:
    host = make_plugin_manager()
    from masswork.batch.formats import batch_engines, summary_exporters

    items = [*host.exporters().values(), *summary_exporters(host).values(), *host.readers().values(),
             *host.channels().values(), *batch_engines(host).values()]
    # masswork's and the bundled plugins' own things; the example plugin is a third party's.
    ours = [i for i in items if i.name != "tsv"]
    assert len(ours) >= 25
    assert [i.name for i in ours if i.description_msg() is None] == []
    kinds = {r["what"] for r in rows["en"]}
    assert kinds == {"format", "summary", "reader", "channel", "engine"}


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_chinese_descriptions_are_chinese(rows: dict[str, list[dict[str, str]]], lang: str) -> None:
    for row in rows[lang]:
        text = row["text"]
        assert _HAN.search(text), row
        assert _WORD.findall(_PRODUCT.sub("", text)) == [], row


def test_english_descriptions_are_english_and_the_scripts_differ(rows: dict[str, list[dict[str, str]]]) -> None:
    for row in rows["en"]:
        assert row["text"] and not _HAN.search(row["text"]), row
    hans = {(r["what"], r["name"]): r["text"] for r in rows["zh-Hans"]}
    hant = {(r["what"], r["name"]): r["text"] for r in rows["zh-Hant"]}
    assert hans["reader", "csv"] == "台账表格(CSV:UTF-8、GB18030)"
    assert hant["reader", "csv"] == "台賬表格(CSV:UTF-8、GB18030)"
    assert hans["channel", "dingtalk"] == "钉钉群机器人" and hant["channel", "dingtalk"] == "釘釘群機器人"


def test_a_legacy_pair_is_still_read_and_a_message_reads_back_as_the_pair() -> None:
    def nothing(*_: Any) -> Any:
        raise AssertionError

    old = Reader("lines", (".txt",), nothing, description="舊式台賬讀取器", description_en="an old-style reader")
    assert old.description == "舊式台賬讀取器" and old.description_en == "an old-style reader"
    assert old.description_text("zh-Hans") == "旧式台账读取器"  # folded from the Traditional
    assert old.description_text("en") == "an old-style reader" and old.description_msg() is None
    positional = Channel("pager", nothing, "傳呼機", "pager")
    assert positional.description_text("zh-Hant") == "傳呼機"
    new = BatchEngine("here", nothing, message="describe.engine.local")
    assert new.description == "本機多進程(全部核心)" and new.description_en == "this machine, a process per core"
    assert new.description_texts()["zh-Hans"] == "本机多进程(全部核心)"
    msg = Exporter("x", ".x", nothing, message=Msg.of("describe.summary.csv"))
    assert msg.description_text("en") == "CSV (units × requirements)"


def test_a_third_party_described_the_old_way_is_listed_in_every_language() -> None:
    class Old:
        @masswork.hookimpl
        def masswork_register_channels(self, register: Any) -> None:
            register(Channel("pager", lambda r, s: None, "傳呼機提醒", "pager"))

    host = make_plugin_manager(load_entrypoints=False, extra=(Old(),))
    got = {lang: {r["name"]: r for r in provided(host, lang) if r["what"] == "channel"} for lang in LANGS}
    assert got["zh-Hans"]["pager"]["text"] == "传呼机提醒"
    assert got["en"]["pager"]["text"] == "pager"
    assert got["en"]["email"]["text"] == "e-mail over SMTP"


def test_plugins_command_lists_what_each_plugin_provides_in_the_language_asked() -> None:
    hans = _run("plugins", "--lang", "zh-Hans")
    assert hans.returncode == 0, hans.stderr
    assert "台账读取 csv: 台账表格(CSV:UTF-8、GB18030)" in hans.stdout
    assert "提醒渠道 dingtalk: 钉钉群机器人" in hans.stdout
    en = _run("plugins", "--json", "--lang", "en")
    assert en.returncode == 0, en.stderr
    data = json.loads(en.stdout)
    by_name = {p["name"]: p for p in data["plugins"]}
    xlsx = {(o["what"], o["name"]): o["text"] for o in by_name["xlsx"]["provides"]}
    assert xlsx[("reader", "xlsx")] == "ledger workbook (Excel, WPS)"
    assert xlsx[("summary", "xlsx")] == "batch summary workbook (Excel)"
    assert by_name["dask"]["provides"] == [
        {"what": "engine", "name": "dask", "text": "a Dask cluster (--scheduler ADDRESS)"}]
    hant = _run("plugins", "--lang", "zh-Hant")
    assert "批量引擎 dask: Dask 集群(--scheduler 地址)" in hant.stdout
