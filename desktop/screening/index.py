"""The name index, on disk: SQLite tables of name readings, token postings and spelling-variant keys.

Written once when a list is imported (in the same transaction as its entries), read by each query through
indexed look-ups: opening a screener loads nothing, and memory does not grow with the number of names.
A query token finds vocabulary tokens that are equal, share its phonetic or Arabic consonant skeleton,
share a 5-letter prefix, are one edit away (symmetric deletes, stored as CRC-32 keys) or share a phonetic
fold (a CRC-32 key in the same table).
"""

from __future__ import annotations

import functools
import gc
import heapq
import itertools
import json
import math
import sqlite3
import threading
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from desktop.screening.legal_forms import GENERIC_WORDS
from desktop.screening.model import Entry
from desktop.screening.normalize import (
    PATRONYMIC_ENDINGS,
    NormName,
    abjad_skeleton,
    dhal_readings,
    identifier_keys,
    normalise,
    phonetic_fold,
    skeleton,
)
from desktop.screening.prior import world_factor
from desktop.screening.similarity import token_similarity

# Bump when normalisation or these tables change: a store built before rebuilds its index at open.
INDEX_VERSION = 6
_POSTING_BUDGET = 2500  # postings a query may walk when blocking (rarest tokens first)
_MIN_DELETE_LEN = 4
_MIN_FOLD_LEN = 3
_PRIOR_NAMES = 10_000
_PREFIX_LEN = 5
_PREFIX_FROM = 6
_JOIN = "+"  # postings of two adjacent listed tokens joined (ABDUL HAI -> +ABDULHAI)

INDEX_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    list_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, countries TEXT NOT NULL,
    years TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_id, seq));
CREATE TABLE IF NOT EXISTS identifiers (list_id TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS identifiers_value ON identifiers (value);
CREATE TABLE IF NOT EXISTS name_rows (
    list_id TEXT NOT NULL, rid INTEGER NOT NULL, seq INTEGER NOT NULL, alias TEXT NOT NULL,
    strong INTEGER NOT NULL, tokens TEXT NOT NULL, scheme TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (list_id, rid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_rows_key ON name_rows (key);
CREATE TABLE IF NOT EXISTS postings (
    token TEXT NOT NULL, list_id TEXT NOT NULL, rid INTEGER NOT NULL,
    PRIMARY KEY (token, list_id, rid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vocab (
    token TEXT NOT NULL, list_id TEXT NOT NULL, df INTEGER NOT NULL, size INTEGER NOT NULL,
    skel TEXT NOT NULL, askel TEXT NOT NULL, prefix TEXT, PRIMARY KEY (token, list_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vocab_skel ON vocab (skel);
CREATE INDEX IF NOT EXISTS vocab_askel ON vocab (askel);
CREATE INDEX IF NOT EXISTS vocab_prefix ON vocab (prefix) WHERE prefix IS NOT NULL;
CREATE TABLE IF NOT EXISTS deletes (
    d INTEGER NOT NULL, token TEXT NOT NULL, list_id TEXT NOT NULL,
    PRIMARY KEY (d, token, list_id)) WITHOUT ROWID;
"""
INDEX_TABLES = ("identifiers", "name_rows", "postings", "vocab", "deletes")
# The secondary indexes of INDEX_SCHEMA. A large import drops them and builds them again once its rows
# are in (one sort each), instead of updating them row by row in random key order: the name rows of
# 1,000,000 entries are written in a third of the time. Below _BULK_ENTRIES, rebuilding them over the
# rows of the other lists would cost more than it saves.
_SECONDARY_INDEXES = ("identifiers_value", "name_rows_key", "vocab_skel", "vocab_askel", "vocab_prefix")
_BULK_ENTRIES = 50_000

EntryRef = tuple[int, str, int]  # (source database, list id, position of the entry in its list)


@dataclass(frozen=True, slots=True)
class NameRow:
    """One normalised reading of one name or alias of one entry."""

    src: int
    list_id: str
    rid: int
    seq: int
    alias: str
    strong: bool
    tokens: tuple[str, ...]
    scheme: str

    @property
    def ref(self) -> EntryRef:
        return (self.src, self.list_id, self.seq)

    @property
    def key(self) -> str:
        return " ".join(sorted(self.tokens))


@dataclass(frozen=True, slots=True)
class EntryMeta:
    """What refinement needs of an entry without parsing it: kind, countries, birth years."""

    kind: str
    countries: frozenset[str]
    years: frozenset[int]


def birth_years(dates: Iterable[str]) -> frozenset[int]:
    years = set()
    for d in dates:
        head = d.strip()[:4]
        if head.isdigit():
            years.add(int(head))
    return frozenset(years)


def entry_readings(
    entry: Entry, normaliser: Callable[[str, str | None], list[NormName]] = normalise
) -> list[tuple[str, bool, tuple[str, ...], str]]:
    """(alias, strong, tokens, scheme) for every name of `entry`, one per transliteration reading.

    `normaliser` is `normalise` or a memo of it (an import normalises each distinct name once).
    """
    out: list[tuple[str, bool, tuple[str, ...], str]] = []
    seen: set[tuple[str, ...]] = set()
    kind = entry.kind if entry.kind in ("person", "organization") else None
    for text, strong in entry.all_names():
        for norm in normaliser(text, kind):
            if norm.tokens not in seen:
                seen.add(norm.tokens)
                out.append((text, strong, norm.tokens, norm.scheme))
    return out


def _deletes(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def _crc(text: str) -> int:
    return zlib.crc32(text.encode())


def _fold_key(token: str) -> int:
    """The deletion-key table also keys each token by its phonetic fold (CHIMA, CHEEMA; GHASIR, QASIR)."""
    return _crc("~" + phonetic_fold(token))


def create_tables(db: sqlite3.Connection) -> None:
    # statement by statement: executescript() would COMMIT the surrounding transaction (a re-index's)
    for statement in INDEX_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


def drop_index(db: sqlite3.Connection) -> None:
    """Remove the index tables (not the entries): a rebuild follows."""
    for table in ("name_rows", "postings", "vocab", "deletes", "names"):
        db.execute(f"DROP TABLE IF EXISTS {table}")


_BATCH = 20_000  # rows per executemany: bounded memory, few round trips
# Distinct (name, kind) readings an import remembers, least recently used forgotten (bounded memory):
# lists repeat common names (a generated 1,000,000-entry list reads 1.33 million names, 645,000 distinct;
# this many keep 90 % of the repeats).
_NORM_MEMO = 200_000


def write_list(
    db: sqlite3.Connection,
    list_id: str,
    entries: Iterable[Entry],
    *,
    with_entries: bool = True,
    keep_data: bool = True,
) -> int:
    """Replace the entries and index rows of one list; call inside a transaction. Returns the entry count.

    Entries are consumed as they come (a streamed list is never held whole); names, entries and
    identifiers go to the database in batches, then postings, vocabulary and deletes in primary-key order
    (sequential B-tree appends).
    """
    with _gc_paused():
        return _write_list(db, list_id, entries, with_entries, keep_data)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic collector walks every live object each time it runs; an import allocates millions of
    acyclic objects (entries, readings, rows), so it would run thousands of times for nothing.
    Process-wide: the window thread's collections wait for the end of the import too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_list(
    db: sqlite3.Connection, list_id: str, entries: Iterable[Entry], with_entries: bool, keep_data: bool
) -> int:
    rebuild: list[str] = []
    # Only inside the caller's transaction (the store opens it before writing a list): a rollback brings
    # the dropped indexes back. Dropped before the old rows go, whose deletion then updates no index.
    if isinstance(entries, Sized) and len(entries) >= _BULK_ENTRIES and db.in_transaction:
        marks = ",".join("?" * len(_SECONDARY_INDEXES))
        for name, sql in db.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
            _SECONDARY_INDEXES,
        ).fetchall():
            db.execute(f"DROP INDEX {name}")
            rebuild.append(sql)
    # The only list of the database (a store holding one large list, updated): its tables are emptied
    # whole, which SQLite does page by page instead of row by row (postings, vocab and deletes are not
    # keyed by list first: each DELETE ... WHERE list_id would walk the whole table).
    alone = not any(
        db.execute(f"SELECT 1 FROM entries WHERE list_id {op} ? LIMIT 1", (list_id,)).fetchone()
        for op in ("<", ">")
    )
    for table in ("entries", *INDEX_TABLES):
        if table != "entries" or with_entries:
            if alone:
                db.execute(f"DELETE FROM {table}")
            else:
                db.execute(f"DELETE FROM {table} WHERE list_id = ?", (list_id,))
    # token (or joined pair) -> rids in increasing order, 4 bytes each: the largest structure of an import
    postings: defaultdict[str, array[int]] = defaultdict(functools.partial(array, "I"))
    df: Counter[str] = Counter()  # entries holding each token
    norm = functools.lru_cache(maxsize=_NORM_MEMO)(normalise)
    rid = 0
    count = 0
    batch_rows: list[tuple[object, ...]] = []
    batch_entries: list[tuple[object, ...]] = []
    batch_idents: list[tuple[str, int, str]] = []

    def flush() -> None:
        db.executemany("INSERT INTO name_rows VALUES (?,?,?,?,?,?,?,?)", batch_rows)
        if with_entries:
            db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?)", batch_entries)
        db.executemany("INSERT INTO identifiers VALUES (?,?,?)", batch_idents)
        batch_rows.clear()
        batch_entries.clear()
        batch_idents.clear()

    for seq, e in enumerate(entries):
        count += 1
        if with_entries:
            data = e.model_dump_json() if keep_data else ""
            years = json.dumps(sorted(birth_years(e.birth_dates))) if e.birth_dates else "[]"
            countries = json.dumps(e.countries) if e.countries else "[]"
            batch_entries.append((list_id, seq, e.kind, countries, years, data))
        seen: set[str] = set()
        for alias, strong, tokens, scheme in entry_readings(e, norm):
            key = " ".join(sorted(tokens))
            batch_rows.append((list_id, rid, seq, alias, int(strong), " ".join(tokens), scheme, key))
            distinct = set(tokens)
            seen |= distinct
            for tok in distinct:
                postings[tok].append(rid)  # rids only grow: each array stays sorted
            for a, b in itertools.pairwise(tokens):
                found = postings[_JOIN + a + b]
                if not found or found[-1] != rid:  # a pair twice in one reading is one posting
                    found.append(rid)
            rid += 1
        df.update(seen)
        for ident in e.identifiers:
            for value in identifier_keys(ident.value):
                batch_idents.append((list_id, seq, value))
        if len(batch_rows) >= _BATCH:
            flush()
    flush()
    listed = sorted(postings)
    # one statement per token, its rids as a JSON array: half the time of one bound row per posting
    db.executemany(
        "INSERT INTO postings SELECT ?1, ?2, value FROM json_each(?3)",
        ((tok, list_id, str(postings[tok].tolist())) for tok in listed),  # [1, 5, 9] is JSON
    )
    # joined pairs are in the vocabulary too (for their posting size), with no spelling keys
    db.executemany(
        "INSERT INTO vocab VALUES (?,?,?,?,?,?,?)",
        (
            (
                tok,
                list_id,
                df.get(tok, 0),
                len(postings[tok]),
                skeleton(tok) if len(tok) >= 2 and tok[0] != _JOIN else "",
                abjad_skeleton(tok) if len(tok) >= 2 and tok[0] != _JOIN else "",
                tok[:_PREFIX_LEN] if len(tok) >= _PREFIX_FROM and tok[0] != _JOIN else None,
            )
            for tok in listed
        ),
    )
    postings.clear()
    df.clear()
    vocab = [t for t in listed if len(t) >= _MIN_FOLD_LEN and t[0] != _JOIN]
    del listed
    # (CRC of a delete or of a phonetic fold, position of its token in the sorted vocabulary) packed in one
    # int: sorting them sorts by the table's primary key (d, token) at a fraction of the memory of tuples
    keys = sorted(
        itertools.chain(
            (
                (_crc(d) << 32) | n
                for n, tok in enumerate(vocab)
                if len(tok) >= _MIN_DELETE_LEN
                for d in _deletes(tok)
            ),
            ((_fold_key(tok) << 32) | n for n, tok in enumerate(vocab)),
        )
    )
    db.executemany(
        "INSERT OR IGNORE INTO deletes VALUES (?,?,?)",
        ((k >> 32, vocab[k & 0xFFFFFFFF], list_id) for k in keys),
    )
    for sql in rebuild:
        db.execute(sql)
    return count


class _Source:
    """One SQLite database holding index tables, with the lock that serialises its connection."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock, lists: Sequence[str]) -> None:
        self.db, self.lock, self.lists = db, lock, tuple(lists)
        marks = ",".join("?" * len(self.lists))
        self.filter = f"list_id IN ({marks})"

    def query(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        with self.lock:
            return self.db.execute(sql.replace("$LISTS", self.filter), (*args, *self.lists)).fetchall()


class NameIndex:
    """Reads the index tables of one or more databases as one index; caches only small things."""

    def __init__(self, sources: Sequence[tuple[sqlite3.Connection, threading.Lock, Sequence[str]]]):
        self._sources = [_Source(db, lock, lists) for db, lock, lists in sources if lists]
        self.entry_count = max(
            1,
            sum(int(s.query("SELECT COUNT(*) FROM entries WHERE $LISTS")[0][0]) for s in self._sources),
        )
        self._log_n = math.log(self.entry_count + _PRIOR_NAMES)
        self._df: dict[str, int] = {}
        self._weights: dict[str, float] = {}
        self._variants: dict[str, frozenset[str]] = {}
        self._sizes_cache: dict[str, int] = {}
        self._lock = threading.Lock()

    def row_count(self) -> int:
        return sum(int(s.query("SELECT COUNT(*) FROM name_rows WHERE $LISTS")[0][0]) for s in self._sources)

    def _cached(self, cache: dict[str, Any], key: str, make: Callable[[str], Any]) -> Any:
        value = cache.get(key)
        if value is None:
            value = make(key)
            with self._lock:
                if len(cache) > 100_000:  # bounded: memory must not grow with the queries either
                    cache.clear()
                cache[key] = value
        return value

    def df(self, token: str) -> int:
        """In how many listed entries `token` appears (0: not in the vocabulary)."""
        found = self._df.get(token)
        if found is None:
            found = self._cached(self._df, token, self._find_df)
        return found

    def _find_df(self, token: str) -> int:
        return sum(
            int(r[0] or 0)
            for s in self._sources
            for r in s.query("SELECT SUM(df) FROM vocab WHERE token = ? AND $LISTS", (token,))
        )

    def weight(self, token: str) -> float:
        """Rare tokens weigh up to 1; common (on the lists or in the world), generic and initials little."""
        found = self._weights.get(token)
        if found is None:
            found = self._cached(self._weights, token, self._weight)
        return found

    def _weight(self, token: str) -> float:
        df = self.df(token)
        # A background of _PRIOR_NAMES unseen names keeps small lists (the bundled one) from making
        # every token look common.
        w = math.log((self.entry_count + _PRIOR_NAMES) / (df + 1)) / self._log_n if df else 1.0
        # rare on the lists is not enough: ALPHA, CROWN or ALI are common in the world (the prior)
        w = min(1.0, max(0.12, min(w, world_factor(token))))
        if len(token) == 1:
            return 0.08
        if token in GENERIC_WORDS:
            return w * 0.2
        if token.endswith(PATRONYMIC_ENDINGS):
            return w * 0.3  # patronymics are often left out of a query: missing them costs little
        return w

    def variants(self, token: str) -> frozenset[str]:
        """Vocabulary tokens that may be `token` spelt another way: same skeleton or one edit away."""
        found: frozenset[str] = self._cached(self._variants, token, self._find_variants)
        return found

    def _find_variants(self, token: str) -> frozenset[str]:
        sk = skeleton(token)
        n = len(token)
        parts = ["SELECT token, list_id FROM vocab WHERE token = ?"]
        args: list[object] = [token]
        if len(sk) >= 3 or (len(sk) == 2 and n <= 4):
            parts.append("SELECT token, list_id FROM vocab WHERE skel = ?")
            args.append(sk)
        if n >= _PREFIX_FROM:
            # endings vary most between languages (ALEXANDROS/ALEXANDER, PUTINAS/PUTIN)
            parts.append(
                "SELECT token, list_id FROM vocab WHERE prefix = ? AND length(token) BETWEEN ? AND ?"
            )
            args += [token[:_PREFIX_LEN], n - 3, n + 3]
        keys = [_fold_key(token)] if n >= _MIN_FOLD_LEN else []
        if n >= _MIN_DELETE_LEN:
            dels = sorted(_deletes(token))
            keys += [_crc(token), *(_crc(d) for d in dels)]
            parts.append(f"SELECT token, list_id FROM vocab WHERE token IN ({','.join('?' * len(dels))})")
            args += dels
        if keys:
            parts.append(f"SELECT token, list_id FROM deletes WHERE d IN ({','.join('?' * len(keys))})")
            args += keys
        # one statement per source; the list filter applies to the union
        sql = f"SELECT DISTINCT token FROM ({' UNION ALL '.join(parts)}) WHERE $LISTS"
        found: set[str] = set()
        for s in self._sources:
            found.update(str(r[0]) for r in s.query(sql, args))
        # CRC keys can collide: keep what is really one edit away (or a skeleton/prefix variant)
        return frozenset(t for t in found if t == token or _close(token, t))

    def load_stats(self, tokens: Iterable[str]) -> None:
        """Fetch document frequency and posting size of many tokens in one statement per source."""
        todo = sorted({t for t in tokens if t not in self._sizes_cache})
        if not todo:
            return
        df: dict[str, int] = dict.fromkeys(todo, 0)
        size: dict[str, int] = dict.fromkeys(todo, 0)
        for s in self._sources:
            for start in range(0, len(todo), 500):
                part = todo[start : start + 500]
                marks = ",".join("?" * len(part))
                for tok, d, z in s.query(
                    f"SELECT token, SUM(df), SUM(size) FROM vocab WHERE token IN ({marks}) AND $LISTS GROUP BY token",
                    part,
                ):
                    df[str(tok)] += int(d)
                    size[str(tok)] += int(z)
        with self._lock:
            if len(self._sizes_cache) > 100_000:
                self._sizes_cache.clear()
                self._df.clear()
            self._sizes_cache.update(size)
            self._df.update({t: d for t, d in df.items() if not t.startswith(_JOIN)})

    def abjad_variants(self, token: str) -> list[str]:
        """Vocabulary tokens with the same Arabic consonant skeleton (THRUT: THARWAT, TAHRWAT...)."""
        # SH, TH, KH... read from Arabic script may be two letters (ATHAD: ITIHAD): both skeletons
        keys = sorted(
            {
                sk
                for r in dhal_readings(token)
                for sk in (abjad_skeleton(r), abjad_skeleton(r, digraphs=False))
                if len(sk) >= 2
            }
        )
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return sorted(
            {
                str(r[0])
                for s in self._sources
                for r in s.query(f"SELECT token FROM vocab WHERE askel IN ({marks}) AND $LISTS", keys)
            }
        )

    def exact(self, key: str) -> list[NameRow]:
        """Rows whose order-free normalised key equals `key`."""
        out = []
        for src, s in enumerate(self._sources):
            for r in s.query(
                "SELECT list_id, rid, seq, alias, strong, tokens, scheme FROM name_rows WHERE key = ? AND $LISTS",
                (key,),
            ):
                out.append(_row(src, r))
        return out

    def identifier_refs(self, key: str) -> list[EntryRef]:
        return [
            (src, str(r[0]), int(r[1]))
            for src, s in enumerate(self._sources)
            for r in s.query("SELECT list_id, seq FROM identifiers WHERE value = ? AND $LISTS", (key,))
        ]

    def meta(self, ref: EntryRef) -> EntryMeta:
        src, list_id, seq = ref
        rows = self._sources[src].query(
            "SELECT kind, countries, years FROM entries WHERE list_id = ? AND seq = ? AND $LISTS",
            (list_id, seq),
        )
        kind, countries, years = rows[0]
        return EntryMeta(str(kind), frozenset(json.loads(str(countries))), frozenset(json.loads(str(years))))

    def _postings(self, token: str) -> Iterator[tuple[int, str, int]]:
        for src, s in enumerate(self._sources):
            # a query of common words only walks at most the budget of each list (an arbitrary part of
            # it: such a query blocks on nothing better)
            for list_id, rid in s.query(
                f"SELECT list_id, rid FROM postings WHERE token = ? AND $LISTS LIMIT {_POSTING_BUDGET}",
                (token,),
            ):
                yield (src, str(list_id), int(rid))

    def rows(self, keys: Iterable[tuple[int, str, int]]) -> list[NameRow]:
        """The rows for (source, list, rid) keys, in the order given."""
        wanted = list(keys)
        by_list: dict[tuple[int, str], list[int]] = defaultdict(list)
        for src, list_id, rid in wanted:
            by_list[(src, list_id)].append(rid)
        found: dict[tuple[int, str, int], NameRow] = {}
        for (src, list_id), rids in by_list.items():
            marks = ",".join("?" * len(rids))
            for r in self._sources[src].query(
                f"SELECT list_id, rid, seq, alias, strong, tokens, scheme FROM name_rows"
                f" WHERE list_id = ? AND rid IN ({marks}) AND $LISTS",
                (list_id, *rids),
            ):
                row = _row(src, r)
                found[(src, row.list_id, row.rid)] = row
        return [found[k] for k in wanted if k in found]

    def candidates(self, tokens: Sequence[str], limit: int, abjad: bool = False) -> list[NameRow]:
        """Rows sharing a token (or a spelling variant of one) with the query, best blocked first.

        Postings are walked rarest first within a budget, so common tokens (MOHAMMAD, AL, ABD) only
        add candidates when the query has too few rare tokens to block on.
        """
        wanted: list[tuple[str, float]] = []  # (vocabulary token or joined pair, gain)
        found_of = {
            tok: self.variants(tok) | set(self.abjad_variants(tok)) if abjad else self.variants(tok)
            for tok in tokens
            if len(tok) >= 2
        }
        pairs = [a + b for a, b in itertools.pairwise(tokens) if len(a + b) >= 4]
        pair_variants = {p: self.variants(p) for p in pairs}
        self.load_stats(
            [
                *tokens,
                *(v for vs in found_of.values() for v in vs),
                *(v for vs in pair_variants.values() for v in vs),
                *(_JOIN + t for t in tokens),
            ]
        )
        for tok, found in found_of.items():
            own = self.weight(tok) if self.df(tok) else 1.0
            for v in found:
                sim = 1.0 if v == tok else token_similarity(tok, v, abjad)
                if sim >= 0.75:
                    # a rare spelling variant of a common token must not outweigh the token itself
                    wanted.append((v, min(own, self.weight(v)) * sim))
        for pair, variants in pair_variants.items():
            # a name split in two (BD LLH, ABDUL HAI) may be one listed token (ABDULLAH, ABDULHAI)
            for v in variants:
                if v == pair or skeleton(v) == skeleton(pair):
                    wanted.append((v, 0.5))
        wanted += [(_JOIN + tok, 0.5) for tok in tokens if len(tok) >= 4]
        sizes = self._sizes_cache
        lists = sorted(
            ((sizes[t], -gain, t) for t, gain in wanted if sizes.get(t)),
            key=lambda item: (item[0], item[1], item[2]),
        )
        score: dict[tuple[int, str, int], float] = defaultdict(float)
        walked = 0
        for n, (size, neg_gain, tok) in enumerate(lists):
            if n >= 2 and walked + size > _POSTING_BUDGET:
                break
            walked += size
            for key in self._postings(tok):
                score[key] -= neg_gain
        if len(score) > limit:
            # best first; equal scores by key so ties never depend on order
            best = heapq.nsmallest(limit, score.items(), key=lambda kv: (-kv[1], kv[0]))
            keys = [k for k, _ in best]
        else:
            keys = sorted(score)
        return self.rows(keys)


def _close(a: str, b: str) -> bool:
    """One edit, same skeleton or same 5-letter prefix: worth scoring as a spelling of each other."""
    if abs(len(a) - len(b)) > 3:
        return False
    if skeleton(a) == skeleton(b) or (len(a) >= _PREFIX_FROM and a[:_PREFIX_LEN] == b[:_PREFIX_LEN]):
        return True
    if phonetic_fold(a) == phonetic_fold(b):
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    return bool(_deletes(a) & (_deletes(b) | {b})) or a in _deletes(b)


def _row(src: int, r: Any) -> NameRow:
    list_id, rid, seq, alias, strong, tokens, scheme = r
    return NameRow(
        src,
        str(list_id),
        int(rid),
        int(seq),
        str(alias),
        bool(strong),
        tuple(str(tokens).split()),
        str(scheme),
    )


def memory_database() -> tuple[sqlite3.Connection, threading.Lock]:
    """An in-memory database with the index tables, for lists held in memory (bundled, benchmarks)."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    create_tables(db)
    return db, threading.Lock()
