"""Shared page furniture for Clearstone PDFs: styles, colours, paper sizes, and a "page x of y" canvas."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.attestation.fonts import BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1B2430")
ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#5B6673")
RULE = colors.HexColor("#B8C2CC")
HEADER_FILL = colors.HexColor("#EDF1F5")
VERDICT_COLOURS = {
    "cleared": colors.HexColor("#1E6B34"),
    "needs_evidence": colors.HexColor("#8A5A00"),
    "review": colors.HexColor("#8A5A00"),
    "blocked": colors.HexColor("#A61B1B"),
}
PAPER = {"A4": A4, "Letter": LETTER}
MARGIN = 18 * mm


def text(value: object) -> str:
    """Escape user data for reportlab's paragraph markup."""
    return escape(str(value))


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    # splitLongWords=0: a word (an e-mail address, a name) is never broken inside; only URLs may be ("url").
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=8.6, leading=11.2, textColor=INK, splitLongWords=0
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.4, leading=9.4, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.2, leading=10.4),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD, fontSize=8.2, leading=10.4),
        "label": ParagraphStyle("label", parent=base, fontSize=7.4, leading=9.6, textColor=MUTED),
        "th": ParagraphStyle("th", parent=base, fontName=BOLD, fontSize=7.6, leading=9.6, textColor=ACCENT),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=17, leading=21, textColor=INK),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=10.2,
            leading=13,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=11.5, leading=14, textColor=ACCENT
        ),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "mono": ParagraphStyle("mono", parent=base, fontSize=7.2, leading=9.2, textColor=MUTED),
        "url": ParagraphStyle(
            "url",
            parent=base,
            fontSize=7.4,
            leading=9.4,
            textColor=MUTED,
            splitLongWords=1,
            uriWasteReduce=0.3,
        ),
        "fingerprint": ParagraphStyle("fingerprint", parent=base, fontName=BOLD, fontSize=7.6, leading=10),
        "box": ParagraphStyle("box", parent=base, fontSize=7.8, leading=10.2),
    }


def numbered_canvas(issued_at: datetime, footer: Callable[[Canvas, int, int], None]) -> Callable[..., Canvas]:
    """A canvas class that knows the page count when drawing footers, with the document date set."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            # Without this the canvas declares an unused, non-embedded Helvetica on every page.
            kwargs["initialFontName"] = REGULAR
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []
            # reportlab offers no public setter for /CreationDate; invariant mode fixes it to 2000-01-01,
            # so replace the time stamp with the attestation's own time (passed in, never the clock).
            stamp = self._doc._timeStamp
            utc = issued_at.utctimetuple()
            stamp.t = issued_at.timestamp()
            stamp.lt = tuple(utc)
            stamp.YMDhms = tuple(utc)[:6]
            stamp.dhh = stamp.dmm = 0
            stamp.tzname = "UTC"

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
