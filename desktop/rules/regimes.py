"""Which regimes a lot engages: derived from its facts through the rule pack's jurisdiction table, plus the
ones the lot adds (lot-format.md "Which regimes apply"). A lot can add a regime, never remove a derived one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from desktop.lot import Lot
from desktop.rules.model import Regime

# Why a regime applies, as data (front ends word it): the kind of fact and the country that brought it in.
REASON_TEXT = {
    "issuer": "your seat in {country}",
    "import": "import into {country}",
    "delivery": "delivery to {country}",
    "buyer": "buyer in {country}",
    "consignee": "consignee in {country}",
    "listed": "added in the lot",
}


class NoRegimeError(ValueError):
    """No regime results from the lot's facts; the message says what to give."""


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # a key of REASON_TEXT
    country: str | None = None

    def describe(self) -> str:
        return REASON_TEXT.get(self.kind, self.kind).format(country=self.country or "?")


class RegimeInScope(BaseModel):
    """A regime checked for a lot, and why; `derived` ones follow from the facts and cannot be removed."""

    model_config = ConfigDict(frozen=True)

    code: str
    names: dict[str, str]  # the pack's names of the regime, by language
    reasons: list[Reason]
    derived: bool

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.code

    def describe(self) -> str:
        return ", ".join(r.describe() for r in self.reasons)


@dataclass(frozen=True)
class _Table:
    by_country: dict[str, str]
    order: tuple[str, ...]
    names: dict[str, dict[str, str]]

    @classmethod
    def of(cls, regimes: Sequence[Regime]) -> _Table:
        return cls(
            {c: r.code for r in regimes for c in r.countries},
            tuple(r.code for r in regimes),
            {r.code: dict(r.names) for r in regimes},
        )


def regimes_in_scope(lot: Lot, regimes: Sequence[Regime]) -> list[RegimeInScope]:
    """Every regime the lot engages, in the pack's order; NoRegimeError when none does."""
    table = _Table.of(regimes)
    found: dict[str, list[Reason]] = {}

    def bring(country: str | None, kind: str) -> None:
        code = table.by_country.get(country or "")
        if code is not None:
            reasons = found.setdefault(code, [])
            reason = Reason(kind=kind, country=country)
            if reason not in reasons:
                reasons.append(reason)

    tx = lot.transaction
    bring(tx.issuer_country, "issuer")
    if tx.kind.value == "import":
        bring(tx.issuer_country, "import")
    bring(tx.delivery_country, "delivery")
    if lot.counterparty.role == "buyer":
        bring(lot.counterparty.country, "buyer")
    for party in lot.parties:
        if party.role in ("buyer", "consignee"):
            bring(party.country, party.role)
    derived = set(found)
    for code in tx.jurisdictions:
        if code not in table.order:
            raise NoRegimeError(f"transaction.jurisdictions: unknown jurisdiction {code!r}")
        found.setdefault(code, []).append(Reason(kind="listed"))
    if not found:
        raise NoRegimeError(
            "transaction.jurisdictions: no regime applies to this lot: give the issuer's country "
            "(transaction.issuer_country, or your firm's country in the settings), the buyer's country, or a "
            "jurisdiction"
        )
    return [
        RegimeInScope(code=c, names=table.names[c], reasons=found[c], derived=c in derived)
        for c in table.order
        if c in found
    ]
