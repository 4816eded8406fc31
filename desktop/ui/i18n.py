"""Translations: every visible string goes through `tr`; catalogues are Qt .ts files read without lrelease."""

from __future__ import annotations

from pathlib import Path

from desktop.paths import resource

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
CONTEXT = "Clearstone"

_catalogue: dict[str, str] = {}
_language = "en"


def catalogue_path(language: str) -> Path:
    return resource("translations", f"clearstone_{language}.ts")


def read_catalogue(path: Path) -> dict[str, str]:
    """source -> translation for finished messages of a .ts file (unfinished ones fall back to English)."""
    import xml.etree.ElementTree as ElementTree  # only when a translation is wanted: keeps start-up lean

    root = ElementTree.parse(path).getroot()
    found: dict[str, str] = {}
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None or translation.get("type") in {"unfinished", "obsolete"}:
            continue
        if translation.text:
            found[source] = translation.text
    return found


def set_language(language: str) -> None:
    """Switch the catalogue; English needs none. Unknown languages fall back to English."""
    global _catalogue, _language
    _language = language if language in LANGUAGES else "en"
    _catalogue = read_catalogue(catalogue_path(_language)) if _language != "en" else {}


def language() -> str:
    return _language


def tr(text: str) -> str:
    return _catalogue.get(text, text)


def install_qt_translator(app: object) -> object | None:
    """Qt's own dialogs (file, print, message boxes) in the chosen language, from Qt's shipped catalogue."""
    if _language == "en":
        return None
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)  # type: ignore[arg-type]
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{_language}", folder):
        app.installTranslator(translator)  # type: ignore[attr-defined]
        return translator
    return None
