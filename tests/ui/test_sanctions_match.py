"""A possible sanctions match: shown with why it matched, resolved by a person with a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.screening.types import Decision
from desktop.wizard import Step
from tests.ui.driving import click, type_into
from tests.ui.lots import POSSIBLE_MATCH, write_lot


def test_possible_match_is_resolved_with_a_reason(
    qtbot: Any, window: Any, services: Any, tmp_path: Path
) -> None:
    assert window.open_lot(write_lot(tmp_path, POSSIBLE_MATCH))
    wizard = window.wizard
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        wizard.go_to(Step.REVIEW)
    assert checked.args == ["review"]
    fix = [b for b in wizard.review.fix_buttons if "Seller and buyer" in b.text()]
    assert fix, "the review item offers a way to resolve it"

    counterparty = wizard.page(Step.COUNTERPARTY)
    with qtbot.waitSignal(counterparty.screening_finished, timeout=30000) as screened:
        click(qtbot, fix[0])
    assert wizard.checklist.step is Step.COUNTERPARTY
    assert screened.args[0] >= 1
    card = counterparty.match_cards[0]
    assert card.match.name == "Kristall Production Corporation"
    assert "KRISTAL~KRISTALL" in card.match.why  # the card says why it matched
    assert not card.not_match.isEnabled(), "no decision without a reason"

    reason = (
        "Different company: registered in Botswana 2019, no link to Kristall (Smolensk) per registry extract"
    )
    type_into(qtbot, card.reason, reason)
    click(qtbot, card.not_match)
    [decision] = wizard.checklist.decisions
    assert decision.decision is Decision.NOT_A_MATCH and decision.reason == reason
    assert decision.decided_by == "Ilse Peeters"
    assert "Not a match" in card.status.text()
    assert not counterparty.undecided()

    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        wizard.go_to(Step.REVIEW)
    assert checked.args == ["cleared"]
    assert wizard.next_button.isEnabled()
    recorded = services.workspace.register().decisions()
    assert [d.reason for d in recorded] == [reason]


def test_typing_a_listed_name_screens_off_the_gui_thread(qtbot: Any, window: Any) -> None:
    click(qtbot, window.start.new_button)
    wizard = window.wizard
    wizard.checklist.set_value(("lot_id",), "L-1")
    wizard.checklist.set_value(("goods", "largest_stone_carats"), "0.50")
    wizard.checklist.set_value(("origin", "mining_countries"), ["BW"])
    wizard.checklist.append_item(("processing",), {"country": "IN", "activity": "cutting_polishing"})
    assert wizard.go_to(Step.COUNTERPARTY)
    page = wizard.page(Step.COUNTERPARTY)
    finished: list[int] = []
    page.screening_finished.connect(finished.append)
    with qtbot.waitSignal(page.screening_started, timeout=5000):
        type_into(qtbot, page.name, "ALROSA USA Inc")
    if not finished:
        assert page.screening_status.text() == "Screening…"  # the window answers while the worker screens
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)
    assert finished[-1] >= 1
    assert any(card.match.strong for card in page.match_cards)
