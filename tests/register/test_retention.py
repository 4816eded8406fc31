"""Records are kept at least 10 years (OFAC, 31 CFR 501.601): younger ones cannot be deleted."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.register import RecordKind, Register, RegisterError, RetentionError
from tests.register.conftest import NOW, MakeAssessment, pdf_for

TEN_YEARS_LATER = NOW.replace(year=NOW.year + 10)


def test_deleting_a_younger_record_is_refused(register: Register, make_assessment: MakeAssessment) -> None:
    assessment_id = register.record_assessment(make_assessment())
    with pytest.raises(RetentionError, match=r"kept 10 years \(OFAC record-keeping, 31 CFR 501.601\)"):
        register.delete(
            f"assessment:{assessment_id}", reason="clean-up", now=TEN_YEARS_LATER - timedelta(days=1)
        )
    assert register.assessment(assessment_id) is not None
    assert register.verify().ok


def test_a_record_past_retention_can_be_deleted_and_the_chain_still_verifies(
    register: Register, make_assessment: MakeAssessment
) -> None:
    old = register.record_assessment(make_assessment(lot_id="OLD"))
    young = register.record_assessment(make_assessment(lot_id="YOUNG", assessed_at=NOW + timedelta(days=400)))
    register.issue_attestation(old, pdf_for, now=NOW)
    with pytest.raises(RegisterError, match="still referenced"):
        register.delete(f"assessment:{old}", reason="retention period over", now=TEN_YEARS_LATER)
    register.delete("attestation:CS-2026-000001", reason="retention period over", now=TEN_YEARS_LATER)
    register.delete(f"assessment:{old}", reason="retention period over", now=TEN_YEARS_LATER)
    assert register.assessment(old) is None
    assert [r.lot_id for r in register.list_records([RecordKind.ASSESSMENT])] == ["YOUNG"]
    with pytest.raises(RetentionError):
        register.delete(f"assessment:{young}", reason="retention period over", now=TEN_YEARS_LATER)
    report = register.verify()
    assert report.ok, report.describe()
    deletions = register.connection.execute("SELECT ref FROM audit_log WHERE kind = 'delete'").fetchall()
    assert deletions == [("attestation:CS-2026-000001",), (f"assessment:{old}",)]


def test_the_retention_period_cannot_go_below_ten_years(
    register: Register, make_assessment: MakeAssessment
) -> None:
    assert register.retention_years() == 10
    with pytest.raises(RetentionError, match="cannot be less than 10 years"):
        register.set_retention_years(9, now=NOW)
    register.set_retention_years(12, now=NOW)
    assert register.retention_years() == 12
    assessment_id = register.record_assessment(make_assessment())
    with pytest.raises(RetentionError, match="kept 12 years"):
        register.delete(f"assessment:{assessment_id}", reason="x", now=TEN_YEARS_LATER + timedelta(days=1))
    assert register.verify().ok


def test_a_setting_lowered_behind_the_apps_back_does_not_shorten_retention(
    data_dir: Path, make_assessment: MakeAssessment
) -> None:
    with Register.in_data_dir(data_dir, now=NOW) as register:
        assessment_id = register.record_assessment(make_assessment())
    conn = sqlite3.connect(data_dir / "register.sqlite")
    conn.execute("UPDATE settings SET value = '1'")
    conn.commit()
    conn.close()
    with Register.in_data_dir(data_dir, now=NOW) as register:
        assert register.retention_years() == 10
        with pytest.raises(RetentionError):
            register.delete(f"assessment:{assessment_id}", reason="x", now=NOW.replace(year=NOW.year + 2))
        report = register.verify()
        assert not report.ok and "setting:retention_years was changed" in report.describe()


def test_only_record_kinds_can_be_deleted_and_a_reason_is_required(
    register: Register, make_assessment: MakeAssessment
) -> None:
    assessment_id = register.record_assessment(make_assessment())
    with pytest.raises(RegisterError, match="only"):
        register.delete("setting:retention_years", reason="x", now=TEN_YEARS_LATER)
    with pytest.raises(RegisterError, match="needs a reason"):
        register.delete(f"assessment:{assessment_id}", reason=" ", now=TEN_YEARS_LATER)
