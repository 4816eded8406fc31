"""The search column: derived from an assessment's hashed JSON, so `verify` can recompute and compare it."""

from __future__ import annotations

from typing import Any


def search_text(assessment: dict[str, Any]) -> str:
    """The names and references a dealer searches by, case-folded, one per line.

    `verify` recomputes this from the stored (hashed) JSON: a record hidden from or planted in search shows.
    Changing what goes in here needs a migration that recomputes the column for every stored assessment."""
    lot = assessment.get("lot", {})
    party = lot.get("counterparty", {})
    invoice = (lot.get("transaction") or {}).get("invoice") or {}
    items = [
        lot.get("lot_id"),
        lot.get("description"),
        party.get("name"),
        *party.get("aliases", []),
        party.get("registration_number"),
        *(owner.get("name") for owner in party.get("owners", [])),
        invoice.get("number"),
        invoice.get("sow_id"),
    ]
    return "\n".join(str(item).casefold() for item in items if item)
