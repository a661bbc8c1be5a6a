"""Languages and catalogues: the choice of language, every message in every catalogue, the
compiled catalogues up to date, and the same findings whatever the language."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from masswork.i18n import LANGS, Msg, Name, labels, normalize, resolve, tr
from masswork.i18n.build import load_po, problems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("s*-*/plan.toml"))
SOURCES = [*sorted((ROOT / "src").rglob("*.py")), *sorted((ROOT / "plugins").glob("*/src/**/*.py"))]


@pytest.mark.parametrize("tag, lang", [
    ("zh-Hans", "zh-Hans"), ("zh_CN", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"),
    ("zh_CN.UTF-8", "zh-Hans"), ("zh-Hans-CN", "zh-Hans"), ("ZH-hans", "zh-Hans"),
    ("zh-Hant", "zh-Hant"), ("zh_TW", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh_HK", "zh-Hant"),
    ("zh-MO", "zh-Hant"), ("zh_TW.Big5", "zh-Hant"), ("zh-Hant-HK", "zh-Hant"),
    ("zh", "zh-Hant"),  # what --lang zh meant before Simplified existed
    ("en", "en"), ("en_US", "en"), ("en-GB", "en"), ("en_US.UTF-8", "en"),
    ("fr_FR", None), ("", None), ("C", None),
])
def test_language_tags(tag: str, lang: str | None) -> None:
    assert normalize(tag) == lang


@pytest.mark.parametrize("explicit, env, plan, lang", [
    ("en", {"MASSWORK_LANG": "zh-CN"}, "黨組", "en"),                     # --lang first
    (None, {"MASSWORK_LANG": "zh-CN", "LC_ALL": "en_US.UTF-8"}, "", "zh-Hans"),
    (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "", "zh-Hant"),
    (None, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "", "en"),
    (None, {"LANG": "zh_CN.UTF-8"}, "黨組", "zh-Hans"),
    (None, {"LANG": "C.UTF-8"}, "党组书记", "zh-Hans"),                     # C names no language
    (None, {"LANG": "POSIX"}, "黨組書記", "zh-Hant"),
    (None, {"LANG": "fr_FR.UTF-8"}, "党组书记", "zh-Hans"),                 # unknown: the plan decides
    (None, {}, "abc", "zh-Hant"),
])
def test_language_choice_order(explicit: str | None, env: dict[str, str], plan: str, lang: str) -> None:
    assert resolve(explicit, plan_text=plan, env=env) == lang


def test_an_unknown_explicit_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        resolve("klingon")


# ------------------------------------------------------------------ catalogues


def test_catalogues_are_complete_reviewed_and_compiled() -> None:
    assert problems() == []


def _codes_used() -> dict[str, list[tuple[str, set[str] | None]]]:
    """code → [(where, keyword names passed or None when passed as **kwargs)] for every
    Msg.of("code", …) and tr(lang, "code", …) in the sources."""
    out: dict[str, list[tuple[str, set[str] | None]]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            pos = 0 if name == "of" and isinstance(f, ast.Attribute) and getattr(f.value, "id", "") == "Msg" \
                else 1 if name == "tr" and isinstance(f, ast.Name) else None  # X.tr: a plugin's catalogue
            if pos is None or len(node.args) <= pos:
                continue
            arg = node.args[pos]
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                continue
            kws = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords if k.arg}
            out.setdefault(arg.value, []).append((f"{path.relative_to(ROOT)}:{node.lineno}", kws))
    return out


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_used_is_in_every_catalogue_with_its_parameters() -> None:
    used = _codes_used()
    assert len(used) > 30, "the scan found the messages"
    catalogues = {lang: {e.msgid: e.msgstr for e in load_po(lang)} for lang in LANGS}
    missing = [f"{lang}: {code} ({where[0][0]})" for code, where in used.items()
               for lang in LANGS if code not in catalogues[lang]]
    assert missing == []
    wrong = []
    for code, calls in used.items():
        for lang in LANGS:
            fields = _fields(catalogues[lang][code])
            for where, kws in calls:
                if kws is not None and not fields <= kws:
                    wrong.append(f"{where}: {lang} {code} wants {sorted(fields - kws)}")
    assert wrong == []


def test_message_families_built_from_names_are_complete() -> None:
    from masswork.builtin.exporters import FINDINGS_HEADER, LEDGER_HEADER
    from masswork.model import EventStatus
    from masswork.report import Status
    from masswork.shortfalls import TEMPLATES

    codes = ({"status." + s.value for s in Status} | {"event." + s.value for s in EventStatus}
             | {"col." + en for en, _ in (*LEDGER_HEADER, *FINDINGS_HEADER)}
             | {"shortfall." + code for code in TEMPLATES})
    for lang in LANGS:
        have = {e.msgid for e in load_po(lang)}
        assert codes - have == set(), lang


def test_every_language_has_the_same_placeholders() -> None:
    catalogues = {lang: {e.msgid: e.msgstr for e in load_po(lang)} for lang in LANGS}
    differ = [code for code, en in catalogues["en"].items()
              if not (_fields(en) == _fields(catalogues["zh-Hans"][code]) == _fields(catalogues["zh-Hant"][code]))]
    assert differ == []


_HANS_ONLY = set("这个们说为国会时对发经进动书党组责门报条项态体与义见现")
_HANT_ONLY = set("這個們說為國會時對發經進動書黨組責門報條項態體與義見現")


def test_each_chinese_catalogue_is_written_in_its_own_script() -> None:
    for lang, foreign in (("zh-Hans", _HANT_ONLY), ("zh-Hant", _HANS_ONLY)):
        bad = [(e.msgid, e.msgstr) for e in load_po(lang) if set(e.msgstr) & foreign]
        assert bad == [], lang


def test_reviewed_terms_of_the_simplified_catalogue() -> None:
    # The campaign's own terms, as mainland documents write them.
    text = "\n".join(e.msgstr for e in load_po("zh-Hans"))
    for traditional, simplified in (("黨組", "党组"), ("領導班子", "领导班子"), ("民主生活會", "民主生活会"),
                                    ("對照檢查材料", "对照检查材料"), ("檢查", "检查"), ("條款", "条款")):
        hant = "\n".join(e.msgstr for e in load_po("zh-Hant"))
        if traditional in hant:
            assert simplified in text, traditional


def test_messages_render_names_as_written_and_lists_per_language() -> None:
    m = Msg.of("check.responsible", who=(Name("黨組書記", "party secretary"), Name("王建國")))
    assert m.render("zh-Hans") == "责任:黨組書記、王建國"  # plan words are quoted, not converted
    assert m.render("zh-Hant") == "責任:黨組書記、王建國"
    assert m.render("en") == "responsible: party secretary (黨組書記), 王建國"
    assert tr("zh-CN", "check.due", due=dt.date(2014, 3, 20)) == "期限:2014-03-20"
    assert Msg.of("status.met").to_dict() == {"code": "status.met", "params": {}}


def test_folded_plugin_labels_agree_with_opencc() -> None:
    """A third-party plugin written before catalogues gives a Traditional/English label table
    (the example TSV plugin does); ``labels()`` folds it to Simplified character by
    character, right only if it agrees with a phrase-aware converter on such labels. The
    bundled plugins have catalogues of their own (tests/test_i18n_plugins.py)."""
    import opencc

    import masswork_tsv

    conv = opencc.OpenCC("t2s")
    table = {"zh": {en: zh for en, zh in masswork_tsv.HEADER}}
    folded = labels(table, "zh-Hans")
    assert {k: v for k, v in folded.items() if v != conv.convert(table["zh"][k])} == {}


# ------------------------------------------------------------------ same findings in every language


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", check=False)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_same_findings_in_every_language(example: Path) -> None:
    plan, sched = example / "plan.toml", example / "schedule-flawed.toml"
    seen = {}
    for lang in LANGS:
        r = _run("check", plan, sched, "--as-of", "2014-06-30", "--format", "json", "--lang", lang)
        assert r.returncode in (0, 1), r.stderr
        data = json.loads(r.stdout)
        seen[lang] = [(f["rule"], f["status"]) for f in data["findings"]]
        for f in data["findings"]:
            assert set(f["messages"]) >= {"zh", "en", "zh-Hans", "zh-Hant"}
            assert f["message"] == f["messages"][lang]
            assert f["messages"]["zh"] == f["messages"]["zh-Hant"]
    assert seen["zh-Hans"] == seen["zh-Hant"] == seen["en"]


def test_default_language_is_the_plans_script(tmp_path: Path) -> None:
    from masswork.hanzi import to_simplified

    example = EXAMPLES[0]
    for name in ("plan.toml", "schedule-flawed.toml"):
        (tmp_path / name).write_text(to_simplified((example / name).read_text(encoding="utf-8")), encoding="utf-8")
    simplified = _run("check", tmp_path / "plan.toml", tmp_path / "schedule-flawed.toml")
    traditional = _run("check", example / "plan.toml", example / "schedule-flawed.toml")
    assert "评估日期" in simplified.stdout and "合计" in simplified.stdout
    assert "評估日期" in traditional.stdout and "合計" in traditional.stdout


def test_folded_finding_messages_agree_with_opencc() -> None:
    """A plugin's findings worded the old way, as a Traditional/English pair, reach
    Simplified readers by the character fold (masswork's own kinds speak through the
    catalogues). The fold must agree with OpenCC on the kind of text findings hold: every
    Traditional message of every example (benchmarks/simplified_fold.py measures the same
    and the speed)."""
    import opencc

    import masswork
    from masswork.hanzi import to_simplified
    from masswork.plugins import get_calendar, get_kinds

    conv = opencc.OpenCC("t2s")
    msgs: set[str] = set()
    for ex in EXAMPLES:
        plan = masswork.load_plan(ex / "plan.toml")
        for sched in ("schedule-complete.toml", "schedule-flawed.toml"):
            schedule = masswork.load_schedule(ex / sched, plan)
            for day in (None, dt.date(2014, 4, 15), dt.date(2014, 12, 31)):
                report = masswork.check(plan, schedule, day, kinds=get_kinds(), calendar=get_calendar())
                msgs.update(f.message("zh-Hant") for f in report.findings)
                msgs.update(w.message("zh-Hant") for w in report.warnings)
    assert len(msgs) > 100
    assert [m for m in sorted(msgs) if to_simplified(m) != conv.convert(m)] == []


def test_a_message_parameter_may_be_called_cls_or_code() -> None:
    # A class's name is a natural parameter (typecheck.wrong_type, plugins.not_instance);
    # Msg.of and tr take their own arguments positionally so such names pass through.
    from masswork.i18n import Msg, tr

    msg = Msg.of("typecheck.wrong_type", cls="Plan", value="1", type="int")
    assert msg.render("en") == "wrong type for Plan: 1 (int)"
    assert "Plan" in tr("zh-Hans", "typecheck.wrong_type", cls="Plan", value="1", type="int")


def test_a_message_without_parameters_can_be_built_directly() -> None:
    # Msg(code, package=…) with no parameters (a plugin's "expected" words) once failed in the
    # converter, and the docx reader's error became an internal error.
    import attrs

    from masswork.i18n import Msg

    msg = Msg("load.expected.keys")
    assert msg.params == () and attrs.evolve(msg) == msg
