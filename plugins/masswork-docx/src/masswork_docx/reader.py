"""Reading a .docx plan for ``masswork draft``: the text of its paragraphs and of its
tables' cells, in document order, one per line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from masswork.errors import InputError, Problem
from masswork.i18n import Msg

from .safezip import open_docx_safely

__all__ = ["read_docx_text"]

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))
_T, _TAB, _BR, _CR = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr"))


def _paragraph_text(p: BaseOxmlElement) -> str:
    """A paragraph's text: runs (hyperlinks and fields included), tabs as tabs, line breaks as
    newlines."""
    out: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if el.tag == _T:
            out.append(el.text or "")
        elif el.tag == _TAB:
            out.append("\t")
        elif el.tag == _BR and el.get(qn("w:type")) not in (None, "textWrapping"):
            continue  # page and column breaks are layout, not text
        else:
            out.append("\n")
    return "".join(out)


def _blocks(parent: BaseOxmlElement) -> Iterator[str]:
    for child in parent:
        if child.tag == _P:
            yield _paragraph_text(child)
        elif child.tag == _TBL:
            for tr in child.iter(_TR):
                if _nearest_table(tr) is not child:
                    continue  # a nested table's rows come with its own cell
                for tc in tr:
                    if tc.tag == _TC:
                        yield from _blocks(tc)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _nearest_table(el: BaseOxmlElement) -> BaseOxmlElement | None:
    parent: BaseOxmlElement | None = el.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def read_docx_text(path: str | Path) -> str:
    """The text of the .docx at ``path``: paragraphs and table cells in document order,
    separated by newlines. A file that is not a Word document, or one that is unsafe to
    open (a zip bomb, XML entities: :mod:`masswork_docx.safezip`), raises
    :class:`masswork.errors.InputError`."""
    data = open_docx_safely(path)
    try:
        document = docx.Document(data)
    except Exception as exc:  # noqa: BLE001 - zip, XML and package errors alike
        raise InputError(Problem(
            msg=Msg("docx.read.failed", {"error": str(exc)}, package="masswork_docx"),
            file=str(path), expected=Msg("docx.read.expected.docx", package="masswork_docx"))) from exc
    body = document.element.body
    return "\n".join(_blocks(body))
