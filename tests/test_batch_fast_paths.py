"""The batch's fast paths build what the ordinary paths build.

* records of one shape (masswork.loaders.shapes): every event, however its keys are ordered
  and whatever its values, comes out as the walker builds it, or not at all;
* a template's requirements, built once per process and shared by the units that extend it,
  are the requirements each unit's plan would have on its own, and a changed template is
  read again;
* the index orders events by their start as the integer key does, for naive and aware
  datetimes and dates mixed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import masswork
from masswork.index import EventIndex, _event_key
from masswork.loaders import fast
from masswork.loaders.plan import plan_from_dict
from masswork.loaders.extends import resolve_extends
from masswork.loaders.structure import _Walker
from masswork.model import Event, Schedule
from masswork.testing.province import template_plan

KEYS = ["id", "type", "start", "end", "status", "host", "participants", "attendees", "topics", "hours",
        "phase", "title", "unit", "bogus"]
_value = (st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2, allow_nan=False)
          | st.sampled_from(["a", "2014-03-01", "2014-03-01T09:00:00", "held", "planned", "x"])
          | st.lists(st.sampled_from(["a", "b", 1, None]), max_size=3)
          | st.dictionaries(st.just("k"), st.just("v"), max_size=1))


def _walked(data: Any) -> Any:
    w = _Walker()
    out = w.attrs_class(Schedule, data, ())
    return None if w.problems else out


@contextlib.contextmanager
def fresh_converters() -> Iterator[None]:
    # Converters of their own, so that the shapes seen by other tests and examples do not
    # fill the shape cache and every example here goes through a shape's constructor.
    kept = fast._CACHE
    fast._CACHE = {}
    try:
        yield
    finally:
        fast._CACHE = kept


@settings(max_examples=250, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(KEYS), _value), max_size=9), min_size=1, max_size=4))
@example([[("id", "e1"), ("type", "t"), ("start", "2014-03-01"), ("attendees", ["a", 1])]])
@example([[("id", "e1"), ("type", "t"), ("start", None)]])
@example([[("id", "e1"), ("type", "t"), ("start", "2014-03-01"), ("status", {"k": "v"})]])
@example([[("start", "2014-03-01T09:00:00"), ("id", "e1"), ("type", "t"), ("hours", -1)]])
@example([[("id", "e1"), ("type", "t"), ("start", "2014-03-01"), ("host", ["a"])]])
def test_records_of_one_shape_are_built_as_the_walker_builds_them(records: list[list[tuple[str, Any]]]) -> None:
    with fresh_converters():
        _built_as_walked(records)


def _built_as_walked(records: list[list[tuple[str, Any]]]) -> None:
    base = {"id": "e0", "type": "t", "start": "2014-03-01"}
    for pairs in records:
        event = {**base, **dict(pairs)}
        data = {"plan": "p", "events": [event, dict(event), dict(reversed(list(event.items())))]}
        walked = _walked(data)
        try:
            built = fast.fast_structure(Schedule, data)
        except fast.Fallback:
            continue  # the walker then decides, with its messages
        assert walked is not None and built == walked
        assert all(type(e) is Event for e in built.events)


def _province(root: Path, units: int) -> list[Path]:
    (root / "template.json").write_text(json.dumps(template_plan(), ensure_ascii=False), encoding="utf-8")
    plans = []
    for n in range(units):
        unit = root / f"unit-{n}"
        unit.mkdir()
        people = [{"id": f"u{n}-p{i}", "name": f"人{i}", "roles": ["主要負責人" if i == 0 else "班子成員"]}
                  for i in range(2 + n)]
        (unit / "plan.json").write_text(json.dumps(
            {"extends": "../template.json", "id": f"plan-{n}", "people": people}, ensure_ascii=False),
            encoding="utf-8")
        plans.append(unit / "plan.json")
    return plans


def _on_its_own(path: Path, root: Path) -> masswork.Plan:
    data = json.loads(path.read_text(encoding="utf-8"))
    merged, _origins = resolve_extends(json.loads(json.dumps(data)), path, templates=[root])
    return plan_from_dict(json.loads(json.dumps(merged)))  # fresh tables: nothing shared


def test_units_share_their_templates_requirements_and_nothing_else(tmp_path: Path) -> None:
    plans = _province(tmp_path, 3)
    loaded = [masswork.load_plan(p, templates=[tmp_path]) for p in plans]
    again = [masswork.load_plan(p, templates=[tmp_path]) for p in plans]
    for path, plan, second in zip(plans, loaded, again):
        assert plan == second == _on_its_own(path, tmp_path)
    assert [p.people for p in loaded] != [loaded[0].people] * 3
    assert all(a is b for a, b in zip(loaded[0].requirements, loaded[1].requirements))


def test_a_changed_template_is_built_again(tmp_path: Path) -> None:
    plans = _province(tmp_path, 2)
    before = masswork.load_plan(plans[0], templates=[tmp_path])
    template = template_plan()
    template["requirements"][1]["min"] = 3
    path = tmp_path / "template.json"
    path.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    after = masswork.load_plan(plans[0], templates=[tmp_path])
    assert after == _on_its_own(plans[0], tmp_path) != before
    assert [r.params for r in after.requirements][1] != [r.params for r in before.requirements][1]


_moments = st.one_of(
    st.dates(dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
    st.datetimes(dt.datetime(2014, 1, 1), dt.datetime(2014, 12, 31)),
    st.datetimes(dt.datetime(2014, 1, 1), dt.datetime(2014, 12, 31), timezones=st.just(dt.timezone.utc)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_moments, max_size=12), st.sampled_from(["all-naive", "all-dates", "mixed"]))
@example([dt.datetime(2014, 3, 1, 9), dt.datetime(2014, 3, 1, 9), dt.datetime(2014, 2, 1)], "all-naive")
@example([dt.date(2014, 3, 1), dt.datetime(2014, 3, 1, 0, 0), dt.date(2014, 2, 1)], "mixed")
def test_the_index_keeps_the_order_of_the_integer_key(moments: list[Any], which: str) -> None:
    if which == "all-naive":
        moments = [m.replace(tzinfo=None) if isinstance(m, dt.datetime) else dt.datetime(m.year, m.month, m.day, 8)
                   for m in moments]
    elif which == "all-dates":
        moments = [m.date() if isinstance(m, dt.datetime) else m for m in moments]
    events = tuple(Event(id=f"e{i}", type="t", start=m) for i, m in enumerate(moments))
    index = EventIndex(Schedule(plan="p", events=events))
    assert [e.id for e in index.events()] == [e.id for e in sorted(events, key=_event_key)]
