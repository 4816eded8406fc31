"""The downloader on its own: certificates checked, the system proxy honoured, progress and cancellation."""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.screening.download import download
from desktop.screening.errors import DownloadCancelledError, DownloadError
from desktop.screening.importers.common import sha256_of
from tests.screening.listserver import ListServer, serving

UN_FILE = "un/UN_consolidated_2026-02-27.xml"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: trusted only where a test says so."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Clearstone test mirror")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


@pytest.fixture
def https_server(sanctions_data: Path, certificate: tuple[Path, Path]) -> Iterator[ListServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    with serving({"un.xml": sanctions_data / UN_FILE}, tls=context) as running:
        yield running


def test_an_untrusted_certificate_is_refused(https_server: ListServer, tmp_path: Path) -> None:
    target = tmp_path / "un.xml"
    with pytest.raises(DownloadError, match=r"UN: the certificate of 127\.0\.0\.1 could not be verified"):
        download(https_server.url("files/un.xml"), target, max_bytes=5 * MB, timeout=5, label="UN")
    assert not target.exists()


def test_https_with_a_trusted_certificate_downloads(
    https_server: ListServer,
    certificate: tuple[Path, Path],
    sanctions_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))  # the system trust store, as OpenSSL reads it
    seen: list[tuple[int, int]] = []
    got = download(
        https_server.url("files/un.xml"),
        tmp_path / "un.xml",
        max_bytes=5 * MB,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert (
        got.sha256 == sha256_of([sanctions_data / UN_FILE])
        and got.size == (sanctions_data / UN_FILE).stat().st_size
    )
    assert seen[-1] == (got.size, got.size) and got.final_url == got.url


def test_the_system_proxy_is_used_beyond_this_computer(
    sanctions_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serving({}) as proxy:
        monkeypatch.setenv("https_proxy", proxy.base)
        with pytest.raises(DownloadError, match=r"example\.org"):
            download("https://example.org/consolidated.xml", tmp_path / "x.xml", max_bytes=MB, timeout=5)
        assert proxy.requests == ["CONNECT example.org:443"]  # through the proxy, never directly


def test_a_loopback_mirror_bypasses_the_proxy(
    sanctions_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serving({"un.xml": sanctions_data / UN_FILE}) as mirror, serving({}) as proxy:
        monkeypatch.setenv("http_proxy", proxy.base)
        download(mirror.url("files/un.xml"), tmp_path / "un.xml", max_bytes=5 * MB)
        assert proxy.requests == [] and mirror.requests == ["/files/un.xml"]


def test_announced_size_over_the_cap_is_refused_before_reading(sanctions_data: Path, tmp_path: Path) -> None:
    refused = pytest.raises(DownloadError, match=r"announces 2 MB, over the 1 MB cap")
    with serving({"un.xml": sanctions_data / UN_FILE}) as mirror, refused:
        download(mirror.url("files/un.xml"), tmp_path / "un.xml", max_bytes=MB)


def test_cancellation_removes_the_partial_file(sanctions_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "un.xml"
    with serving({"un.xml": sanctions_data / UN_FILE}) as mirror, pytest.raises(DownloadCancelledError):
        download(
            mirror.url("files/un.xml"),
            target,
            max_bytes=5 * MB,
            cancel=lambda: target.stat().st_size > 100_000,
        )
    assert not target.exists()
