"""The importer's US CBP self-certification (US-R6) as a one-page letter on the company's letterhead."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.attestation.content import AttestationContent
from desktop.attestation.fonts import REGULAR
from desktop.attestation.layout import ACCENT, MARGIN, MUTED, PAPER, RULE, numbered_canvas, styles, text
from desktop.attestation.sign import sign_pdf
from desktop.identity import SigningIdentity
from desktop.lot import country_name


class NoCbpCertificationError(ValueError):
    """The attestation carries no CBP sentence (US not checked, lab-grown, industrial, or a Russian link)."""


def render_cbp_letter(content: AttestationContent, *, address: str | None = None) -> bytes:
    declaration = content.declaration("us_cbp_self_certification")
    if declaration is None:
        reason = next(
            (o.reason for o in content.omitted_declarations if o.kind == "us_cbp_self_certification"),
            "the United States is not among the checked jurisdictions",
        )
        raise NoCbpCertificationError(f"no CBP self-certification for lot {content.lot.lot_id}: {reason}")
    s = styles()
    issuer = content.issuer
    width, height = PAPER[content.paper]
    inner = width - 2 * MARGIN
    out = io.BytesIO()
    lot = content.lot
    goods = (
        "diamond jewelry and unsorted diamonds"
        if lot.category in ("jewellery", "unsorted")
        else ("non-industrial diamonds")
    )
    refs = [
        ("Date", content.issued_on.isoformat()),
        ("Goods", f"{lot.stone_count:,} {goods}" + (f", {lot.total_carats} ct" if lot.total_carats else "")
         + (f", HTS {lot.hs_code}" if lot.hs_code else "")),
        ("Lot", lot.lot_id),
        ("Supplier invoice", " of ".join(x for x in (lot.invoice_number, lot.invoice_date.isoformat()
                                                      if lot.invoice_date else None) if x) or "—"),
        ("Mining countries", ", ".join(c.name for c in content.origin.mining_countries)),
        ("Attestation", content.number),
        ("Entry number", "____________________________"),
    ]  # fmt: skip
    table = Table(
        [[Paragraph(text(k), s["label"]), Paragraph(text(v), s["cell"])] for k, v in refs],
        colWidths=[38 * mm, inner - 38 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    statement = Table([[Paragraph(text(declaration.text), s["body"])]], colWidths=[inner], hAlign="LEFT")
    statement.setStyle(
        TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("BOX", (0, 0), (-1, -1), 0.8, ACCENT), ("TOPPADDING", (0, 0), (-1, -1), 8),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 8),
             ("RIGHTPADDING", (0, 0), (-1, -1), 8)]
        )
    )  # fmt: skip
    letterhead = [issuer.company]
    sub = " · ".join(
        x for x in (address, country_name(issuer.country) if issuer.country else "", issuer.email) if x
    )
    story: list[Flowable] = [
        Paragraph(text(letterhead[0]), s["h1"]),
        Paragraph(text(sub), s["small"]),
        _Rule(inner),
        Spacer(1, 14),
        Paragraph("To: U.S. Customs and Border Protection", s["body"]),
        Spacer(1, 6),
        Paragraph(
            f"<b>Importer self-certification: {text(goods)} and the Russian Federation</b>", s["title"]
        ),
        Spacer(1, 8),
        table,
        Spacer(1, 14),
        statement,
        Spacer(1, 30),
        _Rule(inner * 0.5, colour=MUTED),
        Paragraph(f"<b>{text(issuer.name)}</b>, {text(issuer.title)}", s["body"]),
        Paragraph(text(issuer.company), s["body"]),
        Spacer(1, 18),
        Paragraph(
            "Filed once per entry, entry summary or FTZ admission, uploaded to ACE DIS with Agency Code CBP and "
            "DocCode CBP03. This letter is digitally signed; the compliance attestation "
            f"{text(content.number)} sets out the checks behind it.",
            s["small"],
        ),
    ]
    doc = BaseDocTemplate(
        out, pagesize=PAPER[content.paper], leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"CBP self-certification, lot {lot.lot_id}", author=issuer.name,
        creator="Clearstone", lang="en",
    )  # fmt: skip
    frame = Frame(MARGIN, MARGIN, inner, height - 2 * MARGIN, leftPadding=0, rightPadding=0, topPadding=0)
    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame])])

    def footer(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(s["small"].fontName, 7)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - MARGIN, MARGIN - 9 * mm, f"Page {page} of {total}")
        canvas.restoreState()

    doc.build(story, canvasmaker=numbered_canvas(content.issued_at, footer))
    return out.getvalue()


def build_cbp_letter(
    content: AttestationContent, identity: SigningIdentity, *, signed_at: datetime, address: str | None = None
) -> bytes:
    return sign_pdf(
        render_cbp_letter(content, address=address),
        identity,
        signing_time=signed_at,
        reason=f"US CBP self-certification for lot {content.lot.lot_id}",
    )


class _Rule(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, width: float, colour: object = ACCENT) -> None:
        super().__init__()
        self.width, self.height, self.colour = width, 6, colour

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 3, self.width, 3)
