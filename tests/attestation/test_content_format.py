"""The signed content's bytes: every field added after format 1 round-trips, and is absent when empty, so an
attestation signed before it existed reads back to exactly the bytes that were signed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from desktop.attestation.content import AttestationContent, CoverageGap, Issuer, build_content
from desktop.identity import SigningIdentity
from desktop.lot import Lot
from desktop.rules.regimes import Reason, RegimeInScope
from desktop.screening.types import Binding, Decision, DifferingFact, Match, ScreeningDecision
from tests.attestation.helpers import NOW, assessment, lot

# Every field added after the first format, by the record that carries it.
ADDED = {
    "content": {"regimes", "coverage_gap", "language", "parties"},
    "counterparty": {"identifiers"},
    "match": {"differs", "confirmed_by"},
    "declaration": {"translation"},
}


def _full(shared_dir: Path, identity: SigningIdentity, language: str = "fr") -> AttestationContent:
    data = lot(shared_dir, "S01").model_dump(mode="json")
    data["counterparty"]["identifiers"] = [{"type": "lei", "value": "5493001KJTIIGC8Y1R12", "country": "BW"}]
    data["parties"] = [{"role": "buyer", "name": "Gemmes Lumière SARL", "country": "FR",
                        "address": "12 rue de la Paix, 75002 Paris"}]  # fmt: skip
    the_lot = Lot.model_validate(data)
    name = the_lot.counterparty.name
    match = Match(query=name, list="OFAC-SDN", entry_id="1", name=name, alias=name, score=1.0, strong=True,
                  jurisdictions=["US"], bindings=[Binding(jurisdiction="US")], why="exact")  # fmt: skip
    decision = ScreeningDecision(
        party=name, list="OFAC-SDN", entry_id="1", decision=Decision.NOT_A_MATCH, reason="another company",
        decided_by="Anna Peeters", decided_at=datetime(2026, 11, 27, tzinfo=UTC), confirmed_by="Jan De Smet",
        differs=[DifferingFact(field="registration", party_value="BW1", listed_value="AE2")],
    )  # fmt: skip
    regime = RegimeInScope(code="US", names={"en": "United States", "fr": "États-Unis"},
                           reasons=[Reason(kind="import", country="US")], derived=True)  # fmt: skip
    checked = assessment(the_lot, matches=[match], decisions=[decision]).model_copy(
        update={"regimes": [regime]}
    )
    return build_content(
        checked,
        number="CS-2026-000001",
        issued_at=NOW,
        issuer=Issuer.from_identity(identity, "SOW-1"),
        buyer="Gemmes Lumière SARL",
        coverage_gap=CoverageGap(gaps=["US : aucune liste"], reason="salon", accepted_by="Anna Peeters"),
        language=language,  # type: ignore[arg-type]
    )


def _records(document: dict) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    return {
        "content": [document],
        "counterparty": [document["counterparty"], *document.get("parties", [])],
        "match": document["matches"],
        "declaration": document["declarations"],
    }


def test_every_added_field_round_trips(shared_dir: Path, identity: SigningIdentity) -> None:
    content = _full(shared_dir, identity)
    data = content.canonical_json()
    assert AttestationContent.from_canonical_json(data).canonical_json() == data
    document = json.loads(data)
    for record, fields in ADDED.items():
        present = set().union(*(set(r) for r in _records(document)[record]))
        assert fields <= present, (record, fields - present)
    assert document["language"] == "fr"
    assert document["parties"][0]["name"] == "Gemmes Lumière SARL"
    assert document["counterparty"]["identifiers"] == ["LEI 5493001KJTIIGC8Y1R12 (BW)"]
    assert document["matches"][0]["differs"] == ["numéro d'immatriculation\u00a0: partie BW1, liste AE2"]
    assert any(d.get("translation") for d in document["declarations"])
    assert document["regimes"] == [
        {"code": "US", "name": "États-Unis", "why": "pays d'importation\u00a0: États-Unis"}
    ]


def test_content_signed_before_the_additions_reads_back_byte_for_byte(
    shared_dir: Path, identity: SigningIdentity
) -> None:
    """A format-1 content as signed before any addition: the same bytes after reading it back."""
    document = json.loads(_full(shared_dir, identity, "en").canonical_json())
    for record, fields in ADDED.items():
        for item in _records(document)[record]:
            for name in fields:
                item.pop(name, None)
    document.pop("parties", None)
    old = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    again = AttestationContent.from_canonical_json(old)
    assert again.canonical_json() == old
    assert again.lang == "en" and again.parties == [] and again.language is None
