"""Specific failures of the signing identity, each with a message the user can act on."""

from __future__ import annotations


class IdentityError(Exception):
    """Base class: the signing identity could not be created, read or used; nothing was overwritten."""


class NoIdentityError(IdentityError):
    """No signing identity exists in the data folder yet."""


class IdentityExistsError(IdentityError):
    """An identity already exists and replacing it was not asked for explicitly."""


class WrongPassphraseError(IdentityError):
    """The PKCS#12 file is well-formed but the passphrase does not open it."""


class CorruptIdentityError(IdentityError):
    """The PKCS#12 or certificate file is damaged or is not what it claims to be."""


class ExpiredCertificateError(IdentityError):
    """The certificate is outside its validity period at the time of use."""


class UnsupportedKeyError(IdentityError):
    """The key is not ECDSA P-256, the only kind the compact QR signature supports."""


class WeakPassphraseError(IdentityError):
    """The passphrase is too short to protect a signing key."""


class TrustListError(IdentityError):
    """A certificate could not be added to, or read from, the local trust list."""


class TrustConflictError(TrustListError):
    """A different key under a name already trusted: the classic impostor, unless the issuer confirms a new key."""
