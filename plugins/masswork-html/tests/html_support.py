"""Helpers for the masswork-html tests: an HTML parser for the exported page and rendering in
headless Chromium. The command line, the examples and programs that may be missing are
:mod:`masswork.testing.cli`'s."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from masswork.testing.cli import require_program

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.text = ""

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class Page:
    """An HTML page as the standard library's html.parser reads it: every element with
    its attributes and all the text inside it (entities decoded)."""

    def __init__(self, text: str) -> None:
        from html.parser import HTMLParser

        self.elements: list[Element] = []
        self.doctype: str | None = None
        page = self

        class _P(HTMLParser):
            def __init__(self) -> None:
                super().__init__(convert_charrefs=True)
                self.stack: list[Element] = []

            def handle_decl(self, decl: str) -> None:
                page.doctype = decl

            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                el = Element(tag, dict(attrs))
                page.elements.append(el)
                if tag not in VOID:
                    self.stack.append(el)

            def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                page.elements.append(Element(tag, dict(attrs)))

            def handle_endtag(self, tag: str) -> None:
                if any(el.tag == tag for el in self.stack):
                    while self.stack and self.stack.pop().tag != tag:
                        pass

            def handle_data(self, data: str) -> None:
                for el in self.stack:
                    el.text += data

        p = _P()
        p.feed(text)
        p.close()

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> list[Element]:
        """Elements named ``tag`` with class word ``cls`` and exactly these attributes."""
        return [el for el in self.elements
                if el.tag == tag and (cls is None or cls in el.classes())
                and all(el.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]


CHROMIUM_NAMES = ("chromium", "chromium-browser")
CHROMIUM_INSTALL = "apt-get install -y chromium fonts-noto-cjk"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio",
)


def chromium() -> str:
    """Debian's Chromium (skip when missing, fail under CI)."""
    for name in CHROMIUM_NAMES:
        if shutil.which(name):
            return require_program(name, install=CHROMIUM_INSTALL)
    return require_program(CHROMIUM_NAMES[0], install=CHROMIUM_INSTALL)


class Rendered:
    """What Chromium made of a page: the screenshot, what the page logged to the console
    (a CSP violation is logged there), the network requests the page made (from Chromium's
    NetLog, the browser's own housekeeping left out) and the DOM after loading."""

    def __init__(self, png: bytes, console: list[str], requests: list[str], dom: str, version: str) -> None:
        self.png = png
        self.console = console
        self.requests = requests
        self.dom = dom
        self.version = version


def _page_requests(netlog: Path) -> list[str]:
    data = json.loads(netlog.read_text(encoding="utf-8", errors="replace") or "{}")
    types = {v: k for k, v in data.get("constants", {}).get("logEventTypes", {}).items()}
    urls = []
    for e in data.get("events", []):
        p = e.get("params") or {}
        # Requests a page starts carry the page's origin (file://) in their isolation key;
        # the browser's own (update checks and the like) do not.
        if types.get(e.get("type")) == "URL_REQUEST_START_JOB" and "file://" in str(p.get("network_isolation_key", "")):
            urls.append(str(p.get("url")))
    return urls


def render(page: Path, work: Path, size: str = "1400,2000") -> Rendered:
    """Load ``page`` in headless Chromium twice: once for a screenshot with logging and a
    NetLog, once for the DOM."""
    exe = chromium()
    work.mkdir(parents=True, exist_ok=True)
    shot, netlog = work / "shot.png", work / "netlog.json"
    url = page.resolve().as_uri()
    proc = subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile1'}", "--enable-logging=stderr", "--v=0",
         f"--log-net-log={netlog}", "--net-log-capture-mode=Everything",
         f"--screenshot={shot}", f"--window-size={size}", url],
        capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    dom = subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile2'}", "--dump-dom", url],
        capture_output=True, text=True, timeout=180, check=False)
    assert dom.returncode == 0, dom.stderr[-3000:]
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60, check=False).stdout.strip()
    return Rendered(shot.read_bytes() if shot.exists() else b"", console, _page_requests(netlog), dom.stdout, version)


def png_info(data: bytes) -> tuple[int, int, int]:
    """(width, height, distinct byte values in a sample of the pixel data) of a PNG."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw[:: max(1, len(raw) // 200_000)]))
