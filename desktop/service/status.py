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
    info: ListInfo
    age_days: int | None  # since its publication date; None when the format gives none
    current: bool  # an official list within the freshness setting (the bundled list: always)


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


def firm_regimes(ws: Workspace) -> list[str]:
    """The regimes every check of this firm engages: its seat's, plus those added in the settings."""
    from desktop.service.checking import firm_country

    pack = ws.pack()
    codes = [r.code for r in pack.regimes if (firm_country(ws) or "") in r.countries]
    known = pack.jurisdiction_codes()
    codes += [c for c in ws.settings().home_jurisdictions if c in known and c not in codes]
    return codes


def data_status(ws: Workspace, regimes: Sequence[str] | None = None) -> DataStatus:
    """Coverage for `regimes` (a lot's regimes), or for the firm's own when none are given."""
    from desktop.rules.pack import PackError

    max_age = ws.settings().list_max_age_days
    try:
        pack = ws.pack()
    except PackError as exc:
        return DataStatus(None, str(exc), [], {}, max_age)
    today = ws.today()
    lists = ws.screener().lists()
    rows = [ListRow(i, list_age(i, today), i.bundled or is_current(i, today, max_age)) for i in lists]
    codes = list(regimes) if regimes is not None else firm_regimes(ws)
    chosen = [r for code in codes if (r := pack.regime(code)) is not None]
    notices = [pack.notice] if pack.notice else []
    return DataStatus(pack, "", rows, coverage_of(chosen, lists, today, max_age), max_age, notices)
