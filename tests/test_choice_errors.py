"""A parameter that must be one of a few words (``credit_per``, a pairing ``mode`` …) and is
not: the error names the key, the value and the words allowed, in the reader's language —
never the repr of an attrs attribute."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from masswork.cli import cli

PLAN = """id = "q"
title = "t"
year = 2020
[[activities]]
id = "講座"
[[requirements]]
id = "r1"
clause = "1"
kind = "quantity"
activity = "講座"
min = 0
credit = 4
credit_per = "week"
"""


@pytest.mark.parametrize(("lang", "said", "allowed"), [
    ("en", "not one of the allowed values: 'week'", "one of: event, day, half-day, hour"),
    ("zh-Hans", "不是可用的值之一:'week'", "以下之一:event, day, half-day, hour"),
    ("zh-Hant", "不是可用的值之一:'week'", "以下之一:event, day, half-day, hour"),
])
def test_a_word_not_allowed_names_key_value_and_choices(tmp_path: Path, lang: str, said: str, allowed: str) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", str(plan), "--lang", lang])
    assert result.exit_code == 2, result.output
    err = result.stderr
    assert "plan.toml:13: requirements[0].credit_per" in err, err
    assert said in err and allowed in err, err
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Attribute(" not in err and "masswork/" not in err.replace(str(tmp_path), ""), err
