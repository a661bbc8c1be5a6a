"""Reading and writing the plain-data files: TOML and JSON with one structure.

Syntax errors come back as :class:`~masswork.errors.InputError` with the file and line.
Files are written atomically (temporary file in the same folder, then rename) so a failed
write never leaves half a file where a good one was.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["read_data", "parse_data", "write_atomic", "detect_format"]

_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def detect_format(path: str | Path, text: str | None = None) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    if text is not None and text.lstrip().startswith(("{", "[{")):
        return "json"
    return "toml"


def parse_data(text: str, fmt: str, file: str | None = None) -> dict[str, Any]:
    """Parse TOML or JSON text into a dict; a syntax error names the line."""
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(Problem(
                zh=f"JSON 語法錯誤: {exc.msg}", en=f"JSON syntax error: {exc.msg}",
                file=file, line=exc.lineno, expected="valid JSON 有效的 JSON")) from None
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            msg = str(exc)
            m = _TOML_LINE.search(msg)
            line = int(m.group(1)) if m else None
            clean = _TOML_LINE.sub("", msg).strip()
            raise InputError(Problem(
                zh=f"TOML 語法錯誤: {clean}", en=f"TOML syntax error: {clean}",
                file=file, line=line, expected="valid TOML 有效的 TOML")) from None
    if not isinstance(data, dict):
        raise InputError(Problem(zh="頂層必須是表(對象)", en="the top level must be a table (object)",
                                 file=file, line=1))
    return data


def read_data(path: str | Path) -> dict[str, Any]:
    """Read a TOML or JSON file (by its suffix) into a dict."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(zh="文件不存在", en="file not found", file=str(p))) from None
    except OSError as exc:
        raise InputError(Problem(zh=f"無法讀取文件: {exc.strerror}",
                                 en=f"cannot read file: {exc.strerror}", file=str(p))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(Problem(zh="文件不是 UTF-8 編碼", en="file is not UTF-8 encoded",
                                 file=str(p), line=line, expected="UTF-8")) from None
    return parse_data(text, detect_format(p, text), str(p))


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never
    a part."""
    p = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=p.parent if str(p.parent) else ".", prefix=f".{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes 0600 files; give the file the mode a plain open() would (or keep the
        # mode of the file it replaces).
        try:
            mode = p.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def dumps_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
