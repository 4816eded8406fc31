"""The PDF states the facts, embeds its fonts, renders every script, and has the right paper size."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from desktop.attestation.build import Attestation
from desktop.attestation.declarations import CBP_NON_INDUSTRIAL, WDC_SOW_2021
from desktop.attestation.render import render_attestation


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def text(attestation: Attestation) -> str:
    return _text(attestation.pdf)


def test_pdf_text_contains_the_facts(attestation: Attestation, text: str) -> None:
    c = attestation.content
    for fact in [
        "CS-2026-000042",
        "Antwerpse Diamanthandel Ελλάς BV",  # Greek
        "Анна Петрова-Ødegård",  # Cyrillic and Scandinavian letters
        "Gemmes Lumière SARL",
        "Kgalagadi Rough Trading (Pty) Ltd",
        "KRT-26-1184",
        "27.45 ct",
        "1.20 ct",
        "Botswana (BW)",
        "BW0087321",  # KP certificate
        "7102.31",
        "OFAC-SDN",
        "2026-11-20",  # list as-of date
        "ALROSA PJSC",
        "not a match",
        "Anna Peeters",  # who decided the possible match
        "No Russian link for lot KRT-26-1184",
        "US sanctions regulation (summary)",  # finding source
        "clearstone-core 2026.11.1",
        c.rule_pack.sha256,
        c.assessment_sha256,
        "WDC SoW ID SOW-BE-00917",
        "Head of Compliance",
    ]:
        assert fact in text, fact
    assert WDC_SOW_2021 in text
    assert CBP_NON_INDUSTRIAL in text
    assert "1f1f1f" in text  # list hash


def test_page_x_of_y(attestation: Attestation, text: str) -> None:
    pages = len(pypdf.PdfReader(io.BytesIO(attestation.pdf)).pages)
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text


def test_every_font_is_embedded(attestation: Attestation) -> None:
    reader = pypdf.PdfReader(io.BytesIO(attestation.pdf))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert all("DejaVuSans" in name for name in fonts)


def test_paper_sizes(attestation: Attestation) -> None:
    a4 = pypdf.PdfReader(io.BytesIO(attestation.pdf)).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    letter_pdf = render_attestation(
        attestation.content.model_copy(update={"paper": "Letter"}), attestation.qr_text
    )
    letter = pypdf.PdfReader(io.BytesIO(letter_pdf)).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_document_metadata(attestation: Attestation) -> None:
    meta = pypdf.PdfReader(io.BytesIO(attestation.pdf)).metadata
    assert meta is not None
    assert meta.title == "Compliance attestation CS-2026-000042"
    assert str(meta.get("/CreationDate", "")).startswith("D:20261128093000")
