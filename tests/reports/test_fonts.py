"""No name prints as an empty box: each character goes to a font that has it."""

from __future__ import annotations

import subprocess
import tempfile

from intake_app.reports.text import FALLBACK, markup

from .helpers import incident_with, packet_pdf


def test_every_character_of_names_in_chicago_scripts_has_a_glyph():
    for name in ("José Peña", "Łukasz Żółć", "Nguyễn Thị Hằng", "Иван Петров", "李小龙", "محمد الأحمد", "Ελένη"):
        assert "[U+" not in markup(name), name


def test_chinese_runs_use_the_cjk_font_and_latin_the_main_font():
    assert markup("Li 李小龙 Wei") == f'Li <font name="{FALLBACK}">李小龙</font> Wei'


def test_a_character_no_shipped_font_has_prints_as_its_code_not_a_box():
    assert markup("a\U000F0000b") == "a[U+F0000]b"


def test_the_pdf_embeds_the_fallback_font_when_a_chinese_name_is_present():
    inc = incident_with(agents=1)
    inc.agents[0].name = "李小龙"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(packet_pdf(inc))
        f.flush()
        fonts = subprocess.run(["pdffonts", f.name], capture_output=True, text=True, check=True).stdout
    assert "DroidSansFallback" in fonts and "DejaVuSans" in fonts
