"""Secrets at rest: the PKCS#12 MAC costs as much as the key bag, common passphrases are refused, owner-only files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.primitives.serialization import pkcs12

from desktop.identity import IdentityInfo, IdentityStore, TrustList, WeakPassphraseError, certificate_pem
from desktop.identity.passphrase import MIN_PASSPHRASE, check_passphrase, common_passwords
from desktop.identity.pkcs12mac import mac_iterations
from desktop.identity.store import KDF_ROUNDS

NOW = datetime(2026, 11, 28, tzinfo=UTC)
INFO = IdentityInfo("Anna Peeters", "Compliance Officer", "Peeters Diamonds BV", "BE")
PASS = "correct horse battery"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _key_bag_iterations(blob: bytes) -> int:
    """PBKDF2 rounds of the shrouded key bag, read with an independent ASN.1 parser."""
    pfx = asn1_pkcs12.Pfx.load(blob)
    for content_info in pfx.authenticated_safe:
        if content_info["content_type"].native != "data":
            continue
        for bag in asn1_pkcs12.SafeContents.load(content_info["content"].native):
            if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                params = bag["bag_value"]["encryption_algorithm"]["parameters"]
                return int(params["key_derivation_func"]["parameters"]["iteration_count"].native)
    raise AssertionError("no shrouded key bag")


def test_the_mac_is_as_strong_as_the_key_bag(tmp_path: Path) -> None:
    store = IdentityStore(tmp_path)
    store.create(INFO, PASS, now=NOW)
    blob = store.p12_path.read_bytes()
    assert _key_bag_iterations(blob) == KDF_ROUNDS
    assert mac_iterations(blob) == KDF_ROUNDS
    mac = asn1_pkcs12.Pfx.load(blob)["mac_data"]
    assert mac["mac"]["digest_algorithm"]["algorithm"].native == "sha256"
    assert store.load(PASS, now=NOW).info.company == INFO.company


def test_a_changed_mac_is_refused(tmp_path: Path) -> None:
    """The MAC really is checked on load (not only the key bag's decryption)."""
    store = IdentityStore(tmp_path)
    store.create(INFO, PASS, now=NOW)
    pfx = asn1_pkcs12.Pfx.load(store.p12_path.read_bytes())
    digest = bytearray(pfx["mac_data"]["mac"]["digest"].native)
    digest[0] ^= 1
    pfx["mac_data"]["mac"]["digest"] = bytes(digest)
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(pfx.dump(force=True), PASS.encode())


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is not installed")
def test_openssl_reads_the_file_and_reports_the_mac_iterations(tmp_path: Path) -> None:
    passphrase = "Ødegård пароль diamonds 🔑"  # beyond ASCII and beyond the BMP
    store = IdentityStore(tmp_path)
    store.create(INFO, passphrase, now=NOW)
    out = subprocess.run(
        ["openssl", "pkcs12", "-info", "-noout", "-in", str(store.p12_path), "-passin", "env:P12PASS"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "P12PASS": passphrase},
    )
    assert out.returncode == 0, out.stderr
    assert f"MAC: sha256, Iteration {KDF_ROUNDS}" in out.stderr
    assert f"Iteration {KDF_ROUNDS}, PRF hmacWithSHA256" in out.stderr


@pytest.mark.parametrize(
    "weak",
    [
        "password",
        "Password2026!",
        "12345678",
        "qwertyuiop",
        "iloveyou",
        "aaaaaaaaaa",
        "19780512",
        "Diamonds#1",
    ],
)
def test_common_passphrases_are_refused_with_the_policy_stated(tmp_path: Path, weak: str) -> None:
    with pytest.raises(WeakPassphraseError) as refused:
        IdentityStore(tmp_path).create(INFO, weak, now=NOW)
    assert f"at least {MIN_PASSPHRASE} characters" in str(refused.value)
    assert "common password" in str(refused.value)
    assert not IdentityStore(tmp_path).exists()


def test_short_passphrase_states_the_policy() -> None:
    with pytest.raises(WeakPassphraseError, match=f"at least {MIN_PASSPHRASE} characters"):
        check_passphrase("short")


@pytest.mark.parametrize("good", [PASS, "trade-show-2026", "benchmark passphrase", "ca-given-pass"])
def test_ordinary_passphrases_pass(good: str) -> None:
    assert check_passphrase(good) == good.encode()


def test_the_list_is_bundled_and_loaded() -> None:
    assert {"password", "12345678", "iloveyou"} <= common_passwords()
    assert len(common_passwords()) > 100


@posix_only
def test_identity_files_and_folders_are_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = IdentityStore(data)
    store.create(INFO, PASS, now=NOW)
    for path in (store.p12_path, store.cert_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(data.stat().st_mode) == 0o700  # created by us, so private too
    trust = TrustList(data)
    trust.add(certificate_pem(store.certificate()))
    assert stat.S_IMODE(trust.folder.stat().st_mode) == 0o700
