"""How `masswork.check` scales with the size of the ledger.

Builds a plan with every pair-talk, quota and coverage rule over a roster of 40 people and
ledgers of N and 10·N events, checks each (as a whole and as of a day) and prints, measured
in this one run, the time and peak-memory ratios between the two sizes. Linear scaling gives
ratios near 10; the target is below 15 (time) and 12 (memory).

    python benchmarks/check_scaling.py [N]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import tracemalloc

import masswork
from masswork.kinds import Coverage, Deadline, Occurs, PairRule, Pairwise, PerPerson, Quantity
from masswork.model import ActivityType, Event, Group, Person, Plan, Requirement, Role, Schedule

ACTS = ("座談會", "談心談話", "中心組學習會", "專題討論", "動員大會")


def plan(people: int = 40) -> Plan:
    roster = tuple(Person(f"p{i}", f"成員{i}", roles=("主要負責人",) if i == 0 else ("班子成員",))
                   for i in range(people))
    reqs = (
        Requirement("forums", "B.1", "per-person", PerPerson(role="班子成員", activity="座談會", min=2,
                                                            min_for={"主要負責人": 3})),
        Requirement("talks", "B.2", "pairwise", Pairwise(activity="談心談話", pairs=(PairRule("among", a="班子成員"),))),
        Requirement("topics", "B.3", "coverage", Coverage(items=tuple(f"t{i}" for i in range(20)), field="topics")),
        Requirement("study", "B.4", "occurs", Occurs(activity="中心組學習會", min=5, within="3月至6月")),
        Requirement("hours", "B.5", "quantity", Quantity(min=40, activity="中心組學習會", per="班子成員")),
        Requirement("mob", "B.6", "deadline", Deadline(within="3月中旬", activity="動員大會")),
    )
    return Plan("bench", "規模測試", 2014, start="2014-01-01", end="2014-12-31",
                roles=(Role("班子成員", includes=("主要負責人",)), Role("主要負責人")), people=roster,
                groups=tuple(Group(f"t{i}") for i in range(20)),
                activities=tuple(ActivityType(a) for a in ACTS), requirements=reqs)


def schedule(p: Plan, n: int, seed: int = 1) -> Schedule:
    rnd = random.Random(seed)
    ids = [x.id for x in p.people]
    events = []
    for i in range(n):
        day = dt.date(2014, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        act = rnd.choice(ACTS)
        events.append(Event(f"e{i}", act, day, host=rnd.choice(ids), participants=tuple(rnd.sample(ids, 2)),
                            attendees=("班子成員",), topics=(f"t{rnd.randrange(20)}",), hours=2.0))
    return Schedule("bench", events=tuple(events))


def measure(p: Plan, s: Schedule) -> tuple[float, int]:
    tracemalloc.start()
    t0 = time.perf_counter()
    masswork.check(p, s)
    masswork.check(p, s, as_of=dt.date(2014, 6, 30))
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    p = plan()
    masswork.check(p, schedule(p, 10))  # warm up imports and the plugin host
    small_t, small_m = measure(p, schedule(p, n))
    big_t, big_m = measure(p, schedule(p, 10 * n))
    print(f"events {n}: {small_t:.3f} s, peak {small_m / 1e6:.1f} MB")
    print(f"events {10 * n}: {big_t:.3f} s, peak {big_m / 1e6:.1f} MB")
    print(f"time_ratio={big_t / small_t:.2f} memory_ratio={big_m / small_m:.2f} (linear: 10)")


if __name__ == "__main__":
    main()
