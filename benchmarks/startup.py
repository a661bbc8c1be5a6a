"""Start-up of the ``masswork`` command against bare Python, measured in one run, interleaved.

Runs ``python -c pass``, ``masswork --version`` and ``masswork --help`` in turn, ROUNDS
times each (hyperfine is used when installed, else a loop here), and prints the medians and
the ratios to ``python -c pass`` (target: both ≤ 3). The last line is::

    pass_s=… version_s=… help_s=… version_ratio=… help_ratio=…

    python benchmarks/startup.py [ROUNDS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
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
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    for name, cmd in cases.items():  # warm the file cache
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    for _ in range(rounds):
        for name, cmd in cases.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    if shutil.which("hyperfine"):
        print("hyperfine is installed; this script's own loop was used for the ratios")
    for k, v in med.items():
        print(f"{k:8} median {v * 1000:.1f} ms over {rounds} runs")
    print(f"pass_s={med['pass']:.4f} version_s={med['version']:.4f} help_s={med['help']:.4f} "
          f"version_ratio={med['version'] / med['pass']:.2f} help_ratio={med['help'] / med['pass']:.2f}")


if __name__ == "__main__":
    main()
