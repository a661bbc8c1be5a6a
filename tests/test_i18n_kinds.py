"""What a person reads about a rule — its kind's description (``explain``'s lines, the
report's titles), the kinds' and formats' names — comes from the catalogues of each
language: Simplified text with no Traditional-only character, English with no Chinese
but the plan's own words. A plugin's (Traditional, English) pair is still read."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import masswork
from masswork.cli import cli
from masswork.errors import PluginError
from masswork.explain import checklist
from masswork.exporters import Exporter, ExportInput
from masswork.hanzi import to_simplified
from masswork.i18n import Msg
from masswork.kinds import BUILTIN_KINDS, Kind, KindRegistry, Outcome, ref
from masswork.testing import sample_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(ROOT.glob("examples/*/plan.toml"))
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Rules the examples do not write (per-unit, every unit, numbered intervals, credit rules,
# lengths of the campaign, same-day orders), on the s4 plan's roster.
EXTRA = [
    {"id": "x-unit", "clause": "X.1", "kind": "per-unit", "units": ["第一黨支部", "第二黨支部"],
     "activity": "主題黨日", "min": 2, "min_for": {"第一黨支部": 3}, "within": "10月"},
    {"id": "x-all", "clause": "X.2", "kind": "per-unit", "all_sections": True, "document": "整改事項",
     "action": "completed"},
    {"id": "x-every2", "clause": "X.3", "kind": "recurring", "activity": "主題黨日", "every": "month",
     "interval": 2, "due_day": 5},
    {"id": "x-credit", "clause": "X.4", "kind": "quantity", "min": 0, "activity": "主題黨日", "credit": 4,
     "credit_per": "half-day"},
    {"id": "x-hours", "clause": "X.5", "kind": "quantity", "min": 8, "per": "黨員", "activity": "主題黨日",
     "credit": 2, "credit_per": "event"},
    {"id": "x-length", "clause": "X.6", "kind": "duration", "length": "不少於3個月"},
    {"id": "x-same", "clause": "X.7", "kind": "order", "relation": "same_day", "activity": "談心談話",
     "anchor_activity": "主題黨日"},
    {"id": "x-report", "clause": "X.9", "kind": "report", "document": "整改事項", "to": ["機關黨委"],
     "per": "黨員", "within": "12月"},
]


def _extra_plan() -> masswork.Plan:
    data = tomllib.loads((ROOT / "examples" / "s4-jiguan-branches" / "plan.toml").read_text(encoding="utf-8"))
    data["requirements"] = [dict(r, quote="原文") for r in EXTRA]
    return masswork.load_plan(data)


def _untitled(plan: masswork.Plan) -> masswork.Plan:
    """The plan with its own titles dropped: every line is then the kind's description."""
    reqs = tuple(attrs.evolve(r, title="", title_en="") for r in plan.requirements)
    return attrs.evolve(plan, requirements=reqs)


def _plans() -> Iterator[tuple[str, masswork.Plan]]:
    for path in EXAMPLES:
        yield path.parent.name, masswork.load_plan(path)
    yield "sample", sample_plan()
    yield "extra", _extra_plan()


PLANS = dict(_plans())


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield from value.split("/")
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            yield from _strings(getattr(value, f.name))


def _plan_words(plan: masswork.Plan) -> list[str]:
    """Everything a line may quote from the plan: names (in either language), ids and the
    words of every rule's parameters (phrases such as 3月份, statements), longest first."""
    words = set(plan.names().values()) | set(plan.names("en").values()) | set(plan.names())
    for r in plan.requirements:
        words |= set(_strings(r.params))
    return sorted((w for w in words if w), key=len, reverse=True)


def _without(text: str, words: list[str]) -> str:
    for w in words:
        text = text.replace(w, " ")
    return text


def test_every_builtin_kind_is_described_here() -> None:
    seen = {r.kind for plan in PLANS.values() for r in plan.requirements}
    assert {k.name for k in BUILTIN_KINDS} <= seen


@pytest.mark.parametrize("name", sorted(PLANS))
def test_explain_lines_are_catalogued_in_each_language(name: str) -> None:
    plan = _untitled(PLANS[name])
    words = _plan_words(plan)
    hans = checklist(plan, "zh-Hans")
    hant = checklist(plan, "zh-Hant")
    en = checklist(plan, "en")
    for s, t, e in zip(hans, hant, en):
        for text in (s["text"], t["text"], e["text"]):
            assert text and "{" not in text.replace("{unit}", "") and "kind." not in text, text
        own = _without(s["text"], words)
        assert own == to_simplified(own), f"{s['rule']}: Traditional in Simplified: {s['text']}"
        assert not CJK.search(_without(e["text"], words)), f"{e['rule']}: Chinese in English: {e['text']}"
        assert "{unit}" not in s["text"] + t["text"] + e["text"]
        assert t["zh"] == t["text"] and e["en"] == e["text"]  # "zh"/"en": Traditional and English


def test_simplified_is_not_folded_character_by_character() -> None:
    # The catalogue's own words: 報送 → 报送, 環節 → 环节, 兩兩必談 → 两两必谈.
    plan = _untitled(PLANS["extra"])
    lines = {r["rule"]: r["text"] for r in checklist(plan, "zh-Hans")}
    assert "每两个月至少 1 次,次月5日前" in lines["x-every2"]
    assert lines["x-all"].startswith("每个单位至少 1 次") and "完成" in lines["x-all"]
    en = {r["rule"]: r["text"] for r in checklist(plan, "en")}
    assert "at least once every two months, due by day 5 of the next month" in en["x-every2"]
    assert "at least 2 times" in en["x-unit"] and "at least 3 times" in en["x-unit"]
    assert "lasts at least 3 months" in en["x-length"]
    assert "on the same day as" in en["x-same"]


def test_check_titles_follow_the_language() -> None:
    plan = _untitled(PLANS["sample"])
    report = masswork.check(plan, masswork.Schedule(plan=plan.id))
    for f in report.findings:
        hans, en = f.title("zh-Hans"), f.title("en")
        words = _plan_words(plan)
        assert _without(hans, words) == to_simplified(_without(hans, words)), hans
        assert not CJK.search(_without(en, words)), en
        assert f.to_dict("en")["titles"] == {"zh": f.title("zh-Hant"), "en": en}


def test_a_plans_own_title_is_quoted_in_every_script() -> None:
    plan = PLANS["s1-kejiju-phase1"]
    r = next(r for r in plan.requirements if r.title)
    row = next(x for x in checklist(plan, "zh-Hans") if x["rule"] == r.id)
    assert row["text"] == r.title


def test_cli_kinds_and_formats_speak_simplified() -> None:
    runner = CliRunner()
    for command in ("kinds", "formats"):
        out = runner.invoke(cli, [command, "--lang", "zh-Hans"]).output
        assert out and out == to_simplified(out), out
    out = runner.invoke(cli, ["kinds", "--lang", "en"]).output
    assert not CJK.search(out), out
    rows = json.loads(runner.invoke(cli, ["kinds", "--json", "--lang", "zh-Hans"]).output)
    occurs = next(r for r in rows if r["name"] == "occurs")
    assert (occurs["title"], occurs["title_zh"], occurs["title_en"]) == ("发生次数", "發生次數", "occurs")


# -- The legacy forms, as plugins written before the catalogues give them.

@attrs.frozen
class _Always:
    activity: str = ref("activity")


def _always(req: masswork.Requirement, ctx: Any) -> Outcome:
    return Outcome(True, "總是", "always")


def _pair(req: masswork.Requirement, plan: masswork.Plan) -> tuple[str, str]:
    return ("「{unit}」報送總結", "{unit} files its summary")


def _msg(req: masswork.Requirement, plan: masswork.Plan) -> Msg:
    return Msg.of("kind.describe.attest", statement="x")


def test_a_legacy_pair_is_still_read() -> None:
    from masswork.kinds.scope import describe

    kind = Kind("legacy", _Always, _always, _pair, "舊式", "old style")
    assert kind.title_text("zh-Hans") == "旧式" and kind.title_text("en") == "old style"
    assert (kind.title_zh, kind.title_en) == ("舊式", "old style")
    req = attrs.evolve(sample_plan().requirements[0], kind="legacy", params=_Always("座談會"))
    said = describe(kind, req, sample_plan())
    assert said.render("zh-Hant") == "「本單位」報送總結"
    assert said.render("zh-Hans") == "「本单位」报送总结"  # folded, as pair_text always did
    assert said.render("en") == "the unit files its summary"


def test_a_kind_titled_by_message() -> None:
    kind = Kind("new", _Always, _always, _msg, title="kind.title.attest")
    assert kind.title_text("zh-Hans") == "签字确认" and kind.title_zh == "簽字確認"
    assert kind.title_en == "attestation"
    assert kind.describe_msg(sample_plan().requirements[0], sample_plan()).render("en") == "signed confirmation: “x”"


def test_registry_errors_in_each_language() -> None:
    reg = KindRegistry()
    reg.register(BUILTIN_KINDS[0])
    with pytest.raises(PluginError) as exc:
        reg.register(BUILTIN_KINDS[0], plugin="other")
    assert "已由插件 masswork 注册" in exc.value.message("zh-Hans")
    assert "already registered by plugin masswork" in exc.value.message("en")
    with pytest.raises(PluginError) as exc:
        reg.register("occurs", plugin="other")  # type: ignore[arg-type]
    assert "注册的不是 Kind" in exc.value.message("zh-Hans")


def _noop(inp: ExportInput) -> bytes:
    return b""


def test_exporter_descriptions() -> None:
    legacy = Exporter("old", ".txt", _noop, "舊格式報告", "old report")
    assert legacy.description_text("zh-Hans") == "旧格式报告" and legacy.description_en == "old report"
    new = Exporter("new", ".json", _noop, message="export.json")
    assert new.description_text("zh-Hans") == "日程与检查报告(JSON)"
    assert new.description == "日程與檢查報告(JSON)" and new.description_en == "schedule and report (JSON)"
    assert attrs.evolve(new, description="自己的").description == "自己的"


def test_report_json_of_a_rule_without_title_has_both_titles() -> None:
    plan = _untitled(PLANS["sample"])
    report = masswork.check(plan, masswork.Schedule(plan=plan.id), as_of=dt.date(2014, 3, 15))
    d = report.to_dict("zh-Hans")["findings"][0]
    assert d["title"] and d["titles"]["en"] and d["titles"]["zh"]
