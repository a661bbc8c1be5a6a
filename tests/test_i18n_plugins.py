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
    assert len(named) >= 3
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
