"""Translations: every visible string goes through `tr`; catalogues are Qt .ts files read without lrelease.

French typography is applied as the catalogue is read (a narrow no-break space before : ; ! ? and inside
« »), so every translation follows it, whoever wrote it; texts composed at run time use `colon()`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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


NARROW_NBSP = "\u202f"
_SPACES = "[ \u00a0\u202f]*"
_ENTITY = re.compile(r"(&#?\w+;)")


def french_typography(text: str) -> str:
    """A narrow no-break space before : ; ! ? and inside « », never inside a URL, a time, an HTML entity or
    a file dialog's ";;" filter separator."""
    if ";;" in text:
        return ";;".join(french_typography(part) for part in text.split(";;"))
    parts = _ENTITY.split(text)
    for i in range(0, len(parts), 2):  # the odd parts are entities (&amp;): left alone
        part = parts[i]
        part = re.sub(rf"(\S){_SPACES}([;!?])", rf"\1{NARROW_NBSP}\2", part)
        part = re.sub(rf"(\S){_SPACES}:(?=\s|$)", rf"\1{NARROW_NBSP}:", part)
        part = re.sub(rf"«{_SPACES}", "«" + NARROW_NBSP, part)
        part = re.sub(rf"{_SPACES}»", NARROW_NBSP + "»", part)
        parts[i] = part
    return "".join(parts)


def set_language(language: str) -> None:
    """Switch the catalogue; English needs none. Unknown languages fall back to English."""
    global _catalogue, _language
    _language = language if language in LANGUAGES else "en"
    found = read_catalogue(catalogue_path(_language)) if _language != "en" else {}
    if _language == "fr":
        found = {source: french_typography(text) for source, text in found.items()}
    _catalogue = found


def language() -> str:
    return _language


def tr(text: str) -> str:
    return _catalogue.get(text, text)


def colon() -> str:
    """': ' in English, ' : ' with a narrow no-break space in French (for labels composed at run time)."""
    return NARROW_NBSP + ": " if _language == "fr" else ": "


def labelled(label: str, value: str) -> str:
    """'Rules: clearstone-rules 2026.11' in the user's language and typography (`label` is translated)."""
    return tr(label) + colon() + value


def worded(wording: Any) -> str:
    """A wording from the core (an English template with named values) in the user's language."""
    return tr(wording.template).format(**wording.values)


_qt_translator: list[Any] = []  # the one installed now, replaced when the language changes


def install_qt_translator(app: object) -> object | None:
    """Qt's own dialogs (file, print, message boxes) in the chosen language, from Qt's shipped catalogue;
    replaces the one installed before, so the language can change while the program runs."""
    while _qt_translator:
        app.removeTranslator(_qt_translator.pop())  # type: ignore[attr-defined]
    if _language == "en":
        return None
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)  # type: ignore[arg-type]
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{_language}", folder):
        app.installTranslator(translator)  # type: ignore[attr-defined]
        _qt_translator.append(translator)
        return translator
    return None


def finding_text(finding: Any) -> str:
    """A finding's summary in the user's language when the core carries one (`summaries`, by language), else
    as the rule pack words it."""
    summaries = getattr(finding, "summaries", None)
    if isinstance(summaries, dict):
        text = summaries.get(_language)
        if isinstance(text, str) and text:
            return text
    return str(finding.summary)
