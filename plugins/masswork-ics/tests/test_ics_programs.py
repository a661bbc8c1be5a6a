"""Real calendar programs open the file: calcurse imports it and lists the events, khal
imports every VEVENT into its store. Marked slow; a missing program skips the test unless
CI is set, where it fails."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from masswork.engine import check
from masswork.exporters import ExportInput
from masswork.model import EventStatus
from masswork.testing import sample_export_input, with_text
from masswork.testing.cli import example_cases, require_program, run_masswork
from masswork.testing.strategies import _NASTY

from masswork_ics import clean_text, export_ics

pytestmark = pytest.mark.slow

SHANGHAI_ENV = {"TZ": "Asia/Shanghai", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def _program(name: str) -> str:
    """calcurse or khal: skipped when missing, failed under CI."""
    return require_program(name, install="apt-get install -y calcurse khal")


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **SHANGHAI_ENV)
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, check=False)


def _calcurse_import(ics: Path, data_dir: Path) -> tuple[int, int, int]:
    """Import into a fresh calcurse store: (appointments, all-day events, skipped)."""
    calcurse = _program("calcurse")
    data_dir.mkdir()
    proc = _run([calcurse, "-D", str(data_dir), "-i", str(ics)])
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped", proc.stdout)
    assert m, proc.stdout
    apps, events, todos, skipped = map(int, m.groups())
    assert todos == 0
    return apps, events, skipped


def _calcurse_list(data_dir: Path, year: int) -> str:
    proc = _run([_program("calcurse"), "-D", str(data_dir), "-Q", "--input-datefmt", "4",
                 "--from", f"{year}-01-01", "--days", "366"])
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_calcurse_version() -> None:
    proc = _run([_program("calcurse"), "--version"])
    assert proc.returncode == 0 and "calcurse" in proc.stdout


def test_calcurse_imports_every_event(tmp_path: Path) -> None:
    inp = sample_export_input()
    ics = tmp_path / "sample.ics"
    ics.write_bytes(export_ics(inp))
    apps, events, skipped = _calcurse_import(ics, tmp_path / "cc")
    n_events = sum(1 for e in inp.schedule.events if e.status is not EventStatus.CANCELLED)
    n_due = sum(1 for f in inp.report.findings if f.due is not None)
    assert skipped == 0
    assert apps + events == n_events + n_due
    assert apps == sum(1 for e in inp.schedule.events
                       if e.status is not EventStatus.CANCELLED and isinstance(e.start, dt.datetime))
    listing = _calcurse_list(tmp_path / "cc", 2014)
    # The mobilization meeting at 09:00-11:00 Beijing time, and the forums by title.
    assert re.search(r"09:00 -> 11:00\s+動員大會:全局動員大會", listing), listing
    assert "座談會:企業代表座談會" in listing and "座談會:服務對象座談會" in listing
    assert "取消的座談會" not in listing
    assert "02/25/14:" in listing and "期限:X.3.1 報送" in listing
    assert "【未達標】期限:X.5.1 談話" in listing


def test_calcurse_keeps_hostile_text(tmp_path: Path) -> None:
    base = sample_export_input()
    for i, text in enumerate(t for t in _NASTY if "\n" not in t and "\r" not in t):
        schedule = with_text(base.schedule, text)
        inp = ExportInput(base.plan, schedule, check(base.plan, schedule), "zh", None)
        ics = tmp_path / f"h{i}.ics"
        ics.write_bytes(export_ics(inp))
        apps, events, skipped = _calcurse_import(ics, tmp_path / f"cc{i}")
        assert skipped == 0 and apps + events == 10 + sum(1 for f in inp.report.findings if f.due), text
        listing = _calcurse_list(tmp_path / f"cc{i}", 2014)
        title = clean_text(text).strip()
        if title:
            assert f"座談會:{title}" in listing, (text, listing)


@pytest.mark.parametrize(("plan", "schedule"), example_cases(Path(__file__)))
def test_calcurse_imports_examples(plan: Path, schedule: Path, tmp_path: Path) -> None:
    _program("calcurse")
    ics = tmp_path / "out.ics"
    run_masswork("export", plan, schedule, "--format", "ics", "-o", ics)
    n = ics.read_bytes().split(b"\r\n").count(b"BEGIN:VEVENT")
    apps, events, skipped = _calcurse_import(ics, tmp_path / "cc")
    assert skipped == 0 and apps + events == n


def _khal(tmp_path: Path) -> tuple[str, Path, Path]:
    khal = _program("khal")
    store = tmp_path / "vdir"
    store.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        "[calendars]\n[[masswork]]\n"
        f"path = {store}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = Asia/Shanghai\ndefault_timezone = Asia/Shanghai\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n", encoding="utf-8")
    return khal, config, store


def test_khal_imports_every_event(tmp_path: Path) -> None:
    khal, config, store = _khal(tmp_path)
    inp = sample_export_input(as_of=dt.date(2014, 7, 15))
    ics = tmp_path / "sample.ics"
    ics.write_bytes(export_ics(inp))
    proc = _run([khal, "-c", str(config), "import", "--batch", "-a", "masswork", str(ics)])
    assert proc.returncode == 0, proc.stderr
    n_events = sum(1 for e in inp.schedule.events if e.status is not EventStatus.CANCELLED)
    n_due = sum(1 for f in inp.report.findings if f.due is not None)
    assert len(list(store.glob("*.ics"))) == n_events + n_due  # one file per UID
    proc = _run([khal, "-c", str(config), "list", "--format", "{start} {end}|{title}|{status}|{uid}",
                 "2014-01-01", "2014-12-31"])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "2014-02-26 09:00 2014-02-26 11:00|動員大會:全局動員大會|CONFIRMED" in out
    assert "|座談會:服務對象座談會|TENTATIVE" in out
    assert "|【已逾期】期限:X.5.1 談話" in out
    uids = {line.rsplit("|", 1)[1] for line in out.splitlines() if line.count("|") == 3}
    assert len(uids) == n_events + n_due


def test_khal_version() -> None:
    proc = _run([_program("khal"), "--version"])
    assert proc.returncode == 0 and "khal" in proc.stdout
