"""scripts/screenshots.py, the pictures a developer looks at before a release, still runs against today's store
and screens (it once called a store method that had been removed, and nothing noticed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_screenshot_script_pictures_every_screen(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path), "--language", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=280,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)})

    assert done.returncode == 0, done.stderr[-2000:]
    pictures = {p.name for p in tmp_path.glob("*.png") if p.stat().st_size > 1000}
    assert {"sign-in.png", "settings.png", "dialog-footage.png", "wizard-1-details.png", "wizard-7-review.png",
            "main-0-Incidents.png", "incident-0-Record.png"} <= pictures
    assert "DOES NOT FIT" not in done.stdout
