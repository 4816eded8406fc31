"""`identity trust`: a different key under a trusted name is refused (or replaced on request); fingerprints shown."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.cli import run
from desktop.identity import (
    IdentityInfo,
    TrustConflictError,
    TrustList,
    certificate_fingerprint,
    certificate_pem,
)
from desktop.identity.certificate import build_self_signed

NOW = datetime(2026, 11, 28, tzinfo=UTC)
REAL = IdentityInfo("Anna Peeters", "Compliance Officer", "Peeters Diamonds BV", "BE", "anna@peeters.example")


def _cert(
    info: IdentityInfo = REAL, key: ec.EllipticCurvePrivateKey | None = None, **kw: object
) -> x509.Certificate:
    return build_self_signed(key or ec.generate_private_key(ec.SECP256R1()), info, **kw)  # type: ignore[arg-type]


def test_a_second_key_under_a_trusted_name_is_refused(tmp_path: Path) -> None:
    trust = TrustList(tmp_path)
    real, impostor = _cert(now=NOW), _cert(now=NOW)
    trust.add(certificate_pem(real), now=NOW)
    with pytest.raises(TrustConflictError) as refused:
        trust.add(certificate_pem(impostor), "impostor.pem", now=NOW)
    message = str(refused.value)
    assert certificate_fingerprint(real) in message and certificate_fingerprint(impostor) in message
    assert "--replace" in message and "\n" not in message
    assert trust.certificates() == [real]
    # The same name with another title or e-mail is still the same name to a reader.
    variant = IdentityInfo("ANNA PEETERS", "Director", "Peeters Diamonds BV", "BE")
    with pytest.raises(TrustConflictError):
        trust.add(certificate_pem(_cert(variant, now=NOW)), now=NOW)
    # A different person of the same company is no conflict.
    colleague = IdentityInfo("Jan Peeters", "Director", "Peeters Diamonds BV", "BE")
    trust.add(certificate_pem(_cert(colleague, now=NOW)), now=NOW)
    assert len(trust.certificates()) == 2


def test_replace_swaps_the_key_and_a_renewal_of_the_same_key_is_added(tmp_path: Path) -> None:
    trust = TrustList(tmp_path)
    key = ec.generate_private_key(ec.SECP256R1())
    first = _cert(key=key, now=NOW)
    trust.add(certificate_pem(first), now=NOW)
    renewed = _cert(key=key, now=NOW + timedelta(days=1500))
    result = trust.add(certificate_pem(renewed), now=NOW)
    assert not result.replaced and set(trust.certificates()) == {first, renewed}
    new_key = _cert(now=NOW)
    result = trust.add(certificate_pem(new_key), now=NOW, replace=True)
    assert {item.certificate for item in result.replaced} == {first, renewed}
    assert trust.certificates() == [new_key]
    assert trust.add(certificate_pem(new_key), now=NOW).already_trusted


def test_trusting_an_expired_certificate_warns(tmp_path: Path) -> None:
    old = _cert(now=NOW - timedelta(days=7 * 365))
    result = TrustList(tmp_path).add(certificate_pem(old), now=NOW)
    assert result.warnings and "expired" in result.warnings[0]
    assert not TrustList(tmp_path / "x").add(certificate_pem(_cert(now=NOW)), now=NOW).warnings


def test_cli_trust_prints_the_fingerprint_refuses_and_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real, impostor = _cert(now=datetime.now(UTC)), _cert(now=datetime.now(UTC))
    (tmp_path / "real.pem").write_bytes(certificate_pem(real))
    (tmp_path / "impostor.pem").write_bytes(certificate_pem(impostor))
    data = ["--data-dir", str(tmp_path / "buyer")]
    assert run(["identity", "trust", str(tmp_path / "real.pem"), *data]) == 0
    out = capsys.readouterr().out
    assert certificate_fingerprint(real) in out and "phone" in out
    assert run(["identity", "trust", str(tmp_path / "impostor.pem"), *data]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and certificate_fingerprint(impostor) in err
    assert run(["identity", "trust", str(tmp_path / "impostor.pem"), "--replace", "--json", *data]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["fingerprint_sha256"] == certificate_fingerprint(impostor)
    assert [r["fingerprint_sha256"] for r in document["replaced"]] == [certificate_fingerprint(real)]


def test_cli_trust_of_an_expired_certificate_warns_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _cert(now=datetime.now(UTC) - timedelta(days=7 * 365))
    (tmp_path / "old.pem").write_bytes(certificate_pem(old))
    assert run(["identity", "trust", str(tmp_path / "old.pem"), "--data-dir", str(tmp_path / "d")]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "expired" in captured.err
    assert certificate_fingerprint(old) in captured.out
