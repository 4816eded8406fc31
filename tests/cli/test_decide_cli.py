"""Decisions recorded with `clearstone decide` settle possible matches and review findings in later checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.lot import save_lot
from tests.lotfactory import make_lot


def _check(path: Path, capsys: pytest.CaptureFixture[str], *, record: bool = False) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert run(["check", str(path), "--json", *([] if record else ["--no-record"])]) == 0
    return json.loads(capsys.readouterr().out)


def test_review_finding_settled_by_a_person(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = make_lot(
        lot_id="RING-1",
        goods__category="jewellery",
        goods__hs_code="7113.19",
        goods__largest_stone_carats="0.90",
        transaction__jurisdictions=["EU"],
        processing=[
            {"country": "IN", "activity": "cutting_polishing"},
            {"country": "TH", "activity": "setting"},
        ],
    )
    path = tmp_path / "ring.lot.json"
    save_lot(lot, path)
    before = _check(path, capsys, record=True)
    assert before["jurisdictions"]["EU"]["verdict"] == "review"
    # a lot that was never checked has no finding to settle; "x" is no reason and "A" nobody in particular
    assert run(["decide", "review", "OTHER-LOT", "EU", "EU-R4-C", "--as", "cleared", "--reason",
                "Council has not activated Part C", "--by", "E. Peeters, MLRO"]) == 2  # fmt: skip
    assert "check the lot first" in capsys.readouterr().err
    assert (
        run(["decide", "review", "RING-1", "EU", "EU-R4-C", "--as", "cleared", "--reason", "x", "--by", "A"])
        == 2
    )
    assert "reason of at least 3 words" in capsys.readouterr().err
    assert run(["decide", "review", "RING-1", "EU", "EU-R4-C", "--as", "cleared", "--reason",
                "Council has not activated Part C", "--by", "unknown user"]) == 2  # fmt: skip
    assert "name of the person deciding" in capsys.readouterr().err
    assert _check(path, capsys)["jurisdictions"]["EU"]["verdict"] == "review"  # nothing was recorded
    assert (
        run(
            [
                "decide",
                "review",
                "RING-1",
                "EU",
                "EU-R4-C",
                "--as",
                "cleared",
                "--reason",
                "Council has not activated Part C (checked EUR-Lex 2026-11-30)",
                "--by",
                "E. Peeters, MLRO",
            ]
        )
        == 0
    )
    after = _check(path, capsys)
    assert after["jurisdictions"]["EU"]["verdict"] == "cleared"
    finding = next(f for f in after["jurisdictions"]["EU"]["findings"] if f["rule"] == "EU-R4-C")
    assert "resolved as cleared by E. Peeters, MLRO" in finding["summary"]
    assert after["reviews"][0]["rule"] == "EU-R4-C"


def test_blocked_findings_cannot_be_talked_away(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blocked.lot.json"
    save_lot(make_lot(lot_id="B-1", transaction__jurisdictions=["US"]), path)
    assert _check(path, capsys, record=True)["jurisdictions"]["US"]["verdict"] == "blocked"
    reason = ["--reason", "the buyer says the stone is not Russian", "--by", "A. Smith, trader"]
    assert run(["decide", "review", "B-1", "US", "US-R2", "--as", "cleared", *reason]) == 2
    assert "only a finding in review can be settled; this one is blocked" in capsys.readouterr().err
    assert _check(path, capsys)["jurisdictions"]["US"]["verdict"] == "blocked"


def test_possible_match_needs_a_person(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = make_lot(
        lot_id="M-1",
        transaction__jurisdictions=["US"],
        goods__largest_stone_carats="0.30",
        origin__mining_countries=["BW"],
        origin__exported_from_russia_on=None,
        origin__located_outside_russia_since=None,
        counterparty__kind="person",
        counterparty__name="Pavel Marinychev",
        counterparty__country="RU",
    )
    path = tmp_path / "m.lot.json"
    save_lot(lot, path)
    document = _check(path, capsys)
    matches = [m for m in document["screening"]["matches"] if not m["strong"]]
    assert matches, document["screening"]
    match = matches[0]
    assert document["jurisdictions"]["US"]["verdict"] == "review"
    assert (
        run(
            [
                "decide",
                "not-a-match",
                "Pavel Marinychev",
                match["list"],
                match["entry_id"],
                "--reason",
                "different date of birth (passport copy on file)",
                "--by",
                "A. Smith",
            ]
        )
        == 0
    )
    assert _check(path, capsys)["jurisdictions"]["US"]["verdict"] == "cleared"
    assert (
        run(
            [
                "decide",
                "match",
                "Pavel Marinychev",
                match["list"],
                match["entry_id"],
                "--reason",
                "same passport number on the invoice",
                "--by",
                "A. Smith",
            ]
        )
        == 0
    )
    settled = _check(path, capsys)
    assert settled["jurisdictions"]["US"]["verdict"] == "blocked"
    assert settled["screening"]["decisions"]


def test_a_decision_needs_a_reason(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["decide", "match", "X", "CS-DIAMOND", "1", "--reason", "  ", "--by", "A"]) == 2
    assert "reason" in capsys.readouterr().err
