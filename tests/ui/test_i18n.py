"""Every visible string goes through the catalogue; English and French are complete and valid."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from desktop.ui import i18n
from desktop.wizard import Step

UI = Path(i18n.__file__).parent


# Helpers that translate their label argument (the second one: after the form it goes into).
LABEL_HELPERS = {
    "_action",
    "bind_line",
    "bind_combo",
    "bind_check",
    "bind_spin",
    "bind_country",
    "_row",
    "_line",
    "_combo",
    "_add",
}


def tr_literals() -> set[str]:
    found: set[str] = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("tr", "labelled") and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
            elif (
                name in LABEL_HELPERS
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                found.add(node.args[1].value)
    return found


def test_every_literal_has_a_french_translation() -> None:
    french = i18n.read_catalogue(i18n.catalogue_path("fr"))
    missing = sorted(tr_literals() - set(french))
    assert not missing, f"untranslated: {missing}"


def test_placeholders_and_mnemonics_survive_translation() -> None:
    for source, target in i18n.read_catalogue(i18n.catalogue_path("fr")).items():
        for name in (
            "{n}",
            "{date}",
            "{number}",
            "{path}",
            "{list}",
            "{days}",
            "{codes}",
            "{error}",
            "{first}",
        ):
            assert (name in source) == (name in target), (source, target)
        assert source.count("&") - source.count("&&") <= 1
        assert ("&" in source) == ("&" in target), (source, target)


LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
    "pyside6-lrelease"
)


@pytest.mark.skipif(LRELEASE is None, reason="lrelease is not installed")
def test_catalogue_compiles_with_lrelease(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(LRELEASE), str(i18n.catalogue_path("fr")), "-qm", str(tmp_path / "fr.qm")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "0 unfinished" in done.stdout


def test_unknown_language_falls_back_to_english() -> None:
    i18n.set_language("xx")
    assert i18n.language() == "en" and i18n.tr("&Next >") == "&Next >"


def test_window_in_french(qtbot: Any, make_window: Any) -> None:
    i18n.set_language("fr")
    window = make_window()
    assert window.start.new_button.text() == "&Nouvelle vérification"
    assert window.menuBar().actions()[0].text() == "&Fichier"
    window.new_check()
    wizard = window.wizard
    assert wizard.next_button.text() == "&Suivant >"
    french = set(i18n.read_catalogue(i18n.catalogue_path("fr")).values())
    english = {s for s in tr_literals() if i18n.tr(s) != s and s not in french}
    for step in Step:
        wizard.checklist._step = step  # look at every page, reachable or not
        wizard._sync()
        page = wizard.page(step)
        shown = [w.text() for w in page.findChildren(QLabel)]
        shown += [w.text() for w in page.findChildren(QAbstractButton)]
        shown += [w.title() for w in page.findChildren(QGroupBox)]
        leftovers = sorted(t for t in shown if t in english)
        assert not leftovers, f"{step.value}: still in English: {leftovers}"


def catalogue_keys() -> set[str]:
    """Texts the window translates through a variable: the checklist's wordings and field names, the match
    card's identifying facts, why a regime applies."""
    from desktop.ui.dialogs.register_dialog import KIND_NAMES
    from desktop.ui.pages.counterparty_page import BUYER_LABELS, SELLER_LABELS
    from desktop.ui.pages.lot_page import REASONS
    from desktop.ui.pages.match_card import FIELD_LABELS
    from desktop.ui.wizard_view import PAGE_CLASSES
    from desktop.wizard import wording

    pages = {text for page in PAGE_CLASSES.values() for text in (page.title, page.description) if text}
    return {
        *pages,
        *wording.TEMPLATES,
        *wording.FIELD_NAMES.values(),
        *wording.ROLE_NAMES.values(),
        *FIELD_LABELS.values(),
        *REASONS.values(),
        *KIND_NAMES.values(),
        *SELLER_LABELS.values(),
        *BUYER_LABELS.values(),
    }


def test_every_catalogue_key_has_a_french_translation() -> None:
    french = i18n.read_catalogue(i18n.catalogue_path("fr"))
    missing = sorted(catalogue_keys() - set(french))
    assert not missing, f"untranslated: {missing}"


def test_the_language_switches_live_and_nothing_typed_is_lost(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QComboBox

    from tests.ui.driving import choose, type_into

    window.new_check()
    page = window.wizard.page(Step.LOT_TRANSACTION)
    type_into(qtbot, page.lot_id, "KRT-26-1184")
    dialog = window.on_settings()
    language = next(c for c in dialog.findChildren(QComboBox) if c.accessibleName() == "Language")
    choose(qtbot, language, "Français")
    with qtbot.waitSignal(window.language_switched, timeout=10000):
        dialog.save()
    assert window.menuBar().actions()[0].text() == "&Fichier"
    wizard = window.wizard
    assert wizard.next_button.text() == "&Suivant >"
    assert wizard.checklist.value(("lot_id",)) == "KRT-26-1184"
    assert wizard.page(Step.LOT_TRANSACTION).lot_id.text() == "KRT-26-1184", "what was typed is still there"
    assert wizard.steps.item(0).text().endswith("1. Lot et transaction")
    with qtbot.waitSignal(window.data_status_loaded, timeout=30000):
        window.load_data_status()
    assert window.status_strip.pack.text().startswith("Règles\u202f: "), "French typography: narrow space"
    assert window.services.settings().language == "fr"

    window.switch_language("en")
    assert window.wizard.next_button.text() == "&Next >"
    assert window.wizard.checklist.value(("lot_id",)) == "KRT-26-1184"


def test_french_typography_in_every_translation() -> None:
    i18n.set_language("fr")
    try:
        for source in i18n.read_catalogue(i18n.catalogue_path("fr")):
            text = i18n.tr(source).replace(";;", "")  # a file dialog's filter separator is not punctuation
            for mark in ":;!?":
                for at in [i for i, ch in enumerate(text) if ch == mark]:
                    after = text[at + 1 : at + 2]
                    if mark == ":" and after not in ("", " ", "\n"):
                        continue  # a URL, a time, a key=value
                    if at == 0:
                        continue
                    assert text[at - 1] == i18n.NARROW_NBSP, (source, text)
            assert "« " not in text and " »" not in text, (source, text)
    finally:
        i18n.set_language("en")
