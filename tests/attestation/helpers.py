"""Hand-built assessments from the shared fixture lots (the real pydantic models, no engine needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from desktop.assessment import Assessment, PackRef, ScreeningSummary
from desktop.lot import Lot, load_lot
from desktop.rules.result import Finding, JurisdictionResult, Level, Verdict
from desktop.screening.types import Binding, Decision, ListInfo, Match, ScreeningDecision

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
PACK = PackRef(id="clearstone-core", version="2026.11.1", as_of=date(2026, 11, 20), sha256="ab" * 32)
LISTS = [
    ListInfo(id="OFAC-SDN", name="OFAC Specially Designated Nationals", source="treasury.gov", jurisdictions=["US"],
             as_of=date(2026, 11, 20), entries=17342, sha256="1f" * 32),
    ListInfo(id="EU-FSF", name="EU Financial Sanctions Files (consolidated)", source="europa.eu", jurisdictions=["EU"],
             as_of=date(2026, 11, 19), entries=5871, sha256="2e" * 32),
]  # fmt: skip


def lot(shared_dir: Path, scenario: str) -> Lot:
    return load_lot(shared_dir / "fixtures" / "lots" / f"{scenario}.lot.json")


def finding(
    code: str, rule: str, outcome: Verdict, summary: str, source: str, level: Level = Level.DECISIVE
) -> Finding:
    return Finding(rule=rule, jurisdiction=code, outcome=outcome, summary=summary, source=source, level=level)


def assessment(
    the_lot: Lot,
    findings: dict[str, list[Finding]] | None = None,
    *,
    matches: list[Match] | None = None,
    decisions: list[ScreeningDecision] | None = None,
) -> Assessment:
    """An assessment of `the_lot`: every jurisdiction of the lot cleared unless `findings` say otherwise."""
    findings = findings or {}
    results: dict[str, JurisdictionResult] = {}
    for code in the_lot.transaction.jurisdictions:
        items = findings.get(code) or [
            finding(code, f"{code}-R1", Verdict.CLEARED, f"No Russian link for lot {the_lot.lot_id}; no ban engaged",
                    f"{code} sanctions regulation (summary)", Level.INFO)
        ]  # fmt: skip
        results[code] = JurisdictionResult(
            jurisdiction=code, verdict=Verdict.worst([f.outcome for f in items]), findings=items
        )
    return Assessment(
        lot=the_lot,
        date=the_lot.transaction.date,
        verdict=Verdict.worst([r.verdict for r in results.values()]),
        jurisdictions=results,
        screening=ScreeningSummary(
            lists=LISTS,
            matches=matches or [],
            decisions=decisions or [],
            parties=[the_lot.counterparty.name, *[o.name for o in the_lot.counterparty.owners]],
        ),
        rule_pack=PACK,
        assessed_at=NOW,
    )


def possible_match(party: str) -> tuple[Match, ScreeningDecision]:
    match = Match(
        query=party, list="OFAC-SDN", entry_id="34644", name="ALROSA PJSC", alias="ALROSA", score=0.81, strong=False,
        jurisdictions=["US"], bindings=[Binding(jurisdiction="US", listed_on=date(2022, 4, 7))],
        why="token overlap on 'Rosa'",
    )  # fmt: skip
    decision = ScreeningDecision(
        party=party, list="OFAC-SDN", entry_id="34644", decision=Decision.NOT_A_MATCH,
        reason="different company: registry extract BW00001873245 checked", decided_by="Anna Peeters",
        decided_at=datetime(2026, 11, 27, 16, 5, tzinfo=UTC),
    )  # fmt: skip
    return match, decision
