"""Fonts that render Chinese.

Word picks the font of a CJK character from ``w:rFonts/@w:eastAsia``, not from the font
name python-docx sets (``w:ascii``/``w:hAnsi``); the default template also points every
style at theme fonts (``w:eastAsiaTheme``), which win over an explicit name. So the
document defaults and each style the report uses get explicit fonts and no theme
attributes: 宋體 (SimSun) for body text, 黑體 (SimHei) for the title and headings, Times New
Roman for Latin text. Where those fonts are missing (LibreOffice on Linux), the viewer's
fallback substitutes a CJK font for the same names.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["BODY_EAST_ASIA", "HEADING_EAST_ASIA", "LATIN", "set_fonts", "apply_fonts"]

BODY_EAST_ASIA = "SimSun"  # 宋體
HEADING_EAST_ASIA = "SimHei"  # 黑體
LATIN = "Times New Roman"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str = LATIN, lang: str | None = None) -> None:
    """Give a ``w:rPr`` explicit Latin and East Asian fonts (and, optionally, the East Asian
    language), dropping theme font references."""
    rfonts = _child(rpr, "w:rFonts", first=True)
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in rfonts.attrib:
            del rfonts.attrib[key]
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    if lang:
        _child(rpr, "w:lang").set(qn("w:eastAsia"), lang)


def apply_fonts(doc: Document, lang: str) -> None:
    """Set the document defaults and the report's styles to fonts that render Chinese."""
    styles = doc.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    set_fonts(_child(rpr_default, "w:rPr"), BODY_EAST_ASIA, lang="zh-CN")
    if lang == "zh" or lang.startswith("zh-"):
        _child(_child(rpr_default, "w:rPr"), "w:lang").set(qn("w:val"), "zh-CN")
    for name in ("Normal", "Table Grid", "List Bullet", "List Number"):
        style = doc.styles[name]
        set_fonts(style.element.get_or_add_rPr(), BODY_EAST_ASIA)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        set_fonts(style.element.get_or_add_rPr(), HEADING_EAST_ASIA)
        font = getattr(style, "font", None)
        if font is not None:
            font.color.rgb = RGBColor(0, 0, 0)
