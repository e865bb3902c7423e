"""Draw Intake's application icon and write every format the platforms want into resources/icons/.

The SVG is the master (a report form with a red six-pointed Chicago star on a navy tile); the PNG sizes
are rendered from it with Qt's SVG renderer, and the Windows .ico and macOS .icns are packed from those
PNGs by hand (both formats accept embedded PNG), so the build needs no Pillow and no macOS tools.

Run: .venv/bin/python scripts/make_icons.py   (outputs are committed; run again only to change the design)
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (several types share a size: 1x and 2x slots).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("icp6", 64), ("ic12", 64), ("ic07", 128),
              ("ic08", 256), ("ic13", 256), ("ic09", 512), ("ic14", 512), ("ic10", 1024))

NAVY, SKY, RED, PAPER, INK = "#1b365d", "#41b6e6", "#e4002b", "#ffffff", "#8a99ad"


def star_points(cx: float, cy: float, outer: float, inner: float, points: int = 6) -> str:
    coords = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi * i / points - math.pi / 2
        coords.append(f"{cx + radius * math.cos(angle):.2f},{cy + radius * math.sin(angle):.2f}")
    return " ".join(coords)


def svg() -> str:
    lines = "\n".join(
        f'  <line x1="86" y1="{y}" x2="{x2}" y2="{y}" stroke="{INK}" stroke-width="9" stroke-linecap="round"/>'
        for y, x2 in ((160, 170), (181, 170), (202, 140))
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Intake</title>
  <rect x="8" y="8" width="240" height="240" rx="52" fill="{NAVY}"/>
  <rect x="62" y="40" width="132" height="184" rx="14" fill="{PAPER}"/>
  <rect x="98" y="26" width="60" height="30" rx="10" fill="{SKY}"/>
  <polygon points="{star_points(128, 108, 40, 19)}" fill="{RED}"/>
{lines}
</svg>
"""


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size, each image stored as PNG (Windows Vista and later)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    text = svg()
    (OUT / "intake.svg").write_text(text, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    if not renderer.isValid():
        print("make_icons: the SVG did not parse", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in PNG_SIZES}
    for size, blob in pngs.items():
        (OUT / f"intake-{size}.png").write_bytes(blob)
    (OUT / "intake.ico").write_bytes(ico(pngs))
    (OUT / "intake.icns").write_bytes(icns(pngs))
    print(f"make_icons: wrote {len(pngs)} PNGs, intake.svg, intake.ico, intake.icns to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
