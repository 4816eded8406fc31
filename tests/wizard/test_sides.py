"""Both sides of the deal kept in the lot's terms: the seller is the counterparty, the buyer a party created
when typed and dropped when blank; selling from stock makes the buyer the counterparty."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.wizard import Checklist, new_draft
from desktop.wizard.sides import BUYER, SELLER, from_own_stock, sell_from_stock, set_side_value, side_path


@pytest.fixture
def checklist() -> Checklist:
    return Checklist(new_draft(today=date(2026, 12, 1), jurisdictions=[], issuer_country="BE"))


def test_the_buyer_comes_and_goes_with_its_fields(checklist: Checklist) -> None:
    data = checklist.draft.data()
    assert side_path(data, SELLER) == ("counterparty",) and side_path(data, BUYER) is None
    assert set_side_value(checklist, BUYER, "name", "Hudson Fine Jewelry LLC") == ("parties", 0)
    set_side_value(checklist, BUYER, "country", "US")
    assert checklist.value(("parties", 0)) == {
        "role": "buyer",
        "kind": "organization",
        "name": "Hudson Fine Jewelry LLC",
        "country": "US",
    }
    set_side_value(checklist, BUYER, "name", "")
    assert checklist.value(("parties",)) != []  # the country is still entered
    set_side_value(checklist, BUYER, "country", None)
    assert checklist.value(("parties",)) == [], "a blank buyer never makes the lot invalid"


def test_selling_from_stock_moves_the_buyer_and_back(checklist: Checklist) -> None:
    set_side_value(checklist, BUYER, "name", "Hudson Fine Jewelry LLC")
    set_side_value(checklist, SELLER, "name", "Kgalagadi Rough Trading")
    with pytest.raises(ValueError, match="a seller is entered"):
        sell_from_stock(checklist, True)
    set_side_value(checklist, SELLER, "name", "")
    sell_from_stock(checklist, True)
    data = checklist.draft.data()
    assert from_own_stock(data) and data["counterparty"]["name"] == "Hudson Fine Jewelry LLC"
    assert side_path(data, BUYER) == ("counterparty",) and side_path(data, SELLER) is None
    assert data["parties"] == []
    sell_from_stock(checklist, False)
    data = checklist.draft.data()
    assert (
        data["counterparty"]["role"] == "seller" and data["parties"][0]["name"] == "Hudson Fine Jewelry LLC"
    )
