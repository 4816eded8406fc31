"""A closed output pipe (`verify forged.pdf | head -1`) never turns a failure into exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.attestation.build import Attestation


def _run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The reader is gone before the command writes anything: every write meets EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "desktop", *args],
            stdout=write_end,
            stderr=write_end,
            stdin=subprocess.DEVNULL,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_failure_keeps_its_exit_code_into_a_closed_pipe(attestation: Attestation, tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    assert _run_into_closed_pipe("verify", str(forged), *data).returncode == 3
    # An intact attestation by an untrusted issuer is a failure too.
    good = tmp_path / "a.pdf"
    good.write_bytes(attestation.pdf)
    assert _run_into_closed_pipe("verify", str(good), *data).returncode == 3
    assert _run_into_closed_pipe("verify", "--qr", "CS1:NOT A CODE", "--json", *data).returncode == 3
    # ... and success stays success.
    assert _run_into_closed_pipe("register", "list", *data).returncode == 0
