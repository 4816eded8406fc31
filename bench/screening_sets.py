"""Evaluation sets built at run time from ../shared/sanctions-data (never copied into the repository).

Each set is a list of queries with the entry they should find (None for negatives) and a split: `dev`
(used while designing the matcher) or `test` (held out, only reported). The split is by the expected
entry's id (or the row number for negatives), so every name of one entity falls on the same side.

- `ofac_spelling`, `ofac_parts`, `ofac_different`, `ofac_acronym`: real OFAC SDN aliases (alt.csv of
  the July 2021 set) as queries against a store of OFAC primary names only, split by how the alias
  relates to the primary name (see `classify`).
- `cross_list`: the UN, EU and OpenSanctions spellings of entities OFAC also lists, linked to the OFAC
  entry by an equal identifier or a unique full date of birth plus a shared country (never by name),
  against the whole OFAC 2021 list; names OFAC already carries exactly are left out.
- `original_script`: UN names in their original script against the UN list with every non-Latin name
  removed.
- `negatives`: bench/data/negatives_counterparties.csv (authored for Clearstone), all official lists.
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.screening.importers import ParsedList, read_path
from desktop.screening.model import Entry
from desktop.screening.normalize import identifier_keys, raw_tokens, strip_edges
from desktop.screening.types import PartyQuery

HERE = Path(__file__).resolve().parent
NEGATIVES = HERE / "data" / "negatives_counterparties.csv"


@dataclass
class Query:
    query: PartyQuery
    expected: tuple[str, str] | None  # (list id, entry id); None: nothing should alert
    split: str
    category: str = ""


@dataclass
class EvalSet:
    name: str
    store: str  # key of the store it runs against
    queries: list[Query] = field(default_factory=list)


def split_of(key: str) -> str:
    """A stable two-way split: about a third dev, two thirds test."""
    return "dev" if zlib.crc32(key.encode()) % 3 == 0 else "test"


def _tokens(text: str, kind: str | None) -> list[str]:
    return strip_edges(raw_tokens(text), kind)[0]


def _sim(a: str, b: str) -> float:
    from rapidfuzz.distance import Indel

    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.8 if a[0] == b[0] else 0.0
    return float(Indel.normalized_similarity(a, b))


def _paired(a: list[str], b: list[str], floor: float = 0.6) -> int:
    """How many tokens of `a` pair one to one with a token of `b` at similarity >= floor."""
    pairs = sorted(((_sim(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for s, i, j in pairs:
        if s < floor:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


def classify(primary: str, alias: str, kind: str | None) -> str:
    """How an alias relates to its primary name, from the tokens alone (no matcher involved).

    same: equal token multisets; acronym: one short token made of initials; spelling: every token pairs
    with a similar one (Indel >= 0.6) and the counts are equal; parts: every token of the shorter name
    pairs and the longer has more; different: anything else.
    """
    p, a = _tokens(primary, kind), _tokens(alias, kind)
    if not p or not a:
        return "different"
    if sorted(p) == sorted(a):
        return "same"
    if len(a) == 1 and len(a[0]) <= 6 and len(p) >= 2:
        initials = "".join(t[0] for t in p)
        if all(ch in initials for ch in a[0]):
            return "acronym"
    n = _paired(a, p)
    if n == len(a) == len(p):
        return "spelling"
    if n == min(len(a), len(p)) and len(a) != len(p):
        return "parts"
    return "different"


def _kind(entry: Entry) -> str | None:
    return entry.kind if entry.kind in ("person", "organization") else None


def primaries_only(parsed: ParsedList) -> ParsedList:
    entries = [e.model_copy(update={"aliases": []}) for e in parsed.entries]
    return ParsedList(**{**parsed.__dict__, "entries": entries})


def _non_latin(text: str) -> bool:
    """Letters of a script other than Latin (accents and curly quotes do not count)."""
    return any(ch.isalpha() and ord(ch) > 0x24F and not 0x1E00 <= ord(ch) <= 0x1EFF for ch in text)


def latin_only(parsed: ParsedList) -> ParsedList:
    entries = [
        e.model_copy(update={"aliases": [a for a in e.aliases if not _non_latin(a.name)]})
        for e in parsed.entries
    ]
    return ParsedList(**{**parsed.__dict__, "entries": entries})


def ofac_alias_sets(ofac: ParsedList) -> list[EvalSet]:
    sets = {c: EvalSet(f"ofac_{c}", "ofac_primaries") for c in ("spelling", "parts", "different", "acronym")}
    for e in ofac.entries:
        kind = _kind(e)
        for alias in e.aliases:
            category = classify(e.name, alias.name, kind)
            if category in sets:
                sets[category].queries.append(
                    Query(
                        PartyQuery(name=alias.name, kind=kind), ("OFAC-SDN", e.id), split_of(e.id), category
                    )
                )
    return list(sets.values())


def _norm_keys(entry: Entry) -> set[str]:
    from desktop.screening.normalize import normalise

    return {n.key for text, _ in entry.all_names() for n in normalise(text, _kind(entry))}


def cross_list_set(ofac: ParsedList, others: Iterable[ParsedList]) -> EvalSet:
    by_ident: dict[str, set[str]] = {}
    by_dob: dict[str, set[str]] = {}
    for e in ofac.entries:
        for i in e.identifiers:
            for k in identifier_keys(i.value):
                by_ident.setdefault(k, set()).add(e.id)
        for d in e.birth_dates:
            if len(d) == 10:
                by_dob.setdefault(d, set()).add(e.id)
    ofac_by_id = {e.id: e for e in ofac.entries}
    out = EvalSet("cross_list", "ofac_full")
    for other in others:
        for e in other.entries:
            linked = {o for i in e.identifiers for k in identifier_keys(i.value) for o in by_ident.get(k, ())}
            if not linked:
                for d in e.birth_dates:
                    same_day = by_dob.get(d, set()) if len(d) == 10 else set()
                    if len(same_day) == 1:
                        (cand,) = same_day
                        if set(ofac_by_id[cand].countries) & set(e.countries):
                            linked.add(cand)
            if len(linked) != 1:
                continue
            (target,) = linked
            known = _norm_keys(ofac_by_id[target])
            kind = _kind(e)
            from desktop.screening.normalize import normalise

            for text, strong in e.all_names():
                readings = normalise(text, kind)
                if not strong or not readings or _non_latin(text):
                    continue
                if any(r.key in known for r in readings):
                    continue  # OFAC spells it exactly so: not a variation
                out.queries.append(
                    Query(PartyQuery(name=text, kind=kind), ("OFAC-SDN", target), split_of(target), other.id)
                )
    return out


def original_script_set(un: ParsedList) -> EvalSet:
    out = EvalSet("original_script", "un_latin")
    for e in un.entries:
        for alias in e.aliases:
            if alias.kind == "original-script" or _non_latin(alias.name):
                out.queries.append(
                    Query(PartyQuery(name=alias.name, kind=_kind(e)), ("UN", e.id), split_of(e.id), "UN")
                )
    return out


def negative_set() -> EvalSet:
    out = EvalSet("negatives", "all_official")
    with NEGATIVES.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            kind = row["kind"] or None
            q = PartyQuery(name=row["name"], kind=kind, country=row["country"] or None)
            out.queries.append(Query(q, None, "dev" if n % 3 == 0 else "test", row["category"]))
    return out


@dataclass
class Data:
    ofac: ParsedList
    stores: dict[str, list[ParsedList]]
    sets: list[EvalSet]


def load(shared: Path) -> Data:
    data = shared / "sanctions-data"
    ofac = read_path(data / "ofac/sdn-2021-07")[0]
    un = read_path(data / "un/UN_consolidated_2026-02-27.xml")[0]
    eu = read_path(data / "eu/eu_fsf_excerpt_2026-08-05.xml")[0]
    uk = read_path(data / "uk/uk_sanctions_list_excerpt_2026-09-10.xml")[0]
    ofac25 = read_path(data / "ofac/sdn-aliases-addresses-2025-12")[0]
    cons = read_path(data / "ofac/consolidated-non-sdn-2025-12")[0]
    ftm = [
        read_path(data / "opensanctions-ftm" / f)[0]
        for f in ("yente_t1_eu_fsf_sample.ftm.json", "yente_zala_cluster.ftm.json")
    ]
    stores = {
        "ofac_primaries": [primaries_only(ofac)],
        "ofac_full": [ofac],
        "un_latin": [latin_only(un)],
        "all_official": [ofac, ofac25, cons, un, eu, uk],
        "un_regression": [un, ofac, ofac25],  # the lists the matcher was first tuned with
    }
    sets = [*ofac_alias_sets(ofac), cross_list_set(ofac, [un, eu, uk, *ftm]), original_script_set(un)]
    sets.append(negative_set())
    return Data(ofac, stores, sets)
