"""`register verify --against`: the chain heads printed on signed attestations expose a rewritten register."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.attestation.build import Attestation
from desktop.cli import run
from desktop.register import FILE_NAME, Register
from tests.attestation.conftest import two_attestations_and_a_backup
from tests.attestation.helpers import NOW
from tests.register.test_rollback import _replace_by_hand, _rewrite_chain


@pytest.fixture
def dealer(data_dir: Path, shared_dir: Path, tmp_path: Path) -> tuple[Path, list[Path], Path]:
    """A dealer's data folder with two attestations issued, and a backup taken between them."""
    pdfs, backup = two_attestations_and_a_backup(data_dir, shared_dir, tmp_path)
    return data_dir, pdfs, backup


def _verify(data_dir: Path, *pdfs: Path) -> int:
    return run(["register", "verify", "--json", "--data-dir", str(data_dir), "--against", *map(str, pdfs)])


def test_an_intact_register_agrees_with_its_attestations(
    dealer: tuple[Path, list[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, pdfs, _ = dealer
    assert _verify(data_dir, *pdfs) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] and [a["ok"] for a in document["against"]] == [True, True]
    assert all(a["register_head"] for a in document["against"])


def test_a_fully_rewritten_register_is_named_by_the_paper(
    dealer: tuple[Path, list[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, pdfs, _ = dealer
    live = data_dir / FILE_NAME
    with Register.open(live, now=NOW) as register:
        register.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _rewrite_chain(live)
    (data_dir / "register-watermark.json").unlink()  # the rewriter removed the mark beside it too
    assert run(["register", "verify", "--data-dir", str(data_dir)]) == 0  # on its own, it looks intact
    capsys.readouterr()
    assert _verify(data_dir, *pdfs) == 3
    captured = capsys.readouterr()
    problems = [a["problem"] for a in json.loads(captured.out)["against"]]
    assert all(p and "the register was rewritten" in p for p in problems)
    assert captured.err.count("\n") == 1 and "rewritten" in captured.err


def test_a_rolled_back_register_is_named_by_the_later_attestation(
    dealer: tuple[Path, list[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, pdfs, backup = dealer
    _replace_by_hand(backup, data_dir / FILE_NAME)
    (data_dir / "register-watermark.json").unlink()
    assert _verify(data_dir, *pdfs) == 3
    first, second = json.loads(capsys.readouterr().out)["against"]
    assert first["ok"]
    assert "is not in the register" in second["problem"] and "rolled back" in second["problem"]


def test_an_attestation_by_someone_else_is_no_evidence(
    dealer: tuple[Path, list[Path], Path], attestation: Attestation, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    data_dir, _, _ = dealer
    stranger = tmp_path / "stranger.pdf"
    stranger.write_bytes(attestation.pdf)  # the same company name, but a key this folder does not trust
    assert _verify(data_dir, stranger) == 3
    (check,) = json.loads(capsys.readouterr().out)["against"]
    assert "not a valid attestation by a trusted issuer" in check["problem"]


def test_reading_the_pdfs_fails_cleanly(dealer: tuple[Path, list[Path], Path], tmp_path: Path) -> None:
    data_dir, _, _ = dealer
    assert _verify(data_dir, tmp_path / "nothing.pdf") == 2
