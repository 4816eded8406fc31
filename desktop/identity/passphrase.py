"""The passphrase policy for the signing key: long enough, and not one of the passwords guessed first."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from desktop.identity.errors import WeakPassphraseError
from desktop.paths import resource

MIN_PASSPHRASE = 8

COMMON_PASSWORDS_FILE = ("identity", "common-passwords.txt")


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list (resources/identity/common-passwords.txt), case-folded."""
    path = resource(*COMMON_PASSWORDS_FILE)
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


_TRAILING = re.compile(r"[\d\W_]+$")
_LEADING = re.compile(r"^[\d\W_]+")


def _core(passphrase: str) -> str:
    folded = unicodedata.normalize("NFKC", passphrase).casefold().strip()
    return _LEADING.sub("", _TRAILING.sub("", folded))


def policy_text() -> str:
    return (
        f"at least {MIN_PASSPHRASE} characters and not a common password "
        "(a few unrelated words make a good passphrase)"
    )


def check_passphrase(passphrase: str) -> bytes:
    """The passphrase as bytes, or WeakPassphraseError stating the policy."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphraseError(f"the passphrase is too short: it must have {policy_text()}")
    folded = unicodedata.normalize("NFKC", passphrase).casefold().strip()
    common = common_passwords()
    core = _core(passphrase)
    if (
        folded in common
        or core in common
        or len(set(folded)) <= 2  # "aaaaaaaa", "abababab"
        or (not core and len(folded) < 16)  # digits and symbols only: a date, a phone number
    ):
        raise WeakPassphraseError(
            f"the passphrase is among the first ones guessed: it must have {policy_text()}"
        )
    return passphrase.encode("utf-8")
