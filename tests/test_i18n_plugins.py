"""The bundled plugins' own catalogues: complete, reviewed and compiled like masswork's,
every code their sources name present, and no Simplified text folded at run time."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from masswork.i18n import LANGS, Catalogue, tr
from masswork.i18n.build import domain_of, load_po, plugin_dirs, problems

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = plugin_dirs()
_CODE = re.compile(r"^[a-z]+\.[a-z_.]+[a-z_]$")


def test_the_bundled_plugins_with_words_have_catalogues() -> None:
    assert {domain_of(p) for p in PLUGINS} >= {"masswork_docx", "masswork_html", "masswork_ics", "masswork_xlsx"}


@pytest.mark.parametrize("pkg", PLUGINS, ids=lambda p: p.name)
def test_plugin_catalogue_is_complete_reviewed_and_compiled(pkg: Path) -> None:
    assert problems(pkg) == []


@pytest.mark.parametrize("pkg", PLUGINS, ids=lambda p: p.name)
def test_every_code_a_plugin_names_is_in_its_catalogue(pkg: Path) -> None:
    """A string in the sources shaped like one of the plugin's codes (``docx.title``) or a
    prefix of a family of them (``html.word``, read with ``Catalogue.labels``) is there, in
    every language."""
    ids = {lang: {e.msgid for e in load_po(lang, pkg)} for lang in LANGS}
    prefix = next(iter(ids["en"])).split(".", 1)[0] + "."
    named = set()
    for path in pkg.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                text = str(node.values[0].value).rstrip(".")  # f"ics.kind.{kind}": the family
            if isinstance(text, str) and _CODE.match(text) and text.startswith(prefix):
                named.add(text)
    assert named  # the scan found the codes it is meant to
    for lang, have in ids.items():
        missing = [c for c in named if c not in have and not any(h.startswith(c + ".") for h in have)]
        assert missing == [], lang


def test_no_plugin_folds_simplified_at_run_time() -> None:
    """pair_text and labels() fold Traditional to Simplified character by character: kept
    for third-party plugins written before catalogues, used by none of masswork's."""
    users = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "plugins").glob("*/src/**/*.py"))
             if re.search(r"\bpair_text\b|^from masswork\.i18n import .*\blabels\b", p.read_text(encoding="utf-8"),
                          re.M)]
    assert users == []


_HANS_ONLY = set("这个们说为国会时对发经进动书党组责门报条项态体与义见现划单账览")
_HANT_ONLY = set("這個們說為國會時對發經進動書黨組責門報條項態體與義見現劃單賬覽")


@pytest.mark.parametrize("pkg", PLUGINS, ids=lambda p: p.name)
def test_each_plugin_catalogue_is_written_in_its_own_script(pkg: Path) -> None:
    for lang, foreign in (("zh-Hans", _HANT_ONLY), ("zh-Hant", _HANS_ONLY)):
        bad = [(e.msgid, e.msgstr) for e in load_po(lang, pkg) if set(e.msgstr) & foreign]
        assert bad == [], lang


def test_a_plugin_catalogue_falls_back_to_masswork_words_and_then_to_the_code() -> None:
    cat = Catalogue("masswork_docx")
    for lang in LANGS:
        assert cat.tr(lang, "status.met") == tr(lang, "status.met")
    assert cat.tr("zh-Hans", "docx.title", title="方案") == "关于落实《方案》情况的自查报告"
    assert cat.tr("zh-TW", "docx.title", title="方案") == "關於落實《方案》情況的自查報告"
    assert cat.tr("en", "docx.title", title="Plan") == "Self-inspection report on carrying out “Plan”"
    assert cat.tr("zh-Hans", "docx.no.such.code") == "docx.no.such.code"
    assert Catalogue("masswork_tsv").tr("zh-Hans", "status.met") == tr("zh-Hans", "status.met")  # no catalogue of its own


# ------------------------------------------------------------------ date ranges


@pytest.mark.parametrize("lang, text", [
    ("zh-Hans", "期限 2014-03-01至2014-03-15,至2014-02-25,2014-03-05起"),
    ("zh-Hant", "期限 2014-03-01至2014-03-15,至2014-02-25,2014-03-05起"),
    ("en", "期限 2014-03-01 to 2014-03-15,until 2014-02-25,from 2014-03-05"),
])
def test_date_ranges_are_written_the_readers_way(lang: str, text: str) -> None:
    from masswork.i18n import date_range

    assert date_range("期限 2014-03-01..2014-03-15,..2014-02-25,2014-03-05..", lang) == text
    assert date_range("v1.2..3 and ...", lang) == "v1.2..3 and ..."  # not a date range


def test_a_range_in_a_message_follows_the_language_and_a_plans_words_do_not() -> None:
    from masswork.i18n import Msg, Words

    m = Msg.of("range.between", start="2014-03-01", end="2014-03-15")
    assert (m.render("zh-Hans"), m.render("en")) == ("2014-03-01至2014-03-15", "2014-03-01 to 2014-03-15")
    said = Msg.of("check.quote", quote=Words("2014-03-01..2014-03-15"))  # quoted as written
    assert "2014-03-01..2014-03-15" in said.render("zh-Hant")


# ------------------------------------------------------------------ regional terms

# Words a Taiwan or Hong Kong reader does not write (the Traditional catalogue says the
# right-hand word), and the reverse for the Simplified catalogue. 文件 stays in both where
# it means an official document (the plan's 文件); a file on disk is 檔案 / 文件.
MAINLAND_ONLY = {
    "字符串": "字串", "字符": "字元", "默認": "預設", "信息": "資訊", "程序員": "程式設計師",
    "服務器": "伺服器", "軟件": "軟體", "網絡": "網路", "鏈接": "連結", "導出": "匯出", "導入": "匯入",
    "調用": "呼叫", "數據": "資料", "打印": "列印", "菜單": "選單", "緩存": "快取", "磁盤": "磁碟",
    "屏幕": "螢幕", "視頻": "影片", "文件夾": "資料夾", "文件名": "檔名", "文本文件": "文字檔",
    "配置文件": "設定檔", "環境變量": "環境變數", "試運行": "試執行", "普通文件": "一般檔案",
    "模板": "範本", "套接字": "通訊端", "返回": "傳回",
}
TAIWAN_ONLY = {
    "字串": "字符串", "字元": "字符", "预设": "默认", "资讯": "信息", "伺服器": "服务器", "软体": "软件",
    "网路": "网络", "连结": "链接", "汇出": "导出", "汇入": "导入", "萤幕": "屏幕", "资料夹": "文件夹",
    "档案": "文件", "档名": "文件名", "设定档": "配置文件", "环境变数": "环境变量", "支援": "支持",
    "列印": "打印", "范本": "模板", "程式": "程序",
}


@pytest.mark.parametrize("pkg", [None, *PLUGINS], ids=lambda p: p.name if p else "masswork")
def test_each_chinese_catalogue_uses_its_regions_terms(pkg: Path | None) -> None:
    for lang, foreign in (("zh-Hant", MAINLAND_ONLY), ("zh-Hans", TAIWAN_ONLY)):
        bad = [f"{e.msgid}: {e.msgstr!r} has {w} (write {foreign[w]})"
               for e in load_po(lang, pkg) for w in foreign if w in e.msgstr]
        assert bad == [], lang
