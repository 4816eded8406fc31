"""The checklist state machine: which step is shown, what each step still lacks, and where the user may go."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pydantic import ValidationError

from desktop.assessment import Assessment
from desktop.attestability import refusal_reasons
from desktop.lot import Lot, LotError, describe_validation_error, parse_lot
from desktop.rules.result import Finding, Verdict
from desktop.screening.types import ScreeningDecision
from desktop.wizard.draft import Draft, DraftError
from desktop.wizard.steps import EDITING_STEPS, STEPS, Step, step_for_finding, step_for_path

ChangeListener = Callable[["Checklist"], None]
SNAPSHOT_FORMAT = "clearstone.draft/1"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the draft, worded exactly as the lot-file loader words it."""

    step: Step
    field: str  # dotted path such as "transaction.date", or "(document)"
    message: str  # the problem alone, without the field
    text: str  # "field: message", as `clearstone check` would print it
    kind: str = (
        ""  # the validator's error type ("missing", "date", "country", ...): how to word it for people
    )
    value: Any = None  # what was entered, when the validator says


class NavigationError(RuntimeError):
    """A move the checklist does not allow (for example past an incomplete step)."""


class _OneProblem:
    """Presents one pydantic error line the way `describe_validation_error` reads a ValidationError."""

    def __init__(self, line: Any) -> None:
        self._line = line

    def errors(self, include_url: bool = False) -> list[Any]:
        return [self._line]


def _problem_for(
    text: str, loc: tuple[int | str, ...], draft: dict[str, Any], kind: str = "", value: Any = None
) -> Problem:
    field, _, message = text.partition(": ")
    if not loc and field == "(document)" and ": " in message:
        # cross-section checks name the field at the start of their message
        head = message.partition(": ")[0]
        loc = tuple(head.split(".")[:1])
    return Problem(step_for_path(loc, draft), field, message, text, kind, value)


# Goods that were cut (or set) somewhere: the lot is not complete until the dealer says where. The loader
# accepts such a lot (old files load unchanged); the checklist asks, because the rules read the cutting
# country and an empty processing step would otherwise show as done.
CUT_GOODS = ("polished", "jewellery")


def checklist_problems(data: dict[str, Any]) -> list[Problem]:
    """What the checklist asks for beyond the file format (worded like the loader's problems)."""
    goods = data.get("goods") if isinstance(data.get("goods"), dict) else {}
    steps = data.get("processing")
    if isinstance(goods, dict) and goods.get("category") in CUT_GOODS and not steps:
        message = "a polished lot was cut somewhere: add at least one processing step (where and when)"
        return [
            Problem(Step.PROCESSING, "processing", message, f"processing: {message}", "processing_needed")
        ]
    return []


def find_problems(
    draft: Draft, jurisdictions: Sequence[str] | None = None
) -> tuple[Lot | None, list[Problem]]:
    """Validate the draft as a lot file (against the rule pack's `jurisdictions` when given): the lot when
    valid, else every problem with its step."""
    data = draft.data()
    extra = checklist_problems(data)
    try:
        return parse_lot(draft.to_bytes(), "draft", jurisdictions=jurisdictions), extra
    except LotError as exc:
        first = str(exc)
    try:
        context = {"jurisdictions": tuple(jurisdictions)} if jurisdictions is not None else None
        Lot.model_validate(data, context=context)
    except ValidationError as exc:
        problems = []
        for line in exc.errors(include_url=False):
            text = describe_validation_error(cast(ValidationError, _OneProblem(line)))
            problems.append(
                _problem_for(text, tuple(line["loc"]), data, str(line["type"]), line.get("input"))
            )
        return None, problems + extra
    # the model accepts it but the loader does not (size, nesting): report the loader's words
    return None, [_problem_for(first, (), data), *extra]


class Checklist:
    """The wizard's logic: the pages render it and call its methods; it never touches a widget."""

    def __init__(
        self, draft: Draft, *, step: Step = Step.LOT_TRANSACTION, jurisdictions: Sequence[str] | None = None
    ) -> None:
        self._jurisdictions = tuple(jurisdictions) if jurisdictions is not None else None
        self._draft = draft
        self._step = step
        self._listeners: list[ChangeListener] = []
        self._assessment: Assessment | None = None
        self._decisions: list[ScreeningDecision] = []
        self._attested: str | None = None
        self._visited: set[Step] = {step}
        self._lot, self._problems = find_problems(draft, self._jurisdictions)

    # ----- autosave snapshots
    def snapshot_json(self) -> str:
        """What autosave keeps: the draft, the step and the decisions, enough to resume after a crash."""
        return json.dumps(
            {
                "format": SNAPSHOT_FORMAT,
                "step": self._step.value,
                "draft": self._draft.data(),
                "decisions": [d.model_dump(mode="json") for d in self._decisions],
                "visited": sorted(s.value for s in self._visited),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_snapshot_json(cls, text: str, *, jurisdictions: Sequence[str] | None = None) -> Checklist:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DraftError(f"autosaved draft is not valid JSON ({exc.msg})") from None
        if (
            not isinstance(raw, dict)
            or raw.get("format") != SNAPSHOT_FORMAT
            or not isinstance(raw.get("draft"), dict)
        ):
            raise DraftError("not an autosaved Clearstone draft")
        try:
            decisions = [ScreeningDecision.model_validate(d) for d in raw.get("decisions") or []]
            step = Step(raw.get("step", Step.LOT_TRANSACTION.value))
            visited = {Step(s) for s in raw.get("visited") or []}
        except (ValidationError, ValueError, TypeError) as exc:
            raise DraftError(f"autosaved draft is damaged ({exc})") from None
        checklist = cls(Draft(raw["draft"]), jurisdictions=jurisdictions)
        checklist._decisions = decisions
        # drafts saved before steps were tracked: every step up to the saved one was seen
        checklist._visited = visited or set(STEPS[: step.position + 1])
        # resume where the user was, unless that step is no longer reachable
        target = step if step.position <= Step.REVIEW.position else Step.REVIEW
        while not checklist.can_jump_to(target):
            target = STEPS[target.position - 1]
        checklist._step = target
        return checklist

    # ----- observation
    def add_change_listener(self, listener: ChangeListener) -> None:
        """Called after every change of the draft, the step, decisions or assessment (autosave hook)."""
        self._listeners.append(listener)

    def remove_change_listener(self, listener: ChangeListener) -> None:
        self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    # ----- the draft
    @property
    def draft(self) -> Draft:
        return self._draft

    def value(self, path: Sequence[int | str], default: Any = None) -> Any:
        return self._draft.get(path, default)

    def set_value(self, path: Sequence[int | str], value: Any) -> bool:
        """Change one field; revalidates, drops a stale assessment and notifies. False if unchanged."""
        if not self._draft.set(path, value):
            return False
        self._after_edit()
        return True

    def append_item(self, path: Sequence[int | str], item: Any) -> int:
        items = self._draft.get(path)
        items = list(items) if isinstance(items, list) else []
        items.append(item)
        self._draft.set(path, items)
        self._after_edit()
        return len(items) - 1

    def remove_item(self, path: Sequence[int | str], index: int) -> None:
        items = self._draft.get(path)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise IndexError(f"no item {index} in {list(path)}")
        del items[index]
        self._draft.set(path, items)
        self._after_edit()

    def replace_draft(self, draft: Draft) -> None:
        self._draft = draft
        self._decisions = []
        self._after_edit()

    def _after_edit(self) -> None:
        self._lot, self._problems = find_problems(self._draft, self._jurisdictions)
        self._assessment = None
        self._attested = None
        if self._step.position > Step.REVIEW.position:
            self._step = Step.REVIEW
        self._changed()

    # ----- validation
    @property
    def lot(self) -> Lot | None:
        """The lot when the whole draft is valid."""
        return self._lot

    def problems(self, step: Step | None = None) -> list[Problem]:
        return [p for p in self._problems if step is None or p.step is step]

    def is_complete(self, step: Step) -> bool:
        if step in EDITING_STEPS:
            return not self.problems(step)
        if step is Step.REVIEW:
            return self._assessment is not None
        return self._attested is not None

    def shows_done(self, step: Step) -> bool:
        """Whether the step list marks the step ✔: complete, and seen by the user (an empty step that was
        never opened is not "done", even when nothing is required there)."""
        return self.is_complete(step) and (step in self._visited or step not in EDITING_STEPS)

    def mark_visited(self, *steps: Step) -> None:
        """Count steps as seen (every step of a lot opened from a file, whose content the user brings)."""
        self._visited.update(steps)

    @property
    def visited(self) -> frozenset[Step]:
        return frozenset(self._visited)

    def first_incomplete(self) -> Step | None:
        return next((s for s in STEPS if not self.is_complete(s)), None)

    # ----- navigation
    @property
    def step(self) -> Step:
        return self._step

    def can_go_next(self) -> bool:
        if self._step is STEPS[-1] or not self.is_complete(self._step):
            return False
        if self._step is Step.REVIEW:
            return self.attest_refusal() is None
        return True

    def can_go_back(self) -> bool:
        return self._step.position > 0

    def can_jump_to(self, step: Step) -> bool:
        """Back anywhere; forward only over complete steps (and into attest only when it is allowed)."""
        if step.position <= self._step.position:
            return True
        if not all(self.is_complete(s) for s in STEPS[: step.position]):
            return False
        return step is not Step.ATTEST or self.attest_refusal() is None

    def go_next(self) -> Step:
        if not self.can_go_next():
            raise NavigationError(f"step {self._step.value} is not complete")
        return self._move(STEPS[self._step.position + 1])

    def go_back(self) -> Step:
        if not self.can_go_back():
            raise NavigationError("already at the first step")
        return self._move(STEPS[self._step.position - 1])

    def jump_to(self, step: Step) -> Step:
        if not self.can_jump_to(step):
            raise NavigationError(f"complete the earlier steps before {step.value}")
        return self._move(step)

    def resolve(self, finding: Finding) -> Step:
        """Go to the step where the user can fix `finding` (the review page's "Fix" button)."""
        return self.jump_to(step_for_finding(finding))

    def _move(self, step: Step) -> Step:
        self._visited.add(step)
        if step is not self._step:
            self._step = step
            self._changed()
        return step

    # ----- decisions, assessment, attestation
    @property
    def decisions(self) -> tuple[ScreeningDecision, ...]:
        return tuple(self._decisions)

    def record_decision(self, decision: ScreeningDecision) -> None:
        """A person's ruling on a possible match; a newer ruling on the same entry replaces the older."""
        self._decisions = [d for d in self._decisions if d.key() != decision.key()] + [decision]
        self._assessment = None
        self._attested = None
        self._changed()

    def forget_assessment(self) -> None:
        """The check no longer holds (the lists changed): check again before attesting."""
        if self._assessment is None:
            return
        self._assessment = None
        self._attested = None
        if self._step.position > Step.REVIEW.position:
            self._step = Step.REVIEW
        self._changed()

    @property
    def assessment(self) -> Assessment | None:
        return self._assessment

    def is_of_this_lot(self, assessment: Assessment) -> bool:
        """Whether the assessment is of the lot as entered now; the check may have filled in the dealer's
        seat (transaction.issuer_country) where the draft leaves it out."""
        if self._lot is None:
            return False
        if assessment.lot == self._lot:
            return True
        if self._lot.transaction.issuer_country is not None:
            return False
        unfilled = assessment.lot.transaction.model_copy(update={"issuer_country": None})
        return assessment.lot.model_copy(update={"transaction": unfilled}) == self._lot

    def set_assessment(self, assessment: Assessment) -> None:
        if not self.is_of_this_lot(assessment):
            raise NavigationError("the assessment is not of the lot being entered")
        self._assessment = assessment
        self._changed()

    def open_findings(self) -> list[Finding]:
        """needs_evidence, review and blocked findings of the current assessment, worst first."""
        if self._assessment is None:
            return []
        found = [
            f
            for r in self._assessment.jurisdictions.values()
            for f in r.findings
            if f.outcome is not Verdict.CLEARED
        ]
        return sorted(found, key=lambda f: -f.outcome.rank)

    def attest_refusal(self) -> str | None:
        """Why the lot cannot be attested yet, or None when it can."""
        if self._lot is None or self._problems:
            return "the lot is not complete"
        if self._assessment is None:
            return "the lot has not been checked"
        if not refusal_reasons(self._assessment):
            return None
        verdict = self._assessment.verdict
        if verdict is Verdict.BLOCKED:
            return "the lot is blocked: " + "; ".join(
                f"{f.rule}: {f.summary}" for f in self.open_findings() if f.outcome is Verdict.BLOCKED
            )
        return f"the verdict is {verdict.value}: resolve the open items first"

    @property
    def attested(self) -> str | None:
        return self._attested

    def mark_attested(self, reference: str) -> None:
        if self.attest_refusal() is not None:
            raise NavigationError(self.attest_refusal() or "")
        self._attested = reference
        self._changed()
