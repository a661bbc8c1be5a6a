"""How much of the catalogue does `masswork draft` find, and how much of what it drafts is
right?

Drafts the three articles of ``shared/sources/`` and compares them with the catalogue,
``shared/domain/requirements.md``:

* recall — catalogue rows for which a requirement of the same clause and kind was drafted
  (a drafted clause ``S1.3.1`` matches rows ``S1.3.1a``, ``S1.3.1b`` …; the row's kinds are
  the ones in its last column). A row whose kind is ``(plan option)`` is matched by the
  drafted plan's ``[options]`` (``phases_overlap`` for 不分階段、不搞轉段).
* precision — drafted requirements that match a catalogue row, or that are true
  requirements the catalogue lacks. Those are listed below (``REVIEWED_EXTRAS``) by
  (clause, kind), each with the reason a person judged it true; every other unmatched
  requirement is printed as a false positive.

Then the passages of ``shared/corpus/plans-dev/`` (if present), scored as its README says
(and as ``shared/corpus/score.py`` does): an expected row is found when a drafted
requirement's quote contains every ``…``-separated fragment of the row's quote (Traditional
folded to Simplified, punctuation and spaces dropped) and its kind is among the row's kinds;
precision is the share of drafted requirements that find some row. Per file, then overall
for the **development** files and, separately, the **held-out** files: every 4th file
(d04, d08, … d36), set aside before tuning and never inspected while tuning. Folding uses
``zhconv`` when installed (as score.py does), else :func:`masswork.hanzi.to_simplified`.

Then, scored the same way, the hand-written passages of ``tests/data/draft-extra`` (for tuning:
a line per file and ``corpus extra: …``) and ``tests/data/draft-blind`` (never for tuning: only
the aggregate line ``corpus blind: …`` is printed, so nobody reads per-file results off it).

Run from the repository root: ``python benchmarks/draft_recall.py``. ``shared/`` is found at
``../shared`` or through ``MASSWORK_SHARED``. The last line is ``recall=… precision=…`` for
the three source articles.
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

from masswork.draft import draft_file
from masswork.errors import InputError

KINDS = ("occurs", "per-person", "pairwise", "deadline", "order", "gate", "report", "duration",
         "coverage", "notice", "attest", "recurring", "quantity")

# Drafted requirements that match no catalogue row but say what the plan says (reviewed by
# hand against the source). Keyed by (clause, kind); the comment is the reason.
REVIEWED_EXTRAS: dict[tuple[str, str], str] = {
    ("S1.1.4", "coverage"): "一(四) 實施方案 must spell out 目標要求、方法步驟及具體措施 (明確…)",
    ("S1.3.1", "coverage"): "三(一) the study plan settles 學習人員、學習時間、學習內容、學習效果 (四落實); "
                            "the example plan encodes it too",
    ("S1.5.2", "occurs"): "五(二) 對一些突出問題,進行集中專項治理 — special rectification is held",
    ("S2.5.2.2", "occurs"): "五(二)2 主要負責同志主持起草領導班子對照檢查材料 — the collective material is drafted",
    ("S2.5.2.3", "attest"): "五(二)3 開展深刻、誠懇的批評與自我批評 — a quality someone signs off",
    ("S3.1.1", "occurs"): "一(一) 傳達學習中央、省委、市委和我市精神 — the study session the catalogue "
                          "has for S1.1.1 (it lists no row for S3.1.1)",
    ("S3.1.2", "occurs"): "一(二) 局黨組成立…領導小組及辦公室 — as S1.1.2",
    ("S3.1.3", "coverage"): "一(三) 廣泛征求老同志和黨內外干部群眾的意見 — the sources, as S1.1.3",
    ("S3.1.3", "occurs"): "一(三) 開展調查研究 — as S1.1.3b",
    ("S3.1.4", "coverage"): "一(四) the 實施方案 must spell out 目標要求、方法步驟及具體措施",
    ("S3.1.4", "occurs"): "一(四) 各單位同步制定…環節實施辦法 — drafted (as S1.1.4); a warning, since it "
                          "addresses 各單位",
    ("S3.2.0", "deadline"): "二 (lead) 我局在2月24日召開動員大會 — the catalogue files the date under S3.2.1",
    ("S3.4.1", "occurs"): "四(一) 組織參學對象赴聯系點走訪調研 — the visits are to be held",
    ("S3.4.2", "coverage"): "四(二) the forums hear 基層群眾 and 服務企業 (向…征求改進作風的意見)",
    ("S3.4.3", "coverage"): "四(三) channels 征求意見表 and 群眾意見箱 (as S1.4.5)",
    ("S3.4.4", "attest"): "四(四) 原汁原味地梳理匯總 — as S1.4.6",
    ("S3.5.3", "occurs"): "五(三) 研究出臺…具體制度和規定 — rules are issued",
}


def shared_dir() -> Path:
    env = os.environ.get("MASSWORK_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    for cand in (here.parent / "shared", here / "shared", Path.cwd().parent / "shared"):
        if (cand / "domain" / "requirements.md").exists():
            return cand
    sys.exit("cannot find shared/ (set MASSWORK_SHARED)")


def catalogue(path: Path) -> dict[int, list[tuple[str, set[str], str]]]:
    """Rows per article: (row id, kinds, the row's kind column as written)."""
    rows: dict[int, list[tuple[str, set[str], str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*(S(\d)\.[0-9.]*[0-9][a-z]?)\s*\|.*\|\s*([^|]+?)\s*\|\s*$", line)
        if not m:
            continue
        kinds_text = m.group(3)
        kinds = {k for k in KINDS if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", kinds_text)}
        rows[int(m.group(2))].append((m.group(1), kinds, kinds_text))
    return rows


def base(row_id: str) -> str:
    return re.sub(r"[a-z]$", "", row_id)


def _folder() -> tuple[str, object]:
    try:
        import zhconv

        return "zhconv", lambda s: zhconv.convert(s, "zh-hans")
    except ImportError:
        from masswork.hanzi import to_simplified

        return "masswork.hanzi", to_simplified


_PUNCT = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\u2018-\u201f\u2026,.;:!?()\[\]\"'《》“”‘’、·—-]+")


def held_out(name: str) -> bool:
    """The held-out rule: every 4th passage (d04, d08, …)."""
    return int(name[1:]) % 4 == 0


def read_case(txt: Path, fold_fn):  # type: ignore[no-untyped-def]
    """(expected rows, [(folded quote, kind)] drafted, the folding) for one passage, read
    the way the corpus README scores (benchmarks/draft_misses.py reads them so too)."""
    import csv

    def norm(s: str) -> str:
        return _PUNCT.sub("", fold_fn(s))

    exp = txt.with_name(txt.stem + ".expected.tsv")
    rows = list(csv.DictReader(exp.open(encoding="utf-8"), delimiter="\t"))
    try:
        drafts = draft_file(txt)
    except InputError:
        drafts = []
    return rows, [(norm(r.quote), r.kind) for d in drafts for r in d.requirements], norm


def score_file(txt: Path, fold_fn) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    """(rows found, rows, drafted, drafted that match) for one passage."""
    rows, got, norm = read_case(txt, fold_fn)
    used: set[int] = set()
    hit = 0
    for row in rows:
        frags = [norm(f) for f in re.split(r"…+|\.\.\.", row["quote"]) if norm(f)]
        want = {k.strip().replace("_", "-") for k in row["kinds"].split(",") if k.strip()}
        ok = False
        for i, (q, k) in enumerate(got):
            if frags and all(f in q for f in frags) and k in want:
                ok = True
                used.add(i)
        hit += ok
    return hit, len(rows), len(got), len(used)


def corpus(shared: Path) -> None:
    folder = shared / "corpus" / "plans-dev"
    files = sorted(folder.glob("d*.txt"))
    if not files:
        print(f"(no corpus at {folder})")
        return
    how, fold_fn = _folder()
    print(f"== corpus {folder} (folding by {how}; held-out = every 4th file)")
    sums = {"dev": [0, 0, 0, 0], "held-out": [0, 0, 0, 0]}
    for txt in files:
        h, n, d, m = score_file(txt, fold_fn)
        part = "held-out" if held_out(txt.stem) else "dev"
        for i, v in enumerate((h, n, d, m)):
            sums[part][i] += v
        r = h / n if n else 1.0
        p = m / d if d else 0.0
        print(f"  {txt.stem} {part:<8} found {h:>2}/{n:<2} drafted {d:>3} matched {m:>3}   "
              f"recall={r:.3f} precision={p:.3f}")
    for part, (h, n, d, m) in sums.items():
        _aggregate(part, h, n, d, m)


def _aggregate(part: str, h: int, n: int, d: int, m: int) -> None:
    print(f"  corpus {part}: recall={h / n if n else 0:.3f} precision={m / d if d else 0:.3f} "
          f"(found {h}/{n}, matched {m}/{d} drafted)")


DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def hand_sets() -> None:
    """The hand-written sets: extra (per file, for tuning) and blind (aggregate only)."""
    how, fold_fn = _folder()
    for part, folder, per_file in (("extra", DATA / "draft-extra", True),
                                   ("blind", DATA / "draft-blind", False)):
        files = sorted(folder.glob("*.txt"))
        if not files:
            print(f"(no {part} set at {folder})")
            continue
        if per_file:
            print(f"== corpus {folder} (folding by {how})")
        sums = [0, 0, 0, 0]
        for txt in files:
            h, n, d, m = score_file(txt, fold_fn)
            for i, v in enumerate((h, n, d, m)):
                sums[i] += v
            if per_file:
                print(f"  {txt.stem} {part:<8} found {h:>2}/{n:<2} drafted {d:>3} matched {m:>3}   "
                      f"recall={h / n if n else 1.0:.3f} precision={m / d if d else 0.0:.3f}")
        _aggregate(part, *sums)


def main() -> int:
    shared = shared_dir()
    corpus(shared)
    hand_sets()
    rows = catalogue(shared / "domain" / "requirements.md")
    sources = sorted((shared / "sources").glob("*.txt"))
    if not sources:
        sys.exit(f"no sources in {shared / 'sources'}")
    drafts = draft_file(sources[0], year=2014)
    total_rows = total_hit = total_req = total_ok = total_cat = 0
    for d in drafts:
        cat = rows.get(d.article, [])
        drafted = [(r.clause, r.kind, r) for r in d.requirements]
        print(f"== S{d.article} ({len(d.requirements)} drafted, {len(d.needs_review)} for review)")
        hit = 0
        for row_id, kinds, text in cat:
            if not kinds and "plan option" in text:
                ok = bool(d.plan.get("options", {}).get("phases_overlap"))
                found = "options.phases_overlap" if ok else ""
            else:
                matches = [r.id for c, k, r in drafted if c == base(row_id) and k in kinds]
                ok = bool(matches)
                found = ", ".join(matches[:3])
            hit += ok
            print(f"  {'✔' if ok else '✘'} {row_id:<10} {text:<28} {found}")
        ok_req = cat_req = 0
        extras, wrong = [], []
        for c, k, r in drafted:
            if any(base(row_id) == c and k in kinds for row_id, kinds, _ in cat):
                ok_req += 1
                cat_req += 1
            elif (c, k) in REVIEWED_EXTRAS:
                ok_req += 1
                extras.append((r, REVIEWED_EXTRAS[(c, k)]))
            else:
                wrong.append(r)
        for r, why in extras:
            print(f"  + {r.id:<22} true, not in the catalogue: {why}")
        for r in wrong:
            print(f"  - {r.id:<22} no catalogue row: 「{r.quote[:50]}」")
        recall = hit / len(cat) if cat else 1.0
        precision = ok_req / len(drafted) if drafted else 1.0
        print(f"  S{d.article}: recall={recall:.3f} ({hit}/{len(cat)}) "
              f"precision={precision:.3f} ({ok_req}/{len(drafted)}; catalogue rows alone "
              f"{cat_req}/{len(drafted)})")
        total_rows += len(cat)
        total_hit += hit
        total_req += len(drafted)
        total_ok += ok_req
        total_cat += cat_req
    recall = total_hit / total_rows if total_rows else 1.0
    precision = total_ok / total_req if total_req else 1.0
    strict = total_cat / total_req if total_req else 1.0
    print(f"(precision counting only catalogue matches, without the reviewed extras: {strict:.3f} "
          f"= {total_cat}/{total_req})")
    print(f"recall={recall:.3f} precision={precision:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
