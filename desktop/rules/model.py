"""The rule pack as data: rules, exemptions, conditions and the Kimberley Process participant history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from string import Formatter
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from desktop.lot import SECTIONS, is_section

# Pseudo-jurisdictions of rules that bind several regimes, each named in the rule's `binds`.
MULTI_JURISDICTION = ("KP", "ALL")
Confidence = Literal["P", "S", "U"]
Outcome = Literal["blocked", "review", "needs_evidence", "warning", "info"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Languages a pack may add to its English texts (English is each rule's own title, summary and evidence text).
TEXT_LANGUAGES = ("fr",)


def template_fields(template: str) -> set[str]:
    """The `{placeholders}` of a text template."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


class Texts(Strict):
    """A rule's or an exemption's words in one more language: the same placeholders as the English."""

    title: str
    summary: str
    evidence: str | None = None  # the text of the evidence that lifts it, when the rule names evidence


class SuspensionTexts(Strict):
    reason: str


class _Translated(Strict):
    """A record with `texts` by language (added 2026-12): left out of the canonical form when empty, so a
    pack signed before it existed keeps its hash."""

    @model_serializer(mode="wrap")
    def _without_empty_texts(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and not data.get("texts"):
            data.pop("texts", None)
        return data


def _check_texts(owner: str, texts: dict[str, Texts], summary: str, evidence: str | None) -> None:
    for language, words in texts.items():
        if language not in TEXT_LANGUAGES:
            raise ValueError(
                f"{owner}: texts in unknown language {language!r} (one of {', '.join(TEXT_LANGUAGES)})"
            )
        if not words.title.strip() or not words.summary.strip():
            raise ValueError(f"{owner}: the {language} title and summary must not be empty")
        if template_fields(words.summary) != template_fields(summary):
            raise ValueError(
                f"{owner}: the {language} summary has placeholders {sorted(template_fields(words.summary))}, "
                f"the English {sorted(template_fields(summary))}"
            )
        if (words.evidence is None) != (evidence is None):
            raise ValueError(
                f"{owner}: the {language} texts need an evidence text exactly when the rule names evidence"
            )
        if evidence is not None and template_fields(words.evidence or "") != template_fields(evidence):
            raise ValueError(f"{owner}: the {language} evidence text has other placeholders than the English")


class Step(Strict):
    """One tier of a dated threshold: from this day on, the weight is `carats`."""

    from_: date = Field(alias="from")
    carats: Decimal

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _schedule(value: Any) -> Any:
    if isinstance(value, str | int | float | Decimal):
        return [{"from": "0001-01-01", "carats": str(value)}]
    return value


class WeightTest(Strict):
    """Compare the heaviest relevant stone with a (possibly dated) threshold."""

    stones: Literal["all", "russian"] = "all"
    at_least: list[Step] | None = None
    below: list[Step] | None = None
    over: list[Step] | None = None

    _norm = field_validator("at_least", "below", "over", mode="before")(_schedule)

    @model_validator(mode="after")
    def _one_bound(self) -> WeightTest:
        if not (self.at_least or self.below or self.over):
            raise ValueError("a weight test needs at_least, below or over")
        return self


class DateTest(Strict):
    field: Literal["transaction", "contract", "exported_from_russia", "outside_russia_since", "invoice"]
    before: date | Literal["$in_force_since"] | None = None
    on_or_after: date | Literal["$in_force_since"] | None = None
    on_or_before: date | None = None
    known: bool | None = None


ActivityName = Literal["cutting_polishing", "setting", "sorting", "growing"]
_ALL_ACTIVITIES: list[ActivityName] = ["cutting_polishing", "setting", "sorting", "growing"]


class ProcessTest(Strict):
    countries: list[str]
    activities: list[ActivityName] = Field(default_factory=lambda: list(_ALL_ACTIVITIES))


class EvidenceItem(Strict):
    type: str
    jurisdiction: str | None = None


class Condition(Strict):
    """Exactly one key; combinators nest. Documented in docs/rule-pack.md."""

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    use: str | None = None  # a named condition from the pack's `definitions`
    is_: str | None = Field(default=None, alias="is")  # a boolean fact
    category: list[Literal["rough", "polished", "jewellery", "unsorted"]] | None = None
    hs: list[str] | None = None
    kind: list[Literal["import", "purchase", "sale", "export"]] | None = None
    mined_in: list[str] | None = None
    origin_in: list[str] | None = None
    processed_in: ProcessTest | None = None
    processed_outside: ProcessTest | None = None
    transited: list[str] | None = None
    counterparty_in: list[str] | None = None
    delivered_outside: list[str] | None = None  # a delivery country is stated and it is none of these
    weight: WeightTest | None = None
    date: DateTest | None = None
    evidence: EvidenceItem | None = None
    kp: str | None = None
    sow: list[Literal["2021", "2002", "none"]] | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        used = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(used) != 1:
            raise ValueError(f"a condition has exactly one key, found {used or 'none'}")
        return self


class Source(Strict):
    instrument: str
    article: str = ""
    citation: str  # the one-line legal source printed with each finding
    url: str = ""


class Binding(Strict):
    """How a multi-jurisdiction rule (Kimberley Process, WDC) is cited in one jurisdiction."""

    id: str | None = None
    source: Source | None = None


class EvidenceNeed(Strict):
    any_of: list[EvidenceItem]
    text: str
    # False when the rule's own condition already tests the document (e.g. a KP certificate's validity),
    # so merely holding an item of that type must not lift the finding.
    lifted_by_holding: bool = True


class Rule(_Translated):
    id: str
    jurisdiction: str
    binds: dict[str, Binding] | None = None  # for jurisdiction "KP"/"ALL": where it applies
    title: str
    source: Source
    confidence: Confidence
    effective_from: date
    effective_to: date | None = None
    scope: Condition | None = None
    when: Condition
    outcome: Outcome
    suggested: Literal["blocked", "cleared", "needs_evidence"] | None = None
    summary: str
    evidence: EvidenceNeed | None = None
    # The part of the lot where the user resolves a finding (lot-format sections, see desktop.lot.SECTIONS);
    # packs before 2026-12 call it `step`.
    section: str | None = Field(default=None, validation_alias=AliasChoices("section", "step"))
    note: str = ""
    # The title, summary and evidence text in other languages (added 2026-12).
    texts: dict[str, Texts] = Field(default_factory=dict)

    @field_validator("section")
    @classmethod
    def _known_section(cls, value: str | None) -> str | None:
        if value is not None and not is_section(value):
            raise ValueError(
                f"unknown lot section {value!r} (one of {', '.join(SECTIONS)}, or evidence:TYPE)"
            )
        return value

    @model_validator(mode="after")
    def _coherent(self) -> Rule:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(f"{self.id}: effective_to is before effective_from")
        if self.outcome == "needs_evidence" and self.evidence is None:
            raise ValueError(f"{self.id}: a needs_evidence rule must name the evidence that lifts it")
        if self.binds is None and self.jurisdiction in MULTI_JURISDICTION:
            raise ValueError(
                f"{self.id}: a {self.jurisdiction} rule needs `binds` (the regimes it applies in)"
            )
        _check_texts(self.id, self.texts, self.summary, self.evidence.text if self.evidence else None)
        return self

    def jurisdictions(self) -> list[str]:
        """The jurisdictions whose findings this rule can produce."""
        return list(self.binds) if self.binds is not None else [self.jurisdiction]

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


class Exemption(_Translated):
    """Lifts (or, when unverified, sends to review) the rules it applies to when its condition holds."""

    id: str
    applies_to: list[str]
    title: str
    source: Source
    confidence: Confidence
    effective_from: date
    effective_to: date | None = None
    when: Condition
    evidence: EvidenceNeed | None = None
    suggested: Literal["blocked", "cleared"] | None = None
    summary: str
    texts: dict[str, Texts] = Field(default_factory=dict)  # other languages (added 2026-12)

    @model_validator(mode="after")
    def _translated(self) -> Exemption:
        _check_texts(self.id, self.texts, self.summary, self.evidence.text if self.evidence else None)
        return self

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


class ScreeningPolicy(Strict):
    """How a sanctions match is cited and how owners' shares combine, per jurisdiction."""

    jurisdiction: str
    id: str
    title: str
    source: Source
    ownership_rule_id: str
    ownership_source: Source
    ownership_threshold: Decimal = Decimal("50")
    ownership_inclusive: bool = True  # US: 50 % or more; EU/UK: more than 50 %


class Zone(Strict):
    name: str
    compliant_from: date
    confidence: Confidence = "S"
    uncertain_from: date | None = None  # between this day and compliant_from the status is unknown


class Suspension(_Translated):
    from_: date = Field(alias="from")
    to: date | None = None
    reason: str
    source: str
    compliant_zones: list[Zone] = Field(default_factory=list)
    texts: dict[str, SuspensionTexts] = Field(default_factory=dict)  # `reason` in other languages

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def covers(self, on: date) -> bool:
        return self.from_ <= on and (self.to is None or on <= self.to)


class Participant(Strict):
    country: str
    name: str
    since: date
    via: str | None = None  # e.g. "EU" for member states
    suspensions: list[Suspension] = Field(default_factory=list)


class KpRegistry(Strict):
    as_of: date
    confidence: Confidence
    source: str
    note: str = ""
    participants: list[Participant]


class Regime(Strict):
    """A jurisdiction the pack knows: its names, the countries that bring it into a deal, the lists that bind it."""

    code: Annotated[str, Field(pattern=r"^[A-Z]{2,3}$")]
    names: dict[str, str]  # language -> name; "en" required
    countries: list[str] = Field(default_factory=list)
    official_lists: list[str] = Field(default_factory=list)  # its own lists: coverage, and they bind it
    also_bound_by: list[str] = Field(default_factory=list)  # other lists whose entries bind it (UN)

    @model_validator(mode="after")
    def _named(self) -> Regime:
        if self.code in MULTI_JURISDICTION:
            raise ValueError(f"{self.code} is reserved for rules that bind several regimes")
        if not self.names.get("en"):
            raise ValueError(f"{self.code}: an English name is required")
        return self

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]

    def binds_list(self, list_id: str) -> bool:
        return list_id in self.official_lists or list_id in self.also_bound_by


class RulePack(Strict):
    format: Literal["clearstone.rulepack/1"]
    id: str
    version: str
    as_of: date
    title: str
    # Packs before 2026-12 have none: they get the bundled pack's regimes (desktop.rules.pack).
    jurisdictions: list[Regime] | None = None
    definitions: dict[str, Condition] = Field(default_factory=dict)
    rules: list[Rule]
    exemptions: list[Exemption] = Field(default_factory=list)
    screening: list[ScreeningPolicy] = Field(default_factory=list)
    kp: KpRegistry

    @model_validator(mode="after")
    def _references_resolve(self) -> RulePack:
        ids = [r.id for r in self.rules]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate rule ids: {sorted(duplicates)}")
        known = set(ids)
        for exemption in self.exemptions:
            missing = [rid for rid in exemption.applies_to if rid not in known]
            if missing:
                raise ValueError(f"exemption {exemption.id} applies to unknown rules {missing}")
        if self.jurisdictions is not None:
            codes = [r.code for r in self.jurisdictions]
            if len(set(codes)) != len(codes):
                raise ValueError(f"jurisdictions: a code is declared twice ({codes})")
            check_vocabulary(self, self.jurisdictions)
        check_languages(self)
        return self

    def worded(self) -> list[Rule | Exemption]:
        """Every rule and exemption: the records with texts."""
        return [*self.rules, *self.exemptions]

    def languages(self) -> list[str]:
        """The languages the pack words its rules in besides English."""
        found = {lang for item in self.worded() for lang in item.texts}
        return [lang for lang in TEXT_LANGUAGES if lang in found]


def check_languages(pack: RulePack) -> None:
    """A pack that words one rule in a language words every rule and exemption in it."""
    for language in pack.languages():
        missing = [item.id for item in pack.worded() if language not in item.texts]
        if missing:
            shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            raise ValueError(f"texts: no {language} text for {shown}")


def check_vocabulary(pack: RulePack, regimes: list[Regime]) -> None:
    """Every jurisdiction a rule, a binding or a screening policy names must be a declared regime."""
    known = {r.code for r in regimes}
    for rule in pack.rules:
        unknown = [code for code in rule.jurisdictions() if code not in known]
        if unknown:
            raise ValueError(f"{rule.id}: unknown jurisdiction {', '.join(unknown)} (not in `jurisdictions`)")
    for policy in pack.screening:
        if policy.jurisdiction not in known:
            raise ValueError(f"screening policy {policy.id}: unknown jurisdiction {policy.jurisdiction}")
