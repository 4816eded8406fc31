"""Score a query against indexed names: weighted token alignment, typo tolerance, initials, refinements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from desktop.screening.index import EntryRef, NameIndex, NameRow
from desktop.screening.legal_forms import GENERIC_WORDS
from desktop.screening.normalize import (
    PATRONYMIC_ENDINGS,
    SUN_LETTERS,
    NormName,
    abjad_skeleton,
    identifier_keys,
)
from desktop.screening.prior import is_common_part, world_factor
from desktop.screening.similarity import token_similarity
from desktop.screening.translit import CYRILLIC_SCHEMES

ALERT_THRESHOLD = 0.82  # documented in docs/screening.md; at or above it a match is reported
WEAK_EXACT_SCORE = 0.95  # exact equality with a low-quality alias: reported, never strong
_CANDIDATES = 40
PRIMARY_SCHEME = CYRILLIC_SCHEMES[0]
_QUERY_SHARE = 0.6  # how much the query's coverage counts against the listed name's coverage
_EVIDENCE_MIN = 0.9  # one matched token rare in the world, or two common ones, to alert
_SHARED_SURNAME = 5  # a name part borne by this many listed entries is common where they come from
_MISSING_EVIDENCE = 0.3
_MISSING_FACTOR = 0.5  # a part only one name has (middle name, patronymic) costs half a wrong part


@dataclass(frozen=True, slots=True)
class QueryFacts:
    """The query's refining facts: what kind of party, its countries, birth year, identifier values."""

    kind: str | None = None
    country: str | None = None
    birth_year: int | None = None
    identifiers: tuple[str, ...] = ()
    nationality: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """The best-scoring name of one entry for one query, with the reason in words.

    `exact`: the normalised name equals a listed name or alias, or an identifier is equal (`identifier`).
    `conflicts` name facts that contradict the listing (a different birth year): such a hit is lowered
    below the alert line and only returned to callers that ask for dismissed hits.
    """

    ref: EntryRef
    row: NameRow | None
    score: float
    exact: bool
    why: str
    weak: bool = False
    identifier: str | None = None
    corroborated: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    raw_score: float = 0.0  # before facts moved it

    @property
    def rank(self) -> tuple[bool, bool, float]:
        return (self.identifier is not None, self.exact and not self.weak, self.score)


@dataclass(slots=True)
class _Alignment:
    score: float
    pairs: list[tuple[str, str, float]]
    distinctive: bool  # a matched pair involves a rare, non-generic token
    weights: list[float]  # of the listed name's tokens
    missing: int = 0  # name parts only the longer name has (not generic words, initials or patronymics)


def align(
    index: NameIndex,
    q: Sequence[str],
    qw: Sequence[float],
    c: Sequence[str],
    cache: dict[tuple[str, str], float] | None = None,
    abjad: bool = False,
    q_unseen: Sequence[bool] | None = None,
) -> _Alignment:
    """Greedy one-to-one token alignment, weighted by rarity on both sides."""
    cw = [index.weight(t) for t in c]
    cand = []
    sims = cache if cache is not None else {}
    for i, qt in enumerate(q):
        for j, ct in enumerate(c):
            s = sims.get((qt, ct))
            if s is None:
                s = sims[(qt, ct)] = token_similarity(qt, ct, abjad)
            if s > 0.0:
                cand.append((s, i, j))
    cand.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    q_hit = c_hit = 0.0
    pairs: list[tuple[str, str, float]] = []
    distinctive = False
    qw = list(qw)
    for s, i, j in cand:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        if q_unseen and q_unseen[i] and s >= 0.75:
            qw[i] = cw[j]  # an unseen spelling weighs as the listed token it spells (VLANTIMIR: VLADIMIR)
        q_hit += qw[i] * s
        c_hit += cw[j] * s
        pairs.append((q[i], c[j], s))
        if s >= 0.8 and len(c[j]) > 1 and c[j] not in GENERIC_WORDS and cw[j] >= 0.1:
            distinctive = True
    q_total, c_total = sum(qw), sum(cw)
    # Parts only the longer name has (a middle name, a patronymic, a second surname) cost less than
    # parts that are there on both sides but differ: the lightest unmatched parts of the longer name,
    # as many as it has extra, count at _MISSING_FACTOR.
    surplus = len(q) - len(c)
    missing = 0
    if surplus:
        longer, weights, used = (q, qw, used_q) if surplus > 0 else (c, cw, used_c)
        spare = sorted(weights[k] for k in range(len(longer)) if k not in used)[: abs(surplus)]
        missing = sum(
            1
            for k in range(len(longer))
            if k not in used
            and len(longer[k]) > 1
            and longer[k] not in GENERIC_WORDS
            and not longer[k].endswith(PATRONYMIC_ENDINGS)
        )
        discount = (1 - _MISSING_FACTOR) * sum(spare)
        if surplus > 0:
            q_total -= discount
        else:
            c_total -= discount
    q_cov = q_hit / q_total
    c_cov = c_hit / c_total
    score = _QUERY_SHARE * q_cov + (1 - _QUERY_SHARE) * c_cov
    return _Alignment(score, pairs, distinctive, cw, min(missing, abs(surplus)))


def opens_with_listed_name(al: _Alignment, q: Sequence[str], c: Sequence[str]) -> bool:
    """The query opens with every distinctive token of a listed name: a subsidiary named after its parent.

    "ALROSA USA", "ALROSA-NYURBA": the listed distinctive tokens must start the query, in order.
    """
    distinct_c = [j for j, t in enumerate(c) if t not in GENERIC_WORDS and len(t) > 1]
    if not distinct_c or sum(al.weights[j] for j in distinct_c) < 0.6:
        return False
    matched_c = {c.index(p[1]) for p in al.pairs if p[2] >= 0.92 and len(p[1]) >= 4}
    if not all(j in matched_c for j in distinct_c):
        return False
    opening = [t for t in q if t not in GENERIC_WORDS][: len(distinct_c)]
    return len(opening) == len(distinct_c) and all(
        token_similarity(a, c[j]) >= 0.92 for a, j in zip(opening, distinct_c, strict=True)
    )


def _all_paired(al: _Alignment, q: Sequence[str], c: Sequence[str], floor: float) -> bool:
    """Every part of both names is paired with a close spelling: the same name, spelt otherwise."""
    close = [p for p in al.pairs if p[2] >= floor]
    return len(close) == len(q) == len(c)


def _before_sun_letter(tokens: Sequence[str], n: int) -> bool:
    """Tokens[n] is the article before a word opening with a sun letter (AL RHMN, AL SBAR)."""
    return tokens[n] == "AL" and n + 1 < len(tokens) and tokens[n + 1][:1] in SUN_LETTERS


def _concat_similarity(q: Sequence[str], c: Sequence[str], abjad: bool = False) -> float:
    """Catches split and merged tokens (ABDUL HAI / ABDULHAI) that token alignment misses."""
    a, b = "".join(q), "".join(c)
    best = Indel.normalized_similarity(a, b)
    if abjad:
        bsk = abjad_skeleton(b)
        # a Latin spelling writes the article assimilated to a sun letter onto the name (ABD AL RHMN:
        # ABDERRAHMANE): the Arabic reading without that article's L is compared too
        assimilated = "".join(t for n, t in enumerate(q) if not _before_sun_letter(q, n))
        for sk in {abjad_skeleton(a), abjad_skeleton(assimilated)}:
            # whole-name consonant skeletons: only long ones, or a word split in two (ABD ALLH /
            # ABDULLAH), say much (MILA ABU DAUD and MUALLA BADI share MLBD)
            size = len(sk)
            if sk == bsk and (size >= 6 or (size >= 3 and max(len(q), len(c)) <= 2 and len(q) != len(c))):
                best = max(best, 0.92)
    if len(q) > 1 or len(c) > 1:
        best = max(best, Indel.normalized_similarity("".join(sorted(q)), "".join(sorted(c))))
    return best


class Matcher:
    """Finds and scores the entries a query may name; strong = exact normalised name or identifier."""

    def __init__(self, index: NameIndex, threshold: float = ALERT_THRESHOLD) -> None:
        self.index = index
        self.threshold = threshold

    def _query_weights(self, tokens: Sequence[str]) -> list[float]:
        weights = []
        for tok in tokens:
            if self.index.df(tok) or len(tok) == 1:
                weights.append(self.index.weight(tok))
                continue
            # an unseen token weighs like its closest listed spelling; among equally close ones the
            # rarest, so an unknown surname is never taken for a common one (and ties do not depend
            # on set order)
            close = [(token_similarity(tok, v), self.index.weight(v), v) for v in self.index.variants(tok)]
            close = [c for c in close if c[0] >= 0.8]
            weights.append(max(close)[1] if close else self.index.weight(tok))
        return weights

    def search(self, readings: Sequence[NormName], facts: QueryFacts, dismissed: bool = False) -> list[Hit]:
        """Hits at or above the threshold (and, with `dismissed`, those a conflicting fact lowered)."""
        best: dict[EntryRef, Hit] = {}

        def offer(hit: Hit) -> None:
            old = best.get(hit.ref)
            if old is None or hit.rank > old.rank:
                best[hit.ref] = hit

        for value in facts.identifiers:
            refs = {r for key in identifier_keys(value) for r in self.index.identifier_refs(key)}
            for ref in sorted(refs):
                why = f"identifier {value} equals a listed identifier"
                offer(Hit(ref, None, 1.0, True, why, identifier=value, raw_score=1.0))
        for reading in readings:
            q = reading.tokens
            exact_rows = self.index.exact(reading.key)
            exact_set = {(r.src, r.list_id, r.rid) for r in exact_rows}
            for row in exact_rows:
                how = _exact_why(reading, row)
                if row.strong:
                    offer(Hit(row.ref, row, 1.0, True, how, raw_score=1.0))
                else:
                    how += " (a low-quality alias: review, never a block)"
                    offer(
                        Hit(row.ref, row, WEAK_EXACT_SCORE, True, how, weak=True, raw_score=WEAK_EXACT_SCORE)
                    )
            if reading.scheme != PRIMARY_SCHEME:
                continue  # other Cyrillic readings differ in spelling only: the skeleton blocks them already
            qw = self._query_weights(q)
            cache: dict[tuple[str, str], float] = {}
            rows = self.index.candidates(q, _CANDIDATES, reading.abjad)
            self.index.load_stats(t for row in rows for t in row.tokens)  # one look-up, not one per token
            for row in rows:
                if (row.src, row.list_id, row.rid) in exact_set or (row.ref in best and best[row.ref].exact):
                    continue
                hit = self._score(reading, qw, row, cache, facts.kind)
                if hit is not None:
                    offer(hit)
        # facts move a score by +0.06 at most: hits further below the line cannot alert, and need no look-up
        hits = [self._refine(h, facts) for h in best.values() if h.score >= self.threshold - 0.07]
        hits = [h for h in hits if h.score >= self.threshold or (dismissed and h.conflicts)]
        hits.sort(key=lambda h: (-h.score, not h.exact, h.ref))
        return hits

    def _score(
        self,
        reading: NormName,
        qw: Sequence[float],
        row: NameRow,
        cache: dict[tuple[str, str], float],
        kind: str | None,
    ) -> Hit | None:
        q, c = reading.tokens, row.tokens
        unseen = [not self.index.df(t) and len(t) > 1 for t in q]
        al = align(self.index, q, qw, c, cache, reading.abjad, unseen)
        score = al.score
        notes = []
        concat = _concat_similarity(q, c, reading.abjad)
        if concat >= 0.9 and 0.97 * concat > score:
            score = 0.97 * concat
            notes.append(f"spelling {concat:.2f} similar ignoring spaces")
            al.distinctive = (
                al.distinctive or sum(self.index.weight(t) for t in c if t not in GENERIC_WORDS) >= 0.3
            )
        if (
            reading.syllabic
            and concat < 0.97
            and len({a for a, _, sim in al.pairs if sim >= 0.9}) < len(set(q))
        ):
            # a Han or Hangul syllable has one reading: a name with a syllable that matches nothing
            # (CHENG ZHU against CHEN ZHU) is another name
            score = min(score, self.threshold - 0.05)
            notes.append("a syllable of the query matches no listed syllable")
        evidence = self._evidence(al)
        same_name = concat >= 0.9 or _all_paired(al, q, c, 0.9)
        # a name with a part missing (RUIZ PEREZ, Leonardo for Leonardo Ruiz) needs rarer matching parts
        needed = _EVIDENCE_MIN + (_MISSING_EVIDENCE if al.missing else 0.0)
        if not al.distinctive or (evidence < needed and not same_name):
            # generic words (DIAMOND, TRADING, DMCC...), initials and words common in the world (ALPHA,
            # CROWN, VENUS, ALI) never decide a match alone
            score = min(score, self.threshold - 0.15)
            if al.distinctive:
                notes.append(f"only common words match (evidence {evidence:.2f})")
        elif (
            score < self.threshold
            and kind != "person"
            and opens_with_listed_name(al, q, c)
            and self.index.meta(row.ref).kind in ("organization", "unknown")
        ):
            score = self.threshold + 0.01
            notes.append("every distinctive listed token appears in the query: possible related party")
        if score < self.threshold - 0.2:
            return None
        matched = ", ".join(f"{a}={b}" if a == b else f"{a}~{b} {s:.2f}" for a, b, s in al.pairs)
        why = f"'{row.alias}' tokens [{matched}]"
        if notes:
            why += "; " + "; ".join(notes)
        score = min(score, 0.99)
        return Hit(row.ref, row, score, False, why, weak=not row.strong, raw_score=score)

    def is_common_person_name(self, tokens: Sequence[str]) -> bool:
        """Every part is common in the world, or borne by many listed people (EBRAHIMI, REZAEI, KHAN)."""
        shared = max(_SHARED_SURNAME, self.index.entry_count // 10_000)
        parts = [t for t in tokens if len(t) > 1]
        return bool(parts) and all(is_common_part(t) or self.index.df(t) >= shared for t in parts)

    def _evidence(self, al: _Alignment) -> float:
        """How much the matched tokens say about identity: the rarity in the world of each matched token."""
        return sum(
            min(world_factor(a), world_factor(b))
            for a, b, s in al.pairs
            if s >= 0.8 and len(b) > 1 and b not in GENERIC_WORDS and self.index.weight(b) >= 0.1
        )

    def _refine(self, hit: Hit, facts: QueryFacts) -> Hit:
        """Birth year and country move a name match; a conflicting birth year dismisses it."""
        meta = self.index.meta(hit.ref)
        score = hit.score
        notes: list[str] = []
        good: list[str] = []
        bad: list[str] = []
        if facts.birth_year and meta.years and meta.kind in ("person", "unknown"):
            gap = min(abs(facts.birth_year - y) for y in meta.years)
            listed = ", ".join(str(y) for y in sorted(meta.years))
            if gap == 0:
                score += 0.04
                good.append(f"birth year {facts.birth_year} matches")
            elif gap == 1:
                score -= 0.04
                notes.append(f"birth year {facts.birth_year} one year from listed {listed}")
            else:
                bad.append(f"birth year {facts.birth_year}, listed {listed}")
        for label, code in (("country", facts.country), ("nationality", facts.nationality)):
            if not code or not meta.countries:
                continue
            if code.upper() in meta.countries:
                score += 0.02
                good.append(f"{label} {code.upper()} listed")
            else:
                score -= 0.05
                notes.append(f"{label} {code.upper()} not among listed {', '.join(sorted(meta.countries))}")
        if hit.identifier is not None:
            score = hit.score  # an equal identifier is not weakened by a country
        if bad:
            score = min(score - 0.12, self.threshold - 0.05)
        score = min(score, 1.0 if hit.exact else 0.99)
        parts = [hit.why, *notes, *(f"{g}" for g in good), *(f"conflict: {b}" for b in bad)]
        return Hit(
            hit.ref,
            hit.row,
            round(score, 4),
            hit.exact,
            "; ".join(parts),
            hit.weak,
            hit.identifier,
            tuple(good),
            tuple(bad),
            hit.raw_score,
        )


def _exact_why(reading: NormName, row: NameRow) -> str:
    how = f"'{row.alias}' equals the query after normalisation ({' '.join(reading.tokens)})"
    if reading.stripped:
        how += f"; legal form/title {' '.join(reading.stripped)} ignored"
    if reading.scheme != "bgn":
        how += f"; Cyrillic read in the {reading.scheme} scheme"
    return how
