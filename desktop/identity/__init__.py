"""The dealer's signing identity: ECDSA P-256 key and certificate in a passphrase-protected PKCS#12."""

from desktop.identity.certificate import IdentityInfo, certificate_fingerprint, certificate_pem, key_id
from desktop.identity.errors import (
    CorruptIdentityError,
    ExpiredCertificateError,
    IdentityError,
    IdentityExistsError,
    NoIdentityError,
    TrustConflictError,
    TrustListError,
    UnsupportedKeyError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from desktop.identity.store import IdentityStore, SigningIdentity
from desktop.identity.trust import TrustedIssuer, TrustList, TrustResult, trusted_certificates

__all__ = [
    "CorruptIdentityError",
    "ExpiredCertificateError",
    "IdentityError",
    "IdentityExistsError",
    "IdentityInfo",
    "IdentityStore",
    "NoIdentityError",
    "SigningIdentity",
    "TrustConflictError",
    "TrustList",
    "TrustListError",
    "TrustResult",
    "TrustedIssuer",
    "UnsupportedKeyError",
    "WeakPassphraseError",
    "WrongPassphraseError",
    "certificate_fingerprint",
    "certificate_pem",
    "key_id",
    "trusted_certificates",
]
