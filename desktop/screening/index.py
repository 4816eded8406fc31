"""The name index: token, phonetic-skeleton and one-edit blocking so a query never scans every name."""

from __future__ import annotations

import heapq
import itertools
import math
import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.screening.legal_forms import GENERIC_WORDS
from desktop.screening.model import Entry
from desktop.screening.normalize import abjad_skeleton, identifier_keys, normalise, skeleton
from desktop.screening.prior import world_factor
from desktop.screening.similarity import token_similarity

# How many postings a query may walk when blocking (rarest tokens first).
_POSTING_BUDGET = 2500
_MIN_DELETE_LEN = 4
_PRIOR_NAMES = 10_000
_PREFIX_LEN = 5
_PREFIX_FROM = 6
# Russian, Ukrainian, Belarusian and Turkic patronymics in their usual romanisations (GRIGORIYEVICH,
# HRYHORYAVICH, PETROVNA, IVANIVNA, OGLU): often left out of a query, so missing them costs little.
PATRONYMIC_ENDINGS = (
    "VICH",
    "VITCH",
    "VITSCH",
    "VYCH",
    "OVNA",
    "EVNA",
    "IVNA",
    "AVNA",
    "ICHNA",
    "OVICI",
    "OGLU",
    "KYZY",
)


@dataclass(frozen=True, slots=True)
class NameRow:
    """One normalised reading of one name or alias of one entry (`ref` numbers the entry globally)."""

    ref: int
    alias: str
    strong: bool
    tokens: tuple[str, ...]
    scheme: str

    @property
    def key(self) -> str:
        return " ".join(sorted(self.tokens))


@dataclass(frozen=True, slots=True)
class EntryMeta:
    """What refinement needs of an entry without loading it: list, position, kind, countries, birth years."""

    list_pos: int
    seq: int
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


def entry_rows(ref: int, entry: Entry) -> list[NameRow]:
    """Index rows for every name of `entry`, one per transliteration reading."""
    rows: list[NameRow] = []
    seen: set[tuple[str, ...]] = set()
    for text, strong in entry.all_names():
        for norm in normalise(text, entry.kind if entry.kind in ("person", "organization") else None):
            if norm.tokens in seen:
                continue
            seen.add(norm.tokens)
            rows.append(NameRow(ref, text, strong, norm.tokens, norm.scheme))
    return rows


def entry_meta(list_pos: int, seq: int, entry: Entry) -> EntryMeta:
    return EntryMeta(list_pos, seq, entry.kind, frozenset(entry.countries), birth_years(entry.birth_dates))


def _deletes(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


class NameIndex:
    """Postings from tokens to rows, plus maps that find a query token's spelling variants in the vocabulary."""

    def __init__(
        self, rows: Sequence[NameRow], metas: Sequence[EntryMeta], identifiers: dict[str, list[int]]
    ):
        self.rows = rows
        self.metas = metas
        self.identifiers = identifiers
        postings: dict[str, list[int]] = defaultdict(list)
        exact: dict[str, list[int]] = defaultdict(list)
        joins: dict[str, list[int]] = defaultdict(list)
        df: dict[str, int] = defaultdict(int)
        last_ref: dict[str, int] = {}
        for rid, row in enumerate(rows):
            tokens = row.tokens
            exact[" ".join(sorted(tokens))].append(rid)
            ref = row.ref
            for tok in set(tokens):
                postings[tok].append(rid)
                if last_ref.get(tok) != ref:  # rows of one entry are contiguous
                    last_ref[tok] = ref
                    df[tok] += 1
            for a, b in itertools.pairwise(tokens):
                joins[a + b].append(rid)
        self.postings, self.exact, self.joins, self.df = postings, exact, joins, dict(df)
        self.entry_count = max(1, len(metas))
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        by_delete: dict[str, list[str]] = defaultdict(list)
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for tok in postings:
            n = len(tok)
            if n >= 2:
                by_skeleton[skeleton(tok)].append(tok)
            if n >= _MIN_DELETE_LEN:
                for i in range(n):
                    by_delete[tok[:i] + tok[i + 1 :]].append(tok)
            if n >= _PREFIX_FROM:
                by_prefix[tok[:_PREFIX_LEN]].append(tok)
        self.by_skeleton, self.by_delete, self.by_prefix = by_skeleton, by_delete, by_prefix
        self._log_n = math.log(self.entry_count + _PRIOR_NAMES)
        self._weights: dict[str, float] = {}
        self._variants: dict[str, frozenset[str]] = {}
        self._by_abjad: dict[str, list[str]] | None = None  # built on the first Arabic-script query

    @classmethod
    def from_entries(cls, lists: Sequence[Sequence[Entry]]) -> NameIndex:
        rows: list[NameRow] = []
        metas: list[EntryMeta] = []
        identifiers: dict[str, list[int]] = defaultdict(list)
        for list_pos, entries in enumerate(lists):
            for seq, entry in enumerate(entries):
                ref = len(metas)
                metas.append(entry_meta(list_pos, seq, entry))
                rows.extend(entry_rows(ref, entry))
                for ident in entry.identifiers:
                    for value in identifier_keys(ident.value):
                        identifiers[value].append(ref)
        return cls(rows, metas, identifiers)

    def weight(self, token: str) -> float:
        """Rare tokens weigh up to 1; common, generic and one-letter tokens weigh little."""
        cached = self._weights.get(token)
        if cached is None:
            cached = self._weights[token] = self._weight(token)
        return cached

    def _weight(self, token: str) -> float:
        df = self.df.get(token, 0)
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
        cached = self._variants.get(token)
        if cached is None:
            if len(self._variants) > 50_000:
                self._variants.clear()
            cached = self._variants[token] = frozenset(self._find_variants(token))
        return cached

    def _find_variants(self, token: str) -> set[str]:
        found: set[str] = set()
        if token in self.postings:
            found.add(token)
        sk = skeleton(token)
        if len(sk) >= 3 or (len(sk) == 2 and len(token) <= 4):
            found.update(self.by_skeleton.get(sk, ()))
        if len(token) >= _PREFIX_FROM:
            # endings vary most between languages (ALEXANDROS/ALEXANDER, PUTINAS/PUTIN)
            found.update(
                t for t in self.by_prefix.get(token[:_PREFIX_LEN], ()) if abs(len(t) - len(token)) <= 3
            )
        if len(token) >= _MIN_DELETE_LEN:
            found.update(self.by_delete.get(token, ()))
            for d in _deletes(token):
                if d in self.postings:
                    found.add(d)
                found.update(self.by_delete.get(d, ()))
        return found

    def abjad_variants(self, token: str) -> list[str]:
        """Vocabulary tokens with the same Arabic consonant skeleton (THRUT: THARWAT, TAHRWAT...)."""
        if self._by_abjad is None:
            table: dict[str, list[str]] = defaultdict(list)
            for tok in self.postings:
                if len(tok) >= 2:
                    table[abjad_skeleton(tok)].append(tok)
            self._by_abjad = dict(table)
        sk = abjad_skeleton(token)
        return self._by_abjad.get(sk, []) if len(sk) >= 2 else []

    def candidates(self, tokens: Sequence[str], limit: int, abjad: bool = False) -> list[int]:
        """Rows sharing a token (or a spelling variant of one) with the query, best blocked first.

        Postings are walked rarest first within a budget, so common tokens (MOHAMMAD, AL, ABD) only
        add candidates when the query has too few rare tokens to block on.
        """
        lists: list[tuple[int, float, str, list[int]]] = []
        for tok in tokens:
            if len(tok) < 2:
                continue
            own = self.weight(tok) if tok in self.df else 1.0
            found = self.variants(tok) | set(self.abjad_variants(tok)) if abjad else self.variants(tok)
            for v in found:
                posting = self.postings.get(v)
                if not posting:
                    continue
                sim = 1.0 if v == tok else token_similarity(tok, v, abjad)
                if sim >= 0.75:
                    # a rare spelling variant of a common token must not outweigh the token itself
                    lists.append((len(posting), min(own, self.weight(v)) * sim, v, posting))
        for a, b in itertools.pairwise(tokens):
            # a name split in two (BD LLH, ABDUL HAI) may be one listed token (ABDULLAH, ABDULHAI)
            for v in {a + b, *self.by_skeleton.get(skeleton(a + b), ())}:
                posting = self.postings.get(v)
                if posting:
                    lists.append((len(posting), 0.5, v, posting))
        for tok in tokens:
            posting = self.joins.get(tok)
            if posting:
                lists.append((len(posting), 0.5, tok, posting))
        lists.sort(key=lambda item: (item[0], -item[1], item[2]))  # rarest first; ties by name
        score: dict[int, float] = defaultdict(float)
        walked = 0
        for n, (size, gain, _key, posting) in enumerate(lists):
            if n >= 2 and walked + size > _POSTING_BUDGET:
                break
            walked += size
            for rid in posting:
                score[rid] += gain
        if len(score) <= limit:
            return sorted(score)
        # best first; equal scores by row number (negated inside the tuple) so ties never depend on order
        best = heapq.nlargest(limit, zip(score.values(), map(operator.neg, score.keys()), strict=True))
        return [-neg_rid for _, neg_rid in best]
