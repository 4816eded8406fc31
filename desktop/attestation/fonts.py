"""Register the bundled DejaVu Sans fonts with reportlab once per process (embedded, subset, Unicode)."""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


class FontMissingError(RuntimeError):
    """The bundled font files are missing from resources/fonts (a broken installation)."""


@cache
def register_fonts() -> tuple[str, str]:
    regular = resource("fonts", "DejaVuSans.ttf")
    bold = resource("fonts", "DejaVuSans-Bold.ttf")
    for path in (regular, bold):
        if not path.is_file():
            raise FontMissingError(f"bundled font {path} is missing; reinstall Clearstone")
    # ASCII85 only serves 7-bit mail transports; binary streams are a quarter smaller and render faster.
    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    # Paragraph markup <b> and <i> must map onto embedded faces, never onto the base-14 Helvetica.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
