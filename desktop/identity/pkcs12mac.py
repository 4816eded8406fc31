"""Give a PKCS#12 file an integrity MAC as costly to guess against as its key bag (RFC 7292 appendix B).

`cryptography` lets the caller choose the key bag's PBKDF2 rounds but always writes the MAC with 2,048
iterations, so the MAC was the cheap way to test guessed passphrases. This rewrites only the MacData."""

from __future__ import annotations

import hashlib
import hmac
import os

from asn1crypto import pkcs12 as asn1_pkcs12

MAC_ID = 3  # RFC 7292 B.3: ID byte 3 derives the MAC key
_U = 32  # SHA-256 output bytes
_V = 64  # SHA-256 block bytes


def _fill(data: bytes) -> bytes:
    """Concatenate copies of `data` to a multiple of v bytes (empty stays empty)."""
    if not data:
        return b""
    length = _V * ((len(data) + _V - 1) // _V)
    return (data * (length // len(data) + 1))[:length]


def pkcs12_mac_key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    """The RFC 7292 B.2 key derivation with SHA-256, for a 32-byte HMAC key (one block, so no I update)."""
    password = passphrase.encode("utf-16-be") + b"\x00\x00"  # BMPString with its terminating NUL
    block = bytes([MAC_ID]) * _V + _fill(salt) + _fill(password)
    digest = hashlib.sha256(block).digest()
    for _ in range(iterations - 1):
        digest = hashlib.sha256(digest).digest()
    return digest[:_U]


def strengthen_mac(blob: bytes, passphrase: str, iterations: int) -> bytes:
    """Replace the MAC of a PKCS#12 file (password integrity mode) with an HMAC-SHA256 of `iterations`."""
    pfx = asn1_pkcs12.Pfx.load(blob)
    content = pfx["auth_safe"]["content"].native
    if not isinstance(content, bytes):
        raise ValueError("the PKCS#12 file does not use password integrity mode")
    salt = os.urandom(16)
    key = pkcs12_mac_key(passphrase, salt, iterations)
    pfx["mac_data"] = asn1_pkcs12.MacData(
        {
            "mac": {
                "digest_algorithm": {"algorithm": "sha256"},
                "digest": hmac.new(key, content, hashlib.sha256).digest(),
            },
            "mac_salt": salt,
            "iterations": iterations,
        }
    )
    result: bytes = pfx.dump()
    return result


def mac_iterations(blob: bytes) -> int:
    """The MAC iteration count a PKCS#12 file declares (1 when absent, as the standard's default)."""
    mac = asn1_pkcs12.Pfx.load(blob)["mac_data"]
    return int(mac["iterations"].native) if mac.native is not None else 0
