"""Record a person's decision: a possible sanctions match is or is not the listed party; a `review` finding is
settled. Every decision names a person and a reason; dismissing an exact match also names the fact that
tells the party apart (docs/verdicts.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.service.errors import ServiceError

if TYPE_CHECKING:
    from desktop.register import ReviewResolution
    from desktop.rules.result import Finding, Verdict
    from desktop.screening.types import DifferingFact, Match, ScreeningDecision
    from desktop.service.workspace import Workspace

MIN_REASON_CHARS = 12
MIN_REASON_WORDS = 3
# Names that say nobody in particular decided.
_NOBODY = {"", "unknown", "unknown user", "user", "admin", "administrator", "me", "n/a", "na", "-", "?"}
# Identifying facts a dismissal can rest on (lot-format: party identification).
DIFFERING_FIELDS = (
    "date_of_birth",
    "nationality",
    "registration",
    "passport",
    "national_id",
    "tax",
    "lei",
    "imo",
    "country",
    "address",
    "other",
)


def check_person(name: str) -> str:
    """The person deciding, by name: never empty, never a placeholder."""
    person = " ".join(name.split())
    if person.casefold() in _NOBODY or len(person) < 2:
        raise ServiceError(
            "a decision needs the name of the person deciding (not a placeholder such as "
            f"{name.strip() or 'an empty name'!r})"
        )
    if len(person) > 200:
        raise ServiceError("the person's name is longer than 200 characters")
    return person


def check_reason(reason: str) -> str:
    """A reason is at least a short sentence: what was checked and what it showed, not "ok"."""
    text = " ".join(reason.split())
    words = re.findall(r"\w+", text)
    if len(text) < MIN_REASON_CHARS or len(words) < MIN_REASON_WORDS:
        raise ServiceError(
            f"a decision needs a reason of at least {MIN_REASON_WORDS} words and {MIN_REASON_CHARS} characters "
            f"saying what was checked (not {reason.strip()!r})"
        )
    if len(text) > 2000:
        raise ServiceError("the reason is longer than 2,000 characters")
    return text


def differing_facts(
    ws: Workspace, list_id: str, entry_id: str, given: Sequence[tuple[str, str]]
) -> list[DifferingFact]:
    """The party's values of identifying facts, each beside what the list gives for the entry."""
    from desktop.screening.types import DifferingFact

    if not given:
        return []
    listed = listed_facts(ws, list_id, entry_id)
    return [
        DifferingFact(field=field, party_value=value, listed_value="; ".join(listed.get(field, [])))
        for field, value in given
    ]


def listed_facts(ws: Workspace, list_id: str, entry_id: str) -> dict[str, list[str]]:
    """What the list itself gives to identify an entry (dates of birth, countries, registrations, ...);
    the lists' `country` covers nationality and addresses, which the lists merge."""
    from desktop.screening.errors import UnknownEntryError

    try:
        facts = ws.screener().listed_facts(list_id, entry_id)
    except UnknownEntryError as exc:
        raise ServiceError(str(exc)) from None
    if "country" in facts:
        facts.setdefault("nationality", facts["country"])
        facts.setdefault("address", facts["country"])
    return facts


@dataclass(frozen=True)
class MatchDecision:
    """What a person says about one possible match."""

    party: str  # the screened name exactly as in the lot
    list_id: str
    entry_id: str
    is_match: bool
    reason: str
    decided_by: str
    differs: Sequence[DifferingFact] = ()


def find_match(ws: Workspace, party: str, list_id: str, entry_id: str) -> Match | None:
    """The current possible match of this name with this entry, when the lists still produce one."""
    from desktop.screening.types import PartyQuery

    for match in ws.screener().screen(PartyQuery(name=party)):
        if match.list == list_id and match.entry_id == entry_id:
            return match
    return None


def decide_match(ws: Workspace, request: MatchDecision, *, match: Match | None = None) -> ScreeningDecision:
    """Check and record the decision in the register (`clearstone decide`)."""
    decision = match_decision(ws, request, match=match)
    ws.register().record_decision(decision)
    return decision


def match_decision(ws: Workspace, request: MatchDecision, *, match: Match | None = None) -> ScreeningDecision:
    """The decision, checked: a named person, a real reason, and for dismissing an exact match (exact
    normalised name or equal identifier) at least one differing identifying fact. A match the lists no longer
    produce cannot be decided. Not recorded here: a check in progress records its decisions with the check."""
    from desktop.parties import is_exact
    from desktop.screening.types import Decision, ScreeningDecision

    reason = check_reason(request.reason)
    person = check_person(request.decided_by)
    found = match or find_match(ws, request.party, request.list_id, request.entry_id)
    if found is None:
        raise ServiceError(
            f"«{request.party}» does not match {request.list_id} {request.entry_id} in the loaded lists: "
            "nothing to decide (check the name, the list id and the entry id)"
        )
    for fact in request.differs:
        if fact.field not in DIFFERING_FIELDS:
            raise ServiceError(
                f"unknown identifying fact {fact.field!r} (one of {', '.join(DIFFERING_FIELDS)})"
            )
        if not fact.party_value.strip():
            raise ServiceError(f"{fact.field}: give the party's own value")
    if not request.is_match and is_exact(found) and not request.differs:
        raise ServiceError(
            f"«{request.party}» is an exact match of {found.name} ({request.list_id} {request.entry_id}): "
            "dismissing it needs the identifying fact that differs (date of birth, nationality, registration, "
            "country, address...) and the party's value"
        )
    return ScreeningDecision(
        party=request.party,
        list=request.list_id,
        entry_id=request.entry_id,
        decision=Decision.MATCH if request.is_match else Decision.NOT_A_MATCH,
        reason=reason,
        decided_by=person,
        decided_at=ws.now(),
        differs=list(request.differs),
    )


def confirm_dismissal(
    ws: Workspace, party: str, list_id: str, entry_id: str, confirmed_by: str
) -> ScreeningDecision:
    """Four eyes: a second person confirms the latest dismissal of this match; recorded as a new entry."""
    from desktop.screening.types import Decision, decision_key

    person = check_person(confirmed_by)
    key = decision_key(party, list_id, entry_id)
    latest = next((d for d in reversed(ws.register().decisions()) if d.key() == key), None)
    if latest is None or latest.decision is not Decision.NOT_A_MATCH:
        raise ServiceError(f"no dismissal of «{party}» ~ {list_id} {entry_id} to confirm")
    if latest.decided_by.casefold() == person.casefold():
        raise ServiceError("the confirmation must come from a second person, not from the one who decided")
    confirmed = latest.model_copy(update={"confirmed_by": person, "confirmed_at": ws.now()})
    ws.register().record_decision(confirmed)
    return confirmed


def latest_finding(ws: Workspace, lot_id: str, jurisdiction: str, rule: str) -> Finding | None:
    """The finding as the lot's most recent recorded check has it."""
    if not ws.has_register():
        return None
    assessment = ws.register().latest_assessment(lot_id)
    if assessment is None or jurisdiction not in assessment.jurisdictions:
        return None
    return next((f for f in assessment.jurisdictions[jurisdiction].findings if f.rule == rule), None)


def resolve_review(
    ws: Workspace,
    *,
    lot_id: str,
    jurisdiction: str,
    rule: str,
    resolution: Verdict,
    reason: str,
    decided_by: str,
    finding: Finding | None = None,
    assessment_id: int | None = None,
) -> ReviewResolution:
    """Settle a finding in `review` for one lot, as one of the outcomes that finding may become."""
    from desktop.assessment import review_resolutions
    from desktop.register import ReviewResolution

    text = check_reason(reason)
    person = check_person(decided_by)
    current = finding or latest_finding(ws, lot_id, jurisdiction, rule)
    if current is None:
        raise ServiceError(
            f"lot {lot_id} has no recorded finding {jurisdiction} {rule}: check the lot first (clearstone check)"
        )
    allowed = review_resolutions(current)
    if not allowed:
        what = (
            "a possible sanctions match is decided as a match or not a match"
            if current.outcome.value == "review"
            else f"only a finding in review can be settled; this one is {current.outcome.value}"
        )
        raise ServiceError(f"{jurisdiction} {rule} cannot be settled: {what}")
    if resolution not in allowed:
        raise ServiceError(
            f"{jurisdiction} {rule} can be settled as {', '.join(v.value for v in allowed)}, not {resolution.value}"
        )
    record = ReviewResolution(
        jurisdiction=jurisdiction,
        rule=rule,
        resolution=resolution.value,
        reason=text,
        decided_by=person,
        decided_at=ws.now(),
        lot_id=lot_id,
        assessment_id=assessment_id,
    )
    ws.register().record_review(record)
    return record


def is_exact_match(match: Match) -> bool:
    """Whether dismissing this match needs the identifying fact that differs (exact name or equal identifier)."""
    from desktop.parties import is_exact

    return is_exact(match)


def awaiting_confirmation(
    ws: Workspace, matches: Sequence[Match], decisions: Sequence[ScreeningDecision]
) -> list[ScreeningDecision]:
    """Dismissals that wait for a second person before they count (the four-eyes setting), one per match."""
    from desktop.parties import applicable_decision
    from desktop.screening.types import Decision, decision_key
    from desktop.service.checking import decision_policy

    policy = decision_policy(ws)
    latest = {d.key(): d for d in decisions}
    waiting: list[ScreeningDecision] = []
    for match in matches:
        decision = latest.get(decision_key(match.query, match.list, match.entry_id))
        if decision is None or decision.decision is not Decision.NOT_A_MATCH or decision in waiting:
            continue
        applied, _why = applicable_decision(decision, match, policy)
        if applied is None and decision.differs:
            waiting.append(decision)
    return waiting
