"""The command line as a user meets it: exit codes, bilingual messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import masswork
from masswork.loaders import tomlw
from masswork.testing import sample_plan, sample_schedule


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.toml"
    plan.write_text(tomlw.dumps(masswork.plan_to_dict(sample_plan())), encoding="utf-8")
    sched = tmp_path / "schedule.json"
    sched.write_text(json.dumps(masswork.schedule_to_dict(sample_schedule()), ensure_ascii=False), encoding="utf-8")
    return plan, sched


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_check_text_exit_1_when_something_fails(files: tuple[Path, Path]) -> None:
    r = run("check", *files)
    assert r.returncode == 1, r.stderr
    assert "未達標" in r.stdout and "[X.4.2] forums" in r.stdout and "孫平" in r.stdout
    en = run("check", *files, "--lang", "en")
    assert "unmet" in en.stdout and "short of forum" in en.stdout


def test_check_json_contract(files: tuple[Path, Path]) -> None:
    r = run("check", *files, "--format", "json", "--as-of", "2014-03-01")
    data = json.loads(r.stdout)
    assert data["as_of"] == "2014-03-01"
    for f in data["findings"]:
        assert {"rule", "clause", "kind", "status", "message", "evidence"} <= f.keys()
    statuses = {f["rule"]: f["status"] for f in data["findings"]}
    assert statuses["mobilization"] == "met" and statuses["central-study"] == "open"


def test_check_exit_0_when_all_met(tmp_path: Path, files: tuple[Path, Path]) -> None:
    plan = sample_plan()
    import attrs

    only_met = attrs.evolve(plan, requirements=tuple(r for r in plan.requirements
                                                     if r.id in {"mobilization", "central-study", "study-plan", "honest"}))
    p = tmp_path / "met.toml"
    p.write_text(tomlw.dumps(masswork.plan_to_dict(only_met)), encoding="utf-8")
    assert run("check", p, files[1]).returncode == 0


@pytest.mark.parametrize("args, words", [
    (("check", "missing.toml", "missing.toml", "--lang", "en"), "file not found"),
    (("check", "missing.toml", "missing.toml", "--lang", "zh-Hans"), "文件不存在"),
    (("check", "{plan}", "{sched}", "--as-of", "2014-02-30", "--lang", "en"), "not a date"),
    (("check", "{plan}", "{sched}", "--as-of", "2014-02-30"), "不是日期"),
    (("export", "{plan}", "{sched}", "--format", "csvv", "--lang", "en"), "did you mean 'csv'"),
    (("export", "{plan}", "{sched}", "--format", "csvv", "--lang", "zh-Hant"), "您是否想寫 'csv'"),
])
def test_bad_input_exit_2_without_traceback(files: tuple[Path, Path], args: tuple[str, ...], words: str) -> None:
    plan, sched = files
    r = run(*(a.format(plan=plan, sched=sched) for a in args))
    assert r.returncode == 2
    assert words in r.stderr and "Traceback" not in r.stderr + r.stdout


def test_broken_plan_message_names_file_and_key_path(tmp_path: Path, files: tuple[Path, Path]) -> None:
    text = files[0].read_text(encoding="utf-8").replace('within = "2月下旬"', 'within = "2月30日前"')
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    r = run("check", bad, files[1], "--lang", "en")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    line = text.splitlines().index('within = "2月30日前"') + 1
    assert f"{bad}:{line}: requirements[0].within" in r.stderr and "2月30日" in r.stderr
    assert "expected: a day from 1 to 28" in r.stderr


def test_explain_lists_requirements_with_clauses(files: tuple[Path, Path]) -> None:
    r = run("explain", files[0])
    assert r.returncode == 0
    assert "[X.4.2]" in r.stdout and "「主要負責同志至少召開2次座談會" in r.stdout
    data = json.loads(run("explain", files[0], "--format", "json").stdout)
    assert len(data["requirements"]) == len(sample_plan().requirements)


def test_export_builtin_formats(tmp_path: Path, files: tuple[Path, Path]) -> None:
    for fmt in ("json", "csv", "csv-findings", "markdown"):
        out = tmp_path / f"out.{fmt}"
        r = run("export", *files, "--format", fmt, "-o", out)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 0
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(data["schedule"]["events"]) == len(sample_schedule().events)
    assert len(data["report"]["findings"]) == len(sample_plan().requirements)


def test_formats_plugins_kinds_schema_commands() -> None:
    formats = json.loads(run("formats", "--json").stdout)
    assert {"json", "csv", "csv-findings", "markdown"} <= {f["name"] for f in formats}
    plugins = json.loads(run("plugins", "--json").stdout)
    assert "masswork.builtin.exporters" in {p["name"] for p in plugins["plugins"]}
    kinds = json.loads(run("kinds", "--json").stdout)
    assert len(kinds) >= 13
    assert json.loads(run("schema", "report").stdout)["title"] == "masswork check report"


def test_version_and_help() -> None:
    assert masswork.__version__ in run("--version").stdout
    assert "check" in run("--help").stdout


def test_closed_pipe_is_quiet(files: tuple[Path, Path]) -> None:
    r = subprocess.run(f"{sys.executable} -m masswork explain {files[0]} | head -1", shell=True,
                       capture_output=True, text=True, timeout=120)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
