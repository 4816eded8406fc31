"""The state of the data a check relies on: the rule pack, each sanctions list's age, coverage per regime."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.coverage import RegimeCoverage, coverage_of, is_current, list_age
from desktop.screening.types import ListInfo

if TYPE_CHECKING:
    from desktop.rules.pack import LoadedPack
    from desktop.service.workspace import Workspace


@dataclass(frozen=True)
class ListRow:
    """One loaded list as `lists status` and the status bar show it."""

    info: ListInfo
    age_days: int | None  # since its publication date; None when the format gives none
    current: bool  # an official list within the freshness setting (the bundled list: always)

    @property
    def published(self) -> str:
        """'published 2026-02-27', or 'publication date unknown, imported on …' — never the import date as current."""
        if self.info.as_of is not None:
            return f"published {self.info.as_of.isoformat()}"
        when = self.info.imported_at.date().isoformat() if self.info.imported_at else "an unknown day"
        return f"publication date unknown, imported on {when}"

    def to_json(self) -> dict[str, object]:
        doc = self.info.to_json()
        doc["publication_date"] = doc["as_of"]
        doc["age_days"] = self.age_days
        doc["stale"] = not self.current
        doc["imported_at"] = self.info.imported_at.isoformat() if self.info.imported_at else None
        doc["via"] = self.info.via
        doc["source_url"] = self.info.source_url
        doc["forced"] = self.info.forced
        return doc


@dataclass(frozen=True)
class DataStatus:
    """Plain data; each front end words it (the window in the user's language, the CLI in English)."""

    pack: LoadedPack | None
    pack_error: str
    lists: list[ListRow]
    coverage: dict[str, RegimeCoverage]  # for the regimes asked about
    max_age_days: int
    notices: list[str] = field(default_factory=list)  # e.g. why an installed pack was not used

    @property
    def gaps(self) -> list[RegimeCoverage]:
        return [c for c in self.coverage.values() if not c.current]


def list_warnings(status: DataStatus) -> list[str]:
    """The status's warnings in English, one line each (the command line's wording; the window has its own)."""
    warnings = list(status.notices)
    for row in status.lists:
        info = row.info
        if row.current:
            pass
        elif row.age_days is None:
            warnings.append(f"list {info.id}: {row.published}; it never counts as current")
        else:
            warnings.append(
                f"list {info.id} is {row.age_days} days old ({row.published}; the limit is "
                f"{status.max_age_days} days): update it"
            )
        if info.forced:
            warnings.append(f"list {info.id} was imported with --force over: {info.forced}")
    missing = [c.code for c in status.gaps if not c.lists]
    if missing:
        bundled = ", ".join(r.info.id for r in status.lists if r.info.bundled) or "no"
        warnings.append(
            f"no official list loaded for {', '.join(missing)}: only the bundled {bundled} list and other "
            "authorities' lists are screened there"
        )
    return warnings


def firm_regimes(ws: Workspace) -> list[str]:
    """The regimes every check of this firm engages: its seat's, plus those added in the settings."""
    from desktop.service.checking import firm_country

    pack = ws.pack()
    codes = [r.code for r in pack.regimes if (firm_country(ws) or "") in r.countries]
    known = pack.jurisdiction_codes()
    codes += [c for c in ws.settings().home_jurisdictions if c in known and c not in codes]
    return codes


def data_status(
    ws: Workspace, regimes: Sequence[str] | None = None, *, every_regime: bool = False
) -> DataStatus:
    """Coverage for `regimes` (a lot's regimes), every regime of the pack, or the firm's own by default."""
    from desktop.rules.pack import PackError

    max_age = ws.settings().list_max_age_days
    try:
        pack = ws.pack()
    except PackError as exc:
        return DataStatus(None, str(exc), [], {}, max_age)
    today = ws.today()
    lists = ws.screener().lists()
    rows = [ListRow(i, list_age(i, today), i.bundled or is_current(i, today, max_age)) for i in lists]
    codes = (
        list(pack.jurisdiction_codes())
        if every_regime
        else list(regimes)
        if regimes is not None
        else firm_regimes(ws)
    )
    chosen = [r for code in codes if (r := pack.regime(code)) is not None]
    notices = [pack.notice] if pack.notice else []
    return DataStatus(pack, "", rows, coverage_of(chosen, lists, today, max_age), max_age, notices)
