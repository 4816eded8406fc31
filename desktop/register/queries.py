"""Reading the register back: record listings, text search and the full detail of one record."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from desktop.register.chain import sha256_text
from desktop.register.errors import RecordNotFoundError
from desktop.register.models import RecordKind, RecordSummary

Row = tuple[Any, ...]


@dataclass(frozen=True)
class _Listing:
    select: str  # columns: ref key, at, lot_id, then what `summary` needs
    search: str  # a WHERE clause with one `?` for the LIKE pattern
    summary: Callable[[Row], tuple[str, str]]  # -> (summary, sha256)


def _decision_summary(row: Row) -> tuple[str, str]:
    kind, subject, outcome, who, text = row[3:8]
    label = "screening decision" if kind == "screening" else "review resolution"
    return f"{label}: {subject} -> {outcome} by {who}", sha256_text(text)


def _rescreen_summary(row: Row) -> tuple[str, str]:
    changes = json.loads(row[5])["changes"]
    head = f"re-screening of {row[3]} assessments ({row[4]} parties): "
    if not changes:
        return head + "no outcome changed", sha256_text(row[5])
    more = f" (and {len(changes) - 1} more)" if len(changes) > 1 else ""
    return head + changes[0]["message"] + more, sha256_text(row[5])


_LISTINGS: dict[RecordKind, _Listing] = {
    RecordKind.LOT: _Listing(
        "SELECT id, saved_at, lot_id, version, sha256 FROM lots",
        "lot_id LIKE ? ESCAPE '\\'",
        lambda r: (f"lot {r[2]} version {r[3]}", r[4]),
    ),
    RecordKind.ASSESSMENT: _Listing(
        "SELECT id, assessed_at, lot_id, verdict, rule_pack_id, rule_pack_version, sha256 FROM assessments",
        "search_text LIKE ? ESCAPE '\\'",
        lambda r: (f"assessment: {r[3]} (rules {r[4]} {r[5]})", r[6]),
    ),
    RecordKind.DECISION: _Listing(
        "SELECT d.id, d.decided_at, a.lot_id, d.kind, d.subject, d.outcome, d.decided_by, d.json"
        " FROM decisions d LEFT JOIN assessments a ON a.id = d.assessment_id",
        "(d.subject LIKE ?1 ESCAPE '\\' OR d.reason LIKE ?1 ESCAPE '\\')",
        _decision_summary,
    ),
    RecordKind.EVIDENCE: _Listing(
        "SELECT sha256, added_at, NULL, name, size, sha256 FROM evidence_files",
        "name LIKE ? ESCAPE '\\'",
        lambda r: (f"evidence file {r[3]} ({r[4]:,} bytes)", r[5]),
    ),
    RecordKind.ATTESTATION: _Listing(
        "SELECT t.number, t.issued_at, a.lot_id, t.assessment_id, t.pdf_sha256"
        " FROM attestations t JOIN assessments a ON a.id = t.assessment_id",
        "(t.number LIKE ?1 ESCAPE '\\' OR a.search_text LIKE ?1 ESCAPE '\\')",
        lambda r: (f"attestation for assessment {r[3]}", r[4]),
    ),
    RecordKind.RESCREEN: _Listing(
        "SELECT id, run_at, NULL, assessments, parties, json FROM rescreen_runs",
        "json LIKE ? ESCAPE '\\'",
        _rescreen_summary,
    ),
    RecordKind.RESTORE: _Listing(
        "SELECT id, restored_at, NULL, source, forced, reason, backup_head, json FROM restores",
        "(source LIKE ?1 ESCAPE '\\' OR reason LIKE ?1 ESCAPE '\\')",
        lambda r: (
            f"restored from {r[3]} (head {r[6][:24]})" + (f"; rollback forced: {r[5]}" if r[4] else ""),
            sha256_text(r[7]),
        ),
    ),
    RecordKind.DRAFT: _Listing(
        "SELECT id, saved_at, NULL, key, json FROM drafts",
        "key LIKE ? ESCAPE '\\'",
        lambda r: (f"draft {r[3]}" + (" (discarded)" if r[4] is None else ""), sha256_text(r[4] or "")),
    ),
}

# Drafts are wizard state, not compliance records: listed only when asked for.
DEFAULT_KINDS = tuple(k for k in RecordKind if k is not RecordKind.DRAFT)


def _summaries(kind: RecordKind, rows: Iterable[Row]) -> list[RecordSummary]:
    listing = _LISTINGS[kind]
    found = []
    for row in rows:
        summary, digest = listing.summary(row)
        found.append(RecordSummary(f"{kind.value}:{row[0]}", kind, str(row[1]), row[2], summary, digest))
    return found


def _newest_first(records: list[RecordSummary], limit: int | None) -> list[RecordSummary]:
    records.sort(key=lambda r: (r.at, r.ref), reverse=True)
    return records[:limit] if limit is not None else records


def list_records(
    conn: sqlite3.Connection,
    kinds: Iterable[RecordKind] | None = None,
    *,
    lot_id: str | None = None,
    limit: int | None = None,
) -> list[RecordSummary]:
    records: list[RecordSummary] = []
    # Each kind's newest `limit` rows suffice for the merged newest `limit` (the GUI asks for a handful).
    tail = " ORDER BY 2 DESC LIMIT ?" if limit is not None and lot_id is None else ""
    params = (limit,) if tail else ()
    for kind in kinds or DEFAULT_KINDS:
        listing = _LISTINGS[kind]
        records.extend(_summaries(kind, conn.execute(listing.select + tail, params)))
    if lot_id is not None:
        records = [r for r in records if r.lot_id == lot_id]
    return _newest_first(records, limit)


def _like(text: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", text.casefold().strip()) + "%"


def search(conn: sqlite3.Connection, text: str, *, limit: int | None = None) -> list[RecordSummary]:
    """Records whose names, references or numbers contain `text` (case-insensitive)."""
    if not text.strip():
        return []
    pattern = _like(text)
    records: list[RecordSummary] = []
    for kind in DEFAULT_KINDS:
        listing = _LISTINGS[kind]
        records.extend(_summaries(kind, conn.execute(f"{listing.select} WHERE {listing.search}", (pattern,))))
    return _newest_first(records, limit)


def resolve_ref(text: str) -> str:
    """Accept `assessment:17`, a bare assessment id `17`, or an attestation number `CS-2026-000001`."""
    value = text.strip()
    if value.isdigit():
        return f"assessment:{value}"
    if re.fullmatch(r"CS-\d{4}-\d{6}", value):
        return f"attestation:{value}"
    kind, sep, key = value.partition(":")
    if not sep or kind not in {k.value for k in RecordKind} or not key:
        raise RecordNotFoundError(
            f"{text!r} is not a record reference (use e.g. 17, CS-2026-000001 or lot:3, decision:5)"
        )
    return value


def _one(conn: sqlite3.Connection, sql: str, key: str, ref: str) -> dict[str, Any]:
    cursor = conn.execute(sql, (key,))
    row = cursor.fetchone()
    if row is None:
        raise RecordNotFoundError(f"{ref}: no such record in the register")
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def show(conn: sqlite3.Connection, text: str) -> dict[str, Any]:
    """Everything the register holds about one record, with its audit entries; PDFs by hash, not bytes."""
    ref = resolve_ref(text)
    kind, _, key = ref.partition(":")
    detail: dict[str, Any]
    if kind == "assessment":
        detail = _one(
            conn,
            "SELECT id, lot_id, lot_record, verdict, assessed_at, sha256, json FROM assessments WHERE id = ?",
            key,
            ref,
        )
        detail["assessment"] = json.loads(detail.pop("json"))
        detail["attestations"] = [
            r[0]
            for r in conn.execute(
                "SELECT number FROM attestations WHERE assessment_id = ? ORDER BY year, seq", (key,)
            )
        ]
        detail["decisions"] = [
            r[0] for r in conn.execute("SELECT id FROM decisions WHERE assessment_id = ? ORDER BY id", (key,))
        ]
    elif kind == "attestation":
        detail = _one(
            conn,
            "SELECT number, year, assessment_id, pdf_sha256, length(pdf) AS pdf_bytes, issued_at"
            " FROM attestations WHERE number = ?",
            key,
            ref,
        )
    elif kind == "lot":
        detail = _one(
            conn, "SELECT id, lot_id, version, saved_at, sha256, json FROM lots WHERE id = ?", key, ref
        )
        detail["lot"] = json.loads(detail.pop("json"))
    elif kind == "decision":
        detail = _one(
            conn, "SELECT id, kind, assessment_id, decided_at, json FROM decisions WHERE id = ?", key, ref
        )
        detail["decision"] = json.loads(detail.pop("json"))
    elif kind == "evidence":
        detail = _one(
            conn, "SELECT sha256, name, size, added_at FROM evidence_files WHERE sha256 = ?", key, ref
        )
    elif kind == "rescreen":
        detail = _one(
            conn,
            "SELECT id, run_at, since, assessments, parties, json FROM rescreen_runs WHERE id = ?",
            key,
            ref,
        )
        detail["changes"] = json.loads(detail.pop("json"))["changes"]
    elif kind == "restore":
        detail = _one(
            conn,
            "SELECT id, restored_at, source, forced, reason, backup_head, replaced_head, json FROM restores"
            " WHERE id = ?",
            key,
            ref,
        )
        detail["details"] = json.loads(detail.pop("json"))
    else:
        detail = _one(conn, "SELECT id, key, saved_at, json FROM drafts WHERE id = ?", key, ref)
    detail["ref"] = ref
    detail["audit"] = [
        {"seq": r[0], "at": r[1], "kind": r[2], "hash": r[3]}
        for r in conn.execute("SELECT seq, at, kind, hash FROM audit_log WHERE ref = ? ORDER BY seq", (ref,))
    ]
    return detail
