"""Which loaded official lists bind a jurisdiction on a date, and how old their publication is.

`attest` refuses on a coverage gap (no official list binds a jurisdiction in scope, or only one older than
the freshness setting); this module only measures, the caller decides. The bundled curated list never
counts as coverage, and an aggregated list (OpenSanctions) is shown apart as secondary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.screening.types import ListInfo

DEFAULT_MAX_AGE_DAYS = 30
# Lists that aggregate other publishers' lists: evidence, not the official list of any jurisdiction.
AGGREGATED = frozenset({"OS-FTM"})


@dataclass(frozen=True)
class CoveringList:
    """One loaded list that binds the jurisdiction."""

    id: str
    name: str
    publication_date: date | None  # None: the format carries none (legacy OFAC CSV) — never current
    age_days: int | None  # days from publication to the date asked about; None when undated
    sha256: str

    def current(self, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> bool:
        return self.age_days is not None and self.age_days <= max_age_days

    def describe(self) -> str:
        if self.publication_date is None:
            return f"{self.id} (publication date unknown)"
        return f"{self.id} (published {self.publication_date}, {self.age_days} days old)"


@dataclass(frozen=True)
class JurisdictionCoverage:
    """The official lists loaded for one jurisdiction on one date, newest first."""

    jurisdiction: str
    on: date
    official: tuple[CoveringList, ...]
    secondary: tuple[CoveringList, ...]  # aggregated lists binding it: shown, never coverage

    @property
    def newest(self) -> CoveringList | None:
        return self.official[0] if self.official else None

    def current(self, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> bool:
        """True when at least one official list binding it is dated and at most `max_age_days` old."""
        return any(item.current(max_age_days) for item in self.official)

    def gap(self, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> str | None:
        """One line naming the gap, or None when the jurisdiction is covered by a current official list."""
        if not self.official:
            return f"{self.jurisdiction}: no official sanctions list binding {self.jurisdiction} is loaded"
        if self.current(max_age_days):
            return None
        lists = ", ".join(item.describe() for item in self.official)
        return f"{self.jurisdiction}: no official list published within {max_age_days} days of {self.on}: {lists}"


def coverage(lists: Sequence[ListInfo], jurisdiction: str, on: date) -> JurisdictionCoverage:
    """The loaded lists that bind `jurisdiction`, and how old each one's publication is on `on`."""
    official: list[CoveringList] = []
    secondary: list[CoveringList] = []
    for info in lists:
        if info.bundled or jurisdiction not in info.jurisdictions:
            continue
        item = CoveringList(
            id=info.id,
            name=info.name,
            publication_date=info.as_of,
            age_days=(on - info.as_of).days if info.as_of else None,
            sha256=info.sha256,
        )
        (secondary if info.id in AGGREGATED else official).append(item)
    official.sort(key=lambda c: (c.age_days is None, c.age_days if c.age_days is not None else 0, c.id))
    return JurisdictionCoverage(jurisdiction, on, tuple(official), tuple(secondary))


def coverage_gaps(
    lists: Sequence[ListInfo],
    jurisdictions: Sequence[str],
    on: date,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
) -> list[str]:
    """One line per jurisdiction in scope that has no current official list (empty: fully covered)."""
    return [g for j in jurisdictions if (g := coverage(lists, j, on).gap(max_age_days)) is not None]
