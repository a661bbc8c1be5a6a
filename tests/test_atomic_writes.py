"""Atomic writes: ``-o`` targets that are links, devices, FIFOs, folders or in a missing
folder are refused (exit 2, naming the file); a read-only or full target is exit 2 and the
old file is unchanged; and writers killed with SIGKILL at random moments — many forked
writer processes and real ``masswork export -o`` runs — always leave the old file or the
complete new one, never a part, with any temporary file recognisable and removed by the next
write. The measured numbers are printed (``pytest -s``)."""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faultfs import read_only, small_disk

from masswork.atomic import TEMP_SUFFIX, OutputError, stale_temps, write_atomic


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, which the assertions read (subprocesses inherit it)."""
    monkeypatch.setenv("MASSWORK_LANG", "en")


ROOT = Path(__file__).resolve().parent.parent
S3 = ROOT / "examples" / "s3-danyang-phase1"
EXPORT = [sys.executable, "-m", "masswork", "export", str(S3 / "plan.toml"), str(S3 / "schedule-flawed.toml"),
          "--format", "json", "--lang", "en"]  # the tests read the English wording of refusals



def export(out: Path | str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*EXPORT, "-o", str(out)], capture_output=True, timeout=120,  # type: ignore[call-overload]
                          env={**os.environ, "MASSWORK_LANG": "en"}, **kw)


def assert_refused(r: subprocess.CompletedProcess[bytes], name: str, *words: str) -> str:
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 2, (r.returncode, err)
    assert "Traceback" not in err and "internal error" not in err
    assert name in err, err
    for w in words:
        assert w in err, err
    return err


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


@pytest.fixture(scope="module")
def expected_json(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "ref.json"
    assert export(out).returncode == 0
    return out.read_bytes()


def test_o_never_replaces_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    assert_refused(export(link), "link.json", "symbolic link")
    assert_refused(export(dangling), "dangling.json", "symbolic link")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "nowhere.json").exists()
    assert leftovers(tmp_path, {"real.json", "link.json", "dangling.json"}) == []


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="/dev/stdout is not a link on this system")
def test_o_dev_stdout_is_refused_as_a_link() -> None:
    assert_refused(export("/dev/stdout"), "/dev/stdout", "symbolic link")


def test_o_never_replaces_a_device_fifo_or_folder(tmp_path: Path) -> None:
    assert_refused(export("/dev/null"), "/dev/null", "not a regular file")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert_refused(export(fifo), "pipe.json", "not a regular file")  # and no hang: the timeout would fire
    (tmp_path / "dir.json").mkdir()
    err = assert_refused(export(tmp_path / "dir.json"), "dir.json")  # click's own check, or ours
    assert "directory" in err or "folder" in err
    with pytest.raises(OutputError, match="folder"):
        write_atomic(tmp_path / "dir.json", "x")
    assert leftovers(tmp_path, {"pipe.json", "dir.json"}) == []


def test_o_in_a_missing_folder_names_the_file(tmp_path: Path) -> None:
    assert_refused(export(tmp_path / "no" / "such" / "out.json"), "out.json", "folder does not exist")
    (tmp_path / "afile").write_text("x")
    assert_refused(export(tmp_path / "afile" / "out.json"), "out.json")


def test_draft_o_is_written_atomically_and_refuses_the_same(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("一、總體要求\n（一）各單位於3月10日前報送工作方案。\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "masswork", "draft", str(doc), "--year", "2014", "-o",
                        str(tmp_path / "missing" / "plan.toml")], capture_output=True, timeout=120,
                       env={**os.environ, "MASSWORK_LANG": "en"})
    assert_refused(r, "plan.toml", "folder does not exist")
    link = tmp_path / "plan.toml"
    link.symlink_to(tmp_path / "elsewhere.toml")
    r = subprocess.run([sys.executable, "-m", "masswork", "draft", str(doc), "--year", "2014", "-o", str(link)],
                       capture_output=True, timeout=120, env={**os.environ, "MASSWORK_LANG": "en"})
    assert_refused(r, "plan.toml", "symbolic link")


def test_a_read_only_target_is_exit_2_and_unchanged(tmp_path: Path) -> None:
    (tmp_path / "out.json").write_text("old", encoding="utf-8")
    with read_only(tmp_path) as ro:
        err = assert_refused(export(ro / "out.json"), "out.json")
        assert "read-only" in err or "permission denied" in err
        assert (ro / "out.json").read_text(encoding="utf-8") == "old"
        assert leftovers(ro, {"out.json"}) == []


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_running_out_of_space_by_file_size_limit(tmp_path: Path, expected_json: bytes) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    r = export(out, preexec_fn=lambda: _limit_file_size(len(expected_json) // 3))
    assert_refused(r, "out.json", "not written")
    assert out.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path, {"out.json"}) == []


def test_a_full_disk_is_exit_2_and_leaves_nothing(tmp_path: Path, expected_json: bytes) -> None:
    with small_disk(tmp_path, "16k") as small:
        (small / "out.json").write_text("old", encoding="utf-8")
        (small / "filler").write_bytes(b"\0" * (16 * 1024 - 4096 - len(expected_json) // 2))
        err = assert_refused(export(small / "out.json"), "out.json")
        assert "disk is full" in err
        assert (small / "out.json").read_text(encoding="utf-8") == "old"
        assert leftovers(small, {"out.json", "filler"}) == []


def test_write_atomic_api_raises_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as exc:
        write_atomic(tmp_path / "missing" / "x.txt", "x")
    assert "x.txt" in exc.value.message("en")


# ---------------------------------------------------------------- SIGKILL in the write window


def _payload(tag: bytes, size: int) -> bytes:
    line = tag * 63 + b"\n"
    return b"BEGIN " + tag + b"\n" + line * (size // len(line)) + b"END " + tag + b"\n"


def test_writers_killed_at_random_moments_leave_old_or_new_only(tmp_path: Path) -> None:
    """Forked writer processes rewrite one file in a loop (4 MB, alternating contents) and are
    killed with SIGKILL after a random delay; the file is checked after every kill."""
    rng = random.Random(2026)
    target = tmp_path / "out.dat"
    versions = [_payload(b"A", 4 << 20), _payload(b"B", 4 << 20)]
    original = b"original\n"
    target.write_bytes(original)
    kills, stale_seen, states = 200, 0, {"original": 0, "A": 0, "B": 0}
    for i in range(kills):
        pid = os.fork()
        if pid == 0:  # the writer: never returns into pytest
            try:
                n = i
                while True:
                    write_atomic(target, versions[n % 2])
                    n += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = target.read_bytes()
        assert data in (original, *versions), f"kill {i}: a part of a file ({len(data)} bytes)"
        states["original" if data == original else "A" if data == versions[0] else "B"] += 1
        rest = leftovers(tmp_path, {"out.dat"})
        assert all(name.startswith(".out.dat.") and name.endswith(TEMP_SUFFIX) for name in rest), rest
        assert len(rest) <= 1 + stale_seen  # at most the one the killed writer had open, until cleaned
        stale_seen = len(stale_temps(target))
    write_atomic(target, b"final\n")  # the next write removes what the killed writers left
    assert leftovers(tmp_path, {"out.dat"}) == [] and target.read_bytes() == b"final\n"
    print(f"\nwrite_atomic: {kills} writers killed; file was original {states['original']}, "
          f"A {states['A']}, B {states['B']} times; 0 partial; temporary files left by kills were removed "
          f"by the next write")


def test_masswork_export_killed_at_random_moments(tmp_path: Path, expected_json: bytes) -> None:
    rng = random.Random(13)
    out = tmp_path / "report.json"
    old = b'{"old": true}\n'
    out.write_bytes(old)
    t0 = time.monotonic()
    assert export(tmp_path / "timing.json").returncode == 0
    took = time.monotonic() - t0
    (tmp_path / "timing.json").unlink()
    runs, outcomes = 8, {"old": 0, "new": 0}
    for _ in range(runs):
        p = subprocess.Popen([*EXPORT, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, "MASSWORK_LANG": "en"})
        time.sleep(rng.uniform(0.3, 1.1) * took)
        p.send_signal(signal.SIGKILL)
        p.wait()
        data = out.read_bytes()
        assert data in (old, expected_json)
        outcomes["old" if data == old else "new"] += 1
        assert all(n.endswith(TEMP_SUFFIX) for n in leftovers(tmp_path, {"report.json"}))
        out.write_bytes(old) if rng.random() < 0.5 else None
    assert export(out).returncode == 0 and out.read_bytes() == expected_json
    assert leftovers(tmp_path, {"report.json"}) == []
    print(f"\nmasswork export -o: {runs} runs killed (SIGKILL) at random points of a {took:.2f}s run; "
          f"old file {outcomes['old']}, complete new file {outcomes['new']}, 0 partial")
