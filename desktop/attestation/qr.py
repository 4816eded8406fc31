"""The signed QR payload `CS1:`: key facts + content hash, ECDSA P-256 signed, Base45 text (docs/qr-payload.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from desktop.attestation import base45, cbor
from desktop.attestation.content import AttestationContent

PREFIX = "CS1:"
SIGNATURE_BYTES = 64
# The order of the P-256 group: (r, s) and (r, n - s) both verify, so only the low half is accepted, and one
# code has exactly one valid signature (no second, different-looking text for the same attestation).
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
# Codes issued from this day on are written low-S, so a high-S one is not genuine. Codes printed before it
# may carry either form and still verify: a buyer's paper copy must not turn invalid with an update.
LOW_S_REQUIRED_FROM = date(2026, 12, 7)
TEXT_LIMIT = 40  # issuer and buyer names, in Unicode code points
LOT_ID_LIMIT = 32
RULE_PACK_HASH_BYTES = 16
KEY_ID_BYTES = 8
VERDICTS = ("cleared", "needs_evidence", "review", "blocked")

K_NUMBER, K_DATE, K_ISSUER, K_BUYER, K_LOT, K_TOTAL_CT, K_STONES, K_LARGEST_CT = 1, 2, 3, 4, 5, 6, 7, 8
K_MINING, K_VERDICT, K_JURISDICTIONS, K_PACK, K_CONTENT, K_KEY = 9, 10, 11, 12, 13, 14
_REQUIRED = {K_NUMBER, K_DATE, K_ISSUER, K_LOT, K_STONES, K_LARGEST_CT, K_MINING, K_VERDICT, K_JURISDICTIONS,
             K_PACK, K_CONTENT, K_KEY}  # fmt: skip
_KNOWN = _REQUIRED | {K_BUYER, K_TOTAL_CT}


class QrFormatError(ValueError):
    """The text is not a well-formed CS1 payload (damaged, truncated, or not ours)."""


@dataclass(frozen=True)
class QrPayload:
    number: str
    issued_on: date
    issuer: str
    buyer: str | None
    lot_id: str
    total_carats: str | None
    stone_count: int
    largest_stone_carats: str
    mining_countries: tuple[str, ...]
    verdict: str
    jurisdictions: tuple[str, ...]
    rule_pack_sha256: bytes  # first 16 bytes
    content_sha256: bytes  # all 32 bytes
    key_id: bytes  # first 8 bytes of SHA-256(SubjectPublicKeyInfo)

    def to_cbor(self) -> bytes:
        body: dict[int, cbor.Value] = {
            K_NUMBER: self.number,
            K_DATE: self.issued_on.isoformat(),
            K_ISSUER: self.issuer,
            K_LOT: self.lot_id,
            K_STONES: self.stone_count,
            K_LARGEST_CT: self.largest_stone_carats,
            K_MINING: list(self.mining_countries),
            K_VERDICT: VERDICTS.index(self.verdict),
            K_JURISDICTIONS: list(self.jurisdictions),
            K_PACK: self.rule_pack_sha256,
            K_CONTENT: self.content_sha256,
            K_KEY: self.key_id,
        }
        if self.buyer is not None:
            body[K_BUYER] = self.buyer
        if self.total_carats is not None:
            body[K_TOTAL_CT] = self.total_carats
        return cbor.encode(body)

    @classmethod
    def from_cbor(cls, data: bytes) -> QrPayload:
        try:
            body = cbor.decode(data)
        except cbor.CborError as exc:
            raise QrFormatError(f"damaged QR payload: {exc}") from None
        if not isinstance(body, dict):
            raise QrFormatError("damaged QR payload: not a map")
        keys = set(body)
        if not keys >= _REQUIRED or not keys <= _KNOWN:
            raise QrFormatError("damaged QR payload: fields missing or unknown")
        try:
            return cls(
                number=_text(body[K_NUMBER]),
                issued_on=date.fromisoformat(_text(body[K_DATE])),
                issuer=_text(body[K_ISSUER]),
                buyer=_text(body[K_BUYER]) if K_BUYER in body else None,
                lot_id=_text(body[K_LOT]),
                total_carats=_text(body[K_TOTAL_CT]) if K_TOTAL_CT in body else None,
                stone_count=_uint(body[K_STONES]),
                largest_stone_carats=_text(body[K_LARGEST_CT]),
                mining_countries=tuple(_text(c) for c in _list(body[K_MINING])),
                verdict=VERDICTS[_uint(body[K_VERDICT])],
                jurisdictions=tuple(_text(c) for c in _list(body[K_JURISDICTIONS])),
                rule_pack_sha256=_bytes(body[K_PACK], RULE_PACK_HASH_BYTES),
                content_sha256=_bytes(body[K_CONTENT], 32),
                key_id=_bytes(body[K_KEY], KEY_ID_BYTES),
            )
        except (TypeError, ValueError, IndexError) as exc:
            raise QrFormatError(f"damaged QR payload: {exc}") from None


def _text(value: cbor.Value) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _uint(value: cbor.Value) -> int:
    if not isinstance(value, int):
        raise TypeError("expected an unsigned integer")
    return value


def _list(value: cbor.Value) -> list[cbor.Value]:
    if not isinstance(value, list):
        raise TypeError("expected an array")
    return value


def _bytes(value: cbor.Value, size: int) -> bytes:
    if not isinstance(value, bytes) or len(value) != size:
        raise TypeError(f"expected {size} bytes")
    return value


def clip(text: str, limit: int) -> str:
    return text[:limit]


def payload_for(content: AttestationContent) -> QrPayload:
    """The QR facts of an attestation; long names are cut to a fixed length, as the verifier expects."""
    lot = content.lot
    return QrPayload(
        number=content.number,
        issued_on=content.issued_on,
        issuer=clip(content.issuer.company, TEXT_LIMIT),
        buyer=clip(content.buyer, TEXT_LIMIT) if content.buyer else None,
        lot_id=clip(lot.lot_id, LOT_ID_LIMIT),
        total_carats=lot.total_carats,
        stone_count=lot.stone_count,
        largest_stone_carats=lot.largest_stone_carats,
        mining_countries=tuple(c.code for c in content.origin.mining_countries),
        verdict=content.verdict,
        jurisdictions=tuple(j.code for j in content.jurisdictions),
        rule_pack_sha256=bytes.fromhex(content.rule_pack.sha256)[:RULE_PACK_HASH_BYTES],
        content_sha256=content.sha256(),
        key_id=bytes.fromhex(content.issuer.key_id)[:KEY_ID_BYTES],
    )


def _signed_message(body: bytes) -> bytes:
    return PREFIX.encode("ascii") + body


def encode_qr(payload: QrPayload, key: ec.EllipticCurvePrivateKey) -> str:
    body = payload.to_cbor()
    r, s = decode_dss_signature(key.sign(_signed_message(body), ec.ECDSA(hashes.SHA256())))
    if s > P256_ORDER // 2:
        s = P256_ORDER - s  # low-S form (as in Bitcoin's BIP 62): the one accepted by verifiers
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return PREFIX + base45.encode(body + signature)


@dataclass(frozen=True)
class SignedQr:
    payload: QrPayload
    body: bytes
    signature: bytes

    @property
    def high_s(self) -> bool:
        """A signature in high-S form: Clearstone writes only the low-S twin."""
        return int.from_bytes(self.signature[32:], "big") > P256_ORDER // 2

    @property
    def non_canonical(self) -> bool:
        """High-S on a code issued since Clearstone writes low-S only: not a code it wrote, so refused."""
        return self.high_s and self.payload.issued_on >= LOW_S_REQUIRED_FROM

    def signed_by(self, cert: x509.Certificate) -> bool:
        if self.non_canonical:
            return False
        public = cert.public_key()
        if not isinstance(public, ec.EllipticCurvePublicKey) or not isinstance(public.curve, ec.SECP256R1):
            return False
        r = int.from_bytes(self.signature[:32], "big")
        s = int.from_bytes(self.signature[32:], "big")
        try:
            public.verify(encode_dss_signature(r, s), _signed_message(self.body), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            return False
        return True


def decode_qr(text: str) -> SignedQr:
    """Parse scanned text; whitespace at the ends (scanner newlines) is ignored, nothing else is."""
    text = text.strip("\r\n\t")
    if not text.startswith(PREFIX):
        raise QrFormatError("not a Clearstone attestation code (it does not start with CS1:)")
    try:
        raw = base45.decode(text[len(PREFIX) :])
    except base45.Base45Error as exc:
        raise QrFormatError(f"damaged QR text: {exc}") from None
    if len(raw) <= SIGNATURE_BYTES:
        raise QrFormatError("damaged QR text: too short")
    body, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    return SignedQr(payload=QrPayload.from_cbor(body), body=body, signature=signature)


def differences(payload: QrPayload, content: AttestationContent) -> list[str]:
    """Fields where the QR and the document disagree (empty when they match)."""
    expected = payload_for(content)
    return [
        name for name in QrPayload.__dataclass_fields__ if getattr(payload, name) != getattr(expected, name)
    ]
