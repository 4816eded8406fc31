"""Killing a writer with SIGKILL at random moments loses nothing it reported as committed."""

from __future__ import annotations

import json
import os
import random
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.assessment import Assessment
from desktop.register import Register
from desktop.screening.types import Decision, ScreeningDecision
from tests.register.conftest import NOW, MakeAssessment, pdf_for

KILLS = 60


def _write_forever(path: Path, template: Assessment, run: int, report_fd: int) -> None:
    """The child: writes records of every kind (evidence files too) in a loop and reports each one after its commit returned."""
    with Register.open(path, now=NOW) as register:
        last_assessment = None
        for i in range(1_000_000):
            at = NOW + timedelta(seconds=run * 10_000 + i)
            step = i % 5
            if step == 0 or last_assessment is None:
                last_assessment = register.record_assessment(template.model_copy(update={"assessed_at": at}))
                line = f"assessment {last_assessment}"
            elif step == 1:
                number, _ = register.issue_attestation(last_assessment, pdf_for, now=at)
                line = f"attestation {number}"
            elif step == 2:
                decision = ScreeningDecision(
                    party=f"party {run}-{i}",
                    list="OFAC-SDN",
                    entry_id="34644",
                    decision=Decision.NOT_A_MATCH,
                    reason="different date of birth",
                    decided_by="tester",
                    decided_at=at,
                )
                line = f"decision {register.record_decision(decision)}"
            elif step == 3:
                draft_id = register.save_draft(f"wizard-{run}", json.dumps({"i": i}), now=at)
                line = f"draft {draft_id}"
            else:
                scan = path.parent / f"scan-{os.getpid()}.pdf"
                scan.write_bytes(f"scan {run}-{i}".encode() * 100)
                line = f"evidence {register.add_evidence_file(scan, now=at)}"
            os.write(report_fd, (line + "\n").encode())


def _run_and_kill(path: Path, template: Assessment, run: int, rng: random.Random) -> list[str]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        try:
            _write_forever(path, template, run, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    return b"".join(chunks).decode().splitlines()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_committed_record(
    data_dir: Path, make_assessment: MakeAssessment
) -> None:
    path = data_dir / "register.sqlite"
    template = make_assessment()
    rng = random.Random(20261128)
    reported: list[str] = []
    started = time.monotonic()
    for run in range(KILLS):
        reported += _run_and_kill(path, template, run, rng)
    elapsed = time.monotonic() - started
    assert len(reported) > KILLS, "the writer should have committed records between kills"
    with Register.open(path, now=NOW) as register:
        conn = register.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for line in reported:
            kind, key = line.split(" ")
            if kind == "assessment":
                assert register.assessment(int(key)) is not None, line
            elif kind == "attestation":
                assert register.attestation(key) is not None, line
            elif kind == "evidence":
                assert register.evidence_path(key).is_file(), line
                assert conn.execute("SELECT 1 FROM evidence_files WHERE sha256 = ?", (key,)).fetchone(), line
            else:
                table = "decisions" if kind == "decision" else "drafts"
                assert conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(key),)).fetchone(), line
        numbers = [a.number for a in register.attestations()]
        assert numbers == [f"CS-2026-{n:06d}" for n in range(1, len(numbers) + 1)]  # gapless after crashes
        report = register.verify()
        assert report.ok, report.describe()
    print(f"\n{KILLS} SIGKILLs in {elapsed:.1f} s; {len(reported)} records reported committed, all present")
