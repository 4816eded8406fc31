"""Evaluate the rule pack's declarative conditions against the facts of one lot."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

from desktop.rules.facts import FLAGS, Facts
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


class Context:
    """What a condition sees: the facts, the pack's named conditions, and the rule's in-force day."""

    def __init__(
        self, facts: Facts, definitions: Mapping[str, Condition], in_force_since: date | Callable[[], date]
    ) -> None:
        self.facts = facts
        self.definitions = definitions
        self._since = in_force_since
        self._since_value: date | None = in_force_since if isinstance(in_force_since, date) else None

    @property
    def in_force_since(self) -> date:
        # Computed on demand: only grandfathering exemptions ask for it.
        if self._since_value is None:
            assert callable(self._since)
            self._since_value = self._since()
        return self._since_value


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


Predicate = Callable[[Context], bool]


def evaluate(condition: Condition, ctx: Context) -> bool:
    return compile_condition(condition, ctx.definitions)(ctx)


_COMPILED: dict[int, tuple[Condition, Predicate]] = {}


def compile_condition(condition: Condition, definitions: Mapping[str, Condition]) -> Predicate:
    """Turn a condition into a closure once; rules are evaluated thousands of times per batch."""
    cached = _COMPILED.get(id(condition))
    if cached is not None and cached[0] is condition:
        return cached[1]
    predicate = _compile(condition, definitions)
    _COMPILED[id(condition)] = (condition, predicate)
    return predicate


def _compile(condition: Condition, definitions: Mapping[str, Condition]) -> Predicate:
    if condition.all is not None:
        parts = [compile_condition(c, definitions) for c in condition.all]
        return lambda ctx: all(p(ctx) for p in parts)
    if condition.any is not None:
        options = [compile_condition(c, definitions) for c in condition.any]
        return lambda ctx: any(p(ctx) for p in options)
    if condition.not_ is not None:
        inner = compile_condition(condition.not_, definitions)
        return lambda ctx: not inner(ctx)
    if condition.use is not None:
        if condition.use not in definitions:
            raise RulePackError(f"unknown definition {condition.use!r}")
        return compile_condition(definitions[condition.use], definitions)
    if condition.is_ is not None:
        flag = condition.is_
        if flag not in FLAGS:
            raise RulePackError(f"unknown fact {flag!r}")
        return lambda ctx: ctx.facts.flags[flag]
    if condition.category is not None:
        categories = frozenset(condition.category)
        return lambda ctx: ctx.facts.lot.goods.category.value in categories
    if condition.hs is not None:
        prefixes = list(condition.hs)
        return lambda ctx: ctx.facts.hs_matches(prefixes)
    if condition.kind is not None:
        kinds = frozenset(condition.kind)
        return lambda ctx: ctx.facts.lot.transaction.kind.value in kinds
    if condition.mined_in is not None:
        mined = frozenset(condition.mined_in)
        return lambda ctx: not ctx.facts.mining.isdisjoint(mined)
    if condition.origin_in is not None:
        origins = frozenset(condition.origin_in)
        return lambda ctx: not ctx.facts.origin.isdisjoint(origins)
    if condition.processed_in is not None or condition.processed_outside is not None:
        test = condition.processed_in or condition.processed_outside
        assert test is not None
        inside = condition.processed_in is not None
        countries, activities = list(test.countries), list(test.activities)
        return lambda ctx: ctx.facts.processed_in(countries, activities, inside=inside)
    if condition.transited is not None:
        transit = frozenset(condition.transited)
        return lambda ctx: not ctx.facts.transit.isdisjoint(transit)
    if condition.delivered_outside is not None:
        territory = frozenset(condition.delivered_outside)

        def delivered_outside(ctx: Context) -> bool:
            country = ctx.facts.lot.transaction.delivery_country
            return country is not None and country not in territory

        return delivered_outside
    if condition.counterparty_in is not None:
        parties = frozenset(condition.counterparty_in)
        return lambda ctx: ctx.facts.lot.counterparty.country in parties
    if condition.weight is not None:
        weight = condition.weight
        return lambda ctx: weight_passes(weight, ctx.facts)
    if condition.date is not None:
        date_test = condition.date
        return lambda ctx: _date_passes(date_test, ctx)
    if condition.evidence is not None:
        kind, jurisdiction = condition.evidence.type, condition.evidence.jurisdiction
        return lambda ctx: bool(ctx.facts.holds(kind, jurisdiction))
    if condition.kp is not None:
        flag = condition.kp
        return lambda ctx: flag in ctx.facts.kp.flags
    if condition.sow is not None:
        statements = frozenset(condition.sow)
        return lambda ctx: ctx.facts.sow_statement in statements
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
