"""The checklist wizard as a plain state machine: steps, draft, completeness and navigation (no Qt)."""

from desktop.wizard.draft import Draft, new_draft
from desktop.wizard.machine import Checklist, Problem
from desktop.wizard.steps import STEPS, Step, step_for_finding, step_for_path

__all__ = ["STEPS", "Checklist", "Draft", "Problem", "Step", "new_draft", "step_for_finding", "step_for_path"]
