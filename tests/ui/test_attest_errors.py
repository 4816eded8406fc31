"""Signing mistakes are explained, never crash: weak passphrase, different repeat, wrong passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.wizard import Step
from tests.ui.conftest import PASSPHRASE
from tests.ui.driving import accept_list_gaps, click, type_into
from tests.ui.lots import BOTSWANA_POLISHED, write_lot


def test_identity_and_passphrase_mistakes(qtbot: Any, window: Any, tmp_path: Path) -> None:
    assert window.open_lot(write_lot(tmp_path, BOTSWANA_POLISHED))
    wizard = window.wizard
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        wizard.go_to(Step.REVIEW)
    assert checked.args == ["cleared"]
    click(qtbot, wizard.next_button)
    attest = wizard.attest

    type_into(qtbot, attest.id_pass, "short")
    type_into(qtbot, attest.id_pass2, "shorter")
    click(qtbot, attest.create_button)
    assert attest.identity_label.text() == "The two passphrases differ."

    type_into(qtbot, attest.id_pass2, "short")
    click(qtbot, attest.create_button)
    assert "at least 8 characters" in attest.identity_label.text()
    assert attest.create_form.isVisible()

    type_into(qtbot, attest.id_pass, PASSPHRASE)
    type_into(qtbot, attest.id_pass2, PASSPHRASE)
    with qtbot.waitSignal(attest.identity_created):
        click(qtbot, attest.create_button)

    accept_list_gaps(qtbot, attest)
    type_into(qtbot, attest.passphrase, "not-the-passphrase")
    with qtbot.waitSignal(attest.signing_failed, timeout=60000) as failed:
        click(qtbot, attest.sign_button)
    assert "wrong passphrase" in failed.args[0]
    assert attest.number is None and attest.sign_button.isEnabled()
    assert window.services.workspace.register().attestations() == []  # no number was used up
