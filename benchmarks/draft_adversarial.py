"""Is drafting linear in its input, whatever the input?

Drafts texts of the shapes that make readers slow — one paragraph with no 。 at all, one line
with no punctuation, thousands of enumerated items (``A、B、C…``), a deep run of numbered
clauses, brackets and quotes that never close, and ordinary plan prose — each at a small
size and at 1 MB, and prints the seconds and the ratio (seconds per byte at 1 MB over
seconds per byte at the small size). A linear reader has ratios near 1; a quadratic one
grows with the size (×16 for a 16× larger text). Every text is written here, not taken from
anywhere.

Run from the repository root: ``python benchmarks/draft_adversarial.py [--mb 1]``. The last
line is ``worst_ratio=… seconds_per_mb=…``.
"""

from __future__ import annotations

import argparse
import time

from masswork.draft import draft_text

CLAUSE = "各支部要在3月中旬前召開專題組織生活會,每名黨員都要寫出發言提綱"
PROSE = ("各黨支部每月召開一次支部委員會,研究部署本月工作;每季度至少上一次黨課,由支部書記主講。"
         "專題組織生活會召開前,支部要廣泛徵求群眾意見,會後將會議情況報送上級黨委。\n")


def shapes(size: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (size // len(unit.encode()) + 1))[: size // 3]

    return {
        "no-full-stop": fill(CLAUSE + ","),
        "no-punctuation": fill("學習教育召開會議黨員幹部"),
        "enumeration": fill("黨員、幹部、群眾和") + "等情況",
        "numbered": fill("一、要求\n(一)召開會議\n1.每月一次。\n(1)3月底前完成。\n"),
        "open-brackets": fill("(“《【召開會議,"),
        "prose": fill(PROSE),
    }


def timed(text: str) -> float:
    t0 = time.perf_counter()
    try:
        draft_text(text, year=2020)
    except Exception as exc:  # a reader error is a result too, but must be fast
        if type(exc).__name__ != "InputError":
            raise
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0, help="size of the large texts in MB")
    args = ap.parse_args()
    big = int(args.mb * 1_000_000)
    small = big // 16
    worst = 0.0
    total_big = 0.0
    total_bytes = 0
    for name in shapes(small):
        s_text = shapes(small)[name]
        b_text = shapes(big)[name]
        ts, tb = timed(s_text), timed(b_text)
        per_s = ts / max(1, len(s_text.encode()))
        per_b = tb / max(1, len(b_text.encode()))
        ratio = per_b / per_s if per_s > 0 else 1.0
        worst = max(worst, ratio)
        total_big += tb
        total_bytes += len(b_text.encode())
        print(f"{name:<15} small {len(s_text.encode()) / 1e6:6.3f} MB {ts:7.2f} s   "
              f"large {len(b_text.encode()) / 1e6:6.3f} MB {tb:7.2f} s   ratio {ratio:5.2f}")
    print(f"worst_ratio={worst:.2f} seconds_per_mb={total_big / (total_bytes / 1e6):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
