"""What an attestation states, as plain data built from one frozen Assessment (no PDF, no Qt)."""

from __future__ import annotations

import builtins
import hashlib
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from desktop.attestation.data import AttestedData as _Data
from desktop.attestation.declarations import Declaration, OmittedDeclaration, select_declarations
from desktop.attestation.wording import WORDS, say
from desktop.identity import SigningIdentity
from desktop.lot import Counterparty as LotCounterparty
from desktop.lot import Lot, country_name
from desktop.lot import Owner as LotOwner
from desktop.lot import Party as LotParty
from desktop.rules.language import Language, country_name_in, semicolon
from desktop.rules.result import Finding, shared_notes
from desktop.screening.types import decision_key, fact_label

if TYPE_CHECKING:  # verifying a PDF must not load the rules engine that assessing needs
    from desktop.assessment import Assessment

CONTENT_FORMAT = "clearstone.attestation/1"
Paper = Literal["A4", "Letter"]


class Country(_Data):
    code: str
    name: str

    @classmethod
    def of(cls, code: str) -> Country:
        return cls(code=code, name=country_name(code))


class Issuer(_Data):
    name: str
    title: str
    company: str
    country: str
    email: str | None = None
    sow_id: str | None = None
    certificate_sha256: str  # colon-separated upper-case hex, as `identity show` prints it
    key_id: str  # hex SHA-256 of the public key (SubjectPublicKeyInfo)

    @classmethod
    def from_identity(cls, identity: SigningIdentity, sow_id: str | None) -> Issuer:
        info = identity.info
        return cls(
            name=info.name,
            title=info.title,
            company=info.company,
            country=info.country,
            email=info.email,
            sow_id=sow_id,
            certificate_sha256=identity.fingerprint,
            key_id=identity.key_id.hex(),
        )


class Counterparty(_Data):
    """A party of the deal as the attestation names it (the counterparty, or one of the lot's `parties`)."""

    role: str
    name: str
    country: Country | None
    registration_number: str | None
    address: str | None
    aliases: builtins.list[str]
    owners: builtins.list[str]
    # added 2026-12: identifiers other than the registration number ("LEI 5493…", "tax BE0123 (BE)")
    identifiers: builtins.list[str] = Field(default_factory=builtins.list)

    ADDED: ClassVar[frozenset[str]] = frozenset({"identifiers"})


class LotFacts(_Data):
    lot_id: str
    description: str | None
    category: str
    lab_grown: bool
    industrial: bool
    hs_code: str | None
    stone_count: int
    total_carats: str | None
    largest_stone_carats: str
    transaction_kind: str
    transaction_date: date
    jurisdictions: list[str]
    invoice_number: str | None
    invoice_date: date | None
    supplier_sow_statement: str | None
    supplier_sow_id: str | None
    value: str | None


class OriginShare(_Data):
    country: Country
    stone_count: int | None
    carats: str | None
    largest_stone_carats: str


class OriginFacts(_Data):
    mining_countries: list[Country]
    mining_area: str | None
    exported_from_russia_on: date | None
    located_outside_russia_since: date | None
    transit_countries: list[Country]
    breakdown: list[OriginShare]


class KpCertificate(_Data):
    reference: str
    issuing_country: Country | None
    issued_on: date | None
    expires_on: date | None
    mining_countries: list[Country]
    mixed_origin: bool


class EvidenceItem(_Data):
    type: str
    reference: str
    detail: str


class ProcessingStep(_Data):
    country: Country
    activity: str
    completed_on: date | None


class ScreeningList(_Data):
    id: str
    name: str
    as_of: date | None
    entries: int
    sha256: str


class ScreeningMatch(_Data):
    party: str
    list: str
    entry_id: str
    name: str
    score: float
    decision: str | None
    reason: str | None
    decided_by: str | None
    decided_at: datetime | None
    # added 2026-12: the identifying facts that told the party apart, and the second person's confirmation
    differs: builtins.list[str] = Field(default_factory=builtins.list)
    confirmed_by: str | None = None

    ADDED: ClassVar[frozenset[str]] = frozenset({"differs", "confirmed_by"})


class RegimeRow(_Data):
    """A regime the attestation covers and why it applies ("buyer in US")."""

    code: str
    name: str
    why: str


class CoverageGap(_Data):
    """Sanctions-list coverage a person accepted as incomplete, printed in the verdict box."""

    gaps: list[str]
    reason: str
    accepted_by: str


class FindingRow(_Data):
    rule: str
    outcome: str
    summary: str
    source: str
    url: str = ""


class JurisdictionRow(_Data):
    code: str
    name: str
    verdict: str
    findings: list[FindingRow]


class RulePack(_Data):
    id: str
    version: str
    as_of: date
    sha256: str


class AttestationContent(_Data):
    """Everything printed on the attestation; its SHA-256 is signed inside the QR payload."""

    format: str = CONTENT_FORMAT
    number: str
    issued_at: datetime
    paper: Paper
    issuer: Issuer
    buyer: str | None
    counterparty: Counterparty
    lot: LotFacts
    origin: OriginFacts
    kp_certificates: list[KpCertificate]
    evidence: list[EvidenceItem]
    processing: list[ProcessingStep]
    assessed_on: date
    assessed_at: datetime
    verdict: str
    jurisdictions: list[JurisdictionRow]
    # Warnings and notes every jurisdiction repeats word for word, printed once.
    general_notes: list[FindingRow] = Field(default_factory=list)
    screening_lists: list[ScreeningList]
    screened_parties: list[str]
    matches: list[ScreeningMatch]
    declarations: list[Declaration]
    omitted_declarations: list[OmittedDeclaration] = Field(default_factory=list)
    rule_pack: RulePack
    assessment_sha256: str
    # "seq:hash" of the register's audit chain just before this attestation was recorded: a printed, signed
    # copy of the chain head, so rewriting the register afterwards shows against the paper.
    register_head: str | None = None
    # added 2026-12
    regimes: list[RegimeRow] = Field(default_factory=list)
    coverage_gap: CoverageGap | None = None
    # The language of the attestation's texts (findings, declarations, reasons); absent before 2026-12,
    # when every attestation was in English. The QR payload and the other fields are the same in any language.
    language: str | None = None
    # The lot's further parties (the buyer the issuer sells to, a consignee, ...), besides the counterparty.
    parties: list[Counterparty] = Field(default_factory=list)

    ADDED: ClassVar[frozenset[str]] = frozenset({"regimes", "coverage_gap", "language", "parties"})

    @property
    def lang(self) -> Language:
        return "fr" if self.language == "fr" else "en"

    def all_parties(self) -> list[Counterparty]:
        """The counterparty and every further party, in the lot's order."""
        return [self.counterparty, *self.parties]

    @property
    def issued_on(self) -> date:
        return self.issued_at.date()

    def canonical_json(self) -> bytes:
        """Sorted keys, no spaces, UTF-8: the exact bytes that are hashed and embedded in the PDF."""
        text = json.dumps(
            self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        return text.encode("utf-8")

    def sha256(self) -> bytes:
        return hashlib.sha256(self.canonical_json()).digest()

    def declaration(self, kind: str) -> Declaration | None:
        return next((d for d in self.declarations if d.kind == kind), None)

    @classmethod
    def from_canonical_json(cls, data: bytes) -> AttestationContent:
        return cls.model_validate_json(data)


def _lot_facts(lot: Lot, codes: list[str]) -> LotFacts:
    tx = lot.transaction
    goods = lot.goods
    invoice = tx.invoice
    return LotFacts(
        lot_id=lot.lot_id,
        description=lot.description,
        category=goods.category.value,
        lab_grown=goods.lab_grown,
        industrial=goods.industrial,
        hs_code=goods.hs_code,
        stone_count=goods.stone_count,
        total_carats=format(goods.total_carats, "f") if goods.total_carats is not None else None,
        largest_stone_carats=format(goods.largest_stone_carats, "f"),
        transaction_kind=tx.kind.value,
        transaction_date=tx.date,
        jurisdictions=codes,  # every regime checked: derived from the facts, plus those the lot adds
        invoice_number=invoice.number if invoice else None,
        invoice_date=invoice.date if invoice else None,
        supplier_sow_statement=invoice.sow_statement if invoice else None,
        supplier_sow_id=invoice.sow_id if invoice else None,
        value=f"{tx.value.amount:,} {tx.value.currency}" if tx.value else None,
    )


def _origin(lot: Lot) -> OriginFacts:
    origin = lot.origin
    return OriginFacts(
        mining_countries=[Country.of(c) for c in origin.mining_countries],
        mining_area=origin.mining_area,
        exported_from_russia_on=origin.exported_from_russia_on,
        located_outside_russia_since=origin.located_outside_russia_since,
        transit_countries=[Country.of(c) for c in origin.transit_countries],
        breakdown=[
            OriginShare(
                country=Country.of(s.country),
                stone_count=s.stone_count,
                carats=format(s.carats, "f") if s.carats is not None else None,
                largest_stone_carats=format(s.largest_stone_carats, "f"),
            )
            for s in origin.breakdown or []
        ],
    )


def _evidence(lot: Lot, language: Language) -> tuple[list[KpCertificate], list[EvidenceItem]]:
    kp: list[KpCertificate] = []
    other: list[EvidenceItem] = []
    for item in lot.evidence:
        if item.type == "kp_certificate":
            kp.append(
                KpCertificate(
                    reference=item.reference,
                    issuing_country=Country.of(item.issuing_country) if item.issuing_country else None,
                    issued_on=item.issued_on,
                    expires_on=item.expires_on,
                    mining_countries=[Country.of(c) for c in item.mining_countries],
                    mixed_origin=item.mixed_origin,
                )
            )
            continue
        details: list[str] = []
        for field in (
            "jurisdiction",
            "lab",
            "country",
            "carats",
            "issued_on",
            "located_outside_russia_since",
        ):
            value = getattr(item, field, None)
            if value is not None:
                shown = value.isoformat() if isinstance(value, date) else str(getattr(value, "value", value))
                details.append(say(language, "detail", field=say(language, f"field_{field}"), value=shown))
        other.append(
            EvidenceItem(type=item.type, reference=item.reference, detail=semicolon(language).join(details))
        )
    return kp, other


def _identifiers(party: LotCounterparty | LotParty | LotOwner, language: Language) -> list[str]:
    """Identifiers besides the registration number, and a person's date of birth and nationality."""
    shown: list[str] = []
    if party.date_of_birth:
        shown.append(f"{fact_label('date_of_birth', language)} {party.date_of_birth}")
    if party.nationality:
        shown.append(f"{fact_label('nationality', language)} {country_name_in(party.nationality, language)}")
    registration = getattr(party, "registration_number", None)
    for i in party.identifiers:
        if i.type == "registration" and i.value == registration:
            continue
        shown.append(f"{fact_label(i.type, language)} {i.value}" + (f" ({i.country})" if i.country else ""))
    return shown


def _party(party: LotCounterparty | LotParty, language: Language) -> Counterparty:
    return Counterparty(
        role=party.role,
        name=party.name,
        country=Country.of(party.country) if party.country else None,
        registration_number=party.registration_number,
        address=party.address,
        aliases=list(party.aliases),
        owners=[
            o.name + (f" ({o.share_percent}\u00a0%)" if o.share_percent is not None else "")
            for o in party.owners
        ],
        identifiers=_identifiers(party, language),
    )


def _matches(assessment: Assessment, language: Language) -> list[ScreeningMatch]:
    decisions = {d.key(): d for d in assessment.screening.decisions}
    rows: list[ScreeningMatch] = []
    for match in assessment.screening.matches:
        decision = decisions.get(decision_key(match.query, match.list, match.entry_id))
        rows.append(
            ScreeningMatch(
                party=match.query,
                list=match.list,
                entry_id=match.entry_id,
                name=match.name,
                score=round(match.score, 4),
                decision=decision.decision.value if decision else None,
                reason=decision.reason if decision else None,
                decided_by=decision.decided_by if decision else None,
                decided_at=decision.decided_at if decision else None,
                differs=[d.describe(language) for d in decision.differs] if decision else [],
                confirmed_by=decision.confirmed_by if decision else None,
            )
        )
    return rows


def regime_why(kind: str, country: str | None, language: Language) -> str:
    """Why a regime applies, as the reader of the attestation (not the issuer) reads it."""
    key = f"why_{kind}"
    if key not in WORDS["en"]:
        return kind
    return say(language, key, country=country_name_in(country, language) if country else "?")


def build_content(
    assessment: Assessment,
    *,
    number: str,
    issued_at: datetime,
    issuer: Issuer,
    buyer: str | None = None,
    paper: Paper = "A4",
    register_head: str | None = None,
    coverage_gap: CoverageGap | None = None,
    language: Language = "en",
) -> AttestationContent:
    """Turn one frozen assessment into the attested statement; nothing here reads clocks or files. The texts
    (findings, declarations, reasons) are in `language`, which the content records."""
    lot = assessment.lot
    kp, other = _evidence(lot, language)
    codes = list(assessment.jurisdictions)
    names = {r.code: r.name(language) for r in assessment.regimes}
    declarations, omitted = select_declarations(lot, codes, issuer.sow_id, language)
    shared = shared_notes(list(assessment.jurisdictions.values()))
    first_findings = (
        next(iter(assessment.jurisdictions.values())).findings if assessment.jurisdictions else []
    )

    def row(f: Finding) -> FindingRow:
        return FindingRow(
            rule=f.rule, outcome=f.outcome.value, summary=f.summary_in(language), source=f.source, url=f.url
        )

    return AttestationContent(
        number=number,
        issued_at=issued_at,
        paper=paper,
        issuer=issuer,
        buyer=buyer.strip() if buyer and buyer.strip() else None,
        counterparty=_party(lot.counterparty, language),
        lot=_lot_facts(lot, codes),
        origin=_origin(lot),
        kp_certificates=kp,
        evidence=other,
        processing=[
            ProcessingStep(
                country=Country.of(s.country), activity=s.activity.value, completed_on=s.completed_on
            )
            for s in lot.processing
        ],
        assessed_on=assessment.date,
        assessed_at=assessment.assessed_at,
        verdict=assessment.verdict.value,
        jurisdictions=[
            JurisdictionRow(
                code=code,
                name=names.get(code, code),
                verdict=result.verdict.value,
                findings=[row(f) for f in result.findings if (f.rule, f.summary) not in shared],
            )
            for code, result in assessment.jurisdictions.items()
        ],
        general_notes=[row(f) for f in first_findings if (f.rule, f.summary) in shared],
        screening_lists=[
            ScreeningList(id=i.id, name=i.name, as_of=i.as_of, entries=i.entries, sha256=i.sha256)
            for i in assessment.screening.lists
        ],
        screened_parties=list(assessment.screening.parties),
        matches=_matches(assessment, language),
        declarations=declarations,
        omitted_declarations=omitted,
        rule_pack=RulePack(
            id=assessment.rule_pack.id,
            version=assessment.rule_pack.version,
            as_of=assessment.rule_pack.as_of,
            sha256=assessment.rule_pack.sha256,
        ),
        assessment_sha256=assessment.sha256(),
        register_head=register_head,
        regimes=[
            RegimeRow(
                code=r.code,
                name=r.name(language),
                why=semicolon(language).join(
                    dict.fromkeys(regime_why(x.kind, x.country, language) for x in r.reasons)
                ),
            )
            for r in assessment.regimes
        ],
        coverage_gap=coverage_gap,
        language=language,
        parties=[_party(p, language) for p in lot.parties],
    )
