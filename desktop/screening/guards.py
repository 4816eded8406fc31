"""Import guards: a list file that would silently lose data (empty, shrunk, older) is refused unless forced."""

from __future__ import annotations

from desktop.screening.importers.common import ParsedList
from desktop.screening.types import ListInfo

# A real list grows or shrinks by a few percent between publications; losing half means a partial file,
# a wrong file, or a publisher fault.
MIN_KEPT_FRACTION = 0.5


def refusal(new: ParsedList, loaded: ListInfo | None) -> str | None:
    """Why importing `new` in place of `loaded` would lose data (one line), or None when it is safe."""
    if not new.entries:
        held = f" and would empty the loaded list ({loaded.entries} entries)" if loaded else ""
        return f"{new.id}: the file has no entries{held}"
    if loaded is None:
        return None
    if len(new.entries) < MIN_KEPT_FRACTION * loaded.entries:
        share = 100 * len(new.entries) / loaded.entries
        return (
            f"{new.id}: {len(new.entries)} entries would replace {loaded.entries} ({share:.1f} % of them; "
            f"under {MIN_KEPT_FRACTION * 100:.0f} %): a partial or wrong file?"
        )
    if loaded.as_of is not None and new.as_of is None:
        return (
            f"{new.id}: the file carries no publication date and the loaded copy is published "
            f"{loaded.as_of}: nothing shows the file is newer"
        )
    if loaded.as_of is not None and new.as_of is not None and new.as_of < loaded.as_of:
        return f"{new.id}: published {new.as_of}, older than the loaded copy published {loaded.as_of}"
    return None


def seed_refusal(new: ParsedList, loaded: ListInfo | None) -> str | None:
    """The stricter rule for lists bundled with an installation: fill gaps, replace only with a newer date.

    A bundled file is days or weeks old when it reaches the user; whatever the user loaded since, even
    undated, is presumed at least as current.
    """
    if loaded is None:
        return refusal(new, None)
    if new.as_of is None or loaded.as_of is None or new.as_of <= loaded.as_of:
        when = f"published {loaded.as_of}" if loaded.as_of else "imported " + _day(loaded)
        return f"{new.id}: the loaded copy ({when}) is kept; the bundled one is not newer"
    return refusal(new, loaded)


def _day(info: ListInfo) -> str:
    return info.imported_at.date().isoformat() if info.imported_at else "earlier"
