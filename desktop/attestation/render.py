"""Lay out an attestation as a PDF (reportlab): tables, verdicts, declarations, signature block, QR code."""

from __future__ import annotations

import io
import re

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

from desktop.attestation.content import AttestationContent, Counterparty, ScreeningMatch
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
    numbered_canvas,
    text,
)
from desktop.attestation.qr import PREFIX
from desktop.attestation.qrdraw import QrFlowable
from desktop.attestation.tables import Blocks, Markup
from desktop.parties import role_label
from desktop.rules.language import carats_text, country_name_in, number_text, score_text, semicolon

QR_SIZE = 44 * mm
# Aliases and owners beyond this many are listed in their own tables, one per row, rather than in the
# party's cell: a lot may name hundreds of owners, and a table row cannot be taller than a page.
INLINE_NAMES = 12
ROLE_ORDER = ("seller", "buyer", "consignee", "broker", "carrier")
GAP_COLOUR = VERDICT_COLOURS["review"]


class _Renderer(Blocks):
    def __init__(self, content: AttestationContent, qr_text: str) -> None:
        self.c = content
        self.qr_text = qr_text
        self.page_width, self.page_height = PAPER[content.paper]
        super().__init__(self.page_width - 2 * MARGIN, content.lang)
        self.semi = semicolon(self.language)  # between items of a list

    # --- small helpers ----------------------------------------------------------------------------------

    def country(self, code: str) -> str:
        return f"{country_name_in(code, self.language)} ({code})" if code else ""

    def num(self, value: object) -> str:
        return number_text(str(value), self.language)

    def ct(self, value: str) -> str:
        return carats_text(value, self.language)

    def value_text(self, value: str) -> str:
        """The lot's value ("9,840.00 USD", as recorded) in the document's number style."""
        amount, _, currency = value.partition(" ")
        return f"{self.num(amount.replace(',', ''))} {currency}".strip()

    # --- sections -------------------------------------------------------------------------------------

    def title_block(self) -> list[Flowable]:
        c = self.c
        issuer = c.issuer
        contact = " · ".join(
            x
            for x in (
                text(self.country(issuer.country)),
                self.unbroken(issuer.email or "", self.width * 0.6, "small"),
            )
            if x
        )
        left: list[Flowable] = [self.p(text(issuer.company), "h1"), Spacer(1, 2), self.p(contact, "small")]
        if issuer.sow_id:
            left.append(self.p(self.say("sow_id", sow_id=issuer.sow_id), "small"))
        right = [
            self.p(self.say("title"), "title"),
            self.p(
                self.say("number", number=c.number).replace(text(c.number), f"<b>{text(c.number)}</b>"),
                "cell",
            ),
            self.p(self.say("issued", date=c.issued_on.isoformat()), "cell"),
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
        return [block, Spacer(1, 8), self.verdict_box()]

    def verdict_box(self) -> Table:
        """The verdict, what was checked and why each regime applies, and any list gap a person accepted."""
        c = self.c
        colour = VERDICT_COLOURS.get(c.verdict, INK)
        why = {r.code: r.why for r in c.regimes}
        regimes = ", ".join(
            f"{j.code}" + (f" ({why[j.code]})" if why.get(j.code) else "") for j in c.jurisdictions
        )
        lines: list[Flowable] = [
            self.p(
                self.say(
                    "banner",
                    lot=c.lot.lot_id,
                    regimes=regimes,
                    date=c.assessed_on.isoformat(),
                    pack=c.rule_pack.id,
                    version=c.rule_pack.version,
                    as_of=c.rule_pack.as_of.isoformat(),
                ).replace(text(c.lot.lot_id), f"<b>{text(c.lot.lot_id)}</b>", 1)
            )
        ]
        gap = c.coverage_gap
        if gap is not None:
            hexa = GAP_COLOUR.hexval()[2:]
            lines += [
                Spacer(1, 4),
                self.p(
                    f'<font name="{BOLD}" color="#{hexa}">{self.say("gap_title", who=gap.accepted_by)}</font>'
                ),
                self.p(self.say("gap_reason", reason=gap.reason)),
            ]
            lines += [self.p("· " + text(line), "small") for line in gap.gaps]
        label = self.verdict_label(c.verdict).upper()
        banner = Table(
            [
                [
                    self.p(
                        f'<font name="{BOLD}" size="11" color="#{colour.hexval()[2:]}">{text(label)}</font>'
                    ),
                    lines,
                ]
            ],
            colWidths=[34 * mm, self.width - 34 * mm],
            hAlign="LEFT",
        )
        banner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
                    ("VALIGN", (1, 0), (1, 0), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.8, colour),
                    ("LINEAFTER", (0, 0), (0, 0), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return banner

    # --- parties ---------------------------------------------------------------------------------------

    def _matches_of(self, name: str) -> list[ScreeningMatch]:
        key = name.casefold().strip()
        return [m for m in self.c.matches if m.party.casefold().strip() == key]

    def _screened(self, name: str) -> bool:
        key = name.casefold().strip()
        return any(p.casefold().strip() == key for p in self.c.screened_parties)

    def _result_of(self, name: str) -> str:
        """One name's screening, in words: no match, or each possible match and what a person decided."""
        if not self._screened(name):
            return self.say("not_screened")
        found = self._matches_of(name)
        if not found:
            return self.say("no_match")
        results = []
        for m in found:
            entry = f"{m.list} {m.entry_id}"
            if m.decision == "not_a_match":
                results.append(self.say("match_dismissed", entry=entry, who=m.decided_by or "?"))
            elif m.decision == "match":
                results.append(self.say("match_confirmed", entry=entry, who=m.decided_by or "?"))
            else:
                results.append(self.say("match_pending", entry=entry))
        return self.semi.join(results)

    def _owner_results(self, party: Counterparty) -> list[str]:
        names = [re.sub(r" \([\d.,]+\u00a0%\)$", "", o) for o in party.owners]
        if not names:
            return []
        if len(party.aliases) + len(names) > INLINE_NAMES:
            matched = sum(len(self._matches_of(n)) for n in names)
            return [
                self.say("owners_matched", count=matched)
                if matched
                else self.say("owners_clear", count=self.num(len(names)))
            ]
        return [
            self.say("owner_line", name=owner, result=Markup(self._result_of(name)))
            for owner, name in zip(party.owners, names, strict=True)
        ]

    def _party_cell(self, party: Counterparty, width: float) -> list[str]:
        def fit(value: str) -> Markup:
            return Markup(self.unbroken(value, width))

        lines = [f"<b>{self.unbroken(party.name, width, 'cell_bold')}</b>"]
        if party.country:
            lines.append(text(self.country(party.country.code)))
        if party.registration_number:
            lines.append(self.say("reg_no", value=fit(party.registration_number)))
        lines += [fit(i) for i in party.identifiers]
        if party.address:
            lines.append(fit(party.address))
        apart = len(party.aliases) + len(party.owners) > INLINE_NAMES
        if party.aliases:
            lines.append(
                self.say("aka_apart", count=self.num(len(party.aliases)))
                if apart
                else self.say("aka", names=self.semi.join(party.aliases))
            )
        if party.owners:
            lines.append(
                self.say("owners_apart", count=self.num(len(party.owners)))
                if apart
                else self.say("owners", names=self.semi.join(party.owners))
            )
        return lines

    def _issuer_role(self, parties: list[Counterparty]) -> str:
        roles = {p.role for p in parties}
        if "seller" in roles and "buyer" in roles:
            return self.say("issuer_buys_sells")
        if "buyer" in roles:
            return self.say("issuer_sells")
        if "seller" in roles:
            return self.say("issuer_buys")
        return self.say("issuer_signs")

    def parties(self) -> list[Flowable]:
        c = self.c
        i = c.issuer
        parties = sorted(
            c.all_parties(),
            key=lambda p: ROLE_ORDER.index(p.role) if p.role in ROLE_ORDER else len(ROLE_ORDER),
        )
        widths = [self.width * f for f in (0.17, 0.45, 0.38)]
        inner = widths[1] - 8  # the party column less its padding
        issuer_lines = [
            f"<b>{self.unbroken(i.company, inner, 'cell_bold')}</b>",
            text(self.country(i.country)),
        ]
        issuer_lines.append(self.say("signed_by", name=i.name, title=i.title))
        if i.email:
            issuer_lines.append(self.unbroken(i.email, inner))
        if i.sow_id:
            issuer_lines.append(self.say("sow_id", sow_id=i.sow_id))
        rows: list[list[object]] = [
            self.th(self.say_plain("role"), self.say_plain("party"), self.say_plain("screening_result")),
            [
                self.p(f"<b>{self.say('role_issuer')}</b><br/>{self._issuer_role(parties)}"),
                self.p("<br/>".join(issuer_lines)),
                self.p(self.say("issuer_not_screened"), "small"),
            ],
        ]
        named_buyer = (c.buyer or "").casefold().strip()
        buyer_shown = False
        for party in parties:
            buyer_shown = buyer_shown or (
                party.role == "buyer" and party.name.casefold().strip() == named_buyer
            )
            screening = [self._result_of(party.name), *self._owner_results(party)]
            rows.append(
                [
                    self.p(f"<b>{role_label(party.role, self.language)}</b>"),
                    self.p("<br/>".join(self._party_cell(party, inner))),
                    self.p("<br/>".join(screening)),
                ]
            )
        if not buyer_shown and not (c.buyer is None and any(p.role == "buyer" for p in parties)):
            # The buyer named for this attestation is not one of the checked lot's parties (or none is named).
            buyer = (
                f"<b>{text(c.buyer)}</b>"
                if c.buyer
                else f'<font color="#5B6673">{self.say("buyer_not_named")}</font>'
            )
            rows.append(
                [
                    self.p(f"<b>{role_label('buyer', self.language)}</b>"),
                    self.p(buyer),
                    self.p(self.say("not_screened") if c.buyer and not self._screened(c.buyer) else ""),
                ]
            )
        flow: list[Flowable] = [self.table(rows, widths, title=self.say_plain("parties"))]
        for party in parties:
            if len(party.aliases) + len(party.owners) <= INLINE_NAMES:
                continue
            # One row per name: a long list breaks across pages row by row, with its header repeated.
            for key, names in (("aka", party.aliases), ("owners", party.owners)):
                if names:
                    title = self.say_plain(key, names="").rstrip(" :\u00a0")
                    header = self.say_plain("names_apart_header", title=title, party=party.name)
                    apart: list[list[object]] = [self.th("", header)]
                    apart += [
                        [self.p(str(n), "small"), self.p(text(name))] for n, name in enumerate(names, 1)
                    ]
                    flow += [Spacer(1, 5), self.table(apart, [self.width * 0.07, self.width * 0.93])]
        return flow

    def say_plain(self, key: str, /, **values: object) -> str:
        """A fixed text as plain text (for th() and heading(), which escape it themselves)."""
        from desktop.attestation.wording import say

        return say(self.language, key, **values)

    # --- lot and origin -------------------------------------------------------------------------------

    def lot(self) -> list[Flowable]:
        lot = self.c.lot
        nature = self.say_plain("lab_grown" if lot.lab_grown else "natural")
        if lot.industrial:
            nature += ", " + self.say_plain("industrial")
        category = self.say_plain(f"cat_{lot.category}") if f"cat_{lot.category}" else lot.category
        pairs = [
            (self.say_plain("lot_id"), f"<b>{text(lot.lot_id)}</b>"),
            (self.say_plain("category"), text(f"{category} · {nature}")),
            (self.say_plain("stones"), text(self.num(lot.stone_count))),
            (self.say_plain("hs_code"), text(lot.hs_code or "—")),
            (self.say_plain("total_weight"), text(self.ct(lot.total_carats) if lot.total_carats else "—")),
            (self.say_plain("largest_stone"), text(self.ct(lot.largest_stone_carats))),
            (
                self.say_plain("transaction"),
                self.say(f"kind_{lot.transaction_kind}", date=lot.transaction_date.isoformat()),
            ),
            (self.say_plain("jurisdictions"), text(", ".join(lot.jurisdictions))),
        ]
        if lot.invoice_number or lot.invoice_date:
            invoice = (
                self.say("invoice_of", number=lot.invoice_number, date=_d(lot.invoice_date))
                if lot.invoice_number and lot.invoice_date
                else text(lot.invoice_number or _d(lot.invoice_date))
            )
            pairs.append((self.say_plain("supplier_invoice"), invoice))
        if lot.value:
            pairs.append((self.say_plain("value"), text(self.value_text(lot.value))))
        if lot.supplier_sow_statement:
            sow = (
                self.say("warranty_id", statement=lot.supplier_sow_statement, sow_id=lot.supplier_sow_id)
                if lot.supplier_sow_id
                else self.say("warranty", statement=lot.supplier_sow_statement)
            )
            pairs.append((self.say_plain("supplier_warranty"), sow))
        head: list[Flowable] = [self.heading(self.say_plain("lot"))]
        if lot.description:
            head += [self.p(text(lot.description), "body"), Spacer(1, 3)]
        return [KeepTogether([*head, self.facts(pairs)])]

    def _exported_from_russia(self) -> str:
        """The day the goods left Russia; "no" only for goods with no tie to Russia at all: goods mined,
        grown or processed there, or shipped through it, without a date read "date not stated"."""
        c = self.c
        o = c.origin
        if o.exported_from_russia_on is not None:
            return o.exported_from_russia_on.isoformat()
        tied = (
            any(x.code == "RU" for x in o.mining_countries)
            or any(s.country.code == "RU" for s in c.processing)
            or any(x.code == "RU" for x in o.transit_countries)
            or any(x.country.code == "RU" for x in o.breakdown)
            or any(
                k.issuing_country is not None and k.issuing_country.code == "RU" for k in c.kp_certificates
            )
        )
        return self.say_plain("date_not_stated" if tied else "no")

    def origin(self) -> list[Flowable]:
        c = self.c
        o = c.origin
        mined = self.say_plain("grown_in" if c.lot.lab_grown else "mining_countries")
        pairs = [(mined, text(", ".join(self.country(x.code) for x in o.mining_countries)))]
        if o.mining_area:
            pairs.append((self.say_plain("mining_area"), text(o.mining_area)))
        pairs.append((self.say_plain("exported_from_russia"), text(self._exported_from_russia())))
        if o.located_outside_russia_since:
            pairs.append((self.say_plain("outside_russia_since"), text(_d(o.located_outside_russia_since))))
        if o.transit_countries:
            names = ", ".join(country_name_in(x.code, self.language) for x in o.transit_countries)
            pairs.append((self.say_plain("transit"), text(names)))
        flow: list[Flowable] = [KeepTogether([self.heading(self.say_plain("origin")), self.facts(pairs)])]
        if o.breakdown:
            rows: list[list[object]] = [
                self.th(
                    self.say_plain("country"),
                    self.say_plain("stones"),
                    self.say_plain("carats"),
                    self.say_plain("largest_stone"),
                )
            ]
            rows += [
                [self.p(text(country_name_in(b.country.code, self.language))),
                 self.p(text(self.num(b.stone_count) if b.stone_count is not None else "—")),
                 self.p(text(self.num(b.carats) if b.carats else "—")),
                 self.p(text(self.ct(b.largest_stone_carats)))]
                for b in o.breakdown
            ]  # fmt: skip
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.4, 0.2, 0.2, 0.2)])]
        if c.kp_certificates:
            rows = [
                self.th(
                    self.say_plain("kp_certificate"),
                    self.say_plain("issued_by"),
                    self.say_plain("issued_on"),
                    self.say_plain("expires"),
                    self.say_plain("countries_named"),
                )
            ]
            for kp in c.kp_certificates:
                named = ", ".join(x.code for x in kp.mining_countries) or self.say_plain("none")
                if kp.mixed_origin:
                    named = self.say_plain("mixed_origin", named=named)
                issuer = (
                    country_name_in(kp.issuing_country.code, self.language) if kp.issuing_country else "—"
                )
                rows.append(
                    [self.p(f"<b>{text(kp.reference)}</b>"), self.p(text(issuer)),
                     self.p(text(_d(kp.issued_on) or "—")), self.p(text(_d(kp.expires_on) or "—")), self.p(text(named))]
                )  # fmt: skip
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.28, 0.2, 0.14, 0.14, 0.24)])]
        if c.processing:
            rows = [
                self.th(
                    self.say_plain("processing_step"), self.say_plain("country"), self.say_plain("completed")
                )
            ]
            rows += [
                [self.p(self.say(f"act_{s.activity}")), self.p(text(self.country(s.country.code))),
                 self.p(text(_d(s.completed_on) or "—"))]
                for s in c.processing
            ]  # fmt: skip
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.4, 0.4, 0.2)])]
        if c.evidence:
            rows = [
                self.th(
                    self.say_plain("other_evidence"), self.say_plain("reference"), self.say_plain("details")
                )
            ]
            rows += [
                [
                    self.p(self.say(f"ev_{e.type}") if _known(f"ev_{e.type}") else text(e.type)),
                    self.p(text(e.reference)),
                    self.p(text(e.detail or "—")),
                ]
                for e in c.evidence
            ]
            flow += [Spacer(1, 5), self.table(rows, [self.width * f for f in (0.28, 0.32, 0.4)])]
        return flow

    # --- verdicts -------------------------------------------------------------------------------------

    def _source(self, source: str, url: str) -> list[Flowable]:
        flow: list[Flowable] = [self.p(text(source), "small")]
        if url:
            flow.append(self.p(text(url), "url"))  # a URL may break anywhere; words never do
        return flow

    def verdicts(self) -> list[Flowable]:
        rows: list[list[object]] = [
            self.th(
                self.say_plain("jurisdiction"),
                self.say_plain("verdict"),
                self.say_plain("rule"),
                self.say_plain("finding_source"),
            )
        ]
        why = {r.code: r.why for r in self.c.regimes}
        # No row spans: a spanned block cannot break across pages, and a jurisdiction may have many findings.
        inner_rules: list[tuple[object, ...]] = []
        first_row = 2  # after the heading row and the header row

        def name_cell(code: str, name: str) -> list[Flowable]:
            cell: list[Flowable] = [self.p(f"<b>{text(code)}</b> {text(name)}")]
            if why.get(code):
                cell.append(self.p(text(why[code]), "small"))
            return cell

        for j in self.c.jurisdictions:
            findings = j.findings or []
            at = len(rows) + 1  # row index in the titled table
            if not findings:
                if at > first_row:
                    inner_rules.append(("LINEABOVE", (0, at), (-1, at), 0.4, RULE))
                rows.append([name_cell(j.code, j.name), self.verdict(j.verdict), self.p("—"),
                             self.p(self.say("no_rule"))])  # fmt: skip
                continue
            for n, f in enumerate(findings):
                at = len(rows) + 1
                if n > 0:
                    inner_rules.append(("LINEABOVE", (2, at), (-1, at), 0.4, HEADER_FILL))
                elif at > first_row:
                    inner_rules.append(("LINEABOVE", (0, at), (-1, at), 0.4, RULE))
                rows.append(
                    [
                        name_cell(j.code, j.name) if n == 0 else self.p(""),
                        self.verdict(j.verdict) if n == 0 else self.p(""),
                        self.p(
                            f'<font size="7.4">{text(f.rule)}</font><br/>{self.verdict_inline(f.outcome)}'
                        ),
                        [self.p(text(f.summary)), *self._source(f.source, f.url)],
                    ]
                )
        table = self.table(
            rows,
            [self.width * f for f in (0.17, 0.12, 0.15, 0.56)],
            row_lines=False,
            title=self.say_plain("verdicts"),
        )
        if inner_rules:
            table.setStyle(TableStyle(inner_rules))
        flow: list[Flowable] = [table]
        if self.c.general_notes:
            notes = [self.th(self.say_plain("rule"), self.say_plain("general_notes"))]
            for f in self.c.general_notes:
                notes.append(
                    [
                        self.p(f'<font size="7.4">{text(f.rule)}</font>'),
                        [self.p(text(f.summary)), *self._source(f.source, f.url)],
                    ]
                )
            flow += [Spacer(1, 4), self.table(notes, [self.width * f for f in (0.15, 0.85)])]
        return flow

    # --- screening ------------------------------------------------------------------------------------

    def _decision(self, m: ScreeningMatch) -> str:
        if not m.decision:
            return self.say("no_decision")
        when = m.decided_at.date().isoformat() if m.decided_at else ""
        parts = [
            f"<b>{self.say('d_' + m.decision) if _known('d_' + m.decision) else text(m.decision)}</b>"
            + (f" — {text(m.reason)}" if m.reason else ""),
            self.say("decided", who=m.decided_by or "?", date=when),
        ]
        if m.differs:
            parts.append(self.say("differs", facts=self.semi.join(m.differs)))
        if m.confirmed_by:
            parts.append(self.say("confirmed_by", who=m.confirmed_by))
        return "<br/>".join(parts)

    def screening(self) -> list[Flowable]:
        c = self.c
        head: list[Flowable] = [self.heading(self.say_plain("screening"))]
        if c.screened_parties:
            head += [
                self.p(self.say("names_screened", names=self.semi.join(c.screened_parties)), "body"),
                Spacer(1, 3),
            ]
        rows: list[list[object]] = [
            self.th(
                self.say_plain("list"),
                self.say_plain("name"),
                self.say_plain("as_of"),
                self.say_plain("entries"),
                "SHA-256",
            )
        ]
        rows += [
            [self.p(f"<b>{text(x.id)}</b>"), self.p(text(x.name)), self.p(text(_d(x.as_of) or self.say_plain("unknown"))),
             self.p(text(self.num(x.entries))), self.p(text(_hash(x.sha256)), "mono")]
            for x in c.screening_lists
        ]  # fmt: skip
        if len(rows) == 1:
            rows.append([self.p(self.say("no_list"))] + [self.p("")] * 4)
        lists = self.table(rows, [self.width * f for f in (0.15, 0.43, 0.12, 0.1, 0.2)])
        flow: list[Flowable] = [KeepTogether([*head, lists]), Spacer(1, 5)]
        if not c.matches:
            flow.append(self.p(self.say("no_matches"), "body"))
            return flow
        rows = [
            self.th(
                self.say_plain("screened_name"),
                self.say_plain("list_entry"),
                self.say_plain("listed_name"),
                self.say_plain("score"),
                self.say_plain("decision"),
            )
        ]
        for m in c.matches:
            rows.append(
                [self.p(text(m.party)), self.p(text(f"{m.list} {m.entry_id}")), self.p(text(m.name)),
                 self.p(score_text(m.score, self.language)), self.p(self._decision(m))]
            )  # fmt: skip
        flow.append(self.table(rows, [self.width * f for f in (0.2, 0.14, 0.2, 0.08, 0.38)]))
        return flow

    # --- declarations, basis, signature -------------------------------------------------------------------

    def declarations(self) -> list[Flowable]:
        blocks: list[list[Flowable]] = []
        for d in self.c.declarations:
            block: list[Flowable] = [self.p(f"<b>{text(d.title)}</b>", "body"), self.p(text(d.text), "body")]
            if d.translation:
                block += [
                    Spacer(1, 2),
                    self.p(f"<i>{text(d.translation)}</i>", "body"),
                    self.p(self.say("translation_note"), "small"),
                ]
            if d.note:
                block.append(self.p(text(d.note), "small"))
            block.append(Spacer(1, 5))
            blocks.append(block)
        heading = self.heading(self.say_plain("declarations"))
        flow: list[Flowable] = []
        if blocks:
            # The heading and the first declaration stay together: no heading left at the foot of a page.
            flow.append(KeepTogether([heading, *blocks[0]]))
            flow += [KeepTogether(b) for b in blocks[1:]]
        else:
            flow.append(heading)
        if self.c.omitted_declarations:
            items = [
                self.say("omitted_item", kind=self.say_plain("k_" + o.kind) if _known("k_" + o.kind) else o.kind,
                         reason=o.reason)
                for o in self.c.omitted_declarations
            ]  # fmt: skip
            flow.append(self.p(self.say("not_declared", items=Markup(self.semi.join(items))), "small"))
        return flow

    def basis(self) -> list[Flowable]:
        c = self.c
        small = '<font size="7">{}</font>'
        pairs = [
            (
                self.say_plain("rule_pack"),
                self.say(
                    "rule_pack_line",
                    pack=c.rule_pack.id,
                    version=c.rule_pack.version,
                    as_of=c.rule_pack.as_of.isoformat(),
                ),
            ),
            (self.say_plain("rule_pack_sha"), small.format(text(c.rule_pack.sha256))),
            (self.say_plain("assessment_sha"), small.format(text(c.assessment_sha256))),
            (self.say_plain("assessed_at"), text(c.assessed_at.isoformat(timespec="seconds"))),
            (self.say_plain("certificate_sha"), small.format(text(c.issuer.certificate_sha256))),
        ]
        pairs += [
            (self.say_plain("list_sha", list=x.id), small.format(text(x.sha256))) for x in c.screening_lists
        ]
        if c.register_head:
            pairs.append((self.say_plain("register_head"), small.format(text(c.register_head))))
        return [self.facts(pairs, columns=1, title=self.say_plain("basis"))]

    def signature(self) -> list[Flowable]:
        c = self.c
        i = c.issuer
        left = [
            self.p(
                self.say("signed_for", company=i.company).replace(
                    text(i.company), f"<b>{text(i.company)}</b>"
                ),
                "body",
            ),
            Spacer(1, 26),
            _Line(self.width * 0.5),
            self.p(f"<b>{text(i.name)}</b>, {text(i.title)}", "body"),
            self.p(self.say("date_line", date=c.issued_on.isoformat()), "body"),
            Spacer(1, 8),
            self.p(self.say("verify_digital", short=i.certificate_sha256[:23]), "small"),
        ]
        right = [QrFlowable(self.qr_text, QR_SIZE), self.p(self.say("qr_caption"), "small")]
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
        return [Spacer(1, 10), KeepTogether([block]), Spacer(1, 8), KeepTogether([self.verify_box()])]

    def verify_box(self) -> Table:
        """How a buyer without Clearstone checks this document: the PDF signature, the certificate's
        fingerprint, what the QR code holds. Written for a reader, never as a command."""
        i = self.c.issuer
        cells: list[Flowable] = [
            self.heading(self.say_plain("verify_title")),
            self.p(self.say("verify_pdf", name=i.name, company=i.company), "box"),
            Spacer(1, 3),
            self.p(self.say("verify_certificate"), "box"),
            self.p(text(i.certificate_sha256), "fingerprint"),
            self.p(self.say("verify_compare"), "box"),
            Spacer(1, 3),
            self.p(self.say("verify_qr", prefix=PREFIX), "box"),
            Spacer(1, 3),
            self.p(self.say("verify_paper"), "box"),
        ]
        box = Table([[cells]], colWidths=[self.width], hAlign="LEFT")
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
                    ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return box

    # --- page furniture -------------------------------------------------------------------------------

    def later_header(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(INK)
        top = self.page_height - MARGIN + 6 * mm
        canvas.drawString(MARGIN, top, self.c.issuer.company)
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(self.page_width - MARGIN, top, self.say_plain("header", number=self.c.number))
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
        c = self.c
        canvas.drawString(
            MARGIN, y, self.say_plain("footer", number=c.number, lot=c.lot.lot_id, name=c.issuer.name)
        )
        canvas.drawRightString(self.page_width - MARGIN, y, self.say_plain("page", page=page, total=total))
        canvas.restoreState()

    def build(self) -> bytes:
        out = io.BytesIO()
        c = self.c
        codes = ", ".join(j.code for j in c.jurisdictions)
        doc = BaseDocTemplate(
            out,
            pagesize=PAPER[c.paper],
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=self.say_plain("header", number=c.number),
            author=f"{c.issuer.name}, {c.issuer.company}",
            subject=self.say_plain(
                "pdf_subject", lot=c.lot.lot_id, verdict=self.verdict_label(c.verdict), codes=codes
            ),
            creator="Clearstone",
            producer="Clearstone (reportlab)",
            keywords=["attestation", c.number, c.lot.lot_id],
            lang=self.language,
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


def _known(key: str) -> bool:
    from desktop.attestation.wording import EN

    return key in EN


def _d(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def _hash(value: str) -> str:
    return value[:16] + "…" if len(value) > 16 else value


def render_attestation(content: AttestationContent, qr_text: str) -> bytes:
    """The unsigned attestation PDF; sign it with desktop.attestation.sign."""
    return _Renderer(content, qr_text).build()
