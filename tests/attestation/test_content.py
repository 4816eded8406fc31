"""Which declarations fit which lot, and the attested content built from an assessment."""

from __future__ import annotations

from pathlib import Path

from desktop.attestation.content import Issuer, build_content
from desktop.attestation.declarations import CBP_JEWELRY_UNSORTED, CBP_NON_INDUSTRIAL, WDC_SOW_2021
from desktop.identity import SigningIdentity
from desktop.lot import Category
from tests.attestation.helpers import NOW, assessment, lot


def _content(
    shared_dir: Path,
    identity: SigningIdentity,
    scenario: str,
    *,
    sow_id: str | None = "SOW-1",
    **lot_update: object,
):  # type: ignore[no-untyped-def]
    the_lot = lot(shared_dir, scenario)
    if lot_update:
        the_lot = the_lot.model_copy(update=lot_update)
    return build_content(
        assessment(the_lot),
        number="CS-2026-000001",
        issued_at=NOW,
        issuer=Issuer.from_identity(identity, sow_id),
    )


def _kinds(content) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.kind for d in content.declarations]


def test_natural_lot_for_us_gets_sow_cbp_and_non_russian(shared_dir: Path, identity: SigningIdentity) -> None:
    content = _content(shared_dir, identity, "S01")
    assert _kinds(content) == ["wdc_sow_2021", "us_cbp_self_certification", "non_russian_origin"]
    assert content.declaration("wdc_sow_2021").text == WDC_SOW_2021  # type: ignore[union-attr]
    assert "SOW-1" in content.declaration("wdc_sow_2021").title  # type: ignore[union-attr]
    assert content.declaration("us_cbp_self_certification").text == CBP_NON_INDUSTRIAL  # type: ignore[union-attr]


def test_jewellery_gets_the_jewelry_sentence(shared_dir: Path, identity: SigningIdentity) -> None:
    s01 = lot(shared_dir, "S01")
    goods = s01.goods.model_copy(update={"category": Category.JEWELLERY, "hs_code": "7113.19"})
    content = _content(shared_dir, identity, "S01", goods=goods)
    assert content.declaration("us_cbp_self_certification").text == CBP_JEWELRY_UNSORTED  # type: ignore[union-attr]


def test_lab_grown_gets_a_disclosure_and_no_conflict_free_wording(
    shared_dir: Path, identity: SigningIdentity
) -> None:
    content = _content(shared_dir, identity, "S16")
    assert _kinds(content) == ["lab_grown", "non_russian_origin"]
    text = " ".join(d.text for d in content.declarations)
    assert "laboratory-grown" in text and "no conflict-free warranty" in text
    assert "guarantees that these diamonds are conflict free" not in text
    omitted = {o.kind for o in content.omitted_declarations}
    assert omitted == {"wdc_sow_2021", "us_cbp_self_certification"}


def test_russian_link_is_disclosed_instead_of_declared_away(
    shared_dir: Path, identity: SigningIdentity
) -> None:
    content = _content(shared_dir, identity, "S05")  # Russian rough cut in India, 0.49 ct
    kinds = _kinds(content)
    assert "non_russian_origin" not in kinds and "us_cbp_self_certification" not in kinds
    link = content.declaration("russian_link")
    assert link is not None and "mined in Russia" in link.text and "2025-05-12" in link.text


def test_no_sow_id_or_no_supplier_warranty_omits_the_sow_statement(
    shared_dir: Path, identity: SigningIdentity
) -> None:
    content = _content(shared_dir, identity, "S01", sow_id=None)
    assert "wdc_sow_2021" not in _kinds(content)
    assert any("SoW ID" in o.reason for o in content.omitted_declarations)
    s01 = lot(shared_dir, "S01")
    tx = s01.transaction.model_copy(update={"invoice": None})
    content = _content(shared_dir, identity, "S01", transaction=tx)
    assert any("corroborated" in o.reason for o in content.omitted_declarations)


def test_content_hash_is_stable_and_covers_every_fact(shared_dir: Path, identity: SigningIdentity) -> None:
    a = _content(shared_dir, identity, "S01")
    b = _content(shared_dir, identity, "S01")
    assert a.sha256() == b.sha256()
    assert a.model_copy(update={"buyer": "Someone else"}).sha256() != a.sha256()
    assert type(a).from_canonical_json(a.canonical_json()) == a
