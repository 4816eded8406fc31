"""Who a lot screens (every party and every owner) and what their matches mean in each regime.

The one home of two rules front ends must not re-decide: which names of a lot are screened, and how a match
becomes a finding per regime (regulations.md 6b): bound by the entry or its list → blocked/review; not bound
and the regime's own current official list is loaded → cleared with a note; otherwise → review, because an
unverified status is never a silent `cleared`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.coverage import DEFAULT_MAX_AGE_DAYS, CoverageState, RegimeCoverage, list_age, regime_coverage
from desktop.lot import PARTY_ROLES, Lot, is_country
from desktop.rules.language import quoted, score_text
from desktop.rules.model import Regime, ScreeningPolicy, Source
from desktop.rules.result import Finding, Level, Verdict
from desktop.screening.types import (
    Binding,
    Decision,
    ListInfo,
    Match,
    PartyQuery,
    ScreeningDecision,
    decision_key,
)

if TYPE_CHECKING:
    from desktop.assessment import PartyScreener
    from desktop.rules.pack import LoadedPack

# A possible match waits for a person's "match / not a match" decision, not for a review resolution.
AWAITS_MATCH_DECISION = "match_decision"
_FALLBACK = Source(instrument="Sanctions lists", citation="Sanctions list designation", url="")


@dataclass(frozen=True)
class ScreenedParty:
    """One name the lot screens: a party of the deal, or an owner of one."""

    role: str  # seller | buyer | consignee | broker | carrier | owner
    section: str  # the lot section where it is entered: "counterparty" or "parties"
    path: str  # "counterparty", "counterparty.owners[0]", "parties[1]", "parties[1].owners[0]"
    name: str
    query: PartyQuery
    share: Decimal | None = None  # owners: their share of the party they own
    owner_of: str | None = None  # owners: the path of the party they own

    @property
    def is_owner(self) -> bool:
        return self.owner_of is not None

    def label(self) -> str:
        return f"{self.role.capitalize()} {quoted(self.name)}"


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _country(value: Any) -> str | None:
    return value if isinstance(value, str) and is_country(value) else None


def _birth(value: Any) -> tuple[date | None, int | None]:
    text = _text(value) or ""
    try:
        return (
            (date.fromisoformat(text), int(text[:4]))
            if len(text) == 10
            else (None, int(text) if text else None)
        )
    except ValueError:
        return None, None


def query_of(data: Mapping[str, Any]) -> PartyQuery | None:
    """The screening query for one party or owner as entered (a lot's data, or a draft being typed: fields
    not yet valid are left out), or None without a name."""
    name = _text(data.get("name"))
    if name is None:
        return None
    kind = data.get("kind") if data.get("kind") in ("organization", "person") else None
    aliases = [a.strip() for a in data.get("aliases") or [] if isinstance(a, str) and a.strip()]
    birth_date, birth_year = _birth(data.get("date_of_birth"))
    return PartyQuery(
        name=name,
        kind=kind,
        country=_country(data.get("country")),
        aliases=aliases,
        registration_number=_text(data.get("registration_number")),
        birth_date=birth_date,
        birth_year=birth_year,
    )


def screened_parties(lot: Lot | Mapping[str, Any]) -> list[ScreenedParty]:
    """Every party of the deal and every owner of each, in the lot's order: the one answer to "who does a lot
    screen", for a checked lot, a stored one, or a draft being typed."""
    data: Mapping[str, Any] = lot.model_dump(mode="json") if isinstance(lot, Lot) else lot
    groups: list[tuple[str, str, Any]] = [("counterparty", "counterparty", data.get("counterparty"))]
    groups += [("parties", f"parties[{i}]", p) for i, p in enumerate(data.get("parties") or [])]
    found: list[ScreenedParty] = []
    for section, path, party in groups:
        if not isinstance(party, Mapping):
            continue
        query = query_of(party)
        if query is not None:
            role = party.get("role") if party.get("role") in PARTY_ROLES else "seller"
            found.append(ScreenedParty(str(role), section, path, query.name, query))
        for j, owner in enumerate(party.get("owners") or []):
            owner_query = query_of(owner) if isinstance(owner, Mapping) else None
            if owner_query is None:
                continue
            try:
                share = Decimal(str(owner.get("share_percent"))) if owner.get("share_percent") else None
            except ArithmeticError:
                share = None
            found.append(
                ScreenedParty(
                    "owner",
                    section,
                    f"{path}.owners[{j}]",
                    owner_query.name,
                    owner_query,
                    share=share,
                    owner_of=path,
                )
            )
    return found


def screened_names(lot: Lot) -> list[str]:
    """Every name screened, aliases included (what the attestation lists)."""
    names: list[str] = []
    for party in screened_parties(lot):
        names.append(party.name)
        names.extend(party.query.aliases)
    return list(dict.fromkeys(names))


@dataclass
class PartyScreening:
    lists: list[ListInfo]
    matches: list[Match]
    decisions: list[ScreeningDecision]
    parties: list[str]
    findings: dict[str, list[Finding]] = field(default_factory=dict)


@dataclass(frozen=True)
class DecisionPolicy:
    """What a recorded decision needs before it is applied (settings may ask for a second person)."""

    second_person_for_exact: bool = False


def applicable_decision(
    decision: ScreeningDecision | None, match: Match, policy: DecisionPolicy
) -> tuple[ScreeningDecision | None, str]:
    """The decision when it may be applied to this match, else None and why it is not."""
    if decision is None or decision.decision is Decision.MATCH:
        return decision, ""
    if is_exact(match):
        if not decision.differs:
            return (
                None,
                "a dismissal of an exact match needs the identifying fact that differs; it was not applied",
            )
        if policy.second_person_for_exact and not decision.confirmed_by:
            return None, "the dismissal awaits confirmation by a second person"
    return decision, ""


def is_exact(match: Match) -> bool:
    """An exact normalised name or an equal identifier: dismissing it needs a distinguishing fact."""
    return bool(getattr(match, "exact", False) or match.strong)


def _entry_binding(match: Match, code: str, on: date) -> Binding | None:
    for binding in match.bindings:
        if binding.jurisdiction == code and (binding.listed_on is None or binding.listed_on <= on):
            return binding
    return None


def binding_for(match: Match, regime: Regime, on: date) -> Binding | None:
    """The entry's own binding for the regime (bundled and aggregated lists), else the list's: the pack says
    which official lists bind each regime."""
    own = _entry_binding(match, regime.code, on)
    if own is not None or any(b.jurisdiction == regime.code for b in match.bindings):
        return own  # an entry-level binding not yet in force on the day binds nothing yet
    if regime.binds_list(match.list):
        return Binding(jurisdiction=regime.code, confidence="P")
    return None


def _delisted(binding: Binding, on: date) -> bool:
    return binding.delisted_on is not None and binding.delisted_on <= on


@dataclass
class _RegimeRun:
    """The findings of one regime, built party by party."""

    regime: Regime
    policy: ScreeningPolicy | None
    coverage: RegimeCoverage
    on: date
    findings: list[Finding] = field(default_factory=list)
    listed_owners: dict[str, list[ScreenedParty]] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.regime.code

    def rule(self) -> tuple[str, Source]:
        if self.policy is None:
            return f"{self.code}-LIST", _FALLBACK
        return self.policy.id, self.policy.source


def screen_parties(
    lot: Lot,
    screener: PartyScreener,
    pack: LoadedPack,
    decisions: Sequence[ScreeningDecision],
    *,
    on: date,
    jurisdictions: Sequence[str],
    now: datetime,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    policy: DecisionPolicy | None = None,
) -> PartyScreening:
    policy = policy or DecisionPolicy()
    policies = {p.jurisdiction: p for p in pack.pack.screening}
    ruling = {d.key(): d for d in decisions}
    lists = screener.lists()
    parties = screened_parties(lot)
    screened = [(party, screener.screen(party.query)) for party in parties]
    used: list[ScreeningDecision] = []
    findings: dict[str, list[Finding]] = {}
    for code in jurisdictions:
        regime = pack.regime(code)
        if regime is None:
            raise ValueError(f"unknown jurisdiction {code!r} (not in rule pack {pack.pack.id})")
        run = _RegimeRun(
            regime, policies.get(code), regime_coverage(regime, lists, now.date(), max_age_days), on
        )
        for party, matches in screened:
            _screen_party_in(run, party, matches, ruling, used, policy)
        for owned, owners in run.listed_owners.items():
            if run.policy is not None:
                run.findings.append(_ownership_finding(run.policy, code, owned, owners))
        run.findings.extend(_coverage_findings(run.coverage, lists, now.date()))
        findings[code] = run.findings
    all_matches = sorted((m for _, matches in screened for m in matches), key=lambda m: -m.score)
    return PartyScreening(lists, all_matches, used, screened_names(lot), findings)


def _screen_party_in(
    run: _RegimeRun,
    party: ScreenedParty,
    matches: list[Match],
    ruling: dict[tuple[str, str, str], ScreeningDecision],
    used: list[ScreeningDecision],
    policy: DecisionPolicy,
) -> None:
    unbound: list[Match] = []
    blocked_here = False
    for match in matches:
        recorded = ruling.get(decision_key(party.name, match.list, match.entry_id))
        decision, not_applied = applicable_decision(recorded, match, policy)
        if decision is not None and decision not in used:
            used.append(decision)
        binding = binding_for(match, run.regime, run.on)
        if binding is None:
            if decision is None or decision.decision is Decision.MATCH:
                unbound.append(match)
            continue
        if _delisted(binding, run.on):
            run.findings.append(_delisted_finding(run, party, match, binding))
            continue
        finding, confirmed = _match_finding(run, party, match, binding, decision, not_applied)
        run.findings.append(finding)
        blocked_here = blocked_here or finding.outcome is Verdict.BLOCKED
        if confirmed and party.owner_of is not None:
            run.listed_owners.setdefault(party.owner_of, []).append(party)
    if unbound and not blocked_here:
        run.findings.append(_elsewhere_finding(run, party, unbound))


def _facts(party: ScreenedParty, match: Match) -> dict[str, object]:
    return {
        "party": party.path,
        "list": match.list,
        "entry_id": match.entry_id,
        "score": round(match.score, 4),
        "alias": match.alias,
    }


def _listed(match: Match) -> str:
    return f"{match.name} ({match.list} {match.entry_id})"


def _match_finding(
    run: _RegimeRun,
    party: ScreenedParty,
    match: Match,
    binding: Binding,
    decision: ScreeningDecision | None,
    not_applied: str,
) -> tuple[Finding, bool]:
    rule, source = run.rule()
    code = run.code
    listed = _listed(match)
    when = f", listed {binding.listed_on.isoformat()}" if binding.listed_on else ""
    programme = f" under {binding.programme}" if binding.programme else ""
    who = party.label()
    facts = _facts(party, match)
    if decision is not None and decision.decision is Decision.NOT_A_MATCH:
        differs = "; ".join(d.describe() for d in decision.differs)
        summary = (
            f"{who} is not {listed}: decided by {decision.decided_by} on {decision.decided_at.date()} "
            f"({decision.reason}{'; differs: ' + differs if differs else ''})"
        )
        return _finding(run, rule, source, party, Verdict.CLEARED, summary, binding, facts, Level.INFO), False
    confirmed_by_person = decision is not None and decision.decision is Decision.MATCH
    if not (confirmed_by_person or match.strong):
        pending = f"; {not_applied}" if not_applied else ""
        summary = f"{who} possibly matches {listed}{when} (score {score_text(match.score)}; {match.why}): a person must decide{pending}"
        facts["awaits"] = AWAITS_MATCH_DECISION
        return _finding(run, rule, source, party, Verdict.REVIEW, summary, binding, facts), False
    basis = f"confirmed by {decision.decided_by}: {decision.reason}" if decision is not None else match.why
    if not_applied:
        basis = f"{basis}; {not_applied}"
    if binding.confidence == "U":
        summary = f"{who} matches {listed}; whether {code} lists it is unverified [U] ({basis})"
        return (
            _finding(run, rule, source, party, Verdict.REVIEW, summary, binding, facts, hint=Verdict.BLOCKED),
            False,
        )
    if party.owner_of is not None:
        summary = f"{who} is {listed}{when}{programme} ({basis})"
        return _finding(run, rule, source, party, Verdict.CLEARED, summary, binding, facts, Level.INFO), True
    summary = f"{who} is {listed}{when}{programme}: dealings prohibited ({basis})"
    return _finding(run, rule, source, party, Verdict.BLOCKED, summary, binding, facts), True


def _delisted_finding(run: _RegimeRun, party: ScreenedParty, match: Match, binding: Binding) -> Finding:
    rule, source = run.rule()
    assert binding.delisted_on is not None
    when = binding.delisted_on.isoformat()
    facts = {**_facts(party, match), "delisted_on": when}
    if binding.confidence == "U":
        summary = (
            f"{party.label()} matches {_listed(match)}; its removal from the {run.code} list on {when} is "
            "unverified [U]: confirm it is not listed today"
        )
        return _finding(
            run, rule, source, party, Verdict.REVIEW, summary, binding, facts, hint=Verdict.CLEARED
        )
    note = f" ({binding.note})" if binding.note else ""
    summary = f"{party.label()} matches {_listed(match)}, delisted in {run.code} on {when}{note}: not listed there on {run.on}"
    return _finding(run, rule, source, party, Verdict.CLEARED, summary, binding, facts, Level.INFO)


def _elsewhere_finding(run: _RegimeRun, party: ScreenedParty, matches: list[Match]) -> Finding:
    """Listed (or possibly listed) by other authorities only: cleared only when this regime's own current list
    is loaded and does not list the party; otherwise the status under this regime is not verified."""
    rule, source = run.rule()
    entries = "; ".join(_listed(m) for m in matches[:3]) + (
        f"; and {len(matches) - 3} more" if len(matches) > 3 else ""
    )
    strength = "listed" if any(m.strong for m in matches) else "possibly listed"
    facts: dict[str, object] = {
        "party": party.path,
        "entries": [f"{m.list} {m.entry_id}" for m in matches],
        "coverage": run.coverage.state.value,
    }
    if run.coverage.current:
        own = ", ".join(f"{i.id} of {i.as_of}" for i in run.coverage.lists)
        summary = f"{party.label()} is {strength} by other authorities only ({entries}); not on {own}"
        outcome, level, hint, confidence = Verdict.CLEARED, Level.INFO, None, "P"
    else:
        summary = (
            f"{party.label()} is {strength} by other authorities ({entries}); status under {run.code} not verified: "
            f"no current official {run.code} list is loaded"
        )
        outcome, level, hint, confidence = Verdict.REVIEW, Level.DECISIVE, None, "U"
    return Finding(
        rule=rule,
        jurisdiction=run.code,
        outcome=outcome,
        summary=summary,
        source=source.citation,
        title="Listed elsewhere",
        url=source.url,
        confidence=confidence,
        level=level,
        suggested=hint,
        facts=facts,
        section=party.section,
    )


def _finding(
    run: _RegimeRun,
    rule: str,
    source: Source,
    party: ScreenedParty,
    outcome: Verdict,
    summary: str,
    binding: Binding,
    facts: dict[str, object],
    level: Level = Level.DECISIVE,
    *,
    hint: Verdict | None = None,
) -> Finding:
    return Finding(
        rule=rule,
        jurisdiction=run.code,
        outcome=outcome,
        summary=summary,
        source=source.citation,
        title="Sanctioned party",
        url=source.url,
        confidence=binding.confidence,
        level=level,
        suggested=hint,
        facts=dict(facts),
        section=party.section,
    )


def _ownership_finding(
    policy: ScreeningPolicy, code: str, owned: str, owners: list[ScreenedParty]
) -> Finding:
    threshold = policy.ownership_threshold
    share = sum((o.share or Decimal(0) for o in owners), Decimal(0))
    unknown = [o.name for o in owners if o.share is None]
    caught = share >= threshold if policy.ownership_inclusive else share > threshold
    names = ", ".join(quoted(o.name) for o in owners)
    if caught:
        outcome = Verdict.BLOCKED
        summary = f"Listed owners {names} hold {share} % in aggregate (threshold {threshold} %): the {_owned_label(owned)} is treated as listed"
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
        section=owners[0].section,
        facts={"party": owned, "aggregate_share": str(share), "threshold": str(threshold)},
    )


def _owned_label(path: str) -> str:
    return "counterparty" if path == "counterparty" else "party"


def _coverage_findings(coverage: RegimeCoverage, lists: list[ListInfo], today: date) -> list[Finding]:
    bundled = ", ".join(f"{i.id} (as of {i.as_of})" for i in lists if i.bundled) or "no list"
    if coverage.current:
        return []
    if not coverage.lists:
        summary = (
            f"No official sanctions list of this jurisdiction is loaded: parties were screened only against "
            f"{bundled} and other authorities' lists"
        )
        rule, title = "SCR-COVERAGE", "Sanctions list coverage"
    else:
        summary = coverage.describe(today).partition(": ")[2] + ": a current copy is needed"
        rule, title = "SCR-STALE", "Sanctions list age"
    return [
        Finding(
            rule=rule,
            jurisdiction=coverage.code,
            outcome=Verdict.CLEARED,
            level=Level.WARNING,
            summary=summary,
            source="Screening coverage",
            title=title,
            facts={"coverage": coverage.state.value},
        )
    ]


def describe_coverage(coverage: RegimeCoverage, today: date, language: str = "en") -> str:
    """One line on a regime's list coverage (a refusal, a banner, the attestation's verdict box)."""
    if language != "fr":
        return coverage.describe(today)
    code = coverage.code
    if coverage.state is CoverageState.MISSING:
        return f"{code}\u00a0: aucune liste officielle de sanctions de ce régime n'est chargée"
    newest = max(coverage.lists, key=lambda i: i.as_of or date.min)
    if coverage.state is CoverageState.UNDATED:
        return (
            f"{code}\u00a0: {newest.id} ne porte pas de date de publication (son actualité ne peut être "
            "établie)"
        )
    if coverage.state is CoverageState.STALE:
        return (
            f"{code}\u00a0: {newest.id} date de {list_age(newest, today)}\u202fjours (publiée le {newest.as_of}\u202f; "
            f"la limite est de {coverage.max_age_days}\u202fjours)"
        )
    return f"{code}\u00a0: {newest.id} publiée le {newest.as_of}"
