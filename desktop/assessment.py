"""The frozen snapshot of one check: lot, findings per jurisdiction, screening, rule pack, time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from desktop.coverage import DEFAULT_MAX_AGE_DAYS
from desktop.lot import Lot
from desktop.parties import AWAITS_MATCH_DECISION, DecisionPolicy, screen_parties
from desktop.rules.engine import Engine
from desktop.rules.language import typeset
from desktop.rules.pack import LoadedPack
from desktop.rules.regimes import NoRegimeError, RegimeInScope, regimes_in_scope
from desktop.rules.result import (
    Finding,
    JurisdictionResult,
    Level,
    Verdict,
    finding_order,
    resolved,
    verdict_of,
)
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
    # Every regime the lot engages and why (added 2026-12; older records have none).
    regimes: list[RegimeInScope] = Field(default_factory=list)
    # A what-if restricted to some regimes (`check --jurisdiction`): never attested.
    restricted_to: list[str] | None = None

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
            "regimes": [r.model_dump(mode="json") for r in self.regimes],
            **({"restricted_to": self.restricted_to} if self.restricted_to is not None else {}),
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


def review_resolutions(finding: Finding) -> list[Verdict]:
    """What a person may settle a finding as: only a finding in `review` can be settled; a possible sanctions
    match is decided as "match / not a match" instead; `needs_evidence` only where the finding names evidence."""
    if finding.outcome is not Verdict.REVIEW or finding.facts.get("awaits") == AWAITS_MATCH_DECISION:
        return []
    allowed = [Verdict.CLEARED, Verdict.BLOCKED]
    if finding.evidence_needed is not None:
        allowed.insert(1, Verdict.NEEDS_EVIDENCE)
    return allowed


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
            if ruling is None or Verdict(ruling.resolution) not in review_resolutions(finding):
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
            on = decided.decided_at.date().isoformat()
            findings.append(resolved(finding, decided.resolution, decided.decided_by, on, decided.reason))
        updated[code] = JurisdictionResult(jurisdiction=code, verdict=verdict_of(findings), findings=findings)
    return updated, applied


def _text_findings(lot: Lot, code: str) -> list[Finding]:
    """What loading changed in the lot's text, shown with every check and printed on the attestation: a
    name that hid invisible or look-alike characters is screened and shown as it reads."""
    found = []
    for note in lot.text_notes:
        summaries = {
            "en": f"Text changed on reading the lot: {note.describe('en')}",
            "fr": typeset(f"Texte modifié à la lecture du lot : {note.describe('fr')}", "fr"),
        }
        titles = {"en": "Hidden or look-alike characters", "fr": "Caractères cachés ou semblables"}
        found.append(
            Finding(
                rule="CS-TEXT",
                jurisdiction=code,
                outcome=Verdict.CLEARED,
                level=Level.WARNING,
                summary=summaries["en"],
                summaries=summaries,
                source="Clearstone: names are screened and printed as they read",
                title=titles["en"],
                titles=titles,
                section=note.section,
            )
        )
    return found


_ENGINES: dict[str, Engine] = {}


def engine_for(pack: LoadedPack) -> Engine:
    """One engine per pack hash: building it indexes exemptions and the KP registry once."""
    engine = _ENGINES.get(pack.sha256)
    if engine is None:
        engine = _ENGINES[pack.sha256] = Engine(pack.pack, pack.regimes)
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
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    policy: DecisionPolicy | None = None,
) -> Assessment:
    """Apply the rules of every regime the lot engages (or, as a what-if, only `jurisdictions`), screen every
    party and owner, apply people's review resolutions: one frozen snapshot."""
    try:
        scope = regimes_in_scope(lot, pack.regimes)
    except NoRegimeError:
        if not jurisdictions:
            raise
        scope = []  # a what-if for named regimes needs none of its own
    if jurisdictions:
        known = pack.jurisdiction_codes()
        unknown = [j for j in jurisdictions if j not in known]
        if unknown:
            raise ValueError(f"unknown jurisdiction {', '.join(unknown)} (known: {', '.join(known)})")
        codes = list(dict.fromkeys(jurisdictions))
    else:
        codes = [r.code for r in scope]
    evaluation = engine_for(pack).evaluate(lot, on=on, jurisdictions=codes)
    screening = ScreeningSummary()
    results = dict(evaluation.results)
    if screener is not None:
        outcome = screen_parties(
            lot,
            screener,
            pack,
            decisions,
            on=evaluation.on,
            jurisdictions=list(results),
            now=now,
            max_age_days=max_age_days,
            policy=policy,
        )
        screening = ScreeningSummary(
            lists=outcome.lists, matches=outcome.matches, decisions=outcome.decisions, parties=outcome.parties
        )
        for code, extra in outcome.findings.items():
            merged = sorted([*results[code].findings, *extra], key=finding_order)
            results[code] = JurisdictionResult(jurisdiction=code, verdict=verdict_of(merged), findings=merged)
    if lot.text_notes:
        for code, result in results.items():
            merged = sorted([*result.findings, *_text_findings(lot, code)], key=finding_order)
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
        regimes=scope,
        restricted_to=codes if jurisdictions else None,
    )
