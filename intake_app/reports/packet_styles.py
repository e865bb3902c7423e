"""The packet's paragraph styles, page geometry and date formats (one look for every section)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Table, TableStyle

from .text import MAIN, MAIN_BOLD, markup, needs_shaping, plain_fits, register_fonts

PAGE = LETTER
MARGIN = 0.6 * inch
TOP_MARGIN = 0.9 * inch
BOTTOM_MARGIN = 0.85 * inch
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
CHICAGO = ZoneInfo("America/Chicago")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("intake_body", fontName=MAIN, fontSize=9.5, leading=12.5)
    base = {
        "body": body,
        "small": ParagraphStyle("intake_small", parent=body, fontSize=8, leading=10),
        "cell": ParagraphStyle("intake_cell", parent=body, fontSize=7.5, leading=9.2),
        "cell7": ParagraphStyle("intake_cell7", parent=body, fontSize=7, leading=8.6),
        "hash": ParagraphStyle("intake_hash", parent=body, fontSize=6, leading=7.4),
        "label": ParagraphStyle("intake_label", parent=body, fontName=MAIN_BOLD, fontSize=8.5, leading=11),
        "h1": ParagraphStyle("intake_h1", parent=body, fontName=MAIN_BOLD, fontSize=17, leading=21, spaceAfter=10),
        "h2": ParagraphStyle("intake_h2", parent=body, fontName=MAIN_BOLD, fontSize=13, leading=16,
                             spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("intake_h3", parent=body, fontName=MAIN_BOLD, fontSize=10.5, leading=13,
                             spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "confidential": ParagraphStyle("intake_conf", parent=body, fontName=MAIN_BOLD, fontSize=14, leading=18,
                                       textColor=colors.darkred, alignment=1),
    }
    # shaping=1: HarfBuzz joins Arabic letters and orders right-to-left runs; used where such text occurs.
    shaped = {f"{k}+shaped": ParagraphStyle(f"{v.name}_shaped", parent=v, shaping=1) for k, v in base.items()}
    return base | shaped


def para(text: object, style: str = "body") -> Paragraph:
    """A paragraph of user text: always through markup(), never raw."""
    s = "" if text is None else str(text)
    return Paragraph(markup(s), styles()[f"{style}+shaped" if needs_shaping(s) else style])


def cell(text: object, width: float, style: str = "cell") -> Paragraph | str:
    """A table cell of user text: a plain string when every line fits the column in the main font (Table
    draws strings as text, never as markup, and far faster), otherwise a wrapping paragraph.
    The table must set FONTNAME/FONTSIZE/LEADING to the style's for plain cells (see grid())."""
    s = "" if text is None else str(text)
    st = styles()[style]
    if plain_fits(s, st.fontSize, width - 6):
        return s
    return para(s, style)


def grid(font_size: float = 7.5, leading: float = 9.2, header_bold: bool = True) -> TableStyle:
    commands = list(GRID.getCommands()) + [("FONTNAME", (0, 0), (-1, -1), MAIN), ("FONTSIZE", (0, 0), (-1, -1), font_size),
                                           ("LEADING", (0, 0), (-1, -1), leading)]
    if header_bold:
        commands.append(("FONTNAME", (0, 0), (-1, 0), MAIN_BOLD))
    return TableStyle(commands)


def numbered(number: int | None, title: str) -> str:
    """A section heading: "5. Linked incidents". Without a number (a section printed on its own) the bare title."""
    return f"{number}. {title}" if number is not None else title


def fixed(markup_text: str, style: str = "body") -> Paragraph:
    """A paragraph of our own fixed wording (may use <b>); never for user text."""
    return Paragraph(markup_text, styles()[style])


def when(value: datetime | None, tz: str = "America/Chicago", with_zone: bool = True) -> str:
    if value is None:
        return "-"
    try:
        local = value.astimezone(ZoneInfo(tz))
    except Exception:  # an unknown zone name in an old record still prints, in Chicago time
        local = value.astimezone(CHICAGO)
    return local.strftime("%Y-%m-%d %H:%M %Z" if with_zone else "%Y-%m-%d %H:%M")


GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
])

FIELDS = TableStyle([
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("FONTNAME", (0, 0), (0, -1), MAIN_BOLD), ("FONTSIZE", (0, 0), (0, -1), 8.5), ("LEADING", (0, 0), (0, -1), 12.5),
    ("FONTNAME", (1, 0), (1, -1), MAIN), ("FONTSIZE", (1, 0), (1, -1), 9.5), ("LEADING", (1, 0), (1, -1), 12.5),
    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
    ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
])


def field_table(rows: list[tuple[str, object]], label_width: float = 1.55 * inch) -> Table:
    """Label and value rows (a value left empty shows as "-")."""
    value_width = FRAME_WIDTH - label_width
    data = [[name, cell(value if value not in (None, "") else "-", value_width, "body")] for name, value in rows]
    table = Table(data, colWidths=[label_width, value_width])
    table.setStyle(FIELDS)
    return table
