"""Base45 and the strict CBOR subset the QR payload is written in."""

from __future__ import annotations

import pytest

from desktop.attestation import base45, cbor


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [
        (b"AB", "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
        (b"", ""),
    ],
)
def test_base45_matches_rfc_9285_examples(raw: bytes, encoded: str) -> None:
    assert base45.encode(raw) == encoded
    assert base45.decode(encoded) == raw


@pytest.mark.parametrize("bad", ["GGW", "A", "ab", "BB8A"])
def test_base45_rejects_bad_text(bad: str) -> None:
    with pytest.raises(base45.Base45Error):
        base45.decode(bad)


def test_base45_round_trips_every_byte() -> None:
    data = bytes(range(256)) + b"\xff"
    assert base45.decode(base45.encode(data)) == data


def test_cbor_deterministic_encoding() -> None:
    # RFC 8949 appendix A vectors for the types we use.
    assert cbor.encode(0) == bytes.fromhex("00")
    assert cbor.encode(23) == bytes.fromhex("17")
    assert cbor.encode(24) == bytes.fromhex("1818")
    assert cbor.encode(1000) == bytes.fromhex("1903e8")
    assert cbor.encode("IETF") == bytes.fromhex("6449455446")
    assert cbor.encode("ü") == bytes.fromhex("62c3bc")
    assert cbor.encode(b"\x01\x02\x03\x04") == bytes.fromhex("4401020304")
    assert cbor.encode([1, [2, 3]]) == bytes.fromhex("8201820203")
    assert cbor.encode({2: "b", 1: "a"}) == bytes.fromhex("a2016161026162")  # keys sorted


def test_cbor_round_trip() -> None:
    value: cbor.Value = {1: "CS-2026-000001", 9: ["BW", "NA"], 13: b"\x00" * 32, 7: 70000}
    assert cbor.decode(cbor.encode(value)) == value


@pytest.mark.parametrize(
    "data",
    [
        bytes.fromhex("1817"),  # 23 written in two bytes: not shortest
        bytes.fromhex("a2026162016161"),  # keys out of order
        bytes.fromhex("0000"),  # trailing byte
        bytes.fromhex("5f"),  # indefinite length
        bytes.fromhex("20"),  # negative integer
        bytes.fromhex("6449"),  # truncated text
        bytes.fromhex("62ff00"),  # text that is not UTF-8
    ],
)
def test_cbor_rejects_non_canonical_or_damaged_data(data: bytes) -> None:
    with pytest.raises(cbor.CborError):
        cbor.decode(data)
