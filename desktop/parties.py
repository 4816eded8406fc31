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
from desktop.lot import IDENTIFIER_TYPES, PARTY_ROLES, Lot, is_country
from desktop.rules.language import LANGUAGES, NBSP, number_text, quoted, score_text, semicolon, typeset
from desktop.rules.model import Regime, ScreeningPolicy, Source
from desktop.rules.result import Finding, Level, Verdict
from desktop.screening.types import (
    Binding,
    Decision,
    ListInfo,
    Match,
    PartyIdentifier,
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

# The screening findings' texts in every language of the core (a test keeps them complete and alike).
# French spacing is applied to these texts, never to the names and values put into them.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "role_seller": "Seller",
        "role_buyer": "Buyer",
        "role_consignee": "Consignee",
        "role_broker": "Broker",
        "role_carrier": "Carrier",
        "role_owner": "Owner",
        "title_match": "Sanctioned party",
        "title_elsewhere": "Listed elsewhere",
        "title_ownership": "Ownership by listed persons",
        "title_coverage": "Sanctions list coverage",
        "title_stale": "Sanctions list age",
        "listed_on": ", listed {date}",
        "programme": " under {programme}",
        "not_a_match": "{who} is not {listed}: decided by {by} on {date} ({reason}{differs})",
        "differs": "; differs: {facts}",
        "possible": "{who} possibly matches {listed}{when} (score {score}; {why}): a person must decide{pending}",
        "pending": "; {why}",
        "not_applied_differs": "a dismissal of an exact match needs the identifying fact that differs; it was not "
        "applied",
        "not_applied_second": "the dismissal awaits confirmation by a second person",
        "confirmed": "confirmed by {by}: {reason}",
        "basis_not_applied": "{basis}; {why}",
        "unverified_binding": "{who} matches {listed}; whether {code} lists it is unverified [U] ({basis})",
        "owner_listed": "{who} is {listed}{when}{programme} ({basis})",
        "blocked": "{who} is {listed}{when}{programme}: dealings prohibited ({basis})",
        "delisted_unverified": "{who} matches {listed}; its removal from the {code} list on {when} is unverified "
        "[U]: confirm it is not listed today",
        "delisted": "{who} matches {listed}, delisted in {code} on {when}{note}: not listed there on {on}",
        "strong": "listed",
        "weak": "possibly listed",
        "more": "; and {count} more",
        "elsewhere_only": "{who} is {strength} by other authorities only ({entries}); not on {own}",
        "list_of": "{list} of {date}",
        "elsewhere_unverified": "{who} is {strength} by other authorities ({entries}); status under {code} not "
        "verified: no current official {code} list is loaded",
        "owned_counterparty": "counterparty",
        "owned_party": "party",
        "ownership_caught": "Listed owners {names} hold {share} % in aggregate (threshold {threshold} %): the "
        "{owned} is treated as listed",
        "share_unknown": "; share unknown for {names}",
        "ownership_below": "Listed owners {names} hold {share} % in aggregate{gap}: below the {threshold} % "
        "ownership test — check control before dealing",
        "bundled": "{list} (as of {date})",
        "no_bundled": "no list",
        "no_coverage": "No official sanctions list of this jurisdiction is loaded: parties were screened only "
        "against {bundled} and other authorities' lists",
        "stale": "{state}: a current copy is needed",
    },
    "fr": {
        "role_seller": "Vendeur",
        "role_buyer": "Acheteur",
        "role_consignee": "Destinataire",
        "role_broker": "Courtier",
        "role_carrier": "Transporteur",
        "role_owner": "Propriétaire",
        "title_match": "Partie sanctionnée",
        "title_elsewhere": "Inscrite ailleurs",
        "title_ownership": "Détention par des personnes inscrites",
        "title_coverage": "Couverture des listes de sanctions",
        "title_stale": "Ancienneté de la liste de sanctions",
        "listed_on": ", inscription du {date}",
        "programme": " au titre de {programme}",
        "not_a_match": "{who} n'est pas {listed} : décision de {by} le {date} ({reason}{differs})",
        "differs": " ; élément distinctif : {facts}",
        "possible": "{who} correspond peut-être à {listed}{when} (score {score} ; {why}) : une personne doit "
        "trancher{pending}",
        "pending": " ; {why}",
        "not_applied_differs": "écarter une correspondance exacte exige l'élément d'identification qui diffère ; "
        "la décision n'a pas été appliquée",
        "not_applied_second": "la décision d'écarter attend la confirmation d'une seconde personne",
        "confirmed": "confirmé par {by} : {reason}",
        "basis_not_applied": "{basis} ; {why}",
        "unverified_binding": "{who} correspond à {listed} ; son inscription sous {code} n'est pas vérifiée [U] "
        "({basis})",
        "owner_listed": "{who} est {listed}{when}{programme} ({basis})",
        "blocked": "{who} est {listed}{when}{programme} : toute relation est interdite ({basis})",
        "delisted_unverified": "{who} correspond à {listed} ; sa radiation de la liste {code} le {when} n'est pas "
        "vérifiée [U] : confirmer qu'il n'y figure plus aujourd'hui",
        "delisted": "{who} correspond à {listed}, radié sous {code} le {when}{note} : non inscrit à la date du {on}",
        "strong": "inscrit",
        "weak": "peut-être inscrit",
        "more": " ; et {count} autres",
        "elsewhere_only": "{who} est {strength} par d'autres autorités seulement ({entries}) ; absent de {own}",
        "list_of": "{list} du {date}",
        "elsewhere_unverified": "{who} est {strength} par d'autres autorités ({entries}) ; statut sous {code} non "
        "vérifié : aucune liste officielle {code} à jour n'est chargée",
        "owned_counterparty": "contrepartie",
        "owned_party": "partie",
        "ownership_caught": "Les propriétaires inscrits {names} détiennent ensemble {share} % (seuil {threshold} %) : "
        "la {owned} est traitée comme inscrite",
        "share_unknown": " ; part inconnue pour {names}",
        "ownership_below": "Les propriétaires inscrits {names} détiennent ensemble {share} %{gap} : sous le seuil de "
        "détention de {threshold} % ; vérifier le contrôle avant toute relation",
        "bundled": "{list} (à jour au {date})",
        "no_bundled": "aucune liste",
        "no_coverage": "Aucune liste officielle de sanctions de cette juridiction n'est chargée : les parties n'ont "
        "été filtrées que sur {bundled} et les listes d'autres autorités",
        "stale": "{state} : une copie à jour est nécessaire",
    },
}
Texts = dict[str, str]  # language -> text


def say(language: str, key: str, /, **values: object) -> str:
    """A screening text in `language`; a value may be a {language: text} map (a name said differently)."""
    chosen = {k: v.get(language, v.get("en", "")) if isinstance(v, dict) else v for k, v in values.items()}
    return typeset(TEXTS[language][key], language).format(**{k: str(v) for k, v in chosen.items()})


def role_label(role: str, language: str = "en") -> str:
    """A party's role in words ("Seller", "Acheteur"): the one wording, for checks and attestations."""
    key = f"role_{role}"
    return say(language, key) if key in TEXTS["en"] else role.capitalize()


def say_all(key: str, /, **values: object) -> Texts:
    return {language: say(language, key, **values) for language in LANGUAGES}


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

    def label(self, language: str = "en") -> str:
        return f"{role_label(self.role, language)} {quoted(self.name, language)}"

    def labels(self) -> Texts:
        return {language: self.label(language) for language in LANGUAGES}


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
        nationality=_country(data.get("nationality")),
        identifiers=[i for item in data.get("identifiers") or [] if (i := _identifier(item)) is not None],
    )


def _identifier(item: Any) -> PartyIdentifier | None:
    if (
        not isinstance(item, Mapping)
        or item.get("type") not in IDENTIFIER_TYPES
        or not _text(item.get("value"))
    ):
        return None
    return PartyIdentifier(
        type=item["type"], value=str(item["value"]).strip(), country=_country(item.get("country"))
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
    found, why = _applicable(decision, match, policy)
    return found, say("en", why) if why else ""


def _applicable(
    decision: ScreeningDecision | None, match: Match, policy: DecisionPolicy
) -> tuple[ScreeningDecision | None, str]:
    """As applicable_decision, with the key of the reason's text."""
    if decision is None or decision.decision is Decision.MATCH:
        return decision, ""
    if is_exact(match):
        if not decision.differs:
            return None, "not_applied_differs"
        if policy.second_person_for_exact and not decision.confirmed_by:
            return None, "not_applied_second"
    return decision, ""


def is_exact(match: Match) -> bool:
    """An exact normalised name or an equal identifier: dismissing it needs a distinguishing fact."""
    return match.exact or match.strong


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
        decision, not_applied = _applicable(recorded, match, policy)
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


def _when(binding: Binding) -> Texts:
    return say_all("listed_on", date=binding.listed_on.isoformat()) if binding.listed_on else {}


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
    when = _when(binding) or ""
    programme = say_all("programme", programme=binding.programme) if binding.programme else ""
    who = party.labels()
    facts = _facts(party, match)
    if decision is not None and decision.decision is Decision.NOT_A_MATCH:
        differs = {
            lang: say(
                lang,
                "differs",
                facts=semicolon(lang).join(d.describe(lang) for d in decision.differs),
            )
            if decision.differs
            else ""
            for lang in LANGUAGES
        }
        said = say_all(
            "not_a_match",
            who=who,
            listed=listed,
            by=decision.decided_by,
            date=decision.decided_at.date().isoformat(),
            reason=decision.reason,
            differs=differs,
        )
        return _finding(run, rule, source, party, Verdict.CLEARED, said, binding, facts, Level.INFO), False
    confirmed_by_person = decision is not None and decision.decision is Decision.MATCH
    if not (confirmed_by_person or match.strong):
        pending = say_all("pending", why=say_all(not_applied)) if not_applied else ""
        score = {lang: score_text(match.score, lang) for lang in LANGUAGES}
        said = say_all(
            "possible", who=who, listed=listed, when=when, score=score, why=match.why, pending=pending
        )
        facts["awaits"] = AWAITS_MATCH_DECISION
        return _finding(run, rule, source, party, Verdict.REVIEW, said, binding, facts), False
    basis: Texts | str = (
        say_all("confirmed", by=decision.decided_by, reason=decision.reason)
        if decision is not None
        else match.why
    )
    if not_applied:
        basis = say_all("basis_not_applied", basis=basis, why=say_all(not_applied))
    if binding.confidence == "U":
        said = say_all("unverified_binding", who=who, listed=listed, code=code, basis=basis)
        return (
            _finding(run, rule, source, party, Verdict.REVIEW, said, binding, facts, hint=Verdict.BLOCKED),
            False,
        )
    if party.owner_of is not None:
        said = say_all("owner_listed", who=who, listed=listed, when=when, programme=programme, basis=basis)
        return _finding(run, rule, source, party, Verdict.CLEARED, said, binding, facts, Level.INFO), True
    said = say_all("blocked", who=who, listed=listed, when=when, programme=programme, basis=basis)
    return _finding(run, rule, source, party, Verdict.BLOCKED, said, binding, facts), True


def _delisted_finding(run: _RegimeRun, party: ScreenedParty, match: Match, binding: Binding) -> Finding:
    rule, source = run.rule()
    assert binding.delisted_on is not None
    when = binding.delisted_on.isoformat()
    facts = {**_facts(party, match), "delisted_on": when}
    if binding.confidence == "U":
        said = say_all(
            "delisted_unverified", who=party.labels(), listed=_listed(match), code=run.code, when=when
        )
        return _finding(run, rule, source, party, Verdict.REVIEW, said, binding, facts, hint=Verdict.CLEARED)
    note = f" ({binding.note})" if binding.note else ""
    said = say_all(
        "delisted", who=party.labels(), listed=_listed(match), code=run.code, when=when, note=note, on=run.on
    )
    return _finding(run, rule, source, party, Verdict.CLEARED, said, binding, facts, Level.INFO)


def _elsewhere_finding(run: _RegimeRun, party: ScreenedParty, matches: list[Match]) -> Finding:
    """Listed (or possibly listed) by other authorities only: cleared only when this regime's own current list
    is loaded and does not list the party; otherwise the status under this regime is not verified."""
    rule, source = run.rule()
    more = say_all("more", count=len(matches) - 3) if len(matches) > 3 else dict.fromkeys(LANGUAGES, "")
    entries = {lang: semicolon(lang).join(_listed(m) for m in matches[:3]) + more[lang] for lang in LANGUAGES}
    strength = say_all("strong" if any(m.strong for m in matches) else "weak")
    facts: dict[str, object] = {
        "party": party.path,
        "entries": [f"{m.list} {m.entry_id}" for m in matches],
        "coverage": run.coverage.state.value,
    }
    if run.coverage.current:
        own = {
            lang: ", ".join(say(lang, "list_of", list=i.id, date=i.as_of) for i in run.coverage.lists)
            for lang in LANGUAGES
        }
        said = say_all("elsewhere_only", who=party.labels(), strength=strength, entries=entries, own=own)
        outcome, level, hint, confidence = Verdict.CLEARED, Level.INFO, None, "P"
    else:
        said = say_all(
            "elsewhere_unverified", who=party.labels(), strength=strength, entries=entries, code=run.code
        )
        outcome, level, hint, confidence = Verdict.REVIEW, Level.DECISIVE, None, "U"
    titles = say_all("title_elsewhere")
    return Finding(
        rule=rule,
        jurisdiction=run.code,
        outcome=outcome,
        summary=said["en"],
        source=source.citation,
        title=titles["en"],
        url=source.url,
        confidence=confidence,
        level=level,
        suggested=hint,
        facts=facts,
        section=party.section,
        summaries=said,
        titles=titles,
    )


def _finding(
    run: _RegimeRun,
    rule: str,
    source: Source,
    party: ScreenedParty,
    outcome: Verdict,
    summaries: Texts,
    binding: Binding,
    facts: dict[str, object],
    level: Level = Level.DECISIVE,
    *,
    hint: Verdict | None = None,
) -> Finding:
    titles = say_all("title_match")
    return Finding(
        rule=rule,
        jurisdiction=run.code,
        outcome=outcome,
        summary=summaries["en"],
        source=source.citation,
        title=titles["en"],
        url=source.url,
        confidence=binding.confidence,
        level=level,
        suggested=hint,
        facts=dict(facts),
        section=party.section,
        summaries=summaries,
        titles=titles,
    )


def _ownership_finding(
    policy: ScreeningPolicy, code: str, owned: str, owners: list[ScreenedParty]
) -> Finding:
    threshold = policy.ownership_threshold
    share = sum((o.share or Decimal(0) for o in owners), Decimal(0))
    unknown = [o.name for o in owners if o.share is None]
    caught = share >= threshold if policy.ownership_inclusive else share > threshold
    names = {lang: ", ".join(quoted(o.name, lang) for o in owners) for lang in LANGUAGES}
    shares = {lang: number_text(share, lang) for lang in LANGUAGES}
    thresholds = {lang: number_text(threshold, lang) for lang in LANGUAGES}
    if caught:
        outcome = Verdict.BLOCKED
        owned_key = "owned_counterparty" if owned == "counterparty" else "owned_party"
        said = say_all(
            "ownership_caught", names=names, share=shares, threshold=thresholds, owned=say_all(owned_key)
        )
    else:
        outcome = Verdict.REVIEW
        gap = say_all("share_unknown", names=", ".join(unknown)) if unknown else ""
        said = say_all("ownership_below", names=names, share=shares, gap=gap, threshold=thresholds)
    titles = say_all("title_ownership")
    return Finding(
        rule=policy.ownership_rule_id,
        jurisdiction=code,
        outcome=outcome,
        summary=said["en"],
        source=policy.ownership_source.citation,
        title=titles["en"],
        url=policy.ownership_source.url,
        section=owners[0].section,
        facts={"party": owned, "aggregate_share": str(share), "threshold": str(threshold)},
        summaries=said,
        titles=titles,
    )


def _coverage_findings(coverage: RegimeCoverage, lists: list[ListInfo], today: date) -> list[Finding]:
    if coverage.current:
        return []
    if not coverage.lists:
        bundled = {
            lang: ", ".join(say(lang, "bundled", list=i.id, date=i.as_of) for i in lists if i.bundled)
            or say(lang, "no_bundled")
            for lang in LANGUAGES
        }
        said = say_all("no_coverage", bundled=bundled)
        rule, title = "SCR-COVERAGE", "title_coverage"
    else:
        state = {
            lang: describe_coverage(coverage, today, lang).partition(NBSP + ": " if lang == "fr" else ": ")[2]
            for lang in LANGUAGES
        }
        said = say_all("stale", state=state)
        rule, title = "SCR-STALE", "title_stale"
    titles = say_all(title)
    return [
        Finding(
            rule=rule,
            jurisdiction=coverage.code,
            outcome=Verdict.CLEARED,
            level=Level.WARNING,
            summary=said["en"],
            source="Screening coverage",
            title=titles["en"],
            facts={"coverage": coverage.state.value},
            summaries=said,
            titles=titles,
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
