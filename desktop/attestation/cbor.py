"""The small, strict CBOR subset (RFC 8949) the QR payload uses: uint, bytes, text, array, int-keyed map."""

from __future__ import annotations

from typing import TypeAlias

Value: TypeAlias = "int | bytes | str | list[Value] | dict[int, Value]"

_UINT, _BYTES, _TEXT, _ARRAY, _MAP = 0, 2, 3, 4, 5
MAX_DEPTH = 4


class CborError(ValueError):
    pass


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise CborError("integer too large")


def encode(value: Value) -> bytes:
    """Deterministic encoding (RFC 8949 section 4.2.1): shortest heads, map keys in ascending order."""
    if isinstance(value, bool):
        raise CborError("booleans are not part of the payload subset")
    if isinstance(value, int):
        if value < 0:
            raise CborError("negative integers are not part of the payload subset")
        return _head(_UINT, value)
    if isinstance(value, bytes):
        return _head(_BYTES, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(_TEXT, len(raw)) + raw
    if isinstance(value, list):
        return _head(_ARRAY, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        items = sorted(value.items())
        return _head(_MAP, len(items)) + b"".join(encode(k) + encode(v) for k, v in items)
    raise CborError(f"cannot encode {type(value).__name__}")


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise CborError("payload is truncated")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def head(self) -> tuple[int, int]:
        first = self.take(1)[0]
        major, info = first >> 5, first & 0x1F
        if info < 24:
            return major, info
        sizes = {24: 1, 25: 2, 26: 4, 27: 8}
        if info not in sizes:
            raise CborError("indefinite lengths and reserved values are not allowed")
        n = int.from_bytes(self.take(sizes[info]), "big")
        if _head(major, n) != bytes([first]) + n.to_bytes(sizes[info], "big"):
            raise CborError("non-shortest integer encoding")
        return major, n

    def value(self, depth: int = 0) -> Value:
        if depth > MAX_DEPTH:
            raise CborError("payload nested too deeply")
        major, n = self.head()
        if major == _UINT:
            return n
        if major == _BYTES:
            return self.take(n)
        if major == _TEXT:
            try:
                return self.take(n).decode("utf-8")
            except UnicodeDecodeError:
                raise CborError("text is not UTF-8") from None
        if major == _ARRAY:
            return [self.value(depth + 1) for _ in range(n)]
        if major == _MAP:
            result: dict[int, Value] = {}
            last = -1
            for _ in range(n):
                key = self.value(depth + 1)
                if not isinstance(key, int) or key <= last:
                    raise CborError("map keys must be unsigned integers in ascending order")
                last = key
                result[key] = self.value(depth + 1)
            return result
        raise CborError(f"CBOR major type {major} is not part of the payload subset")


def decode(data: bytes) -> Value:
    reader = _Reader(data)
    value = reader.value()
    if reader.pos != len(data):
        raise CborError("trailing bytes after the payload")
    return value
