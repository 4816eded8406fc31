"""Fixtures for the register tests: real Assessments built from the shared S01 lot, and an open register."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.assessment import Assessment, PackRef, ScreeningSummary
from desktop.lot import Lot, load_lot
from desktop.register import Register
from desktop.rules.result import Finding, JurisdictionResult, Verdict
from desktop.screening.types import ListInfo, Match

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
MakeAssessment = Callable[..., Assessment]


@pytest.fixture(scope="session")
def base_lot(shared_dir: Path) -> Lot:
    return load_lot(shared_dir / "fixtures" / "lots" / "S01.lot.json")


def sdn_match(query: str, entry_id: str = "34644", name: str = "ALROSA") -> Match:
    return Match(
        query=query,
        list="OFAC-SDN",
        entry_id=entry_id,
        name=name,
        alias=name,
        score=0.97,
        strong=True,
        jurisdictions=["US"],
        bindings=[],
        why="exact name after normalisation",
    )


def build_assessment(
    lot: Lot,
    *,
    lot_id: str | None = None,
    counterparty: str | None = None,
    kind: str | None = None,
    assessed_at: datetime = NOW,
    verdict: Verdict = Verdict.CLEARED,
    matches: list[Match] | None = None,
    invoice: dict[str, Any] | None = None,
) -> Assessment:
    """A real Assessment around a variant of the lot: only the facts a test varies are changed."""
    data = lot.model_dump(mode="json")
    if lot_id is not None:
        data["lot_id"] = lot_id
    if counterparty is not None:
        data["counterparty"]["name"] = counterparty
    if kind is not None:
        data["transaction"]["kind"] = kind
    if invoice is not None:
        data["transaction"]["invoice"] = invoice
    variant = Lot.model_validate(data)
    finding = Finding(
        rule="US-R1", jurisdiction="US", outcome=verdict, summary="Botswana-mined rough", source="EO 14068"
    )
    return Assessment(
        lot=variant,
        date=variant.transaction.date,
        verdict=verdict,
        jurisdictions={"US": JurisdictionResult(jurisdiction="US", verdict=verdict, findings=[finding])},
        screening=ScreeningSummary(
            lists=[
                ListInfo(
                    id="OFAC-SDN",
                    name="Specially Designated Nationals",
                    source="treasury.gov",
                    jurisdictions=["US"],
                    as_of=date(2026, 11, 20),
                    entries=17000,
                    sha256="ab" * 32,
                )
            ],
            matches=matches or [],
            parties=[variant.counterparty.name, *(o.name for o in variant.counterparty.owners)],
        ),
        rule_pack=PackRef(
            id="clearstone-core", version="2026.11.1", as_of=date(2026, 11, 1), sha256="cd" * 32
        ),
        assessed_at=assessed_at,
    )


@pytest.fixture
def make_assessment(base_lot: Lot) -> MakeAssessment:
    def make(**changes: Any) -> Assessment:
        return build_assessment(base_lot, **changes)

    return make


@pytest.fixture
def register(data_dir: Path) -> Iterator[Register]:
    with Register.in_data_dir(data_dir, now=NOW) as opened:
        yield opened


def pdf_for(number: str) -> bytes:
    """Stands in for the attestation helper's signed PDF: distinct bytes per number are all the register needs."""
    return f"%PDF-1.7\n% attestation {number}\n%%EOF\n".encode()
