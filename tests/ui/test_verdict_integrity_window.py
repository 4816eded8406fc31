"""Issue 12's two scenarios end to end in the window: a US buyer brings US law whatever is ticked; transit
through Russia is a question for a person, never a silent `cleared`, and a decision takes a person and a
reason, with no outcome chosen for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGroupBox

from desktop.ui.dialogs.review_dialog import ReviewDialog
from desktop.wizard import Step
from tests.ui.lots import lot, write_lot

RUSSIAN_TO_NEW_YORK = lot(
    lot_id="L-2026-0160",
    transaction={"date": "2026-12-01", "kind": "sale", "jurisdictions": ["NZ"]},
    goods={"category": "polished", "stone_count": 1, "total_carats": "1.00", "largest_stone_carats": "1.00"},
    origin={"mining_countries": ["RU"], "exported_from_russia_on": "2025-05-12"},
    counterparty={"role": "buyer", "name": "Hudson Fine Jewelry LLC", "country": "US"},
)
THROUGH_MOSCOW = lot(
    lot_id="L-2026-0161",
    transaction={"date": "2026-12-01", "kind": "import", "jurisdictions": ["UK"]},
    goods={"category": "rough", "stone_count": 10, "total_carats": "9.00", "largest_stone_carats": "1.20"},
    origin={"mining_countries": ["BW"], "transit_countries": ["RU"], "exported_from_russia_on": "2026-11-20"},
    processing=[],
    evidence=[
        {
            "type": "kp_certificate",
            "reference": "BW 0001234",
            "issuing_country": "BW",
            "issued_on": "2026-11-10",
            "expires_on": "2027-01-10",
            "mining_countries": ["BW"],
        },
        {"type": "g7_verification", "reference": "ADO-2026-7", "issued_on": "2026-11-25"},
    ],
)


def _review(qtbot: Any, window: Any, tmp_path: Path, data: dict[str, Any]) -> Any:
    assert window.open_lot(write_lot(tmp_path, data))
    wizard = window.wizard
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000):
        wizard.go_to(Step.REVIEW)
    return wizard.review


def _box(review: Any, code: str) -> QGroupBox:
    return next(
        w for w in review._result_widgets if isinstance(w, QGroupBox) and w.title().startswith(f"{code} ")
    )


def test_a_us_buyer_brings_us_law_whatever_is_ticked(qtbot: Any, window: Any, tmp_path: Path) -> None:
    review = _review(qtbot, window, tmp_path, RUSSIAN_TO_NEW_YORK)
    assessment = window.wizard.checklist.assessment
    assert assessment.jurisdictions["US"].verdict.value == "blocked"
    us = _box(review, "US")
    assert "buyer in United States" in us.title() and "Blocked" in us.title()
    assert window.wizard.checklist.attest_refusal() is not None  # signing stays locked
    # nothing blocked can be "decided" away
    blocked = {f.rule for f in assessment.jurisdictions["US"].findings if f.outcome.value == "blocked"}
    offered = {b.accessibleName().split()[-1] for b in review.decide_buttons}
    assert blocked and not (blocked & offered)


def test_transit_through_russia_is_a_question_for_a_named_person(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    _review(qtbot, window, tmp_path, THROUGH_MOSCOW)
    assessment = window.wizard.checklist.assessment
    transit = next(f for f in assessment.jurisdictions["UK"].findings if f.rule == "UK-TRANSIT")
    assert transit.outcome.value == "review" and transit.confidence == "U"
    assert assessment.jurisdictions["EU"].verdict.value == "blocked"  # the EU names transit itself (EU-R2)
    dialog = ReviewDialog(transit, ["Ilse Peeters", "Jan De Smet"], "Ilse Peeters", window)
    # nothing preselected, "ok" is no reason: the default button decides nothing
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.resolution.currentData() is None and not ok.isEnabled()
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("cleared"))
    dialog.reason.setPlainText("ok")
    assert not ok.isEnabled() and "reason" in dialog.problem.text()
    dialog.reason.setPlainText(
        "HMRC confirmed in writing that air transit via Moscow is not consignment from Russia"
    )
    assert ok.isEnabled()
    assert [dialog.resolution.itemData(i) for i in range(dialog.resolution.count())] == [
        None,
        "cleared",
        "blocked",
    ]
    dialog.close()
