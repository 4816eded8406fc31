"""The Register: one SQLite file holding every lot, assessment, decision, attestation and draft."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop.assessment import Assessment
from desktop.fileio import create_private_file, fault_cause, fault_message, sqlite_fault
from desktop.lot import Lot
from desktop.register import chain, exports, opening, queries, retention
from desktop.register.clock import add_years, parse_iso, utc_iso
from desktop.register.errors import (
    NewerRegisterError,
    RecordNotFoundError,
    RegisterError,
    RegisterReadOnlyError,
    RegisterStorageError,
)
from desktop.register.evidence import FILE_NAME, evidence_dir_for, store_file
from desktop.register.models import (
    AttestationRecord,
    ChainProblem,
    ChainReport,
    Draft,
    RecordKind,
    RecordSummary,
    RescreenReport,
    RestoreOutcome,
    ReviewResolution,
)
from desktop.register.rescreen import Screen
from desktop.register.rescreen import plan as rescreen_plan
from desktop.register.schema import LATEST_VERSION, current_version, migrate
from desktop.register.search import search_text
from desktop.register.watermark import Watermark, raised, read_watermark, watermark_path, write_watermark
from desktop.screening.types import ScreeningDecision

log = logging.getLogger(__name__)

MAX_ATTESTATIONS_PER_YEAR = 999_999
MAX_EVIDENCE_BYTES = 200 * 1024 * 1024


class Register:
    """Crash-safe and tamper-evident: every write is one IMMEDIATE transaction that also appends to the chain."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        scratch: tempfile.TemporaryDirectory[str] | None = None,
        read_only_reason: str = "",
    ) -> None:
        self._conn = conn
        self._lock = threading.RLock()  # one connection, possibly shared by a GUI worker thread
        self.path = path
        self.evidence_dir = evidence_dir_for(path)
        self.watermark_path = watermark_path(path)
        self.read_only = read_only
        self._scratch = scratch  # a private copy read instead of a read-only original (see opening)
        self._read_only_reason = read_only_reason
        self._depth = 0  # nesting of _write() inside transaction()
        self._after_commit: list[Callable[[], None]] = []  # run once the outermost transaction committed

    # -- opening and closing ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, now: datetime | None = None, read_only: bool | None = None) -> Register:
        """Open (or create) the register at `path`; foreign, damaged or newer files are refused untouched.

        A register that cannot be written (a read-only disk or folder, an auditor's copy, a full disk) is opened
        read-only: everything can be read and verified, and a write raises RegisterReadOnlyError naming why.
        `read_only=True` asks for that mode, `False` refuses it (the error says why it cannot be written)."""
        target = Path(path)
        opening.check_file(target)
        automatic = read_only is None
        at = utc_iso(now or datetime.now(UTC))
        reason = f"its folder {target.parent} is read-only or not yours to write"
        if not (read_only or (automatic and not opening.is_writable(target))):
            try:
                return cls(cls._open_writable(target, at), target)
            except RegisterStorageError as exc:
                if not automatic or not target.is_file() or target.stat().st_size == 0:
                    raise
                reason = fault_cause(exc)  # a full disk: what is there can still be read
        conn, scratch = opening.connect_read_only(target)
        try:
            if scratch is not None:
                migrate(conn, at, {retention.SETTING: str(retention.MINIMUM_YEARS)})  # the private copy
            elif current_version(conn) > LATEST_VERSION:
                raise NewerRegisterError(
                    f"the register has schema version {current_version(conn)}, newer than this Clearstone "
                    f"knows ({LATEST_VERSION}); update Clearstone to open it"
                )
        except (RegisterError, sqlite3.DatabaseError) as exc:
            conn.close()
            if scratch is not None:
                scratch.cleanup()
            if isinstance(exc, RegisterStorageError):
                raise
            if isinstance(exc, RegisterError):
                raise type(exc)(f"{target}: {exc}") from None
            raise opening.classify(target, exc) from None
        return cls(conn, target, read_only=True, scratch=scratch, read_only_reason=reason)

    @staticmethod
    def _open_writable(target: Path, at: str) -> sqlite3.Connection:
        try:
            create_private_file(target)  # before SQLite makes it with the umask; -wal/-shm follow its mode
        except FileNotFoundError:
            pass  # no such folder: check_file named it already
        except OSError as exc:
            raise RegisterStorageError(
                f"{target}: {fault_message(exc, target.parent)}", target.parent, exc.errno or 0
            ) from None
        conn = opening.connect(target)
        try:
            migrate(conn, at, {retention.SETTING: str(retention.MINIMUM_YEARS)})
        except RegisterStorageError:
            conn.close()
            raise
        except RegisterError as exc:
            conn.close()
            raise type(exc)(f"{target}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            if opening.is_busy(exc):
                raise RegisterError(f"{target}: the register is locked by another program ({exc})") from None
            raise opening.classify(target, exc) from None
        return conn

    @classmethod
    def in_data_dir(
        cls, data_dir: Path, *, now: datetime | None = None, read_only: bool | None = None
    ) -> Register:
        return cls.open(Path(data_dir) / FILE_NAME, now=now, read_only=read_only)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._scratch is not None:
                self._scratch.cleanup()
                self._scratch = None

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes as one: all of them are stored, or none (`attest` records the lot, the assessment and
        the attestation together, so a full disk midway leaves nothing behind)."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: the write lock is taken up front, so readers of the chain head never race.
        Inside `transaction()` it joins the open one. A full disk or a folder turned read-only rolls the whole
        transaction back and raises RegisterStorageError."""
        if self.read_only:
            raise RegisterReadOnlyError(
                f"cannot write the register {self.path}: {self._read_only_reason}; nothing was changed",
                self.path.parent,
            )
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._depth = 1
                try:
                    yield self._conn
                except BaseException:
                    self._after_commit.clear()
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                finally:
                    self._depth = 0
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._after_commit.clear()
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                fault = sqlite_fault(exc, self.path.parent)
                if fault is None:
                    raise
                raise RegisterStorageError(
                    f"cannot write the register {self.path}: {fault_cause(fault)}; nothing was changed",
                    self.path.parent,
                    fault.errno or 0,
                ) from None
            actions, self._after_commit = self._after_commit, []
            for action in actions:
                action()

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            cursor = self._conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return list(cursor.fetchall())

    @property
    def connection(self) -> sqlite3.Connection:
        """For reports and tests that read the tables directly; writes must go through the methods."""
        return self._conn

    # -- lots and assessments -----------------------------------------------------------------------

    def record_lot(self, lot: Lot, *, now: datetime) -> int:
        """Keep this version of the lot; saving an unchanged lot again returns the existing version's id."""
        text = chain.canonical(lot.model_dump(mode="json"))
        digest = chain.sha256_text(text)
        with self._write() as c:
            last = c.execute(
                "SELECT id, version, sha256 FROM lots WHERE lot_id = ? ORDER BY version DESC LIMIT 1",
                (lot.lot_id,),
            ).fetchone()
            if last and last[2] == digest:
                return int(last[0])
            version = int(last[1]) + 1 if last else 1
            cursor = c.execute(
                "INSERT INTO lots (lot_id, version, saved_at, json, sha256) VALUES (?, ?, ?, ?, ?)",
                (lot.lot_id, version, utc_iso(now), text, digest),
            )
            row_id = int(cursor.lastrowid or 0)
            chain.log_record(c, "lot", row_id, utc_iso(now))
            return row_id

    def record_assessment(self, assessment: Assessment) -> int:
        """Store the frozen assessment as its canonical JSON; recording the same one twice returns its id."""
        data = assessment.model_dump(mode="json")
        text = chain.canonical(data)
        digest = chain.sha256_text(text)
        lists = chain.canonical(
            [
                {"id": item.id, "as_of": data_list["as_of"], "sha256": item.sha256}
                for item, data_list in zip(
                    assessment.screening.lists, data["screening"]["lists"], strict=True
                )
            ]
        )
        at = utc_iso(assessment.assessed_at)
        pack = assessment.rule_pack
        with self._write() as c:
            same = c.execute("SELECT id FROM assessments WHERE sha256 = ? LIMIT 1", (digest,)).fetchone()
            if same:
                return int(same[0])
            lot_row = None
            if c.execute("SELECT 1 FROM lots WHERE lot_id = ? LIMIT 1", (assessment.lot.lot_id,)).fetchone():
                lot_digest = chain.sha256_text(chain.canonical(data["lot"]))
                lot_row = c.execute(
                    "SELECT id FROM lots WHERE lot_id = ? AND sha256 = ? ORDER BY id DESC LIMIT 1",
                    (assessment.lot.lot_id, lot_digest),
                ).fetchone()
            cursor = c.execute(
                "INSERT INTO assessments (lot_id, lot_record, verdict, assessed_at, json, sha256, rule_pack_id,"
                " rule_pack_version, rule_pack_sha256, lists, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    assessment.lot.lot_id,
                    int(lot_row[0]) if lot_row else None,
                    assessment.verdict.value,
                    at,
                    text,
                    digest,
                    pack.id,
                    pack.version,
                    pack.sha256,
                    lists,
                    search_text(data),
                ),
            )
            row_id = int(cursor.lastrowid or 0)
            chain.log_record(c, "assessment", row_id, at)
            return row_id

    def assessment(self, assessment_id: int) -> Assessment | None:
        rows = self._read("SELECT json FROM assessments WHERE id = ?", (assessment_id,))
        return Assessment.from_json_text(rows[0]["json"]) if rows else None

    def latest_assessment(self, lot_id: str) -> Assessment | None:
        """The most recent recorded check of a lot."""
        rows = self._read("SELECT json FROM assessments WHERE lot_id = ? ORDER BY id DESC LIMIT 1", (lot_id,))
        return Assessment.from_json_text(rows[0]["json"]) if rows else None

    # -- decisions ----------------------------------------------------------------------------------

    def _insert_decision(
        self,
        kind: str,
        assessment_id: int | None,
        subject: str,
        outcome: str,
        reason: str,
        decided_by: str,
        decided_at: datetime,
        text: str,
    ) -> int:
        at = utc_iso(decided_at)
        with self._write() as c:
            try:
                cursor = c.execute(
                    "INSERT INTO decisions (kind, assessment_id, subject, outcome, reason, decided_by, decided_at, json)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (kind, assessment_id, subject, outcome, reason, decided_by, at, text),
                )
            except sqlite3.IntegrityError:
                raise RecordNotFoundError(
                    f"no assessment {assessment_id} to attach the decision to"
                ) from None
            row_id = int(cursor.lastrowid or 0)
            chain.log_record(c, "decision", row_id, at)
            return row_id

    def record_decision(self, decision: ScreeningDecision, *, assessment_id: int | None = None) -> int:
        """A person's "match / not a match" ruling on a possible sanctions match."""
        return self._insert_decision(
            "screening",
            assessment_id,
            f"{decision.party} | {decision.list} {decision.entry_id}",
            decision.decision.value,
            decision.reason,
            decision.decided_by,
            decision.decided_at,
            chain.canonical(decision.model_dump(mode="json")),
        )

    def decisions(self) -> list[ScreeningDecision]:
        rows = self._read("SELECT json FROM decisions WHERE kind = 'screening' ORDER BY id")
        return [ScreeningDecision.model_validate_json(row["json"]) for row in rows]

    def record_review(self, resolution: ReviewResolution) -> int:
        """A person's resolution of a `review` finding."""
        return self._insert_decision(
            "review",
            resolution.assessment_id,
            f"{resolution.jurisdiction} {resolution.rule}",
            resolution.resolution,
            resolution.reason,
            resolution.decided_by,
            resolution.decided_at,
            chain.canonical(resolution.model_dump(mode="json")),
        )

    def reviews(self) -> list[ReviewResolution]:
        rows = self._read("SELECT json FROM decisions WHERE kind = 'review' ORDER BY id")
        return [ReviewResolution.model_validate_json(row["json"]) for row in rows]

    # -- evidence files -----------------------------------------------------------------------------

    def add_evidence_file(self, path: Path, *, now: datetime) -> str:
        """Copy the file in under its SHA-256 (written and synced before the record commits); return the hash."""
        source = Path(path)
        try:
            size = source.stat().st_size
            if size > MAX_EVIDENCE_BYTES:
                raise RegisterError(f"{source}: {size:,} bytes is more than an evidence file may have")
            data = source.read_bytes()
        except FileNotFoundError:
            raise RegisterError(f"{source}: no such file") from None
        except IsADirectoryError:
            raise RegisterError(f"{source}: is a folder, not a file") from None
        except PermissionError:
            raise RegisterError(f"{source}: permission denied") from None
        digest = hashlib.sha256(data).hexdigest()
        store_file(self.evidence_dir, digest, data)
        at = utc_iso(now)
        with self._write() as c:
            if c.execute("SELECT 1 FROM evidence_files WHERE sha256 = ?", (digest,)).fetchone():
                return digest
            c.execute(
                "INSERT INTO evidence_files (sha256, name, size, added_at) VALUES (?, ?, ?, ?)",
                (digest, source.name, len(data), at),
            )
            chain.log_record(c, "evidence", digest, at)
        return digest

    def evidence_path(self, digest: str) -> Path:
        return self.evidence_dir / digest[:2] / digest

    # -- attestations -------------------------------------------------------------------------------

    def issue_attestation(
        self, assessment_id: int, pdf_builder: Callable[[str], bytes], *, now: datetime
    ) -> tuple[str, bytes]:
        """Reserve the next CS-YYYY-NNNNNN, build the PDF for it and store both in one transaction.

        If the builder fails, the transaction rolls back and the number is not used: numbers stay gapless.
        Numbers continue above every number ever issued from this register, as kept in the watermark file
        beside it: after a rollback (an older backup restored, the file replaced by hand) the numbers issued
        since are skipped, and the skip is logged, so no number is ever issued twice.
        """
        year = now.year
        at = utc_iso(now)
        with self._write() as c:
            if not c.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone():
                raise RecordNotFoundError(f"no assessment {assessment_id} in the register")
            row = c.execute("SELECT last FROM attestation_counters WHERE year = ?", (year,)).fetchone()
            counted = int(row[0]) if row else 0
            # Read inside the write transaction: every process issuing from this register holds the same lock.
            highest = max(counted, read_watermark(self.watermark_path).numbers.get(year, 0))
            seq = highest + 1
            if seq > MAX_ATTESTATIONS_PER_YEAR:
                raise RegisterError(f"attestation numbers for {year} are exhausted")
            number = f"CS-{year:04d}-{seq:06d}"
            if highest > counted:
                cursor = c.execute(
                    "INSERT INTO number_skips (year, first, last, skipped_at, reason) VALUES (?, ?, ?, ?, ?)",
                    (
                        year,
                        counted + 1,
                        highest,
                        at,
                        "issued before the register was rolled back or replaced",
                    ),
                )
                chain.log_record(c, "skip", int(cursor.lastrowid or 0), at)
            pdf = pdf_builder(number)
            if not isinstance(pdf, bytes) or not pdf:
                raise RegisterError(f"the attestation PDF for {number} is empty")
            c.execute(
                "INSERT INTO attestation_counters (year, last) VALUES (?, ?)"
                " ON CONFLICT (year) DO UPDATE SET last = excluded.last",
                (year, seq),
            )
            c.execute(
                "INSERT INTO attestations (number, year, seq, assessment_id, pdf_sha256, pdf, issued_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (number, year, seq, assessment_id, hashlib.sha256(pdf).hexdigest(), pdf, at),
            )
            chain.log_record(c, "attestation", number, at)
            self._after_commit.append(lambda: self._raise_watermark({year: seq}, at))
        return number, pdf

    def _raise_watermark(self, numbers: dict[int, int], at: str, *, reset_head: bool = False) -> None:
        """Record numbers issued and the current head beside the register, after the commit.

        Done under the register's write lock, so two processes never write the file over each other. A
        failure (a full disk) is logged, not raised: the attestation is issued and stored, and the next
        issue lifts the mark from the register's counters again."""
        if self.read_only:
            return
        try:
            with self._lock:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    counters = dict(
                        self._conn.execute("SELECT year, last FROM attestation_counters").fetchall()
                    )
                    merged = {int(y): int(n) for y, n in counters.items()}
                    for year, last in numbers.items():
                        merged[year] = max(merged.get(year, 0), last)
                    head = self._conn.execute(
                        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                    ).fetchone()
                    mark = read_watermark(self.watermark_path)
                    held = self._conn.execute(
                        "SELECT hash FROM audit_log WHERE seq = ?", (mark.head_seq,)
                    ).fetchone()
                    # Move the head on only along the same history: a rolled-back register that grows past the
                    # recorded head must not wipe out the evidence (only a recorded restore resets it).
                    continues = not mark.head_seq or (held is not None and held[0] == mark.head_hash)
                    mark = raised(
                        mark,
                        merged,
                        (int(head[0]), str(head[1])) if head and (continues or reset_head) else None,
                        at,
                        reset_head=reset_head,
                    )
                    write_watermark(self.watermark_path, mark)
                finally:
                    self._conn.execute("ROLLBACK")
        except (OSError, sqlite3.Error, RegisterError) as exc:
            log.warning("could not update %s: %s", self.watermark_path, exc)

    def watermark(self) -> Watermark:
        return read_watermark(self.watermark_path)

    def attestation(self, number: str) -> AttestationRecord | None:
        rows = self._read(
            "SELECT number, year, assessment_id, pdf_sha256, pdf, issued_at FROM attestations WHERE number = ?",
            (number,),
        )
        return _attestation(rows[0]) if rows else None

    def attestations(self, *, assessment_id: int | None = None) -> list[AttestationRecord]:
        where, params = (
            ("WHERE assessment_id = ?", (assessment_id,)) if assessment_id is not None else ("", ())
        )
        rows = self._read(
            "SELECT number, year, assessment_id, pdf_sha256, pdf, issued_at FROM attestations "
            f"{where} ORDER BY year, seq",
            params,
        )
        return [_attestation(row) for row in rows]

    # -- drafts -------------------------------------------------------------------------------------

    def save_draft(self, key: str, json_text: str, *, now: datetime) -> int:
        """Autosave wizard state; an unchanged draft is not stored again."""
        try:
            json.loads(json_text)
        except json.JSONDecodeError as exc:
            raise RegisterError(f"draft {key!r} is not valid JSON ({exc.msg})") from None
        return self._append_draft(key, json_text, now)

    def latest_draft(self, key: str) -> Draft | None:
        rows = self._read(
            "SELECT key, json, saved_at FROM drafts WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)
        )
        if not rows or rows[0]["json"] is None:
            return None
        return Draft(key=rows[0]["key"], json_text=rows[0]["json"], saved_at=parse_iso(rows[0]["saved_at"]))

    def pending_drafts(self) -> list[Draft]:
        """Drafts not discarded: what to offer for restoring after a crash."""
        rows = self._read(
            "SELECT d.key, d.json, d.saved_at FROM drafts d JOIN (SELECT key, MAX(id) AS id FROM drafts GROUP BY key)"
            " latest ON latest.id = d.id WHERE d.json IS NOT NULL ORDER BY d.saved_at DESC"
        )
        return [Draft(key=r["key"], json_text=r["json"], saved_at=parse_iso(r["saved_at"])) for r in rows]

    def discard_draft(self, key: str, *, now: datetime) -> None:
        """Drafts are kept as history; discarding appends an empty version rather than deleting."""
        self._append_draft(key, None, now)

    def _append_draft(self, key: str, json_text: str | None, now: datetime) -> int:
        at = utc_iso(now)
        with self._write() as c:
            last = c.execute(
                "SELECT id, json FROM drafts WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)
            ).fetchone()
            if last is not None and last[1] == json_text:
                return int(last[0])
            if last is None and json_text is None:
                return 0
            cursor = c.execute(
                "INSERT INTO drafts (key, saved_at, json) VALUES (?, ?, ?)", (key, at, json_text)
            )
            row_id = int(cursor.lastrowid or 0)
            chain.log_record(c, "draft", row_id, at)
            return row_id

    # -- retention and verification -----------------------------------------------------------------

    def retention_years(self) -> int:
        with self._lock:
            return retention.years(self._conn)

    def set_retention_years(self, years: int, *, now: datetime) -> None:
        with self._write() as c:
            retention.set_years(c, years, utc_iso(now))

    def delete(self, ref: str, *, reason: str, now: datetime) -> None:
        """Delete a record past its retention period; anything younger is refused (RetentionError)."""
        with self._write() as c:
            retention.delete(c, ref, reason, now)
        if ref.startswith("evidence:"):
            self.evidence_path(ref.partition(":")[2]).unlink(missing_ok=True)

    # -- reading, reports and exports ---------------------------------------------------------------

    def list_records(
        self,
        kinds: Iterable[RecordKind] | None = None,
        *,
        lot_id: str | None = None,
        limit: int | None = None,
    ) -> list[RecordSummary]:
        """Records newest first; drafts only when asked for by kind."""
        with self._lock:
            return queries.list_records(self._conn, kinds, lot_id=lot_id, limit=limit)

    def search(self, text: str, *, limit: int | None = None) -> list[RecordSummary]:
        with self._lock:
            return queries.search(self._conn, text, limit=limit)

    def show(self, ref: str) -> dict[str, Any]:
        """Everything about one record: `17`, `CS-2026-000001`, `lot:3`, `decision:5`, ..."""
        with self._lock:
            return queries.show(self._conn, ref)

    def export_json(self, path: Path) -> None:
        with self._lock:
            exports.export_json(self._conn, Path(path))

    def export_csv(self, path: Path) -> None:
        with self._lock:
            exports.export_csv(self._conn, Path(path))

    def reconciliation(self, year: int) -> list[dict[str, Any]]:
        """The WDC System of Warranties lines of `year`: warranties received and issued, then totals."""
        with self._lock:
            return exports.reconciliation(self._conn, year)

    def export_reconciliation(self, year: int, path: Path) -> int:
        with self._lock:
            return exports.export_reconciliation(self._conn, year, Path(path))

    def rescreen(self, screen: Screen, since_years: int = 5, *, now: datetime) -> RescreenReport:
        """Re-screen counterparties and owners of assessments from the last `since_years` years.

        Every changed outcome is reported and the run is recorded in the register (also when nothing changed).
        """
        if since_years < 0:
            raise RegisterError("since_years cannot be negative")
        since = utc_iso(datetime.combine(add_years(now.date(), -since_years), now.timetz()))
        with self._lock:
            found = rescreen_plan(self._conn, screen, since)
        at = utc_iso(now)
        document = chain.canonical({"changes": [change.to_json() for change in found.changes]})
        with self._write() as c:
            cursor = c.execute(
                "INSERT INTO rescreen_runs (run_at, since, assessments, parties, json) VALUES (?, ?, ?, ?, ?)",
                (at, since, found.assessments, found.parties, document),
            )
            run_id = int(cursor.lastrowid or 0)
            chain.log_record(c, "rescreen", run_id, at)
        return RescreenReport(run_id, found.assessments, found.parties, found.changes)

    def backup(self, path: Path, *, now: datetime | None = None) -> ChainReport:
        """A consistent online copy (SQLite backup API) plus the evidence files beside it."""
        from desktop.register import backup

        report = backup.write_backup(self, self._lock, Path(path))
        # The backup carries this head: remember it, so a register rolled back behind it is noticed.
        self._raise_watermark({}, utc_iso(now or datetime.now(UTC)))
        return report

    @classmethod
    def restore(
        cls,
        backup_file: Path,
        register_path: Path,
        *,
        now: datetime | None = None,
        force_reason: str | None = None,
    ) -> RestoreOutcome:
        """Replace the register at `register_path` with a backup, only once the backup verifies and is not
        older than, or forked from, the register it replaces (or the last head given out); a rollback needs
        `force_reason`, which is recorded in the chain (RestoreRefusedError otherwise)."""
        from desktop.register import backup

        return backup.restore(Path(backup_file), Path(register_path), now=now, force_reason=force_reason)

    def record_restore(
        self,
        *,
        source: str,
        forced: bool,
        reason: str,
        backup_head: tuple[int, str],
        replaced_head: tuple[int, str] | None,
        details: dict[str, Any],
        now: datetime,
    ) -> int:
        """Log a restore in the restored register: from which backup, what it replaced, and why a rollback."""
        at = utc_iso(now)
        with self._write() as c:
            cursor = c.execute(
                "INSERT INTO restores (restored_at, source, forced, reason, backup_head, replaced_head, json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    at,
                    source,
                    int(forced),
                    reason,
                    f"{backup_head[0]}:{backup_head[1]}",
                    f"{replaced_head[0]}:{replaced_head[1]}" if replaced_head else "",
                    chain.canonical(details),
                ),
            )
            row_id = int(cursor.lastrowid or 0)
            chain.log_record(c, "restore", row_id, at)
        self._raise_watermark({}, at, reset_head=True)
        return row_id

    def entry_hash(self, seq: int) -> str | None:
        """The hash of audit entry `seq`, or None when the log has no such entry."""
        with self._lock:
            row = self._conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        return str(row[0]) if row else None

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the last audit entry: print it on an attestation, and later tampering with
        anything before it shows against that independent copy."""
        with self._lock:
            row = self._conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row else (0, chain.GENESIS)

    def verify(self) -> ChainReport:
        """Recompute the audit chain and re-hash every record and evidence file; also compare the register with
        the last chain head given out (kept beside it), so a register replaced by an older copy shows."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")  # one consistent snapshot while other processes keep writing
                report = chain.verify(self._conn, self.evidence_dir)
            except sqlite3.DatabaseError as exc:
                return ChainReport(entries=0, head_hash="", integrity=f"unreadable ({exc})")
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
        problem = self._rollback_problem()
        if problem is not None:
            report.problems.append(problem)
        return report

    def _rollback_problem(self) -> ChainProblem | None:
        try:
            mark = self.watermark()
        except RegisterError as exc:
            return ChainProblem(0, str(exc))
        if not mark.head_seq:
            return None
        found = self.entry_hash(mark.head_seq)
        where = f"{self.watermark_path.name} (recorded {mark.head_at[:19].replace('T', ' ')} UTC)"
        if found is None:
            return ChainProblem(
                mark.head_seq,
                f"missing, but {where} shows this register reached it: the register was replaced by an older "
                "copy (rolled back)",
            )
        if found != mark.head_hash:
            return ChainProblem(
                mark.head_seq,
                f"differs from the head recorded in {where}: the register was rewritten, or rolled back and "
                "written again",
            )
        return None


def _attestation(row: sqlite3.Row) -> AttestationRecord:
    return AttestationRecord(
        number=row["number"],
        year=int(row["year"]),
        assessment_id=int(row["assessment_id"]),
        pdf_sha256=row["pdf_sha256"],
        pdf=bytes(row["pdf"]),
        issued_at=parse_iso(row["issued_at"]),
    )
