"""Evaluate the rule pack's declarative conditions against the facts of one lot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.facts import Facts
from desktop.rules.model import Condition, DateTest, Step, WeightTest


class RulePackError(ValueError):
    """The rule pack itself is inconsistent (an unknown fact or definition)."""


def active_step(schedule: list[Step] | None, on: date) -> Step | None:
    if not schedule:
        return None
    current = None
    for step in sorted(schedule, key=lambda s: s.from_):
        if step.from_ <= on:
            current = step
    return current


@dataclass(frozen=True)
class Context:
    facts: Facts
    definitions: Mapping[str, Condition]
    in_force_since: date

    def holds(self, condition: Condition) -> bool:
        return evaluate(condition, self)


def weight_passes(test: WeightTest, facts: Facts) -> bool:
    weight = facts.largest_of(test.stones)
    if weight is None:
        return False
    for schedule, compare in ((test.at_least, _ge), (test.below, _lt), (test.over, _gt)):
        if schedule is None:
            continue
        step = active_step(schedule, facts.on)
        if step is None or not compare(weight, step.carats):
            return False
    return True


def _ge(a: Decimal, b: Decimal) -> bool:
    return a >= b


def _lt(a: Decimal, b: Decimal) -> bool:
    return a < b


def _gt(a: Decimal, b: Decimal) -> bool:
    return a > b


def caught_since(test: WeightTest, facts: Facts) -> date | None:
    """The first day on which the stone was caught by an `at_least` schedule, for grandfathering cut-offs."""
    weight = facts.largest_of(test.stones)
    if weight is None or not test.at_least:
        return None
    days = [s.from_ for s in test.at_least if s.from_ <= facts.on and weight >= s.carats]
    return min(days) if days else None


def _date_passes(test: DateTest, ctx: Context) -> bool:
    value = ctx.facts.date_of(test.field)
    if test.known is not None and (value is not None) != test.known:
        return False
    if test.before is None and test.on_or_after is None and test.on_or_before is None:
        return True
    if value is None:
        return False
    before = ctx.in_force_since if test.before == "$in_force_since" else test.before
    after = ctx.in_force_since if test.on_or_after == "$in_force_since" else test.on_or_after
    if isinstance(before, date) and not value < before:
        return False
    if isinstance(after, date) and not value >= after:
        return False
    return not (test.on_or_before is not None and not value <= test.on_or_before)


def evaluate(condition: Condition, ctx: Context) -> bool:
    facts = ctx.facts
    if condition.all is not None:
        return all(evaluate(c, ctx) for c in condition.all)
    if condition.any is not None:
        return any(evaluate(c, ctx) for c in condition.any)
    if condition.not_ is not None:
        return not evaluate(condition.not_, ctx)
    if condition.use is not None:
        if condition.use not in ctx.definitions:
            raise RulePackError(f"unknown definition {condition.use!r}")
        return evaluate(ctx.definitions[condition.use], ctx)
    if condition.is_ is not None:
        if condition.is_ not in facts.flags:
            raise RulePackError(f"unknown fact {condition.is_!r}")
        return facts.flags[condition.is_]
    if condition.category is not None:
        return facts.lot.goods.category.value in condition.category
    if condition.hs is not None:
        return facts.hs_matches(condition.hs)
    if condition.kind is not None:
        return facts.lot.transaction.kind.value in condition.kind
    if condition.mined_in is not None:
        return bool(facts.mining & set(condition.mined_in))
    if condition.origin_in is not None:
        return bool(facts.origin & set(condition.origin_in))
    if condition.processed_in is not None:
        test = condition.processed_in
        return facts.processed_in(test.countries, list(test.activities), inside=True)
    if condition.processed_outside is not None:
        test = condition.processed_outside
        return facts.processed_in(test.countries, list(test.activities), inside=False)
    if condition.transited is not None:
        return bool(facts.transit & set(condition.transited))
    if condition.counterparty_in is not None:
        return facts.lot.counterparty.country in condition.counterparty_in
    if condition.weight is not None:
        return weight_passes(condition.weight, facts)
    if condition.date is not None:
        return _date_passes(condition.date, ctx)
    if condition.evidence is not None:
        return bool(facts.holds(condition.evidence.type, condition.evidence.jurisdiction))
    if condition.kp is not None:
        return condition.kp in facts.kp.flags
    if condition.sow is not None:
        invoice = facts.lot.transaction.invoice
        statement = (invoice.sow_statement if invoice else None) or "none"
        return statement in condition.sow
    raise RulePackError("empty condition")


def weight_tests(condition: Condition | None, definitions: Mapping[str, Condition]) -> list[WeightTest]:
    """Every weight test inside a condition (following named definitions), in order."""
    if condition is None:
        return []
    found: list[WeightTest] = []
    if condition.weight is not None:
        found.append(condition.weight)
    for child in [*(condition.all or []), *(condition.any or [])]:
        found.extend(weight_tests(child, definitions))
    if condition.not_ is not None:
        found.extend(weight_tests(condition.not_, definitions))
    if condition.use is not None and condition.use in definitions:
        found.extend(weight_tests(definitions[condition.use], definitions))
    return found
