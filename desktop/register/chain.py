"""The audit chain: every write appends a hash-linked entry; `verify` recomputes it and the records."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.register.models import ChainProblem, ChainReport
from desktop.register.search import search_text

GENESIS = "0" * 64


def canonical(document: Any) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Payload:
    """Which row a record kind lives in and which of its columns the audit entry vouches for."""

    table: str
    key: str
    # Only columns that existed when the kind was introduced: a later migration may add derived
    # columns, but never changes what an old entry's payload hash covered.
    columns: tuple[str, ...]


PAYLOADS: dict[str, Payload] = {
    "schema": Payload("schema_version", "version", ("version", "description", "applied_at")),
    "setting": Payload("settings", "key", ("key", "value", "changed_at")),
    "lot": Payload("lots", "id", ("id", "lot_id", "version", "saved_at", "json", "sha256")),
    "assessment": Payload(
        "assessments",
        "id",
        (
            "id",
            "lot_id",
            "lot_record",
            "verdict",
            "assessed_at",
            "json",
            "sha256",
            "rule_pack_id",
            "rule_pack_version",
            "rule_pack_sha256",
            "lists",
        ),
    ),
    "decision": Payload(
        "decisions",
        "id",
        ("id", "kind", "assessment_id", "subject", "outcome", "reason", "decided_by", "decided_at", "json"),
    ),
    "evidence": Payload("evidence_files", "sha256", ("sha256", "name", "size", "added_at")),
    "attestation": Payload(
        "attestations", "number", ("number", "year", "seq", "assessment_id", "pdf_sha256", "pdf", "issued_at")
    ),
    "draft": Payload("drafts", "id", ("id", "key", "saved_at", "json")),
    "rescreen": Payload("rescreen_runs", "id", ("id", "run_at", "since", "assessments", "parties", "json")),
    "restore": Payload(
        "restores",
        "id",
        ("id", "restored_at", "source", "forced", "reason", "backup_head", "replaced_head", "json"),
    ),
    "skip": Payload("number_skips", "id", ("id", "year", "first", "last", "skipped_at", "reason")),
}


def _digest(value: Any) -> Any:
    if isinstance(value, str):
        return hashlib.sha256(value.encode("utf-8")).hexdigest()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return value  # integers and NULL enter as they are


def row_sha256(payload: Payload, row: tuple[Any, ...]) -> str:
    """Hash of a record's vouched-for columns; each text or blob enters as its own SHA-256 (cheap, exact)."""
    values = {column: _digest(value) for column, value in zip(payload.columns, row, strict=True)}
    return sha256_text(canonical(values))


def entry_hash(seq: int, at: str, kind: str, ref: str, payload_sha256: str, prev_hash: str) -> str:
    return sha256_text(
        canonical(
            {
                "seq": seq,
                "at": at,
                "kind": kind,
                "ref": ref,
                "payload_sha256": payload_sha256,
                "prev_hash": prev_hash,
            }
        )
    )


def append_entry(conn: sqlite3.Connection, *, at: str, kind: str, ref: str, payload_sha256: str) -> int:
    """Append one entry; the caller holds the write transaction that also wrote the record."""
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
    digest = entry_hash(seq, at, kind, ref, payload_sha256, prev)
    conn.execute(
        "INSERT INTO audit_log (seq, at, kind, ref, payload_sha256, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, at, kind, ref, payload_sha256, prev, digest),
    )
    if _has_head(conn):  # absent only while the steps before schema 4 run
        conn.execute(
            "INSERT INTO chain_head (id, seq, hash) VALUES (1, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            (seq, digest),
        )
    return seq


def _has_head(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_head'").fetchone()
    )


def _check_head(
    conn: sqlite3.Connection, last_seq: int, last_hash: str, problems: list[ChainProblem]
) -> None:
    """Compare the log's last entry with the separately kept head: entries cut off the end show up here."""
    if not _has_head(conn):
        return
    head = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
    if head is None:
        if last_seq:
            problems.append(ChainProblem(last_seq, "the chain head is missing: it was deleted"))
        return
    seq, digest = int(head[0]), str(head[1])
    if seq > last_seq:
        gone = f"entries {last_seq + 1}-{seq} are" if seq > last_seq + 1 else f"entry {seq} is"
        problems.append(ChainProblem(last_seq + 1, f"{gone} missing: deleted from the end of the log"))
    elif seq < last_seq:
        problems.append(
            ChainProblem(seq + 1, "entries after the chain head were added behind the app's back")
        )
    elif digest != last_hash:
        problems.append(ChainProblem(seq, "altered: it does not match the chain head"))


def log_record(conn: sqlite3.Connection, kind: str, key: object, at: str) -> int:
    """Append the entry vouching for the record just written, hashing the row as stored."""
    payload = PAYLOADS[kind]
    row = conn.execute(
        f"SELECT {', '.join(payload.columns)} FROM {payload.table} WHERE {payload.key} = ?", (key,)
    ).fetchone()
    if row is None:
        raise LookupError(f"{kind} {key} was not written")
    return append_entry(
        conn, at=at, kind=kind, ref=f"{kind}:{key}", payload_sha256=row_sha256(payload, tuple(row))
    )


def log_deletion(conn: sqlite3.Connection, ref: str, reason: str, at: str) -> int:
    return append_entry(
        conn,
        at=at,
        kind="delete",
        ref=ref,
        payload_sha256=sha256_text(canonical({"ref": ref, "reason": reason})),
    )


def _walk(
    conn: sqlite3.Connection, problems: list[ChainProblem]
) -> tuple[int, str, dict[str, tuple[int, str]]]:
    """Check links and hashes entry by entry; return count, head and the live records the log vouches for."""
    expected_seq, prev = 1, GENESIS
    vouched: dict[str, tuple[int, str]] = {}
    count = last_seq = 0
    for seq, at, kind, ref, payload_sha, prev_hash, digest in conn.execute(
        "SELECT seq, at, kind, ref, payload_sha256, prev_hash, hash FROM audit_log ORDER BY seq"
    ):
        count += 1
        # Each link is judged against its predecessor as stored, so one break is reported once.
        if seq != expected_seq:
            missing = (
                f"entries {expected_seq}-{seq - 1} are"
                if seq - 1 > expected_seq
                else f"entry {expected_seq} is"
            )
            problems.append(ChainProblem(expected_seq, f"{missing} missing: deleted from the log"))
        elif prev_hash != prev:
            problems.append(
                ChainProblem(seq, "does not follow the entry before it: entries reordered or replaced")
            )
        elif entry_hash(seq, at, kind, ref, payload_sha, prev_hash) != digest:
            problems.append(ChainProblem(seq, f"altered: its hash no longer matches ({kind} {ref})"))
        expected_seq, prev, last_seq = seq + 1, digest, seq
        if kind == "delete":
            vouched.pop(ref, None)
        else:
            vouched[ref] = (seq, payload_sha)
    _check_head(conn, last_seq, prev, problems)
    return count, prev, vouched


def _check_records(
    conn: sqlite3.Connection,
    vouched: dict[str, tuple[int, str]],
    evidence_dir: Path | None,
    problems: list[ChainProblem],
) -> None:
    """Re-hash every record row: changed, deleted or smuggled-in rows are named."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    seen: set[str] = set()
    for kind, payload in PAYLOADS.items():
        if payload.table not in tables:
            continue
        query = f"SELECT {', '.join(payload.columns)} FROM {payload.table}"
        for row in conn.execute(query):
            key = row[payload.columns.index(payload.key)]
            ref = f"{kind}:{key}"
            seen.add(ref)
            logged = vouched.get(ref)
            if logged is None:
                problems.append(
                    ChainProblem(
                        0,
                        f"{ref} has no audit entry: its entry was deleted or the row was added behind the log's back",
                    )
                )
            elif row_sha256(payload, tuple(row)) != logged[1]:
                problems.append(ChainProblem(logged[0], f"{ref} was changed after it was recorded"))
            elif kind == "attestation" and hashlib.sha256(row[5]).hexdigest() != row[4]:
                problems.append(ChainProblem(logged[0], f"{ref}: the stored PDF does not match its SHA-256"))
            elif kind == "evidence" and evidence_dir is not None:
                stored = evidence_dir / str(key)[:2] / str(key)
                if not stored.is_file():
                    problems.append(
                        ChainProblem(logged[0], f"{ref}: the evidence file is missing from {evidence_dir}")
                    )
                elif _file_sha256(stored) != key:
                    problems.append(ChainProblem(logged[0], f"{ref}: the evidence file was changed"))
    for ref, (seq, _) in vouched.items():
        if ref not in seen:
            problems.append(ChainProblem(seq, f"{ref} was deleted behind the log's back"))
    _check_search_column(conn, vouched, problems)


def _check_search_column(
    conn: sqlite3.Connection, vouched: dict[str, tuple[int, str]], problems: list[ChainProblem]
) -> None:
    """The search column is derived from the hashed JSON: recompute it, so no record is hidden from search."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(assessments)")}
    if "search_text" not in columns:
        return
    # Only the lot enters the search column: let SQLite cut it out rather than parse whole assessments.
    for row_id, text, stored in conn.execute(
        "SELECT id, CASE WHEN json_valid(json) THEN json_extract(json, '$.lot') END, search_text FROM assessments"
    ):
        if text is None:
            continue  # unreadable JSON: the row hash already names the record
        try:
            expected = search_text({"lot": json.loads(text)})
        except (ValueError, AttributeError, TypeError):
            continue  # unreadable JSON: the row hash already names the record
        if stored != expected:
            ref = f"assessment:{row_id}"
            problems.append(
                ChainProblem(
                    vouched.get(ref, (0, ""))[0],
                    f"{ref}: its search entry does not match its content (hidden from or planted in search)",
                )
            )


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_numbering(conn: sqlite3.Connection, problems: list[ChainProblem]) -> None:
    """Attestation numbers run 1..last each year; only a logged deletion may leave a hole."""
    deleted = {
        str(ref).partition(":")[2]
        for (ref,) in conn.execute(
            "SELECT ref FROM audit_log WHERE kind = 'delete' AND ref LIKE 'attestation:%'"
        )
    }
    counted = dict(conn.execute("SELECT year, last FROM attestation_counters").fetchall())
    # Numbers issued before a rollback and skipped since (so none is issued twice) are logged ranges.
    skipped: list[tuple[int, int, int]] = []
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'number_skips'").fetchone():
        skipped = [
            (int(y), int(a), int(b)) for y, a, b in conn.execute("SELECT year, first, last FROM number_skips")
        ]
    for (year,) in conn.execute("SELECT DISTINCT year FROM attestations ORDER BY year").fetchall():
        if year not in counted:
            problems.append(ChainProblem(0, f"the {year} attestation counter is missing"))
    for year, last in sorted(counted.items()):
        issued = {int(seq) for (seq,) in conn.execute("SELECT seq FROM attestations WHERE year = ?", (year,))}
        if issued and max(issued) > int(last):
            problems.append(ChainProblem(0, f"the {year} attestation counter is behind the numbers issued"))
        holes = [
            number
            for number in (f"CS-{year:04d}-{n:06d}" for n in range(1, int(last) + 1))
            if int(number[-6:]) not in issued
            and number not in deleted
            and not any(y == year and a <= int(number[-6:]) <= b for y, a, b in skipped)
        ]
        if holes:
            more = f" (and {len(holes) - 1} more)" if len(holes) > 1 else ""
            problems.append(
                ChainProblem(0, f"attestation number {holes[0]}{more} is missing: a gap in the numbering")
            )


def verify(conn: sqlite3.Connection, evidence_dir: Path | None = None) -> ChainReport:
    integrity = "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)"))
    problems: list[ChainProblem] = []
    count, head, vouched = _walk(conn, problems)
    _check_records(conn, vouched, evidence_dir, problems)
    _check_numbering(conn, problems)
    # Smuggled-in rows have no entry; sort them after every numbered entry.
    problems.sort(key=lambda p: (p.seq == 0, p.seq))
    return ChainReport(entries=count, head_hash=head, integrity=integrity, problems=problems)
