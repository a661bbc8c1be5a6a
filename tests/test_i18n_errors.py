"""Errors people read come from the catalogues in every language: a bad input per module,
given to the command line as a user would, is refused with exit 2 and no traceback, in
Simplified written as Simplified (not folded from Traditional: 文件, not 檔案), Traditional
with Taiwan's terms, and English without Chinese except the input it quotes."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from masswork.testing.cli import run_masswork

GOOD = Path(__file__).parent / "corpus" / "good"
PLAN = GOOD / "plan.toml"
SCHEDULE = GOOD / "schedule.toml"

_HANS_ONLY = set("这个们说为国会时对发经进动书党组责门报条项态体与义见现划单账览档")
_HANT_ONLY = set("這個們說為國會時對發經進動書黨組責門報條項態體與義見現劃單賬覽檔")
_CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
# Accepted date forms listed in what is expected: input a person may type, quoted as such.
_DATE_FORMS = "2014年3月5日, 3月5日"


def _said(args: list[str | Path], lang: str) -> str:
    r = run_masswork(*args, "--lang", lang, ok=(2,))
    out = r.stdout + r.stderr
    assert "Traceback" not in out
    return out


def _in_every_language(args: list[str | Path], words: dict[str, str], quoted: tuple[str, ...] = ()) -> None:
    for lang, word in words.items():
        out = _said(args, lang)
        assert word in out, (lang, out)
        if lang == "zh-Hans":
            assert not set(out) & _HANT_ONLY, out
        elif lang == "zh-Hant":
            assert not set(out) & _HANS_ONLY, out
        else:
            bare = out.replace(_DATE_FORMS, "")
            for q in quoted:
                bare = bare.replace(q, "")
            assert not _CJK.search(bare), out


def test_a_missing_file(tmp_path: Path) -> None:  # loaders/limits
    _in_every_language(["check", tmp_path / "nothere.toml", SCHEDULE],
                       {"zh-Hans": "文件不存在", "zh-Hant": "找不到檔案", "en": "file not found"})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_given_as_a_schedule(tmp_path: Path) -> None:  # loaders/limits
    fifo = tmp_path / "schedule.toml"
    os.mkfifo(fifo)
    _in_every_language(["check", PLAN, fifo],
                       {"zh-Hans": "不是普通文件(设备、管道或套接字)", "zh-Hant": "不是一般檔案(裝置、管道或通訊端)",
                        "en": "not a regular file (a device, FIFO or socket)"})


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:  # loaders/limits
    _in_every_language(["check", PLAN, SCHEDULE, "--max-bytes", "100"],
                       {"zh-Hans": "文件太大", "zh-Hant": "檔案太大", "en": "file too large"})


def test_a_day_that_does_not_exist_in_a_table(tmp_path: Path) -> None:  # readers/table
    sched = tmp_path / "ledger.csv"
    sched.write_text("日期,活動,主持人\n2014-02-30,座談會,李飛\n", encoding="utf-8")
    _in_every_language(["check", PLAN, sched],
                       {"zh-Hans": "A2:\"2014-02-30\" 不是日期(没有这一天)",
                        "zh-Hant": "A2:\"2014-02-30\" 不是日期(沒有這一天)",
                        "en": "A2: \"2014-02-30\" is not a date (no such day)"})


def test_a_table_without_a_header(tmp_path: Path) -> None:  # readers/table
    sched = tmp_path / "ledger.csv"
    sched.write_text("甲,乙\n1,2\n", encoding="utf-8")
    _in_every_language(["check", PLAN, sched],
                       {"zh-Hans": "找不到台账表头", "zh-Hant": "找不到台賬表頭", "en": "no ledger header found"},
                       quoted=("日期 / 活動 / 主持人 / 參加人員",))


def test_a_table_in_neither_utf8_nor_gb18030(tmp_path: Path) -> None:  # readers/text
    sched = tmp_path / "ledger.csv"
    sched.write_bytes("日期,活動\n".encode() + b"\xff\xfe\xff,x\n")
    _in_every_language(["check", PLAN, sched],
                       {"zh-Hans": "既不是 UTF-8 也不是 GB18030 编码", "zh-Hant": "既不是 UTF-8 也不是 GB18030 編碼",
                        "en": "neither UTF-8 nor GB18030"})


def test_a_mapping_with_an_unknown_key(tmp_path: Path) -> None:  # readers/columns
    sched = tmp_path / "ledger.csv"
    sched.write_text("日期,活動,主持人\n2014-03-01,座談會,李飛\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('sheeet = "x"\nyear = 0\n', encoding="utf-8")
    _in_every_language(["check", PLAN, sched, "--mapping", mapping],
                       {"zh-Hans": "不是正整数", "zh-Hant": "不是正整數", "en": "is not a positive integer"})


def test_a_plan_that_is_utf16(tmp_path: Path) -> None:  # readers/data (JSON and TOML are UTF-8)
    sched = tmp_path / "schedule.json"
    sched.write_bytes(json.dumps({"plan": "mini", "events": []}).encode("utf-16"))
    _in_every_language(["check", PLAN, sched],
                       {"zh-Hans": "编码", "zh-Hant": "編碼", "en": "UTF-16"})


def test_a_document_to_draft_with_nul_bytes(tmp_path: Path) -> None:  # draft/text
    doc = tmp_path / "plan.txt"
    doc.write_bytes("一、學習\n".encode() + b"\x00\x01binary")
    _in_every_language(["draft", doc],
                       {"zh-Hans": "不是文本文件", "zh-Hant": "不是文字檔", "en": "not a text file"})


def test_a_document_with_no_chinese(tmp_path: Path) -> None:  # draft/__init__
    doc = tmp_path / "plan.txt"
    doc.write_text("This is an English memo about nothing in particular.\n" * 3, encoding="utf-8")
    _in_every_language(["draft", doc],
                       {"zh-Hans": "几乎没有中文", "zh-Hant": "幾乎沒有中文", "en": "almost no Chinese"})


def test_an_article_that_is_not_there(tmp_path: Path) -> None:  # draft/__init__
    doc = tmp_path / "plan.txt"
    doc.write_text("一、認真學習\n各支部每月開展1次學習。\n", encoding="utf-8")
    _in_every_language(["draft", doc, "--article", "7"],
                       {"zh-Hans": "没有第 7 篇", "zh-Hant": "沒有第 7 篇", "en": "no article 7"})


def test_a_word_document_that_is_not_a_zip(tmp_path: Path) -> None:  # masswork-docx safezip
    pytest.importorskip("masswork_docx")
    doc = tmp_path / "plan.docx"
    doc.write_bytes(b"not a zip at all")
    _in_every_language(["draft", doc],
                       {"zh-Hans": "不是 Word 文档", "zh-Hant": "不是 Word 文件", "en": "not a Word document"})


def test_a_workbook_that_cannot_be_read(tmp_path: Path) -> None:  # masswork-xlsx reader
    pytest.importorskip("masswork_xlsx")
    book = tmp_path / "ledger.xlsx"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("xl/workbook.xml", "<broken")
    _in_every_language(["check", PLAN, book],
                       {"zh-Hans": "无法读取工作簿", "zh-Hant": "無法讀取活頁簿", "en": "cannot read the workbook"})


def test_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:  # atomic writes
    out = tmp_path / "no" / "such" / "report.json"
    _in_every_language(["export", PLAN, SCHEDULE, "--format", "json", "-o", out],
                       {"zh-Hans": "所在文件夹不存在", "zh-Hant": "所在資料夾不存在", "en": "the folder does not exist"})


def test_an_unknown_batch_engine_and_manifest(tmp_path: Path) -> None:  # batch/command, batch/units
    _in_every_language(["check", "--batch", tmp_path, "--engine", "locall"],
                       {"zh-Hans": "未知的批量引擎", "zh-Hant": "未知的批次引擎", "en": "unknown batch engine"})
    manifest = tmp_path / "units.toml"
    manifest.write_text('plan = "plan.toml"\n', encoding="utf-8")
    _in_every_language(["check", "--batch", manifest],
                       {"zh-Hans": "清单缺少 units 列表", "zh-Hant": "清單缺少 units 列表",
                        "en": "the manifest has no list of units"})


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_a_broken_unit_in_a_batch_summary_speaks_the_chosen_language(tmp_path: Path, fmt: str) -> None:
    for name in ("good", "broken"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "plan.toml").write_bytes(PLAN.read_bytes())
    (tmp_path / "good" / "schedule.toml").write_bytes(SCHEDULE.read_bytes())
    words = {"zh-Hans": "缺少台账文件", "zh-Hant": "缺少台賬檔案", "en": "has no schedule file"}
    for lang, word in words.items():
        r = run_masswork("check", "--batch", tmp_path, "--summary-format", fmt, "--lang", lang, ok=None)
        assert "Traceback" not in r.stderr
        if fmt == "json":
            error = json.loads(r.stdout)["broken"][0]["error"]
            assert {k: error[k] for k in words} == {k: error[k] for k in words}
            assert all(w in error[k] for k, w in words.items()), error
        else:
            assert word in r.stdout, (lang, r.stdout)
