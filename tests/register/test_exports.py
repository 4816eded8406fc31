"""Exports: JSON that lets anyone recompute the chain, CSV for spreadsheets, the yearly SoW reconciliation."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

from desktop.register import Register
from desktop.register.chain import GENESIS, entry_hash
from tests.register.conftest import NOW, MakeAssessment, pdf_for


def test_json_export_holds_every_record_and_a_recomputable_chain(
    register: Register, make_assessment: MakeAssessment, tmp_path: Path
) -> None:
    assessment = make_assessment()
    assessment_id = register.record_assessment(assessment)
    register.issue_attestation(assessment_id, pdf_for, now=NOW)
    target = tmp_path / "register.json"
    register.export_json(target)
    document = json.loads(target.read_text())
    assert document["format"] == "clearstone.register-export/1"
    assert document["assessments"][0]["sha256"] == assessment.sha256()
    assert document["assessments"][0]["assessment"]["lot"]["lot_id"] == assessment.lot.lot_id
    assert document["attestations"][0]["number"] == "CS-2026-000001"
    prev = GENESIS
    for entry in document["audit_log"]:
        assert entry["prev_hash"] == prev
        fields = (entry[k] for k in ("seq", "at", "kind", "ref", "payload_sha256", "prev_hash"))
        assert entry_hash(*fields) == entry["hash"]
        prev = entry["hash"]
    assert prev == register.verify().head_hash


def test_csv_export_has_one_line_per_record(
    register: Register, make_assessment: MakeAssessment, tmp_path: Path
) -> None:
    for n in range(3):
        register.record_assessment(make_assessment(lot_id=f"L-{n}", assessed_at=NOW + timedelta(minutes=n)))
    target = tmp_path / "register.csv"
    register.export_csv(target)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [r["lot_id"] for r in rows] == ["L-2", "L-1", "L-0"]
    assert rows[0]["kind"] == "assessment" and rows[0]["summary"].startswith("assessment: cleared")


def _sow(statement: str | None, sow_id: str | None, on: str = "2026-11-18") -> dict[str, str | None]:
    return {"number": "INV-1", "date": on, "sow_statement": statement, "sow_id": sow_id}


def test_sow_reconciliation_lists_warranties_received_and_issued(
    register: Register, make_assessment: MakeAssessment, tmp_path: Path
) -> None:
    bought = register.record_assessment(make_assessment(lot_id="BUY-1", invoice=_sow("2021", "SOW-BW-20417")))
    register.record_assessment(make_assessment(lot_id="BUY-OLD", kind="purchase", invoice=_sow("2002", None)))
    register.record_assessment(make_assessment(lot_id="BUY-NONE", invoice=_sow(None, None)))
    register.record_assessment(
        make_assessment(lot_id="SELL-1", kind="sale", invoice=_sow("2021", "SOW-US-1"))
    )
    register.record_assessment(
        make_assessment(lot_id="BUY-2025", assessed_at=NOW - timedelta(days=400), invoice=_sow("2021", "X"))
    )
    number, _ = register.issue_attestation(bought, pdf_for, now=NOW)
    target = tmp_path / "sow-2026.csv"
    # S01's transaction is dated 2026-12-01, so every lot above falls in 2026
    assert register.export_reconciliation(2026, target) > 0
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    lines = {(r["direction"], r["lot_id"]): r for r in rows if r["lot_id"]}
    assert set(lines) == {
        ("received", "BUY-1"),
        ("received", "BUY-OLD"),
        ("received", "BUY-NONE"),
        ("received", "BUY-2025"),
        ("issued", "BUY-1"),
        ("issued", "SELL-1"),
    }
    assert lines[("issued", "BUY-1")]["attestation"] == number
    assert lines[("received", "BUY-1")]["sow_id"] == "SOW-BW-20417"
    assert "after its transition ended on 2024-09-21" in lines[("received", "BUY-OLD")]["note"]
    assert lines[("received", "BUY-NONE")]["note"] == "no SoW warranty statement on the invoice"
    totals = {
        (r["direction"], r["category"]): r["carats"] for r in rows if r["direction"].startswith("total")
    }
    # warranted rough in: BUY-1, BUY-OLD, BUY-2025 (27.45 ct each); out: the attestation and the sale
    assert totals[("total_received", "all")] == "82.35"
    assert totals[("total_issued", "all")] == "54.90"
    assert all(r["direction"].startswith("total") for r in register.reconciliation(2019))
