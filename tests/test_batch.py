"""``masswork check --batch``: a generated city of units with known violations is checked
and exactly those are found; one broken unit is reported while the rest are checked; the
summary formats agree with each other; output order does not depend on the engine's."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from masswork.batch import Progress, find_units, run_batch, summarise
from masswork.batch.formats import summary_exporters
from masswork.testing.province import RULES, write_province


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    root = tmp_path_factory.mktemp("city")
    expected = write_province(root, 50, 60, seed=3)
    return root, expected


def _cli(*args: Any, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=600)


def test_city_of_50_units_finds_exactly_the_known_violations(city: tuple[Path, dict[str, set[str]]],
                                                             tmp_path: Path) -> None:
    root, expected = city
    assert sum(map(len, expected.values())) >= 10  # the generator did break things
    assert {r for v in expected.values() for r in v} == set(RULES)  # every kind is exercised
    out = tmp_path / "summary.json"
    r = _cli("check", "--batch", root, "--summary-format", "json", "-o", out, "--jobs", "2")
    assert r.returncode == 1, r.stderr
    assert r.stderr == ""  # no progress bar when stderr is not a terminal
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["units"] == summary["checked"] == 50 and summary["broken"] == []
    found = {u["unit"]: set(u["failing"]) for u in summary["by_unit"]}
    assert found == expected
    rates = {row["rule"]: row["failure_rate"] for row in summary["requirements"]}
    for rule in RULES:
        assert rates[rule] == round(sum(rule in v for v in expected.values()) / 50, 4)
    worst = max(len(v) for v in expected.values())
    assert len(summary["furthest_behind"][0]["failing"]) == worst


def test_one_broken_unit_is_reported_and_the_rest_are_checked(tmp_path: Path) -> None:
    expected = write_province(tmp_path, 4, 40, seed=5)
    (tmp_path / "unit-00002" / "schedule.json").write_text('{"plan": "x", "events": [{"id": 1}]}',
                                                           encoding="utf-8")
    (tmp_path / "unit-00009").mkdir()  # a unit folder with nothing in it
    r = _cli("check", "--batch", tmp_path, "--format", "json", "--lang", "en")
    assert r.returncode == 2, r.stderr
    summary = json.loads(r.stdout)
    broken = {b["unit"]: b["error"] for b in summary["broken"]}
    assert set(broken) == {"unit-00002", "unit-00009"}
    assert "schedule.json" in broken["unit-00002"]["en"] and "events[0]" in broken["unit-00002"]["en"]
    assert "no plan file" in broken["unit-00009"]["en"] and "方案" in broken["unit-00009"]["zh"]
    found = {u["unit"]: set(u["failing"]) for u in summary["by_unit"] if u["error"] is None}
    assert found == {u: v for u, v in expected.items() if u != "unit-00002"}


def test_manifest_and_folder_give_the_same_summary(city: tuple[Path, dict[str, set[str]]], tmp_path: Path) -> None:
    root, _expected = city
    units = find_units(root)
    manifest = tmp_path / "units.json"
    manifest.write_text(json.dumps({"units": [
        {"id": u.id, "plan": str(Path(u.plan or "").relative_to(root.parent)),
         "schedule": str(Path(u.schedule or "").relative_to(root.parent))} for u in units]}), encoding="utf-8")
    (tmp_path / root.name).symlink_to(root)
    a = summarise(run_batch(units, options={"jobs": 1})).to_dict()
    b = summarise(run_batch(find_units(manifest), options={"jobs": 2})).to_dict()
    strip = lambda d: json.dumps(d["by_unit"], sort_keys=True)  # noqa: E731
    assert strip(a) == strip(b) and a["requirements"] == b["requirements"]


def test_pool_and_single_process_give_identical_bytes(city: tuple[Path, dict[str, set[str]]]) -> None:
    root, _ = city
    units = find_units(root)
    fmt = summary_exporters()
    one = summarise(run_batch(units, options={"jobs": 1}))
    many = summarise(run_batch(units, options={"jobs": 3}))
    for name in ("json", "csv", "text"):
        assert fmt[name].export(one, "zh") == fmt[name].export(many, "zh")


def test_csv_and_text_agree_with_json(city: tuple[Path, dict[str, set[str]]]) -> None:
    root, expected = city
    summary = summarise(run_batch(find_units(root), options={"jobs": 2}))
    rows = list(csv.DictReader(io.StringIO(summary.to_csv())))
    assert len(rows) == 50 * len(RULES)
    failing = {(r["unit"], r["rule"]) for r in rows if r["status"] in ("unmet", "overdue")}
    assert failing == {(u, rule) for u, rules in expected.items() for rule in rules}
    text = summary.to_text("en")
    for row in summary.requirements():
        assert row["rule"] in text
    assert summary.furthest_behind()[0]["unit"] in text


def test_per_unit_reports_on_request(tmp_path: Path) -> None:
    expected = write_province(tmp_path / "p", 3, 30, seed=8)
    r = _cli("check", "--batch", tmp_path / "p", "--reports", tmp_path / "reports", "--summary-format", "csv")
    assert r.returncode in (0, 1), r.stderr
    for unit, broken in expected.items():
        report = json.loads((tmp_path / "reports" / f"{unit}.json").read_text(encoding="utf-8"))
        assert {f["rule"] for f in report["findings"] if f["status"] == "unmet"} == broken


def test_unknown_engine_and_format_are_named(tmp_path: Path) -> None:
    write_province(tmp_path, 1, 20)
    r = _cli("check", "--batch", tmp_path, "--engine", "dusk")
    assert r.returncode == 2 and "dusk" in r.stderr and "local" in r.stderr and "Traceback" not in r.stderr
    r = _cli("check", "--batch", tmp_path, "--summary-format", "jsn")
    assert r.returncode == 2 and "json" in r.stderr


def test_check_still_needs_plan_and_schedule_without_batch() -> None:
    r = _cli("check")
    assert r.returncode == 2 and "PLAN" in r.stderr


def test_progress_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet, loud = io.StringIO(), Tty()
    for stream in (quiet, loud):
        p = Progress(2, stream)
        p.step()
        p.step()
    assert quiet.getvalue() == ""
    assert loud.getvalue().endswith("2/2 units\n")


def test_hook_masswork_register_batch_engines(tmp_path: Path) -> None:
    import masswork
    from masswork.batch import BatchEngine, batch_engines
    from masswork.plugins import make_plugin_manager

    seen: list[str] = []

    def backwards(fn: Any, items: Any, options: Any) -> list[Any]:
        seen.append(options["scheduler"])
        return [fn(i) for i in reversed(items)][::-1]  # computed in another order, given back in order

    class Plugin:
        @masswork.hookimpl
        def masswork_register_batch_engines(self, register: Any) -> None:
            register(BatchEngine("backwards", backwards))

    expected = write_province(tmp_path, 3, 20, seed=2)
    engine = batch_engines(make_plugin_manager(load_entrypoints=False, extra=(Plugin(),)))["backwards"]
    results = run_batch(find_units(tmp_path), engine=engine, options={"scheduler": "here"})
    assert seen == ["here"]
    assert [r["unit"] for r in results] == sorted(expected)
    assert {r["unit"]: set(r["failing"]) for r in results} == expected


def test_hook_masswork_register_summary_exporters() -> None:
    import masswork
    from masswork.batch import SummaryExporter
    from masswork.plugins import make_plugin_manager

    class Plugin:
        @masswork.hookimpl
        def masswork_register_summary_exporters(self, register: Any) -> None:
            register(SummaryExporter("count", ".txt", lambda s, lang: str(len(s.units)).encode()))
            register(SummaryExporter("json", ".json", lambda s, lang: b"{}"))  # taken: refused

    host = make_plugin_manager(load_entrypoints=False, extra=(Plugin(),))
    formats = summary_exporters(host)
    assert formats["count"].export(summarise([]), "zh") == b"0"
    assert formats["json"].export(summarise([]), "zh").startswith(b"{\n")  # the built-in stayed
    assert any("json" in f.en for f in host.failures)
