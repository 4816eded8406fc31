"""Small lot files for GUI tests, written where the test wants them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

BOTSWANA_POLISHED: dict[str, Any] = {
    "format": "clearstone.lot/1",
    "lot_id": "L-2026-0142",
    "description": "Round brilliant, 1 stone",
    "transaction": {"date": "2026-12-01", "kind": "import", "jurisdictions": ["US"]},
    "goods": {
        "category": "polished",
        "stone_count": 1,
        "total_carats": "0.80",
        "largest_stone_carats": "0.80",
    },
    "origin": {"mining_countries": ["BW"]},
    "processing": [{"country": "IN", "activity": "cutting_polishing", "completed_on": "2026-06-30"}],
    "counterparty": {"name": "Surat Star Exports Pvt Ltd", "country": "IN"},
    # The test firm sits in Antwerp, so its own regime (EU) always applies to its imports: the EU's due
    # diligence statement on origin is held.
    "evidence": [
        {
            "type": "due_diligence_statement",
            "reference": "DDS-2026-118",
            "jurisdiction": "EU",
            "issued_on": "2026-11-28",
        }
    ],
}


def lot(**changes: Any) -> dict[str, Any]:
    """The Botswana lot with sections replaced, e.g. lot(origin={...})."""
    made = copy.deepcopy(BOTSWANA_POLISHED)
    made.update(copy.deepcopy(changes))
    return made


def write_lot(folder: Path, data: dict[str, Any], name: str = "lot.lot.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


RUSSIAN_CUT_IN_INDIA = lot(
    lot_id="L-2026-0143",
    goods={"category": "polished", "stone_count": 1, "total_carats": "1.00", "largest_stone_carats": "1.00"},
    origin={"mining_countries": ["RU"], "exported_from_russia_on": "2025-05-12"},
)

POSSIBLE_MATCH = lot(
    lot_id="L-2026-0144",
    counterparty={"name": "Kristal Produktion Corporation", "kind": "organization", "country": "BW"},
)
