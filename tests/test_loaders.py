"""Reading plans and schedules: one structure in TOML and JSON, round-trips, `extends`, and
bad input reported with file, line or key path, what is wrong and what is expected."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

import masswork
from masswork.errors import InputError, PlanError
from masswork.loaders import tomlw
from masswork.testing import sample_plan, sample_schedule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PLAN_TOML = """
id = "mini"
title = "小方案"
year = 2014
start = "2014-02-01"
end = "2014-06-30"

[[roles]]
id = "班子成員"
includes = ["主要負責人"]
[[roles]]
id = "主要負責人"

[[people]]
id = "li"
name = "李飛"
roles = ["主要負責人"]
[[people]]
id = "sun"
name = "孫平"
roles = ["班子成員"]

[[activities]]
id = "座談會"
name_en = "forum"

[[requirements]]
id = "forums"
clause = "S3.4.2"
quote = "至少召開2次座談會"
kind = "per-person"
activity = "座談會"
role = "班子成員"
min = 1
min_for = { "主要負責人" = 2 }
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems(exc: InputError) -> list[str]:
    return [p.text("en") for p in exc.problems]


def test_toml_and_json_have_one_structure(tmp_path: Path) -> None:
    from_toml = masswork.load_plan(write(tmp_path, "p.toml", PLAN_TOML))
    data = tomllib.loads(PLAN_TOML)
    from_json = masswork.load_plan(write(tmp_path, "p.json", json.dumps(data, ensure_ascii=False)))
    assert from_toml == from_json
    req = from_toml.requirement("forums")
    assert req.params.min_for == {"主要負責人": 2}
    assert req.clause == "S3.4.2" and req.quote == "至少召開2次座談會"


def test_plan_round_trips_through_json_and_toml() -> None:
    plan = sample_plan()
    data = masswork.plan_to_dict(plan)
    assert masswork.plan_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == plan
    assert masswork.plan_from_dict(tomllib.loads(tomlw.dumps(data))) == plan


def test_schedule_round_trips_through_json_and_toml() -> None:
    sched = sample_schedule()
    data = masswork.schedule_to_dict(sched)
    assert masswork.schedule_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == sched
    assert masswork.schedule_from_dict(tomllib.loads(tomlw.dumps(data))) == sched


def test_plans_can_be_built_in_python_and_checked() -> None:
    report = masswork.check(sample_plan(), sample_schedule())
    assert {f.rule for f in report.findings} == {r.id for r in sample_plan().requirements}


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.toml", 'id = "x"\ntitle = "t"\nyear = = 2014\n')
    with pytest.raises(InputError) as e:
        masswork.load_plan(p)
    (prob,) = e.value.problems
    assert prob.file == str(p) and prob.line == 3
    assert "TOML" in prob.en and "語法" in prob.zh


def test_json_syntax_error_names_line(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.json", '{\n  "id": "x",\n  "title": \n}\n')
    with pytest.raises(InputError) as e:
        masswork.load_plan(p)
    assert e.value.problems[0].line == 4


def test_unknown_key_gets_nearest_known_key(tmp_path: Path) -> None:
    p = write(tmp_path, "p.toml", PLAN_TOML.replace("min = 1", "mn = 1"))
    with pytest.raises(InputError) as e:
        masswork.load_plan(p)
    (prob,) = e.value.problems
    assert prob.path == ("requirements", 0, "mn")
    assert prob.line == PLAN_TOML.splitlines().index("min = 1") + 1
    assert prob.hint == "min"
    assert "requirements[0].mn" in prob.text("en") and "did you mean" in prob.text("en")


def test_wrong_type_names_key_path_and_expected(tmp_path: Path) -> None:
    p = write(tmp_path, "p.toml", PLAN_TOML.replace("min = 1", 'min = "one"'))
    with pytest.raises(InputError) as e:
        masswork.load_plan(p)
    (prob,) = e.value.problems
    assert prob.path == ("requirements", 0, "min")
    assert prob.expected and "expected: an integer" in prob.text("en") and "整數" in prob.text("zh-Hant")


def test_unknown_kind_is_reported_with_hint(tmp_path: Path) -> None:
    p = write(tmp_path, "p.toml", PLAN_TOML.replace('kind = "per-person"', 'kind = "per_person"'))
    with pytest.raises(InputError) as e:
        masswork.load_plan(p)
    assert e.value.problems[0].hint == "per-person"


def test_unknown_role_reference(tmp_path: Path) -> None:
    p = write(tmp_path, "p.toml", PLAN_TOML.replace('role = "班子成員"', 'role = "班子成员x"'))
    with pytest.raises(PlanError) as e:
        masswork.load_plan(p)
    (prob,) = e.value.problems
    assert prob.path == ("requirements", 0, "role") and prob.hint == "班子成員"


@pytest.mark.parametrize("phrase, words", [("2月30日前", "2月30日"), ("13月上旬", "13"), ("下個月吧", "")])
def test_impossible_or_unreadable_dates(tmp_path: Path, phrase: str, words: str) -> None:
    text = PLAN_TOML + f'within = "{phrase}"\n'
    with pytest.raises(PlanError) as e:
        masswork.load_plan(write(tmp_path, "p.toml", text))
    (prob,) = e.value.problems
    assert prob.path == ("requirements", 0, "within")
    assert words in prob.text("zh") and prob.expected


def test_deadline_before_campaign_start_cannot_be_met(tmp_path: Path) -> None:
    text = PLAN_TOML + '\n[[requirements]]\nid = "early"\nclause = "X"\nkind = "deadline"\nactivity = "座談會"\nwithin = "1月上旬"\n'
    with pytest.raises(PlanError) as e:
        masswork.load_plan(write(tmp_path, "p.toml", text))
    assert "cannot be met" in problems(e.value)[0]


def test_duplicate_ids_across_namespaces(tmp_path: Path) -> None:
    text = PLAN_TOML + '\n[[bodies]]\nid = "座談會"\n'
    with pytest.raises(PlanError) as e:
        masswork.load_plan(write(tmp_path, "p.toml", text))
    assert "duplicate id" in problems(e.value)[0]


def test_cyclic_order_is_rejected(tmp_path: Path) -> None:
    text = PLAN_TOML + """
[[activities]]
id = "動員大會"
[[requirements]]
id = "a"
clause = "X.1"
kind = "order"
activity = "座談會"
anchor_activity = "動員大會"
[[requirements]]
id = "b"
clause = "X.2"
kind = "order"
activity = "動員大會"
anchor_activity = "座談會"
"""
    with pytest.raises(PlanError) as e:
        masswork.load_plan(write(tmp_path, "p.toml", text))
    assert any("cycle" in t for t in problems(e.value))


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = PLAN_TOML.replace("min = 1", "mn = 1").replace('quote = "至少召開2次座談會"', "quote = 3")
    with pytest.raises(InputError) as e:
        masswork.load_plan(write(tmp_path, "p.toml", text))
    assert len(e.value.problems) == 2


def test_extends_merges_by_id_and_tightens(tmp_path: Path) -> None:
    write(tmp_path, "base.toml", PLAN_TOML)
    child = write(tmp_path, "unit.toml", """
extends = "base.toml"
id = "unit"
title = "單位方案"
remove = []
[[people]]
id = "zhou"
name = "周蘭"
roles = ["班子成員"]
[[requirements]]
id = "forums"
clause = "S3.4.2"
kind = "per-person"
activity = "座談會"
role = "班子成員"
min = 2
""")
    plan = masswork.load_plan(child)
    assert plan.id == "unit" and plan.extends == "mini" and plan.year == 2014
    assert {p.id for p in plan.people} == {"li", "sun", "zhou"}
    assert plan.requirement("forums").params.min == 2


def test_extends_remove_and_cycle(tmp_path: Path) -> None:
    write(tmp_path, "base.toml", PLAN_TOML)
    child = write(tmp_path, "unit.toml", 'extends = "base.toml"\nid = "u"\nremove = ["forums"]\n')
    assert masswork.load_plan(child).requirements == ()
    write(tmp_path, "a.toml", 'extends = "b.toml"\nid = "a"\n')
    write(tmp_path, "b.toml", 'extends = "a.toml"\nid = "b"\n')
    with pytest.raises(InputError) as e:
        masswork.load_plan(tmp_path / "a.toml")
    assert "cycle" in problems(e.value)[0]


def test_schedule_unknown_person_and_type(tmp_path: Path) -> None:
    plan = masswork.load_plan(write(tmp_path, "p.toml", PLAN_TOML))
    sched = write(tmp_path, "s.toml", 'plan = "mini"\n[[events]]\nid = "e1"\ntype = "座談"\nstart = 2014-03-01\nhost = "nobody"\n')
    with pytest.raises(PlanError) as e:
        masswork.load_schedule(sched, plan)
    paths = {p.path: p.line for p in e.value.problems}
    assert paths == {("events", 0, "type"): 4, ("events", 0, "host"): 6}
    assert all(p.file == str(sched) for p in e.value.problems)


def test_schedule_impossible_date(tmp_path: Path) -> None:
    sched = write(tmp_path, "s.json", json.dumps({"plan": "mini", "events": [
        {"id": "e1", "type": "座談會", "start": "2014-02-30"}]}))
    with pytest.raises(InputError) as e:
        masswork.load_schedule(sched)
    (prob,) = e.value.problems
    assert prob.path == ("events", 0, "start") and "2014-02-30" in prob.en


def test_non_strict_plan_turns_unknown_references_into_warnings(tmp_path: Path) -> None:
    plan = masswork.load_plan(write(tmp_path, "p.toml", PLAN_TOML + "\n[options]\nstrict_references = false\n"))
    sched = masswork.load_schedule(write(tmp_path, "s.toml",
                                         'plan = "mini"\n[[events]]\nid = "e1"\ntype = "座談會"\nstart = 2014-03-03\nhost = "ghost"\n'),
                                   plan)
    report = masswork.check(plan, sched)
    assert any(w.code == "unknown-reference" and "ghost" in w.message_en for w in report.warnings)


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        masswork.load_plan(tmp_path / "nope.toml")
    p = tmp_path / "gbk.toml"
    p.write_bytes('id = "x"\ntitle = "學習"\n'.encode("gb18030"))
    with pytest.raises(InputError) as e:
        masswork.load_plan(p)
    assert e.value.problems[0].line == 2 and "UTF-8" in e.value.problems[0].en


def test_toml_writer_escapes_everything() -> None:
    nasty = 'a"b\\c\nd\te\x00f\x7fg\u202e 😀 """'
    data = {"s": nasty, "t": [{"k": nasty, "m": {"鍵 with space": 1}}], "d": dt.date(2014, 2, 24)}
    assert tomllib.loads(tomlw.dumps(data)) == data


def test_models_are_frozen() -> None:
    plan = sample_plan()
    with pytest.raises(AttributeError):
        plan.id = "x"  # type: ignore[misc]


def test_atomic_write_gives_ordinary_file_mode(tmp_path: Path) -> None:
    import os
    import stat

    from masswork.loaders import write_atomic

    target = tmp_path / "out.txt"
    write_atomic(target, "一")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_atomic(target, "二")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text(encoding="utf-8") == "二"


def test_locate_toml_finds_nested_keys() -> None:
    from masswork.loaders.files import locate_toml

    text = '[options]\nlead_days = [7]\n\n[[people]]\nid = "a"\n\n[[people]]\nid = "b"\n"roles" = ["x"]\n'
    assert locate_toml(text, ("options", "lead_days")) == 2
    assert locate_toml(text, ("people", 1, "roles", 0)) == 9
    assert locate_toml(text, ("people", 1, "missing")) == 7  # the table it should be in
    assert locate_toml(text, ("nowhere",)) is None


def test_schedule_of_another_plan_is_flagged() -> None:
    import attrs as _attrs

    report = masswork.check(sample_plan(), _attrs.evolve(sample_schedule(), plan="other"))
    assert any(w.code == "plan-mismatch" and "other" in w.message_en for w in report.warnings)
    assert not any(w.code == "plan-mismatch" for w in masswork.check(sample_plan(), sample_schedule()).warnings)


def test_phase_ending_before_it_starts_and_window_outside_phase(tmp_path: Path) -> None:
    text = PLAN_TOML + """
[[phases]]
id = "p1"
start = "3月1日"
end = "2月1日"
[[phases]]
id = "p2"
start = "4月1日"
end = "4月30日"
[[requirements]]
id = "x"
clause = "X.9"
kind = "occurs"
activity = "座談會"
within = "3月份"
in_phase = "p2"
"""
    with pytest.raises(PlanError) as e:
        masswork.load_plan(write(tmp_path, "p.toml", text))
    got = {(p.path, "before it starts" in p.en or "does not overlap" in p.en) for p in e.value.problems}
    assert got == {(("phases", 0, "end"), True), (("requirements", 1, "within"), True)}
