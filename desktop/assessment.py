"""The frozen snapshot of one check: lot, findings per jurisdiction, screening, rule pack, time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from desktop.lot import Lot
from desktop.parties import screen_parties
from desktop.rules.engine import Engine
from desktop.rules.pack import LoadedPack
from desktop.rules.result import JurisdictionResult, Verdict, finding_order, verdict_of
from desktop.screening.types import ListInfo, Match, PartyQuery, ScreeningDecision

ASSESSMENT_FORMAT = "clearstone.assessment/1"


class PackRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    as_of: date
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "as_of": self.as_of.isoformat(),
            "sha256": self.sha256,
        }


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


class ReviewRuling(BaseModel):
    """A person's resolution of a rule finding in `review`, as applied to this assessment."""

    model_config = ConfigDict(frozen=True)

    jurisdiction: str
    rule: str
    resolution: Verdict
    reason: str
    decided_by: str
    decided_at: datetime
    lot_id: str | None = None


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
    reviews: list[ReviewRuling] = Field(default_factory=list)  # review resolutions that were applied

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
            "reviews": [r.model_dump(mode="json") for r in self.reviews],
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
        return json.dumps(
            self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    @classmethod
    def from_json_text(cls, text: str) -> Assessment:
        return cls.model_validate_json(text)


class PartyScreener(Protocol):
    """What assessing needs from screening (desktop.screening.service.Screener provides it)."""

    def lists(self) -> list[ListInfo]: ...

    def screen(self, query: PartyQuery) -> list[Match]: ...


class ReviewLike(Protocol):
    """A recorded review resolution (desktop.register's ReviewResolution has this shape)."""

    @property
    def jurisdiction(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def resolution(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def decided_by(self) -> str: ...
    @property
    def decided_at(self) -> datetime: ...
    @property
    def lot_id(self) -> str | None: ...


def _apply_reviews(
    lot: Lot, results: dict[str, JurisdictionResult], reviews: Sequence[ReviewLike]
) -> tuple[dict[str, JurisdictionResult], list[ReviewRuling]]:
    """Only findings in `review` can be settled by a person, and only for this lot; the latest ruling wins."""
    latest: dict[tuple[str, str], ReviewLike] = {}
    for review in sorted(reviews, key=lambda r: r.decided_at):
        if review.lot_id == lot.lot_id and review.resolution in {v.value for v in Verdict}:
            latest[(review.jurisdiction, review.rule)] = review
    applied: list[ReviewRuling] = []
    updated: dict[str, JurisdictionResult] = {}
    for code, result in results.items():
        findings = []
        for finding in result.findings:
            ruling = latest.get((code, finding.rule))
            if ruling is None or finding.outcome is not Verdict.REVIEW:
                findings.append(finding)
                continue
            decided = ReviewRuling(
                jurisdiction=code,
                rule=finding.rule,
                resolution=Verdict(ruling.resolution),
                reason=ruling.reason,
                decided_by=ruling.decided_by,
                decided_at=ruling.decided_at,
                lot_id=ruling.lot_id,
            )
            applied.append(decided)
            summary = (
                f"{finding.summary} — resolved as {decided.resolution.value} by {decided.decided_by} "
                f"on {decided.decided_at.date().isoformat()}: {decided.reason}"
            )
            findings.append(finding.model_copy(update={"outcome": decided.resolution, "summary": summary}))
        updated[code] = JurisdictionResult(jurisdiction=code, verdict=verdict_of(findings), findings=findings)
    return updated, applied


_ENGINES: dict[str, Engine] = {}


def engine_for(pack: LoadedPack) -> Engine:
    """One engine per pack hash: building it indexes exemptions and the KP registry once."""
    engine = _ENGINES.get(pack.sha256)
    if engine is None:
        engine = _ENGINES[pack.sha256] = Engine(pack.pack)
    return engine


def assess(
    lot: Lot,
    *,
    pack: LoadedPack,
    screener: PartyScreener | None,
    decisions: Sequence[ScreeningDecision] = (),
    reviews: Sequence[ReviewLike] = (),
    on: date | None = None,
    jurisdictions: Sequence[str] | None = None,
    now: datetime,
) -> Assessment:
    """Apply the rules of every binding jurisdiction, screen the parties, apply people's review
    resolutions: one frozen snapshot."""
    evaluation = engine_for(pack).evaluate(lot, on=on, jurisdictions=jurisdictions)
    screening = ScreeningSummary()
    results = dict(evaluation.results)
    if screener is not None:
        outcome = screen_parties(
            lot, screener, pack.pack, decisions, on=evaluation.on, jurisdictions=list(results), now=now
        )
        screening = ScreeningSummary(
            lists=outcome.lists, matches=outcome.matches, decisions=outcome.decisions, parties=outcome.parties
        )
        for code, extra in outcome.findings.items():
            merged = sorted([*results[code].findings, *extra], key=finding_order)
            results[code] = JurisdictionResult(jurisdiction=code, verdict=verdict_of(merged), findings=merged)
    applied: list[ReviewRuling] = []
    if reviews:
        results, applied = _apply_reviews(lot, results, reviews)
    return Assessment(
        lot=lot,
        reviews=applied,
        date=evaluation.on,
        verdict=Verdict.worst([r.verdict for r in results.values()]),
        jurisdictions=results,
        screening=screening,
        rule_pack=PackRef(
            id=pack.pack.id, version=pack.pack.version, as_of=pack.pack.as_of, sha256=pack.sha256
        ),
        assessed_at=now,
    )
