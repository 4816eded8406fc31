"""The lot being entered: a JSON-shaped dict that may be incomplete, read and written by field path."""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.lot import FORMAT_ID, Lot

Path = tuple[int | str, ...]


class DraftError(ValueError):
    """A draft or lot file could not be read as a JSON object."""


class Draft:
    """A lot in the making; never validated on write, so the user can type freely."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @classmethod
    def from_lot(cls, lot: Lot) -> Draft:
        return cls(lot.model_dump(mode="json"))

    @classmethod
    def from_json_text(cls, text: str) -> Draft:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DraftError(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
        if not isinstance(data, dict):
            raise DraftError(f"a lot is a JSON object, not {type(data).__name__}")
        return cls(data)

    def to_json_text(self) -> str:
        return json.dumps(self._data, ensure_ascii=False, indent=2) + "\n"

    def to_bytes(self) -> bytes:
        return json.dumps(self._data, ensure_ascii=False).encode("utf-8")

    def data(self) -> dict[str, Any]:
        """A deep copy, so callers cannot change the draft behind the state machine's back."""
        return copy.deepcopy(self._data)

    def get(self, path: Sequence[int | str], default: Any = None) -> Any:
        node: Any = self._data
        for key in path:
            if isinstance(key, int):
                if not isinstance(node, list) or not -len(node) <= key < len(node):
                    return default
                node = node[key]
            else:
                if not isinstance(node, dict) or key not in node:
                    return default
                node = node[key]
        return copy.deepcopy(node)

    def set(self, path: Sequence[int | str], value: Any) -> bool:
        """Set the value at `path`, creating missing objects; False when nothing changed."""
        if not path:
            raise DraftError("an empty path names no field")
        node: Any = self._data
        for key, following in itertools.pairwise(path):
            if isinstance(key, int):
                if not isinstance(node, list) or not -len(node) <= key < len(node):
                    raise DraftError(f"no item {key} at {list(path)}")
                node = node[key]
                continue
            child = node.get(key) if isinstance(node, dict) else None
            if not isinstance(child, dict | list):
                child = [] if isinstance(following, int) else {}
                node[key] = child
            node = child
        last = path[-1]
        if isinstance(last, int):
            if not isinstance(node, list) or not -len(node) <= last < len(node):
                raise DraftError(f"no item {last} at {list(path)}")
            if node[last] == value:
                return False
            node[last] = copy.deepcopy(value)
            return True
        if isinstance(node, dict) and node.get(last, _MISSING) == value:
            return False
        node[last] = copy.deepcopy(value)
        return True


_MISSING = object()


def new_draft(
    *, today: date, jurisdictions: Sequence[str], lot_id: str = "", issuer_country: str | None = None
) -> Draft:
    """An empty check for `today`: the regimes the firm adds to every check, and its seat (the issuer's
    country, from the settings) as a fact of the lot."""
    return Draft(
        {
            "format": FORMAT_ID,
            "lot_id": lot_id,
            "description": None,
            "transaction": {
                "date": today.isoformat(),
                "kind": "import",
                "jurisdictions": list(jurisdictions),
                "issuer_country": issuer_country or None,
                "invoice": None,
                "value": None,
            },
            "goods": {
                "category": "polished",
                "lab_grown": False,
                "stone_count": 1,
                "total_carats": None,
                "largest_stone_carats": None,
            },
            "origin": {"mining_countries": [], "exported_from_russia_on": None, "transit_countries": []},
            "processing": [],
            "counterparty": {
                "role": "seller",
                "kind": "organization",
                "name": "",
                "country": None,
                "owners": [],
            },
            "evidence": [],
        }
    )
