"""User text into ReportLab Paragraph markup, safely: the ONE place that escapes it.

Typed text is never markup: `<b>`, `&`, `<para>` and quotes print as typed. Control characters print
visibly as [U+0001]. Each run of characters gets a font that has their glyphs: DejaVu Sans for Latin,
Cyrillic, Greek, Arabic (shaped by HarfBuzz when the style has shaping=1), Droid Sans Fallback for
CJK. A character no shipped font has prints as [U+XXXX], never as an empty box.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord

from ..paths import shipped_file

MAIN = "IntakeSans"
MAIN_BOLD = "IntakeSans-Bold"
FALLBACK = "IntakeCJK"
_FILES = {MAIN: "DejaVuSans.ttf", MAIN_BOLD: "DejaVuSans-Bold.ttf", FALLBACK: "DroidSansFallbackFull.ttf"}


def _no_optional_ligatures() -> None:
    """HarfBuzz's optional ligatures turn 'st'/'ffi' into single glyphs that copy and search as other
    characters (ﬆ): a prosecutor searching the PDF for 'District' must find it. Required ligatures (Arabic
    lam-alef, 'rlig') stay on. ReportLab keeps the feature set as shapeFragWord's default argument."""
    defaults = getattr(shapeFragWord, "__defaults__", None) or ()
    if defaults and isinstance(defaults[0], dict):
        defaults[0].update(liga=False, dlig=False)


def needs_shaping(text: str) -> bool:
    """Right-to-left or joined scripts (Arabic, Hebrew, Syriac, Indic...) need HarfBuzz; others are faster without."""
    return any("\u0590" <= ch <= "\u0dff" or "\ufb1d" <= ch <= "\ufeff" for ch in text)


@lru_cache(maxsize=1)
def register_fonts() -> None:
    _no_optional_ligatures()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(shipped_file("fonts", filename))))
    # <b> inside a paragraph of the main font picks the bold face.
    addMapping(MAIN, 0, 0, MAIN)
    addMapping(MAIN, 1, 0, MAIN_BOLD)
    addMapping(MAIN, 0, 1, MAIN)
    addMapping(MAIN, 1, 1, MAIN_BOLD)
    for bold in (0, 1):  # the CJK fallback has one weight; a bold CJK run keeps it rather than failing
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)
            addMapping(MAIN_BOLD, bold, italic, MAIN_BOLD)


@lru_cache(maxsize=1)
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    register_fonts()
    main = frozenset(pdfmetrics.getFont(MAIN).face.charWidths)
    fallback = frozenset(pdfmetrics.getFont(FALLBACK).face.charWidths)
    return main, fallback


def _visible(ch: str) -> str:
    return f"[U+{ord(ch):04X}]"


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t\u200d\u200c\u200e\u200f"


def clean(text: str) -> str:
    """Plain text with control characters made visible (for metadata, table cells of canvas drawings)."""
    return "".join(_visible(ch) if _is_control(ch) else ch for ch in text)


def _font_for(ch: str, main: frozenset[int], fallback: frozenset[int]) -> str | None:
    cp = ord(ch)
    if cp in main or ch in " \n\t" or unicodedata.category(ch) in ("Mn", "Cf"):
        return MAIN
    if cp in fallback:
        return FALLBACK
    return None


@lru_cache(maxsize=4096)
def _piece(ch: str) -> tuple[str, str]:
    """(font, what to print) for one character."""
    if _is_control(ch):
        return MAIN, _visible(ch)
    main, fallback = _coverage()
    font = _font_for(ch, main, fallback)
    return (font, ch) if font else (MAIN, _visible(ch))


def _escaped(body: str) -> str:
    return escape(body, {'"': "&quot;"}).replace("\t", "    ").replace("\n", "<br/>")


def markup(text: object) -> str:
    """Paragraph markup that prints `text` exactly as typed, switching fonts where a glyph is missing."""
    s = ("" if text is None else str(text)).replace("\r", "")
    if all(_piece(ch) == (MAIN, ch) for ch in set(s)):
        return _escaped(s)  # the common case: one font, nothing to make visible
    runs: list[tuple[str, list[str]]] = []
    for ch in s:
        font, piece = _piece(ch)
        if runs and runs[-1][0] == font:
            runs[-1][1].append(piece)
        else:
            runs.append((font, [piece]))
    out = []
    for font, pieces in runs:
        body = _escaped("".join(pieces))
        out.append(body if font == MAIN else f'<font name="{font}">{body}</font>')
    return "".join(out)


def plain_fits(text: str, font_size: float, width: float) -> bool:
    """True when `text` can be drawn as a plain string: main font only, nothing to shape, no control
    characters, and each line no wider than `width`."""
    main, _ = _coverage()
    if not text or len(text) > 400 or needs_shaping(text):
        return False
    if any(ord(ch) not in main for ch in text if ch != "\n") or any(_is_control(ch) for ch in text if ch != "\n"):
        return False
    font = pdfmetrics.getFont(MAIN)
    return all(font.stringWidth(line, font_size) <= width for line in text.split("\n"))
