"""The screening service the app uses: loaded lists, screening a party, importing official files."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.screening import archive
from desktop.screening.bundled import load_bundled
from desktop.screening.errors import ImportRefusedError, InvalidQueryError, ListStoreError, UnknownEntryError
from desktop.screening.facts import birth_date_corroborates, identifier_conflicts, listed_facts
from desktop.screening.guards import refusal
from desktop.screening.importers import read_path
from desktop.screening.importers.common import ALL_JURISDICTIONS, ParsedList, Progress
from desktop.screening.index import EntryRef, NameIndex, memory_database, write_list
from desktop.screening.matcher import ALERT_THRESHOLD, Hit, Matcher, QueryFacts
from desktop.screening.model import Entry
from desktop.screening.normalize import MAX_NAME_CHARS, clean, normalise
from desktop.screening.prior import is_generic_name
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

    def entry(self, seq: int) -> Entry:
        return self.entries[seq]

    def seqs_of(self, entry_id: str) -> list[int]:
        return [seq for seq, e in enumerate(self.entries) if e.id == entry_id]


class _StoredList:
    """A list imported into the data folder's store; entries are read only when they match."""

    def __init__(self, store: ListStore, info: ListInfo, confidence: str) -> None:
        self.store, self.info, self.confidence = store, info, confidence

    def entry(self, seq: int) -> Entry:
        return self.store.entry(self.info.id, seq)

    def seqs_of(self, entry_id: str) -> list[int]:
        return self.store.seqs_of(self.info.id, entry_id)


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
        self._memory_db: sqlite3.Connection | None = None
        self._memory_lock = threading.Lock()
        self._memory_keys: list[int] = []
        self._by_key: dict[tuple[int, str], _Source] = {}

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
        """The matcher over the on-disk index of stored lists plus an in-memory index of the others."""
        with self._lock:
            if self._matcher is None:
                memory = [(pos, s) for pos, s in enumerate(self._sources) if isinstance(s, _MemoryList)]
                stored = [(pos, s) for pos, s in enumerate(self._sources) if isinstance(s, _StoredList)]
                if self._memory_db is None or self._memory_keys != [id(s) for _, s in memory]:
                    # lists held in memory (the bundled list: 28 entries) are indexed into an in-memory
                    # database once; keys are positions, as two parsed files may carry one list id
                    db, lock = memory_database()
                    with db:
                        for pos, source in memory:
                            write_list(db, f"m{pos}", source.entries, keep_data=False)
                    self._memory_db, self._memory_lock = db, lock
                    self._memory_keys = [id(s) for _, s in memory]
                self._by_key = {(0, f"m{pos}"): s for pos, s in memory}
                parts: list[tuple[sqlite3.Connection, threading.Lock, list[str]]] = [
                    (self._memory_db, self._memory_lock, [f"m{pos}" for pos, _ in memory])
                ]
                if self._store is not None and stored:
                    self._by_key.update({(1, s.info.id): s for _, s in stored})
                    parts.append((*self._store.index_source(), [s.info.id for _, s in stored]))
                self._matcher = Matcher(NameIndex(parts), self._threshold)
            return self._matcher

    def _source_of(self, ref: EntryRef) -> _Source:
        return self._by_key[(ref[0], ref[1])]

    def indexed_names(self) -> int:
        """How many name readings the index holds."""
        return self._build().index.row_count()

    def warm(self) -> None:
        """Build the index now (a GUI may call this off the GUI thread right after start-up)."""
        self._build()

    def screen(self, query: PartyQuery, *, with_dismissed: bool = False) -> list[Match]:
        """Matches at or above the alert threshold, highest score first.

        With `with_dismissed`, also the name matches a conflicting fact (another birth year, another
        registration number) lowered below the line, each with the conflict in `conflicts` and `why`.
        """
        text = clean(query.name)
        if not text:
            raise InvalidQueryError("the name to screen is empty")
        if len(text) > MAX_NAME_CHARS:
            raise InvalidQueryError(
                f"the name to screen is {len(text)} characters long; at most {MAX_NAME_CHARS}"
            )
        readings = [
            r
            for name in [query.name, *query.aliases]
            if clean(name)
            for r in normalise(name[: 2 * MAX_NAME_CHARS], query.kind, brackets=True)
        ]
        identifiers = tuple(i.value for i in query.all_identifiers() if i.value.strip())
        if not readings and not identifiers:
            raise InvalidQueryError(f"the name {query.name[:60]!r} has no letters or digits to compare")
        year = query.birth_date.year if query.birth_date else query.birth_year
        facts = QueryFacts(query.kind, query.country, year, identifiers, query.nationality)
        matcher = self._build()
        out: list[Match] = []
        for hit in matcher.search(readings, facts, dismissed=with_dismissed):
            match = self._match(query, hit, matcher)
            if match is not None and (match.score >= self._threshold or with_dismissed):
                out.append(match)
        out.sort(key=lambda m: (-m.score, not m.strong, not m.exact, m.list, m.entry_id))
        return out

    def _match(self, query: PartyQuery, hit: Hit, matcher: Matcher) -> Match | None:
        """A hit with the listing's facts weighed: corroborated, conflicting, common name, strong or not."""
        source = self._source_of(hit.ref)
        entry = source.entry(hit.ref[2])
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
        score = hit.score
        corroborated = list(hit.corroborated)
        conflicts = list(hit.conflicts)
        notes: list[str] = []
        decisive = hit.identifier is not None
        if decisive:
            corroborated.insert(0, f"identifier {hit.identifier} listed")
        else:
            conflicts += identifier_conflicts(query, entry)
        dob = birth_date_corroborates(query, entry)
        if dob is not None:
            decisive = True
            corroborated = [dob, *(c for c in corroborated if not c.startswith("birth year"))]
        if conflicts and not hit.identifier:
            score = min(score, self._threshold - 0.05)
        tokens = hit.row.tokens if hit.row is not None else ()
        personal = query.kind == "person" or (query.kind is None and entry.kind == "person")
        common = personal and matcher.is_common_person_name(tokens)
        generic = not personal and is_generic_name(tokens)
        strong = (
            not hit.weak
            and not conflicts
            and score >= self._threshold
            and (decisive or (hit.exact and not common and not generic))
        )
        if hit.exact and hit.identifier is None and not strong and not conflicts and not hit.weak:
            if common:
                notes.append("common name — confirm identity (date of birth, nationality, ID)")
            elif generic:
                notes.append("a name made of common trade words — confirm identity (registration number)")
        if decisive and strong and not hit.exact:
            notes.append(f"corroborated: {corroborated[0]}")
        for c in conflicts[len(hit.conflicts) :]:
            notes.append(f"conflict: {c}")
        as_of = source.info.as_of.isoformat() if source.info.as_of else "unknown date"
        why = "; ".join([hit.why, *notes, f"{source.info.id} entry {entry.id} (list as of {as_of})"])
        if entry.owned_by:
            why += f"; owned by listed entry {entry.owned_by} (50 % rule)"
        return Match(
            query=query.name,
            list=source.info.id,
            entry_id=entry.id,
            name=entry.name,
            alias=hit.row.alias if hit.row is not None else entry.name,
            score=round(score, 4),
            strong=strong,
            jurisdictions=sorted({b.jurisdiction for b in bindings}, key=_juris_order),
            bindings=bindings,
            why=why,
            entity_type=entry.kind,
            programmes=entry.programmes,
            exact=hit.exact,
            corroborated_by=corroborated,
            conflicts=conflicts,
            common_name=common,
            weak_alias=hit.weak,
        )

    def listed_facts(self, list_id: str, entry_id: str) -> dict[str, list[str]]:
        """The identifying facts a list gives for one entry (date_of_birth, country, passport, ...)."""
        for source in self._sources:
            if source.info.id != list_id:
                continue
            for seq in source.seqs_of(entry_id):
                return listed_facts(source.entry(seq))
        raise UnknownEntryError(f"list {list_id} has no entry {entry_id}")

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
