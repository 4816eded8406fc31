"""The checklist wizard as a plain state machine: steps, draft, completeness and navigation (no Qt)."""

from desktop.wizard.draft import Draft, new_draft
from desktop.wizard.machine import Checklist, Problem
from desktop.wizard.steps import STEP_TITLES, STEPS, Step, step_for_finding, step_for_path

__all__ = [
    "STEPS",
    "STEP_TITLES",
    "Checklist",
    "Draft",
    "Problem",
    "Step",
    "new_draft",
    "step_for_finding",
    "step_for_path",
]
