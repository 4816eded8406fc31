"""Draw a QR code straight onto the PDF canvas (reportlab's encoder, one filled path: fast and crisp)."""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white border the QR standard requires around the symbol


def qr_matrix(value: str, level: str = "M") -> list[list[bool]]:
    """The module matrix; the encoder picks numeric/alphanumeric/byte mode and the best mask itself."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(value)
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A square QR code of `size` points including its quiet zone."""

    def __init__(self, value: str, size: float, level: str = "M") -> None:
        super().__init__()
        self.matrix = qr_matrix(value, level)
        self.width = self.height = size

    def draw(self) -> None:
        count = len(self.matrix)
        module = self.width / (count + 2 * QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        path = canvas.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (r + QUIET_ZONE + 1) * module
            c = 0
            while c < count:
                if row[c]:
                    start = c
                    while c < count and row[c]:
                        c += 1
                    path.rect((start + QUIET_ZONE) * module, y, (c - start) * module, module)
                else:
                    c += 1
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
