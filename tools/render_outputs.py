"""Render every printable output of the bundled examples so a person can look at them.

Not a test: it writes into a folder outside the repository (``/tmp/looks`` unless
``--out`` says otherwise) the files a clerk would open and print —

* the HTML timeline report (``html``) and the HTML checklist (``html-checklist``): a
  screenshot of the screen view (``*.screen.png``) and the page as Chromium prints it
  (``*.pdf``, then one ``*-N.png`` per page);
* the XLSX ledger (``xlsx``), the DOCX self-inspection report (``docx``) and the DOCX
  checklist (``docx-checklist``): printed to PDF by LibreOffice (one headless run for all of
  them), then one PNG per page by ``pdftoppm``;

for each example named (default s2 and s4, flawed schedule) in each language (zh-Hans,
zh-Hant, en). It then reads the PDFs back with ``pdftotext``/``pdffonts`` and prints, per
file, its pages and what a quick look would catch first: fonts not embedded (a missing CJK
glyph turns into a box), Latin words in a Chinese output, characters of the other Chinese
script. The PNGs are what is meant to be looked at; the printed notes only say where to
look first.

    python tools/render_outputs.py [--out /tmp/looks] [--example s2-kejiju-campaign ...]

Needs the masswork command of the running virtual environment with the docx, xlsx and html
plugins, ``chromium``, ``soffice`` and ``pdftoppm``/``pdftotext``/``pdffonts`` (poppler).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh-Hans", "zh-Hant", "en")
EXAMPLES = ("s2-kejiju-campaign", "s4-jiguan-branches")
BROWSER_FORMATS = ("html", "html-checklist")
OFFICE_FORMATS = ("xlsx", "docx", "docx-checklist")
# One stem per format, so every file prints to a PDF of its own name.
NAME = {"html": "timeline.html", "html-checklist": "checklist-html.html",
        "xlsx": "ledger.xlsx", "docx": "report.docx", "docx-checklist": "checklist-docx.docx"}
# A mid-campaign day: some rules met, some overdue, some still open — every status shows.
AS_OF = {"s2-kejiju-campaign": "2014-07-15", "s4-jiguan-branches": "2023-12-20"}
_LATIN = re.compile(r"[A-Za-z]{3,}")


def _masswork() -> str:
    exe = Path(sys.executable).with_name("masswork")
    return str(exe) if exe.exists() else "masswork"


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload, no-any-return]


def export(out: Path, example: str, lang: str, fmt: str) -> Path:
    ex = ROOT / "examples" / example
    target = out / example / lang / NAME[fmt]
    target.parent.mkdir(parents=True, exist_ok=True)
    cmd = [_masswork(), "export", str(ex / "plan.toml"), str(ex / "schedule-flawed.toml"),
           "--format", fmt, "--lang", lang, "--as-of", AS_OF.get(example, "2014-05-20"),
           "-o", str(target)]
    done = _run(cmd)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stderr}")
    return target


def chromium(html: Path) -> list[Path]:
    """Screenshot of the screen view and the printed PDF of one HTML file."""
    shot = html.with_suffix(".screen.png")
    pdf = html.with_suffix(".pdf")
    common = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
              "--hide-scrollbars", "--no-pdf-header-footer"]
    _run(common + ["--window-size=1280,1800", f"--screenshot={shot}", html.as_uri()])
    _run(common + [f"--print-to-pdf={pdf}", html.as_uri()])
    return [shot, pdf]


def libreoffice(files: list[Path], profile: Path) -> None:
    """Print every office file to PDF beside it with one LibreOffice start per folder."""
    by_dir: dict[Path, list[Path]] = {}
    for f in files:
        by_dir.setdefault(f.parent, []).append(f)
    for folder, group in by_dir.items():
        _run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
              "--convert-to", "pdf", "--outdir", str(folder), *map(str, group)],
             timeout=600)


def pages(pdf: Path, dpi: int) -> list[Path]:
    stem = pdf.with_suffix("")
    for old in pdf.parent.glob(stem.name + "-*.png"):
        old.unlink()
    _run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(stem)])
    return sorted(pdf.parent.glob(stem.name + "-*.png"))


def own_words(example: str) -> tuple[set[str], set[str]]:
    """Latin words the example's own files hold (rule ids, person ids) and their characters:
    what the plan and schedule say themselves is not a leak."""
    ex = ROOT / "examples" / example
    text = " ".join(p.read_text(encoding="utf-8") for p in ex.glob("*.toml"))
    return {w.lower() for w in _LATIN.findall(text)}, set(text)


def notes(pdf: Path, lang: str, own: tuple[set[str], set[str]]) -> list[str]:
    """What to look at first in one PDF (never a verdict: the PNGs are the look)."""
    from masswork.hanzi import script_of

    found: list[str] = []
    info = _run(["pdfinfo", str(pdf)]).stdout
    size = next((line.split(":", 1)[1].strip() for line in info.splitlines()
                 if line.startswith("Page size")), "?")
    count = next((line.split(":", 1)[1].strip() for line in info.splitlines()
                  if line.startswith("Pages")), "?")
    found.append(f"{count} pages, {size}")
    fonts = [f.split() for f in _run(["pdffonts", str(pdf)]).stdout.splitlines()[2:]]
    # The columns from the right: object id, generation, uni, sub, emb.
    unembedded = {f[0] for f in fonts if len(f) > 5 and f[-5] == "no"}
    if unembedded:
        found.append("fonts not embedded: " + ", ".join(sorted(unembedded)))
    names = {f[0].split("+")[-1] for f in fonts if f and f[0] != "[none]"}
    if names:
        found.append("fonts: " + ", ".join(sorted(names)))
    text = _run(["pdftotext", "-layout", str(pdf), "-"]).stdout
    per_page = text.split("\f")
    if per_page and not per_page[-1].strip():
        per_page = per_page[:-1]
    if lang != "en":
        # A word split across a line (an id wrapped in a narrow column) is part of an own
        # word; only what is not in the example's files is listed.
        own_latin, own_chars = own
        joined = " ".join(own_latin)
        words = sorted({w for w in _LATIN.findall(text) if w.lower() not in joined})
        if words:
            found.append("Latin words: " + " ".join(words[:40]))
        other = "zh-Hans" if lang == "zh-Hant" else "zh-Hant"
        odd = sorted({ch for ch in text if ch not in own_chars and script_of(ch) == other})
        if odd:
            found.append(f"{other} characters not from the example's files: " + "".join(odd[:60]))
    else:
        cjk = sorted({ch for ch in text if "\u3400" <= ch <= "\u9fff"})
        if cjk:
            found.append(f"{len(cjk)} distinct CJK characters (plan text or labels?)")
    short = [str(i + 1) for i, p in enumerate(per_page) if 0 < len(p.strip()) < 120]
    if short:
        found.append("nearly empty pages: " + ", ".join(short))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/looks"))
    parser.add_argument("--example", action="append", choices=EXAMPLES + ("s1-kejiju-phase1",
                        "s3-danyang-phase1"))
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--format", action="append", choices=BROWSER_FORMATS + OFFICE_FORMATS)
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args(argv)
    for tool in ("chromium", "soffice", "pdftoppm", "pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    formats = args.format or list(BROWSER_FORMATS + OFFICE_FORMATS)
    made: list[tuple[str, str, Path]] = []
    office: list[Path] = []
    for example in args.example or EXAMPLES:
        for lang in args.lang or LANGS:
            for fmt in formats:
                path = export(out, example, lang, fmt)
                if fmt in BROWSER_FORMATS:
                    chromium(path)
                    made.append((example, lang, path.with_suffix(".pdf")))
                else:
                    office.append(path)
                    made.append((example, lang, path.with_suffix(".pdf")))
    libreoffice(office, out / ".lo-profile")
    for example, lang, pdf in made:
        if not pdf.exists():
            print(f"{pdf}: NOT PRINTED")
            continue
        pngs = pages(pdf, args.dpi)
        print(f"{pdf.relative_to(out)}: {len(pngs)} PNG pages")
        for note in notes(pdf, lang, own_words(example)):
            print("    " + note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
