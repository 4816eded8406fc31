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

# Each step's title, in English; the window translates it (the one home of the step names).
STEP_TITLES: dict[Step, str] = {
    Step.LOT_TRANSACTION: "Lot and transaction",
    Step.ORIGIN: "Origin",
    Step.PROCESSING: "Processing",
    Step.COUNTERPARTY: "Seller and buyer",
    Step.EVIDENCE: "Evidence",
    Step.REVIEW: "Review",
    Step.ATTEST: "Attest",
}

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
    "parties": Step.COUNTERPARTY,
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


def step_for_section(section: str | None) -> Step:
    """The step whose page edits a lot section (desktop.lot.SECTIONS, or `evidence:TYPE`)."""
    if section is None:
        return Step.LOT_TRANSACTION
    if section.startswith("evidence:"):
        return step_for_evidence_type(section.removeprefix("evidence:"))
    return _SECTION_STEP.get(section, Step.LOT_TRANSACTION)


def step_for_finding(finding: Finding) -> Step:
    """Where the user resolves a finding: the lot section it points at (the rule pack says which); a finding
    recorded before sections existed points at the evidence it asks for, if any."""
    if finding.section is None and finding.evidence_needed is not None and finding.evidence_needed.any_of:
        return step_for_evidence_type(finding.evidence_needed.any_of[0].get("type"))
    return step_for_section(finding.section)
