"""The screening service the app uses: loaded lists, screening a party, importing official files."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.screening.bundled import load_bundled
from desktop.screening.errors import InvalidQueryError, ListStoreError, UnknownEntryError
from desktop.screening.facts import birth_date_corroborates, identifier_conflicts, listed_facts
from desktop.screening.importers import read_path
from desktop.screening.importers.common import ALL_JURISDICTIONS, ParsedList, Progress
from desktop.screening.index import EntryRef, NameIndex, memory_database, write_list
from desktop.screening.matcher import ALERT_THRESHOLD, Hit, Matcher, QueryFacts
from desktop.screening.model import Entry
from desktop.screening.normalize import MAX_NAME_CHARS, clean, normalise
from desktop.screening.prior import is_generic_name
from desktop.screening.store import STORE_FILE, ListStore
from desktop.screening.types import Binding, ListInfo, Match, PartyQuery

STALE_AFTER_DAYS = 30
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


@dataclass(frozen=True)
class ListStatus:
    """One loaded list as `lists status` shows it."""

    info: ListInfo
    age_days: int | None
    stale: bool

    def to_json(self) -> dict[str, object]:
        doc = self.info.to_json()
        doc["age_days"] = self.age_days
        doc["stale"] = self.stale
        doc["imported_at"] = self.info.imported_at.isoformat() if self.info.imported_at else None
        return doc


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

    def status(self, today: date) -> tuple[list[ListStatus], list[str]]:
        """Each list with its age, and warnings: stale lists and jurisdictions with no official list."""
        rows: list[ListStatus] = []
        warnings: list[str] = []
        for info in self.lists():
            age = (today - info.as_of).days if info.as_of else None
            stale = age is None or age > STALE_AFTER_DAYS
            rows.append(ListStatus(info, age, stale))
            if stale:
                when = f"{age} days old (as of {info.as_of})" if age is not None else "of unknown date"
                warnings.append(f"list {info.id} is {when}: import a current copy")
        official = {j for info in self.lists() if not info.bundled for j in info.jurisdictions}
        missing = [j for j in ALL_JURISDICTIONS if j not in official]
        if missing:
            bundled_ids = ", ".join(i.id for i in self.lists() if i.bundled)
            warnings.append(
                f"no official list loaded for {', '.join(missing)}: only the bundled {bundled_ids} list is screened there"
            )
        return rows, warnings

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

    def import_path(self, path: Path, progress: Progress | None = None) -> list[ListInfo]:
        """Parse then store a file or folder, all or nothing; on error the loaded lists stay as they were."""
        if self._store is None:
            if self._data_dir is None:
                raise ListStoreError("no data folder to import into: open the screener with a data folder")
            self._store = ListStore.in_folder(self._data_dir)
        parsed = read_path(path, progress)
        now = self._clock()
        infos = [self._store.replace(p, now) for p in parsed]
        confidences = dict((i.id, c) for i, c in self._store.lists())
        stored_ids = {i.id for i in infos}
        self._sources = [s for s in self._sources if s.info.id not in stored_ids or s.info.bundled]
        self._sources += [_StoredList(self._store, i, confidences[i.id]) for i in infos]
        self._matcher = None
        return infos

    @classmethod
    def for_import(cls, data_dir: Path, *, clock: Clock = _utc_now) -> Screener:
        """Open with a store created in `data_dir` if there is none yet (the import command)."""
        ListStore.in_folder(data_dir).close()
        return cls.open(data_dir, clock=clock)


def _juris_order(code: str) -> int:
    return ALL_JURISDICTIONS.index(code) if code in ALL_JURISDICTIONS else len(ALL_JURISDICTIONS)
