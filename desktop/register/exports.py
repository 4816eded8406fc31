"""Exports: the whole register as JSON or CSV, and the yearly WDC System of Warranties reconciliation."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.fileio import write_atomic
from desktop.register import queries
from desktop.register.schema import current_version

EXPORT_FORMAT = "clearstone.register-export/1"
RECEIVED_KINDS = ("import", "purchase")
ISSUED_KINDS = ("sale", "export")
# End of the WDC transition from the 2002 to the 2021 statement (regulations brief, section 3).
SOW_2002_ACCEPTED_UNTIL = {"rough": date(2024, 9, 21), "other": date(2026, 9, 21)}

RECONCILIATION_COLUMNS = (
    "direction",
    "date",
    "lot_id",
    "counterparty",
    "country",
    "invoice_number",
    "invoice_date",
    "sow_statement",
    "sow_id",
    "category",
    "lab_grown",
    "carats",
    "value",
    "currency",
    "attestation",
    "assessment_id",
    "note",
)


def write_atomically(path: Path, text: str) -> None:
    """A half-written export never replaces a good one."""
    write_atomic(Path(path), text)


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def export_document(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every record and the full audit log, so the chain can be recomputed outside Clearstone."""
    assessments = _rows(
        conn,
        "SELECT id, lot_id, lot_record, verdict, assessed_at, sha256, rule_pack_id,"
        " rule_pack_version, rule_pack_sha256, lists, json FROM assessments ORDER BY id",
    )
    for item in assessments:
        item["lists"] = json.loads(item["lists"])
        item["assessment"] = json.loads(item.pop("json"))
    lots = _rows(conn, "SELECT id, lot_id, version, saved_at, sha256, json FROM lots ORDER BY id")
    for item in lots:
        item["lot"] = json.loads(item.pop("json"))
    decisions = _rows(conn, "SELECT id, kind, assessment_id, decided_at, json FROM decisions ORDER BY id")
    for item in decisions:
        item["decision"] = json.loads(item.pop("json"))
    runs = _rows(conn, "SELECT id, run_at, since, assessments, parties, json FROM rescreen_runs ORDER BY id")
    for item in runs:
        item["changes"] = json.loads(item.pop("json"))["changes"]
    audit = _rows(
        conn, "SELECT seq, at, kind, ref, payload_sha256, prev_hash, hash FROM audit_log ORDER BY seq"
    )
    return {
        "format": EXPORT_FORMAT,
        "schema_version": current_version(conn),
        "settings": {r["key"]: r["value"] for r in _rows(conn, "SELECT key, value FROM settings")},
        "lots": lots,
        "assessments": assessments,
        "decisions": decisions,
        "evidence_files": _rows(
            conn, "SELECT sha256, name, size, added_at FROM evidence_files ORDER BY added_at"
        ),
        "attestations": _rows(
            conn,
            "SELECT number, year, assessment_id, pdf_sha256, length(pdf) AS pdf_bytes, issued_at"
            " FROM attestations ORDER BY year, seq",
        ),
        "rescreen_runs": runs,
        "audit_log": audit,
    }


def export_json(conn: sqlite3.Connection, path: Path) -> None:
    write_atomically(path, json.dumps(export_document(conn), ensure_ascii=False, indent=2) + "\n")


def _csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def export_csv(conn: sqlite3.Connection, path: Path) -> None:
    """One line per record (the `register list` view), for spreadsheets."""
    rows = [r.to_json() for r in queries.list_records(conn)]
    write_atomically(path, _csv(("ref", "kind", "at", "lot_id", "summary", "sha256"), rows))


def _latest_lots(conn: sqlite3.Connection) -> dict[str, tuple[dict[str, Any], int | None]]:
    """The last recorded version of every lot (saved or assessed), with the assessment it came from."""
    versions: list[tuple[str, int, dict[str, Any], int | None]] = []
    for saved_at, text in conn.execute("SELECT saved_at, json FROM lots"):
        versions.append((saved_at, 0, json.loads(text), None))
    for assessed_at, assessment_id, text in conn.execute("SELECT assessed_at, id, json FROM assessments"):
        versions.append((assessed_at, 1, json.loads(text)["lot"], int(assessment_id)))
    latest: dict[str, tuple[dict[str, Any], int | None]] = {}
    for _, _, lot, assessment_id in sorted(versions, key=lambda v: (v[0], v[1])):
        latest[lot["lot_id"]] = (lot, assessment_id)
    return latest


def _line(
    direction: str, lot: dict[str, Any], on: str, attestation: str, assessment_id: int | None
) -> dict[str, Any]:
    deal = lot["transaction"]
    invoice = deal.get("invoice") or {}
    value = deal.get("value") or {}
    goods = lot["goods"]
    statement = invoice.get("sow_statement")
    note = ""
    if goods.get("lab_grown"):
        note = "lab-grown: the SoW warrants natural diamonds only"
    elif not statement:
        note = "no SoW warranty statement on the invoice"
    elif statement == "2002":
        cutoff = SOW_2002_ACCEPTED_UNTIL["rough" if goods["category"] == "rough" else "other"]
        when = invoice.get("date") or deal["date"]
        if date.fromisoformat(when) > cutoff:
            note = f"original (2002) statement after its transition ended on {cutoff.isoformat()}"
    elif not invoice.get("sow_id"):
        note = "2021 statement without the seller's SoW ID"
    return {
        "direction": direction,
        "date": on,
        "lot_id": lot["lot_id"],
        "counterparty": lot["counterparty"]["name"],
        "country": lot["counterparty"].get("country") or "",
        "invoice_number": invoice.get("number") or "",
        "invoice_date": invoice.get("date") or "",
        "sow_statement": statement or "",
        "sow_id": invoice.get("sow_id") or "",
        "category": goods["category"],
        "lab_grown": "yes" if goods.get("lab_grown") else "no",
        "carats": goods.get("total_carats") or "",
        "value": value.get("amount", ""),
        "currency": value.get("currency", ""),
        "attestation": attestation,
        "assessment_id": assessment_id or "",
        "note": note,
    }


def reconciliation(conn: sqlite3.Connection, year: int) -> list[dict[str, Any]]:
    """Warranties received on purchases and issued on sales and attestations in `year`, then totals."""
    lines: list[dict[str, Any]] = []
    attested_lots: set[str] = set()
    for lot, _ in _latest_lots(conn).values():
        deal = lot["transaction"]
        if deal["kind"] in RECEIVED_KINDS and deal["date"].startswith(f"{year:04d}-"):
            lines.append(_line("received", lot, deal["date"], "", None))
    for number, issued_at, assessment_id, text in conn.execute(
        "SELECT t.number, t.issued_at, t.assessment_id, a.json FROM attestations t"
        " JOIN assessments a ON a.id = t.assessment_id WHERE t.year = ? ORDER BY t.seq",
        (year,),
    ):
        lot = json.loads(text)["lot"]
        attested_lots.add(lot["lot_id"])
        lines.append(_line("issued", lot, issued_at[:10], number, int(assessment_id)))
    for lot, assessment_id in _latest_lots(conn).values():
        deal = lot["transaction"]
        if (
            deal["kind"] in ISSUED_KINDS
            and deal["date"].startswith(f"{year:04d}-")
            and lot["lot_id"] not in attested_lots
        ):
            lines.append(_line("issued", lot, deal["date"], "", assessment_id))
    lines.sort(key=lambda line: (line["direction"] != "received", line["date"], line["lot_id"]))
    return lines + _totals(lines)


def _totals(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Warranted carats in and out per category and overall; overall more out than in is flagged.

    Only the overall figure is judged: rough bought and cut is sold as polished, lighter than it came in.
    """
    sums: dict[tuple[str, str], Decimal] = {}
    for line in lines:
        if line["sow_statement"] and line["lab_grown"] == "no" and line["carats"]:
            for category in (line["category"], "all"):
                key = (line["direction"], category)
                sums[key] = sums.get(key, Decimal(0)) + Decimal(line["carats"])
    totals = []
    categories = [*sorted({c for _, c in sums} - {"all"}), "all"]
    for category in categories:
        received = sums.get(("received", category), Decimal(0))
        issued = sums.get(("issued", category), Decimal(0))
        for direction, amount in (("total_received", received), ("total_issued", issued)):
            note = ""
            if category == "all" and direction == "total_issued" and issued > received:
                note = "more carats warranted out than in: each issued warranty must be backed by warranties received"
            totals.append(
                {
                    **dict.fromkeys(RECONCILIATION_COLUMNS, ""),
                    "direction": direction,
                    "category": category,
                    "carats": format(amount, "f"),
                    "note": note,
                }
            )
    return totals


def export_reconciliation(conn: sqlite3.Connection, year: int, path: Path) -> int:
    lines = reconciliation(conn, year)
    write_atomically(path, _csv(RECONCILIATION_COLUMNS, lines))
    return len(lines)
