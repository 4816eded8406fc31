"""The PAdES signature, tamper detection, the embedded QR, and reading the printed QR back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from desktop.attestation.build import Attestation, attestation_attachments
from desktop.attestation.sign import sign_pdf
from desktop.attestation.verify import verify_pdf, verify_qr_text
from desktop.identity import SigningIdentity
from tests.attestation.helpers import NOW


def test_signed_pdf_verifies_and_names_the_signer(
    attestation: Attestation, identity: SigningIdentity
) -> None:
    result = verify_pdf(attestation.pdf, [identity.certificate], now=NOW)
    assert result.valid and result.trusted, result.problems
    assert result.signer == "Анна Петрова-Ødegård"
    assert result.fingerprint == identity.fingerprint
    assert result.signed_at == NOW
    assert result.content == attestation.content
    assert result.payload is not None and result.payload.number == "CS-2026-000042"


def test_untrusted_issuer_is_valid_but_says_so(
    attestation: Attestation, other_identity: SigningIdentity
) -> None:
    result = verify_pdf(attestation.pdf, [other_identity.certificate], now=NOW)
    assert result.valid and not result.trusted
    assert result.status == "untrusted" and result.summary().startswith("UNTRUSTED")


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig (poppler-utils) is not installed")
def test_pdfsig_reports_a_valid_signature(attestation: Attestation, tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(attestation.pdf)
    out = subprocess.run(["pdfsig", str(target)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid." in out
    assert "Total document signed" in out
    assert "ETSI.CAdES.detached" in out  # PAdES


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, -3])
def test_one_changed_byte_fails(attestation: Attestation, identity: SigningIdentity, where: float) -> None:
    data = bytearray(attestation.pdf)
    index = int(len(data) * where) if where > 0 else len(data) + int(where)
    data[index] = (data[index] + 1) % 256
    result = verify_pdf(bytes(data), [identity.certificate], now=NOW)
    assert not result.valid
    assert result.problems


def test_resaved_by_another_tool_fails(attestation: Attestation, identity: SigningIdentity) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(attestation.pdf)))
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue(), [identity.certificate], now=NOW)
    assert not result.valid


def test_appended_incremental_update_fails(attestation: Attestation, identity: SigningIdentity) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(attestation.pdf), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    from pyhanko.pdf_utils import generic

    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (VERDICT: CLEARED BY HAND) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    altered = out.getvalue()
    assert altered.startswith(attestation.pdf)  # the signed bytes are untouched: only an update was appended
    result = verify_pdf(altered, [identity.certificate], now=NOW)
    assert not result.valid
    assert any("after signing" in p for p in result.problems)


def test_signed_by_another_key_fails(attestation: Attestation, other_identity: SigningIdentity) -> None:
    # Take the unsigned revision (everything before the signing update) and sign it with another key.
    unsigned = attestation.pdf[: attestation.pdf.index(b"%%EOF") + 6]
    forged = sign_pdf(
        unsigned,
        other_identity,
        signing_time=NOW,
        attachments=attestation_attachments(attestation.content, attestation.qr_text),
    )
    result = verify_pdf(forged, [other_identity.certificate], now=NOW)
    assert not result.valid
    assert any("not the certificate that signed it" in p for p in result.problems)
    assert any("not signed by the document's signer" in p for p in result.problems)


def test_not_a_pdf_and_unsigned_pdf_fail(attestation: Attestation, identity: SigningIdentity) -> None:
    assert not verify_pdf(b"hello", [identity.certificate]).valid
    unsigned = attestation.pdf[: attestation.pdf.index(b"%%EOF") + 6]
    result = verify_pdf(unsigned, [identity.certificate])
    assert not result.valid and "no digital signature" in result.problems[0]


@pytest.mark.slow
def test_printed_qr_reads_back_and_verifies(attestation: Attestation, identity: SigningIdentity) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    zxingcpp = pytest.importorskip("zxingcpp")
    document = pdfium.PdfDocument(attestation.pdf)
    found: list[str] = []
    for index in range(len(document)):
        image = document[index].render(scale=150 / 72).to_pil()
        found += [
            code.text
            for code in zxingcpp.read_barcodes(image)
            if code.format == zxingcpp.BarcodeFormat.QRCode
        ]
    assert found == [attestation.qr_text]
    result = verify_qr_text(found[0], [identity.certificate])
    assert result.valid and result.trusted, result.problems


def test_validity_is_judged_at_signing_time(attestation: Attestation, identity: SigningIdentity) -> None:
    # Six years on, the certificate has expired, but it was valid when the attestation was signed.
    later = NOW.replace(year=NOW.year + 6)
    assert verify_pdf(attestation.pdf, [identity.certificate], now=later).status == "valid"
    unsigned = attestation.pdf[: attestation.pdf.index(b"%%EOF") + 6]
    late = sign_pdf(
        unsigned, identity, signing_time=later,
        attachments=attestation_attachments(attestation.content, attestation.qr_text),
    )  # fmt: skip
    result = verify_pdf(late, [identity.certificate], now=later)
    assert not result.valid
    assert any("outside the validity" in p for p in result.problems)


def _contents_span(pdf: bytes) -> tuple[int, int]:
    match = re.search(rb"/Contents <([0-9A-Fa-f]+)>", pdf)
    assert match is not None
    return match.start(1), match.end(1)


def test_changes_inside_the_unsigned_signature_field_fail(
    attestation: Attestation, identity: SigningIdentity
) -> None:
    start, end = _contents_span(attestation.pdf)
    hole = attestation.pdf[start:end]
    # 1. A digit of the zero padding after the CMS blob.
    padded = bytearray(attestation.pdf)
    padded[end - 10] = ord("1")
    # 2. The SEQUENCE tag of the digest algorithm list (not covered by the CMS signature) turned into a SET.
    tag = hole.upper().index(b"310F300D06096086") + 4
    retagged = bytearray(attestation.pdf)
    retagged[start + tag + 1] = ord("1")
    # 3. The same hex digits in the other letter case: the bytes decode alike, the file is not the same.
    recased = bytearray(attestation.pdf)
    letter = next(i for i, ch in enumerate(hole) if chr(ch) in "ABCDEFabcdef")
    recased[start + letter] = ord(chr(hole[letter]).swapcase())
    for altered in (padded, retagged, recased):
        result = verify_pdf(bytes(altered), [identity.certificate], now=NOW)
        assert not result.valid
        assert any("after signing" in p for p in result.problems), result.problems


@pytest.mark.parametrize(
    ("old", "new"),
    [(b"/FlateDecode", b"/FlateDecoee"), (b"startxref", b"startxreg"), (b"/ByteRange [", b"/ByteRange ("),
     (b"/Type /Catalog", b"/Type /Catalof"), (b"endstream", b"endstreak")],
)  # fmt: skip
def test_structural_damage_is_invalid_not_a_crash(
    attestation: Attestation, identity: SigningIdentity, old: bytes, new: bytes
) -> None:
    pdf = attestation.pdf
    for index in (pdf.find(old), pdf.rfind(old)):
        altered = pdf[:index] + new + pdf[index + len(old) :]
        assert not verify_pdf(altered, [identity.certificate], now=NOW).valid
