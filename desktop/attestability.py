"""Whether an assessment may be attested, and if not, every reason why: the one rule both front ends ask."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.rules.result import Verdict

if TYPE_CHECKING:
    from desktop.assessment import Assessment


def refusal_reasons(assessment: Assessment, *, coverage_gaps: Sequence[str] = ()) -> list[str]:
    """Why this assessment cannot be attested (empty when it can): a blocked verdict, every open item by
    regime, a what-if restricted to some regimes, and each sanctions-list coverage gap not accepted."""
    reasons: list[str] = []
    if assessment.verdict is Verdict.BLOCKED:
        reasons.append(f"lot {assessment.lot.lot_id} is blocked")
    for code, result in assessment.jurisdictions.items():
        for finding in result.findings:
            if finding.outcome is not Verdict.CLEARED:
                reasons.append(
                    f"{code} {finding.rule} ({finding.outcome.value.replace('_', ' ')}): {finding.summary}"
                )
    if assessment.restricted_to is not None:
        reasons.append(
            f"checked for {', '.join(assessment.restricted_to)} only (a what-if): an attestation covers every "
            "regime that applies"
        )
    reasons.extend(f"sanctions-list coverage: {gap}" for gap in coverage_gaps)
    return reasons
