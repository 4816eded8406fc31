"""The dealer's signing identity: ECDSA P-256 key and certificate in a passphrase-protected PKCS#12."""

from desktop.identity.certificate import IdentityInfo, certificate_fingerprint, certificate_pem, key_id
from desktop.identity.errors import (
    CorruptIdentityError,
    ExpiredCertificateError,
    IdentityError,
    IdentityExistsError,
    NoIdentityError,
    TrustListError,
    UnsupportedKeyError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from desktop.identity.store import IdentityStore, SigningIdentity
from desktop.identity.trust import TrustedIssuer, TrustList

__all__ = [
    "CorruptIdentityError",
    "ExpiredCertificateError",
    "IdentityError",
    "IdentityExistsError",
    "IdentityInfo",
    "IdentityStore",
    "NoIdentityError",
    "SigningIdentity",
    "TrustList",
    "TrustListError",
    "TrustedIssuer",
    "UnsupportedKeyError",
    "WeakPassphraseError",
    "WrongPassphraseError",
    "certificate_fingerprint",
    "certificate_pem",
    "key_id",
]
