"""Tests for the example TSV plugin — the pattern to copy for your own format:

* call the export function on masswork's sample input (the ``masswork_export_input``
  fixture) and read the bytes back as the receiving system would;
* attack it with hostile text (``masswork.testing.with_text`` and the hypothesis strategy
  ``masswork.testing.strategies.hostile_text``);
* check that masswork finds the plugin through its entry point, and run the real CLI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from masswork.exporters import ExportInput
from masswork.loaders import plan_to_dict, schedule_to_dict
from masswork.loaders.files import dumps_json
from masswork.model import Plan, Schedule
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input, with_text
from masswork.testing.strategies import hostile_text

import masswork_tsv
from masswork_tsv import HEADER, STATUS_CODE, export_tsv, tsv_field

COLUMNS = len(HEADER)


def parse(data: bytes) -> list[list[str]]:
    """Read the file the way the provincial system does."""
    assert not data.startswith(b"\xef\xbb\xbf"), "no BOM"
    text = data.decode("utf-8")
    assert "\r" not in text
    assert text.endswith("\n")
    return [line.split("\t") for line in text[:-1].split("\n")]


# ---------------------------------------------------------------- the export function


def test_one_line_per_event(masswork_export_input: ExportInput) -> None:
    inp = masswork_export_input
    table = parse(export_tsv(inp))
    assert table[0] == [zh for _, zh in HEADER]
    assert len(table) - 1 == len(inp.schedule.events)
    assert all(len(row) == COLUMNS for row in table)
    assert sorted(row[-1] for row in table[1:]) == sorted(e.id for e in inp.schedule.events)
    assert [row[0] for row in table[1:]] == [str(i) for i in range(1, len(table))]
    dates = [row[1] for row in table[1:]]
    assert dates == sorted(dates)


def test_names_and_status_codes(masswork_export_input: ExportInput) -> None:
    rows = {row[-1]: row for row in parse(export_tsv(masswork_export_input))[1:]}
    mob = rows["mob"]
    assert mob[1:6] == ["2014-02-26", "09:00", "動員大會", "全局動員大會", "李飛"]
    assert mob[6] == "市委督導組、群眾觀察員、班子成員"  # ids turned into the plan's names
    assert rows["mob"][8] == STATUS_CODE["held"] == "1"
    assert rows["f3"][8] == "0"  # planned
    assert rows["p2"][8] == "9"  # cancelled
    assert rows["f1"][2] == ""  # no time of day


def test_english_header(masswork_plan: Plan, masswork_schedule: Schedule) -> None:
    inp = sample_export_input(lang="en")
    assert parse(export_tsv(inp))[0] == [en for en, _ in HEADER]
    assert inp.plan == masswork_plan and inp.schedule == masswork_schedule


# ---------------------------------------------------------------- hostile text


@pytest.mark.parametrize("text, field", [
    ("=1+1", "'=1+1"),
    ("+SUM(A1)", "'+SUM(A1)"),
    ("-2+3", "'-2+3"),
    ("@cmd", "'@cmd"),
    ("\t=1+1", "' =1+1"),  # the tab becomes a space; the formula is still caught
    ("a\tb", "a b"),
    ("line1\r\nline2", "line1 line2"),
    ("a\x00b\x01c", "abc"),
    ("\u2028x", " x"),
    ("群眾路線 😀", "群眾路線 😀"),
])
def test_hostile_field(text: str, field: str) -> None:
    assert tsv_field(text) == field
    inp = sample_export_input()
    data = export_tsv(ExportInput(inp.plan, with_text(inp.schedule, text), inp.report))
    table = parse(data)
    assert {row[4] for row in table[1:]} == {field}  # 活動名稱
    assert {row[7] for row in table[1:]} == {field}  # 地點


@settings(max_examples=50, deadline=None)
@given(text=hostile_text())
def test_any_text_keeps_the_table_shape(text: str) -> None:
    inp = sample_export_input()
    table = parse(export_tsv(ExportInput(inp.plan, with_text(inp.schedule, text), inp.report)))
    assert len(table) - 1 == len(inp.schedule.events)
    for row in table:
        assert len(row) == COLUMNS
        for field in row:
            assert not any(ord(c) < 0x20 or ord(c) == 0x7F for c in field)
            assert not field.lstrip(" ").startswith(("=", "+", "-", "@"))


# ---------------------------------------------------------------- as masswork sees it


def test_found_through_the_entry_point(masswork_isolated_plugins: None) -> None:
    host = make_plugin_manager()
    assert host.exporters()["tsv"] is masswork_tsv.EXPORTER
    assert host.owner_of("format", "tsv") == "tsv"


def masswork(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MASSWORK_LOAD_PLUGINS"}
    return subprocess.run([sys.executable, "-m", "masswork", *args], capture_output=True,
                          text=True, env=env, timeout=300, check=False)


def test_cli_lists_the_format() -> None:
    proc = masswork("formats", "--json")
    assert proc.returncode == 0, proc.stderr
    formats = {row["name"]: row for row in json.loads(proc.stdout)}
    assert formats["tsv"]["suffix"] == ".tsv"
    assert formats["tsv"]["plugin"] == "tsv"


def test_cli_exports(tmp_path: Path, masswork_plan: Plan, masswork_schedule: Schedule) -> None:
    plan, schedule = tmp_path / "plan.json", tmp_path / "schedule.json"
    plan.write_text(dumps_json(plan_to_dict(masswork_plan)), encoding="utf-8")
    schedule.write_text(dumps_json(schedule_to_dict(masswork_schedule)), encoding="utf-8")
    out = tmp_path / "台賬.tsv"
    proc = masswork("export", str(plan), str(schedule), "--format", "tsv", "-o", str(out),
                    "--as-of", "2014-04-01")
    assert proc.returncode == 0, proc.stderr
    table = parse(out.read_bytes())
    assert len(table) - 1 == len(masswork_schedule.events)
    assert out.read_bytes() == export_tsv(sample_export_input())  # the ledger ignores as_of
