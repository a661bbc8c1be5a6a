"""Output is safe on any console: a GBK or ASCII console never turns the report into an
internal error (exit 3); status marks fall back to plain text where they cannot be shown;
colour only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EX = ROOT / "examples" / "s1-kejiju-phase1"
PLAN, SCHED = EX / "plan.toml", EX / "schedule-flawed.toml"


def _commands(tmp: Path) -> list[list[str]]:
    out = [
        ["check", str(PLAN), str(SCHED)],
        ["check", str(PLAN), str(SCHED), "--as-of", "2014-04-01", "--only", "failing"],
        ["check", str(PLAN), str(SCHED), "--format", "json"],
        ["explain", str(PLAN)],
        ["explain", str(PLAN), "--format", "json"],
        ["export", str(PLAN), str(SCHED), "--format", "markdown"],
        ["export", str(PLAN), str(SCHED), "--format", "csv"],
        ["export", str(PLAN), str(SCHED), "-o", str(tmp / "out.json")],
        ["formats"], ["kinds"], ["plugins"], ["schema", "plan"], ["--help"], ["check", "-h"],
        ["remind", str(PLAN), str(SCHED), "--dry-run", "--as-of", "2014-03-01"],
        ["check", str(tmp / "missing.toml"), str(SCHED)],                # an error message
        ["export", str(PLAN), str(SCHED), "--format", "csvv"],            # did you mean
    ]
    return out


def _run(args: list[str], encoding: str, lang: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "MASSWORK_LANG": lang}
    env.pop("MASSWORK_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "masswork", *args], capture_output=True, env=env,
                          check=False, timeout=300, cwd=cwd)


@pytest.mark.parametrize("encoding, lang, every", [
    ("gbk", "zh-Hans", True), ("ascii", "zh-Hant", True),
    ("gbk", "zh-Hant", False), ("gbk", "en", False), ("ascii", "zh-Hans", False), ("ascii", "en", False),
])
def test_every_command_survives_a_narrow_console(tmp_path: Path, encoding: str, lang: str, every: bool) -> None:
    # Every command in two pairings; the report commands in the others (each run starts
    # Python and the plugins, ~1 s).
    commands = _commands(tmp_path)
    for args in commands if every else commands[:4]:
        r = _run(args, encoding, lang, cwd=tmp_path)
        # An export to stdout is the file's own bytes (UTF-8); everything else is console text.
        # click takes an ASCII stream for a misconfigured one and writes UTF-8 to it.
        console = "utf-8" if encoding == "ascii" else encoding
        out_enc = "utf-8-sig" if args[0] == "export" else console
        text = r.stdout.decode(out_enc) + r.stderr.decode(console)
        assert r.returncode in (0, 1, 2), (args, r.returncode, text[-500:])
        assert "Traceback" not in text and "internal error" not in text and "內部錯誤" not in text, args


def test_gbk_console_gets_chinese_and_plain_marks() -> None:
    r = _run(["check", str(PLAN), str(SCHED)], "gbk", "zh-Hans")
    out = r.stdout.decode("gbk")
    assert r.returncode == 1
    assert "评估日期" in out and "[ok]" in out and "[x]" in out and "✔" not in out


def test_ascii_console_gets_exact_json() -> None:
    import json

    r = _run(["check", str(PLAN), str(SCHED), "--format", "json"], "ascii", "zh-Hant")
    data = json.loads(r.stdout.decode("utf-8"))
    assert data["findings"][0]["message"] == data["findings"][0]["messages"]["zh-Hant"]
    assert "?" not in data["findings"][0]["message"]


def test_redirected_output_is_utf8_without_pythonioencoding() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(LANG="C", LC_ALL="C", MASSWORK_LANG="zh-Hant")  # a locale whose encoding is ASCII
    r = subprocess.run([sys.executable, "-X", "utf8=0", "-m", "masswork", "check", str(PLAN), str(SCHED)],
                       capture_output=True, env=env, check=False, timeout=300)
    assert r.returncode == 1, r.stderr
    out = r.stdout.decode("utf-8")
    assert "✔" in out and "評估日期" in out


def _on_terminal(env_extra: dict[str, str]) -> str:
    master, slave = pty.openpty()
    env = {**os.environ, "MASSWORK_LANG": "en", "TERM": "xterm", **env_extra}
    env.pop("NO_COLOR", None) if "NO_COLOR" not in env_extra else None
    proc = subprocess.Popen([sys.executable, "-m", "masswork", "check", str(PLAN), str(SCHED)],
                            stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    assert "\x1b[" in _on_terminal({})
    assert "\x1b[" not in _on_terminal({"NO_COLOR": "1"})
    redirected = _run(["check", str(PLAN), str(SCHED)], "utf-8", "en")
    assert b"\x1b[" not in redirected.stdout
