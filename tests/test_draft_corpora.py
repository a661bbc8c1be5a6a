"""The hand-written draft corpora (tests/data/draft-extra, tests/data/draft-blind) are well formed.

A structural check only: each passage has its ``.expected.tsv``, the table has the header the
plans-dev README prescribes, ids are ``eNN.k`` / ``bNN.k`` numbered from 1, kinds come from the
README's list, and every ``…``-separated quote fragment occurs in the passage after the README's
normalisation (Traditional folded to Simplified, punctuation and spaces dropped). The drafter is
never run here, and failure messages name the file and row but never print the passage, so the
blind set stays unread by anyone tuning against test output.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from masswork.hanzi import to_simplified

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = Path(os.environ.get("MASSWORK_SHARED", ROOT.parent / "shared"))
SETS = {"draft-extra": "e", "draft-blind": "b"}
KINDS = {"occurs", "per-person", "per-unit", "pairwise", "deadline", "order", "gate", "report",
         "duration", "coverage", "notice", "attest", "recurring", "quantity"}
HEADER = ["id", "kinds", "quote", "note"]
# Same character class as benchmarks/draft_recall.py (the README's "punctuation and spaces").
_PUNCT = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\u2018-\u201f\u2026,.;:!?()\[\]"
                    r"\"'《》“”‘’、·—-]+")


def _norm(s: str) -> str:
    return _PUNCT.sub("", to_simplified(s))


def _passages() -> list[Path]:
    found = []
    for name in SETS:
        folder = DATA / name
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.txt")))
    return found


def test_both_sets_present() -> None:
    for name, prefix in SETS.items():
        folder = DATA / name
        assert (folder / "README.md").is_file(), f"{name}: README.md missing"
        stems = [p.stem for p in sorted(folder.glob("*.txt"))]
        assert stems, f"{name}: no passages"
        want = [f"{prefix}{i:02d}" for i in range(1, len(stems) + 1)]
        assert stems == want, f"{name}: passages should be numbered {want[0]}…{want[-1]}"
        assert {p.name for p in folder.glob("*.expected.tsv")} == {f"{s}.expected.tsv" for s in stems}


def _problems(txt: Path) -> list[str]:
    """What is wrong with one passage and its table; names files and rows, never the text."""
    where = f"{txt.parent.name}/{txt.name}"
    text = txt.read_text(encoding="utf-8")
    n = len(text.strip())
    body = _norm(text)
    del text
    out = []
    if not 250 <= n <= 900:
        out.append(f"{where}: {n} characters, want 250–900")
    exp = txt.with_name(txt.stem + ".expected.tsv")
    if not exp.is_file():
        return out + [f"{exp.name}: missing"]
    lines = exp.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != HEADER:
        return out + [f"{exp.name} line 1: header must be {HEADER}"]
    rows = list(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))
    if not 4 <= len(rows) <= 12:
        out.append(f"{exp.name}: {len(rows)} rows, want 4–12")
    for k, row in enumerate(rows, start=1):
        at = f"{exp.name} line {k + 1}"
        if len(row) != 4:
            out.append(f"{at}: {len(row)} tab-separated fields, want 4")
            continue
        rid, kinds, quote, note = row
        if rid != f"{txt.stem}.{k}":
            out.append(f"{at}: id {rid!r}, want {txt.stem}.{k}")
        ks = [x.strip() for x in kinds.split(",")]
        bad = [x for x in ks if x not in KINDS]
        if bad:
            out.append(f"{at}: unknown kinds {bad}")
        if len(set(ks)) != len(ks):
            out.append(f"{at}: a kind is repeated")
        if not note.strip():
            out.append(f"{at}: empty note")
        frags = [f for f in re.split(r"…+", quote) if _norm(f)]
        if not frags:
            out.append(f"{at}: empty quote")
        # Which fragment, not its words: the blind set's text must not reach the log.
        missing = [i for i, f in enumerate(frags, start=1) if _norm(f) not in body]
        if missing:
            out.append(f"{at}: quote fragment(s) {missing} not in {txt.name}")
    return out


@pytest.mark.parametrize("txt", _passages(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_passage_well_formed(txt: Path) -> None:
    assert _problems(txt) == []


def test_checker_catches_bad_rows(tmp_path: Path) -> None:
    txt = tmp_path / "e01.txt"
    txt.write_text("各支部每季度召开一次党员大会,書記每年講黨課不少於1次。" * 12, encoding="utf-8")
    rows = ["id\tkinds\tquote\tnote",
            "e01.1\trecurring\t各支部每季度召开一次党员大会\tquarterly meeting",
            "e01.2\tper-person\t书记每年讲党课…不少于1次\tfolded and fragmented: fine",
            "e01.3\tweekly\t每季度\tunknown kind",
            "e01.5\toccurs\t每月召开\tbad id and a quote not in the text",
            "e01.5\toccurs\t党员大会\t"]
    (tmp_path / "e01.expected.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert _problems(txt) == [
        "e01.expected.tsv line 4: unknown kinds ['weekly']",
        "e01.expected.tsv line 5: id 'e01.5', want e01.4",
        "e01.expected.tsv line 5: quote fragment(s) [1] not in e01.txt",
        "e01.expected.tsv line 6: empty note",
    ]
    txt.write_text("各支部每季度召开一次党员大会。", encoding="utf-8")
    assert _problems(txt)[0] == f"{tmp_path.name}/e01.txt: 15 characters, want 250–900"


@pytest.mark.skipif(not (SHARED / "sources").is_dir(), reason="shared/sources not present")
def test_benchmark_shows_blind_set_only_in_aggregate() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "draft_recall.py")],
                       capture_output=True, text=True, timeout=300,
                       env={**os.environ, "MASSWORK_SHARED": str(SHARED)})
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    agg = r"  corpus {}: recall=[\d.]+ precision=[\d.]+ \(found \d+/\d+, matched \d+/\d+ drafted\)"
    assert sum(bool(re.fullmatch(agg.format("extra"), x)) for x in lines) == 1
    assert sum(bool(re.fullmatch(agg.format("blind"), x)) for x in lines) == 1
    extra = {x.split()[0] for x in lines if re.match(r"  e\d\d extra ", x)}
    assert extra == {p.stem for p in (DATA / "draft-extra").glob("*.txt")}
    # No per-file line (and no path) of the blind set in the output: only its aggregate.
    assert not [x for x in lines if re.match(r"\s*b\d\d\b", x)]
    assert "draft-blind" not in r.stdout
    assert re.fullmatch(r"recall=[\d.]+ precision=[\d.]+", lines[-1])
