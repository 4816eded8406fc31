"""Issue 12 in the window: regimes follow the facts (shown fixed, with why), decisions name a person, an exact
match is dismissed only with the fact that tells the party apart, and four eyes where the firm asks for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.screening.types import Decision
from desktop.settings import load_settings
from desktop.wizard import Step
from tests.ui.driving import choose, click, pick_country, type_into
from tests.ui.lots import lot, write_lot

EXACT_HIT = lot(
    lot_id="L-2026-0150",
    counterparty={
        "name": "ALROSA",
        "kind": "organization",
        "country": "BW",
        "registration_number": "BW00001873245",
    },
)
REASON = "Registry extract shows a Botswana company founded 2019, unrelated to the Russian PJSC"


def regime_texts(page: Any) -> dict[str, str]:
    return {code: label.text() for code, label in page.regimes.labels.items()}


def test_regimes_follow_the_facts_and_only_added_ones_can_be_removed(qtbot: Any, window: Any) -> None:
    window.new_check()
    page = window.wizard.page(Step.LOT_TRANSACTION)
    assert page.issuer.code() == "BE", "the issuer's country comes from the settings"
    shown = regime_texts(page)
    assert "your seat in Belgium" in shown["EU"]
    assert "EU" not in page.regimes.remove_buttons, "a derived regime cannot be removed"
    assert "US" in page.regimes.remove_buttons, "US is only added (the firm's settings), so removable"

    # the buyer in New York brings the US in by itself: no longer removable
    window.wizard.checklist.set_value(("counterparty", "role"), "buyer")
    window.wizard.checklist.set_value(("counterparty", "country"), "US")
    shown = regime_texts(page)
    assert "buyer in United States" in shown["US"] and "US" not in page.regimes.remove_buttons

    choose(qtbot, page.regimes.adder, "UK · United Kingdom")
    click(qtbot, page.regimes.add_button)
    assert window.wizard.checklist.value(("transaction", "jurisdictions")) == ["US", "EU", "UK"]
    assert "added by you" in regime_texts(page)["UK"]
    click(qtbot, page.regimes.remove_buttons["UK"])
    assert "UK" not in window.wizard.checklist.value(("transaction", "jurisdictions"))
    assert "UK" not in regime_texts(page)

    # the dealer's seat decides too: a US firm's check is under US rules whatever the lot lists
    pick_country(qtbot, page.issuer, "United States")
    assert window.wizard.checklist.value(("transaction", "issuer_country")) == "US"
    assert "your seat in United States" in regime_texts(page)["US"]
    assert "EU" in page.regimes.remove_buttons, "EU is now only listed"


def test_people_are_kept_in_the_settings_and_chosen_at_start(qtbot: Any, window: Any, data_dir: Path) -> None:
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services, window)
    dialog.show()
    type_into(qtbot, dialog.person_name, "Marc Janssens")
    click(qtbot, dialog.add_person)
    click(qtbot, dialog.four_eyes)
    with qtbot.waitSignal(dialog.settings_saved):
        dialog.save()
    saved = load_settings(data_dir)
    assert saved.people == ("Marc Janssens",) and saved.second_person_for_exact
    assert window.services.people() == ["Ilse Peeters", "Marc Janssens"], "the signer is one of them"

    window.ask_who_decides()  # two people share this computer: who is at the keyboard?
    chooser = window.person_dialog
    assert chooser.isVisible()
    chooser.person.setCurrentText("Marc Janssens")
    click(qtbot, chooser.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert window.services.decided_by() == "Marc Janssens"
    assert window.status_strip.person.text() == "Deciding: Marc Janssens"


def test_nobody_is_an_unknown_user(qtbot: Any, window: Any) -> None:
    from desktop.ui.dialogs.person_dialog import PersonDialog

    dialog = PersonDialog(["Ilse Peeters"], "unknown user", parent=window)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "name of a person" in dialog.problem.text()
    dialog.close()


def open_exact_hit(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    assert window.open_lot(write_lot(tmp_path, EXACT_HIT))
    wizard = window.wizard
    page = wizard.page(Step.COUNTERPARTY)
    with qtbot.waitSignal(page.screening_finished, timeout=30000):
        wizard.go_to(Step.COUNTERPARTY)
    return page


def decide_all(qtbot: Any, page: Any) -> Any:
    """Dismiss every match: the exact one with the registration number that differs."""
    exact = next(card for card in page.match_cards if card.exact)
    assert exact.differs_box.isVisible()
    type_into(qtbot, exact.reason, REASON)
    choose(qtbot, exact.field, "Registration number")
    assert exact.party_value.text() == "BW00001873245", "the party's own value is offered from the lot"
    assert exact.listed_value.placeholderText().startswith("not given by the list")
    type_into(qtbot, exact.party_value, "")
    assert not exact.not_match.isEnabled(), "an exact match is not dismissed without the differing fact"
    type_into(qtbot, exact.party_value, "BW00001873245")
    click(qtbot, exact.not_match)
    for card in page.match_cards:
        if card is not exact:
            assert not card.differs_box.isVisible(), "a possible match needs a reason, not a differing fact"
            type_into(qtbot, card.reason, "Different company: ALROSA USA is a US subsidiary, not this party")
            click(qtbot, card.not_match)
    return exact


def test_an_exact_match_is_dismissed_only_with_the_fact_that_differs(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    page = open_exact_hit(qtbot, window, tmp_path)
    exact = decide_all(qtbot, page)
    decision = next(d for d in window.wizard.checklist.decisions if d.entry_id == exact.match.entry_id)
    assert decision.decision is Decision.NOT_A_MATCH and decision.decided_by == "Ilse Peeters"
    [fact] = decision.differs
    assert (fact.field, fact.party_value) == ("registration", "BW00001873245")
    assert "Registration number" in exact.status.text() and "Ilse Peeters" in exact.status.text()

    review = window.wizard.review
    with qtbot.waitSignal(review.check_finished, timeout=60000) as checked:
        window.wizard.go_to(Step.REVIEW)
    assert checked.args[0] != "blocked", window.wizard.checklist.attest_refusal()
    screening = [w.text() for w in review.findChildren(QLabel) if "ALROSA" in w.text()]
    assert any("Ilse Peeters" in text for text in screening), "the review names who decided"


def test_four_eyes_keep_attest_closed_until_a_second_person_confirms(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    services = window.services
    services.save_settings(
        services.settings().updated(people=("Marc Janssens",), second_person_for_exact=True)
    )
    page = open_exact_hit(qtbot, window, tmp_path)
    decide_all(qtbot, page)
    wizard, review = window.wizard, window.wizard.review
    with qtbot.waitSignal(review.check_finished, timeout=60000):
        wizard.go_to(Step.REVIEW)
    assert wizard.checklist.attest_refusal() is not None, "the dismissal waits for a second person"
    assert not wizard.next_button.isEnabled() or not wizard.checklist.can_go_next()
    assert len(review.confirm_buttons) == 1
    labels = " ".join(w.text() for w in review.findChildren(QLabel))
    assert "awaiting confirmation by a second person" in labels

    # the person who decided cannot confirm their own dismissal
    from desktop.ui.dialogs.person_dialog import PersonDialog

    waiting = services.awaiting_confirmation(
        wizard.checklist.assessment.screening.matches, wizard.checklist.decisions
    )
    dialog = PersonDialog(services.people(), "", excluded=waiting[0].decided_by, parent=window)
    assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == ["Marc Janssens"]
    dialog.person.setCurrentText("Ilse Peeters")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.close()

    with qtbot.waitSignal(review.check_finished, timeout=60000) as rechecked:
        assert review.confirm_dismissal(waiting[0], "Marc Janssens", listed="PJSC ALROSA")
    confirmed = next(d for d in wizard.checklist.decisions if d.entry_id == waiting[0].entry_id)
    assert confirmed.confirmed_by == "Marc Janssens"
    assert not review.confirm_buttons
    assert rechecked.args[0] != "blocked"
    assert not services.awaiting_confirmation(
        wizard.checklist.assessment.screening.matches, wizard.checklist.decisions
    )
