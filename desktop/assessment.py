"""The frozen snapshot of one check: lot, findings per jurisdiction, screening, rule pack, time."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from desktop.lot import Lot
from desktop.rules.result import JurisdictionResult, Verdict
from desktop.screening.types import ListInfo, Match, ScreeningDecision

ASSESSMENT_FORMAT = "clearstone.assessment/1"


class PackRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    as_of: date
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "as_of": self.as_of.isoformat(), "sha256": self.sha256}


class ScreeningSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    lists: list[ListInfo] = Field(default_factory=list)
    matches: list[Match] = Field(default_factory=list)
    decisions: list[ScreeningDecision] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)  # every name screened: counterparty, aliases, owners

    def to_json(self) -> dict[str, Any]:
        return {
            "lists": [item.to_json() for item in self.lists],
            "matches": [item.to_json() for item in self.matches],
            "decisions": [item.model_dump(mode="json") for item in self.decisions],
            "parties": self.parties,
        }


class Assessment(BaseModel):
    """Everything that is printed and signed; never re-read from UI state after it is made."""

    model_config = ConfigDict(frozen=True)

    format: str = ASSESSMENT_FORMAT
    lot: Lot
    date: date  # the day the rules were applied (transaction date or --on)
    verdict: Verdict
    jurisdictions: dict[str, JurisdictionResult]
    screening: ScreeningSummary
    rule_pack: PackRef
    assessed_at: datetime  # passed in by the caller, never read inside the core

    def to_json(self) -> dict[str, Any]:
        """The `check --json` document for one lot (shared/spec/cli.md), plus extensions."""
        return {
            "lot_id": self.lot.lot_id,
            "date": self.date.isoformat(),
            "verdict": self.verdict.value,
            "jurisdictions": {code: result.to_json() for code, result in self.jurisdictions.items()},
            "screening": self.screening.to_json(),
            "rule_pack": self.rule_pack.to_json(),
            "assessed_at": self.assessed_at.isoformat(),
        }

    def open_items(self) -> list[tuple[str, str, str]]:
        """(jurisdiction, rule, summary) of every finding that keeps the lot from being cleared."""
        return [
            (code, f.rule, f.summary)
            for code, result in self.jurisdictions.items()
            for f in result.findings
            if f.outcome is not Verdict.CLEARED
        ]

    def canonical_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    @classmethod
    def from_json_text(cls, text: str) -> Assessment:
        return cls.model_validate_json(text)
