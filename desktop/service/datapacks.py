"""A data pack looked at before it is installed: who signed it, whether that signer is trusted here, what it holds.

The window shows this and asks for a confirmation when the signer is not trusted; installing is
`desktop.service.lists.import_lists` (which verifies everything again).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class PackedList:
    id: str
    name: str
    published: date | None
    entries: int


@dataclass(frozen=True)
class PackPreview:
    file: str
    signer: str  # the certificate's common name
    fingerprint: str  # SHA-256 of the certificate, as `identity show` prints it (compare it by phone)
    trusted: str | None  # why the signer is trusted here, or None when it is not
    created_at: datetime
    lists: list[PackedList]


def is_data_pack(path: Path) -> bool:
    from desktop.screening.datapack import is_pack

    return is_pack(path)


def inspect_pack(data_dir: Path, path: Path) -> PackPreview:
    """Verify the pack's signature and every file's hash (DataPackError when anything is wrong); install nothing."""
    from desktop.screening import archive
    from desktop.screening.datapack import open_pack
    from desktop.service.lists import fingerprint, trust_check

    staging = archive.scratch_folder(data_dir, ".pack-inspect-")
    try:
        manifest, certificate, _folders = open_pack(path, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from cryptography.x509.oid import NameOID

    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    signer = str(names[0].value) if names else certificate.subject.rfc4514_string()
    return PackPreview(
        file=path.name,
        signer=signer,
        fingerprint=fingerprint(certificate),
        trusted=trust_check(data_dir)(certificate),
        created_at=manifest.created_at,
        lists=[PackedList(i.id, i.name, i.publication_date, i.entries) for i in manifest.lists],
    )
