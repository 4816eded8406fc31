"""Check a register against the chain heads printed on its attestations: each signed PDF is a copy kept elsewhere,
so a register rewritten or rolled back after the fact no longer agrees with the paper."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509

from desktop.attestation.verify import verify_pdf
from desktop.register import Register


@dataclass(frozen=True)
class AnchorCheck:
    """One attestation held against the register: `problem` is None when the register agrees with it."""

    source: str
    number: str | None
    head: str | None  # "seq:hash" as printed and signed
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "number": self.number,
            "register_head": self.head,
            "ok": self.ok,
            "problem": self.problem,
        }


def check_against(
    register: Register,
    pdfs: Sequence[tuple[str, bytes]],
    trusted: Sequence[x509.Certificate],
    *,
    now: datetime | None = None,
) -> list[AnchorCheck]:
    """For each (name, PDF bytes): the attestation must verify as valid (issuer trusted, or its head is no
    evidence), be in the register with the same PDF, and the audit entry it printed must be in the register
    with the same hash. A mismatch names a rewrite; a missing entry or attestation names a rollback."""
    return [_check_one(register, name, data, trusted, now) for name, data in pdfs]


def _check_one(
    register: Register, name: str, data: bytes, trusted: Sequence[x509.Certificate], now: datetime | None
) -> AnchorCheck:
    result = verify_pdf(data, trusted, now=now)
    number = result.payload.number if result.payload else None
    if result.status != "valid":
        why = "; ".join(result.problems) if result.problems else (result.trust_note or "issuer not trusted")
        return AnchorCheck(name, number, None, f"not a valid attestation by a trusted issuer ({why})")
    assert result.content is not None
    head = result.content.register_head
    record = register.attestation(result.content.number)
    if record is None:
        return AnchorCheck(
            name,
            number,
            head,
            f"attestation {number} is not in the register: the register was rolled back or the record deleted",
        )
    if record.pdf_sha256 != hashlib.sha256(data).hexdigest():
        return AnchorCheck(
            name, number, head, f"the register holds a different PDF under {number}: the record was replaced"
        )
    if head is None:
        return AnchorCheck(name, number, None, None)  # issued before heads were printed: number and PDF agree
    seq_text, _, digest = head.partition(":")
    try:
        seq = int(seq_text)
    except ValueError:
        return AnchorCheck(name, number, head, f"the printed chain head {head!r} is not seq:hash")
    held = register.entry_hash(seq)
    if held is None:
        return AnchorCheck(
            name,
            number,
            head,
            f"the register has no audit entry {seq}, which {number} printed: the register was rolled back",
        )
    if held != digest:
        return AnchorCheck(
            name,
            number,
            head,
            f"audit entry {seq} differs from the head printed on {number}: the register was rewritten",
        )
    return AnchorCheck(name, number, head, None)
