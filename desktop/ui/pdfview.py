"""Rasterise PDF pages to QImages (pypdfium2) for the on-screen preview and for printing."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter


def can_render() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def render_pages(pdf: bytes, dpi: float = 110.0) -> list[QImage]:
    """Every page as an image; safe in a worker thread (QImage, not QPixmap)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(
                scale=dpi / 72.0, rev_byteorder=True, prefer_bgrx=True, fill_color=(255, 255, 255, 255)
            )
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()  # detach from the pdfium buffer before it is freed
            bitmap.close()
            page.close()
            images.append(image)
    finally:
        document.close()
    return images


def print_pages(pages: list[QImage], printer: QPrinter) -> None:
    """Each page scaled to the printable area, keeping its proportions: the printout is the attestation."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()
