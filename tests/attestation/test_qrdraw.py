"""The QR symbol drawn on the page: a valid QR code (one of the encoder's eight masks) that scanners read."""

from __future__ import annotations

import random

import pytest
from reportlab.graphics.barcode import qrencoder

from desktop.attestation import base45
from desktop.attestation.qrdraw import QUIET_ZONE, penalty, qr_matrix


def _reference(value: str, mask: int) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.version = code.calculate_version()
    code.makeImpl(False, mask)
    return [[bool(cell) for cell in row] for row in code.modules]


def _image(matrix: list[list[bool]], scale: int = 4):  # type: ignore[no-untyped-def]
    from PIL import Image

    size = (len(matrix) + 2 * QUIET_ZONE) * scale
    image = Image.new("L", (size, size), 255)
    pixels = image.load()
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    for dx in range(scale):
                        pixels[(c + QUIET_ZONE) * scale + dx, (r + QUIET_ZONE) * scale + dy] = 0
    return image


@pytest.mark.parametrize("length", [12, 150, 436, 590])
def test_symbol_is_one_of_the_encoders_masked_symbols_and_scans(length: int) -> None:
    rng = random.Random(length)
    text = "CS1:" + "".join(rng.choice(base45.ALPHABET) for _ in range(length))
    matrix = qr_matrix(text)
    assert any(matrix == _reference(text, mask) for mask in range(8))
    zxingcpp = pytest.importorskip("zxingcpp")
    assert [code.text for code in zxingcpp.read_barcodes(_image(matrix))] == [text]


def test_penalty_prefers_balanced_irregular_patterns() -> None:
    n = 21
    all_dark = [(1 << n) - 1] * n
    checker = [int(("10" * n)[i % 2 : i % 2 + n], 2) for i in range(n)]
    assert penalty(checker, n) < penalty(all_dark, n)
