"""Data packs: the loaded official lists in one signed zip file, for machines that stay offline.

Layout (format `clearstone.listpack/1`, see docs/lists.md):

    manifest.json        what the pack holds: per list its id, publication date, entries, SHA-256 and files
    manifest.sig         ECDSA P-256 / SHA-256 signature (DER) over the exact bytes of manifest.json
    signer.pem           the signer's X.509 certificate (PEM)
    lists/<ID>/<file>    the official files, byte for byte as the publisher served them

The signature covers the manifest, the manifest covers every file by SHA-256 and size: nothing else is
read from the zip. A pack is refused whole, with one line, when anything is wrong.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.screening import archive
from desktop.screening.errors import DataPackError
from desktop.screening.importers import ParsedList, read_one
from desktop.screening.importers.common import MAX_FILE_BYTES, sha256_of
from desktop.screening.service import Screener
from desktop.screening.store import ImportNote
from desktop.screening.types import ListInfo

PACK_FORMAT = "clearstone.listpack/1"
MANIFEST, SIGNATURE, SIGNER = "manifest.json", "manifest.sig", "signer.pem"
MAX_MEMBERS = 256
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # every list file together, uncompressed
MAX_RATIO = 200  # XML and CSV lists compress 5-30 times; a zip bomb a thousand times and more
_META_LIMITS = {MANIFEST: 1024 * 1024, SIGNATURE: 1024, SIGNER: 256 * 1024}
_MEMBER = re.compile(r"lists/([A-Z][A-Z0-9-]{1,31})/([A-Za-z0-9_-][A-Za-z0-9._-]{0,99})")
_ZIP_MAGIC = b"PK\x03\x04"

TrustCheck = Callable[[x509.Certificate], str | None]  # why the signer is trusted, or None when it is not


class PackFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    size: int = Field(ge=0, le=MAX_FILE_BYTES)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class PackList(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Z][A-Z0-9-]{1,31}$")
    name: str
    source: str
    source_url: str | None = None
    publication_date: date | None
    entries: int = Field(ge=0)
    format: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    files: list[PackFile] = Field(min_length=1, max_length=16)


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["clearstone.listpack/1"]
    created_at: datetime
    lists: list[PackList] = Field(min_length=1)


@dataclass(frozen=True)
class PackSigner:
    """Who signs a pack: the certificate (PEM) and a function that signs bytes with the matching key."""

    certificate_pem: bytes
    sign: Callable[[bytes], bytes]


@dataclass(frozen=True)
class PackExport:
    path: Path
    sha256: str
    manifest: Manifest


@dataclass(frozen=True)
class PackImport:
    """An installed pack: the lists now loaded, who signed it and whether that signer is trusted."""

    infos: list[ListInfo]
    manifest: Manifest
    signer: x509.Certificate
    trusted: str | None  # "in your trust list", "your own signing identity", or None: not trusted

    @property
    def signer_name(self) -> str:
        return _common_name(self.signer)


def is_pack(path: Path) -> bool:
    """A data pack is a zip file (content, not name, decides)."""
    try:
        with path.open("rb") as handle:
            return path.is_file() and handle.read(4) == _ZIP_MAGIC
    except OSError:
        return False


# -- export ------------------------------------------------------------------------------------------------


def export_pack(screener: Screener, dest: Path, signer: PackSigner, now: datetime) -> PackExport:
    """Write every imported list's official files and a signed manifest to `dest` (atomically)."""
    data_dir = screener.data_dir
    stored = [info for info in screener.lists() if not info.bundled]
    if data_dir is None or not stored:
        raise DataPackError("no official list is loaded: there is nothing to put in a data pack")
    kept: list[tuple[ListInfo, list[Path]]] = []
    missing: list[str] = []
    for info in stored:
        found = archive.files(data_dir, info.id, info.sha256)
        if found is None:
            missing.append(info.id)
        else:
            kept.append((info, found))
    if missing:
        raise DataPackError(
            f"the official files of {', '.join(missing)} are not kept in the data folder (imported by an "
            "older version, or removed): import or update them again, then export"
        )
    entries: list[PackList] = []
    members: list[tuple[str, Path]] = []
    for info, paths in kept:
        names = _member_names(info.id, paths)
        files = [
            PackFile(name=n, size=p.stat().st_size, sha256=sha256_of([p]))
            for n, p in zip(names, paths, strict=True)
        ]
        entries.append(
            PackList(
                id=info.id,
                name=info.name,
                source=info.source,
                source_url=info.source_url,
                publication_date=info.as_of,
                entries=info.entries,
                format=info.format or "unknown",
                sha256=_combined(sorted(zip(names, paths, strict=True))),
                files=files,
            )
        )
        members += list(zip(names, paths, strict=True))
    manifest = Manifest(format=PACK_FORMAT, created_at=now, lists=entries)
    manifest_bytes = manifest.model_dump_json(indent=2).encode("utf-8")
    signature = signer.sign(manifest_bytes)
    dest = Path(dest)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}-", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise DataPackError(f"cannot write {dest}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, signature)
            zf.writestr(SIGNER, signer.certificate_pem)
            for name, path in members:
                zf.write(path, name)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DataPackError(f"cannot write {dest}: {exc.strerror or exc}") from None
    return PackExport(path=dest, sha256=sha256_of([dest]), manifest=manifest)


def _member_names(list_id: str, paths: Sequence[Path]) -> list[str]:
    names = []
    for path in paths:
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", path.name).lstrip(".")[:100] or "list"
        names.append(f"lists/{list_id}/{safe}")
    if len(set(names)) != len(names):
        raise DataPackError(f"two files of {list_id} have the same name once made safe for a pack")
    return names


def _combined(named: Sequence[tuple[str, Path]]) -> str:
    """The list's SHA-256 as the importer computes it: its files' bytes in file-name order."""
    digest = hashlib.sha256()
    for _name, path in named:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


# -- import ------------------------------------------------------------------------------------------------


def install_pack(
    screener: Screener, path: Path, *, trust: TrustCheck | None = None, force: bool = False
) -> PackImport:
    """Verify a pack completely, then install every list in it in one transaction (all or nothing)."""
    data_dir = screener.data_dir
    if data_dir is None:
        raise DataPackError("no data folder to import into")
    staging = archive.scratch_folder(data_dir, ".pack-import-")
    try:
        manifest, certificate, folders = open_pack(path, staging)
        parsed: list[ParsedList] = []
        for item in manifest.lists:
            found = read_one(folders[item.id], item.id, f"in the data pack {path.name}")
            _agrees(found, item, path)
            parsed.append(found)
        trusted = trust(certificate) if trust is not None else None
        fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
        who = (
            f"data pack {path.name} signed by {_common_name(certificate)} (certificate SHA-256 {fingerprint})"
        )
        detail = f"{who}, {'trusted: ' + trusted if trusted else 'signer NOT trusted'}"
        sources = {item.id: item.source_url for item in manifest.lists}
        infos = screener.install(
            parsed,
            ImportNote(via="pack", detail=detail),
            force=force,
            notes={p.id: ImportNote(via="pack", source_url=sources.get(p.id), detail=detail) for p in parsed},
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PackImport(infos=infos, manifest=manifest, signer=certificate, trusted=trusted)


def open_pack(path: Path, staging: Path) -> tuple[Manifest, x509.Certificate, dict[str, Path]]:
    """Check a pack's structure, signature and every file's hash; extract the files under `staging`.

    Returns the manifest, the signer's certificate and each list's folder. Raises DataPackError.
    """
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = _checked_members(zf, name)
            meta = {n: _read_member(zf, infos[n], _META_LIMITS[n], name) for n in _META_LIMITS if n in infos}
            if SIGNATURE not in meta or SIGNER not in meta:
                raise DataPackError(
                    f"{name}: the data pack is unsigned (no {SIGNATURE} or {SIGNER}); refused"
                )
            if MANIFEST not in meta:
                raise DataPackError(f"{name}: no {MANIFEST}: not a Clearstone data pack")
            certificate = _verify(meta[MANIFEST], meta[SIGNATURE], meta[SIGNER], name)
            manifest = _manifest(meta[MANIFEST], name)
            expected = _expected_members(manifest, name)
            present = {n for n in infos if n not in _META_LIMITS}
            if present != set(expected):
                extra = sorted(present - set(expected))
                absent = sorted(set(expected) - present)
                parts = [f"files not in the manifest: {', '.join(extra)[:200]}"] if extra else []
                parts += [f"files missing: {', '.join(absent)[:200]}"] if absent else []
                what = "; ".join(parts)
                raise DataPackError(f"{name}: the pack does not match its manifest ({what})")
            folders: dict[str, Path] = {}
            for member, (list_id, entry) in expected.items():
                folder = folders.setdefault(list_id, staging / list_id)
                folder.mkdir(exist_ok=True)
                _extract(zf, infos[member], entry, folder / member.rsplit("/", 1)[1], name)
    except zipfile.BadZipFile as exc:
        raise DataPackError(f"{name}: not a readable data pack (damaged zip: {exc})") from None
    except OSError as exc:
        raise DataPackError(f"{name}: cannot read the data pack: {exc.strerror or exc}") from None
    return manifest, certificate, folders


def _checked_members(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    entries = zf.infolist()
    if len(entries) > MAX_MEMBERS:
        raise DataPackError(f"{name}: {len(entries)} files in the pack; at most {MAX_MEMBERS}")
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in entries:
        member = info.filename
        if member in found:
            raise DataPackError(f"{name}: the file {member[:80]!r} appears twice in the pack")
        if member not in _META_LIMITS and not _MEMBER.fullmatch(member):
            raise DataPackError(f"{name}: unexpected file name {member[:80]!r} in the pack (path traversal?)")
        if info.flag_bits & 0x1:
            raise DataPackError(f"{name}: {member} is encrypted; a data pack is never encrypted")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise DataPackError(f"{name}: {member} is a symbolic link; refused")
        limit = _META_LIMITS.get(member, MAX_FILE_BYTES)
        if info.file_size > limit:
            raise DataPackError(f"{name}: {member} is {info.file_size:,} bytes; at most {limit:,}")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise DataPackError(
                f"{name}: {member} expands {info.file_size // max(1, info.compress_size)}-fold (zip bomb?)"
            )
        total += info.file_size
        found[member] = info
    if total > MAX_TOTAL_BYTES:
        raise DataPackError(
            f"{name}: {total / 1048576:.0f} MB uncompressed; at most {MAX_TOTAL_BYTES // 1048576} MB"
        )
    return found


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    with zf.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise DataPackError(f"{name}: {info.filename} is larger than {limit:,} bytes")
    return data


def _verify(manifest: bytes, signature: bytes, pem: bytes, name: str) -> x509.Certificate:
    try:
        certificate = x509.load_pem_x509_certificate(pem)
    except ValueError:
        raise DataPackError(f"{name}: {SIGNER} is not a PEM certificate") from None
    key = certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise DataPackError(f"{name}: the signer's key is not ECDSA P-256")
    try:
        key.verify(signature, manifest, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise DataPackError(
            f"{name}: the manifest's signature does not verify (the pack was altered)"
        ) from None
    return certificate


def _manifest(data: bytes, name: str) -> Manifest:
    try:
        return Manifest.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataPackError(f"{name}: the manifest is not valid ({where}: {first['msg']})") from None


def _expected_members(manifest: Manifest, name: str) -> dict[str, tuple[str, PackFile]]:
    expected: dict[str, tuple[str, PackFile]] = {}
    ids = [item.id for item in manifest.lists]
    if len(ids) != len(set(ids)):
        raise DataPackError(f"{name}: the manifest names a list twice")
    for item in manifest.lists:
        for entry in item.files:
            match = _MEMBER.fullmatch(entry.name)
            if match is None or match.group(1) != item.id or entry.name in expected:
                raise DataPackError(
                    f"{name}: the manifest names a bad file {entry.name[:80]!r} for {item.id}"
                )
            expected[entry.name] = (item.id, entry)
    return expected


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, entry: PackFile, target: Path, name: str) -> None:
    """Copy one member out, counting bytes and hashing as it goes; its size and SHA-256 must be the manifest's."""
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as source, target.open("wb") as out:
        while block := source.read(1 << 20):
            size += len(block)
            if size > entry.size:
                raise DataPackError(f"{name}: {entry.name} is larger than the manifest says (altered?)")
            digest.update(block)
            out.write(block)
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise DataPackError(
            f"{name}: {entry.name} does not match its SHA-256 in the manifest (altered or damaged)"
        )


def _agrees(found: ParsedList, item: PackList, path: Path) -> None:
    """The parsed list must be what the signed manifest says it is."""
    claims = {
        "SHA-256": (found.sha256, item.sha256),
        "publication date": (found.as_of, item.publication_date),
        "entry count": (len(found.entries), item.entries),
    }
    for what, (actual, stated) in claims.items():
        if actual != stated:
            raise DataPackError(f"{path.name}: {item.id}'s {what} is {actual}, the manifest says {stated}")


def _common_name(certificate: x509.Certificate) -> str:
    values = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    value = values[0].value if values else certificate.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
