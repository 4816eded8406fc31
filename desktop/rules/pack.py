"""Load, hash, sign and install rule packs: the bundled one, and signed updates imported from a file."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import ValidationError

from desktop.fileio import write_atomic
from desktop.paths import resource
from desktop.rules.model import Regime, RulePack, check_vocabulary

SIGNED_FORMAT = "clearstone.signedpack/1"
MAX_PACK_BYTES = 20 * 1024 * 1024
# libyaml's loader is ten times faster; the pure-Python one is the fallback where libyaml is missing.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)


ACTIVE_FILE = "active.cspack.json"


class PackError(ValueError):
    """A rule pack could not be loaded, verified or installed; the message says why in one line."""


@dataclass(frozen=True)
class LoadedPack:
    pack: RulePack
    sha256: str
    origin: str  # "bundled" or the path of the installed signed pack
    publisher_key: str | None = None
    notice: str | None = None  # e.g. why an installed pack was not used

    @property
    def regimes(self) -> tuple[Regime, ...]:
        """The jurisdictions this pack knows, in the pack's order (packs before 2026-12: the bundled ones)."""
        declared = self.pack.jurisdictions
        return tuple(declared) if declared is not None else legacy_regimes()

    def regime(self, code: str) -> Regime | None:
        return next((r for r in self.regimes if r.code == code), None)

    def jurisdiction_codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.regimes)


REGIMES_FILE = "jurisdictions.yaml"
_LEGACY_REGIMES: tuple[Regime, ...] | None = None


def legacy_regimes() -> tuple[Regime, ...]:
    """The regimes of a pack that declares none (signed before 2026-12, when the eight were built in): the
    bundled pack's declaration, so the vocabulary still lives in one data file."""
    global _LEGACY_REGIMES
    if _LEGACY_REGIMES is None:
        path = resource("rules", "pack", REGIMES_FILE)
        try:
            raw = _read_yaml(path)["jurisdictions"]
            _LEGACY_REGIMES = tuple(Regime.model_validate(item) for item in raw)
        except (OSError, KeyError, TypeError, yaml.YAMLError, ValidationError) as exc:
            raise PackError(f"{path}: the bundled jurisdictions cannot be read ({exc})") from None
    return _LEGACY_REGIMES


def _check_legacy(pack: RulePack, where: str) -> None:
    if pack.jurisdictions is None:
        try:
            check_vocabulary(pack, list(legacy_regimes()))
        except ValueError as exc:
            raise PackError(f"{where}: {exc}") from None


def canonical_bytes(pack: RulePack | dict[str, Any]) -> bytes:
    # A pack without `jurisdictions` (older format) hashes exactly as it did before the field existed.
    data = (
        pack.model_dump(
            mode="json", by_alias=True, exclude={"jurisdictions"} if pack.jurisdictions is None else None
        )
        if isinstance(pack, RulePack)
        else pack
    )
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def pack_sha256(pack: RulePack) -> str:
    return hashlib.sha256(canonical_bytes(pack)).hexdigest()


def _describe(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def load_source_dir(folder: Path) -> RulePack:
    """Assemble a pack from its YAML sources (a manifest `pack.yaml` listing the other files)."""
    manifest_path = folder / "pack.yaml"
    try:
        manifest = _read_yaml(manifest_path)
    except FileNotFoundError:
        raise PackError(f"{manifest_path}: no pack manifest") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{manifest_path}: not valid YAML ({exc})") from None
    files = manifest.pop("files", [])
    translations: list[tuple[Path, Any]] = []
    assembled: dict[str, Any] = {
        **manifest,
        "jurisdictions": None,
        "definitions": {},
        "rules": [],
        "exemptions": [],
        "screening": [],
    }
    for name in files:
        path = folder / name
        try:
            part = _read_yaml(path) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise PackError(f"{path}: cannot read ({exc})") from None
        for key, value in part.items():
            if key == "definitions":
                clash = set(value) & set(assembled["definitions"])
                if clash:
                    raise PackError(f"{path}: definitions {sorted(clash)} are defined twice")
                assembled["definitions"].update(value)
            elif key in ("rules", "exemptions", "screening"):
                assembled[key].extend(value)
            elif key in ("kp", "jurisdictions"):
                if assembled.get(key) is not None:
                    raise PackError(f"{path}: section {key!r} is given twice")
                assembled[key] = value
            elif key == "texts":
                translations.append((path, value))
            else:
                raise PackError(f"{path}: unknown section {key!r}")
    if assembled["jurisdictions"] is None:
        del assembled["jurisdictions"]
    for path, texts in translations:
        _merge_texts(assembled, texts, path)
    try:
        pack = RulePack.model_validate(assembled)
    except ValidationError as exc:
        raise PackError(f"rule pack {folder}: {_describe(exc)}") from None
    _check_legacy(pack, f"rule pack {folder}")
    return pack


def _merge_texts(assembled: dict[str, Any], texts: Any, path: Path) -> None:
    """A language file (`texts: {fr: {RULE-ID: {title, summary, evidence}}}`) puts each rule's and exemption's
    words in that language into the rule itself (`texts: {fr: ...}`): the assembled, signed pack carries them
    per rule, and a translation kept in its own file is edited apart from the rules."""
    if not isinstance(texts, dict):
        raise PackError(f"{path}: `texts` must map a language to its texts")
    items = {
        str(item.get("id")): item
        for key in ("rules", "exemptions")
        for item in assembled[key]
        if isinstance(item, dict)
    }
    for language, entries in texts.items():
        if not isinstance(entries, dict):
            raise PackError(f"{path}: texts.{language} must map rule ids to texts")
        for rule_id, words in entries.items():
            item = items.get(str(rule_id))
            if item is None:
                raise PackError(f"{path}: texts.{language}.{rule_id}: no rule or exemption has this id")
            item.setdefault("texts", {})[language] = words


_BUNDLED: LoadedPack | None = None


def bundled_pack() -> LoadedPack:
    global _BUNDLED
    if _BUNDLED is None:
        pack = load_source_dir(resource("rules", "pack"))
        _BUNDLED = LoadedPack(pack=pack, sha256=pack_sha256(pack), origin="bundled")
    return _BUNDLED


# -- publisher keys and signatures ---------------------------------------------------------------


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise PackError(f"{path}: not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise PackError(f"{path}: publisher keys must be Ed25519")
    return key


def trusted_keys(data_dir: Path | None) -> dict[str, Ed25519PublicKey]:
    folders = [resource("rules", "publishers")]
    if data_dir is not None:
        folders.append(data_dir / "rules" / "trusted-publishers")
    keys: dict[str, Ed25519PublicKey] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.pem")):
            key = _load_public_key(path)
            keys[key_id(key)] = key
    return keys


def trust_publisher(data_dir: Path, public_key_file: Path) -> str:
    key = _load_public_key(public_key_file)
    folder = data_dir / "rules" / "trusted-publishers"
    folder.mkdir(parents=True, exist_ok=True)
    ident = key_id(key)
    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    write_atomic(folder / f"{ident}.pem", pem)
    return ident


def sign_pack(pack: RulePack, private_key: Ed25519PrivateKey, publisher: str) -> dict[str, Any]:
    payload = json.loads(canonical_bytes(pack))
    signature = private_key.sign(canonical_bytes(payload))
    return {
        "format": SIGNED_FORMAT,
        "pack": payload,
        "signature": {
            "algorithm": "Ed25519",
            "publisher": publisher,
            "key_id": key_id(private_key.public_key()),
            "value": base64.b64encode(signature).decode("ascii"),
        },
    }


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise PackError(f"{path}: not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(f"{path}: the publisher key must be Ed25519")
    return key


def read_signed_pack(path: Path, keys: dict[str, Ed25519PublicKey]) -> LoadedPack:
    """Parse and verify a signed pack file; nothing is installed here."""
    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            raise PackError(f"{path}: larger than {MAX_PACK_BYTES // (1024 * 1024)} MB; not a rule pack")
        document = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise PackError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackError(f"{path}: not a signed rule pack (expected JSON in format {SIGNED_FORMAT})") from None
    if not isinstance(document, dict) or document.get("format") != SIGNED_FORMAT:
        raise PackError(f"{path}: not a signed rule pack (format {SIGNED_FORMAT} expected)")
    signature = document.get("signature")
    payload = document.get("pack")
    if not isinstance(signature, dict) or not isinstance(payload, dict):
        raise PackError(f"{path}: the pack is unsigned")
    if signature.get("algorithm") != "Ed25519":
        raise PackError(f"{path}: unsupported signature algorithm {signature.get('algorithm')!r}")
    key = keys.get(str(signature.get("key_id", "")))
    if key is None:
        raise PackError(
            f"{path}: signed by key {signature.get('key_id')!r} ({signature.get('publisher', 'unknown publisher')}), "
            "which is not a trusted publisher"
        )
    try:
        key.verify(base64.b64decode(str(signature.get("value", "")), validate=True), canonical_bytes(payload))
    except (InvalidSignature, ValueError):
        raise PackError(f"{path}: the signature does not match the pack (altered or corrupt)") from None
    try:
        pack = RulePack.model_validate(payload)
    except ValidationError as exc:
        raise PackError(f"{path}: the signed pack is not a valid rule pack: {_describe(exc)}") from None
    _check_legacy(pack, f"{path}: the signed pack is not a valid rule pack")
    return LoadedPack(pack=pack, sha256=pack_sha256(pack), origin=str(path), publisher_key=key_id(key))


_VERSION_PART = re.compile(r"\d+|[^\d.]+")


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in _VERSION_PART.findall(version))


def is_newer(candidate: RulePack, current: RulePack) -> bool:
    if candidate.as_of != current.as_of:
        return candidate.as_of > current.as_of
    return _version_key(candidate.version) > _version_key(current.version)


def load_active_pack(data_dir: Path | None) -> LoadedPack:
    """The installed signed pack when it verifies and is newer than the bundled one, else the bundled pack."""
    bundled = bundled_pack()
    if data_dir is None:
        return bundled
    installed_path = data_dir / "rules" / ACTIVE_FILE
    if not installed_path.exists():
        return bundled
    try:
        installed = read_signed_pack(installed_path, trusted_keys(data_dir))
    except PackError as exc:
        return LoadedPack(bundled.pack, bundled.sha256, "bundled", notice=f"installed pack ignored: {exc}")
    if not is_newer(installed.pack, bundled.pack):
        return LoadedPack(
            bundled.pack, bundled.sha256, "bundled", notice="the bundled pack is newer than the installed one"
        )
    return installed


def import_pack(data_dir: Path, path: Path) -> LoadedPack:
    """Install a signed pack if a trusted publisher signed it and it is newer than the active pack."""
    candidate = read_signed_pack(path, trusted_keys(data_dir))
    active = load_active_pack(data_dir)
    if not is_newer(candidate.pack, active.pack):
        raise PackError(
            f"{path}: pack {candidate.pack.id} {candidate.pack.version} (as of {candidate.pack.as_of}) is not newer "
            f"than the active pack {active.pack.version} (as of {active.pack.as_of})"
        )
    target = data_dir / "rules" / ACTIVE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, path.read_bytes())
    return LoadedPack(candidate.pack, candidate.sha256, str(target), candidate.publisher_key)
