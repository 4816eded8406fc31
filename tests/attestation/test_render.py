"""The PDF states the facts, embeds its fonts, renders every script, and has the right paper size."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from desktop.attestation.build import Attestation
from desktop.attestation.content import Issuer, build_content
from desktop.attestation.declarations import CBP_NON_INDUSTRIAL, WDC_SOW_2021
from desktop.attestation.render import render_attestation
from desktop.identity import SigningIdentity
from desktop.rules.result import Level, Verdict
from tests.attestation.helpers import NOW, assessment, finding, lot


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


def test_many_long_findings_break_across_pages(shared_dir: Path, identity: SigningIdentity) -> None:
    long_summary = "Facts that decided the rule, stated in full so the reader can follow them. " * 4
    source = "Council Regulation (EU) No 833/2014 Art. 3p; https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02014R0833-20240625"
    findings = {
        code: [
            finding(code, f"{code}-R{i}", Verdict.CLEARED, f"{long_summary}#{i}", source, Level.INFO)
            for i in range(14)
        ]
        for code in ("US", "EU", "UK")
    }
    content = build_content(
        assessment(lot(shared_dir, "S01"), findings),
        number="CS-2026-000043",
        issued_at=NOW,
        issuer=Issuer.from_identity(identity, None),
    )
    pdf = render_attestation(content, "CS1:TEST")
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 4
    text = _text(pdf)
    assert "UK-R13" in text and f"Page {pages} of {pages}" in text
