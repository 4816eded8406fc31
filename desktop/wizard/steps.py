"""The checklist's steps, in order, and which step owns each lot field and each finding."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from desktop.rules.result import Finding


class Step(StrEnum):
    LOT_TRANSACTION = "lot_transaction"
    ORIGIN = "origin"
    PROCESSING = "processing"
    COUNTERPARTY = "counterparty"
    EVIDENCE = "evidence"
    REVIEW = "review"
    ATTEST = "attest"

    @property
    def position(self) -> int:
        return STEPS.index(self)


STEPS: tuple[Step, ...] = tuple(Step)

# The steps whose pages edit the lot; review and attest only read it.
EDITING_STEPS: tuple[Step, ...] = STEPS[: STEPS.index(Step.REVIEW)]

_SECTION_STEP: dict[str, Step] = {
    "format": Step.LOT_TRANSACTION,
    "lot_id": Step.LOT_TRANSACTION,
    "description": Step.LOT_TRANSACTION,
    "transaction": Step.LOT_TRANSACTION,
    "goods": Step.LOT_TRANSACTION,
    "origin": Step.ORIGIN,
    "processing": Step.PROCESSING,
    "counterparty": Step.COUNTERPARTY,
    "evidence": Step.EVIDENCE,
    "extensions": Step.LOT_TRANSACTION,
}

# The KP certificate is entered with the origin (it states the mining countries); other papers on the
# evidence page.
_EVIDENCE_STEP: dict[str, Step] = {"kp_certificate": Step.ORIGIN}


def step_for_evidence_type(kind: str | None) -> Step:
    return _EVIDENCE_STEP.get(kind or "", Step.EVIDENCE)


def step_for_path(path: tuple[int | str, ...], draft: dict[str, Any] | None = None) -> Step:
    """The step whose page edits the field at `path` (a pydantic error location or a draft path)."""
    if not path or not isinstance(path[0], str):
        return Step.LOT_TRANSACTION
    head = path[0]
    if head == "evidence" and draft is not None and len(path) > 1 and isinstance(path[1], int):
        items = draft.get("evidence")
        if isinstance(items, list) and 0 <= path[1] < len(items) and isinstance(items[path[1]], dict):
            kind = items[path[1]].get("type")
            return step_for_evidence_type(kind if isinstance(kind, str) else None)
    return _SECTION_STEP.get(head, Step.LOT_TRANSACTION)


def _step_named(name: str | None) -> Step | None:
    try:
        return Step(name) if name else None
    except ValueError:
        return None


def step_for_finding(finding: Finding) -> Step:
    """Where the user resolves a finding: its own `step`, else the evidence it asks for, else by topic."""
    named = _step_named(finding.step)
    if named is not None:
        return named
    if finding.evidence_needed is not None:
        kinds = [item.get("type") for item in finding.evidence_needed.any_of]
        steps = {step_for_evidence_type(kind) for kind in kinds}
        # any one item suffices, so send the user where most of the alternatives are entered
        return (
            Step.EVIDENCE
            if Step.EVIDENCE in steps
            else min(steps, key=lambda s: s.position, default=Step.EVIDENCE)
        )
    text = f"{finding.rule} {' '.join(finding.facts)}".lower()
    if any(word in text for word in ("screen", "sanction", "match", "owner", "counterparty")):
        return Step.COUNTERPARTY
    if any(word in text for word in ("kp", "kimberley", "mining", "origin", "russia")):
        return Step.ORIGIN
    if any(word in text for word in ("processing", "cut", "polish")):
        return Step.PROCESSING
    return Step.LOT_TRANSACTION
