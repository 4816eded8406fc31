"""The checklist's problems in words for people: what is wrong and what to do, without field paths (no Qt).

The loader words a problem for a file and a command line (`goods.largest_stone_carats: not a decimal
number: "1.2O"`); the window shows it under the field itself, so the field is known and the words can be
plain. Each wording is an English template with named values: the window translates the template, then
fills it. The command line keeps the loader's words, field paths included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.wizard.machine import Problem


@dataclass(frozen=True)
class Wording:
    template: str  # English, with {named} values; a catalogue key for the window
    values: dict[str, str] = field(default_factory=dict)

    def english(self) -> str:
        return self.template.format(**self.values)


# Every template, so a test can require a translation of each.
REQUIRED = "Required."
ADD_ONE = "Add at least one."
NOT_A_DATE = "Not a date: “{value}”. Write it as YYYY-MM-DD, for example 2026-12-01."
NOT_A_NUMBER = "Not a number: “{value}”. Use a point for decimals, for example 0.50."
TOO_MANY_DECIMALS = "Too many decimal places: “{value}”."
NEGATIVE = "Cannot be negative: “{value}”."
TOO_LARGE = "Too large to be plausible: {value}."
SHARE_OVER_100 = "A share cannot be more than 100 %: “{value}”."
SHARES_OVER_100 = "The owners’ shares add up to {value} %, more than 100 %."
UNKNOWN_COUNTRY = "Unknown country “{value}”: type a name or code and pick it from the list."
UNKNOWN_REGIME = "Unknown regime “{value}”."
REGIME_TWICE = "Each regime can be added once."
NOT_HS_CODE = "Not an HS code: “{value}”. For example 7102.39."
NOT_CURRENCY = "A currency is three capital letters, for example USD."
NOT_IN_FORM = "Not in the expected form: “{value}”."
WHOLE_NUMBER = "A whole number from 1, please."
CONTROL_CHARACTERS = "Remove the invisible control characters."
TOO_LONG = "Too long."
CHOOSE_OFFERED = "Choose one of the values offered."
UNKNOWN_DOCUMENT = "Unknown kind of document."
LARGEST_OVER_TOTAL = "The largest stone ({largest} ct) weighs more than the whole lot ({total} ct)."
STONE_ZERO = "The largest stone must weigh more than 0 ct."
NOT_A_BIRTH_DATE = "Not a date of birth: “{value}”. Write YYYY-MM-DD, or only the year."
PROCESSING_NEEDED = "Where were the stones cut? Add at least one processing step (country, activity, date)."
OTHER = "{message}"

TEMPLATES = (
    REQUIRED,
    ADD_ONE,
    NOT_A_DATE,
    NOT_A_NUMBER,
    TOO_MANY_DECIMALS,
    NEGATIVE,
    TOO_LARGE,
    SHARE_OVER_100,
    SHARES_OVER_100,
    UNKNOWN_COUNTRY,
    UNKNOWN_REGIME,
    REGIME_TWICE,
    NOT_HS_CODE,
    NOT_CURRENCY,
    NOT_IN_FORM,
    WHOLE_NUMBER,
    CONTROL_CHARACTERS,
    TOO_LONG,
    CHOOSE_OFFERED,
    UNKNOWN_DOCUMENT,
    LARGEST_OVER_TOTAL,
    STONE_ZERO,
    NOT_A_BIRTH_DATE,
    PROCESSING_NEEDED,
)

_SIMPLE = {
    "missing": REQUIRED,
    "too_short": ADD_ONE,
    "decimal_string": NOT_A_NUMBER,
    "decimal_places": TOO_MANY_DECIMALS,
    "negative": NEGATIVE,
    "percent": SHARE_OVER_100,
    "country": UNKNOWN_COUNTRY,
    "jurisdiction": UNKNOWN_REGIME,
    "int_type": WHOLE_NUMBER,
    "int_parsing": WHOLE_NUMBER,
    "int_from_float": WHOLE_NUMBER,
    "greater_than_equal": WHOLE_NUMBER,
    "less_than_equal": TOO_LARGE,
    "literal_error": CHOOSE_OFFERED,
    "enum": CHOOSE_OFFERED,
    "bool_type": CHOOSE_OFFERED,
    "bool_parsing": CHOOSE_OFFERED,
    "union_tag_invalid": UNKNOWN_DOCUMENT,
    "union_tag_not_found": UNKNOWN_DOCUMENT,
    "processing_needed": PROCESSING_NEEDED,
}


def _value(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def for_people(problem: Problem) -> Wording:
    """What to show under the field: the problem in plain words, with what was entered."""
    kind, value, message = problem.kind, _value(problem.value), problem.message
    leaf = problem.field.rsplit(".", 1)[-1]
    if kind == "date":
        template = NOT_A_BIRTH_DATE if leaf == "date_of_birth" else NOT_A_DATE
        return Wording(template, {"value": value})
    if kind == "too_large":
        return Wording(TOO_LARGE, {"value": value})
    if kind == "string_pattern_mismatch":
        if leaf == "hs_code":
            return Wording(NOT_HS_CODE, {"value": value})
        if leaf == "currency":
            return Wording(NOT_CURRENCY)
        return Wording(NOT_IN_FORM, {"value": value})
    if kind == "text":
        if "empty" in message:
            return Wording(REQUIRED)
        if "control characters" in message:
            return Wording(CONTROL_CHARACTERS)
        if "longer than" in message:
            return Wording(TOO_LONG)
    if kind in _SIMPLE:
        template = _SIMPLE[kind]
        return Wording(template, {"value": value} if "{value}" in template else {})
    return _cross_field(message)


def _cross_field(message: str) -> Wording:
    """Checks across fields (and anything unforeseen): recognised by the loader's words."""
    found = re.search(r"([\d.]+) is more than total_carats ([\d.]+)", message)
    if found:
        return Wording(LARGEST_OVER_TOTAL, {"largest": found.group(1), "total": found.group(2)})
    if "must be greater than 0" in message:
        return Wording(STONE_ZERO)
    found = re.search(r"shares add up to ([\d.]+) %", message)
    if found:
        return Wording(SHARES_OVER_100, {"value": found.group(1)})
    if "may be listed once" in message:
        return Wording(REGIME_TWICE)
    # unforeseen: the loader's own words, without the snake_case of field names
    return Wording(OTHER, {"message": re.sub(r"\b([a-z]+)_([a-z_]+)\b", _spaced, message)})


def _spaced(found: re.Match[str]) -> str:
    return found.group(0).replace("_", " ")


# ----- field names, for a problem shown away from its field ("first: Lot ID: Required.")

FIELD_NAMES: dict[str, str] = {
    "lot_id": "Lot ID",
    "description": "Description",
    "goods.category": "Category",
    "goods.stone_count": "Number of stones",
    "goods.largest_stone_carats": "Largest stone (ct)",
    "goods.total_carats": "Total weight (ct)",
    "goods.hs_code": "HS code",
    "goods": "Goods",
    "transaction.date": "Date",
    "transaction.kind": "Kind",
    "transaction.jurisdictions": "Regimes",
    "transaction.issuer_country": "Your country",
    "transaction.contract_date": "Contract date",
    "transaction.delivery_country": "Delivery country",
    "transaction.invoice.number": "Invoice number",
    "transaction.invoice.date": "Invoice date",
    "transaction.invoice.sow_id": "Supplier's SoW ID",
    "transaction.value": "Value",
    "origin.mining_countries": "Mining countries",
    "origin.mining_area": "Mining area",
    "origin.exported_from_russia_on": "Left Russia on",
    "origin.located_outside_russia_since": "Outside Russia since",
    "origin.transit_countries": "Transit countries",
    "origin": "Origin",
    "processing": "Processing",
    "processing.country": "Processing country",
    "processing.activity": "Activity",
    "processing.completed_on": "Completed on",
    "party.name": "Name",
    "party.country": "Country",
    "party.kind": "Kind",
    "party.aliases": "Also known as",
    "party.registration_number": "Registration no.",
    "party.address": "Address",
    "party.date_of_birth": "Date of birth",
    "party.nationality": "Nationality",
    "party.owners": "Owners",
    "party.owners.name": "Owner's name",
    "party.owners.country": "Owner's country",
    "party.owners.share_percent": "Owner's share",
    "evidence.reference": "Reference",
    "evidence.issuing_country": "Issuing country",
    "evidence.issued_on": "Issued on",
    "evidence.expires_on": "Expires on",
    "evidence.mining_countries": "Countries of origin",
    "evidence.lab": "Laboratory",
    "evidence.carats": "Weight (ct)",
    "evidence.jurisdiction": "Jurisdiction",
    "evidence.country": "Country of origin",
    "evidence.located_outside_russia_since": "Outside Russia since",
}
ROLE_NAMES = {
    "seller": "Seller",
    "buyer": "Buyer",
    "consignee": "Consignee",
    "broker": "Broker",
    "carrier": "Carrier",
}


def field_name(path: str, data: dict[str, Any] | None = None) -> tuple[str, str | None]:
    """(the field's name, the party role it belongs to or None) for a dotted path: both English catalogue
    keys. `data` (the draft) tells which role a party plays."""
    plain = re.sub(r"\[\d+\]", "", path)
    role: str | None = None
    found = re.match(r"(counterparty|parties\[(\d+)\])(\.|$)", path)
    if found:
        party: Any = (data or {}).get("counterparty")
        if found.group(2) is not None:
            items = (data or {}).get("parties") or []
            index = int(found.group(2))
            party = items[index] if index < len(items) else None
        kind = party.get("role") if isinstance(party, dict) else None
        role = ROLE_NAMES.get(kind if isinstance(kind, str) else "", "Seller")
        plain = "party" + plain[len("counterparty" if found.group(2) is None else "parties") :]
    return FIELD_NAMES.get(plain, FIELD_NAMES.get(plain.rsplit(".", 1)[0], plain.replace("_", " "))), role
