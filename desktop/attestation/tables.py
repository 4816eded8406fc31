"""Paragraph and table building blocks shared by the attestation and the CBP letter layouts."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.attestation.fonts import BOLD, REGULAR
from desktop.attestation.layout import (
    ACCENT,
    HEADER_FILL,
    INK,
    RULE,
    VERDICT_COLOURS,
    VERDICT_LABELS,
    styles,
    text,
)


class Blocks:
    """House-style paragraphs and tables for a frame `width` points wide."""

    def __init__(self, width: float) -> None:
        self.s = styles()
        self.width = width

    def p(self, value: str, style: str = "cell") -> Paragraph:
        return Paragraph(value, self.s[style])

    def verdict(self, verdict: str, *, bold: bool = True) -> Paragraph:
        colour = VERDICT_COLOURS.get(verdict, INK).hexval()[2:]
        label = VERDICT_LABELS.get(verdict, verdict)
        face = BOLD if bold else REGULAR
        return self.p(f'<font name="{face}" color="#{colour}">{text(label)}</font>')

    def table(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        header: bool = True,
        row_lines: bool = True,
    ) -> Table:
        table = Table(
            [list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT"
        )
        style: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # plain-string cells would default to Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ]
        if row_lines:
            style.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        else:
            style.append(("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE))
        if header:
            style += [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, ACCENT),
            ]
        table.setStyle(TableStyle(style))
        return table

    def th(self, *labels: str) -> list[Paragraph]:
        return [self.p(text(label), "th") for label in labels]

    def facts(self, pairs: Sequence[tuple[str, str]], columns: int = 2) -> Table:
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
        return self.table(cells, [label_w, value_w] * columns, header=False)

    def heading(self, title: str) -> Paragraph:
        return self.p(text(title), "h2")

    def verdict_inline(self, verdict: str) -> str:
        colour = VERDICT_COLOURS.get(verdict, INK).hexval()[2:]
        return f'<font size="7" color="#{colour}">{text(VERDICT_LABELS.get(verdict, verdict).lower())}</font>'
