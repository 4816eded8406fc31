"""What an evaluation produces: verdicts, findings and per-jurisdiction results (plain data)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer


class Verdict(StrEnum):
    """From best to worst; a jurisdiction's verdict is the worst of its findings."""

    CLEARED = "cleared"
    NEEDS_EVIDENCE = "needs_evidence"
    REVIEW = "review"
    BLOCKED = "blocked"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @staticmethod
    def worst(verdicts: list[Verdict] | tuple[Verdict, ...]) -> Verdict:
        return max(verdicts, key=lambda v: v.rank, default=Verdict.CLEARED)


_RANK = {Verdict.CLEARED: 0, Verdict.NEEDS_EVIDENCE: 1, Verdict.REVIEW: 2, Verdict.BLOCKED: 3}


class Level(StrEnum):
    """How a cleared finding should be read: an exemption applied, a plain note, or a warning."""

    DECISIVE = "decisive"
    INFO = "info"
    WARNING = "warning"


class _Texts(BaseModel):
    """A record with texts in several languages (added 2026-12). The `*_texts` maps are left out of the
    serialised form when empty, so records made before they existed keep their exact bytes and hashes."""

    model_config = ConfigDict(frozen=True)

    @model_serializer(mode="wrap")
    def _without_empty_texts(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in _TEXT_MAPS:
                if name in data and not data[name]:
                    del data[name]
        return data


_TEXT_MAPS = frozenset({"texts", "summaries", "titles"})


class EvidenceNeed(_Texts):
    """Evidence that would lift a needs_evidence finding: any one item of `any_of` suffices."""

    any_of: list[dict[str, str]]
    text: str
    texts: dict[str, str] = Field(default_factory=dict)  # `text` by language (English is `text`)

    def text_in(self, language: str) -> str:
        return self.texts.get(language) or self.text


class Finding(_Texts):
    rule: str
    jurisdiction: str
    outcome: Verdict
    summary: str
    source: str
    title: str = ""
    url: str = ""
    confidence: str = "P"
    level: Level = Level.DECISIVE
    suggested: Verdict | None = None
    facts: dict[str, Any] = Field(default_factory=dict)
    evidence_needed: EvidenceNeed | None = None
    exemption: str | None = None
    # The part of the lot where the user resolves it (desktop.lot.SECTIONS, or "evidence:TYPE"); the wizard
    # maps it to its step, the CLI prints it.
    section: str | None = None
    # The summary and title in every language the rule pack words them in, English included (added 2026-12;
    # empty for findings made before, and for packs without translations: then `summary` is all there is).
    summaries: dict[str, str] = Field(default_factory=dict)
    titles: dict[str, str] = Field(default_factory=dict)

    def summary_in(self, language: str) -> str:
        """The summary in `language`, else in English."""
        return self.summaries.get(language) or self.summary

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.title

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "outcome": self.outcome.value,
            "summary": self.summary,
            "source": self.source,
        }
        if self.summaries:
            data["summaries"] = dict(self.summaries)
        if self.title:
            data["title"] = self.title
        if self.titles:
            data["titles"] = dict(self.titles)
        if self.url:
            data["url"] = self.url
        data["confidence"] = self.confidence
        if self.level is not Level.DECISIVE:
            data["level"] = self.level.value
        if self.suggested is not None:
            data["suggested"] = self.suggested.value
        if self.exemption:
            data["exemption"] = self.exemption
        if self.evidence_needed is not None:
            data["evidence_needed"] = self.evidence_needed.model_dump()
        if self.section:
            data["section"] = self.section
        if self.facts:
            data["facts"] = self.facts
        return data


class JurisdictionResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    jurisdiction: str
    verdict: Verdict
    findings: list[Finding]

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict.value, "findings": [f.to_json() for f in self.findings]}


def finding_order(finding: Finding) -> tuple[int, bool, str]:
    """Worst outcome first, decisive findings before notes and warnings, then by rule id."""
    return (-finding.outcome.rank, finding.level is not Level.DECISIVE, finding.rule)


def shared_notes(results: list[JurisdictionResult]) -> set[tuple[str, str]]:
    """(rule, summary) of cleared warnings and notes that every jurisdiction repeats word for word, so that
    reports can print them once."""
    if len(results) < 2:
        return set()
    keyed = [
        {
            (f.rule, f.summary)
            for f in r.findings
            if f.outcome is Verdict.CLEARED and f.level is not Level.DECISIVE
        }
        for r in results
    ]
    return set.intersection(*keyed)


def verdict_of(findings: list[Finding]) -> Verdict:
    return Verdict.worst([f.outcome for f in findings])


# How a person's resolution of a `review` finding is added to its summary, per language.
_RESOLVED = {
    "en": "{summary} — resolved as {resolution} by {by} on {date}: {reason}",
    "fr": "{summary} — tranché comme « {resolution} » par {by} le {date} : {reason}",
}
_RESOLUTIONS = {
    "fr": {
        "cleared": "conforme",
        "blocked": "bloqué",
        "needs_evidence": "justificatif requis",
        "review": "à examiner",
    }
}


def resolved(finding: Finding, resolution: Verdict, by: str, on: str, reason: str) -> Finding:
    """The finding as a person settled it: the new outcome, and who, when and why in every summary."""
    from desktop.rules.language import typeset

    def text(language: str, summary: str) -> str:
        shown = _RESOLUTIONS.get(language, {}).get(resolution.value, resolution.value)
        template = typeset(_RESOLVED.get(language, _RESOLVED["en"]), language)
        return template.format(summary=summary, resolution=shown, by=by, date=on, reason=reason)

    return finding.model_copy(
        update={
            "outcome": resolution,
            "summary": text("en", finding.summary),
            "summaries": {lang: text(lang, summary) for lang, summary in finding.summaries.items()},
        }
    )
