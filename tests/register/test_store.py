"""Recording and reading back lots, assessments, decisions, evidence, attestations and drafts."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.assessment import Assessment
from desktop.lot import Lot
from desktop.register import RecordKind, RecordNotFoundError, Register, RegisterError, ReviewResolution
from desktop.screening.types import Decision, ScreeningDecision
from tests.register.conftest import NOW, MakeAssessment, pdf_for


def test_register_lives_in_the_data_dir_with_durable_settings(register: Register, data_dir: Path) -> None:
    assert register.path == data_dir / "register.sqlite"
    pragma = register.connection.execute
    assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
    assert pragma("PRAGMA fullfsync").fetchone()[0] == 1  # macOS: flush the drive cache too
    assert pragma("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_every_changed_lot_version_is_kept(register: Register, base_lot: Lot) -> None:
    first = register.record_lot(base_lot, now=NOW)
    assert register.record_lot(base_lot, now=NOW + timedelta(minutes=1)) == first  # unchanged: no new version
    edited = base_lot.model_copy(update={"description": "re-weighed at the bourse"})
    second = register.record_lot(edited, now=NOW + timedelta(minutes=2))
    assert second != first
    versions = [r.summary for r in register.list_records([RecordKind.LOT])]
    assert versions == [f"lot {base_lot.lot_id} version 2", f"lot {base_lot.lot_id} version 1"]
    assert register.show(f"lot:{first}")["lot"]["description"] == base_lot.description


def test_assessment_is_stored_frozen_with_its_hash_and_read_back_equal(
    register: Register, make_assessment: MakeAssessment
) -> None:
    assessment = make_assessment()
    assessment_id = register.record_assessment(assessment)
    assert register.record_assessment(assessment) == assessment_id
    assert register.assessment(assessment_id) == assessment
    row = register.connection.execute(
        "SELECT sha256, verdict, lot_id, rule_pack_id, rule_pack_version, rule_pack_sha256, lists"
        " FROM assessments WHERE id = ?",
        (assessment_id,),
    ).fetchone()
    assert row[0] == assessment.sha256()
    assert row[1:6] == ("cleared", assessment.lot.lot_id, "clearstone-core", "2026.11.1", "cd" * 32)
    assert '"sha256":"' + "ab" * 32 in row[6]
    assert register.assessment(assessment_id + 1) is None


def test_assessment_links_the_lot_version_it_judged(
    register: Register, base_lot: Lot, make_assessment: MakeAssessment
) -> None:
    lot_record = register.record_lot(base_lot, now=NOW)
    assessment_id = register.record_assessment(make_assessment())
    assert register.show(str(assessment_id))["lot_record"] == lot_record


def test_screening_decisions_and_review_resolutions_round_trip(
    register: Register, make_assessment: MakeAssessment
) -> None:
    assessment_id = register.record_assessment(make_assessment())
    decision = ScreeningDecision(
        party="Kgalagadi Rough Trading (Pty) Ltd",
        list="OFAC-SDN",
        entry_id="34644",
        decision=Decision.NOT_A_MATCH,
        reason="different registration number and country",
        decided_by="A. Dealer",
        decided_at=NOW,
    )
    register.record_decision(decision, assessment_id=assessment_id)
    review = ReviewResolution(
        jurisdiction="EU",
        rule="EU-R4",
        resolution="cleared",
        reason="G7 certificate checked against the issuer's register",
        decided_by="A. Dealer",
        decided_at=NOW,
        assessment_id=assessment_id,
    )
    register.record_review(review)
    assert register.decisions() == [decision]
    assert register.reviews() == [review]
    assert len(register.show(str(assessment_id))["decisions"]) == 2
    with pytest.raises(RecordNotFoundError):
        register.record_decision(decision, assessment_id=999)


def test_evidence_is_copied_in_content_addressed(register: Register, tmp_path: Path) -> None:
    scan = tmp_path / "kp-BW0087321.pdf"
    scan.write_bytes(b"%PDF KP certificate scan")
    digest = register.add_evidence_file(scan, now=NOW)
    assert digest == hashlib.sha256(b"%PDF KP certificate scan").hexdigest()
    stored = register.evidence_path(digest)
    assert stored.read_bytes() == scan.read_bytes()
    scan.unlink()  # the register's copy does not depend on the original
    copy = tmp_path / "same-bytes-other-name.pdf"
    copy.write_bytes(b"%PDF KP certificate scan")
    assert register.add_evidence_file(copy, now=NOW) == digest
    assert len(register.list_records([RecordKind.EVIDENCE])) == 1
    with pytest.raises(RegisterError, match="no such file"):
        register.add_evidence_file(tmp_path / "missing.pdf", now=NOW)


def test_attestation_numbers_count_per_year(register: Register, make_assessment: MakeAssessment) -> None:
    assessment_id = register.record_assessment(make_assessment())
    numbers = [register.issue_attestation(assessment_id, pdf_for, now=NOW)[0] for _ in range(3)]
    assert numbers == ["CS-2026-000001", "CS-2026-000002", "CS-2026-000003"]
    next_year = NOW.replace(year=2027, month=1, day=2)
    number, pdf = register.issue_attestation(assessment_id, pdf_for, now=next_year)
    assert number == "CS-2027-000001"
    record = register.attestation(number)
    assert record is not None
    assert record.pdf == pdf == pdf_for(number)
    assert record.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert record.issued_at == next_year
    assert register.attestation("CS-2027-000002") is None


def test_the_chain_head_is_readable_while_the_pdf_is_built(
    register: Register, make_assessment: MakeAssessment
) -> None:
    assessment_id = register.record_assessment(make_assessment())
    seen: list[tuple[int, str]] = []

    def builder(number: str) -> bytes:
        seen.append(register.head())  # same thread, inside the attestation's transaction
        return pdf_for(number)

    register.issue_attestation(assessment_id, builder, now=NOW)
    seq, digest = register.head()
    assert seen == [(seq - 1, seen[0][1])] and seen[0][1] != digest
    assert register.verify().head_hash == digest


def test_a_failed_pdf_build_uses_no_number(register: Register, make_assessment: MakeAssessment) -> None:
    assessment_id = register.record_assessment(make_assessment())

    def broken(number: str) -> bytes:
        raise RuntimeError("signing key locked")

    with pytest.raises(RuntimeError):
        register.issue_attestation(assessment_id, broken, now=NOW)
    assert register.issue_attestation(assessment_id, pdf_for, now=NOW)[0] == "CS-2026-000001"
    with pytest.raises(RecordNotFoundError):
        register.issue_attestation(assessment_id + 1, pdf_for, now=NOW)


def test_drafts_restore_the_latest_state_until_discarded(data_dir: Path) -> None:
    with Register.in_data_dir(data_dir, now=NOW) as register:
        register.save_draft("wizard:KRT-26-1184", '{"step": "origin"}', now=NOW)
        register.save_draft("wizard:KRT-26-1184", '{"step": "screening"}', now=NOW + timedelta(seconds=5))
        with pytest.raises(RegisterError, match="not valid JSON"):
            register.save_draft("wizard:KRT-26-1184", "{half", now=NOW)
    with Register.in_data_dir(data_dir, now=NOW) as reopened:  # as after a crash
        draft = reopened.latest_draft("wizard:KRT-26-1184")
        assert draft is not None and draft.json_text == '{"step": "screening"}'
        assert [d.key for d in reopened.pending_drafts()] == ["wizard:KRT-26-1184"]
        reopened.discard_draft("wizard:KRT-26-1184", now=NOW + timedelta(minutes=1))
        assert reopened.latest_draft("wizard:KRT-26-1184") is None
        assert reopened.pending_drafts() == []
        assert reopened.latest_draft("never-saved") is None
        assert reopened.verify().ok


def test_list_search_and_show(register: Register, make_assessment: MakeAssessment) -> None:
    first = register.record_assessment(make_assessment(lot_id="L-1", counterparty="Orapa Gem Traders"))
    register.record_assessment(make_assessment(lot_id="L-2", counterparty="Jwaneng Diamonds 50%_off"))
    number, _ = register.issue_attestation(first, pdf_for, now=NOW + timedelta(hours=1))
    assert [r.ref for r in register.search("orapa")] == [f"attestation:{number}", f"assessment:{first}"]
    assert [r.lot_id for r in register.search("50%_")] == ["L-2"]  # LIKE wildcards are taken literally
    assert register.search("50%x") == []
    assert register.search(number)[0].ref == f"attestation:{number}"
    assert register.list_records(limit=1)[0].ref == f"attestation:{number}"
    shown = register.show(number)
    assert shown["assessment_id"] == first and shown["pdf_bytes"] == len(pdf_for(number))
    assert shown["audit"][0]["kind"] == "attestation"
    assert register.show(str(first))["attestations"] == [number]
    with pytest.raises(RecordNotFoundError):
        register.show("assessment:999")
    with pytest.raises(RecordNotFoundError):
        register.show("nonsense")


def test_records_cannot_be_updated_in_place(register: Register, make_assessment: MakeAssessment) -> None:
    assessment_id = register.record_assessment(make_assessment())
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        register.connection.execute(
            "UPDATE assessments SET verdict = 'blocked' WHERE id = ?", (assessment_id,)
        )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        register.connection.execute("DELETE FROM audit_log")


def test_a_record_is_never_kept_without_its_audit_entry(
    register: Register, make_assessment: MakeAssessment
) -> None:
    assessment: Assessment = make_assessment()
    register.connection.execute(
        "CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        register.record_assessment(assessment)
    assert register.connection.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == 0
    register.connection.execute("DROP TRIGGER temp.audit_fails")
    assessment_id = register.record_assessment(assessment)
    entries = register.connection.execute(
        "SELECT kind, ref FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchall()
    assert entries == [("assessment", f"assessment:{assessment_id}")]
    assert register.verify().ok
