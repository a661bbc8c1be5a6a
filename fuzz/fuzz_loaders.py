"""Coverage-guided fuzzing of masswork's readers with atheris (optional; not run in CI).

    pip install atheris
    python fuzz/fuzz_loaders.py -max_total_time=600 fuzz/seeds/

Each input is read as a plan file, as a schedule file (against the seed plan), as the text
of a plan document for ``draft`` and as a .docx; anything but a result or a
:class:`masswork.errors.MassworkError` is a crash, and atheris writes the input to
``crash-*``. Keep every crash found: copy it into ``tests/corpus/bad/hand/`` with a
``.expect`` sidecar (or add it as an ``@example`` in ``tests/test_fuzz.py``) and fix it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import masswork
    from masswork.draft import draft_text
    from masswork.draft.text import decode, read_document
    from masswork.errors import MassworkError

HERE = Path(__file__).resolve().parent
PLAN = masswork.load_plan(HERE.parent / "tests" / "corpus" / "good" / "plan.toml")
WORK = Path(tempfile.mkdtemp(prefix="masswork-fuzz-"))


def _write(name: str, data: bytes) -> Path:
    path = WORK / name
    path.write_bytes(data)
    return path


def test_one_input(data: bytes) -> None:
    which = data[:1]
    body = data[1:]
    try:
        if which in (b"p", b"{"):
            masswork.load_plan(_write("plan.toml", body))
        elif which == b"s":
            masswork.load_schedule(_write("schedule.toml", body), PLAN)
        elif which == b"d":
            text, _ = decode(body, "fuzz.txt")
            draft_text(text, year=2014)
        elif which == b"x":
            read_document(_write("doc.docx", body))
        else:
            masswork.load_plan(_write("plan.json", data))
    except MassworkError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
