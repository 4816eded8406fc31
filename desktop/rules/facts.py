"""Facts derived from a lot that rules test: origin, processing, weights, dates, documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from desktop.lot import Category, Goods, GradingReport, Lot, PreBanProof, country_name
from desktop.rules.kp import KpChecker, KpStatus

# The lot format's own Russia fields (exported_from_russia_on, located_outside_russia_since) refer to
# this country; rules still name countries themselves.
RUSSIA = "RU"
TRANSFORMING = ("cutting_polishing", "setting", "growing")

FLAGS = frozenset(
    {
        "natural",
        "lab_grown",
        "industrial",
        "personal_use",
        "loose",
        "jewellery",
        "exported_from_russia",
        "exported_as_is",
        "weight_conflict",
        "hs_mismatch",
        "has_sow_id",
    }
)

_DEFAULT_HS = {
    (Category.ROUGH, False, False): "7102.31",
    (Category.ROUGH, False, True): "7102.21",
    (Category.POLISHED, False, False): "7102.39",
    (Category.POLISHED, False, True): "7102.29",
    (Category.UNSORTED, False, False): "7102.10",
    (Category.UNSORTED, False, True): "7102.10",
    (Category.ROUGH, True, False): "7104.21",
    (Category.POLISHED, True, False): "7104.91",
    (Category.UNSORTED, True, False): "7104.21",
    (Category.JEWELLERY, False, False): "7113",
    (Category.JEWELLERY, True, False): "7113",
}


@dataclass(frozen=True)
class WeightConflict:
    report: str
    report_carats: Decimal
    declared_carats: Decimal


@dataclass
class Facts:
    lot: Lot
    on: date
    kp: KpStatus
    documented: bool = False  # dates from documents only (pre-ban proofs), for exemptions' evidence
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, lot: Lot, on: date, kp: KpChecker) -> Facts:
        return cls(lot=lot, on=on, kp=kp.status(lot, on))

    def as_documented(self) -> Facts:
        return Facts(lot=self.lot, on=self.on, kp=self.kp, documented=True)

    # goods ---------------------------------------------------------------
    @property
    def goods(self) -> Goods:
        return self.lot.goods

    @cached_property
    def hs_code(self) -> str:
        declared = self.lot.goods.hs_code
        if declared:
            return declared
        key = (self.goods.category, self.goods.lab_grown, self.goods.industrial)
        return _DEFAULT_HS.get(key, "")

    @cached_property
    def sow_statement(self) -> str:
        invoice = self.lot.transaction.invoice
        return (invoice.sow_statement if invoice else None) or "none"

    def hs_matches(self, prefixes: list[str]) -> bool:
        code = self.hs_code.replace(".", "")
        return any(code.startswith(p.replace(".", "").replace(" ", "")) for p in prefixes)

    @cached_property
    def flags(self) -> dict[str, bool]:
        goods = self.lot.goods
        return {
            "natural": not goods.lab_grown,
            "lab_grown": goods.lab_grown,
            "industrial": goods.industrial,
            "personal_use": goods.personal_use,
            "loose": goods.category in (Category.ROUGH, Category.POLISHED, Category.UNSORTED),
            "jewellery": goods.category is Category.JEWELLERY,
            "exported_from_russia": self.exported_from_russia is not None,
            "exported_as_is": self.exported_as_is,
            "weight_conflict": self.weight_conflict is not None,
            "hs_mismatch": self.hs_mismatch,
            "has_sow_id": bool(self.lot.transaction.invoice and self.lot.transaction.invoice.sow_id),
        }

    @cached_property
    def hs_mismatch(self) -> bool:
        code = (self.lot.goods.hs_code or "").replace(".", "")
        if not code:
            return False
        if self.lot.goods.lab_grown:
            return code.startswith("7102")
        return code.startswith("7104")

    # origin and movement --------------------------------------------------
    @cached_property
    def mining(self) -> set[str]:
        return set(self.lot.origin.mining_countries)

    def processed_in(self, countries: Sequence[str], activities: Sequence[str], *, inside: bool) -> bool:
        for step in self.lot.processing:
            if step.activity.value not in activities:
                continue
            if (step.country in countries) == inside:
                return True
        return False

    @cached_property
    def origin(self) -> set[str]:
        """Customs origin: where the goods were last substantially transformed, else where mined."""
        transforming = [s for s in self.lot.processing if s.activity.value in TRANSFORMING]
        if transforming:
            return {transforming[-1].country}
        return set(self.mining)

    @cached_property
    def transit(self) -> set[str]:
        return set(self.lot.origin.transit_countries)

    @property
    def exported_from_russia(self) -> date | None:
        declared = self.lot.origin.exported_from_russia_on
        if not self.documented:
            return declared or (self.proof_date if RUSSIA in self.transit else None)
        if self.proof_date is None:
            return None
        return max(d for d in (declared, self.proof_date) if d is not None)

    @property
    def outside_russia_since(self) -> date | None:
        origin = self.lot.origin
        declared = [d for d in (origin.located_outside_russia_since, origin.exported_from_russia_on) if d]
        if not self.documented:
            return max(declared) if declared else self.proof_date
        if self.proof_date is None:
            return None
        exported = origin.exported_from_russia_on
        return max(self.proof_date, exported) if exported else self.proof_date

    @cached_property
    def proof_date(self) -> date | None:
        dates = [e.located_outside_russia_since for e in self.lot.evidence if isinstance(e, PreBanProof)]
        known = [d for d in dates if d is not None]
        return min(known) if known else None

    @cached_property
    def exported_as_is(self) -> bool:
        """Exported from Russia in the form now traded: no cutting or setting outside Russia since."""
        exported = self.lot.origin.exported_from_russia_on
        if exported is None and RUSSIA not in self.transit:
            return False
        for step in self.lot.processing:
            if step.country == RUSSIA or step.activity.value not in ("cutting_polishing", "setting"):
                continue
            if exported is None or step.completed_on is None or step.completed_on >= exported:
                return False
        return True

    def date_of(self, name: str) -> date | None:
        invoice = self.lot.transaction.invoice
        return {
            "transaction": self.on,
            "contract": self.lot.transaction.contract_date,
            "exported_from_russia": self.exported_from_russia,
            "outside_russia_since": self.outside_russia_since,
            "invoice": (invoice.date if invoice and invoice.date else self.on),
        }[name]

    # weight -----------------------------------------------------------------
    @cached_property
    def weight_conflict(self) -> WeightConflict | None:
        declared = self.lot.goods.largest_stone_carats
        reports = [e for e in self.lot.evidence if isinstance(e, GradingReport) and e.carats is not None]
        for report in reports:
            assert report.carats is not None
            single = self.lot.goods.stone_count == 1
            if (single and report.carats != declared) or (not single and report.carats > declared):
                return WeightConflict(report.reference, report.carats, declared)
        return None

    @cached_property
    def largest(self) -> Decimal:
        """The heaviest stone; a grading report's weight beats the invoice's."""
        declared = self.lot.goods.largest_stone_carats
        reports = [
            e.carats for e in self.lot.evidence if isinstance(e, GradingReport) and e.carats is not None
        ]
        if not reports:
            return declared
        if self.lot.goods.stone_count == 1:
            return max(reports)
        return max([declared, *reports])

    def largest_of(self, stones: str) -> Decimal | None:
        if stones == "all":
            return self.largest
        return self.largest_russian

    @cached_property
    def largest_russian(self) -> Decimal | None:
        """The heaviest stone with a Russian link (mined there, or the lot processed/exported there)."""
        # An export date on a lot that includes Russian-mined stones refers to those stones; on a lot
        # without them it means the whole lot passed through Russia.
        passed_through = self.lot.origin.exported_from_russia_on is not None and RUSSIA not in self.mining
        whole_lot_russian = (
            self.processed_in([RUSSIA], list(TRANSFORMING), inside=True)
            or passed_through
            or RUSSIA in self.transit
        )
        if whole_lot_russian:
            return self.largest
        if RUSSIA not in self.mining:
            return None
        breakdown = self.lot.origin.breakdown
        if not breakdown:
            return self.largest
        shares = [s.largest_stone_carats for s in breakdown if s.country == RUSSIA]
        if not shares:
            return self.largest
        bump = self.largest - self.lot.goods.largest_stone_carats
        return max(shares) + max(bump, Decimal(0))

    # evidence -----------------------------------------------------------------
    def holds(self, kind: str, jurisdiction: str | None = None) -> list[str]:
        """References of evidence items of this type (and jurisdiction, where the item names one)."""
        found: list[str] = []
        for item in self.lot.evidence:
            if item.type != kind:
                continue
            item_jurisdiction = getattr(item, "jurisdiction", None)
            if jurisdiction and item_jurisdiction not in (None, jurisdiction):
                continue
            found.append(item.reference)
        return found

    # texts for summaries --------------------------------------------------------
    def placeholders(self) -> dict[str, str]:
        """Values for summary templates (a fresh copy; computed once per facts object)."""
        return dict(self._placeholders)

    @cached_property
    def _placeholders(self) -> dict[str, str]:
        lot = self.lot
        steps = [s for s in lot.processing if s.activity.value in TRANSFORMING]
        values = {
            "lot_id": lot.lot_id,
            "date": self.on.isoformat(),
            "carats": _ct(self.largest),
            "declared_carats": _ct(lot.goods.largest_stone_carats),
            "russian_carats": _ct(self.largest_russian) if self.largest_russian is not None else "-",
            "mining_countries": ", ".join(lot.origin.mining_countries),
            "mining_names": ", ".join(country_name(c) for c in lot.origin.mining_countries),
            "origin_countries": ", ".join(sorted(self.origin)),
            "processing_countries": ", ".join(dict.fromkeys(s.country for s in steps)) or "none",
            "processing": "; ".join(
                f"{s.activity.value.replace('_', ' ')} in {s.country}" for s in lot.processing
            )
            or "no processing",
            "category": lot.goods.category.value,
            "hs_code": self.hs_code or "?",
            "exported_from_russia_on": _d(lot.origin.exported_from_russia_on),
            "outside_russia_since": _d(self.outside_russia_since),
            "proof_date": _d(self.proof_date),
            "transit_countries": ", ".join(lot.origin.transit_countries) or "none",
            "counterparty": lot.counterparty.name,
            "counterparty_country": lot.counterparty.country or "?",
            "delivery_country": lot.transaction.delivery_country or "not stated",
            "contract_date": _d(lot.transaction.contract_date),
            "sow_statement": (lot.transaction.invoice.sow_statement if lot.transaction.invoice else None)
            or "none",
        }
        conflict = self.weight_conflict
        if conflict is not None:
            values.update(report=conflict.report, report_carats=_ct(conflict.report_carats))
        values.update(self.kp.details)
        values.update(self.extra)
        return values


def _ct(value: Decimal) -> str:
    text = format(value, "f")
    if "." not in text:
        text += ".00"
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def _d(value: date | None) -> str:
    return value.isoformat() if value else "unknown"
