"""`clearstone check` as a script sees it: options, exit codes, the readable table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.lot import save_lot
from tests.lotfactory import make_lot, rough


@pytest.fixture
def blocked_lot(tmp_path: Path) -> Path:
    path = tmp_path / "blocked.lot.json"
    save_lot(make_lot(), path)  # Russian rough cut in India, 1.00 ct, 2026
    return path


@pytest.fixture
def cleared_lot(tmp_path: Path) -> Path:
    path = tmp_path / "cleared.lot.json"
    save_lot(rough("BW", transaction__jurisdictions=["US", "UK"]), path)
    return path


def test_jurisdiction_option_replaces_the_lots(
    blocked_lot: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            [
                "check",
                str(blocked_lot),
                "--jurisdiction",
                "JP",
                "--jurisdiction",
                "UK",
                "--json",
                "--no-record",
            ]
        )
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert list(document["jurisdictions"]) == ["JP", "UK"]


def test_on_date_applies_the_law_of_that_day(
    blocked_lot: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", str(blocked_lot), "--on", "2023-06-01", "--json", "--no-record"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["date"] == "2023-06-01"
    assert document["jurisdictions"]["US"]["verdict"] == "cleared"


@pytest.mark.parametrize(
    ("fail_on", "code"), [("blocked", 4), ("review", 4), ("needs_evidence", 4), ("cleared", 4)]
)
def test_fail_on(blocked_lot: Path, data_dir: Path, fail_on: str, code: int) -> None:
    assert run(["check", str(blocked_lot), "--fail-on", fail_on, "--no-record"]) == code


def test_fail_on_passes_a_cleared_lot(
    cleared_lot: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", str(cleared_lot), "--fail-on", "needs_evidence", "--no-record", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "cleared"


def test_human_output_is_a_table_with_sources(
    blocked_lot: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", str(blocked_lot), "--no-record"]) == 0
    out = capsys.readouterr().out
    assert "Verdict: BLOCKED" in out
    assert "Jurisdiction" in out and "Deciding rule" in out
    assert "US-R2" in out and "Source: OFAC determination" in out
    assert "{" not in out.splitlines()[0]


def test_bad_usage_exits_2(blocked_lot: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run(["check", "x.lot.json", "--on", "yesterday"])
    assert stop.value.code == 2
    capsys.readouterr()
    # which regimes exist is the rule pack's to say, so an unknown one is refused once the pack is read
    assert run(["check", str(blocked_lot), "--jurisdiction", "DE"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "unknown jurisdiction DE (the rule pack knows US, EU, UK" in error


def test_checks_are_recorded_in_the_register(
    blocked_lot: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", str(blocked_lot), "--json"]) == 0
    capsys.readouterr()
    assert (data_dir / "register.sqlite").exists()
    assert run(["register", "verify", "--data-dir", str(data_dir)]) == 0
