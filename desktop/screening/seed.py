"""Official lists bundled with an installation: written at build time, imported into the data folder at start.

The bundle is `resources/lists/official/`: a `manifest.json` in the data-pack manifest format (unsigned —
the installer itself is what the user trusts) and `lists/<ID>/<file>`, the official files byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.paths import resource

if TYPE_CHECKING:  # the rest is imported only when there is a bundle to seed: start-up stays cheap
    from desktop.screening.datapack import Manifest, PackList
    from desktop.screening.importers import ParsedList
    from desktop.screening.service import Clock

MANIFEST = "manifest.json"
MARKER = "bundled-lists.json"  # in the data folder: which bundle was already seeded


def bundle_dir() -> Path:
    return resource("lists", "official")


def seed_bundled_lists(
    data_dir: Path, *, bundle: Path | None = None, clock: Clock | None = None
) -> list[str]:
    """Import the lists bundled with this installation into `data_dir`, once per bundle; one line per outcome.

    Cheap when already done (it runs on every start): two small file reads. A bundled list only fills a
    gap or replaces a loaded copy with an older publication date; whatever the user loaded since stays.
    Never raises for a data-folder fault: the message says what went wrong and the next start retries.
    """
    folder = bundle if bundle is not None else bundle_dir()
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        return []
    marker = Path(data_dir) / MARKER
    try:
        raw = manifest_path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if (
            marker.is_file()
            and json.loads(marker.read_text(encoding="utf-8")).get("manifest_sha256") == digest
        ):
            return []
    except (OSError, ValueError, AttributeError):
        pass  # unreadable marker: seed again (the guards keep anything newer)
    return _seed(Path(data_dir), folder, raw, digest, marker, clock)


def _seed(
    data_dir: Path, folder: Path, raw: bytes, digest: str, marker: Path, clock: Clock | None
) -> list[str]:
    from desktop import __version__
    from desktop.fileio import write_atomic
    from desktop.screening.errors import DataPackError, ScreeningError
    from desktop.screening.guards import seed_refusal
    from desktop.screening.importers import read_one
    from desktop.screening.service import Screener
    from desktop.screening.store import ImportNote

    try:
        manifest = _manifest(raw, folder / MANIFEST)
        screener = Screener.for_import(data_dir, clock=clock or (lambda: datetime.now(UTC)))
        messages: list[str] = []
        accepted: list[ParsedList] = []
        for item in manifest.lists:
            parsed = read_one(folder / "lists" / item.id, item.id, "bundled with this installation")
            if parsed.sha256 != item.sha256:
                raise DataPackError(
                    f"the bundled {item.id} files do not match their manifest (damaged install)"
                )
            reason = seed_refusal(parsed, screener.loaded(item.id))
            if reason is not None:
                messages.append(f"bundled list not imported: {reason}")
            else:
                accepted.append(parsed)
        detail = f"bundled with Clearstone {__version__}"
        notes = {
            i.id: ImportNote(via="bundled", source_url=i.source_url, detail=detail) for i in manifest.lists
        }
        for info in screener.install(accepted, ImportNote(via="bundled", detail=detail), notes=notes):
            published = f"published {info.as_of}" if info.as_of else "publication date unknown"
            messages.append(f"imported the bundled {info.id} list ({published}, {info.entries} entries)")
        write_atomic(
            marker, json.dumps({"manifest_sha256": digest, "seeded_at": datetime.now(UTC).isoformat()})
        )
    except (ScreeningError, OSError) as exc:
        return [f"the lists bundled with this installation were not imported: {exc}"]
    return messages


def _manifest(raw: bytes, path: Path) -> Manifest:
    from desktop.screening.datapack import Manifest
    from desktop.screening.errors import DataPackError

    try:
        return Manifest.model_validate_json(raw)
    except ValueError as exc:
        raise DataPackError(f"{path} is not a valid list manifest ({str(exc).splitlines()[0]})") from None


def write_bundle(paths: Sequence[Path], dest: Path, now: datetime) -> Manifest:
    """Build `dest` (resources/lists/official) from official files, folders or data packs (installer/build.py).

    Every list is read by its importer first, so a build never ships a file the app would refuse.
    """
    from desktop.screening.datapack import PACK_FORMAT, Manifest, is_pack, open_pack
    from desktop.screening.errors import DataPackError
    from desktop.screening.importers import read_one, read_path

    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "lists").mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="clearstone-bundle-") as scratch:
        parsed: list[ParsedList] = []
        for n, path in enumerate(paths):
            if is_pack(path):
                staging = Path(scratch) / str(n)
                staging.mkdir()
                manifest, _certificate, folders = open_pack(path, staging)
                parsed += [read_one(folders[i.id], i.id, f"in {path.name}") for i in manifest.lists]
            else:
                parsed += read_path(Path(path))
        ids = [p.id for p in parsed]
        if len(ids) != len(set(ids)):
            raise DataPackError(f"two of the given files are the same list ({', '.join(sorted(ids))})")
        items = [_bundle_list(p, dest) for p in parsed]
    manifest = Manifest(format=PACK_FORMAT, created_at=now, lists=items)
    (dest / MANIFEST).write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
    return manifest


def _bundle_list(parsed: ParsedList, dest: Path) -> PackList:
    from desktop.screening.datapack import PackFile, PackList
    from desktop.screening.errors import DataPackError
    from desktop.screening.importers.common import sha256_of

    folder = dest / "lists" / parsed.id
    folder.mkdir()
    files = []
    for source in parsed.files:
        name = re.sub(r"[^A-Za-z0-9._-]", "_", source.name).lstrip(".")[:100] or "list"
        shutil.copyfile(source, folder / name)
        files.append(
            PackFile(name=f"lists/{parsed.id}/{name}", size=source.stat().st_size, sha256=sha256_of([source]))
        )
    if not parsed.entries:
        raise DataPackError(f"{parsed.id}: the file has no entries; it is not bundled")
    copied = sorted(p for p in folder.iterdir())
    return PackList(
        id=parsed.id,
        name=parsed.name,
        source=parsed.source,
        source_url=None,
        publication_date=parsed.as_of,
        entries=len(parsed.entries),
        format=parsed.format,
        sha256=sha256_of(copied),
        files=files,
    )
