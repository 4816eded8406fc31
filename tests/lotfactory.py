"""Build lots for tests from a readable base plus overrides (dotted paths), through the real loader."""

from __future__ import annotations

import copy
import json
from typing import Any

from desktop.lot import Lot, parse_lot

BASE: dict[str, Any] = {
    "format": "clearstone.lot/1",
    "lot_id": "T-1",
    "description": "test lot",
    "transaction": {
        "date": "2026-12-01",
        "kind": "import",
        "jurisdictions": ["US", "EU", "UK", "CA", "JP", "CH", "AU", "NZ"],
        "invoice": {"number": "I-1", "date": "2026-11-20", "sow_statement": "2021", "sow_id": "SOW-X-1"},
    },
    "goods": {
        "category": "polished",
        "lab_grown": False,
        "industrial": False,
        "hs_code": "7102.39",
        "stone_count": 1,
        "total_carats": "1.00",
        "largest_stone_carats": "1.00",
        "personal_use": False,
    },
    "origin": {
        "mining_countries": ["RU"],
        "exported_from_russia_on": "2025-05-12",
        "located_outside_russia_since": "2025-05-12",
        "transit_countries": [],
    },
    "processing": [{"country": "IN", "activity": "cutting_polishing", "completed_on": "2025-08-14"}],
    "counterparty": {
        "role": "seller",
        "kind": "organization",
        "name": "Test Cutters Pvt Ltd",
        "country": "IN",
    },
    "evidence": [],
}


def lot_data(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for dotted, value in overrides.items():
        keys = dotted.split("__")
        target = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    carats = data["goods"]["largest_stone_carats"]
    if "goods__total_carats" not in overrides and data["goods"].get("total_carats") is not None:
        data["goods"]["total_carats"] = max(carats, data["goods"]["total_carats"], key=float)
    return data


def make_lot(**overrides: Any) -> Lot:
    """Keys use double underscores for nesting: make_lot(goods__largest_stone_carats="0.50")."""
    return parse_lot(json.dumps(lot_data(**overrides)).encode("utf-8"))


def rough(country: str = "BW", carats: str = "1.20", **overrides: Any) -> Lot:
    base: dict[str, Any] = {
        "goods__category": "rough",
        "goods__hs_code": "7102.31",
        "goods__stone_count": 10,
        "goods__total_carats": "9.00",
        "goods__largest_stone_carats": carats,
        "origin__mining_countries": [country],
        "origin__exported_from_russia_on": None,
        "origin__located_outside_russia_since": None,
        "processing": [],
        "evidence": [kp(country)],
    }
    base.update(overrides)
    return make_lot(**base)


def kp(
    issuer: str,
    *,
    issued: str = "2026-11-10",
    expires: str = "2027-01-10",
    mining: list[str] | None = None,
    mixed: bool = False,
) -> dict[str, Any]:
    return {
        "type": "kp_certificate",
        "reference": f"{issuer} 0001234",
        "issuing_country": issuer,
        "issued_on": issued,
        "expires_on": expires,
        "mining_countries": [issuer] if mining is None else mining,
        "mixed_origin": mixed,
    }
