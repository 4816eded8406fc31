"""Real faults: a read-only data folder still serves every read command; a full disk or a read-only folder makes a
write fail in one line naming the folder, exit 2, with nothing changed. Run on real mounts and permissions."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.attestation.issue import issue_attestation
from desktop.identity import IdentityInfo, IdentityStore, certificate_pem
from desktop.register import FILE_NAME, Register
from tests.attestation.helpers import assessment, lot
from tests.register import faults
from tests.register.faults import Result

PASS = "correct horse battery"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(faults.sys.platform == "win32", reason="POSIX faults")]


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder every user can reach (pytest's own tmp folder is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="clearstone-faults-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    faults.make_writable(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def dealer(place: Path, shared_dir: Path) -> dict[str, str]:
    """A dealer's data folder: signing identity, register with one signed attestation; its PDF and a certificate
    outside the folder."""
    data = place / "data"
    now = datetime.now(UTC)
    identity = IdentityStore(data).create(
        IdentityInfo("Anna Peeters", "Compliance Officer", "Peeters Diamonds BV", "BE"), PASS, now=now
    )
    with Register.in_data_dir(data, now=now) as register:
        issued = issue_attestation(register, assessment(lot(shared_dir, "S16")), identity, now=now)
        register.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pdf = place / "attestation.pdf"
    pdf.write_bytes(issued.pdf)
    other = place / "other.pem"
    other.write_bytes(certificate_pem(identity.certificate))
    pdf.chmod(0o644)
    other.chmod(0o644)
    results = place / "results"
    results.mkdir(mode=0o777)
    results.chmod(0o777)
    return {
        "data": str(data),
        "pdf": str(pdf),
        "pem": str(other),
        "lot": str(shared_dir / "fixtures" / "lots" / "S16.lot.json"),
        "number": issued.number,
        "results": str(results / "out.json"),
    }


def _reads(d: dict[str, str]) -> list[list[str]]:
    at = ["--data-dir", d["data"]]
    core = [
        ["register", "verify", "--against", d["pdf"], *at],
        ["verify", d["pdf"], *at],
        ["check", d["lot"], "--no-record", *at],
    ]
    more = [
        ["register", "list", *at],
        ["register", "show", d["number"], *at],
        ["register", "search", "lg-2026", *at],
        ["identity", "show", *at],
        ["lists", "status", *at],
    ]
    return core + more


def _writes(d: dict[str, str]) -> list[list[str]]:
    at = ["--data-dir", d["data"]]
    core = [["register", "retention", "--set", "12", *at]]
    more = [["check", d["lot"], *at], ["identity", "trust", d["pem"], *at]]
    return core + more


def _assert_reads_work(results: list[Result]) -> None:
    for result in results:
        assert result.rc == 0, f"{' '.join(result.argv[:2])}: exit {result.rc}: {result.err}"


def _assert_writes_refused(results: list[Result], folder: str) -> None:
    for result in results:
        lines = result.err.strip().splitlines()
        assert result.rc == 2, f"{' '.join(result.argv[:2])}: exit {result.rc}: {result.err}"
        assert len(lines) == 1 and folder in lines[0], result.err
        assert "internal error" not in result.err


def _read_only_ways() -> list[object]:
    namespaces, switch = faults.mount_namespaces(), faults.switch_user()
    return [
        pytest.param("erofs", marks=pytest.mark.skipif(namespaces is not None, reason=str(namespaces))),
        pytest.param("eacces", marks=pytest.mark.skipif(switch is not None, reason=str(switch))),
        pytest.param(
            "chmod", marks=pytest.mark.skipif(faults.is_root(), reason="root ignores permissions: see eacces")
        ),
    ]


@pytest.mark.parametrize("way", _read_only_ways())
def test_read_only_folder_serves_reads_and_refuses_writes_in_one_line(
    dealer: dict[str, str], way: str
) -> None:
    data = Path(dealer["data"])
    before = faults.snapshot(data)
    reads = _reads(dealer)
    commands = reads + _writes(dealer)
    results_file = Path(dealer["results"])
    run: Callable[[], list[Result]]
    if way == "erofs":
        run = lambda: faults.run_in_namespace(  # noqa: E731
            f"mount --bind {data} {data} && mount -o remount,bind,ro {data} {data}", commands, results_file
        )
    elif way == "eacces":
        faults.make_read_only(data, owner=faults.NOBODY)
        run = lambda: faults.run_as_nobody(commands, results_file)  # noqa: E731
    else:
        faults.make_read_only(data)
        run = lambda: faults.run_plain(commands, results_file)  # noqa: E731
    results = run()
    faults.make_writable(data)
    _assert_reads_work(results[: len(reads)])
    assert "agrees with the register" in results[0].out and "VALID" in results[1].out
    _assert_writes_refused(results[len(reads) :], dealer["data"])
    assert faults.snapshot(data) == before  # nothing written, nothing left beside the register


def _disk_full() -> str | None:
    return faults.mount_namespaces()


@pytest.mark.skipif(_disk_full() is not None, reason=str(_disk_full()))
def test_full_disk_is_one_line_exit_2_and_changes_nothing(dealer: dict[str, str], place: Path) -> None:
    """The data folder on a small tmpfs filled to the last byte: writes fail cleanly, reads keep working."""
    data = Path(dealer["data"])
    mount = place / "disk"
    mount.mkdir(mode=0o755)
    on_disk = mount / "data"
    at = ["--data-dir", str(on_disk)]
    commands = [
        [
            "attest",
            dealer["lot"],
            "--out",
            str(place / "new.pdf"),
            "--passphrase-env",
            "CS_FAULT_PASS",
            "--accept-list-gap",
            "test folder: no official lists loaded",
            *at,
        ],
        ["register", "retention", "--set", "12", *at],
        ["register", "backup", str(mount / "backup.sqlite"), *at],
        [
            "identity",
            "create",
            "--name",
            "X Y",
            "--title",
            "T",
            "--company",
            "C",
            "--country",
            "BE",
            "--replace",
            "--passphrase-env",
            "CS_FAULT_PASS",
            *at,
        ],
        ["register", "list", *at],
        ["register", "verify", *at],
        ["verify", dealer["pdf"], *at],
    ]
    setup = (
        f"mount -t tmpfs -o size=4m tmpfs {mount} && cp -a {data} {on_disk} "
        f"&& (dd if=/dev/zero of={mount}/filler bs=4k 2>/dev/null; true) "
        f"&& (dd if=/dev/zero of={mount}/filler2 bs=512 2>/dev/null; true) "
        f"&& export CS_FAULT_PASS='{PASS}'"
    )
    results_file = Path(dealer["results"])
    commands.append(["register", "export", str(place / "after.json"), *at])
    results = faults.run_in_namespace(setup, commands, results_file)
    writes, reads = results[:4], results[4:]
    _assert_writes_refused(writes, str(mount))
    for result in writes:
        assert "disk is full" in result.err, result.err
    _assert_reads_work(reads)
    assert "register intact" in reads[1].out
    assert not (place / "new.pdf").exists()
    # The export made after the refused writes holds exactly what the register held before them.
    with Register.open(data / FILE_NAME) as register:
        entries = register.verify().entries
    exported = json.loads((place / "after.json").read_text())
    assert len(exported["audit_log"]) == entries


@pytest.mark.skipif(faults.mount_namespaces() is not None, reason=str(faults.mount_namespaces()))
def test_read_only_folder_with_imported_lists(dealer: dict[str, str], sanctions_data: Path) -> None:
    """Screening reads the imported lists: `lists status` and `check --no-record` on a read-only copy."""
    from desktop.cli import run

    uk = sorted((sanctions_data / "uk").glob("*.xml"))
    if not uk:
        pytest.skip("no UK list file in the shared sanctions data")
    assert run(["lists", "import", str(uk[0]), "--data-dir", dealer["data"]]) == 0
    data = Path(dealer["data"])
    at = ["--data-dir", dealer["data"]]
    results = faults.run_in_namespace(
        f"mount --bind {data} {data} && mount -o remount,bind,ro {data} {data}",
        [["lists", "status", *at], ["check", dealer["lot"], "--no-record", *at], ["register", "verify", *at]],
        Path(dealer["results"]),
    )
    assert results[2].rc == 0, results[2].err
    _assert_reads_work(results)
