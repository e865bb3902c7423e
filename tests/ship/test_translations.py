"""The Spanish interface is complete: every UI string of the code is in the .ts, translated, and the
committed .qm is the compiled .ts (so the source-tree app and the bundle show the same Spanish)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "scripts" / "translations.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)


def messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) of every message."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            out.append((name, msg.findtext("source"), tr.text or "", tr.get("type", "")))
    return out


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_every_string_in_the_ts_is_translated(language):
    left = [(c, s) for c, s, t, kind in messages(tool.ts_file(language)) if kind or not t.strip()]
    assert not left, f"untranslated in intake_{language}.ts: {left}"


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_the_ts_holds_every_string_of_the_ui_code(language, tmp_path, monkeypatch):
    fresh = tmp_path / f"intake_{language}.ts"
    shutil.copy(tool.ts_file(language), fresh)
    monkeypatch.setattr(tool, "ts_file", lambda _lang: fresh)
    tool.update()
    new = [(c, s) for c, s, _t, kind in messages(fresh) if kind == "unfinished"]
    assert not new, f"UI strings missing from intake_{language}.ts (run scripts/translations.py update): {new}"


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_the_committed_qm_is_the_compiled_ts(language, tmp_path):
    compiled = tool.compile_all(tmp_path)
    committed = tool.TRANSLATIONS / f"intake_{language}.qm"
    assert [p.read_bytes() for p in compiled if p.name == committed.name] == [committed.read_bytes()], \
        "run scripts/translations.py compile and commit the .qm"


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_placeholders_and_keyboard_mnemonics_survive_translation(language):
    for context, source, translation, _kind in messages(tool.ts_file(language)):
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), (context, source)
        # the core's templates (validation problems, offence classes) are filled in by name
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", translation)), (context, source)
        has_mnemonic = re.search(r"&[^&\s]", source) is not None
        assert has_mnemonic == (re.search(r"&[^&\s]", translation) is not None), (context, source)
