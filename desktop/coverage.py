"""Which official sanctions lists cover each regime, and whether they are current: one rule for every front end.

A regime is covered when one of its own official lists (the rule pack says which: `official_lists`) is
loaded and its publication date is at most `max_age_days` old. A list whose format gives no publication date
is never current. Bundled or curated lists are an addition, never coverage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.rules.model import Regime
from desktop.screening.types import ListInfo

DEFAULT_MAX_AGE_DAYS = 30


class CoverageState(StrEnum):
    CURRENT = "current"  # an own official list is loaded and recent enough
    STALE = "stale"  # loaded, but older than the freshness setting
    UNDATED = "undated"  # loaded, but its format gives no publication date
    MISSING = "missing"  # none of the regime's own lists is loaded (or the regime has none)


def list_age(info: ListInfo, today: date) -> int | None:
    """Days since the list's publication date; None when the list gives none."""
    return (today - info.as_of).days if info.as_of is not None else None


def is_current(info: ListInfo, today: date, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> bool:
    age = list_age(info, today)
    return age is not None and age <= max_age_days


@dataclass(frozen=True)
class RegimeCoverage:
    code: str
    state: CoverageState
    lists: tuple[ListInfo, ...]  # the regime's own official lists that are loaded
    max_age_days: int

    @property
    def current(self) -> bool:
        return self.state is CoverageState.CURRENT

    def describe(self, today: date) -> str:
        """One line for a report, a banner or a refusal."""
        if self.state is CoverageState.MISSING:
            return f"{self.code}: no official sanctions list of this regime is loaded"
        newest = max(self.lists, key=lambda i: i.as_of or date.min)
        if self.state is CoverageState.UNDATED:
            return f"{self.code}: {newest.id} gives no publication date (it cannot be shown to be current)"
        if self.state is CoverageState.STALE:
            return (
                f"{self.code}: {newest.id} is {list_age(newest, today)} days old (published {newest.as_of}; "
                f"the limit is {self.max_age_days} days)"
            )
        return f"{self.code}: {newest.id} published {newest.as_of}"


def regime_coverage(
    regime: Regime, lists: Sequence[ListInfo], today: date, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> RegimeCoverage:
    own = tuple(i for i in lists if not i.bundled and i.id in regime.official_lists)
    if not own:
        state = CoverageState.MISSING
    elif any(is_current(i, today, max_age_days) for i in own):
        state = CoverageState.CURRENT
    elif all(i.as_of is None for i in own):
        state = CoverageState.UNDATED
    else:
        state = CoverageState.STALE
    return RegimeCoverage(regime.code, state, own, max_age_days)


def coverage_of(
    regimes: Sequence[Regime],
    lists: Sequence[ListInfo],
    today: date,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
) -> dict[str, RegimeCoverage]:
    return {r.code: regime_coverage(r, lists, today, max_age_days) for r in regimes}


def stale_lists(
    lists: Sequence[ListInfo], today: date, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> list[ListInfo]:
    """Loaded official lists that are not current (too old, or undated)."""
    return [i for i in lists if not i.bundled and not is_current(i, today, max_age_days)]
