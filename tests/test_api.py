"""The Python API gives what the command line gives: the same report (with the installed
plugins' working-day calendar), typed constructors that fail with the field's path, plans
merged without the working directory, and no ``Any`` reaching a caller under mypy --strict."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import masswork
from masswork.testing import sample_plan
from masswork.testing.cli import example_cases, run_masswork

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("plan_path, schedule_path", example_cases(Path(__file__)))
@pytest.mark.parametrize("as_of", [None, "2014-03-05", "2014-06-30"])
def test_check_to_dict_equals_cli_json(plan_path: Path, schedule_path: Path, as_of: str | None) -> None:
    extra = ["--as-of", as_of] if as_of else []
    cli = json.loads(run_masswork("check", plan_path, schedule_path, "--format", "json", *extra,
                                  ok=(0, 1)).stdout)
    plan = masswork.load_plan(plan_path)
    report = masswork.check(plan, masswork.load_schedule(schedule_path, plan),
                            as_of=dt.date.fromisoformat(as_of) if as_of else None)
    assert report.to_dict() == cli
    assert all(f["title"] for f in cli["findings"])


def test_check_uses_the_installed_calendar() -> None:
    from masswork.plugins import get_calendar

    assert get_calendar().name != "weekends"  # masswork-holidays-cn is installed for the tests
    plan = sample_plan()
    sched = masswork.Schedule(plan.id, events=(masswork.Event("x", "座談會", dt.date(2014, 10, 1), host="li-fei"),))
    assert any(w.code == "non-working-day" and w.subject == "x" for w in masswork.check(plan, sched).warnings)


@pytest.mark.parametrize("build, path", [
    (lambda: masswork.Plan("p", "t", 2014, people=("li-fei",)), "people[0]"),  # type: ignore[arg-type]
    (lambda: masswork.Plan("p", "t", "2014"), "year"),  # type: ignore[arg-type]
    (lambda: masswork.Event("e", "座談會", "2014-03-04"), "start"),  # type: ignore[arg-type]
    (lambda: masswork.Schedule("p", events=(masswork.Person("a", "A"),)), "events[0]"),  # type: ignore[arg-type]
])
def test_wrong_type_raises_input_error_with_the_field_path(build: object, path: str) -> None:
    with pytest.raises(masswork.InputError) as info:
        build()  # type: ignore[operator]
    assert info.value.message("en").startswith(path + ": wrong type")


def test_merge_plans_from_plan_or_dict() -> None:
    base = sample_plan()
    child = {"id": "unit", "title": "本單位方案", "year": 2014,
             "people": [{"id": "li-fei", "name": "李飛(組長)", "roles": ["主要負責人", "班子成員"]}]}
    merged = masswork.merge_plans(base, child)
    assert merged.id == "unit" and merged.extends == base.id
    assert [p.name for p in merged.people if p.id == "li-fei"] == ["李飛(組長)"]
    assert len(merged.requirements) == len(base.requirements)
    rid = base.requirements[0].id
    smaller = masswork.merge_plans(masswork.plan_to_dict(base), {**child, "remove": [rid]})
    assert rid not in {r.id for r in smaller.requirements}


def test_extends_resolved_against_the_base_dir_never_the_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_file = tmp_path / "plans" / "city.json"
    base_file.parent.mkdir()
    base_file.write_text(json.dumps(masswork.plan_to_dict(sample_plan()), ensure_ascii=False), encoding="utf-8")
    child = {"extends": "city.json", "id": "unit", "title": "t", "year": 2014}
    monkeypatch.chdir(tmp_path / "plans")  # the working directory has the file; it must not be used
    with pytest.raises(masswork.InputError) as info:
        masswork.resolve_plan(child)
    assert "base directory" in info.value.message("en")
    data = masswork.resolve_plan(child, base_dir=base_file.parent)
    assert data["id"] == "unit" and data["requirements"]
    monkeypatch.chdir(tmp_path)
    assert masswork.resolve_plan(child, file=base_file.parent / "unit.json")["extends"] == sample_plan().id


CONSUMER = '''
import datetime as dt
import masswork

plan = masswork.load_plan("plan.toml")
schedule = masswork.load_schedule("schedule.toml", plan)
report = masswork.check(plan, schedule, as_of=dt.date(2014, 3, 5))
reveal_type(report)
finding = report.findings[0]
reveal_type(finding)
reveal_type(finding.status)
reveal_type(finding.title("en"))
reveal_type(finding.shortfall)
short = finding.shortfall[0]
reveal_type(short.ids)
reveal_type(short.need)
reveal_type(short.text("en"))
reveal_type(report.to_dict())
read = masswork.read_schedule(b"", plan, name="x.csv")
reveal_type(read.schedule)
merged = masswork.merge_plans(plan, {"id": "u"})
reveal_type(merged.people)
reveal_type(masswork.Person("a", "A").roles)
'''


def test_mypy_strict_consumer_sees_no_any(tmp_path: Path) -> None:
    script = tmp_path / "consumer.py"
    script.write_text(CONSUMER, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                           "--cache-dir", str(tmp_path / ".mypy"), str(script)],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    revealed = re.findall(r'Revealed type is "(.*)"', proc.stdout)
    assert len(revealed) == CONSUMER.count("reveal_type("), proc.stdout
    errors = [ln for ln in proc.stdout.splitlines() if ": error:" in ln]
    assert errors == [], proc.stdout
    # to_dict() is plain JSON data: a dict of Any values is what JSON is; nothing else may be Any.
    pieces = CONSUMER.split("reveal_type(")[1:]
    json_data = revealed.pop(next(i for i, p in enumerate(pieces) if p.startswith("report.to_dict()")))
    assert json_data in ("dict[str, Any]", "builtins.dict[builtins.str, Any]")
    typed = revealed
    assert not [t for t in typed if "Any" in t], revealed


def test_mypy_strict_on_the_public_api_modules() -> None:
    # CI runs mypy on the modules that make the public API of this issue (readers, api,
    # typed constructors, report) and on the reader and server plugins; errors in modules
    # they import are other modules' own business (--follow-imports=silent).
    files = ["src/masswork/api.py", "src/masswork/readers", "src/masswork/typecheck.py", "src/masswork/report.py",
             "src/masswork/shortfalls.py", "src/masswork/builtin/readers.py",
             "plugins/masswork-xlsx/src/masswork_xlsx/reader.py", "plugins/masswork-server/src/masswork_server"]
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", *files],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_pair_shortfall_is_two_ids_with_words_in_the_message_language() -> None:
    example = ROOT / "examples" / "s2-kejiju-campaign"
    plan = masswork.load_plan(example / "plan.toml")
    report = masswork.check(plan, masswork.load_schedule(example / "schedule-flawed.toml", plan))
    talks = report.finding("S2.5.2.1-talks")
    pair = talks.shortfall[0]
    assert len(pair.ids) == 2 and all(i in {p.id for p in plan.people} for i in pair.ids)
    assert pair.code == "pair-not-met" and pair.text("en") != pair.text("zh")
    zh, en = (next(s for s in report.to_dict(lang)["findings"] if s["rule"] == "S2.5.2.1-talks")["shortfall"][0]
              for lang in ("zh", "en"))
    assert zh["subjects"] == list(pair.ids) and zh["subject"] == pair.subject  # the old field kept
    assert (zh["text"], en["text"]) == (pair.text("zh"), pair.text("en")) and zh["detail"] == en["detail"]
    assert talks.title("en") and talks.title("zh")
