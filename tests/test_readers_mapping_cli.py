"""``--mapping FILE`` on the command line: ``check``, ``export`` and ``remind`` read a unit's
table through the mapping file named, as they would with ``<stem>.mapping.toml`` beside it;
a wrong mapping file is reported with its file, key path and line (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

from masswork.loaders import plan_to_dict
from masswork.loaders.files import dumps_json
from masswork.testing import sample_plan
from masswork.testing.cli import run_masswork

TABLE = "序,開會日子,會議,誰主持,到會\n1,2014/3/4,座談會,李飛,孫平\n2,2014/3/12,座談會,孫平,李飛\n"
MAPPING = '[columns]\ndate = "開會日子"\ntype = "C"\nhost = "誰主持"\nattendees = "到會"\nid = "序"\n'


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    plan = tmp_path / "plan.json"
    plan.write_text(dumps_json(plan_to_dict(sample_plan())), encoding="utf-8")
    table = tmp_path / "ledger.csv"
    table.write_text(TABLE, encoding="utf-8")
    mapping = tmp_path / "cols.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return plan, table, mapping


def test_check_with_mapping_equals_check_with_the_mapping_beside_the_table(tmp_path: Path) -> None:
    plan, table, mapping = _files(tmp_path)
    # Without a mapping the table has no header masswork knows.
    assert "no ledger header" in run_masswork("check", plan, table, "--lang", "en", ok=(2,)).stderr
    given = run_masswork("check", plan, table, "--mapping", mapping, "--format", "json", ok=(0, 1)).stdout
    (tmp_path / "ledger.mapping.toml").write_text(MAPPING, encoding="utf-8")
    beside = run_masswork("check", plan, table, "--format", "json", ok=(0, 1)).stdout
    assert json.loads(given) == json.loads(beside)
    assert {e for f in json.loads(given)["findings"] for e in f["evidence"]} >= {"1", "2"}


def test_mapping_option_wins_over_the_file_beside(tmp_path: Path) -> None:
    plan, table, mapping = _files(tmp_path)
    (tmp_path / "ledger.mapping.toml").write_text('[columns]\ndate = "沒有這欄"\n', encoding="utf-8")
    run_masswork("check", plan, table, "--mapping", mapping, "--format", "json", ok=(0, 1))


def test_export_and_remind_take_the_mapping(tmp_path: Path) -> None:
    plan, table, mapping = _files(tmp_path)
    out = tmp_path / "out.json"
    run_masswork("export", plan, table, "--mapping", mapping, "--format", "json", "-o", out)
    events = json.loads(out.read_text(encoding="utf-8"))["schedule"]["events"]
    assert [(e["id"], e["host"]) for e in events] == [("1", "li-fei"), ("2", "sun-ping")]
    proc = run_masswork("remind", plan, table, "--mapping", mapping, "--dry-run", "--format", "json",
                        "--as-of", "2014-03-01", "--ledger", tmp_path / "l.sqlite", ok=(0, 1))
    assert isinstance(json.loads(proc.stdout), (dict, list))


def test_bad_mapping_file_is_reported_with_file_key_path_and_line(tmp_path: Path) -> None:
    plan, table, _ = _files(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text('sheet = "活動記錄"\n\n[columns]\ndate = "開會日子"\ndat = "A"\n', encoding="utf-8")
    for command in ("check", "export", "remind"):
        extra = ("--format", "json") if command != "remind" else ("--dry-run",)
        proc = run_masswork(command, plan, table, "--mapping", bad, *extra, "--lang", "en", ok=(2,))
        assert proc.stdout == "" and "Traceback" not in proc.stderr
        assert "bad.toml" in proc.stderr and "columns.dat" in proc.stderr, proc.stderr
        assert "unknown field 'dat'" in proc.stderr and "date" in proc.stderr
        assert ":5" in proc.stderr or "line 5" in proc.stderr, proc.stderr


def test_mapping_file_that_is_not_toml_is_reported(tmp_path: Path) -> None:
    plan, table, _ = _files(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text("[columns\n", encoding="utf-8")
    proc = run_masswork("check", plan, table, "--mapping", bad, ok=(2,))
    assert "bad.toml" in proc.stderr and "Traceback" not in proc.stderr
    missing = run_masswork("check", plan, table, "--mapping", tmp_path / "none.toml", ok=(2,))
    assert "none.toml" in missing.stderr and "Traceback" not in missing.stderr
