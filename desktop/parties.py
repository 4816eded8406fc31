"""Screen the counterparty and its owners, and turn matches into findings per jurisdiction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.lot import Lot
from desktop.rules.model import RulePack, ScreeningPolicy, Source
from desktop.rules.result import Finding, Level, Verdict
from desktop.screening.types import Binding, Decision, ListInfo, Match, PartyQuery, ScreeningDecision

if TYPE_CHECKING:
    from desktop.assessment import PartyScreener

STALE_AFTER_DAYS = 30
_FALLBACK = Source(instrument="Sanctions lists", citation="Sanctions list designation", url="")


@dataclass
class PartyScreening:
    lists: list[ListInfo]
    matches: list[Match]
    decisions: list[ScreeningDecision]
    parties: list[str]
    findings: dict[str, list[Finding]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Party:
    role: str  # "counterparty" or "owner"
    name: str
    share: Decimal | None
    query: PartyQuery


def _parties(lot: Lot) -> list[_Party]:
    cp = lot.counterparty
    found = [
        _Party(
            "counterparty",
            cp.name,
            None,
            PartyQuery(
                name=cp.name,
                kind=cp.kind.value,
                country=cp.country,
                aliases=list(cp.aliases),
                registration_number=cp.registration_number,
            ),
        )
    ]
    for owner in cp.owners:
        found.append(
            _Party(
                "owner",
                owner.name,
                owner.share_percent,
                PartyQuery(name=owner.name, kind=owner.kind.value, country=owner.country),
            )
        )
    return found


def _binding(match: Match, code: str, on: date) -> Binding | None:
    for binding in match.bindings:
        if binding.jurisdiction == code and (binding.listed_on is None or binding.listed_on <= on):
            return binding
    return None


def screen_parties(
    lot: Lot,
    screener: PartyScreener,
    pack: RulePack,
    decisions: Sequence[ScreeningDecision],
    *,
    on: date,
    jurisdictions: list[str],
    now: datetime,
) -> PartyScreening:
    policies = {p.jurisdiction: p for p in pack.screening}
    ruling = {d.key(): d for d in decisions}
    lists = screener.lists()
    parties = _parties(lot)
    screened: list[tuple[_Party, list[Match]]] = [(party, screener.screen(party.query)) for party in parties]
    used_decisions: list[ScreeningDecision] = []
    findings: dict[str, list[Finding]] = {code: [] for code in jurisdictions}
    for code in jurisdictions:
        policy = policies.get(code)
        listed_share = Decimal(0)
        listed_owners: list[str] = []
        unknown_share_owners: list[str] = []
        for party, matches in screened:
            for match in matches:
                binding = _binding(match, code, on)
                if binding is None:
                    continue
                decision = ruling.get((party.name.casefold().strip(), match.list, match.entry_id))
                if decision is not None and decision not in used_decisions:
                    used_decisions.append(decision)
                finding, confirmed = _match_finding(party, match, binding, decision, policy, code)
                findings[code].append(finding)
                if confirmed and party.role == "owner":
                    listed_owners.append(party.name)
                    if party.share is None:
                        unknown_share_owners.append(party.name)
                    else:
                        listed_share += party.share
        if listed_owners and policy is not None:
            findings[code].append(
                _ownership_finding(policy, code, listed_owners, listed_share, unknown_share_owners)
            )
        findings[code].extend(_coverage_findings(lists, code, now))
    all_matches = [m for _, matches in screened for m in matches]
    all_matches.sort(key=lambda m: -m.score)
    names = [p.name for p in parties] + [a for a in lot.counterparty.aliases]
    return PartyScreening(lists, all_matches, used_decisions, names, findings)


def _match_finding(
    party: _Party,
    match: Match,
    binding: Binding,
    decision: ScreeningDecision | None,
    policy: ScreeningPolicy | None,
    code: str,
) -> tuple[Finding, bool]:
    source = policy.source if policy is not None else _FALLBACK
    rule = policy.id if policy is not None else f"{code}-LIST"
    listed = f"{match.name} ({match.list} {match.entry_id})"
    when = f", listed {binding.listed_on.isoformat()}" if binding.listed_on else ""
    programme = f" under {binding.programme}" if binding.programme else ""
    who = f"{party.role.capitalize()} «{party.name}»"
    facts = {
        "list": match.list,
        "entry_id": match.entry_id,
        "score": round(match.score, 4),
        "alias": match.alias,
    }
    if decision is not None and decision.decision is Decision.NOT_A_MATCH:
        summary = f"{who} is not {listed}: decided by {decision.decided_by} on {decision.decided_at.date()} ({decision.reason})"
        return _finding(rule, code, Verdict.CLEARED, summary, source, binding, facts, Level.INFO), False
    confirmed_by_person = decision is not None and decision.decision is Decision.MATCH
    if not (confirmed_by_person or match.strong):
        summary = f"{who} possibly matches {listed}{when} (score {match.score:.2f}; {match.why}): a person must decide"
        return _finding(
            rule, code, Verdict.REVIEW, summary, source, binding, facts, step="counterparty"
        ), False
    basis = f"confirmed by {decision.decided_by}: {decision.reason}" if decision is not None else match.why
    if binding.confidence == "U":
        summary = f"{who} matches {listed}; whether {code} lists it is unverified [U] ({basis})"
        return (
            _finding(
                rule,
                code,
                Verdict.REVIEW,
                summary,
                source,
                binding,
                facts,
                step="counterparty",
                hint=Verdict.BLOCKED,
            ),
            False,
        )
    if party.role == "owner":
        summary = f"{who} is {listed}{when}{programme} ({basis})"
        return _finding(rule, code, Verdict.CLEARED, summary, source, binding, facts, Level.INFO), True
    summary = f"{who} is {listed}{when}{programme}: dealings prohibited ({basis})"
    return _finding(rule, code, Verdict.BLOCKED, summary, source, binding, facts), True


def _finding(
    rule: str,
    code: str,
    outcome: Verdict,
    summary: str,
    source: Source,
    binding: Binding,
    facts: dict[str, object],
    level: Level = Level.DECISIVE,
    *,
    step: str | None = None,
    hint: Verdict | None = None,
) -> Finding:
    return Finding(
        rule=rule,
        jurisdiction=code,
        outcome=outcome,
        summary=summary,
        source=source.citation,
        title="Sanctioned party",
        url=source.url,
        confidence=binding.confidence,
        level=level,
        suggested=hint,
        facts=dict(facts),
        step=step,
    )


def _ownership_finding(
    policy: ScreeningPolicy, code: str, owners: list[str], share: Decimal, unknown: list[str]
) -> Finding:
    threshold = policy.ownership_threshold
    caught = share >= threshold if policy.ownership_inclusive else share > threshold
    names = ", ".join(f"«{n}»" for n in owners)
    if caught:
        outcome = Verdict.BLOCKED
        summary = f"Listed owners {names} hold {share} % in aggregate (threshold {threshold} %): the counterparty is treated as listed"
    else:
        outcome = Verdict.REVIEW
        gap = f"; share unknown for {', '.join(unknown)}" if unknown else ""
        summary = (
            f"Listed owners {names} hold {share} % in aggregate{gap}: below the {threshold} % ownership test — "
            "check control before dealing"
        )
    return Finding(
        rule=policy.ownership_rule_id,
        jurisdiction=code,
        outcome=outcome,
        summary=summary,
        source=policy.ownership_source.citation,
        title="Ownership by listed persons",
        url=policy.ownership_source.url,
        step="counterparty",
        facts={"aggregate_share": str(share), "threshold": str(threshold)},
    )


def _coverage_findings(lists: list[ListInfo], code: str, now: datetime) -> list[Finding]:
    official = [item for item in lists if not item.bundled and code in item.jurisdictions]
    findings: list[Finding] = []
    bundled = ", ".join(f"{i.id} (as of {i.as_of})" for i in lists if i.bundled) or "no list"
    if not official:
        findings.append(
            Finding(
                rule="SCR-COVERAGE",
                jurisdiction=code,
                outcome=Verdict.CLEARED,
                level=Level.WARNING,
                summary=f"No official sanctions list of this jurisdiction is loaded: parties were screened only "
                f"against {bundled}; import the official list (clearstone lists import)",
                source="Screening coverage",
                title="Sanctions list coverage",
            )
        )
    for item in official:
        if item.as_of is not None and (now.date() - item.as_of).days > STALE_AFTER_DAYS:
            findings.append(
                Finding(
                    rule="SCR-STALE",
                    jurisdiction=code,
                    outcome=Verdict.CLEARED,
                    level=Level.WARNING,
                    summary=f"{item.id} is {(now.date() - item.as_of).days} days old (as of {item.as_of}): import a newer copy",
                    source="Screening coverage",
                    title="Sanctions list age",
                )
            )
    return findings
