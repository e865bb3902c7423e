"""Qt translations of the desktop UI: .ts sources (edited by translators) and compiled .qm files.

    .venv/bin/python scripts/translations.py update    # after UI strings changed: refresh the .ts from the code
    .venv/bin/python scripts/translations.py compile   # .ts -> .qm beside it (the .qm is committed, so the
                                                       # source-tree app has every language without a build)

build.spec compiles the .ts again into the bundle, so a bundle never ships a stale .qm; a test checks that
the committed .qm matches its .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_SOURCES = ROOT / "intake_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es",)


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"intake_{language}.ts"


def qt_tool(tool: str, *args: str) -> str:
    """Run PySide6's lupdate/lrelease the way its pyside6-* wrappers do, on every platform."""
    code = f"from PySide6.scripts.pyside_tool import {tool}; {tool}()"
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def update() -> None:
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    for language in LANGUAGES:
        print(qt_tool("lupdate", *sources, "-no-obsolete", "-locations", "none", "-target-language", language,
                      "-ts", str(ts_file(language))))


def compile_all(out_dir: Path = TRANSLATIONS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        qm = out_dir / f"intake_{language}.qm"
        qt_tool("lrelease", "-silent", str(ts_file(language)), "-qm", str(qm))
        written.append(qm)
    return written


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "update":
        update()
    elif what == "compile":
        for path in compile_all():
            print(f"wrote {path}")
    else:
        sys.exit(__doc__)
