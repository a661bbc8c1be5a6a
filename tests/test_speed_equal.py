"""The optimised loader and engine give the same reports as before they were optimised.

* every example (complete and flawed, as a whole and on two days), synthetic schedules of
  every example plan and the Python sample give the report JSON recorded before the
  optimisation (tests/data/reports/digests.json, written by tests/golden_reports.py);
* for any generated plan and schedule, the fast loader builds the very objects the
  error-locating walker builds, and the engine with its per-check caches gives the report the
  unoptimised rules give (``reference_context``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import masswork
from masswork.loaders.fast import Fallback, fast_structure
from masswork.loaders.schedule import schedule_to_dict
from masswork.loaders.structure import _Walker
from masswork.model import Schedule
from masswork.testing.strategies import plans_and_schedules
from masswork.testing.synth import synthetic_schedule

sys.path.insert(0, str(Path(__file__).resolve().parent))
import golden_reports  # noqa: E402
import reference_context  # noqa: E402

RECORDED = json.loads((golden_reports.DATA / "digests.json").read_text(encoding="utf-8"))
CASES = list(golden_reports.cases())


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_report_as_recorded_before_optimising(case: tuple[str, Any, Any, Any]) -> None:
    name, plan, sched, day = case
    assert golden_reports.digest(golden_reports.report_json(plan, sched, day)) == RECORDED[name]


def test_every_recorded_case_is_still_checked() -> None:
    assert {c[0] for c in CASES} == set(RECORDED)


def _walker(data: Any) -> Any:
    w = _Walker()
    out = w.attrs_class(Schedule, data, ())
    return out, w.problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules())
def test_fast_loader_builds_what_the_walker_builds(ps: Any) -> None:
    _plan, sched = ps
    data = json.loads(json.dumps(schedule_to_dict(sched), ensure_ascii=False))
    walked, problems = _walker(data)
    assert not problems
    assert fast_structure(Schedule, data) == walked == sched


_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["2014-03-01", "2014-03-01T09:00", "held", "cancelled", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "type", "start", "end", "status", "host", "participants",
                         "hours", "topics", "to", "on", "by", "covers", "submitted", "bogus"]),
        inner, max_size=6),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"plan": st.just("p")}, optional={
    "events": st.lists(_junk, max_size=3), "documents": st.lists(_junk, max_size=2),
    "unit": _junk}))
def test_fast_loader_never_accepts_what_the_walker_rejects(data: dict[str, Any]) -> None:
    walked, problems = _walker(data)
    try:
        fast = fast_structure(Schedule, data)
    except Fallback:
        return  # the walker then reports (or builds) it: either way the walker decides
    assert not problems and fast == walked


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules(), st.sampled_from([None, "2014-03-15", "2014-06-30"]))
def test_engine_gives_the_unoptimised_report(ps: Any, day: str | None) -> None:
    import datetime as dt

    plan, sched = ps
    as_of = dt.date.fromisoformat(day) if day else None
    fast = masswork.check(plan, sched, as_of=as_of).to_dict("en")
    with reference_context.unoptimised():
        slow = masswork.check(plan, sched, as_of=as_of).to_dict("en")
    assert fast == slow


@pytest.mark.parametrize("seed", [3, 4])
def test_synthetic_s2_schedule_gives_the_unoptimised_report(seed: int) -> None:
    plan = masswork.load_plan(golden_reports.ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml")
    sched = masswork.load_schedule(synthetic_schedule(plan, 300, seed=seed), plan)
    fast = masswork.check(plan, sched).to_dict("zh")
    with reference_context.unoptimised():
        slow = masswork.check(plan, sched).to_dict("zh")
    assert fast == slow


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules(), st.sampled_from([3, 17, 1 << 16]), st.booleans())
def test_streamed_json_gives_the_same_schedule(tmp_path_factory: Any, ps: Any, chunk: int, indent: bool) -> None:
    from masswork.loaders.stream import stream_schedule

    _plan, sched = ps
    file = tmp_path_factory.mktemp("s") / "schedule.json"
    file.write_text(json.dumps(schedule_to_dict(sched), ensure_ascii=False, indent=2 if indent else None),
                    encoding="utf-8")
    assert stream_schedule(file, chunk=chunk) == sched


@pytest.mark.parametrize("text, error", [
    ('{"plan": "p", "events": [{"id": "a", "type": "t", "start": "2014-03-01"}, ]}', True),  # trailing comma
    ('{"plan": "p", "events": [{"id": "a", "type": "t", "start": "2014-13-01"}]}', True),    # bad date
    ('{"plan": "p", "events": [{"id": "a", "type": "t"}]}', True),                           # missing start
    ('{"plan": "p", "evnets": []}', True),                                                   # unknown key
    ('{"plan": "p"} x', True),                                                                # trailing text
    ('{"plan": "p", "events": [], "events": []}', False),  # a key twice: JSON keeps the last
])
def test_streaming_gives_up_and_the_ordinary_reader_decides(tmp_path: Path, text: str, error: bool,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from masswork.errors import InputError
    from masswork.loaders import stream
    from masswork.loaders.stream import stream_schedule

    file = tmp_path / "schedule.json"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(Fallback):
        stream_schedule(file, chunk=5)
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 0)
    if error:
        with pytest.raises(InputError) as exc:
            masswork.load_schedule(file)
        assert str(file) in exc.value.message("en")
    else:
        assert masswork.load_schedule(file) == masswork.schedule_from_dict(json.loads(text))


def test_large_json_file_is_streamed_and_checked_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from masswork.loaders import stream

    plan = masswork.load_plan(golden_reports.ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml")
    file = tmp_path / "schedule.json"
    file.write_text(json.dumps(synthetic_schedule(plan, 500, seed=9), ensure_ascii=False), encoding="utf-8")
    ordinary = masswork.load_schedule(file, plan)
    calls: list[Any] = []
    real = stream.stream_schedule
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(stream, "stream_schedule", lambda *a, **k: calls.append(a) or real(*a, **k))
    streamed = masswork.load_schedule(file, plan)
    assert calls and streamed == ordinary
    assert masswork.check(plan, streamed).to_dict() == masswork.check(plan, ordinary).to_dict()


_bracket_text = st.text(alphabet='[]{}"\'\\\n ax#', max_size=60)


@settings(max_examples=400, deadline=None)
@given(_bracket_text, st.integers(min_value=0, max_value=4))
def test_fast_json_nesting_scan_agrees_with_the_character_loop(text: str, depth: int) -> None:
    from masswork.errors import InputError
    from masswork.loaders import limits

    slow_ok = True
    saved = limits._json_depth_within
    try:
        limits._json_depth_within = lambda t, d: False  # type: ignore[assignment]
        try:
            limits.check_nesting_text(text, depth, None, "json")
        except InputError:
            slow_ok = False
    finally:
        limits._json_depth_within = saved  # type: ignore[assignment]
    assert limits._json_depth_within(text, depth) == slow_ok


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    | st.sampled_from(["\ud800", "x" * 20]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_values)
def test_fast_tree_walk_never_passes_what_the_exact_walk_refuses(value: Any) -> None:
    from masswork.errors import InputError
    from masswork.loaders.limits import Limits, check_tree, tree_within

    small = Limits(max_depth=3, max_abs_int=1000, max_string=10, max_items=3, max_requirements=2)
    if tree_within({"r": value}, small):
        check_tree.__globals__["tree_within"] = lambda *a, **k: False
        try:
            check_tree({"r": value}, small, None, requirements_key="r")  # must not raise
        except InputError as exc:  # pragma: no cover - the property failing
            raise AssertionError(f"fast walk passed what the exact walk refuses: {exc}") from None
        finally:
            check_tree.__globals__["tree_within"] = tree_within


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules(), st.booleans())
def test_one_pass_json_schedule_is_what_the_ordinary_reader_builds(tmp_path_factory: Any, ps: Any,
                                                                    indent: bool) -> None:
    from masswork.loaders.limits import DEFAULT_LIMITS
    from masswork.loaders.schedule import _direct
    from masswork.readers import read_schedule

    plan, sched = ps
    file = tmp_path_factory.mktemp("s") / "schedule.json"
    file.write_text(json.dumps(schedule_to_dict(sched), ensure_ascii=False, indent=2 if indent else None),
                    encoding="utf-8")
    direct = _direct(file, DEFAULT_LIMITS)
    assert direct is not None and direct == read_schedule(file).schedule == sched
    assert masswork.load_schedule(file, plan) == sched


_edge = st.sampled_from(["a", "x" * 10, "x" * 11, "\ud800", "讀書班", "書" * 11])
_edge_events = st.fixed_dictionaries(
    {"id": _edge, "type": _edge, "start": st.sampled_from(["2014-03-01", "2014-03-01T09:00:00"])},
    optional={"attendees": st.lists(_edge, max_size=4) | _edge, "host": _edge | st.none(),
              "hours": st.sampled_from([0, 1.5, 1000, 1001, 1000.5, float("inf"), float("nan"), 10**20]),
              "notices": st.lists(st.fixed_dictionaries({"channel": _edge, "on": st.just("2014-03-02")}),
                                  max_size=2)})


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({"plan": _edge, "events": st.lists(_edge_events, max_size=4)},
                             optional={"unit": _edge}),
       st.sampled_from([4, 5, 32]))
def test_converters_within_limits_agree_with_the_limit_walk(data: dict[str, Any], max_depth: int) -> None:
    """What the one-pass converters accept under limits, check_tree accepts, and it is the
    object the converters build without limits; where both accept, so do they."""
    from masswork.errors import InputError
    from masswork.loaders.limits import Limits, check_tree

    small = Limits(max_depth=max_depth, max_abs_int=1000, max_string=10, max_items=3)
    try:
        unlimited = fast_structure(Schedule, data)
    except Fallback:
        unlimited = None
    try:
        within = fast_structure(Schedule, data, small)
    except Fallback:
        within = None
    try:
        check_tree(data, small, None)
        allowed = True
    except InputError:
        allowed = False
    if within is not None:
        assert allowed and within == unlimited
    elif allowed and unlimited is not None:
        assert max_depth < 5  # the model nests 5 deep: only the static depth bound is stricter


_wide = st.sampled_from(["a", "讀書班", "\ud800", "x" * 100_001])
_wide_events = st.fixed_dictionaries(
    {"id": _wide, "type": _wide, "start": st.sampled_from(["2014-03-01", " 2014-03-01T09:00:00 "])},
    optional={"attendees": st.lists(_wide, max_size=3), "hours": st.sampled_from(
        [0, 2.5, 10**15, 10**15 + 1, 1e15, 1e16, 1e300, -1.0])})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({"plan": _wide, "events": st.lists(_wide_events, max_size=3)}), st.booleans())
def test_one_pass_json_accepts_exactly_what_the_ordinary_reader_accepts(tmp_path: Path, data: dict[str, Any],
                                                                         ascii_only: bool) -> None:
    from masswork.errors import InputError
    from masswork.loaders.limits import DEFAULT_LIMITS
    from masswork.loaders.schedule import _direct
    from masswork.readers import read_schedule

    file = tmp_path / "schedule.json"
    file.write_text(json.dumps(data, ensure_ascii=ascii_only), encoding="utf-8", errors="surrogatepass")
    direct = _direct(file, DEFAULT_LIMITS)
    try:
        ordinary = read_schedule(file).schedule
    except InputError:
        ordinary = None
    assert direct == ordinary


def _walked_plan(data: dict[str, Any]) -> Any:
    from masswork.loaders import plan as plan_loader

    saved = plan_loader._fast_plan
    plan_loader._fast_plan = lambda *a: None  # type: ignore[assignment]
    try:
        return plan_loader.plan_from_dict(data)
    finally:
        plan_loader._fast_plan = saved  # type: ignore[assignment]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules())
def test_fast_plan_is_the_plan_the_walker_builds(ps: Any) -> None:
    from masswork.loaders.plan import plan_from_dict, plan_to_dict

    plan, _sched = ps
    data = json.loads(json.dumps(plan_to_dict(plan), ensure_ascii=False))
    assert plan_from_dict(data) == _walked_plan(data) == plan


@pytest.mark.parametrize("file", sorted((golden_reports.ROOT / "examples").glob("*/plan*.toml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_plan_of_every_example_is_the_walkers(file: Path) -> None:
    from masswork.loaders.extends import resolve_extends
    from masswork.loaders.files import read_data
    from masswork.loaders.plan import plan_from_dict

    data, _origins = resolve_extends(read_data(file), file)
    assert plan_from_dict(data) == _walked_plan(data)


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
@pytest.mark.parametrize("only", [None, ("unmet", "overdue")])
def test_report_json_in_pieces_is_the_whole_json(lang: str, only: tuple[str, ...] | None) -> None:
    from masswork.plugins import get_calendar
    from masswork.report_stream import report_json_chunks

    plan = masswork.load_plan(golden_reports.ROOT / "examples" / "s2-kejiju-campaign" / "plan.toml")
    sched = masswork.schedule_from_dict(synthetic_schedule(plan, 400, seed=5))
    report = masswork.check(plan, sched, calendar=get_calendar())
    assert len(report.warnings) > 10
    data = report.to_dict(lang)
    pick = None
    if only:
        def pick(rows: list[Any]) -> list[Any]:
            return [f for f in rows if f["status"] in only]
        data["findings"] = pick(data["findings"])
    whole = json.dumps(data, ensure_ascii=False, indent=2)
    assert "".join(report_json_chunks(report, lang, pick)) == whole
    empty = masswork.check(plan, masswork.schedule_from_dict({"plan": plan.id}))
    assert "".join(report_json_chunks(empty, lang)) == json.dumps(empty.to_dict(lang), ensure_ascii=False, indent=2)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans_and_schedules(), st.sampled_from([None, "2014-03-15"]))
def test_leaving_out_the_warnings_changes_no_finding(ps: Any, day: str | None) -> None:
    import datetime as dt

    from masswork.engine import check
    from masswork.plugins import get_calendar

    plan, sched = ps
    as_of = dt.date.fromisoformat(day) if day else None
    try:
        whole = check(plan, sched, as_of, calendar=get_calendar())
    except masswork.MassworkError:
        return  # a calendar that does not cover the year: the same either way
    bare = check(plan, sched, as_of, calendar=get_calendar(), warnings=False)
    assert bare.findings == whole.findings and bare.ok == whole.ok
    assert {w.code for w in bare.warnings} <= {"script-match", "year-assumed"}
