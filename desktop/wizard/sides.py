"""Both sides of the deal as a dealer says them — who sells to you, who buys from you — kept in the lot's terms
(lot-format.md: `counterparty` and `parties[]`), without Qt.

The seller is the `counterparty` (role seller) and the buyer a party with role `buyer`. A dealer who sells
from stock names no seller: the buyer is then the `counterparty` (role buyer). Consignees, brokers and
carriers are further parties. A side is created when its first field is typed and removed again when it is
emptied, so a side left blank never makes the lot invalid.
"""

from __future__ import annotations

from typing import Any

from desktop.wizard.machine import Checklist

Path = tuple[int | str, ...]
SELLER, BUYER = "seller", "buyer"
OTHER_ROLES = ("consignee", "broker", "carrier")
_EMPTY_PARTY_KEYS = {"role", "kind"}  # a party with only these has nothing entered


def _party(data: dict[str, Any], path: Path) -> dict[str, Any]:
    node: Any = data
    for key in path:
        node = node[key] if isinstance(key, int) else node.get(key)
    return node if isinstance(node, dict) else {}


def side_path(data: dict[str, Any], side: str) -> Path | None:
    """Where the seller or the buyer is in the lot now, or None when it is not entered."""
    counterparty = data.get("counterparty")
    if isinstance(counterparty, dict) and (counterparty.get("role") or SELLER) == side:
        return ("counterparty",)
    for index, party in enumerate(data.get("parties") or []):
        if isinstance(party, dict) and party.get("role") == side:
            return ("parties", index)
    return None


def from_own_stock(data: dict[str, Any]) -> bool:
    """No seller is named: the dealer sells from stock, and the buyer is the counterparty."""
    counterparty = data.get("counterparty")
    return isinstance(counterparty, dict) and counterparty.get("role") == BUYER


def is_blank(party: dict[str, Any]) -> bool:
    return not any(
        value not in (None, "", [], {}) for key, value in party.items() if key not in _EMPTY_PARTY_KEYS
    )


def set_side_value(checklist: Checklist, side: str, key: str, value: Any) -> Path:
    """Set one field of the seller or the buyer, creating the buyer when its first field is typed and dropping
    it again when it is left blank. Returns the path of the side (after the change)."""
    data = checklist.draft.data()
    path = side_path(data, side)
    if path is None:
        if value in (None, "", []):
            return ("parties", len(data.get("parties") or []))
        index = checklist.append_item(("parties",), {"role": side, "kind": "organization", key: value})
        return ("parties", index)
    checklist.set_value((*path, key), value)
    if path[0] == "parties" and is_blank(_party(checklist.draft.data(), path)):
        checklist.remove_item(("parties",), int(path[1]))
    return path


def ensure_side(checklist: Checklist, side: str) -> Path:
    """The side's path, creating an empty buyer party when needed (before adding an owner to it)."""
    data = checklist.draft.data()
    path = side_path(data, side)
    if path is not None:
        return path
    index = checklist.append_item(("parties",), {"role": side, "kind": "organization", "name": ""})
    return ("parties", index)


def sell_from_stock(checklist: Checklist, on: bool) -> None:
    """Switch between "you buy from a seller (and sell to a buyer)" and "you sell from stock, no seller": the
    buyer moves between `parties[]` and `counterparty`. Refused while a seller is entered (nothing is lost)."""
    data = checklist.draft.data()
    parties = [p for p in data.get("parties") or [] if isinstance(p, dict)]
    if on and not from_own_stock(data):
        seller = data.get("counterparty") if isinstance(data.get("counterparty"), dict) else {}
        if not is_blank(dict(seller or {})):
            raise ValueError("a seller is entered: clear it first")
        buyer = next((p for p in parties if p.get("role") == BUYER), None)
        rest = [p for p in parties if p is not buyer]
        made = dict(buyer or {"kind": "organization", "name": ""})
        made["role"] = BUYER
        made.setdefault("name", "")
        data["counterparty"] = made
        data["parties"] = rest
    elif not on and from_own_stock(data):
        buyer = dict(data["counterparty"])
        data["counterparty"] = {"role": SELLER, "kind": "organization", "name": "", "owners": []}
        data["parties"] = ([buyer] if not is_blank(buyer) else []) + parties
    else:
        return
    from desktop.wizard.draft import Draft

    decisions = checklist.decisions
    checklist.replace_draft(Draft(data))
    for decision in decisions:  # moving a party does not change who it is: keep the rulings on its name
        checklist.record_decision(decision)


def others(data: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """(index in parties[], party) of every consignee, broker or carrier."""
    return [
        (i, p)
        for i, p in enumerate(data.get("parties") or [])
        if isinstance(p, dict) and p.get("role") not in (SELLER, BUYER)
    ]
