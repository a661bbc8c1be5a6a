"""Which expected rows does `masswork draft` miss, and how?

For every expected row of a corpus, scored as ``benchmarks/draft_recall.py`` scores it, one
of three outcomes:

* ``found`` — a drafted requirement's quote holds the row's fragments and its kind is one of
  the row's kinds;
* ``covered`` — a drafted quote holds the fragments but no requirement quoting them has one
  of the row's kinds (the words were read; a requirement of another kind was drafted — often
  a statement's second requirement lost beside its first);
* ``missed`` — no drafted quote holds the fragments.

For dev and extra each row not found also says whether the families, reading the row's own
words alone as one statement, draft one of its kinds (``alone=yes``): ``no`` means no row of
any family reads that wording — a phrase or a kind the reader lacks, not a requirement lost
beside another one.

Usage (from the repository root)::

    python benchmarks/draft_misses.py dev|held-out|extra|blind|all [--only missed,covered]

Held-out (every 4th file of the development corpus) and blind (``tests/data/draft-blind``)
are measured, never read: for them only row ids and kinds are printed, never a quote or a
note. Dev and extra print the row's quote and what was drafted from it.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from draft_recall import DATA, _folder, held_out, read_case, shared_dir  # noqa: E402


PARTS = ("dev", "held-out", "extra", "blind")
SECRET = {"held-out", "blind"}


def files(part: str) -> list[Path]:
    if part in ("dev", "held-out"):
        found = sorted((shared_dir() / "corpus" / "plans-dev").glob("d*.txt"))
        return [f for f in found if held_out(f.stem) == (part == "held-out")]
    return sorted((DATA / f"draft-{part}").glob("*.txt"))


def classify(txt: Path, fold_fn) -> list[tuple[str, str, set[str], set[str], str]]:  # type: ignore[no-untyped-def]
    """(row id, outcome, expected kinds, kinds drafted at the row's words, quote) per row."""
    rows, got, norm = read_case(txt, fold_fn)
    out = []
    for row in rows:
        frags = [norm(f) for f in re.split(r"…+|\.\.\.", row["quote"]) if norm(f)]
        want = {k.strip().replace("_", "-") for k in row["kinds"].split(",") if k.strip()}
        at = {k for q, k in got if frags and all(f in q for f in frags)}
        outcome = "found" if at & want else "covered" if at else "missed"
        out.append((row["id"], outcome, want, at, row["quote"]))
    return out


def alone(quote: str) -> set[str]:
    """The kinds the families draft from ``quote`` read alone as one statement."""
    from masswork.draft.families import Statement, read_statement
    from masswork.draft.text import fold

    text = re.sub(r"…+|\.\.\.", ",", quote)
    return {f.kind for f in read_statement(Statement("X", text, fold(text), 1), 2020)}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in (*PARTS, "all"):
        print(__doc__)
        return 2
    only = set(PARTS[:0])
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
    _, fold_fn = _folder()
    for part in PARTS if argv[0] == "all" else (argv[0],):
        tally: Counter[str] = Counter()
        want_missed: Counter[str] = Counter()
        for txt in files(part):
            for rid, outcome, want, at, quote in classify(txt, fold_fn):
                tally[outcome] += 1
                if outcome != "found":
                    want_missed.update(f"{outcome}:{k}" for k in want)
                if only and outcome not in only or not only and outcome == "found":
                    continue
                line = f"  {part:<8} {rid:<8} {outcome:<8} want={','.join(sorted(want)):<22} " \
                       f"drafted={','.join(sorted(at)) or '-'}"
                if part not in SECRET:
                    line += f" alone={'yes' if alone(quote) & want else 'no'}  「{quote}」"
                    tally["alone=" + ("yes" if alone(quote) & want else "no")] += 1
                print(line)
        total = sum(tally[k] for k in ("found", "covered", "missed")) or 1
        print(f"== {part}: " + " ".join(f"{k}={tally[k]} ({tally[k] / total:.2f})"
                                       for k in ("found", "covered", "missed"))
              + (f"; of those not found, read alone: yes={tally['alone=yes']} no={tally['alone=no']}"
                 if part not in SECRET and not only else ""))
        print("   not found, by expected kind: "
              + ", ".join(f"{k}={n}" for k, n in sorted(want_missed.items(), key=lambda x: -x[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
