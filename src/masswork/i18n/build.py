"""Maintain the catalogues: ``python -m masswork.i18n.build [compile|draft-hans|check] [PKG_DIR ...]``.

- ``compile``: every ``.po`` source to its ``.mo`` beside it (what the package reads).
- ``draft-hans``: messages in the Traditional catalogue that the Simplified one lacks are
  drafted with OpenCC (``t2s``, phrase-aware) and marked ``fuzzy``: a person reviews each
  (terms such as 党组, 领导班子, 民主生活会, 对照检查材料) and removes the flag; the
  catalogue test fails while any is left.
- ``check``: what the tests check — every language has every message, none fuzzy, each
  ``.mo`` compiled from its ``.po``.

Each command works on masswork's catalogues (its messages and click's texts) and on those of the bundled plugins (found
beside it in a source checkout), or on the package directories named (a plugin's
``src/masswork_x``, holding ``locale/<lang>/LC_MESSAGES/<domain>.po``; see
:mod:`masswork.i18n.domain`).

Development tools only (``pip install polib opencc``); masswork itself reads the ``.mo``
files with the standard library.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .catalog import LOCALE_DIRS, locale_dir

__all__ = ["po_path", "load_po", "compile_all", "draft_hans", "problems", "core_dirs", "plugin_dirs", "domain_of"]

HERE = Path(__file__).parent


def domain_of(pkg: Path) -> str:
    """The gettext domain of a package directory's catalogues (the ``.po`` file's name)."""
    if pkg == HERE:
        return "masswork"
    found = sorted((pkg / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
    return found[0].stem if found else pkg.name


def core_dirs() -> list[Path]:
    """masswork's own catalogues: its messages, and click's texts (:mod:`.clickwords`)."""
    return [HERE, HERE / "clickwords"]


def plugin_dirs() -> list[Path]:
    """The bundled plugins' package directories that hold catalogues (source checkout only)."""
    root = HERE.parents[2] / "plugins"
    return sorted(p.parent for p in root.glob("*/src/*/locale") if p.is_dir())


def po_path(lang: str, pkg: Path | None = None) -> Path:
    if pkg is None or pkg == HERE:
        return HERE / locale_dir(lang, "po")
    return pkg / "locale" / LOCALE_DIRS[lang] / "LC_MESSAGES" / f"{domain_of(pkg)}.po"


def load_po(lang: str, pkg: Path | None = None) -> Any:
    import polib  # type: ignore[import-untyped]

    return polib.pofile(str(po_path(lang, pkg)), wrapwidth=0)


def compile_all(pkg: Path | None = None) -> list[Path]:
    out = []
    for lang in LOCALE_DIRS:
        po = load_po(lang, pkg)
        mo = po_path(lang, pkg).with_suffix(".mo")
        po.save_as_mofile(str(mo))
        out.append(mo)
    return out


def draft_hans(pkg: Path | None = None) -> int:
    import opencc
    import polib

    conv = opencc.OpenCC("t2s")
    hant, hans = load_po("zh-Hant", pkg), load_po("zh-Hans", pkg)
    have = {e.msgid for e in hans}
    added = 0
    for e in hant:
        if e.msgid in have or e.obsolete:
            continue
        hans.append(polib.POEntry(msgid=e.msgid, msgstr=conv.convert(e.msgstr), flags=["fuzzy"],
                                  comment=e.comment))
        added += 1
    hans.save(str(po_path("zh-Hans", pkg)))
    return added


def problems(pkg: Path | None = None) -> list[str]:
    """Everything wrong with one package's catalogues (masswork's by default), as lines to
    print (empty when all is well)."""
    import gettext

    out: list[str] = []
    ids: dict[str, set[str]] = {}
    for lang in LOCALE_DIRS:
        po = load_po(lang, pkg)
        entries = [e for e in po if not e.obsolete]
        ids[lang] = {e.msgid for e in entries}
        for e in entries:
            if "fuzzy" in e.flags:
                out.append(f"{lang}: {e.msgid} is marked fuzzy (not yet reviewed)")
            if not (e.msgstr or (e.msgid_plural and all(e.msgstr_plural.values()))):
                out.append(f"{lang}: {e.msgid} has no text")
        mo = po_path(lang, pkg).with_suffix(".mo")
        if not mo.exists():
            out.append(f"{lang}: {mo.name} missing: run python -m masswork.i18n.build compile")
            continue
        with mo.open("rb") as fp:
            compiled = {k: v for k, v in gettext.GNUTranslations(fp)._catalog.items()  # type: ignore[attr-defined]
                        if k}
        source: dict[object, str] = {e.msgid: e.msgstr for e in entries
                                     if e.msgstr and not e.msgid_plural and "fuzzy" not in e.flags}
        source.update({(e.msgid, int(n)): text for e in entries if e.msgid_plural and "fuzzy" not in e.flags
                       for n, text in e.msgstr_plural.items()})
        if compiled != source:
            out.append(f"{lang}: {mo.name} is out of date: run python -m masswork.i18n.build compile")
    every = set().union(*ids.values())
    for lang, have in ids.items():
        for code in sorted(every - have):
            out.append(f"{lang}: lacks {code}")
    return out


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    pkgs = [Path(a).resolve() for a in argv[1:]] or [*core_dirs(), *plugin_dirs()]
    if cmd == "compile":
        for pkg in pkgs:
            for mo in compile_all(pkg):
                print("compiled", mo)
        return 0
    if cmd == "draft-hans":
        for pkg in pkgs:
            print(f"{domain_of(pkg)}: drafted {draft_hans(pkg)} Simplified messages (fuzzy: review them)")
        return 0
    if cmd == "check":
        found = [f"{domain_of(pkg)}: {line}" for pkg in pkgs for line in problems(pkg)]
        print("\n".join(found) or "catalogues complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
