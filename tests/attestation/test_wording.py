"""Every fixed text of the attestation exists in English and French, with the same fields and French spacing;
the default language follows the buyer."""

from __future__ import annotations

import re

import pytest

from desktop.attestation.declarations import TEXTS, TRANSLATIONS
from desktop.attestation.wording import EN, FR, fields_of, say
from desktop.lot import Lot
from desktop.rules.language import NBSP, NNBSP, french_typography, quoted, score_text
from desktop.service.attesting import language_for

SAME_IN_BOTH = {"lot", "transaction", "transit", "carats", "field_carats", "verdict", "score", "decided", "f_lei",
                "names_apart_header"}  # fmt: skip


@pytest.mark.parametrize("catalogue", [{"en": EN, "fr": FR}, TEXTS], ids=["attestation", "declarations"])
def test_english_and_french_are_complete_and_alike(catalogue: dict[str, dict[str, str]]) -> None:
    english, french = catalogue["en"], catalogue["fr"]
    assert set(english) == set(french), set(english) ^ set(french)
    for key in english:
        assert fields_of(english[key]) == fields_of(french[key]), key
        # A French text is a translation, not a copy, except words spelt alike in both languages.
        assert french[key].strip() and (french[key] != english[key] or key in SAME_IN_BOTH), key
        # Markup is the renderer's: only <b> in the texts, and no bare ampersand.
        for text in (english[key], french[key]):
            assert not re.search(r"<(?!/?b>)|&", text), key


def test_statements_given_in_english_have_a_french_translation() -> None:
    from desktop.attestation.declarations import CBP_JEWELRY_UNSORTED, CBP_NON_INDUSTRIAL, WDC_SOW_2021

    assert set(TRANSLATIONS["fr"]) == {WDC_SOW_2021, CBP_NON_INDUSTRIAL, CBP_JEWELRY_UNSORTED}


def test_french_texts_have_french_spacing() -> None:
    for key in FR:
        shown = say("fr", key, **dict.fromkeys(fields_of(FR[key]), "X"))
        assert not re.search(r"[^\s\u00a0\u202f][:;?!](\s|$)", shown), (key, shown)
        assert " :" not in shown and "« " not in shown and " »" not in shown, key
    assert say("fr", "date_line", date="2026-12-01") == f"Date{NBSP}: 2026-12-01"


def test_french_typography_leaves_names_urls_and_times_alone() -> None:
    assert french_typography("Motif : oui; non ! 50 %") == f"Motif{NBSP}: oui{NNBSP}; non{NNBSP}! 50{NNBSP}%"
    for untouched in ("https://example.org/a?b=1", "09:30:00", "CS1:ABC"):
        assert french_typography(untouched) == untouched
    # Values are put in after the spacing: a name keeps its own quotation marks.
    assert say("fr", "owner_line", name="ПАО «АЛРОСА»", result="x") == f"ПАО «АЛРОСА»{NBSP}: x"


def test_quotes_and_scores() -> None:
    assert quoted("ПАО «АЛРОСА»") == "ПАО «АЛРОСА»"
    assert quoted("Kgalagadi Rough Trading") == "“Kgalagadi Rough Trading”"
    assert quoted("Kgalagadi", "fr") == f"«{NNBSP}Kgalagadi{NNBSP}»"
    assert score_text(0.934999) == score_text(round(0.934999, 4)) == "0.94"
    assert score_text(0.81, "fr") == "0,81"


def _lot(country: str, address: str | None) -> Lot:
    return Lot.model_validate(
        {
            "format": "clearstone.lot/1",
            "lot_id": "L-1",
            "transaction": {"date": "2026-12-01", "kind": "sale", "issuer_country": "BE"},
            "goods": {"category": "polished", "stone_count": 1, "largest_stone_carats": "1.00"},
            "origin": {"mining_countries": ["BW"]},
            "counterparty": {"role": "seller", "name": "Seller Ltd", "country": "BW"},
            "parties": [{"role": "buyer", "name": "Buyer", "country": country, "address": address}],
        }
    )


@pytest.mark.parametrize(
    ("country", "address", "language"),
    [
        ("FR", None, "fr"),
        ("MC", "7 avenue de Grande-Bretagne, 98000 Monaco", "fr"),
        ("LU", None, "fr"),
        ("CD", "Kinshasa", "fr"),
        ("US", "580 Fifth Avenue, New York, NY 10036", "en"),
        ("BE", "Hoveniersstraat 30, 2018 Antwerpen", "en"),
        ("BE", "Rue de la Loi 16, 1000 Bruxelles", "fr"),
        ("BE", "Place Saint-Lambert 1, 4000 Liège", "fr"),
        ("BE", "Hauptstraße 2, 4700 Eupen", "en"),
        ("BE", None, "en"),
        ("CH", "Rue du Rhône 42, CH-1204 Genève", "fr"),
        ("CH", "Bahnhofstrasse 1, 8001 Zürich", "en"),
        ("CH", None, "en"),
        ("CA", "1000 rue Sherbrooke O, Montréal QC H3A 3G4", "fr"),
        ("CA", "100 King St W, Toronto ON M5X 1A9", "en"),
        ("CA", None, "en"),
    ],
)
def test_default_language_is_the_buyers(country: str, address: str | None, language: str) -> None:
    assert language_for(_lot(country, address)) == language


BAD_SPACING = re.compile(r"[^\s\u00a0\u202f][:;!?](?=\s|$)|[ ][:;!?](?=\s|$)")


@pytest.mark.parametrize("scenario", ["S01", "S05", "S16", "S03"])
def test_french_content_texts_have_french_spacing(
    scenario: str, shared_dir: object, identity: object
) -> None:
    from desktop.attestation.content import Issuer, build_content
    from desktop.attestation.declarations import CBP_JEWELRY_UNSORTED, CBP_NON_INDUSTRIAL, WDC_SOW_2021
    from tests.attestation.helpers import NOW, assessment, lot

    content = build_content(
        assessment(lot(shared_dir, scenario)),  # type: ignore[arg-type]
        number="CS-2026-000001",
        issued_at=NOW,
        issuer=Issuer.from_identity(identity, "SOW-1"),  # type: ignore[arg-type]
        language="fr",
    )
    english = {WDC_SOW_2021, CBP_NON_INDUSTRIAL, CBP_JEWELRY_UNSORTED}
    texts = [d.title for d in content.declarations] + [d.note for d in content.declarations]
    texts += [d.text for d in content.declarations if d.text not in english]
    texts += [d.translation or "" for d in content.declarations] + [
        o.reason for o in content.omitted_declarations
    ]
    texts += [e.detail for e in content.evidence]
    assert texts
    for text in texts:
        assert not BAD_SPACING.search(text), text
