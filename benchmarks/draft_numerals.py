"""Chinese numerals as `masswork draft` meets them: the hand-written reader
(:func:`masswork.draft.clauses.cn_number`, and :func:`masswork.draft.sentences.num` that the
recognisers call) against the cn2an library, on one table of numerals with the value each
means. Prints, per numeral, what each reader gives (✓ right, ✗ wrong or none), the totals,
and microseconds per call and import time measured in this run.

    python benchmarks/draft_numerals.py        # needs: pip install cn2an

The numerals are those of plan texts: clause markers (一 … 二十), counts (两次, 十二次),
years written digit by digit (二〇一四), 〇/零, hundreds (一百零五), full-width digits,
ordinals (第三), fractions and percentages (三分之二, 百分之九十), 半 — and phrases that are
not a number at all (五個一, 十幾), which a reader must refuse rather than misread.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction

from masswork.draft.clauses import cn_number
from masswork.draft.sentences import num

#: (numeral, value it means; None: not a number by itself).
TABLE: tuple[tuple[str, float | int | None], ...] = (
    ("一", 1), ("二", 2), ("两", 2), ("兩", 2), ("十", 10), ("十二", 12), ("二十", 20),
    ("二十一", 21), ("九十九", 99), ("三十五", 35), ("〇", 0), ("零", 0), ("一百", 100),
    ("一百零五", 105), ("两百", 200), ("一千", 1000), ("二〇一四", 2014), ("二零零九", 2009),
    ("１２", 12), ("12", 12), ("１", 1), ("1.5", 1.5),
    ("第三", 3), ("第十二", 12),
    ("三分之二", Fraction(2, 3)), ("百分之九十", 0.9), ("半", 0.5),
    ("五个一", None), ("十几", None), ("二十余", None), ("一些", None),
)


def _cn2an(mode: str) -> Callable[[str], object]:
    import cn2an

    def read(text: str) -> object:
        try:
            return cn2an.cn2an(text, mode)
        except (ValueError, KeyError, TypeError, IndexError):
            return None
    return read


def _cn2an_transform(text: str) -> object:
    """cn2an's sentence converter, then the digits it leaves: 三分之二 → 2/3, 百分之九十 → 90%."""
    import cn2an

    out = cn2an.transform(text, "cn2an")
    try:
        if out.endswith("%"):
            return float(out[:-1]) / 100
        if "/" in out:
            a, b = out.split("/")
            return Fraction(int(a), int(b))
        if out.startswith("第"):
            out = out[1:]
        return float(out) if "." in out else int(out)
    except ValueError:
        return None


def _same(got: object, want: object) -> bool:
    if want is None or got is None:
        return got is None and want is None
    try:
        return abs(float(got) - float(want)) < 1e-9  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def _corpus_tokens() -> list[str]:
    """Every numeral the recognisers' ``NUM`` pattern matches in shared/corpus and
    shared/sources (``../shared`` or ``MASSWORK_SHARED``): what ``num`` is really asked."""
    import os
    import re
    from pathlib import Path

    from masswork.draft.sentences import NUM
    from masswork.draft.text import fold

    shared = Path(os.environ.get("MASSWORK_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
    out: list[str] = []
    for path in sorted(shared.glob("corpus/plans-dev/*.txt")) + sorted(shared.glob("sources/*.txt")):
        out += re.findall(NUM, fold(path.read_text(encoding="utf-8", errors="replace")))
    return out


def main() -> None:
    readers: dict[str, Callable[[str], object]] = {"cn_number": cn_number, "num": num}
    try:
        readers.update({"cn2an smart": _cn2an("smart"), "cn2an normal": _cn2an("normal"),
                        "cn2an transform": _cn2an_transform})
    except ImportError:
        print("cn2an is not installed: pip install cn2an")
    names = list(readers)
    print("numeral".ljust(10) + "".join(n.rjust(17) for n in names))
    right = dict.fromkeys(names, 0)
    for text, want in TABLE:
        row = text.ljust(10 - sum(1 for c in text if ord(c) > 0x2e80))
        for n in names:
            got = readers[n](text)
            ok = _same(got, want)
            right[n] += ok
            shown = "-" if got is None else (f"{float(got):.3g}" if isinstance(got, (float, Fraction)) else str(got))
            row += f"{shown} {'✓' if ok else '✗'}".rjust(17)
        print(row)
    print("right".ljust(10) + "".join(f"{right[n]}/{len(TABLE)}".rjust(17) for n in names))
    reps = 2000
    timing = "µs/call".ljust(10)
    for n in names:
        t = time.perf_counter()
        for _ in range(reps):
            for text, _want in TABLE:
                readers[n](text)
        timing += f"{(time.perf_counter() - t) / (reps * len(TABLE)) * 1e6:.2f}".rjust(17)
    print(timing)
    tokens = _corpus_tokens()
    if tokens and len(names) > 2:
        smart = readers["cn2an smart"]
        differ = sorted({tok for tok in tokens if not _same(num(tok), smart(tok))})
        print(f"corpus: {len(tokens)} numerals matched by the recognisers' NUM pattern "
              f"({len(set(tokens))} distinct); num and cn2an smart differ on {len(differ)}: "
              + " ".join(differ[:20]))
    print(f"import ms: masswork.draft.clauses {_import_ms('masswork.draft.clauses'):.0f}"
          + (f", cn2an {_import_ms('cn2an'):.0f}" if len(names) > 2 else ""))


if __name__ == "__main__":
    main()
