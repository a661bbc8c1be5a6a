"""Opening an untrusted .docx: a zip of XML parts, checked before anything is inflated.

A .docx arrives by e-mail from another unit, so it may be a zip bomb (2 MB unpacking to
2 GB) or carry XML entity tricks (an external entity reading ``/etc/passwd``, "billion
laughs" expanding a few entities into gigabytes). :func:`open_docx_safely`:

1. reads only a regular file of at most ``Limits.max_document_bytes`` (masswork's own
   bounded read: no FIFO, device or directory);
2. checks the zip's central directory before inflating anything: at most ``MAX_PARTS``
   parts, each declaring at most ``MAX_PART_BYTES`` uncompressed, all together at most
   ``MAX_TOTAL_BYTES``, and no part over 1 MiB compressed more than ``MAX_RATIO`` to 1;
3. inflates every XML part as a stream with a cap (``zipfile`` never gives more than the
   declared size, and the cap stops a part before it is held whole), refusing any part
   whose XML is not UTF-8 (so a UTF-16 part cannot hide its declarations) or declares a
   ``<!DOCTYPE`` or ``<!ENTITY`` — Word never writes either;
4. requires a main document part (``word/document.xml``).

Only then does python-docx read the bytes already in memory. python-docx's own parser
does not resolve entities; refusing DTDs outright also stops internal-entity expansion and
keeps the check independent of the parser's settings.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from masswork.errors import InputError, Problem
from masswork.i18n import Msg
from masswork.loaders.limits import DEFAULT_LIMITS, Limits, read_bytes_bounded

__all__ = ["open_docx_safely", "MAX_PARTS", "MAX_PART_BYTES", "MAX_TOTAL_BYTES", "MAX_RATIO"]

MAX_PARTS = 2_000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100
_CHUNK = 1 << 16


def _bad(path: str, what: str, expected: str = "docx", **params: object) -> InputError:
    # ``what`` and ``expected`` name messages of this plugin's catalogue (``docx.read.``).
    return InputError(Problem(msg=Msg(f"docx.read.{what}", params, package="masswork_docx"), file=path,
                              expected=Msg(f"docx.read.expected.{expected}", params, package="masswork_docx")))


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> None:
    seen = 0
    head = b""
    tail = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            seen += len(chunk)
            if seen > MAX_PART_BYTES:
                raise _bad(path, "part_too_big", "part_bytes", part=info.filename, n=MAX_PART_BYTES)
            if len(head) < 8:
                head += chunk[:8]
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window or b"<!doctype" in window:
                raise _bad(path, "dtd", "no_dtd", part=info.filename)
            tail = window[-16:]
    stripped = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if stripped and not stripped.lstrip().startswith(b"<"):
        raise _bad(path, "not_utf8", "utf8_xml", part=info.filename)


def open_docx_safely(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> io.BytesIO:
    """The bytes of the .docx at ``path`` once they are known to be safe to parse (see the
    module docstring); an :class:`InputError` naming the file otherwise."""
    shown = str(path)
    raw = read_bytes_bounded(path, limits.max_document_bytes)
    buf = io.BytesIO(raw)
    try:
        zf = zipfile.ZipFile(buf)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise _bad(shown, "not_zip", error=str(exc)) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:
            raise _bad(shown, "too_many_parts", "parts", n=len(infos), limit=MAX_PARTS)
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                raise _bad(shown, "bomb", "total_bytes", part=info.filename, n=MAX_PART_BYTES,
                           total=MAX_TOTAL_BYTES)
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bad(shown, "ratio", "ratio", part=info.filename, n=MAX_RATIO)
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise _bad(shown, "no_document")
        try:
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and not info.is_dir():
                    _scan_xml(zf, info, shown)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
            raise _bad(shown, "damaged", error=str(exc)) from None
    buf.seek(0)
    return buf
