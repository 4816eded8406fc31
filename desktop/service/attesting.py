"""Attest a lot: refuse with every reason, or number, sign and record the attestation (and the CBP letter)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from desktop.service.checking import assess_lot, with_issuer
from desktop.service.errors import AttestRefusedError, ServiceError

if TYPE_CHECKING:
    from desktop.assessment import Assessment
    from desktop.attestation.build import Attestation
    from desktop.attestation.content import CoverageGap
    from desktop.attestation.declarations import Declaration, OmittedDeclaration
    from desktop.lot import Counterparty, Lot, Party
    from desktop.screening.types import ScreeningDecision
    from desktop.service.workspace import Workspace

Paper = Literal["A4", "Letter"]
Language = Literal["en", "fr"]
# Where US letter paper is the norm; everywhere else A4.
LETTER_COUNTRIES = ("US", "CA")
# Where the attestation is in French by default (the buyer's country): France, Monaco and Luxembourg (where
# French is the language of business and the courts), France's overseas territories, and the countries where
# French is the official language, among them diamond producers (CD, CF, GN, CI). Belgium, Switzerland and
# Canada are decided by the buyer's postal code (below); elsewhere English, the diamond trade's language.
FRENCH_COUNTRIES = frozenset(
    [
        "FR",
        "MC",
        "LU",
        "GF",
        "GP",
        "MQ",
        "RE",
        "YT",
        "PM",
        "BL",
        "MF",
        "NC",
        "PF",
        "WF",
        "TF",
        "CD",
        "CG",
        "CF",
        "CI",
        "SN",
        "ML",
        "BF",
        "NE",
        "TG",
        "BJ",
        "GN",
        "GA",
        "TD",
        "CM",
        "MG",
        "DJ",
        "KM",
        "HT",
        "BI",
    ]
)
# The last four-digit number of an address is its postal code in Belgium and Switzerland.
_POSTCODE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# A Canadian postal code; its first letter G, H or J is Québec.
_CA_POSTCODE = re.compile(r"\b([A-Z])\d[A-Z] ?\d[A-Z]\d\b", re.IGNORECASE)


@dataclass(frozen=True)
class AttestRequest:
    lot: Lot
    on: date | None = None
    add_jurisdictions: Sequence[str] = ()  # regimes added to those the lot engages (never fewer)
    buyer: str | None = None  # default: the lot's buyer
    sow_id: str | None = None  # default: the settings
    paper: Paper | None = None  # default: the settings, else from the buyer's country
    accept_list_gap: str | None = None  # a person's reason to attest despite missing or stale lists
    cbp_letter: bool = False
    language: Language | None = None  # the attestation's language; default from the buyer's country


@dataclass(frozen=True)
class Prepared:
    """A checked lot about to be attested: refused when `reasons` is not empty."""

    assessment: Assessment
    reasons: list[str]
    coverage_gaps: list[str]
    buyer: str | None
    sow_id: str | None
    paper: Paper
    request: AttestRequest
    declarations: list[Declaration] = field(default_factory=list)
    omitted: list[OmittedDeclaration] = field(default_factory=list)
    language: Language = "en"
    # The WDC statement fits the lot but the firm's SoW ID is not set (one of `reasons`): a front end can
    # offer to enter it.
    missing_sow_id: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.reasons)


@dataclass(frozen=True)
class Issued:
    number: str
    pdf: bytes
    attestation: Attestation
    assessment_id: int
    cbp_letter: bytes | None = None


def buyer_party(lot: Lot) -> Counterparty | Party | None:
    """The buyer: the counterparty when it buys, else the first party that buys."""
    if lot.counterparty.role == "buyer":
        return lot.counterparty
    return next((p for p in lot.parties if p.role == "buyer"), None)


def buyer_of(lot: Lot) -> tuple[str, str | None] | None:
    """The buyer's name and country: the counterparty when it buys, else the first party that buys."""
    party = buyer_party(lot)
    return (party.name, party.country) if party is not None else None


def language_for(lot: Lot) -> Language:
    """The attestation's default language: the buyer's. French for a buyer in a French-speaking country;
    in Belgium and Switzerland, French for a postal code of the French-speaking part (Brussels and Wallonia,
    Romandy), else English (Flanders and German-speaking Switzerland read English in the diamond trade, and
    Dutch and German are not offered); in Canada, French for a Québec postal code. Without a buyer, English."""
    party = buyer_party(lot)
    if party is None or party.country is None:
        return "en"
    country = party.country
    if country in FRENCH_COUNTRIES:
        return "fr"
    address = party.address or ""
    if country == "CA":
        found = _CA_POSTCODE.findall(address)
        return "fr" if found and found[-1].upper() in "GHJ" else "en"
    codes = [int(c) for c in _POSTCODE.findall(address)]
    if not codes:
        return "en"
    code = codes[-1]
    if country == "BE":  # Brussels 1000-1299, Walloon Brabant 1300-1499, Wallonia 4000-7999 (not 4700-4799)
        return "fr" if 1000 <= code <= 1499 or (4000 <= code <= 7999 and not 4700 <= code <= 4799) else "en"
    if country == "CH":  # Geneva, Vaud, Neuchâtel, Jura, French Fribourg and Valais: 1000-2999
        return "fr" if 1000 <= code <= 2999 else "en"
    return "en"


def paper_for(ws: Workspace, lot: Lot, asked: Paper | None = None) -> Paper:
    """Asked, else the settings' choice, else Letter for a buyer in the US or Canada and A4 elsewhere."""
    chosen = asked or ws.settings().paper_size
    if chosen in ("A4", "Letter"):
        return "Letter" if chosen == "Letter" else "A4"
    buyer = buyer_of(lot)
    return "Letter" if buyer is not None and buyer[1] in LETTER_COUNTRIES else "A4"


def coverage_gaps(ws: Workspace, assessment: Assessment, language: Language = "en") -> list[str]:
    """Each regime of the attestation whose own official list is missing or older than the setting."""
    from desktop.coverage import coverage_of
    from desktop.parties import describe_coverage

    pack = ws.pack()
    regimes = [r for code in assessment.jurisdictions if (r := pack.regime(code)) is not None]
    coverage = coverage_of(regimes, assessment.screening.lists, ws.today(), ws.settings().list_max_age_days)
    return [describe_coverage(c, ws.today(), language) for c in coverage.values() if not c.current]


def prepare_attestation(
    ws: Workspace,
    request: AttestRequest,
    *,
    decisions: Sequence[ScreeningDecision] = (),
    assessment: Assessment | None = None,
) -> Prepared:
    """Check the lot for every regime it engages (plus any added) and say whether it may be attested."""
    from desktop.attestability import refusal_reasons
    from desktop.attestation.declarations import select_declarations, sow_applies

    lot = request.lot
    if request.add_jurisdictions:
        added = [*lot.transaction.jurisdictions, *request.add_jurisdictions]
        transaction = lot.transaction.model_copy(update={"jurisdictions": list(dict.fromkeys(added))})
        lot = lot.model_copy(update={"transaction": transaction})
    if assessment is None:
        assessment = assess_lot(ws, lot, decisions=decisions, on=request.on)
    gaps = coverage_gaps(ws, assessment)
    accepted = (request.accept_list_gap or "").strip()
    if accepted and gaps:
        from desktop.service.deciding import check_reason

        check_reason(accepted)  # accepting a gap is a decision like any other: a real reason
    reasons = refusal_reasons(assessment, coverage_gaps=[] if accepted else gaps)
    sow_id = (request.sow_id or ws.settings().sow_id or "").strip() or None
    buyer = request.buyer.strip() if request.buyer and request.buyer.strip() else None
    if buyer is None:
        found = buyer_of(assessment.lot)
        buyer = found[0] if found is not None else None
    language: Language = request.language or language_for(assessment.lot)
    missing_sow_id = sow_id is None and sow_applies(assessment.lot)
    if missing_sow_id:
        # Asked here, never printed: the attestation must not tell its reader how to configure the app.
        reasons.append(
            "the WDC System of Warranties statement needs the firm's SoW ID, which is not set: enter it in "
            "Settings (SoW ID)"
        )
    chosen, omitted = select_declarations(assessment.lot, list(assessment.jurisdictions), sow_id, language)
    if request.cbp_letter and not any(d.kind == "us_cbp_self_certification" for d in chosen):
        why = next((o.reason for o in omitted if o.kind == "us_cbp_self_certification"), "US is not checked")
        reasons.append(f"no CBP self-certification for this lot: {why}")
    return Prepared(
        assessment=assessment,
        reasons=reasons,
        coverage_gaps=gaps,
        buyer=buyer,
        sow_id=sow_id,
        paper=paper_for(ws, assessment.lot, request.paper),
        request=request,
        declarations=chosen,
        omitted=omitted,
        language=language,
        missing_sow_id=missing_sow_id,
    )


def issue(ws: Workspace, prepared: Prepared, passphrase: str) -> Issued:
    """Unlock the identity, then number, build, sign and store the PDF in one register transaction."""
    from desktop.attestation.content import CoverageGap
    from desktop.attestation.issue import issue_attestation

    if prepared.refused:
        raise AttestRefusedError(
            prepared.assessment.lot.lot_id, prepared.assessment.verdict.value, prepared.reasons
        )
    store = ws.identity_store()
    if not store.exists():
        # Shown by the window as it is (the command line says its own command before it gets here).
        raise ServiceError("no signing identity yet: create your signing identity first, in Settings")
    now = ws.now()
    identity = store.load(passphrase, now=now)
    gap = None
    accepted = (prepared.request.accept_list_gap or "").strip()
    if prepared.coverage_gaps and accepted:
        gap = CoverageGap(gaps=prepared.coverage_gaps, reason=accepted, accepted_by=identity.info.name)
        _record_accepted_gap(ws, prepared, gap)
        if prepared.language != "en":  # recorded in English, printed in the attestation's language
            gap = gap.model_copy(update={"gaps": coverage_gaps(ws, prepared.assessment, prepared.language)})
    issued = issue_attestation(
        ws.register(),
        prepared.assessment,
        identity,
        now=now,
        buyer=prepared.buyer,
        sow_id=prepared.sow_id,
        paper=prepared.paper,
        coverage_gap=gap,
        language=prepared.language,
    )
    letter = None
    if prepared.request.cbp_letter:
        from desktop.attestation.cbp_letter import build_cbp_letter

        letter = build_cbp_letter(
            issued.attestation.content, identity, signed_at=now, address=ws.settings().firm_address or None
        )
    return Issued(issued.number, issued.pdf, issued.attestation, issued.assessment_id, letter)


def _record_accepted_gap(ws: Workspace, prepared: Prepared, gap: CoverageGap) -> None:
    """The accepted gap is a person's decision like any other: kept in the register, in the audit chain."""
    from desktop.register import ReviewResolution

    assessment = prepared.assessment
    for code in assessment.jurisdictions:
        line = next((g for g in prepared.coverage_gaps if g.startswith(f"{code}:")), None)
        if line is None:
            continue
        ws.register().record_review(
            ReviewResolution(
                jurisdiction=code,
                rule="SCR-COVERAGE",
                resolution="cleared",
                reason=f"sanctions-list gap accepted for the attestation ({line}): {gap.reason}",
                decided_by=gap.accepted_by,
                decided_at=ws.now(),
                lot_id=assessment.lot.lot_id,
            )
        )


__all__ = [
    "AttestRequest",
    "Issued",
    "Prepared",
    "buyer_of",
    "buyer_party",
    "coverage_gaps",
    "issue",
    "language_for",
    "paper_for",
    "prepare_attestation",
    "with_issuer",
]
