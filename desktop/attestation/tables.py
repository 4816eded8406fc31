"""Paragraph and table building blocks shared by the attestation and the CBP letter layouts."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.attestation.fonts import BOLD, REGULAR
from desktop.attestation.layout import ACCENT, HEADER_FILL, INK, RULE, VERDICT_COLOURS, styles, text
from desktop.attestation.wording import say
from desktop.rules.language import NBSP, NNBSP, Language

# reportlab breaks lines at U+202F (it counts every Unicode space as a break), which would put a French
# «, : or ? at the start of a line. U+00A0 is the one space it never breaks at, so a narrow no-break space
# is drawn as U+00A0 at the size that gives U+202F's width in DejaVu Sans (0.2 em against 0.318 em).
_NARROW = 0.2 / 0.318


class Markup(str):
    """Paragraph markup already escaped, passed into a fixed text as it is."""

    __slots__ = ()


class Blocks:
    """House-style paragraphs and tables for a frame `width` points wide, with texts in `language`."""

    def __init__(self, width: float, language: Language = "en") -> None:
        self.s = styles()
        self.width = width
        self.language: Language = language

    def say(self, key: str, /, **values: object) -> str:
        """A fixed text in the document's language, as paragraph markup (the values are escaped)."""
        return say(
            self.language, key, **{k: v if isinstance(v, Markup) else text(v) for k, v in values.items()}
        )

    def p(self, value: str, style: str = "cell") -> Paragraph:
        chosen = self.s[style]
        if NNBSP in value:
            value = value.replace(NNBSP, f'<font size="{chosen.fontSize * _NARROW:.2f}">{NBSP}</font>')
        return Paragraph(value, chosen)

    def unbroken(self, value: str, width: float, style: str = "cell") -> str:
        """`value` escaped, in a smaller size when one of its words (an e-mail address, a long name) is wider
        than `width`: words are never broken, so the line shrinks instead of spilling out of its cell."""
        chosen = self.s[style]
        widest = max((stringWidth(w, chosen.fontName, chosen.fontSize) for w in value.split()), default=0.0)
        if widest <= width:
            return text(value)
        size = max(4.5, int(chosen.fontSize * width / widest * 10) / 10)
        return f'<font size="{size}">{text(value)}</font>'

    def verdict_label(self, verdict: str) -> str:
        key = f"v_{verdict}"
        return (
            say(self.language, key)
            if key in ("v_cleared", "v_needs_evidence", "v_review", "v_blocked")
            else verdict
        )

    def verdict(self, verdict: str, *, bold: bool = True) -> Paragraph:
        colour = VERDICT_COLOURS.get(verdict, INK).hexval()[2:]
        face = BOLD if bold else REGULAR
        return self.p(f'<font name="{face}" color="#{colour}">{text(self.verdict_label(verdict))}</font>')

    def table(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        header: bool = True,
        row_lines: bool = True,
        title: str | None = None,
    ) -> Table:
        """A table; with `title`, the section heading is the table's first row, repeated with the header on
        every page it spans, so a heading can never be left alone at the foot of a page."""
        body = [list(r) for r in rows]
        top = 0
        if title is not None:
            body.insert(0, [self.heading(title)] + [""] * (len(widths) - 1))
            top = 1
        repeat = top + (1 if header else 0)
        table = Table(body, colWidths=list(widths), repeatRows=repeat, hAlign="LEFT")
        style: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # plain-string cells would default to Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ]
        if title is not None:
            style += [
                ("SPAN", (0, 0), (-1, 0)),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 9),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ]
        if row_lines:
            style.append(("LINEBELOW", (0, top), (-1, -1), 0.4, RULE))
        else:
            style.append(("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE))
        if header:
            style += [
                ("BACKGROUND", (0, top), (-1, top), HEADER_FILL),
                ("LINEABOVE", (0, top), (-1, top), 0.6, ACCENT),
            ]
        table.setStyle(TableStyle(style))
        return table

    def th(self, *labels: str) -> list[Paragraph]:
        return [self.p(text(label), "th") for label in labels]

    def facts(self, pairs: Sequence[tuple[str, str]], columns: int = 2, *, title: str | None = None) -> Table:
        """Label/value pairs laid out in `columns` pairs per row."""
        cells: list[list[Paragraph]] = []
        row: list[Paragraph] = []
        for label, value in pairs:
            row += [self.p(text(label), "label"), self.p(value)]
            if len(row) == 2 * columns:
                cells.append(row)
                row = []
        if row:
            row += [self.p(""), self.p("")] * (columns - len(row) // 2)
            cells.append(row)
        label_w = 34 * mm
        value_w = self.width / columns - label_w
        return self.table(cells, [label_w, value_w] * columns, header=False, title=title)

    def heading(self, title: str) -> Paragraph:
        return self.p(text(title), "h2")

    def verdict_inline(self, verdict: str) -> str:
        colour = VERDICT_COLOURS.get(verdict, INK).hexval()[2:]
        label = self.verdict_label(verdict)
        return f'<font size="7" color="#{colour}">{text(label if self.language == "fr" else label.lower())}</font>'
