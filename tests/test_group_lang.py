"""``--lang`` before the command (``masswork --lang en check …``) chooses every command's
language; a command's own ``--lang`` still wins; a bad language or date is refused in the
environment's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from masswork.cli import cli

EX = Path(__file__).resolve().parent.parent / "examples" / "s3-danyang-phase1"
CHECK = ["check", str(EX / "plan.toml"), str(EX / "schedule-flawed.toml"), "--as-of", "2014-03-05"]


def _run(args: list[str], env_lang: str = "zh-Hant") -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, env={"MASSWORK_LANG": env_lang})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize(("lang", "said"), [("en", "As of: 2014-03-05"), ("zh-Hans", "评估日期"),
                                            ("zh-Hant", "評估日期")])
def test_group_lang_is_the_commands_default(lang: str, said: str) -> None:
    code, out = _run(["--lang", lang, *CHECK], env_lang="en" if lang != "en" else "zh-Hans")
    assert code == 1
    assert said in out


def test_command_lang_wins_over_group_lang() -> None:
    code, out = _run(["--lang", "en", *CHECK, "--lang", "zh-Hans"])
    assert code == 1
    assert "评估日期" in out and "As of" not in out


def test_group_lang_reaches_explain() -> None:
    code, out = _run(["--lang", "en", "explain", str(EX / "plan.toml")])
    assert code == 0
    assert "responsible:" in out and "責任" not in out


@pytest.mark.parametrize(("env_lang", "said", "not_said"), [
    ("en", "expected zh-Hans (Simplified Chinese)", "应为"),
    ("zh-Hans", "应为 zh-Hans(简体中文)", "expected"),
    ("zh-Hant", "應為 zh-Hans(簡體中文)", "expected"),
])
def test_bad_lang_in_the_environments_language(env_lang: str, said: str, not_said: str) -> None:
    code, out = _run(["--lang", "xx", *CHECK], env_lang=env_lang)
    assert code == 2
    assert said in out and not_said not in out
    assert "Traceback" not in out


@pytest.mark.parametrize(("env_lang", "said"), [("en", "is not a date; expected YYYY-MM-DD"),
                                                ("zh-Hans", "不是日期;应为 YYYY-MM-DD"),
                                                ("zh-Hant", "不是日期;應為 YYYY-MM-DD")])
def test_bad_as_of_in_the_environments_language(env_lang: str, said: str) -> None:
    code, out = _run([*CHECK[:3], "--as-of", "2014-13-01"], env_lang=env_lang)
    assert code == 2
    assert said in out
