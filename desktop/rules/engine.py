"""Evaluate a lot against a rule pack: findings per jurisdiction, as the law stood on one day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from string import Formatter
from typing import Any

from desktop.lot import Lot, evidence_section
from desktop.rules.conditions import (
    Context,
    active_step,
    caught_since,
    compile_condition,
    evaluate,
    weight_tests,
)
from desktop.rules.facts import Facts
from desktop.rules.kp import KpChecker
from desktop.rules.language import semicolon, typeset
from desktop.rules.localize import localized_values
from desktop.rules.model import EvidenceNeed, Exemption, Regime, Rule, RulePack
from desktop.rules.regimes import regimes_in_scope
from desktop.rules.result import EvidenceNeed as FindingNeed
from desktop.rules.result import Finding, JurisdictionResult, Level, Verdict, finding_order, verdict_of

_OUTCOME = {
    "blocked": Verdict.BLOCKED,
    "review": Verdict.REVIEW,
    "needs_evidence": Verdict.NEEDS_EVIDENCE,
    "warning": Verdict.CLEARED,
    "info": Verdict.CLEARED,
    "cleared": Verdict.CLEARED,
}


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, values: dict[str, str]) -> str:
    return Formatter().vformat(template, (), _Defaults(values))


# How the engine joins a rule's summary with what an exemption or held evidence did to it, per language.
_PHRASES = {
    "en": {
        "held": "{summary} — held: {held}",
        "exempt": "{summary} — exempt: {text}",
        "exempt_held": "{summary} — exempt: {text} (held: {held})",
        "may_apply": "{summary} — {id} may apply ({text}); needs {evidence}",
        "unverified": "{summary} — {id} [U]: {text}",
        "pack_age": "The rule pack is as of {as_of}; the lot is judged on {on}: changes to the law after the pack's "
        "date are not reflected — check for a newer pack",
        "pack_age_title": "Rule pack date",
        "pack_source": "Rule pack {id} {version}",
    },
    "fr": {
        "held": "{summary} — détenu : {held}",
        "exempt": "{summary} — exemption : {text}",
        "exempt_held": "{summary} — exemption : {text} (détenu : {held})",
        "may_apply": "{summary} — {id} pourrait s'appliquer ({text}) ; il faut {evidence}",
        "unverified": "{summary} — {id} [U] : {text}",
        "pack_age": "Le jeu de règles est à jour au {as_of} ; le lot est jugé au {on} : les modifications du droit "
        "postérieures à cette date ne sont pas prises en compte ; vérifier s'il existe un jeu plus récent",
        "pack_age_title": "Date du jeu de règles",
        "pack_source": "Jeu de règles {id} {version}",
    },
}


def phrase(language: str, key: str, **values: str) -> str:
    """One of the engine's own texts in `language` (French spacing applied to the text, not the values)."""
    return render(typeset(_PHRASES[language][key], language), values)


def _items(joined: str, language: str) -> str:
    """References joined by "; " (as `_held` gives them), with the language's separator."""
    return joined.replace("; ", semicolon(language))


def _sentence(text: str) -> str:
    """A summary begins with a capital even when its template begins with a placeholder."""
    return text[:1].upper() + text[1:]


Texts = dict[str, str]  # language -> text


@dataclass
class Evaluation:
    """The outcome for every jurisdiction, plus which rules were looked at and not engaged."""

    on: date
    results: dict[str, JurisdictionResult]


class Engine:
    """Generic: knows conditions, exemptions and evidence, nothing about any one regime."""

    def __init__(self, pack: RulePack, regimes: Sequence[Regime] | None = None) -> None:
        self.pack = pack
        self.regimes = tuple(regimes if regimes is not None else pack.jurisdictions or ())
        self._kp = KpChecker(pack.kp)
        self._exemptions: dict[str, list[Exemption]] = defaultdict(list)
        for exemption in pack.exemptions:
            for rule_id in exemption.applies_to:
                self._exemptions[rule_id].append(exemption)
        self._by_jurisdiction: dict[str, list[Rule]] = defaultdict(list)
        for rule in pack.rules:
            for code in rule.jurisdictions():
                self._by_jurisdiction[code].append(rule)
        self._weights = {rule.id: weight_tests(rule.when, pack.definitions) for rule in pack.rules}
        self._scope = {
            r.id: compile_condition(r.scope, pack.definitions) for r in pack.rules if r.scope is not None
        }
        self._when = {r.id: compile_condition(r.when, pack.definitions) for r in pack.rules}
        # English, then every language the pack words all its rules in.
        self.languages: tuple[str, ...] = ("en", *(lang for lang in pack.languages() if lang in _PHRASES))
        for exemption in pack.exemptions:
            compile_condition(exemption.when, pack.definitions)

    def facts(self, lot: Lot, on: date) -> Facts:
        return Facts.of(lot, on, self._kp)

    def evaluate(
        self, lot: Lot, *, on: date | None = None, jurisdictions: Sequence[str] | None = None
    ) -> Evaluation:
        """Findings for `jurisdictions`, or for every regime the lot engages (derived from its facts)."""
        day = on or lot.transaction.date
        codes = (
            list(jurisdictions) if jurisdictions else [r.code for r in regimes_in_scope(lot, self.regimes)]
        )
        facts = self.facts(lot, day)
        results: dict[str, JurisdictionResult] = {}
        for code in codes:
            findings = self._evaluate_in(code, facts)
            results[code] = JurisdictionResult(
                jurisdiction=code, verdict=verdict_of(findings), findings=findings
            )
        return Evaluation(on=day, results=results)

    def _evaluate_in(self, code: str, facts: Facts) -> list[Finding]:
        findings: list[Finding] = []
        for rule in self._by_jurisdiction.get(code, []):
            if not rule.in_force(facts.on):
                continue
            ctx = Context(facts, self.pack.definitions, lambda rule=rule: self._in_force_since(rule, facts))  # type: ignore[misc]
            scope = self._scope.get(rule.id)
            if scope is not None and not scope(ctx):
                continue
            if not self._when[rule.id](ctx):
                continue
            findings.append(self._finding(rule, code, ctx))
        if facts.on > self.pack.as_of:
            findings.append(self._pack_age_finding(code, facts.on))
        findings.sort(key=finding_order)
        return findings

    def _pack_age_finding(self, code: str, on: date) -> Finding:
        pack = self.pack
        values = {
            "as_of": pack.as_of.isoformat(),
            "on": on.isoformat(),
            "id": pack.id,
            "version": pack.version,
        }
        summaries = {lang: phrase(lang, "pack_age", **values) for lang in self.languages}
        titles = {lang: phrase(lang, "pack_age_title") for lang in self.languages}
        return Finding(
            rule="CS-PACK-AGE",
            jurisdiction=code,
            outcome=Verdict.CLEARED,
            level=Level.WARNING,
            summary=summaries["en"],
            source=phrase("en", "pack_source", **values),
            title=titles["en"],
            **self._translations(summaries, titles),
        )

    def _translations(self, summaries: Texts, titles: Texts) -> dict[str, Texts]:
        """The per-language maps of a finding: none for a pack worded in English only (as before)."""
        if len(self.languages) == 1:
            return {}
        return {"summaries": summaries, "titles": titles}

    def _in_force_since(self, rule: Rule, facts: Facts) -> date:
        days = [d for test in self._weights[rule.id] if (d := caught_since(test, facts)) is not None]
        return max([rule.effective_from, min(days)]) if days else rule.effective_from

    def _rule_id(self, rule: Rule, code: str) -> str:
        binding = rule.binds.get(code) if rule.binds else None
        return binding.id if binding is not None and binding.id else rule.id

    def _words(self, item: Rule | Exemption, language: str) -> tuple[str, str, str | None]:
        """(title, summary template, evidence template) of a rule or exemption in `language`."""
        words = item.texts.get(language) if language != "en" else None
        if words is None:
            return item.title, item.summary, item.evidence.text if item.evidence else None
        return words.title, words.summary, words.evidence

    def _values(self, ctx: Context, base: dict[str, str]) -> dict[str, dict[str, str]]:
        return {lang: localized_values(base, ctx.facts, self.pack.kp, lang) for lang in self.languages}

    def _render(self, template: str, values: dict[str, str], language: str) -> str:
        return render(typeset(template, language), values)

    def _finding(self, rule: Rule, code: str, ctx: Context) -> Finding:
        facts = ctx.facts
        binding = rule.binds.get(code) if rule.binds else None
        source = binding.source if binding is not None and binding.source is not None else rule.source
        base = facts.placeholders()
        base.update(self._threshold_values(rule, ctx))
        base["jurisdiction"] = code
        base["in_force_since"] = ctx.in_force_since.isoformat()
        values = self._values(ctx, base)
        outcome = _OUTCOME[rule.outcome]
        level = {"warning": Level.WARNING, "info": Level.INFO}.get(rule.outcome, Level.DECISIVE)
        words = {lang: self._words(rule, lang) for lang in self.languages}
        summaries = {
            lang: _sentence(self._render(words[lang][1], values[lang], lang)) for lang in self.languages
        }
        suggested: Verdict | None = None
        need: FindingNeed | None = None
        exemption_id: str | None = None
        confidence = rule.confidence

        if rule.outcome == "needs_evidence" and rule.evidence is not None:
            held = (
                self._held(rule.evidence, facts, code, None, ctx) if rule.evidence.lifted_by_holding else ""
            )
            if held:
                outcome, level = Verdict.CLEARED, Level.INFO
                summaries = {
                    lang: phrase(lang, "held", summary=summaries[lang], held=_items(held, lang))
                    for lang in summaries
                }
            else:
                need = self._need(rule.evidence, {lang: words[lang][2] for lang in self.languages}, values)
        if confidence == "U" and outcome in (Verdict.BLOCKED, Verdict.NEEDS_EVIDENCE):
            suggested = _OUTCOME[rule.suggested] if rule.suggested else outcome
            outcome = Verdict.REVIEW
        elif confidence == "U" and rule.suggested:
            suggested = _OUTCOME[rule.suggested]

        if outcome in (Verdict.BLOCKED, Verdict.REVIEW, Verdict.NEEDS_EVIDENCE):
            outcome, summaries, exemption_id, need, suggested = self._apply_exemptions(
                rule, code, ctx, outcome, summaries, need, suggested
            )
            if outcome is Verdict.CLEARED:
                level = Level.DECISIVE

        section = rule.section
        if section is None and need is not None and need.any_of:
            section = evidence_section(need.any_of[0]["type"])
        titles = {lang: words[lang][0] for lang in self.languages}
        return Finding(
            rule=self._rule_id(rule, code),
            jurisdiction=code,
            outcome=outcome,
            summary=summaries["en"],
            source=source.citation,
            title=rule.title,
            url=source.url,
            confidence=confidence,
            level=level,
            suggested=suggested,
            facts=self._facts_for(rule, ctx),
            evidence_needed=need,
            exemption=exemption_id,
            section=section,
            **self._translations(summaries, titles),
        )

    def _need(
        self, evidence: EvidenceNeed, templates: dict[str, str | None], values: dict[str, dict[str, str]]
    ) -> FindingNeed:
        texts = {
            lang: self._render(templates[lang] or evidence.text, values[lang], lang)
            for lang in self.languages
        }
        return FindingNeed(
            any_of=[
                {k: v for k, v in item.model_dump().items() if v is not None} for item in evidence.any_of
            ],
            text=texts["en"],
            texts=texts if len(self.languages) > 1 else {},
        )

    def _apply_exemptions(
        self,
        rule: Rule,
        code: str,
        ctx: Context,
        outcome: Verdict,
        summaries: Texts,
        need: FindingNeed | None,
        suggested: Verdict | None,
    ) -> tuple[Verdict, Texts, str | None, FindingNeed | None, Verdict | None]:
        facts = ctx.facts
        candidates = [e for e in self._exemptions.get(rule.id, []) if e.in_force(facts.on)]
        base = facts.placeholders()
        base["in_force_since"] = ctx.in_force_since.isoformat()
        values = self._values(ctx, base)

        def texts(exemption: Exemption) -> Texts:
            return {
                lang: self._render(self._words(exemption, lang)[1], values[lang], lang)
                for lang in self.languages
            }

        def joined(key: str, exemption: Exemption, held: str = "") -> Texts:
            said = texts(exemption)
            return {
                lang: phrase(
                    lang,
                    key,
                    summary=summaries[lang],
                    text=said[lang],
                    id=exemption.id,
                    held=_items(held, lang),
                )
                for lang in self.languages
            }

        missing: tuple[Exemption, EvidenceNeed] | None = None
        unverified: Exemption | None = None
        for exemption in candidates:
            if not evaluate(exemption.when, ctx):
                continue
            if exemption.confidence == "U":
                unverified = unverified or exemption
                continue
            if exemption.evidence is None:
                return Verdict.CLEARED, joined("exempt", exemption), exemption.id, None, None
            held = self._held(exemption.evidence, facts, code, exemption, ctx)
            if held:
                return Verdict.CLEARED, joined("exempt_held", exemption, held=held), exemption.id, None, None
            missing = missing or (exemption, exemption.evidence)
        if missing is not None and outcome is not Verdict.NEEDS_EVIDENCE:
            exemption, evidence = missing
            lifted = self._need(
                evidence, {lang: self._words(exemption, lang)[2] for lang in self.languages}, values
            )
            said = texts(exemption)
            return (
                Verdict.NEEDS_EVIDENCE,
                {
                    lang: phrase(
                        lang,
                        "may_apply",
                        summary=summaries[lang],
                        id=exemption.id,
                        text=said[lang],
                        evidence=lifted.text_in(lang),
                    )
                    for lang in self.languages
                },
                exemption.id,
                lifted,
                None,
            )
        if unverified is not None and outcome is Verdict.BLOCKED:
            hint = _OUTCOME[unverified.suggested] if unverified.suggested else outcome
            return Verdict.REVIEW, joined("unverified", unverified), unverified.id, need, hint
        return outcome, summaries, None, need, suggested

    def _held(
        self, evidence: EvidenceNeed, facts: Facts, code: str, exemption: Exemption | None, ctx: Context
    ) -> str:
        refs: list[str] = []
        for item in evidence.any_of:
            jurisdiction = code if item.jurisdiction == "$jurisdiction" else item.jurisdiction
            found = facts.holds(item.type, jurisdiction)
            if found and item.type == "pre_ban_proof" and exemption is not None:
                documented = Context(facts.as_documented(), ctx.definitions, ctx.in_force_since)
                if not evaluate(exemption.when, documented):
                    continue  # a proof whose own date does not reach back before the cut-off proves nothing
            refs.extend(found)
        return "; ".join(dict.fromkeys(refs))

    def _threshold_values(self, rule: Rule, ctx: Context) -> dict[str, str]:
        values: dict[str, str] = {}
        for test in self._weights[rule.id]:
            for name, schedule in (("threshold", test.at_least), ("below", test.below), ("over", test.over)):
                step = active_step(schedule, ctx.facts.on)
                if step is not None and name not in values:
                    values[name] = _fmt(step.carats)
                    values[f"{name}_from"] = step.from_.isoformat()
        return values

    def _facts_for(self, rule: Rule, ctx: Context) -> dict[str, Any]:
        facts = ctx.facts
        data: dict[str, Any] = {
            "largest_stone_carats": _fmt(facts.largest),
            "mining_countries": sorted(facts.mining),
            "origin": sorted(facts.origin),
            "date": facts.on.isoformat(),
        }
        data.update(self._threshold_values(rule, ctx))
        return data


def _fmt(value: Decimal) -> str:
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    return f"{whole}.{(frac or '0').ljust(2, '0')}"
