"""The ``masswork`` console script: ``--version`` answered at once, and ``--help`` from the
cache of the text printed last time (:mod:`masswork.helpcache`), without importing click or
the rest of the package; anything else goes to :mod:`masswork.cli`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``masswork`` command."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from . import __version__

        sys.stdout.write(f"masswork, version {__version__}\n")
        return
    if args in (["--help"], ["-h"]):
        from .helpcache import print_cached_help

        if print_cached_help():
            return
    from .cli import main as cli_main

    cli_main(argv)
