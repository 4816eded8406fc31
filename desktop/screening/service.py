"""The screening service the app uses: loaded lists, screening a party, importing official files."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.screening import archive
from desktop.screening.bundled import load_bundled
from desktop.screening.errors import ImportRefusedError, InvalidQueryError, ListStoreError
from desktop.screening.guards import refusal
from desktop.screening.importers import read_path
from desktop.screening.importers.common import ALL_JURISDICTIONS, ParsedList, Progress
from desktop.screening.index import EntryMeta, NameIndex, NameRow, entry_meta, entry_rows
from desktop.screening.matcher import ALERT_THRESHOLD, Matcher, QueryFacts
from desktop.screening.model import Entry
from desktop.screening.normalize import MAX_NAME_CHARS, clean, identifier_keys, normalise
from desktop.screening.store import STORE_FILE, ImportNote, ListStore
from desktop.screening.types import Binding, ListInfo, Match, PartyQuery

# Lists whose entries each say which jurisdictions they bind (aggregated data), not the list as a whole.
_PER_ENTRY_BINDINGS = {"OS-FTM"}
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class _MemoryList:
    """A list held in memory: the bundled list, or parsed files in benchmarks and tests."""

    def __init__(self, info: ListInfo, entries: Sequence[Entry], confidence: str = "P") -> None:
        self.info, self.entries, self.confidence = info, entries, confidence

    def index_parts(
        self, list_pos: int, ref_base: int
    ) -> tuple[list[NameRow], list[EntryMeta], dict[str, list[int]]]:
        rows: list[NameRow] = []
        idents: dict[str, list[int]] = {}
        for seq, e in enumerate(self.entries):
            rows.extend(entry_rows(ref_base + seq, e))
            for ident in e.identifiers:
                for value in identifier_keys(ident.value):
                    idents.setdefault(value, []).append(ref_base + seq)
        return rows, [entry_meta(list_pos, seq, e) for seq, e in enumerate(self.entries)], idents

    def entry(self, seq: int) -> Entry:
        return self.entries[seq]


class _StoredList:
    """A list imported into the data folder's store; entries are read only when they match."""

    def __init__(self, store: ListStore, info: ListInfo, confidence: str) -> None:
        self.store, self.info, self.confidence = store, info, confidence

    def index_parts(
        self, list_pos: int, ref_base: int
    ) -> tuple[list[NameRow], list[EntryMeta], dict[str, list[int]]]:
        return self.store.index_parts(self.info.id, list_pos, ref_base)

    def entry(self, seq: int) -> Entry:
        return self.store.entry(self.info.id, seq)


_Source = _MemoryList | _StoredList


class Screener:
    """Screens parties against the bundled list and every list imported into the data folder."""

    def __init__(
        self,
        sources: Sequence[_Source],
        store: ListStore | None = None,
        clock: Clock = _utc_now,
        threshold: float = ALERT_THRESHOLD,
        data_dir: Path | None = None,
    ) -> None:
        self._sources = list(sources)
        self._store = store
        self._data_dir = data_dir
        self._clock = clock
        self._threshold = threshold
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, data_dir: Path | None, *, clock: Clock = _utc_now) -> Screener:
        """Bundled list always; plus every list imported into `data_dir` (None: bundled only)."""
        bundled, info = load_bundled()
        sources: list[_Source] = [_MemoryList(info, bundled.entries)]
        store = None
        if data_dir is not None:
            store = ListStore.in_folder(data_dir) if (data_dir / STORE_FILE).exists() else None
            if store is not None:
                sources += [_StoredList(store, i, conf) for i, conf in store.lists()]
        return cls(sources, store, clock, data_dir=data_dir)

    @classmethod
    def from_parsed(
        cls, parsed: Sequence[ParsedList], *, bundled: bool = True, threshold: float = ALERT_THRESHOLD
    ) -> Screener:
        """A screener over lists parsed in memory (benchmarks, tests); nothing is written."""
        sources: list[_Source] = []
        if bundled:
            b, info = load_bundled()
            sources.append(_MemoryList(info, b.entries))
        for p in parsed:
            info = ListInfo(
                id=p.id,
                name=p.name,
                source=p.source,
                jurisdictions=p.jurisdictions,
                as_of=p.as_of,
                entries=len(p.entries),
                sha256=p.sha256,
            )
            sources.append(_MemoryList(info, p.entries, p.confidence))
        return cls(sources, threshold=threshold)

    def lists(self) -> list[ListInfo]:
        return [s.info for s in self._sources]

    def _build(self) -> Matcher:
        with self._lock:
            if self._matcher is None:
                rows: list[NameRow] = []
                metas: list[EntryMeta] = []
                idents: dict[str, list[int]] = {}
                for pos, source in enumerate(self._sources):
                    r, m, i = source.index_parts(pos, len(metas))
                    rows += r
                    metas += m
                    for k, v in i.items():
                        idents.setdefault(k, []).extend(v)
                gc.unfreeze()  # a previous index (before an import) may be collected now
                self._matcher = Matcher(NameIndex(rows, metas, idents), self._threshold)
                # The index is millions of long-lived objects: without this, every full garbage
                # collection walks them all and one query in a few hundred takes 100+ ms.
                gc.freeze()
            return self._matcher

    def indexed_names(self) -> int:
        """How many name readings the index holds (builds it if needed)."""
        return len(self._build().index.rows)

    def warm(self) -> None:
        """Build the index now (a GUI may call this off the GUI thread right after start-up)."""
        self._build()

    def screen(self, query: PartyQuery) -> list[Match]:
        """Matches at or above the alert threshold, highest score first."""
        text = clean(query.name)
        if not text:
            raise InvalidQueryError("the name to screen is empty")
        if len(text) > MAX_NAME_CHARS:
            raise InvalidQueryError(
                f"the name to screen is {len(text)} characters long; at most {MAX_NAME_CHARS}"
            )
        readings = [
            r
            for name in [text, *query.aliases]
            if clean(name)
            for r in normalise(name[:MAX_NAME_CHARS], query.kind)
        ]
        if not readings and not query.registration_number:
            raise InvalidQueryError(f"the name {query.name[:60]!r} has no letters or digits to compare")
        year = query.birth_date.year if query.birth_date else query.birth_year
        facts = QueryFacts(query.kind, query.country, year, query.registration_number)
        matcher = self._build()
        out: list[Match] = []
        for hit in matcher.search(readings, facts):
            meta = matcher.index.metas[hit.ref]
            source = self._sources[meta.list_pos]
            entry = source.entry(meta.seq)
            bindings = (
                entry.bindings
                if (entry.bindings or source.info.id in _PER_ENTRY_BINDINGS)
                else [
                    Binding(
                        jurisdiction=j,
                        listed_on=entry.listed_on,
                        confidence=source.confidence,
                        programme=", ".join(entry.programmes) or None,
                    )
                    for j in source.info.jurisdictions
                ]
            )
            as_of = source.info.as_of.isoformat() if source.info.as_of else "unknown date"
            why = f"{hit.why}; {source.info.id} entry {entry.id} (list as of {as_of})"
            if entry.owned_by:
                why += f"; owned by listed entry {entry.owned_by} (50 % rule)"
            out.append(
                Match(
                    query=query.name,
                    list=source.info.id,
                    entry_id=entry.id,
                    name=entry.name,
                    alias=hit.row.alias if hit.row is not None else entry.name,
                    score=round(hit.score, 4),
                    strong=hit.strong,
                    jurisdictions=sorted({b.jurisdiction for b in bindings}, key=_juris_order),
                    bindings=bindings,
                    why=why,
                    entity_type=entry.kind,
                    programmes=entry.programmes,
                )
            )
        out.sort(key=lambda m: (-m.score, not m.strong, m.list, m.entry_id))
        return out

    def import_path(
        self,
        path: Path,
        progress: Progress | None = None,
        *,
        force: bool = False,
        trust: Callable[[Any], str | None] | None = None,
    ) -> list[ListInfo]:
        """Parse then store a file, a folder or a data pack, all or nothing; on error nothing changes.

        An import that would lose data (no entries, under half the entries of the loaded list, an older or
        missing publication date where the loaded copy has one) raises ImportRefusedError unless `force`;
        a forced import records what it overrode. For a data pack, `trust` says whether its signer is
        trusted (desktop.service.lists.trust_check); without it the signer is recorded as not trusted.
        """
        from desktop.screening import datapack  # imports this module: load it only when needed

        if datapack.is_pack(path):
            return datapack.install_pack(self, path, trust=trust, force=force).infos
        parsed = read_path(path, progress)
        return self.install(parsed, ImportNote(via="file"), force=force)

    def loaded(self, list_id: str) -> ListInfo | None:
        """The imported (not bundled) list with this id, if one is loaded."""
        return next((s.info for s in self._sources if s.info.id == list_id and not s.info.bundled), None)

    def install(
        self,
        parsed: Sequence[ParsedList],
        note: ImportNote,
        *,
        force: bool = False,
        notes: dict[str, ImportNote] | None = None,
    ) -> list[ListInfo]:
        """Store parsed lists in one transaction after the import guards; keep their official files.

        `notes` gives a list its own note (a per-source URL); the others get `note`.
        """
        if not parsed:
            return []
        reasons = {p.id: r for p in parsed if (r := refusal(p, self.loaded(p.id))) is not None}
        if reasons and not force:
            raise ImportRefusedError(
                "; ".join(reasons.values()) + " (--force imports it anyway, and records that)"
            )
        store = self._writable_store()
        items = []
        for p in parsed:
            chosen = (notes or {}).get(p.id, note)
            if p.id in reasons:
                chosen = ImportNote(chosen.via, chosen.source_url, reasons[p.id], chosen.detail)
            items.append((p, chosen))
        assert self._data_dir is not None  # _writable_store() guarantees it
        try:
            for p in parsed:
                archive.keep(self._data_dir, p)
            infos = store.replace_all(items, self._clock())
        finally:
            # files kept for an import that then failed, and those of replaced lists, go
            archive.prune(self._data_dir, {i.id: i.sha256 for i, _ in store.lists()})
        confidences = dict((i.id, c) for i, c in store.lists())
        stored_ids = {i.id for i in infos}
        self._sources = [s for s in self._sources if s.info.id not in stored_ids or s.info.bundled]
        self._sources += [_StoredList(store, i, confidences[i.id]) for i in infos]
        with self._lock:
            self._matcher = None
        return infos

    def _writable_store(self) -> ListStore:
        if self._store is None:
            if self._data_dir is None:
                raise ListStoreError("no data folder to import into: open the screener with a data folder")
            self._store = ListStore.in_folder(self._data_dir)
        return self._store

    @property
    def store(self) -> ListStore | None:
        """The data folder's list store (None when nothing was ever imported, or no data folder)."""
        return self._store

    @property
    def data_dir(self) -> Path | None:
        return self._data_dir

    @classmethod
    def for_import(cls, data_dir: Path, *, clock: Clock = _utc_now) -> Screener:
        """Open with a store created in `data_dir` if there is none yet (the import command)."""
        ListStore.in_folder(data_dir).close()
        return cls.open(data_dir, clock=clock)


def _juris_order(code: str) -> int:
    return ALL_JURISDICTIONS.index(code) if code in ALL_JURISDICTIONS else len(ALL_JURISDICTIONS)
