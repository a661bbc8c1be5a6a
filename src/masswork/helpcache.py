"""``masswork --help`` answered from a cache, without importing click, the package or any
plugin: the text the command line printed last time, kept while nothing it came from has
changed.

The top-level help lists every command, plugins' too (``masswork_register_commands``), so
writing it means importing every plugin — and with them python-docx, openpyxl and
icalendar, a second of start-up. The text is therefore kept in a file (``$MASSWORK_CACHE_DIR``,
else ``$XDG_CACHE_HOME/masswork``, else ``~/.cache/masswork``; nothing is kept when that
cannot be written) with what it depends on:

* the key: masswork's version, the interpreter, ``sys.path``, the terminal width the help
  is wrapped to, and the environment that chooses the language or the plugins
  (``MASSWORK_LANG``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``,
  ``MASSWORK_LOAD_PLUGINS``);
* every file of a module that was loaded to write it (outside the standard library), every
  message catalogue (``.mo``) the help may have been rendered from, and every folder of
  ``sys.path``, each with its modification time and size: installing, removing or upgrading
  a plugin changes its ``site-packages`` folder; editing a command's options (an editable
  install) changes its file; recompiling a catalogue changes the help's words.

The help is written in the language those variables choose (masswork.helptext); a help
written for a ``--lang`` on the command line is not kept.

A cached text is printed only when the key is the same and every one of those files and
folders is as it was; otherwise the command line writes the help and the cache anew.
Measured in benchmarks/startup.py (docs/performance.md). This module imports only what
Python has loaded at start-up already (``os``, ``sys``, ``codecs``, ``io``) and ``zlib``.
"""

from __future__ import annotations

import os
import sys

__all__ = ["cached_help", "store_help", "cache_dir", "help_key"]

_MAGIC = "masswork help cache 2"
_ENV = ("MASSWORK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "MASSWORK_LOAD_PLUGINS")


def cache_dir() -> str | None:
    """The folder the help is kept in (None when there is no home to keep it in)."""
    explicit = os.environ.get("MASSWORK_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.path.expanduser("~"), ".cache") if os.path.expanduser("~") != "~" else "")
    return os.path.join(base, "masswork") if base else None


def _columns() -> int:
    # What shutil.get_terminal_size() gives click's help formatter (without importing shutil).
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


def help_key() -> str:
    """Everything besides files that the help text depends on, as one line."""
    from .__about__ import __version__

    parts = [__version__, sys.executable, os.pathsep.join(sys.path), str(_columns()),
             *(f"{name}={os.environ.get(name, '')}" for name in _ENV)]
    return "\x1f".join(parts).replace("\n", "\\n")


def _file(key: str) -> str | None:
    import zlib

    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"help-{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}.txt")


def _stamp(path: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_mtime_ns} {st.st_size}"


def cached_help() -> str | None:
    """The cached top-level help, or None when there is none or anything it came from has
    changed."""
    key = help_key()
    path = _file(key)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            content = f.read()
    except (OSError, UnicodeDecodeError):
        return None
    head, sep, text = content.partition("\nT\n")
    lines = head.split("\n")
    if not sep or len(lines) < 2 or lines[0] != _MAGIC or lines[1] != key:
        return None
    for line in lines[2:]:
        tag, _, rest = line.partition(" ")
        mtime, _, rest = rest.partition(" ")
        size, _, dep = rest.partition(" ")
        if tag != "D" or _stamp(dep) != f"{mtime} {size}":
            return None
    return text


def _dependencies(extra: list[str]) -> list[str]:
    stdlib = os.path.dirname(os.__file__)
    found = {p for p in sys.path if p and os.path.isdir(p)} | set(extra)
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and (not file.startswith(stdlib + os.sep) or "site-packages" in file):
            found.add(file)
    return sorted(found)


def store_help(text: str, extra: list[str] | None = None) -> None:
    """Keep ``text`` (the top-level help, as printed) for the next ``masswork --help``,
    depending on the loaded modules, the folders of ``sys.path`` and the files in ``extra``
    (the catalogues). Never fails: a cache that cannot be written is simply not kept."""
    key = help_key()
    path = _file(key)
    if path is None:
        return
    try:  # first: a folder made in a folder of sys.path changes that folder's time
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError:
        return
    lines = [_MAGIC, key]
    for dep in _dependencies(list(extra or ())):
        stamp = _stamp(dep)
        if stamp is None or "\n" in dep:
            continue
        lines.append(f"D {stamp} {dep}")
    content = "\n".join(lines) + "\nT\n" + text
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def print_cached_help() -> bool:
    """Print the cached help to stdout as the command line would (UTF-8 when redirected,
    unencodable characters replaced); False when there is none to print."""
    text = cached_help()
    if text is None:
        return False
    import io

    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper):
        try:
            import codecs

            if (not stream.isatty() and not os.environ.get("PYTHONIOENCODING")
                    and codecs.lookup(stream.encoding or "ascii").name != "utf-8"):
                stream.reconfigure(encoding="utf-8", errors="replace")
            else:
                stream.reconfigure(errors="replace")
        except (ValueError, LookupError, io.UnsupportedOperation):
            pass
    stream.write(text)
    stream.flush()
    return True
