"""Start-up of the ``masswork`` command against bare Python, measured in one run, interleaved.

Runs ``python -c pass``, ``masswork --version``, ``masswork --help`` and ``masswork --help``
with an empty help cache (``help_cold``: the first help after an install or upgrade, which
writes the cache and so loads every plugin) in turn, ROUNDS times each, and prints the medians
of wall time and of CPU time (user + system of the child, which other agents on a shared
machine do not inflate) and their ratios to ``python -c pass`` (target: ≤ 3). The last line is::

    pass_s=… version_s=… help_s=… version_ratio=… help_ratio=… version_cpu_ratio=… help_cpu_ratio=… help_cold_cpu_ratio=…

    python benchmarks/startup.py [ROUNDS]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _command() -> list[str]:
    exe = Path(sys.executable).with_name("masswork")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "masswork"]


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    cases = {
        "pass": [sys.executable, "-c", "pass"],
        "version": [*_command(), "--version"],
        "help": [*_command(), "--help"],
        "help_cold": [*_command(), "--help"],
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    cpu: dict[str, list[float]] = {k: [] for k in cases}
    # As an installed package runs: with its bytecode cached (a sandbox may forbid writing it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cache = tempfile.TemporaryDirectory()
    env["MASSWORK_CACHE_DIR"] = cache.name

    def environment(name: str) -> dict[str, str]:
        if name != "help_cold":
            return env
        # A cache folder of its own, empty: the help is written from the command line.
        return {**env, "MASSWORK_CACHE_DIR": tempfile.mkdtemp(dir=cache.name)}

    for name, cmd in cases.items():  # warm the file and bytecode caches
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=environment(name))
    for _ in range(rounds):
        for name, cmd in cases.items():
            child_env = environment(name)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=child_env)
            times[name].append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    med = {k: statistics.median(v) for k, v in times.items()}
    mcpu = {k: statistics.median(v) for k, v in cpu.items()}
    for k in cases:
        print(f"{k:8} median wall {med[k] * 1000:.1f} ms, cpu {mcpu[k] * 1000:.1f} ms over {rounds} runs")
    print(f"pass_s={med['pass']:.4f} version_s={med['version']:.4f} help_s={med['help']:.4f} "
          f"version_ratio={med['version'] / med['pass']:.2f} help_ratio={med['help'] / med['pass']:.2f} "
          f"version_cpu_ratio={mcpu['version'] / mcpu['pass']:.2f} help_cpu_ratio={mcpu['help'] / mcpu['pass']:.2f} "
          f"help_cold_cpu_ratio={mcpu['help_cold'] / mcpu['pass']:.2f}")
    cache.cleanup()


if __name__ == "__main__":
    main()
