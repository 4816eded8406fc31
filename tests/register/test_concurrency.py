"""Attestation numbers stay unique and gapless when two processes attest at the same moment."""

from __future__ import annotations

import multiprocessing
import time
from datetime import timedelta
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from desktop.register import Register
from tests.register.conftest import NOW, MakeAssessment, pdf_for

PER_PROCESS = 40


def _attest(path: Path, assessment_id: int, start: Event, out: Path) -> None:
    def slow_pdf(number: str) -> bytes:
        time.sleep(0.001)  # rendering and signing take time while the number is reserved
        return pdf_for(number)

    with Register.open(path, now=NOW) as register:
        start.wait(10)
        numbers = [
            register.issue_attestation(assessment_id, slow_pdf, now=NOW + timedelta(seconds=i))[0]
            for i in range(PER_PROCESS)
        ]
    out.write_text("\n".join(numbers))


@pytest.mark.slow
def test_two_processes_attesting_at_once_get_unique_gapless_numbers(
    data_dir: Path, make_assessment: MakeAssessment
) -> None:
    path = data_dir / "register.sqlite"
    with Register.open(path, now=NOW) as register:
        assessment_id = register.record_assessment(make_assessment())
    context = multiprocessing.get_context("fork")
    start = context.Event()
    outputs = [data_dir / f"numbers-{n}.txt" for n in range(2)]
    workers = [context.Process(target=_attest, args=(path, assessment_id, start, out)) for out in outputs]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    got = [out.read_text().split("\n") for out in outputs]
    every = sorted(got[0] + got[1])
    assert every == [f"CS-2026-{n:06d}" for n in range(1, 2 * PER_PROCESS + 1)]  # no duplicate, no gap
    assert all(len(numbers) == PER_PROCESS for numbers in got)
    with Register.open(path, now=NOW) as register:
        stored = [a.number for a in register.attestations()]
        assert stored == every
        assert all(a.pdf == pdf_for(a.number) for a in register.attestations())
        assert register.verify().ok


def test_one_register_shared_by_threads_keeps_every_write(
    data_dir: Path, make_assessment: MakeAssessment
) -> None:
    """The GUI hands one Register to worker threads: their writes interleave but none is lost."""
    import threading

    with Register.open(data_dir / "register.sqlite", now=NOW) as register:
        assessment_id = register.record_assessment(make_assessment())
        numbers: list[str] = []

        def attest() -> None:
            for i in range(20):
                numbers.append(
                    register.issue_attestation(assessment_id, pdf_for, now=NOW + timedelta(seconds=i))[0]
                )

        def autosave() -> None:
            for i in range(20):
                register.save_draft("wizard", f'{{"i": {i}}}', now=NOW + timedelta(seconds=i))

        threads = [
            threading.Thread(target=attest),
            threading.Thread(target=attest),
            threading.Thread(target=autosave),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(numbers) == [f"CS-2026-{n:06d}" for n in range(1, 41)]
        draft = register.latest_draft("wizard")
        assert draft is not None and draft.json_text == '{"i": 19}'
        assert register.verify().ok
