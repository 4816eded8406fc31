"""Base45 (RFC 9285): bytes as text in the QR alphanumeric character set, 1.5 characters per byte."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}


class Base45Error(ValueError):
    pass


def encode(data: bytes) -> str:
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def decode(text: str) -> bytes:
    if len(text) % 3 == 1:
        raise Base45Error("base45 text has an impossible length")
    try:
        values = [_INDEX[ch] for ch in text]
    except KeyError as exc:
        raise Base45Error(f"character {exc.args[0]!r} is not in the base45 alphabet") from None
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i : i + 3]
        n = sum(v * 45**k for k, v in enumerate(chunk))
        if len(chunk) == 3:
            if n > 0xFFFF:
                raise Base45Error("base45 triplet out of range")
            out += n.to_bytes(2, "big")
        else:
            if n > 0xFF:
                raise Base45Error("base45 pair out of range")
            out.append(n)
    return bytes(out)
