"""The ``dask`` engine against a LocalCluster on 127.0.0.1: a generated city of 50 units with
known violations gives exactly them, and the very bytes the local engine gives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from masswork.batch import batch_engines, find_units, run_batch, summarise
from masswork.batch.formats import summary_exporters
from masswork.testing.province import write_province


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # Threads in this process: light enough for CI, and the same code path over TCP.
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, host="127.0.0.1",
                      dashboard_address=None, protocol="tcp") as c:  # type: ignore[no-untyped-call]
        yield c


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    root = tmp_path_factory.mktemp("city")
    return root, write_province(root, 50, 60, seed=3)


def test_engine_is_registered() -> None:
    assert "dask" in batch_engines() and "local" in batch_engines()


def test_city_on_dask_finds_exactly_the_known_violations(cluster: LocalCluster,
                                                          city: tuple[Path, dict[str, set[str]]]) -> None:
    root, expected = city
    units = find_units(root)
    engine = batch_engines()["dask"]
    on_dask = summarise(run_batch(units, engine=engine, options={"scheduler": cluster.scheduler_address}))
    assert {u["unit"]: set(u["failing"]) for u in on_dask.units} == expected
    local = summarise(run_batch(units, options={"jobs": 2}))
    for name, exporter in summary_exporters().items():
        if not exporter.binary:
            assert exporter.export(on_dask, "zh") == exporter.export(local, "zh"), name


def test_cli_with_scheduler_address(cluster: LocalCluster, city: tuple[Path, dict[str, set[str]]],
                                    tmp_path: Path) -> None:
    root, expected = city
    out = tmp_path / "s.json"
    r = subprocess.run([sys.executable, "-m", "masswork", "check", "--batch", str(root), "--engine", "dask",
                        "--scheduler", cluster.scheduler_address, "--summary-format", "json", "-o", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 1, r.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert {u["unit"]: set(u["failing"]) for u in summary["by_unit"]} == expected


def test_unreachable_scheduler_is_an_error_not_a_hang(tmp_path: Path) -> None:
    write_province(tmp_path, 1, 20)
    r = subprocess.run([sys.executable, "-m", "masswork", "check", "--batch", str(tmp_path), "--engine", "dask",
                        "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, timeout=600,
                       env={**__import__("os").environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"})
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "127.0.0.1:9" in r.stderr
