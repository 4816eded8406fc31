"""Lay out an attestation as a PDF (reportlab): tables, verdicts, declarations, signature block, QR code."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.attestation.content import AttestationContent
from desktop.attestation.fonts import BOLD, REGULAR
from desktop.attestation.layout import (
    ACCENT,
    HEADER_FILL,
    INK,
    MARGIN,
    MUTED,
    PAPER,
    RULE,
    VERDICT_COLOURS,
    VERDICT_LABELS,
    numbered_canvas,
    text,
)
from desktop.attestation.qrdraw import QrFlowable
from desktop.attestation.tables import Blocks

QR_SIZE = 44 * mm
# Aliases and owners beyond this many are listed in their own tables, one per row, rather than in the
# counterparty's cell: a lot may name hundreds of owners, and a table row cannot be taller than a page.
INLINE_NAMES = 12
ACTIVITY = {"cutting_polishing": "Cutting and polishing", "setting": "Setting", "sorting": "Sorting",
            "growing": "Growing"}  # fmt: skip
EVIDENCE = {
    "g7_verification": "G7 verification",
    "supplier_declaration": "Supplier declaration",
    "due_diligence_statement": "Due diligence statement",
    "grading_report": "Grading report",
    "origin_report": "Origin report",
    "general_licence": "General licence",
    "prior_confirmation": "Prior confirmation",
    "pre_ban_proof": "Pre-ban proof",
}


class _Renderer(Blocks):
    def __init__(self, content: AttestationContent, qr_text: str) -> None:
        self.c = content
        self.qr_text = qr_text
        self.page_width, self.page_height = PAPER[content.paper]
        super().__init__(self.page_width - 2 * MARGIN)

    # --- sections -------------------------------------------------------------------------------------

    def title_block(self) -> list[Flowable]:
        c = self.c
        issuer = c.issuer
        left = [
            self.p(text(issuer.company), "h1"),
            Spacer(1, 2),
            self.p(
                text(" · ".join(x for x in (_country(issuer.country), issuer.email or "") if x))
                + (f" · WDC SoW ID {text(issuer.sow_id)}" if issuer.sow_id else ""),
                "small",
            ),
        ]
        right = [
            self.p("COMPLIANCE ATTESTATION", "title"),
            self.p(f"No. <b>{text(c.number)}</b>", "cell"),
            self.p(f"Issued {c.issued_on.isoformat()}", "cell"),
        ]
        block = Table([[left, right]], colWidths=[self.width * 0.62, self.width * 0.38], hAlign="LEFT")
        block.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                ]
            )
        )
        colour = VERDICT_COLOURS.get(c.verdict, INK)
        codes = ", ".join(j.code for j in c.jurisdictions)
        banner = Table(
            [
                [
                    self.p(
                        f'<font name="{BOLD}" size="11" color="#{colour.hexval()[2:]}">'
                        f"{text(VERDICT_LABELS.get(c.verdict, c.verdict).upper())}</font>",
                    ),
                    self.p(
                        f"Lot <b>{text(c.lot.lot_id)}</b> was checked for {text(codes)} on the transaction date "
                        f"{c.assessed_on.isoformat()}, with rule pack {text(c.rule_pack.id)} "
                        f"{text(c.rule_pack.version)} (as of {c.rule_pack.as_of.isoformat()}) and the sanctions "
                        f"lists listed below."
                    ),
                ]
            ],
            colWidths=[34 * mm, self.width - 34 * mm],
            hAlign="LEFT",
        )
        banner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BOX", (0, 0), (-1, -1), 0.8, colour),
                    ("LINEAFTER", (0, 0), (0, 0), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return [block, Spacer(1, 8), banner]

    def parties(self) -> list[Flowable]:
        c = self.c
        i = c.issuer
        issuer_lines = [f"<b>{text(i.company)}</b>", text(_country(i.country))]
        issuer_lines.append(f"Signed by {text(i.name)}, {text(i.title)}")
        if i.email:
            issuer_lines.append(text(i.email))
        if i.sow_id:
            issuer_lines.append(f"WDC SoW ID {text(i.sow_id)}")
        cp = c.counterparty
        cp_lines = [f"<b>{text(cp.name)}</b>"]
        if cp.country:
            cp_lines.append(text(cp.country.name))
        if cp.registration_number:
            cp_lines.append(f"Reg. no. {text(cp.registration_number)}")
        if cp.address:
            cp_lines.append(text(cp.address))
        listed_apart = len(cp.aliases) + len(cp.owners) > INLINE_NAMES
        if cp.aliases:
            cp_lines.append(
                f"Also known as: {len(cp.aliases)} names, listed below"
                if listed_apart
                else "Also known as " + text("; ".join(cp.aliases))
            )
        if cp.owners:
            cp_lines.append(
                f"Owners: {len(cp.owners)}, listed below"
                if listed_apart
                else "Owners: " + text("; ".join(cp.owners))
            )
        buyer = f"<b>{text(c.buyer)}</b>" if c.buyer else '<font color="#5B6673">not named</font>'
        role = "Seller (counterparty)" if cp.role == "seller" else "Counterparty"
        w = self.width / 3
        flow: list[Flowable] = [
            self.heading("Parties"),
            self.table(
                [
                    self.th("Issuer", "Buyer", role),
                    [self.p("<br/>".join(issuer_lines)), self.p(buyer), self.p("<br/>".join(cp_lines))],
                ],
                [w, w, w],
            ),
        ]
        if listed_apart:
            # One row per name: a long list breaks across pages row by row, with its header repeated.
            for title, names in (("Also known as", cp.aliases), ("Owner (share)", cp.owners)):
                if names:
                    rows: list[list[object]] = [self.th("", f"{title} — {cp.name}")]
                    rows += [[self.p(str(n), "small"), self.p(text(name))] for n, name in enumerate(names, 1)]
                    flow += [Spacer(1, 5), self.table(rows, [self.width * 0.07, self.width * 0.93])]
        return flow

    def lot(self) -> list[Flowable]:
        lot = self.c.lot
        nature = "Laboratory-grown" if lot.lab_grown else "Natural"
        if lot.industrial:
            nature += ", industrial"
        pairs = [
            ("Lot ID", f"<b>{text(lot.lot_id)}</b>"),
            ("Category", text(f"{lot.category.capitalize()} · {nature}")),
            ("Stones", text(f"{lot.stone_count:,}")),
            ("HS code", text(lot.hs_code or "—")),
            ("Total weight", text(f"{lot.total_carats} ct" if lot.total_carats else "—")),
            ("Largest stone", text(f"{lot.largest_stone_carats} ct")),
            (
                "Transaction",
                text(f"{lot.transaction_kind.capitalize()} on {lot.transaction_date.isoformat()}"),
            ),
            ("Jurisdictions", text(", ".join(lot.jurisdictions))),
        ]
        if lot.invoice_number or lot.invoice_date:
            pairs.append(
                (
                    "Supplier invoice",
                    text(" of ".join(x for x in (lot.invoice_number, _d(lot.invoice_date)) if x)),
                )
            )
        if lot.value:
            pairs.append(("Value", text(lot.value)))
        if lot.supplier_sow_statement:
            sow = f"{lot.supplier_sow_statement} statement" + (
                f", SoW ID {lot.supplier_sow_id}" if lot.supplier_sow_id else ""
            )
            pairs.append(("Supplier warranty", text(sow)))
        flow: list[Flowable] = [self.heading("Lot")]
        if lot.description:
            flow += [self.p(text(lot.description), "body"), Spacer(1, 3)]
        flow.append(self.facts(pairs))
        return flow

    def origin(self) -> list[Flowable]:
        c = self.c
        o = c.origin
        mined = "Grown in" if c.lot.lab_grown else "Mining countries"
        pairs = [(mined, text(", ".join(f"{x.name} ({x.code})" for x in o.mining_countries)))]
        if o.mining_area:
            pairs.append(("Mining area", text(o.mining_area)))
        pairs.append(("Exported from Russia", text(_d(o.exported_from_russia_on) or "no")))
        if o.located_outside_russia_since:
            pairs.append(("Outside Russia since", text(_d(o.located_outside_russia_since))))
        if o.transit_countries:
            pairs.append(("Transit", text(", ".join(x.name for x in o.transit_countries))))
        flow: list[Flowable] = [self.heading("Origin and provenance"), self.facts(pairs)]
        if o.breakdown:
            rows: list[list[object]] = [self.th("Country", "Stones", "Carats", "Largest stone")]
            rows += [
                [self.p(text(b.country.name)), self.p(text(b.stone_count or "—")), self.p(text(b.carats or "—")),
                 self.p(text(f"{b.largest_stone_carats} ct"))]
                for b in o.breakdown
            ]  # fmt: skip
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.4, 0.2, 0.2, 0.2)])]
        if c.kp_certificates:
            rows = [
                self.th("Kimberley Process certificate", "Issued by", "Issued", "Expires", "Countries named")
            ]
            for kp in c.kp_certificates:
                named = ", ".join(x.code for x in kp.mining_countries) or "none"
                if kp.mixed_origin:
                    named += " (mixed origin)"
                rows.append(
                    [self.p(f"<b>{text(kp.reference)}</b>"), self.p(text(kp.issuing_country.name if kp.issuing_country else "—")),
                     self.p(text(_d(kp.issued_on) or "—")), self.p(text(_d(kp.expires_on) or "—")), self.p(text(named))]
                )  # fmt: skip
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.28, 0.2, 0.14, 0.14, 0.24)])]
        if c.processing:
            rows = [self.th("Processing step", "Country", "Completed")]
            rows += [
                [self.p(text(ACTIVITY.get(s.activity, s.activity))), self.p(text(f"{s.country.name} ({s.country.code})")),
                 self.p(text(_d(s.completed_on) or "—"))]
                for s in c.processing
            ]  # fmt: skip
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.4, 0.4, 0.2)])]
        if c.evidence:
            rows = [self.th("Other evidence", "Reference", "Details")]
            rows += [
                [
                    self.p(text(EVIDENCE.get(e.type, e.type))),
                    self.p(text(e.reference)),
                    self.p(text(e.detail or "—")),
                ]
                for e in c.evidence
            ]
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.28, 0.32, 0.4)])]
        return flow

    def verdicts(self) -> list[Flowable]:
        rows: list[list[object]] = [self.th("Jurisdiction", "Verdict", "Rule", "Finding and legal source")]
        # No row spans: a spanned block cannot break across pages, and a jurisdiction may have many findings.
        inner_rules: list[tuple[object, ...]] = []
        for j in self.c.jurisdictions:
            findings = j.findings or []
            if not findings:
                if len(rows) > 1:
                    inner_rules.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.4, RULE))
                rows.append([self.p(f"<b>{text(j.code)}</b> {text(j.name)}"), self.verdict(j.verdict), self.p("—"),
                             self.p("No rule engaged.")])  # fmt: skip
                continue
            for n, f in enumerate(findings):
                source = text(f.source) + (f" · {text(f.url)}" if f.url else "")
                if n > 0:
                    inner_rules.append(("LINEABOVE", (2, len(rows)), (-1, len(rows)), 0.4, HEADER_FILL))
                elif len(rows) > 1:
                    inner_rules.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.4, RULE))
                rows.append(
                    [
                        self.p(f"<b>{text(j.code)}</b> {text(j.name)}") if n == 0 else self.p(""),
                        self.verdict(j.verdict) if n == 0 else self.p(""),
                        self.p(
                            f'<font size="7.4">{text(f.rule)}</font><br/>{self.verdict_inline(f.outcome)}'
                        ),
                        [self.p(text(f.summary)), self.p(source, "small")],
                    ]
                )
        table = self.table(rows, [self.width * f for f in (0.15, 0.12, 0.15, 0.58)], row_lines=False)
        if inner_rules:
            table.setStyle(TableStyle(inner_rules))
        flow: list[Flowable] = [self.heading("Verdict by jurisdiction"), table]
        if self.c.general_notes:
            notes = [self.th("Rule", "Note for every jurisdiction and its source")]
            for f in self.c.general_notes:
                source = text(f.source) + (f" · {text(f.url)}" if f.url else "")
                notes.append(
                    [
                        self.p(f'<font size="7.4">{text(f.rule)}</font>'),
                        [self.p(text(f.summary)), self.p(source, "small")],
                    ]
                )
            flow += [Spacer(1, 4), self.table(notes, [self.width * f for f in (0.15, 0.85)])]
        return flow

    def screening(self) -> list[Flowable]:
        c = self.c
        flow: list[Flowable] = [self.heading("Counterparty screening")]
        if c.screened_parties:
            flow += [self.p("Names screened: " + text("; ".join(c.screened_parties)), "body"), Spacer(1, 3)]
        rows: list[list[object]] = [self.th("List", "Name", "As of", "Entries", "SHA-256")]
        rows += [
            [self.p(f"<b>{text(x.id)}</b>"), self.p(text(x.name)), self.p(text(_d(x.as_of) or "unknown")),
             self.p(text(f"{x.entries:,}")), self.p(text(_hash(x.sha256)), "mono")]
            for x in c.screening_lists
        ]  # fmt: skip
        if len(rows) == 1:
            rows.append([self.p("No sanctions list was loaded.")] + [self.p("")] * 4)
        flow.append(self.table(rows, [self.width * f for f in (0.15, 0.43, 0.12, 0.1, 0.2)]))
        flow.append(Spacer(1, 5))
        if not c.matches:
            flow.append(self.p("No possible match was found for any screened name.", "body"))
        else:
            rows = [self.th("Screened name", "List entry", "Listed name", "Score", "Decision")]
            for m in c.matches:
                if m.decision:
                    when = m.decided_at.date().isoformat() if m.decided_at else ""
                    decision = (
                        f"<b>{text(m.decision.replace('_', ' '))}</b> — {text(m.reason or '')}"
                        f"<br/>{text(m.decided_by or '')} {when}"
                    )
                else:
                    decision = "no decision recorded"
                rows.append(
                    [self.p(text(m.party)), self.p(text(f"{m.list} {m.entry_id}")), self.p(text(m.name)),
                     self.p(f"{m.score:.2f}"), self.p(decision)]
                )  # fmt: skip
            flow.append(self.table(rows, [self.width * f for f in (0.2, 0.16, 0.2, 0.08, 0.36)]))
        return flow

    def declarations(self) -> list[Flowable]:
        flow: list[Flowable] = [self.heading("Declarations")]
        for d in self.c.declarations:
            block: list[Flowable] = [self.p(f"<b>{text(d.title)}</b>", "body"), self.p(text(d.text), "body")]
            if d.note:
                block.append(self.p(text(d.note), "small"))
            block.append(Spacer(1, 5))
            flow.append(KeepTogether(block))
        if self.c.omitted_declarations:
            names = {"wdc_sow_2021": "WDC System of Warranties statement",
                     "us_cbp_self_certification": "US CBP self-certification",
                     "non_russian_origin": "Non-Russian-origin declaration"}  # fmt: skip
            lines = [
                f"{text(names.get(o.kind, o.kind))}: {text(o.reason)}" for o in self.c.omitted_declarations
            ]
            flow.append(self.p("Not declared — " + "; ".join(lines) + ".", "small"))
        return flow

    def basis(self) -> list[Flowable]:
        c = self.c
        pairs = [
            (
                "Rule pack",
                text(f"{c.rule_pack.id} {c.rule_pack.version}, as of {c.rule_pack.as_of.isoformat()}"),
            ),
            ("Rule pack SHA-256", f'<font size="7">{text(c.rule_pack.sha256)}</font>'),
            ("Assessment SHA-256", f'<font size="7">{text(c.assessment_sha256)}</font>'),
            ("Assessed at", text(c.assessed_at.isoformat(timespec="seconds"))),
            ("Issuer certificate SHA-256", f'<font size="7">{text(c.issuer.certificate_sha256)}</font>'),
        ]
        pairs += [
            (f"List {x.id} SHA-256", f'<font size="7">{text(x.sha256)}</font>') for x in c.screening_lists
        ]
        if c.register_head:
            pairs.append(("Register chain head", f'<font size="7">{text(c.register_head)}</font>'))
        return [self.heading("Basis of this attestation"), self.facts(pairs, columns=1)]

    def signature(self) -> list[Flowable]:
        c = self.c
        i = c.issuer
        left = [
            self.p(f"Signed for and on behalf of <b>{text(i.company)}</b>", "body"),
            Spacer(1, 26),
            _Line(self.width * 0.5),
            self.p(f"<b>{text(i.name)}</b>, {text(i.title)}", "body"),
            self.p(f"Date: {c.issued_on.isoformat()}", "body"),
            Spacer(1, 8),
            self.p(
                "This document carries a digital signature (PAdES) by the issuer's certificate "
                f"(SHA-256 {text(i.certificate_sha256[:23])}…). Any change after signing invalidates it.",
                "small",
            ),
        ]
        right = [
            QrFlowable(self.qr_text, QR_SIZE),
            self.p(
                "Verify offline: scan this code with Clearstone (<i>clearstone&nbsp;verify&nbsp;--qr</i>), "
                "with the issuer's certificate in your trust list.",
                "small",
            ),
        ]
        block = Table(
            [[left, right]], colWidths=[self.width - QR_SIZE - 8 * mm, QR_SIZE + 8 * mm], hAlign="LEFT"
        )
        block.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (1, 0), (1, 0), 8 * mm),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.6, ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return [Spacer(1, 10), KeepTogether([block])]

    # --- page furniture -------------------------------------------------------------------------------

    def later_header(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(INK)
        top = self.page_height - MARGIN + 6 * mm
        canvas.drawString(MARGIN, top, self.c.issuer.company)
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(self.page_width - MARGIN, top, f"Compliance attestation {self.c.number}")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2.5 * mm, self.page_width - MARGIN, top - 2.5 * mm)
        canvas.restoreState()

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        y = MARGIN - 9 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 4 * mm, self.page_width - MARGIN, y + 4 * mm)
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(
            MARGIN, y, f"{self.c.number} · lot {self.c.lot.lot_id} · digitally signed by {self.c.issuer.name}"
        )
        canvas.drawRightString(self.page_width - MARGIN, y, f"Page {page} of {total}")
        canvas.restoreState()

    def build(self) -> bytes:
        out = io.BytesIO()
        c = self.c
        doc = BaseDocTemplate(
            out,
            pagesize=PAPER[c.paper],
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"Compliance attestation {c.number}",
            author=f"{c.issuer.name}, {c.issuer.company}",
            subject=f"Lot {c.lot.lot_id}: {c.verdict} for {', '.join(j.code for j in c.jurisdictions)}",
            creator="Clearstone",
            producer="Clearstone (reportlab)",
            keywords=["attestation", c.number, c.lot.lot_id],
            lang="en",
        )
        pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        first = Frame(MARGIN, MARGIN, self.width, self.page_height - 2 * MARGIN, id="first", **pad)
        later = Frame(MARGIN, MARGIN, self.width, self.page_height - 2 * MARGIN - 4 * mm, id="later", **pad)
        doc.addPageTemplates(
            [
                PageTemplate(id="First", frames=[first], autoNextPageTemplate="Later"),
                PageTemplate(id="Later", frames=[later], onPage=self.later_header),
            ]
        )
        story: list[Flowable] = []
        for section in (
            self.title_block, self.parties, self.lot, self.origin, self.verdicts, self.screening,
            self.declarations, self.basis, self.signature,
        ):  # fmt: skip
            story += section()
        doc.build(story, canvasmaker=numbered_canvas(c.issued_at, self.footer))
        return out.getvalue()


class _Line(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A line for a handwritten signature."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 4

    def draw(self) -> None:
        self.canv.setStrokeColor(MUTED)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 2, self.width, 2)


def _d(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def _hash(value: str) -> str:
    return value[:16] + "…" if len(value) > 16 else value


def _country(code: str) -> str:
    from desktop.lot import country_name

    return f"{country_name(code)} ({code})" if code else ""


def render_attestation(content: AttestationContent, qr_text: str) -> bytes:
    """The unsigned attestation PDF; sign it with desktop.attestation.sign."""
    return _Renderer(content, qr_text).build()
