"""The scan: every output of every example in every format, in zh-Hans, zh-Hant and en.

In Chinese output no message id and no English word may appear, except the plan's and the
schedule's own ASCII data (ids, file names, clause numbers, which are quoted as written) and
the names of requirement kinds (identifiers, like rule ids); and no character of the other
script (a Traditional label in Simplified output), except in the plan's and schedule's own
words. In English output no Chinese may
appear except words quoted from the plan or schedule. The rule is the same for every output;
no output is skipped."""

from __future__ import annotations

import functools
import io
import json
import re
import zipfile
from html import unescape
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import masswork
from masswork.cli import cli
from masswork.exporters import ExportInput
from masswork.i18n import LANGS
from masswork.i18n.build import load_po
from masswork.loaders.files import read_data as read_toml
from masswork.plugins import get_calendar, get_exporters, get_host, get_kinds, plugin_info

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("s*-*/plan.toml"))
CASES = [(ex, sched) for ex in EXAMPLES for sched in ("schedule-complete.toml", "schedule-flawed.toml")]
AS_OF = {"s1-kejiju-phase1": "2014-04-15", "s2-kejiju-campaign": "2014-06-30", "s3-danyang-phase1": "2014-04-15"}

# A word: letters, possibly joined by digits, dots, hyphens or underscores into one id
# ("S1.2.1a-deadline", "masswork-html").
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_CUT = re.compile(r"([\u3400-\u9fff\uf900-\ufaff]+)…")
CODES = {e.msgid for e in load_po("en")}


@functools.lru_cache(maxsize=None)
def _other_script(ch: str, lang: str) -> bool:
    """Whether a character belongs to the other script than ``lang``'s: OpenCC, character
    by character, changes it (發 in Simplified text, 发 in Traditional)."""
    if ch in _BOTH:
        return False
    return _OPENCC["t2s" if lang == "zh-Hans" else "s2t"].convert(ch) != ch


# Characters Traditional text writes as Simplified does, though OpenCC's s2t changes them
# (台賬, 批准, 幹部 beside 干涉, 皇后, 里程).
_BOTH = frozenset("台准干后里面范系只着丰云")


_OPENCC: dict[str, Any] = {}


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(data, (list, tuple)):
        for v in data:
            yield from _strings(v)


def _own_text(example: Path, sched: str) -> str:
    """Everything the plan and schedule files say (keys and values)."""
    return "\n".join(_strings(read_toml(example / "plan.toml"))) + "\n" + "\n".join(
        _strings(read_toml(example / sched)))


def _docx_text(data: bytes) -> str:
    import docx

    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    for s in d.sections:
        parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    parts = []
    for ws in wb.worksheets:
        parts.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            parts += [str(v) for v in row if isinstance(v, str)]
    return "\n".join(parts)


def _html_text(data: bytes) -> str:
    html = data.decode("utf-8")
    html = re.sub(r"(?s)<style.*?</style>|<!--.*?-->|<!DOCTYPE[^>]*>", " ", html)
    # Text people read: element text and the attributes shown to them.
    shown = re.findall(r'(?:title|aria-label|alt)="([^"]*)"', html)
    text = re.sub(r"(?s)<[^>]+>", " ", html)
    # Entities (&#x27;) are how the page spells characters, not words it shows.
    return unescape(text + "\n" + "\n".join(shown))


def _ics_text(data: bytes) -> str:
    import icalendar

    cal = icalendar.Calendar.from_ical(data)
    parts = []
    for comp in cal.walk():
        for key in ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "X-WR-CALDESC"):
            if key in comp:
                parts.append(str(comp[key]))
    return "\n".join(parts)


def _json_text(data: bytes) -> str:
    doc = json.loads(data)
    report = doc.get("report", doc)
    parts = []
    for f in report.get("findings", []) + report.get("warnings", []):
        parts.append(f["message"])
        for s in f.get("shortfall", []):
            parts.append(s.get("detail_text", "") if "detail_text" in s else "")
    return "\n".join(parts)


_READ = {".docx": _docx_text, ".xlsx": _xlsx_text, ".html": _html_text, ".ics": _ics_text,
         ".json": _json_text}


def _outputs(example: Path, sched: str, lang: str) -> Iterator[tuple[str, str]]:
    plan_f, sched_f = str(example / "plan.toml"), str(example / sched)
    runner = CliRunner()
    as_of = AS_OF.get(example.name) or f"{masswork.load_plan(plan_f).year}-06-30"
    for args in (["check", plan_f, sched_f], ["check", plan_f, sched_f, "--as-of", as_of],
                 ["explain", plan_f]):
        r = runner.invoke(cli, [*args, "--lang", lang])
        assert r.exit_code in (0, 1), r.output
        yield " ".join(args[:1] + args[3:]), r.output
    r = runner.invoke(cli, ["check", plan_f, sched_f, "--as-of", as_of, "--format", "json", "--lang", lang])
    yield "check json", _json_text(r.stdout_bytes)
    r = runner.invoke(cli, ["explain", plan_f, "--format", "json", "--lang", lang])
    yield "explain json", "\n".join(row["text"] for row in json.loads(r.stdout_bytes)["requirements"])
    plan = masswork.load_plan(plan_f)
    schedule = masswork.load_schedule(sched_f, plan)
    import datetime as dt

    day = dt.date.fromisoformat(as_of)
    report = masswork.check(plan, schedule, day, kinds=get_kinds(), calendar=get_calendar())
    for name, exporter in sorted(get_exporters().items()):
        data = exporter.export(ExportInput(plan, schedule, report, lang, day))
        read = _READ.get(exporter.suffix)
        text = read(data) if read else data.decode("utf-8-sig")
        if name == "json":
            text = _json_text(data)
        if name == "markdown":
            text = re.sub(r"\\(.)", r"\1", text)  # Markdown's escapes are not words
        yield f"export {name}", text


def _foreign_script(text: str, lang: str, own: str, own_words: re.Pattern[str]) -> list[str]:
    """Runs of Chinese in the other script than ``lang``'s (Traditional characters in
    Simplified output, and back), once the plan's and schedule's own words, which are
    quoted as written, are taken out (a title cut short to fit, 會議時間在門戶網站和…, too)."""
    text = _CUT.sub(lambda m: " " if m[1] in own else m[0], text)
    if not _OPENCC:
        import opencc

        _OPENCC.update(t2s=opencc.OpenCC("t2s"), s2t=opencc.OpenCC("s2t"))
    return [run for run in _CJK.findall(own_words.sub(" ", text)) if any(_other_script(ch, lang) for ch in run)]


def _leaks(text: str, lang: str, own: str, allowed_words: set[str], own_words: re.Pattern[str]) -> list[str]:
    found = [c for c in CODES if re.search(r"(?<![\w.])" + re.escape(c) + r"(?![\w.])", text)]
    if lang == "en":
        found += [run for run in _CJK.findall(text) if run not in own]
    else:
        found += [w for w in _WORD.findall(text) if w not in allowed_words]
        found += _foreign_script(text, lang, own, own_words)
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example, sched", CASES, ids=lambda x: x.name if isinstance(x, Path) else str(x))
def test_outputs_are_wholly_in_their_language(example: Path, sched: str, lang: str) -> None:
    own = _own_text(example, sched)
    allowed = (set(_WORD.findall(own)) | set(get_kinds().names()) | {"masswork"}
               | {pre + row["name"] for row in plugin_info(get_host()) for pre in ("", "masswork-")})
    runs = sorted(set(_CJK.findall(own)), key=len, reverse=True)
    own_words = re.compile("|".join(map(re.escape, runs)) or "(?!)")
    leaks = {}
    for where, text in _outputs(example, sched, lang):
        bad = _leaks(text, lang, own, allowed, own_words)
        if bad:
            leaks[where] = sorted(set(bad))[:40]
    assert leaks == {}
