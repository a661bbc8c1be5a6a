"""The documentation site builds without a warning, and every example in it runs.

Each page of ``docs/`` is read as a sequence of fenced blocks and played in order in a
scratch folder of its own (a copy of ``examples/`` beside it, ``HOME`` inside it):

* a ``toml``/``json`` block with ``title="path"`` is a file the reader is asked to write: it
  is written there (a later block with the same title replaces it); any other ``toml``/
  ``json`` block must at least parse;
* ``python`` blocks run, one namespace per page, in page order — except a block marked
  ``<!-- excerpt: PATH -->``, a piece of a file of the repository that its own tests run
  (the example plugin's code and tests): every line of it must stand in that file;
* ``sh`` blocks run with bash, the test environment's ``masswork`` first on ``PATH``; every
  command must exit 0, or 1 where it is ``masswork check`` reporting a failing rule (its
  documented meaning); a page's ``export`` lines hold for its later blocks. A block may be left unrun only when an HTML comment
  ``<!-- not run: … -->`` stands right before it *and* every command in it installs or
  builds software or runs a long test or fuzzing session (pip, venv, apt-get, build, mypy,
  pytest, a fuzz/ harness, the render-everything session of tools/render_outputs.py) or
  needs a cluster on another machine — tried outside the suite;
* ``text`` blocks and unlabelled blocks are prose (synopses, crontab lines, program output).

A page about reminders gets a DingTalk robot on 127.0.0.1 to send to. No page may point
outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Request, http_server

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
BIN = Path(sys.executable).parent

FENCE = re.compile(r"(?:<!--(?P<comment>(?:(?!-->).)*)-->\s*\n)?^```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$",
                   re.S | re.M)
TITLE = re.compile(r'title="([^"]+)"')
INSTALLS = ("pip install", "python -m pip install", "python3 -m pip install", "python3 -m venv",
            ".venv/bin/python -m pip install", "sudo apt-get install", "apt-get install",
            "python -m build", "hatch build", "mypy", "pytest", "python -m pytest", "python fuzz/",
            "python tools/render_outputs.py")
NEEDS_A_CLUSTER = re.compile(r"--scheduler\s+tcp://")  # another machine: never contacted from a test
ENV_PREFIX = re.compile(r"^(?:[A-Z_][A-Z0-9_]*=\S*\s+)+")
CHECKS = re.compile(r"^(?:\S*/)?masswork\s+check\b")
MACHINE_PATH = re.compile(r"(?<![\w.~-])(?:/tmp/|/work/|/home/|/Users/|/root/|\.\./shared\b)\S*")


def blocks(page: str) -> list[tuple[str, str | None, str, str]]:
    """(language, title, body, comment before it) of every fenced block of a page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        title = TITLE.search(m["info"])
        out.append((m["lang"], title.group(1) if title else None, m["body"], (m["comment"] or "").strip()))
    return out


def commands(body: str) -> list[str]:
    """The commands of a shell block: continuation lines joined, comments and blanks dropped.
    In a block written with prompts (``$ command``), only the prompted lines are commands;
    the rest is the output shown."""
    return [cmd for cmd, _ in annotated(body)]


EXIT_NOTE = re.compile(r"#\s*exit\s+(\d+)\s*$")


def annotated(body: str) -> list[tuple[str, int | None]]:
    """(command, the exit code a ``# exit N`` comment after it promises, else None)."""
    raw = body.splitlines()
    if any(line.startswith("$ ") for line in raw):
        raw = [line[2:] for line in raw if line.startswith("$ ")]
    out: list[tuple[str, int | None]] = []
    current = ""
    for line in raw:
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        note = EXIT_NOTE.search(current)
        out.append((re.sub(r"\s+#[^'\"]*$", "", current).strip(), int(note.group(1)) if note else None))
        current = ""
    return out


def script(body: str) -> str:
    """bash that runs each command and stops at the first that fails: exit > 1, or 1 from a
    command other than ``masswork check`` — unless a ``# exit N`` comment promises N, which
    must then be the exit code exactly."""
    lines = ["set -o pipefail"]
    for cmd, promised in annotated(body):
        lines.append(cmd)
        if promised is not None:
            lines.append(f'__rc=$?; if [ $__rc -ne {promised} ]; then '
                         f'echo "exit $__rc, not {promised}, from: "{json.dumps(cmd)} >&2; exit 97; fi')
            continue
        ok_one = "true" if CHECKS.match(cmd) else "false"
        lines.append(f'__rc=$?; if [ $__rc -ne 0 ] && ! {{ [ $__rc -eq 1 ] && {ok_one}; }}; then '
                     f'echo "exit $__rc from: "{json.dumps(cmd)} >&2; exit 97; fi')
    return "\n".join(lines) + "\n"


def _code(line: str) -> str:
    """A line of Python without its indentation and trailing comment."""
    return re.sub(r"\s+#\s[^'\"]*$", "", line).strip()


@pytest.fixture
def robot() -> Iterator[tuple[str, list[Request]]]:
    """A DingTalk robot on 127.0.0.1 (tests/loopback.py) answering every POST with success."""
    with http_server() as (url, received):
        yield f"{url}/robot/send?access_token=docs-test", received


DRAFT_TEXT = """某局開展學習教育實施方案

一、學習教育
(一)3月中旬召開動員大會。
(二)班子成員每人至少主持1次座談會。
二、總結
(一)6月底前形成工作小結報督導組。
"""


def test_pages_are_found() -> None:
    assert {"index.md", "tutorial.md", "explanation/status.md"} <= set(PAGES)
    assert len(PAGES) >= 15


@pytest.mark.parametrize("page", PAGES)
def test_every_example_on_the_page_runs(page: str, tmp_path: Path, robot: tuple[str, list[Request]],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(ROOT / "examples", work / "examples",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    # Files the pages take as given: a plan, its schedule, a plan document to draft from.
    shutil.copy(ROOT / "examples/s3-danyang-phase1/plan.toml", work / "plan.toml")
    shutil.copy(ROOT / "examples/s3-danyang-phase1/schedule-flawed.toml", work / "schedule.toml")
    (work / "實施方案.txt").write_text(DRAFT_TEXT, encoding="utf-8")
    if page == "batch.md":  # the page's `city/`: a few generated unit folders
        from masswork.testing.province import write_province

        write_province(work / "city", 4, 6, seed=1)
    url, received = robot
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(tmp_path),
           "EDITOR": "true", "MASSWORK_DINGTALK_URL": url, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("MASSWORK_LOAD_PLUGINS", None)
    monkeypatch.chdir(work)
    namespace: dict[str, object] = {"__name__": "docs_example"}
    ran = 0
    exports: list[str] = []  # a page's `export NAME=…` lines hold for its later blocks, as in one shell
    for i, (lang, title, body, comment) in enumerate(blocks(page)):
        where = f"docs/{page} block {i + 1} ({lang or 'plain'})"
        if lang in ("toml", "json"):
            if title:
                target = work / title
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            if lang == "toml" and not body.lstrip().startswith("["):
                tomllib.loads(body)  # a fragment of a table array is shown in context; a file must parse
            elif lang == "json":
                json.loads(body)
        elif comment.startswith("excerpt:"):
            source = ROOT / comment.split(":", 1)[1].strip()
            assert source.is_file(), f"{where} is an excerpt of {source}, which does not exist"
            whole = {_code(line) for line in source.read_text(encoding="utf-8").splitlines()}
            for line in body.splitlines():
                code = _code(line)
                if code and code != "..." and not code.startswith("#"):
                    assert code in whole, f"{where}: {code!r} is not in {source.relative_to(ROOT)}"
        elif lang == "python":
            exec(compile(body, where, "exec"), namespace)
            ran += 1
        elif lang in ("sh", "bash", "console"):
            if comment.startswith("not run:"):
                for cmd in commands(body):
                    parts = [ENV_PREFIX.sub("", c.strip()) for c in re.split(r"&&|;", cmd)]
                    assert all(p.startswith(INSTALLS) or p.startswith("cd ") or NEEDS_A_CLUSTER.search(p)
                               for p in parts), (
                        f"{where} is marked not run but does more than install software: {cmd}")
                continue
            r = subprocess.run(["bash", "-c", "\n".join(exports + [script(body)])], cwd=work, env=env, capture_output=True,
                               text=True, encoding="utf-8", timeout=300)
            assert r.returncode == 0, f"{where} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
            assert "Traceback" not in r.stderr, f"{where}:\n{r.stderr}"
            exports += [c for c in commands(body) if c.startswith("export ")]
            ran += 1
        else:
            assert lang in ("", "text"), f"{where}: unknown block language {lang!r}"
    if page == "how-to/remind.md":
        assert received, "the reminders guide sent nothing to the robot"


@pytest.mark.parametrize("page", PAGES)
def test_nothing_points_outside_the_repository(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert "shared/" not in text, f"docs/{page} names the shared folder, which is not in the repository"
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if "://" in target or target.startswith("#"):
            continue
        resolved = (DOCS / page).parent.joinpath(target.split("#")[0]).resolve()
        assert resolved.is_relative_to(DOCS), f"docs/{page} links outside docs/: {target}"
    # An example writes and reads inside the folder it runs in: a path of one machine (a
    # scratch folder, a worktree, a home directory) means nothing on the reader's.
    for lang, _title, body, _comment in blocks(page):
        if lang in ("sh", "bash", "console", "python", "toml", "json"):
            for path in MACHINE_PATH.findall(body):
                pytest.fail(f"docs/{page}: an example names {path!r}, a path outside the repository")


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example, run from the repository root as it says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert code, "the README shows no Python"
    monkeypatch.chdir(ROOT)
    for i, block in enumerate(code):
        exec(compile(block, f"README.md python block {i + 1}", "exec"), {"__name__": "readme_example"})


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    """``mkdocs build --strict``: a broken link or anchor, a nav entry without its page, a
    reference the API pages cannot resolve or a failing generator fails the suite."""
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                       cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert r.returncode == 0, r.stdout + r.stderr
    site = tmp_path / "site"
    for page in ("index.html", "tutorial.html", "reference/cli.html", "reference/kinds.html",
                 "reference/schemas.html", "reference/hookspecs.html", "reference/api.html",
                 "explanation/status.html", "changelog.html"):
        assert (site / page).is_file(), page
    cli_page = (site / "reference/cli.html").read_text(encoding="utf-8")
    for command in ("check", "explain", "export", "remind", "draft", "kinds", "schema"):
        assert f"masswork {command}" in cli_page, command
    # The CLI's help comes from the catalogues (masswork.helptext): English here, never a code.
    assert "Which requirements of PLAN does SCHEDULE meet?" in cli_page and "Language of messages" in cli_page
    assert "help.check" not in cli_page and "help.lang" not in cli_page
    kinds_page = (site / "reference/kinds.html").read_text(encoding="utf-8")
    for kind in ("per-person", "deadline", "pairwise", "gate"):
        assert kind in kinds_page
    hooks_page = (site / "reference/hookspecs.html").read_text(encoding="utf-8")
    from masswork import hookspecs

    for name in vars(hookspecs):
        if name.startswith("masswork_"):
            assert name in hooks_page, name


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    shell = re.findall(r"```sh\n(.*?)```", readme, re.S)
    assert len(shell) >= 2
    test_command = shell[1].strip()
    assert "pytest" in test_command and "venv" in test_command
    ci_lines = [line.strip() for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert ci_lines[-1] == test_command


def test_readme_set_up_check_says_what_it_finds() -> None:
    """The README's first command ends with a ``masswork check``; what the README says it
    finds (exit 1, four broken rules by 5 March, seven by the end) is what it finds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.findall(r"```sh\n(.*?)```", readme, re.S)[0].strip()
    check = first.split("&&")[-1].split()
    assert check[0].endswith("masswork") and check[1] == "check"
    numbers = {"four": 4, "seven": 7}
    said = re.search(r"exit code 1: the\s+flawed schedule has broken (\w+) rules by 5 March 2014, (\w+) by its end",
                     readme)
    assert said, "the README no longer says what its set-up check finds"
    for args, expected in ((check[2:], numbers[said.group(1)]),
                           ([a for a in check[2:] if a not in ("--as-of", "2014-03-05")], numbers[said.group(2)])):
        r = subprocess.run([str(BIN / "masswork"), "check", *args, "--format", "json"], cwd=ROOT,
                           capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert r.returncode == 1, r.stderr
        failing = [f for f in json.loads(r.stdout)["findings"] if f["status"] in ("unmet", "overdue")]
        assert len(failing) == expected, (args, [f["rule"] for f in failing])
