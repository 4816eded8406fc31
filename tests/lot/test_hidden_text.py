"""Names are canonical before anything reads them: what is screened is what the attestation prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.lot import LotError, parse_lot
from tests.lotfactory import lot_data, rough


def _lot(**overrides: object) -> bytes:
    return json.dumps(lot_data(**overrides)).encode("utf-8")


@pytest.mark.parametrize(
    "written",
    [
        "AL\u200dRO\u200cSA",
        "AL\u00adROSA",
        "\ufeffALROSA",
        "ALR\u041eSA",
        "\uff21\uff2c\uff32\uff2f\uff33\uff21",
    ],
    ids=["zero-width", "soft-hyphen", "bom", "cyrillic-o", "full-width"],
)
def test_a_name_is_stored_as_it_reads_and_the_change_is_noted(written: str) -> None:
    lot = parse_lot(_lot(counterparty__name=written))
    assert lot.counterparty.name == "ALROSA"
    (note,) = lot.text_notes
    assert note.path == "counterparty.name" and note.describe().startswith("counterparty.name: ")


def test_direction_controls_are_refused_in_any_text() -> None:
    for field in ("counterparty__name", "description"):
        with pytest.raises(
            LotError, match="RIGHT-TO-LEFT OVERRIDE: a direction control makes text read differently"
        ):
            parse_lot(_lot(**{field: "\u202eASORLA"}))


def test_free_text_loses_invisibles_only() -> None:
    lot = parse_lot(_lot(description="Round\u200b brilliant ½ ct"))
    assert lot.description == "Round brilliant ½ ct"  # no compatibility folding of free text
    assert [n.describe() for n in lot.text_notes] == [
        "description: invisible characters removed (U+200B ZERO WIDTH SPACE)"
    ]


def test_a_hidden_alrosa_is_blocked_and_the_check_says_what_was_read(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = rough("AO", transaction__jurisdictions=["US"], counterparty__name="AL\u200dRO\u200cSA",
                counterparty__country="RU")  # fmt: skip
    path = tmp_path / "hidden.lot.json"
    path.write_text(
        json.dumps(lot.model_dump(mode="json")).replace("ALROSA", "AL\\u200dRO\\u200cSA"), encoding="utf-8"
    )
    assert run(["check", str(path), "--json", "--no-record"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["verdict"] == "blocked"
    notes = [f for f in document["jurisdictions"]["US"]["findings"] if f["rule"] == "CS-TEXT"]
    assert notes and "U+200D ZERO WIDTH JOINER" in notes[0]["summary"]
