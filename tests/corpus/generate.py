"""Writes the generated part of ``tests/corpus/bad/``: malformed plans, schedules and
documents, each beside a ``.expect`` sidecar saying what reads it and what the error must
say. Run it from anywhere; it rewrites ``bad/gen-*`` folders only (``bad/hand/`` is written
by hand)::

    python tests/corpus/generate.py [FOLDER]     # default: tests/corpus/bad

A ``.expect`` file is a few ``key: value`` lines:

``reads``     ``plan``, ``schedule`` or ``document`` (which commands read the case);
``fragment``  text the one error message must contain (English; several separated by ``|``
              must all appear);
``where``     ``line N`` (the message shows ``FILE:N``), ``path KEY.PATH`` (the key path
              appears), or ``file`` (the file is named);
``blame``     the file the message must name, when it is not the case itself (an
              ``extends`` base).

Files whose names start with ``_`` are helpers (the base of an ``extends``), not cases.
Cases that cannot live in git (FIFOs, devices, files over the size limit) are made by
``tests/test_corpus.py`` at run time from :func:`runtime_cases`.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
GOOD = HERE / "good"

sys.path.insert(0, str(HERE.parents[1] / "src"))
from masswork.loaders import tomlw  # noqa: E402

sys.path.insert(0, str(HERE))
import sheets  # noqa: E402

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Case = tuple[str, bytes, dict[str, str]]  # file name, content, expectations


def good_plan_text() -> str:
    return (GOOD / "plan.toml").read_text(encoding="utf-8")


def good_schedule_text() -> str:
    return (GOOD / "schedule.toml").read_text(encoding="utf-8")


def _line_of(text: str, marker: str) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if marker in line:
            return n
    raise AssertionError(f"marker {marker!r} not found")


def expect(reads: str, fragment: str, where: str, blame: str | None = None) -> dict[str, str]:
    out = {"reads": reads, "fragment": fragment, "where": where}
    if blame:
        out["blame"] = blame
    return out


# ---------------------------------------------------------------- syntax: TOML and JSON

TOML_BREAKS: list[tuple[str, str]] = [
    # (name, a line that breaks TOML) — one per class of TOML syntax error
    ("unterminated-string", 'note = "no end'),
    ("unterminated-literal", "note = 'no end"),
    ("unterminated-multiline", 'note = """never closed'),
    ("missing-value", "note ="),
    ("missing-equals", "note"),
    ("bare-value", 'note = hello'),
    ("bad-escape", 'note = "bad \\q escape"'),
    ("bad-unicode-escape", 'note = "\\uZZZZ"'),
    ("surrogate-escape", 'note = "\\uD800"'),
    ("control-char", 'note = "bell\x07here"'),
    ("leading-zero", "note = 0123"),
    ("double-underscore", "note = 1__000"),
    ("trailing-underscore", "note = 1000_"),
    ("bad-float", "note = 1.e5"),
    ("bad-date", "note = 2014-13-01"),
    ("bad-time", "note = 2014-03-01T25:00:00"),
    ("unclosed-array", "note = [1, 2"),
    ("unclosed-inline-table", "note = { a = 1"),
    ("newline-in-inline-table", "note = { a = 1,\nb = 2 }"),
    ("trailing-comma-inline", "note = { a = 1, }"),
    ("bad-bare-key", "no te = 1"),
    ("key-with-dot-space", "a. = 1"),
    ("garbage-after-value", 'note = "x" y'),
    ("unclosed-header", "[options"),
    ("empty-header", "[]"),
    ("bad-array-header", "[[roles]"),
    ("duplicate-key", 'id = "again"'),
    ("table-redefined", "[options]\n[options]"),
    ("array-as-table", "[roles]"),
    ("plus-in-key", "+x = 1"),
]


def toml_syntax() -> Iterator[Case]:
    for which, text in (("plan", good_plan_text()), ("schedule", good_schedule_text())):
        lines = text.splitlines()
        # insert after the top-level scalars (line 3), before any table
        at = 3
        for name, bad in TOML_BREAKS:
            if which == "schedule" and name in ("table-redefined", "array-as-table", "bad-array-header"):
                bad = bad.replace("options", "meta").replace("roles", "events")
            new = lines[:at] + bad.split("\n") + lines[at:]
            body = "\n".join(new) + "\n"
            line = at + 1 if name != "table-redefined" else at + 2
            if name in ("unterminated-multiline", "unterminated-literal", "unclosed-array", "array-as-table"):
                line = 0  # reported at the end of the file, or where the value is taken up again
            where = f"line {line}" if line else "file"
            if name == "duplicate-key":
                where = "file"
            yield f"{which}-{name}.toml", body.encode(), expect(which, "TOML syntax error", where)


JSON_BREAKS: list[tuple[str, Callable[[str], str], str]] = [
    ("trailing-comma", lambda t: t.replace('"year": 2014', '"year": 2014,', 1).replace('\n}', ',\n}', 1), "JSON syntax error"),
    ("single-quotes", lambda t: t.replace('"title"', "'title'", 1), "JSON syntax error"),
    ("unquoted-key", lambda t: t.replace('"title"', "title", 1), "JSON syntax error"),
    ("comment", lambda t: t.replace("{\n", "{\n  // a comment\n", 1), "JSON syntax error"),
    ("truncated", lambda t: t[: len(t) // 2], "JSON syntax error"),
    ("extra-data", lambda t: t + "{}\n", "JSON syntax error"),
    ("bad-escape", lambda t: t.replace('"小方案"', '"bad \\q"', 1), "JSON syntax error"),
    ("control-char", lambda t: t.replace('"小方案"', '"a\tb"', 1), "JSON syntax error"),
    ("leading-zero", lambda t: t.replace("2014,", "02014,", 1), "JSON syntax error"),
    ("hex-number", lambda t: t.replace("2014,", "0x7de,", 1), "JSON syntax error"),
    ("missing-colon", lambda t: t.replace('"title":', '"title"', 1), "JSON syntax error"),
    ("missing-comma", lambda t: t.replace('"year": 2014,', '"year": 2014', 1), "JSON syntax error"),
    ("unclosed-array", lambda t: t.rstrip().rstrip("}").rstrip().rstrip("]") + "\n", "JSON syntax error"),
    ("nan", lambda t: t.replace("2014,", "NaN,", 1), "not allowed"),
    ("infinity", lambda t: t.replace("2014,", "Infinity,", 1), "not allowed"),
    ("minus-infinity", lambda t: t.replace("2014,", "-Infinity,", 1), "not allowed"),
    ("top-level-array", lambda t: "[" + t + "]", "top level must be a table"),
    ("top-level-string", lambda t: '"plan"\n', "top level must be a table"),
    ("top-level-number", lambda t: "2014\n", "top level must be a table"),
    ("lone-surrogate", lambda t: t.replace('"小方案"', '"\\ud800"', 1), "lone surrogate"),
]


def _json_text(toml_text: str) -> str:
    data = tomllib.loads(toml_text)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def json_syntax() -> Iterator[Case]:
    for which, text in (("plan", _json_text(good_plan_text())), ("schedule", _json_text(good_schedule_text()))):
        for name, mutate, fragment in JSON_BREAKS:
            bad = mutate(text)
            if which == "schedule" and "2014," not in text and "2014" in fragment:
                continue
            if bad == text:
                # the mutation did not apply to this file; use the plan's title field instead
                continue
            where = "path title" if name == "lone-surrogate" else "file"
            if name == "lone-surrogate" and which == "schedule":
                continue
            yield f"{which}-{name}.json", bad.encode(), expect(which, fragment, where)


# ---------------------------------------------------------------- types, keys

WRONG: list[tuple[str, Any]] = [("int", 7), ("str", "seven"), ("list", [1, 2]), ("table", {"a": 1}), ("bool", True)]

PLAN_FIELDS: dict[tuple[str | int, ...], str] = {
    ("id",): "str", ("title",): "str", ("year",): "int", ("start",): "str", ("end",): "str",
    ("options",): "table", ("options", "lead_days"): "list", ("options", "working_days"): "bool",
    ("roles",): "list", ("roles", 0): "table", ("roles", 0, "id"): "str", ("roles", 0, "includes"): "list",
    ("people",): "list", ("people", 0): "table", ("people", 0, "name"): "str", ("people", 0, "roles"): "list",
    ("activities",): "list", ("activities", 0, "id"): "str",
    ("requirements",): "list", ("requirements", 0): "table", ("requirements", 0, "id"): "str",
    ("requirements", 0, "clause"): "str", ("requirements", 0, "kind"): "str",
    ("requirements", 0, "min"): "int", ("requirements", 0, "activity"): "str",
    ("requirements", 0, "min_for"): "table", ("requirements", 1, "min"): "int",
}
SCHEDULE_FIELDS: dict[tuple[str | int, ...], str] = {
    ("plan",): "str", ("events",): "list", ("events", 0): "table", ("events", 0, "id"): "str",
    ("events", 0, "type"): "str", ("events", 0, "status"): "str", ("events", 0, "host"): "str",
    ("events", 0, "attendees"): "list", ("events", 1, "hours"): "int",
}


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _del(data: Any, path: tuple[str | int, ...]) -> None:
    for part in path[:-1]:
        data = data[part]
    del data[path[-1]]


def _fmt(path: tuple[str | int, ...]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def _dump(data: Any, ext: str) -> bytes:
    if ext == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode()
    return tomlw.dumps(data).encode()


# Wrong values the model accepts on purpose (an int is a valid float; a table's keys are
# free) or that are caught as something other than a type error.
_ACCEPTED = {(("requirements", 0, "min_for"), "table"), (("events", 1, "hours"), "int")}


def wrong_types() -> Iterator[Case]:
    for which, text, fields in (("plan", good_plan_text(), PLAN_FIELDS),
                                ("schedule", good_schedule_text(), SCHEDULE_FIELDS)):
        base = tomllib.loads(text)
        for path, right in fields.items():
            for label, value in WRONG:
                if label == right or (right == "int" and label == "bool") and False:
                    continue
                if label == right or (path, label) in _ACCEPTED:
                    continue
                if right == "str" and label == "bool" and path[-1] in ("kind",):
                    pass
                data = json.loads(json.dumps(base, default=str))
                _set(data, path, value)
                ext = "json" if (len(path) + len(label)) % 2 else "toml"
                name = f"{which}-type-{_fmt(path).replace('[', '.').replace(']', '')}-{label}.{ext}"
                yield name, _dump(data, ext), expect(which, "", f"path {_fmt(path)}")


def keys() -> Iterator[Case]:
    plan = tomllib.loads(good_plan_text())
    sched = tomllib.loads(good_schedule_text())
    required_plan = [("id",), ("title",), ("year",), ("roles", 0, "id"), ("people", 0, "id"),
                     ("requirements", 0, "id"), ("requirements", 0, "kind"), ("requirements", 1, "min"),
                     ("requirements", 0, "activity")]
    for path in required_plan:
        data = json.loads(json.dumps(plan, default=str))
        _del(data, path)
        frag = {"kind": "missing requirement kind", "activity": "exactly one of activity"}.get(str(path[-1]), "missing")
        shown = _fmt(path[:-1]) if path[-1] == "activity" else _fmt(path)
        yield (f"plan-missing-{_fmt(path).replace('[', '.').replace(']', '')}.toml", _dump(data, "toml"),
               expect("plan", frag, f"path {shown}"))
    for path in [("events", 0, "id"), ("events", 0, "type"), ("events", 0, "start")]:
        data = json.loads(json.dumps(sched, default=str))
        _del(data, path)
        yield (f"schedule-missing-{_fmt(path).replace('[', '.').replace(']', '')}.toml", _dump(data, "toml"),
               expect("schedule", "missing", f"path {_fmt(path)}"))
    unknown_plan = [((), "titel"), ((), "yaer"), (("options",), "workingdays"), (("roles", 0), "inclues"),
                    (("people", 0), "nmae"), (("requirements", 0), "mn"), (("requirements", 1), "activty"),
                    (("activities", 0), "nme")]
    for where, key in unknown_plan:
        data = json.loads(json.dumps(plan, default=str))
        target: Any = data
        for p in where:
            target = target[p]
        target[key] = "x"
        for ext in ("toml", "json"):
            yield (f"plan-unknown-{key}.{ext}", _dump(data, ext),
                   expect("plan", "unknown key", f"path {_fmt((*where, key))}"))
    for where, key in [((), "evnts"), (("events", 0), "hots"), (("events", 0), "stat")]:
        data = json.loads(json.dumps(sched, default=str))
        target = data
        for p in where:
            target = target[p]
        target[key] = "x"
        for ext in ("toml", "json"):
            yield (f"schedule-unknown-{key}.{ext}", _dump(data, ext),
                   expect("schedule", "unknown key", f"path {_fmt((*where, key))}"))
    for kind in ("per-persn", "quantty", "", "ORDER"):
        data = json.loads(json.dumps(plan, default=str))
        data["requirements"][0]["kind"] = kind
        yield (f"plan-unknown-kind-{kind or 'empty'}.toml", _dump(data, "toml"),
               expect("plan", "unknown requirement kind", "path requirements[0].kind"))
    for enum_path, value in ((("requirements", 0, "severity"), "fatal"), (("events", 0, "status"), "done-ish")):
        which = "plan" if enum_path[0] == "requirements" else "schedule"
        data = json.loads(json.dumps(plan if which == "plan" else sched, default=str))
        _set(data, enum_path, value)
        yield (f"{which}-bad-enum-{enum_path[-1]}.toml", _dump(data, "toml"),
               expect(which, "invalid value|expected", f"path {_fmt(enum_path)}"))


# ---------------------------------------------------------------- references, dates, phrases

def references() -> Iterator[Case]:
    plan = good_plan_text()
    sched = good_schedule_text()
    plan_swaps = [
        ("role-in-person", 'roles = ["主要負責人"]', 'roles = ["主任"]', "unknown role", "people[0].roles[0]"),
        ("role-in-requirement", 'role = "班子成員"', 'role = "班子成员x"', "unknown", "requirements[0].role"),
        ("role-includes", 'includes = ["主要負責人"]', 'includes = ["副主任"]', "unknown", "roles[0].includes[0]"),
        ("activity", 'activity = "座談會"', 'activity = "座谈会议"', "unknown", "requirements[0].activity"),
        ("activity-quantity", 'activity = "學習"', 'activity = "学习x"', "unknown", "requirements[1].activity"),
        ("min-for-role", "min_for = { \"主要負責人\" = 2 }", "min_for = { \"局長\" = 2 }", "unknown", "requirements[0].min_for"),
    ]
    for name, old, new, frag, path in plan_swaps:
        assert old in plan, old
        yield f"plan-unknown-{name}.toml", plan.replace(old, new, 1).encode(), expect("plan", frag, f"path {path}")
    sched_swaps = [
        ("type", 'type = "座談會"', 'type = "茶話會"', "unknown", "events[0].type"),
        ("host", 'host = "li"', 'host = "wang"', "unknown", "events[0].host"),
        ("attendee", 'attendees = ["sun"]', 'attendees = ["zhao"]', "unknown", "events[0].attendees[0]"),
        ("body-attendee", 'attendees = ["sun"]', 'attendees = ["督導組x"]', "unknown", "events[0].attendees[0]"),
        ("type-near-miss", 'type = "學習"', 'type = "學習會議"', "unknown", "events[1].type"),
        ("status", 'status = "held"', 'status = "finished"', "invalid value", "events[0].status"),
    ]
    for name, old, new, frag, path in sched_swaps:
        assert old in sched, old
        yield (f"schedule-unknown-{name}.toml", sched.replace(old, new, 1).encode(),
               expect("schedule", frag, f"path {path}"))


def dates() -> Iterator[Case]:
    plan = good_plan_text()
    sched = good_schedule_text()
    for name, new, frag, where in [
        ("feb-30-string", 'start = "2014-02-30"', "has no day 30", "line 4"),
        ("month-13-string", 'start = "2014-13-01"', "no month 13", "line 4"),
        ("feb-29-string", 'start = "2014-02-29"', "has no day 29", "line 4"),
        ("day-0-string", 'start = "2014-02-00"', "no day 0", "line 4"),
        ("words-date", 'start = "next spring"', "cannot read the calendar phrase", "line 4"),
        ("feb-29-literal", "start = 2014-02-29", "TOML syntax error", "line 4"),
        ("month-13-literal", "start = 2014-13-01", "TOML syntax error", "line 4"),
    ]:
        yield f"plan-date-{name}.toml", plan.replace('start = "2014-02-01"', new, 1).encode(), expect("plan", frag, where)
    yield ("plan-date-end-before-start.toml", plan.replace('end = "2014-06-30"', 'end = "2014-01-01"', 1).encode(),
           expect("plan", "ends before it starts", "path end"))
    for name, new, frag in [
        ("feb-30", "start = 2014-02-30", "TOML syntax error"),
        ("month-13", "start = 2014-13-02", "TOML syntax error"),
        ("feb-29", "start = 2014-02-29", "TOML syntax error"),
        ("hour-25", "start = 2014-03-01T25:00:00", "TOML syntax error"),
    ]:
        body = sched.replace("start = 2014-03-01", new, 1)
        yield f"schedule-date-{name}.toml", body.encode(), expect("schedule", frag, f"line {_line_of(body, new)}")
    for name, new in [("string-feb-30", 'start = "2014-02-30"'), ("string-words", 'start = "三月一日"')]:
        body = sched.replace("start = 2014-03-01", new, 1)
        yield f"schedule-date-{name}.toml", body.encode(), expect("schedule", "not a valid", "path events[0].start")
    body = sched.replace("start = 2014-03-01", "start = 2014-03-01\nend = 2014-02-01", 1)
    yield "schedule-date-ends-before-start.toml", body.encode(), expect("schedule", "ends before it starts", "path events[0]")
    # deadlines outside the campaign (the campaign runs 2014-02-01 … 2014-06-30)
    for name, within in [("before-campaign", "2013年12月底前"), ("last-year-month", "2013年3月中旬"),
                         ("long-before", "2010年5月")]:
        body = plan.replace('min_for = { \"主要負責人\" = 2 }', f'min_for = {{ \"主要負責人\" = 2 }}\nwithin = "{within}"', 1)
        yield f"plan-deadline-{name}.toml", body.encode(), expect("plan", "", "path requirements[0].within")


PHRASES = ["3月中旬x", "三月中中旬", "會後9999年", "提前半天天", "不少於", "13月上旬", "2月30日前",
           "會前-7天", "3個工作日內內", "月中", "第二季度末末", "下下旬", "於會後", "T+3", "3月40日",
           "2014年13月", "0月1日前", "會前99999天"]


def phrases() -> Iterator[Case]:
    plan = good_plan_text()
    for i, phrase in enumerate(PHRASES):
        body = plan.replace('min_for = { \"主要負責人\" = 2 }', f'min_for = {{ \"主要負責人\" = 2 }}\nwithin = "{phrase}"', 1)
        yield (f"plan-phrase-{i:02d}.toml", body.encode(),
               expect("plan", "", "path requirements[0].within"))


# ---------------------------------------------------------------- cycles, duplicates, extends

def cycles_and_duplicates() -> Iterator[Case]:
    plan = good_plan_text()
    body = plan.replace('[[roles]]\nid = "主要負責人"', '[[roles]]\nid = "主要負責人"\nincludes = ["班子成員"]', 1)
    yield "plan-cycle-roles.toml", body.encode(), expect("plan", "cycle", "path roles")
    acts = "".join(f'\n[[activities]]\nid = "a{i}"\n' for i in range(3))
    orders = "".join(
        f'\n[[requirements]]\nid = "o{i}"\nclause = "S9.{i}"\nkind = "order"\nactivity = "a{i}"\n'
        f'anchor_activity = "a{(i + 1) % 3}"\nrelation = "after"\n' for i in range(3))
    yield "plan-cycle-order.toml", (plan + acts + orders).encode(), expect("plan", "cycle", "path requirements")
    # long chains: the cycle checks must not recurse once per link
    many = 1500
    acts = "".join(f'\n[[activities]]\nid = "b{i}"\n' for i in range(many))
    orders = "".join(
        f'\n[[requirements]]\nid = "ob{i}"\nclause = "S8.{i}"\nkind = "order"\nactivity = "b{i}"\n'
        f'anchor_activity = "b{(i + 1) % many}"\nrelation = "after"\n' for i in range(many))
    yield "plan-cycle-order-1500.toml", (plan + acts + orders).encode(), expect("plan", "cycle", "path requirements")
    roles = "".join(f'\n[[roles]]\nid = "r{i}"\nincludes = ["r{(i + 1) % 1200}"]\n' for i in range(1200))
    yield "plan-cycle-roles-1200.toml", (plan + roles).encode(), expect("plan", "cycle", "path roles")
    for ns, block in [("roles", '[[roles]]\nid = "主要負責人"\n'), ("people", '[[people]]\nid = "li"\nname = "李二"\n'),
                      ("activities", '[[activities]]\nid = "學習"\n')]:
        yield f"plan-duplicate-{ns}.toml", (plan + "\n" + block).encode(), expect("plan", "duplicate", f"path {ns}")
    dup_req = plan + '\n[[requirements]]\nid = "forums"\nclause = "S3.9"\nkind = "quantity"\nactivity = "學習"\nmin = 1\n'
    yield "plan-duplicate-requirement.toml", dup_req.encode(), expect("plan", "duplicate", "path requirements")
    sched = good_schedule_text()
    dup_event = sched + '\n[[events]]\nid = "e1"\ntype = "學習"\nstart = 2014-03-03\nstatus = "held"\nhours = 1\n'
    yield "schedule-duplicate-event.toml", dup_event.encode(), expect("schedule", "duplicate", "path events")


def extends_cases() -> Iterator[Case]:
    plan = good_plan_text()
    yield "_base.toml", plan.encode(), {}
    yield "_base-bad.toml", plan.replace("min = 10", "min = \"ten\"").encode(), {}
    yield "_cycle-a.toml", b'extends = "_cycle-b.toml"\nid = "a"\n', {}
    yield "_cycle-b.toml", b'extends = "_cycle-a.toml"\nid = "b"\n', {}
    yield "_base-unknown.toml", plan.replace('activity = "學習"', 'activity = "沒有"').encode(), {}
    for i in range(20):
        nxt = f"_chain-{i + 1:02d}.toml" if i < 19 else "_base.toml"
        yield f"_chain-{i:02d}.toml", f'extends = "{nxt}"\nid = "c{i}"\n'.encode(), {}
    rows = [
        ("self", '"extends-self.toml"', "cycle"),
        ("two-cycle", '"_cycle-a.toml"', "cycle"),
        ("missing", '"no-such-base.toml"', "does not exist"),
        ("directory", '"."', "directory"),
        ("parent-dir", '".."', "outside"),
        ("dev-zero", '"/dev/zero"', "outside"),
        ("dev-null", '"/dev/null"', "outside"),
        ("etc-passwd", '"../../../../../../../../etc/passwd"', "outside"),
        ("proc-environ", '"/proc/self/environ"', "outside"),
        ("absolute-tmp", '"/tmp/masswork-no-such-base.toml"', "does not exist"),
        ("dotdot-escape", '"../gen-extends/../../good/plan.toml"', "outside"),
        ("nul-in-path", '"_base.toml\\u0000.png"', "NUL"),
        ("empty-path", '""', "empty"),
        ("number", "5", "must be a file path"),
        ("list", '["_base.toml"]', "must be a file path"),
        ("table", '{ path = "_base.toml" }', "must be a file path"),
        ("chain-too-long", '"_chain-00.toml"', "chain too long"),
        ("symlink-loop", '"_loop-1"', "symbolic link loop"),
        ("symlink-out", '"_link-to-dev-zero"', "outside"),
        ("long-name", '"' + "x" * 5000 + '.toml"', "extends"),
    ]
    for name, target, frag in rows:
        body = f'extends = {target}\nid = "child"\n'
        blame = {"chain-too-long": "_chain-15.toml", "two-cycle": "_cycle-b.toml"}.get(name)
        yield (f"extends-{name}.toml", body.encode(),
               expect("plan", frag, "line 1", blame))
    for name, remove, frag in [("number", "5", "remove must be a list"), ("table", "{ a = 1 }", "remove must be a list"),
                               ("list-of-numbers", "[1, 2]", "remove must be a list"),
                               ("unknown-id", '["no-such-rule"]', "base plan does not have"),
                               ("unknown-string", '"no-such-rule"', "base plan does not have")]:
        body = f'extends = "_base.toml"\nid = "child"\nremove = {remove}\n'
        yield f"remove-{name}.toml", body.encode(), expect("plan", frag, "line 3")
    yield ("remove-without-extends.toml", (plan.replace('title = "小方案"', 'title = "小方案"\nremove = ["forums"]', 1)).encode(),
           expect("plan", "remove needs extends", "path remove"))
    # errors inside a base are blamed on the base, with its line
    yield ("extends-base-wrong-type.toml", b'extends = "_base-bad.toml"\nid = "child"\n',
           expect("plan", "wrong type", f"line {_line_of(plan, 'min = 10')}", "_base-bad.toml"))
    act_line = _line_of(plan, 'activity = "學習"')
    yield ("extends-base-unknown-activity.toml", b'extends = "_base-unknown.toml"\nid = "child"\n',
           expect("plan", "unknown", f"line {act_line}", "_base-unknown.toml"))
    yield ("extends-child-unknown-role.toml",
           'extends = "_base.toml"\nid = "child"\n\n[[people]]\nid = "zhou"\nname = "周"\nroles = ["無此角色"]\n'.encode(),
           expect("plan", "unknown role", "line 7"))


def symlinks(folder: Path) -> None:
    pairs = {"_loop-1": "_loop-2", "_loop-2": "_loop-1", "_link-to-dev-zero": "/dev/zero"}
    for name, target in pairs.items():
        link = folder / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target)


# ---------------------------------------------------------------- encodings, empties

def encodings() -> Iterator[Case]:
    plan = good_plan_text()
    sched = good_schedule_text()
    for which, text in (("plan", plan), ("schedule", sched)):
        yield f"{which}-utf16le-bom.toml", b"\xff\xfe" + text.encode("utf-16-le"), expect(which, "UTF-16", "line 1")
        yield f"{which}-utf16be-bom.toml", b"\xfe\xff" + text.encode("utf-16-be"), expect(which, "UTF-16", "line 1")
        yield f"{which}-utf16le-nobom.toml", text.encode("utf-16-le"), expect(which, "", "file")
        yield f"{which}-gbk.toml", text.encode("gb18030"), expect(which, "not UTF-8", "file")
        yield f"{which}-big5.toml", text.encode("big5", errors="replace"), expect(which, "not UTF-8", "file")
        yield f"{which}-latin1-byte.toml", text.encode() + b'note = "caf\xe9"\n', expect(which, "not UTF-8", "file")
        yield f"{which}-nul-byte.toml", text.encode().replace(b"\n", b"\n\x00", 1), expect(which, "NUL", "line 2")
        yield f"{which}-nul-end.toml", text.encode() + b"\x00", expect(which, "NUL", "file")
        yield f"{which}-empty.toml", b"", expect(which, "missing", "file")
        yield f"{which}-empty.json", b"", expect(which, "JSON syntax error", "file")
        yield f"{which}-whitespace.toml", b"  \n\n\t\n", expect(which, "missing", "file")
        yield f"{which}-bom-only.toml", b"\xef\xbb\xbf", expect(which, "missing", "file")
        bom_err = "\ufeff" + text.replace("\n", '\nnote = "x" junk\n', 1)
        yield f"{which}-bom-then-error.toml", bom_err.encode(), expect(which, "TOML syntax error", "line 2")
        yield f"{which}-bom-twice.toml", ("\ufeff\ufeff" + text).encode(), expect(which, "TOML syntax error", "line 1")
        yield f"{which}-binary.toml", bytes(range(256)) * 4, expect(which, "", "file")
        yield f"{which}-zip-as-toml.toml", _zip_bytes({"a.txt": b"hello"}), expect(which, "", "file")
        yield (f"{which}-overlong-utf8.toml", text.encode() + b'note = "\xc0\xaf"\n', expect(which, "not UTF-8", "file"))
        yield (f"{which}-cesu-surrogate.toml", text.encode() + b'note = "\xed\xa0\x80"\n', expect(which, "not UTF-8", "file"))


# ---------------------------------------------------------------- sizes and numbers

def limits() -> Iterator[Case]:
    plan = good_plan_text()
    sched = good_schedule_text()
    for depth in (40, 1000, 20_000):
        yield (f"plan-deep-json-{depth}.json", ('{"id": ' + '{"a": ' * depth + "1" + "}" * depth + "}").encode(),
               expect("plan", "nested too deeply", "line 1"))
        yield (f"plan-deep-array-{depth}.toml", ("x = " + "[" * depth + "]" * depth + "\n" + plan).encode(),
               expect("plan", "nested too deeply", "line 1"))
        yield (f"schedule-deep-inline-{depth}.toml", ("x = " + "{a=" * depth + "1" + "}" * depth + "\n" + sched).encode(),
               expect("schedule", "nested too deeply", "line 1"))
    yield ("plan-deep-array-one-per-line.toml", ("x = " + "[\n" * 5000 + "]\n" * 5000 + plan).encode(),
           expect("plan", "nested too deeply", "line 33"))
    dotted = "x." * 60 + "y = 1\n"
    yield "plan-deep-dotted-key.toml", (dotted + plan).encode(), expect("plan", "nested too deeply", "path x")
    header = "[" + ".".join(["t"] * 60) + "]\nv = 1\n"
    yield "plan-deep-table-header.toml", (plan + header).encode(), expect("plan", "nested too deeply", "path t")
    minline = _line_of(plan, "min = 10")
    for name, value, frag in [
        ("int-5000-digits", "9" * 5000, "too many digits"),
        ("int-4301-digits", "1" + "0" * 4300, "too many digits"),
        ("int-20-digits", "9" * 20, "integer too large"),
        ("int-negative-huge", "-" + "9" * 20, "integer too large"),
        ("inf", "inf", "finite"),
        ("plus-inf", "+inf", "finite"),
        ("minus-inf", "-inf", "finite"),
        ("nan", "nan", "finite"),
        ("minus-nan", "-nan", "finite"),
        ("float-huge", "1e300", "too large"),
        ("negative", "-5", "negative"),
        ("negative-float", "-0.5", "negative"),
    ]:
        body = plan.replace("min = 10", f"min = {value}", 1)
        where = "path requirements[1]" if "negative" in name else f"line {minline}"
        yield f"plan-number-{name}.toml", body.encode(), expect("plan", frag, where)
    hours_line = _line_of(sched, "hours = 3")
    for name, value, frag in [("inf", "inf", "finite"), ("nan", "nan", "finite"), ("negative", "-3", ">= 0"),
                              ("huge", "9" * 30, "too large"), ("5000-digits", "9" * 5000, "too many digits")]:
        body = sched.replace("hours = 3", f"hours = {value}", 1)
        where = "path events[1]" if name == "negative" else f"line {hours_line}"
        yield f"schedule-hours-{name}.toml", body.encode(), expect("schedule", frag, where)
    big = "長" + "c" * 100_000
    yield ("plan-long-title.toml", plan.replace('title = "小方案"', f'title = "{big}"', 1).encode(),
           expect("plan", "string too long", "line 2"))
    yield ("plan-long-key.toml", (plan + f'\n[options]\n"{"k" * 100_001}" = 1\n').encode() if "[options]" not in plan
           else plan.replace("[options]", f'[options]\n"{"k" * 100_001}" = 1', 1).encode(),
           expect("plan", "key too long", "path options"))
    yield ("schedule-long-note.toml", sched.replace('host = "li"', f'host = "li"\nnote = "{"n" * 100_001}"', 1).encode(),
           expect("schedule", "string too long", "path events[0].note"))
    yield ("plan-unknown-role-50k.toml", plan.replace('role = "班子成員"', f'role = "{"y" * 50_000}"', 1).encode(),
           expect("plan", "unknown", "path requirements[0].role"))


# ---------------------------------------------------------------- documents for draft

DOC_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                 '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def _info(name: str) -> zipfile.ZipInfo:
    # a fixed time stamp, so the generated files are the same on every run
    info = zipfile.ZipInfo(name, date_time=(2014, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _zip_bytes(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(_info(name), data)
    return buf.getvalue()


def _docx(document: bytes | None, extra: dict[str, bytes] | None = None) -> bytes:
    parts = {"[Content_Types].xml": CONTENT_TYPES.encode(), "_rels/.rels": RELS.encode()}
    if document is not None:
        parts["word/document.xml"] = document
    parts.update(extra or {})
    return _zip_bytes(parts)


def _bomb() -> bytes:
    # one part declaring 300 MB that deflates to about 300 KB
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(_info("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(_info("_rels/.rels"), RELS)
        with z.open(_info("word/document.xml"), "w", force_zip64=True) as fh:
            fh.write(DOC_XML.format(text="").encode()[:-30])
            block = b" " * (1 << 20)
            for _ in range(300):
                fh.write(block)
    return buf.getvalue()


def _ratio_bomb() -> bytes:
    # under the size limit, far over the ratio limit: 40 MB of one letter
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(_info("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(_info("_rels/.rels"), RELS)
        z.writestr(_info("word/document.xml"), DOC_XML.format(text="要" * (13 * 1024 * 1024)))
    return buf.getvalue()


def _many_parts() -> bytes:
    parts = {f"word/media/p{i}.xml": b"<a/>" for i in range(2100)}
    return _docx(DOC_XML.format(text="一、總則").encode(), parts)


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{"&lol" + (str(i - 1) if i > 1 else "") + ";" * 1}' * 1 + '">'
                    for i in range(1, 10))
          + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
          '<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def documents() -> Iterator[Case]:
    good_text = "一、總則\n黨組織主要負責同志至少召開2次座談會。\n"
    rows: list[tuple[str, bytes, str, str]] = [
        ("txt-nul.txt", good_text.encode() + b"\x00\x00binary", "NUL", "line 3"),
        ("txt-binary.txt", bytes(range(256)) * 64, "", "file"),
        ("txt-undecodable.txt", b"\x81\x30" * 3 + b"\xff\xff\xfe\xfe" * 50 + good_text.encode(), "", "file"),
        ("txt-long-line.txt", ("一、總則\n" + "要求" * 15_000 + "\n").encode(), "too long", "line 2"),
        ("txt-long-line-no-stop.txt", ("要" * 30_000).encode(), "too long", "line 1"),
        ("txt-empty.txt", b"", "no text", "line 1"),
        ("txt-whitespace.txt", b" \n\t\n\r\n", "no text", "file"),
        ("txt-utf16-odd.txt", b"\xff\xfe" + "一、總則".encode("utf-16-le") + b"\x00", "", "file"),
        ("docx-not-zip.docx", b"this is not a zip file\n", "not a Word document", "file"),
        ("docx-truncated.docx", _docx(DOC_XML.format(text="一、總則").encode())[:200], "not a Word document", "file"),
        ("docx-empty.docx", b"", "not a Word document", "file"),
        ("docx-missing-document.docx", _docx(None), "no word/document.xml", "file"),
        ("docx-bomb.docx", _bomb(), "zip bomb", "file"),
        ("docx-ratio-bomb.docx", _ratio_bomb(), "zip bomb", "file"),
        ("docx-many-parts.docx", _many_parts(), "too many parts", "file"),
        ("docx-xxe-file.docx", _docx(('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                      + DOC_XML.format(text="&x;").split("?>", 1)[1]).encode()), "DTD", "file"),
        ("docx-xxe-http.docx", _docx(('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
                                      + DOC_XML.format(text="&x;").split("?>", 1)[1]).encode()), "DTD", "file"),
        ("docx-billion-laughs.docx", _docx(LAUGHS.encode()), "DTD", "file"),
        ("docx-entity-in-rels.docx", _docx(DOC_XML.format(text="一、總則").encode(),
                                           {"word/_rels/document.xml.rels": b'<?xml version="1.0"?><!DOCTYPE r '
                                            b'[<!ENTITY e SYSTEM "file:///etc/hostname">]><Relationships/>'}), "DTD", "file"),
        ("docx-utf16-xml.docx", _docx(DOC_XML.format(text="一、總則").replace('encoding="UTF-8"', 'encoding="UTF-16"')
                                      .encode("utf-16")), "not UTF-8", "file"),
        ("docx-bad-xml.docx", _docx(b"<w:document><unclosed>"), "cannot read the Word document", "file"),
        ("docx-text-only.docx", good_text.encode(), "not a Word document", "file"),
        ("docx-no-content-types.docx", _zip_bytes({"word/document.xml": DOC_XML.format(text="一、總則").encode()}),
         "cannot read the Word document", "file"),
        ("docx-long-paragraph.docx", _docx(DOC_XML.format(text="要求" * 15_000).encode()), "too long", "file"),
    ]
    for name, data, frag, where in rows:
        yield name, data, expect("document", frag, where)


GENERATORS: dict[str, Callable[[], Iterator[Case]]] = {
    "gen-toml-syntax": toml_syntax,
    "gen-json-syntax": json_syntax,
    "gen-types": wrong_types,
    "gen-keys": keys,
    "gen-references": references,
    "gen-dates": dates,
    "gen-phrases": phrases,
    "gen-cycles": cycles_and_duplicates,
    "gen-extends": extends_cases,
    "gen-encodings": encodings,
    "gen-limits": limits,
    "gen-documents": documents,
    "gen-csv": sheets.csv_cases,
    "gen-xlsx": sheets.xlsx_cases,
}


def write_expect(path: Path, exp: dict[str, str]) -> None:
    path.write_text("".join(f"{k}: {v}\n" for k, v in exp.items()), encoding="utf-8")


def main(out: Path = BAD) -> None:
    total = 0
    for folder_name, gen in GENERATORS.items():
        folder = out / folder_name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        n = 0
        for name, data, exp in gen():
            (folder / name).write_bytes(data)
            if exp:
                write_expect(folder / (name + ".expect"), exp)
                n += 1
        if folder_name == "gen-extends":
            symlinks(folder)
        print(f"{folder_name}: {n} cases")
        total += n
    print(f"total: {total} generated cases")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else BAD)
