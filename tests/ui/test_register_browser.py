"""The register browser for people (lot, sides, verdict, date, number; the JSON one click away), Recent work the
same way, and signed attestations held against the register, which names a rollback (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.register import FILE_NAME
from tests.attestation.conftest import two_attestations_and_a_backup
from tests.register.test_rollback import _replace_by_hand


@pytest.fixture
def dealer(data_dir: Path, shared_dir: Path, tmp_path: Path, firm_settings: Any) -> tuple[list[Path], Path]:
    """Two attestations issued in the test's data folder, a backup taken between them."""
    return two_attestations_and_a_backup(data_dir, shared_dir, tmp_path)


def test_records_read_as_lot_sides_verdict_date_and_number(
    qtbot: Any, dealer: tuple[list[Path], Path], make_window: Any
) -> None:
    window = make_window()
    recent = window.start.recent
    rows = [[recent.topLevelItem(i).text(c) for c in range(5)] for i in range(recent.topLevelItemCount())]
    assert rows, "recent work lists the attestations"
    first = rows[0]
    assert first[0] and first[4].startswith("CS-2026-"), first
    assert "→" in first[1] or first[1], "the sides of the deal are named"
    assert not any(r[1].startswith("assessment:") for r in rows), "no internal records as names"

    recent.setCurrentItem(recent.topLevelItem(0))
    assert window.start.details_button.isEnabled()
    window.start.details_button.click()
    dialog = window.register_dialog
    current = dialog.records.currentItem()
    assert current.text(5) == first[4], "the register opens on that record"
    assert json.loads(dialog.details.toPlainText())["number"] == first[4], "the JSON one click away"
    assert first[4] in dialog.summary.text()
    headers = [dialog.records.headerItem().text(c) for c in range(dialog.records.columnCount())]
    assert headers == ["Date (UTC)", "Kind", "Lot", "Seller → buyer", "Verdict", "Attestation"]
    dialog.close()


def test_attestations_held_against_the_register_name_a_rollback(
    qtbot: Any, dealer: tuple[list[Path], Path], make_window: Any, data_dir: Path
) -> None:
    pdfs, backup = dealer
    window = make_window()
    dialog = window.on_register()
    with qtbot.waitSignal(dialog.anchors_checked, timeout=60000) as checked:
        dialog.check_against(pdfs)
    assert [c.ok for c in checked.args[0]] == [True, True]
    assert "agrees with every attestation" in dialog.summary.text()
    dialog.close()

    window.services.workspace.close()  # let go of the register file, as at the next start
    _replace_by_hand(backup, data_dir / FILE_NAME)
    (data_dir / "register-watermark.json").unlink()
    dialog = window.on_register()
    with qtbot.waitSignal(dialog.anchors_checked, timeout=60000) as checked:
        dialog.check_against(pdfs)
    first, second = checked.args[0]
    assert first.ok and not second.ok
    text = dialog.summary.text()
    assert "does not agree with 1 attestation(s)" in text
    assert "rolled back" in text and second.number in text
    dialog.close()
