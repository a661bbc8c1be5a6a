"""Every malformed file in ``tests/corpus/bad/`` through every command that reads its kind:
exit 2, one message naming the file and its line or key path and containing the expected
fragment, never a traceback, never exit 3 (internal error).

Most runs go through the command line in-process (click's runner on ``masswork.cli.cli``,
the same code a user's ``masswork`` runs); :func:`test_sample_in_real_processes` runs one case
per category as a real ``python -m masswork`` process. Cases that cannot be files in git
(FIFOs, devices, files over the size limit) are made here, in :func:`runtime_case`.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from masswork.cli import cli
from masswork.testing.cli import run_masswork

CORPUS = Path(__file__).parent / "corpus"
BAD = CORPUS / "bad"
GOOD_PLAN = CORPUS / "good" / "plan.toml"
GOOD_SCHEDULE = CORPUS / "good" / "schedule.toml"
ENV = {"MASSWORK_LANG": "en", "NO_COLOR": "1"}


def _read_expect(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(": ")
        out[key.strip()] = value.strip()
    return out


def _cases() -> list[tuple[Path, dict[str, str]]]:
    return [(p.with_suffix(""), _read_expect(p)) for p in sorted(BAD.rglob("*.expect"))]


CASES = _cases()


def commands(reads: str, case: Path) -> list[list[str]]:
    """Every command that reads a file of kind ``reads``, with ``case`` in its place."""
    c = str(case)
    if reads == "plan":
        return [["check", c, str(GOOD_SCHEDULE)], ["explain", c], ["explain", c, "--format", "json"],
                ["export", c, str(GOOD_SCHEDULE), "--format", "json"],
                ["remind", c, str(GOOD_SCHEDULE), "--dry-run", "--as-of", "2014-03-01"]]
    if reads == "schedule":
        return [["check", str(GOOD_PLAN), c, "--format", "json"],
                ["export", str(GOOD_PLAN), c, "--format", "csv"],
                ["remind", str(GOOD_PLAN), c, "--dry-run", "--as-of", "2014-03-01"]]
    if reads == "document":
        return [["draft", c], ["draft", c, "--format", "json"]]
    raise AssertionError(reads)


_ERROR_LINE = re.compile(r"^(錯誤 )?(error|錯誤|错误)\b", re.IGNORECASE)


def assert_one_clear_message(code: int, out: str, err: str, case: Path, exp: dict[str, str], argv: list[str]) -> None:
    what = f"masswork {' '.join(a[-60:] for a in argv)}\nexit {code}\nstderr: {err[-1500:]}"
    assert code == 2, what
    assert "Traceback" not in err + out and "internal error" not in err, what
    assert sum(1 for line in err.splitlines() if _ERROR_LINE.match(line)) == 1, "one message\n" + what
    lower = err.lower()
    for fragment in filter(None, exp.get("fragment", "").split("|")):
        assert fragment.lower() in lower, f"fragment {fragment!r}\n" + what
    name = exp.get("blame") or case.name
    assert name in err, f"names the file {name}\n" + what
    where = exp.get("where", "file")
    if where.startswith("line "):
        assert f"{name}:{where[5:]}" in err, f"names {name}:{where[5:]}\n" + what
    elif where.startswith("path "):
        assert where[5:] in err, f"names the key path {where[5:]}\n" + what


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("case, exp", CASES, ids=[f"{c.parent.name}/{c.name}" for c, _ in CASES])
def test_corpus_case(case: Path, exp: dict[str, str], runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
                     tmp_path: Path) -> None:
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    monkeypatch.chdir(tmp_path)  # no masswork.toml or ledger of the developer's is read
    for argv in commands(exp["reads"], case):
        result = runner.invoke(cli, argv, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"masswork {argv}: raised {result.exception!r}") from result.exception
        assert_one_clear_message(result.exit_code, result.stdout, result.stderr, case, exp, argv)


def test_generated_corpus_is_reproducible(tmp_path: Path) -> None:
    """The committed ``bad/gen-*`` files are exactly what ``generate.py`` writes."""
    proc = subprocess.run([sys.executable, str(CORPUS / "generate.py"), str(tmp_path)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for folder in sorted(tmp_path.iterdir()):
        made = {p.name: p for p in folder.iterdir()}
        kept = {p.name: p for p in (BAD / folder.name).iterdir()}
        assert made.keys() == kept.keys(), folder.name
        for name, p in made.items():
            if p.is_symlink():
                assert os.readlink(p) == os.readlink(kept[name]), name
            else:
                assert p.read_bytes() == kept[name].read_bytes(), f"{folder.name}/{name} differs: rerun generate.py"


def test_corpus_is_large_and_covers_every_kind() -> None:
    folders = {c.parent.name for c, _ in CASES}
    assert len(CASES) >= 300
    assert {e["reads"] for _, e in CASES} == {"plan", "schedule", "document"}
    assert {"gen-toml-syntax", "gen-json-syntax", "gen-types", "gen-keys", "gen-references", "gen-dates",
            "gen-phrases", "gen-cycles", "gen-extends", "gen-encodings", "gen-limits", "gen-documents", "gen-csv", "gen-xlsx",
            "hand"} <= folders


# ---------------------------------------------------------------- cases made at run time

def runtime_case(kind: str, tmp: Path) -> tuple[Path, str, dict[str, str]]:
    """(file, what reads it, expectations) for cases that cannot be committed."""
    plan = GOOD_PLAN.read_text(encoding="utf-8")
    sched = GOOD_SCHEDULE.read_text(encoding="utf-8")
    if kind in ("fifo-plan", "fifo-schedule", "fifo-document"):
        path = tmp / ("fifo.txt" if kind == "fifo-document" else "fifo.toml")
        os.mkfifo(path)
        return path, kind.split("-")[1], {"fragment": "not a regular file", "where": "file"}
    if kind == "extends-fifo":
        os.mkfifo(tmp / "base.toml")
        path = tmp / "plan.toml"
        path.write_text('extends = "base.toml"\nid = "c"\n', encoding="utf-8")
        return path, "plan", {"fragment": "not a regular file", "where": "line 1"}
    if kind in ("oversize-plan", "oversize-schedule", "oversize-document"):
        path = tmp / ("big.txt" if kind == "oversize-document" else "big.toml")
        with open(path, "wb") as fh:  # sparse: the size is refused before a byte is read
            fh.truncate(40 * 1024 * 1024)
        return path, kind.split("-")[1], {"fragment": "file too large", "where": "file"}
    if kind == "many-events":
        rows = "".join(f'[[events]]\nid = "e{i}"\ntype = "學習"\nstart = 2014-03-02\nhours = 1\n' for i in range(100_001))
        path = tmp / "many.toml"
        path.write_text('plan = "mini"\n' + rows, encoding="utf-8")
        return path, "schedule", {"fragment": "too many entries", "where": "path events"}
    if kind == "many-requirements":
        rows = "".join(f'[[requirements]]\nid = "q{i}"\nclause = "S1"\nkind = "quantity"\nactivity = "學習"\nmin = 1\n'
                       for i in range(10_001))
        path = tmp / "many.toml"
        path.write_text(plan + rows, encoding="utf-8")
        return path, "plan", {"fragment": "too many entries", "where": "path requirements"}
    if kind == "unknown-id-1mb":
        path = tmp / "plan.json"
        import json
        import tomllib

        data = tomllib.loads(plan)
        data["requirements"][0]["role"] = "r" * 1_000_000
        path.write_text(json.dumps(data), encoding="utf-8")
        return path, "plan", {"fragment": "string too long", "where": "path requirements[0].role"}
    if kind == "dev-zero":
        return Path("/dev/zero"), "plan", {"fragment": "not a regular file", "where": "file"}
    if kind == "dev-zero-document":
        return Path("/dev/zero"), "document", {"fragment": "not a regular file", "where": "file"}
    if kind == "unreadable":
        path = tmp / "secret.toml"
        path.write_text(plan, encoding="utf-8")
        path.chmod(0)
        if os.access(path, os.R_OK):
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            pytest.skip("running as root: a mode-0 file is still readable")
        return path, "plan", {"fragment": "cannot read", "where": "file"}
    if kind == "directory-schedule":
        (tmp / "dir.toml").mkdir()
        return tmp / "dir.toml", "schedule", {"fragment": "directory", "where": "file"}
    if kind == "schedule-nul-in-name":
        return tmp / "x\udcff.toml", "schedule", {"fragment": "", "where": "file"}
    raise AssertionError(kind)


RUNTIME = ["fifo-plan", "fifo-schedule", "fifo-document", "extends-fifo", "oversize-plan", "oversize-schedule",
           "oversize-document", "many-events", "many-requirements", "unknown-id-1mb", "dev-zero",
           "dev-zero-document", "directory-schedule"]


@pytest.mark.parametrize("kind", RUNTIME)
def test_runtime_case(kind: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    case, reads, exp = runtime_case(kind, tmp_path)
    monkeypatch.chdir(tmp_path)
    for argv in commands(reads, case):
        result = runner.invoke(cli, argv)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
        err = result.stderr
        if "directory" in exp["fragment"] and "is a directory" in err:
            # click refuses a folder where a file is expected before masswork sees it
            assert result.exit_code == 2 and case.name in err
            continue
        assert_one_clear_message(result.exit_code, result.stdout, err, case, exp, argv)


# ---------------------------------------------------------------- real processes

def _one_per_category() -> list[tuple[Path, dict[str, str]]]:
    seen: dict[tuple[str, str], tuple[Path, dict[str, str]]] = {}
    for case, exp in CASES:
        seen.setdefault((case.parent.name, exp["reads"]), (case, exp))
    return list(seen.values())


def test_sample_in_real_processes(tmp_path: Path) -> None:
    """One case per category and kind, each command as its own ``python -m masswork`` process:
    what a user sees, with the real streams and exit codes."""
    cases = _one_per_category()
    assert len(cases) >= 12
    for case, exp in cases:
        argv = commands(exp["reads"], case)[0]
        proc = run_masswork(*argv, ok=None, cwd=tmp_path, env=ENV, timeout=60)
        assert_one_clear_message(proc.returncode, proc.stdout, proc.stderr, case, exp, argv)


def test_fifo_in_a_real_process_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    proc = run_masswork("explain", fifo, ok=None, env=ENV, timeout=30)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("FIFOs and /dev/zero are POSIX")
