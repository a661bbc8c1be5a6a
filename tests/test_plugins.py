"""The plugin system: every hook has a test of its own (``test_hook_<name>``), duplicates
are rejected naming both plugins, failing plugins are named and spare the others, and
``MASSWORK_LOAD_PLUGINS`` chooses what loads."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import click
import pytest
from click.testing import CliRunner

import masswork
from masswork import plugins as mw_plugins
from masswork.channels import Channel
from masswork.exporters import Exporter
from masswork.kinds import Kind, Occurs, Outcome, ref
from masswork.plugins import make_plugin_manager
from masswork.testing import sample_export_input, sample_plan, sample_schedule


@attrs.frozen
class Always:
    activity: str = ref("activity")


def _always(req: masswork.Requirement, ctx: Any) -> Outcome:
    return Outcome(True, "總是", "always")


def _describe(req: masswork.Requirement, plan: masswork.Plan) -> tuple[str, str]:
    return ("總是", "always")


class KindPlugin:
    @masswork.hookimpl
    def masswork_register_kinds(self, register: Any) -> None:
        register(Kind("always", Always, _always, _describe))


def test_hook_masswork_register_kinds() -> None:
    host = make_plugin_manager(load_entrypoints=False, extra=(KindPlugin(),))
    kinds = host.kinds()
    assert "always" in kinds and kinds.owner("always") == "KindPlugin"
    plan = attrs.evolve(sample_plan(), requirements=(masswork.Requirement("a", "X", "always", Always("座談會")),))
    assert masswork.check(plan, sample_schedule(), kinds=kinds).finding("a").status is masswork.Status.MET
    # the validator checks a plugin kind's references like a built-in one's
    bad = attrs.evolve(plan, requirements=(masswork.Requirement("a", "X", "always", Always("座談")),))
    with pytest.raises(masswork.PlanError, match="unknown activity"):
        masswork.check(bad, sample_schedule(), kinds=kinds)


def test_duplicate_kind_names_both_plugins() -> None:
    class Dup:
        @masswork.hookimpl
        def masswork_register_kinds(self, register: Any) -> None:
            register(Kind("occurs", Occurs, _always, _describe))

    host = make_plugin_manager(load_entrypoints=False, extra=(Dup(),))
    host.kinds()
    (failure,) = host.failures
    assert "occurs" in failure.en and "masswork.builtin.kinds" in failure.en
    assert failure.plugin == "Dup"


def test_hook_masswork_register_exporters() -> None:
    class Fmt:
        @masswork.hookimpl
        def masswork_register_exporters(self, register: Any) -> None:
            register(Exporter("rules", ".txt", lambda inp: "\n".join(f.rule for f in inp.report.findings).encode(), "規則", "rules"))
            register(Exporter("csv", ".csv", lambda inp: b"", "重複", "duplicate"))
            register(Exporter("Bad Name", ".x", lambda inp: b"", "", ""))

    host = make_plugin_manager(load_entrypoints=False, extra=(Fmt(),))
    exporters = host.exporters()
    assert exporters["rules"].export(sample_export_input()).decode().splitlines()[0] == "mobilization"
    assert exporters["csv"].description_en.startswith("the ledger (CSV)")  # built-in kept
    messages = " ".join(f.en for f in host.failures)
    assert "already registered by plugin masswork.builtin.exporters" in messages


def test_hook_masswork_register_channels() -> None:
    got: list[Any] = []

    class Ch:
        @masswork.hookimpl
        def masswork_register_channels(self, register: Any) -> None:
            register(Channel("test", lambda r, s: got.append((r, dict(s)))))

    host = make_plugin_manager(load_entrypoints=False, extra=(Ch(),))
    assert {"console", "test"} <= set(host.channels())
    host.channels()["test"].deliver("r1", {"a": 1})
    assert got == [("r1", {"a": 1})]


def test_hook_masswork_working_day_calendar() -> None:
    class Cal:
        name = "test"

        def is_working_day(self, day: dt.date) -> bool:
            return day != dt.date(2014, 3, 4)

        def holiday(self, day: dt.date) -> str | None:
            return "測試假日 test holiday" if day == dt.date(2014, 3, 4) else None

    class P:
        @masswork.hookimpl
        def masswork_working_day_calendar(self, config: dict[str, Any]) -> Any:
            return Cal() if config.get("use") else None

    host = make_plugin_manager(load_entrypoints=False, extra=(P(),))
    assert host.calendar({}).name == "weekends"  # nobody answered
    cal = host.calendar({"use": True})
    plan = sample_plan()
    sched = attrs.evolve(sample_schedule(), events=(masswork.Event("x", "座談會", dt.date(2014, 3, 4), host="li-fei"),))
    warnings = masswork.check(plan, sched, calendar=cal).warnings
    assert any("測試假日" in w.message_zh and w.subject == "x" for w in warnings)


def test_hook_masswork_register_commands() -> None:
    class P:
        @masswork.hookimpl
        def masswork_register_commands(self, cli: click.Group) -> None:
            @cli.command(name="ping")
            def ping() -> None:
                click.echo("pong")

    group = click.Group()
    host = make_plugin_manager(load_entrypoints=False, extra=(P(),))
    host.pm.hook.masswork_register_commands(cli=group)
    assert CliRunner().invoke(group, ["ping"]).output == "pong\n"


def test_hook_masswork_read_document() -> None:
    class P:
        @masswork.hookimpl
        def masswork_read_document(self, path: str) -> str | None:
            return "正文" if path.endswith(".odt") else None

    host = make_plugin_manager(load_entrypoints=False, extra=(P(),))
    assert host.pm.hook.masswork_read_document(path="a.odt") == "正文"
    assert host.pm.hook.masswork_read_document(path="a.txt") is None


def test_bad_hook_signature_is_reported_by_name() -> None:
    class Bad:
        @masswork.hookimpl
        def masswork_register_kinds(self, register: Any, extra_arg: Any) -> None:
            pass

    host = make_plugin_manager(load_entrypoints=False, extra=(Bad(),))
    assert host.failures and "signature" in host.failures[0].en
    assert "occurs" in host.kinds()  # the built-ins still load


def test_plugin_that_raises_spares_the_others() -> None:
    class Boom:
        @masswork.hookimpl
        def masswork_register_exporters(self, register: Any) -> None:
            raise RuntimeError("kaboom")

    host = make_plugin_manager(load_entrypoints=False, extra=(Boom(),))
    assert "json" in host.exporters()
    assert any("kaboom" in f.en for f in host.failures)


def test_failing_exporter_exit_2_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from masswork.cli import cli
    from masswork.loaders import tomlw

    class Broken:
        @masswork.hookimpl
        def masswork_register_exporters(self, register: Any) -> None:
            register(Exporter("broken", ".txt", lambda inp: 1 / 0, "壞", "broken"))  # type: ignore[arg-type,return-value]

    monkeypatch.setattr(mw_plugins, "_HOST", make_plugin_manager(load_entrypoints=False, extra=(Broken(),)))
    plan, sched, out = tmp_path / "p.toml", tmp_path / "s.json", tmp_path / "out.txt"
    plan.write_text(tomlw.dumps(masswork.plan_to_dict(sample_plan())), encoding="utf-8")
    sched.write_text(json.dumps(masswork.schedule_to_dict(sample_schedule()), ensure_ascii=False), encoding="utf-8")
    out.write_text("previous good file", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(plan), str(sched), "--format", "broken", "-o", str(out)])
    assert result.exit_code == 2
    assert "plugin Broken" in result.output or "插件 Broken" in result.output
    assert "ZeroDivisionError" in result.output
    assert out.read_text(encoding="utf-8") == "previous good file"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.txt")]


def _masswork(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masswork", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_masswork_load_plugins_selects_installed_plugins() -> None:
    none = json.loads(_masswork("plugins", "--json", MASSWORK_LOAD_PLUGINS="").stdout)
    assert all(p["builtin"] for p in none["plugins"])
    everything = json.loads(_masswork("plugins", "--json").stdout)
    installed = [p["name"] for p in everything["plugins"] if not p["builtin"]]
    if installed:
        one = json.loads(_masswork("plugins", "--json", MASSWORK_LOAD_PLUGINS=installed[0]).stdout)
        assert [p["name"] for p in one["plugins"] if not p["builtin"]] == [installed[0]]


def test_no_import_time_side_effects() -> None:
    code = "import masswork, masswork.plugins as p; assert p._HOST is None; print('ok')"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "ok\n"


def test_hook_masswork_register_readers() -> None:
    from masswork.readers import Reader, ReadResult, read_schedule

    def read_lines(inp: Any) -> ReadResult:
        day, kind, host = inp.data.decode().split()[1:]
        return ReadResult({"plan": inp.plan.id, "events": [{"id": "x", "type": kind, "start": day, "host": host}]})

    class P:
        @masswork.hookimpl
        def masswork_register_readers(self, register: Any) -> None:
            register(Reader("line", (".line",), read_lines, lambda head: head.startswith(b"LINE ")))

    host = make_plugin_manager(load_entrypoints=False, extra=(P(),))
    readers = host.readers()
    assert list(readers)[:3] == ["json", "toml", "csv"] and "line" in readers
    assert host.owner_of("reader", "line") == "P"
    # Chosen by content: the suffix says .toml, the bytes say otherwise.
    got = read_schedule(b"LINE 2014-03-04 \xe5\xba\xa7\xe8\xab\x87\xe6\x9c\x83 li-fei", sample_plan(),
                        name="odd.toml", readers=tuple(readers.values()))
    assert got.reader == "line" and got.schedule.events[0].host == "li-fei"

    class Dup:
        @masswork.hookimpl
        def masswork_register_readers(self, register: Any) -> None:
            register(Reader("csv", (".csv",), read_lines))

    host = make_plugin_manager(load_entrypoints=False, extra=(Dup(),))
    assert host.readers()["csv"].description_en.startswith("ledger table")
    assert any("already registered by plugin masswork.builtin.readers" in f.en for f in host.failures)
