"""Update official lists from their publishers: fetch each, validate it with its importer, install all at once."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from desktop.screening import archive
from desktop.screening.download import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, Cancel, Downloaded, download
from desktop.screening.errors import ListStoreError
from desktop.screening.importers import ParsedList, read_one
from desktop.screening.service import Screener
from desktop.screening.sources import ListSource
from desktop.screening.store import ImportNote
from desktop.screening.types import ListInfo

UpdateProgress = Callable[[str, int, int], None]  # (list id, bytes so far, total bytes or 0)
Fetch = Callable[..., Downloaded]
# SDN.XML and CONSOLIDATED.XML share a schema: the source says which of the two a file is.
_OFAC = {
    "OFAC-SDN": "OFAC Specially Designated Nationals List",
    "OFAC-CONS": "OFAC Consolidated (non-SDN) List",
}


@dataclass(frozen=True)
class SourceUpdate:
    """What an update did for one list: `updated` (a new copy is loaded) or `unchanged` (same SHA-256)."""

    source: ListSource
    status: str
    info: ListInfo
    previous: ListInfo | None
    size: int

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.source.id,
            "url": self.source.url,
            "status": self.status,
            "bytes": self.size,
            "publication_date": self.info.as_of.isoformat() if self.info.as_of else None,
            "entries": self.info.entries,
            "sha256": self.info.sha256,
            "previous": None
            if self.previous is None
            else {
                "publication_date": self.previous.as_of.isoformat() if self.previous.as_of else None,
                "entries": self.previous.entries,
                "sha256": self.previous.sha256,
            },
            "forced": self.info.forced if self.status == "updated" else None,
        }


def update_lists(
    screener: Screener,
    sources: Sequence[ListSource],
    *,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    progress: UpdateProgress | None = None,
    cancel: Cancel | None = None,
    fetch: Fetch = download,
) -> list[SourceUpdate]:
    """Download every source, read each file with its importer, then install the changed ones together.

    All or nothing: one failed download, unreadable file, wrong list or guard refusal raises a
    ScreeningError naming the source, and the loaded lists stay exactly as they were.
    """
    data_dir = screener.data_dir
    if data_dir is None:
        raise ListStoreError("no data folder to update: open the screener with a data folder")
    work = archive.scratch_folder(data_dir, ".list-update-")
    try:
        fetched: list[tuple[ListSource, Downloaded]] = []
        for source in sources:
            folder = work / source.id
            folder.mkdir()

            def report(done: int, total: int, list_id: str = source.id) -> None:
                if progress is not None:
                    progress(list_id, done, total)

            got = fetch(
                source.url,
                folder / _file_name(source),
                max_bytes=source.max_bytes,
                timeout=timeout,
                deadline=deadline,
                progress=report,
                cancel=cancel,
                label=source.id,
            )
            fetched.append((source, got))
        previous = {source.id: screener.loaded(source.id) for source, _ in fetched}
        changed: list[tuple[ListSource, ParsedList]] = []
        for source, got in fetched:
            before = previous[source.id]
            if before is None or before.sha256 != got.sha256:
                changed.append((source, _read(source, got)))
        infos = screener.install(
            [parsed for _, parsed in changed],
            ImportNote(via="update"),
            force=force,
            notes={parsed.id: ImportNote(via="update", source_url=source.url) for source, parsed in changed},
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    installed = {info.id: info for info in infos}
    outcomes = []
    for source, got in fetched:
        before = previous[source.id]
        now = installed.get(source.id, before)
        assert now is not None  # unchanged means the same copy is loaded
        status = "updated" if source.id in installed else "unchanged"
        outcomes.append(SourceUpdate(source, status, now, before, got.size))
    return outcomes


def _file_name(source: ListSource) -> str:
    """The file's own name from the URL when it is a plain one (SDN.XML), else the list id."""
    name = PurePosixPath(urlsplit(source.url).path).name
    return (
        name
        if re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}\.[A-Za-z0-9]{1,8}", name)
        else f"{source.id}.data"
    )


def _read(source: ListSource, got: Downloaded) -> ParsedList:
    """Parse the downloaded file; it must be the list the source promises."""
    return read_one(got.path, source.id, f"from {urlsplit(got.final_url).hostname or source.url}")
