"""Sanctions-list use cases for the CLI and the GUI: status, import, update from publishers, data packs.

Each function opens what it needs in the data folder, does one job and returns data; nothing here prints
or imports Qt. Failures raise ScreeningError (lists), IdentityError (the signing identity) or
RegisterError (the register), each with a one-line message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.screening.datapack import (
    PackExport,
    PackImport,
    PackSigner,
    TrustCheck,
    export_pack,
    install_pack,
    is_pack,
)
from desktop.screening.download import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, Cancel, download
from desktop.screening.errors import InvalidQueryError
from desktop.screening.importers.common import Progress
from desktop.screening.seed import seed_bundled_lists
from desktop.screening.service import Screener
from desktop.screening.sources import ListSource, load_sources, select
from desktop.screening.types import ListInfo, Match, PartyQuery
from desktop.screening.update import Fetch, SourceUpdate, UpdateProgress, update_lists
from desktop.service.workspace import REGISTER_FILE

if TYPE_CHECKING:  # the register is imported only when there is one to re-screen
    from desktop.register import RescreenChange, RescreenReport
    from desktop.service.workspace import Workspace

RESCREEN_YEARS = 5


@dataclass(frozen=True)
class Rescreen:
    """The register's past counterparties and owners screened again after the lists changed."""

    report: RescreenReport | None  # None: there is no register yet (nothing to re-screen), or it failed
    unscreenable: list[str] = field(default_factory=list)
    error: str | None = None  # the lists changed, but the register could not be re-screened (one line)

    @property
    def new_hits(self) -> list[RescreenChange]:
        return [c for c in self.report.changes if c.change == "new_match"] if self.report else []


@dataclass(frozen=True)
class UpdateResult:
    outcomes: list[SourceUpdate]
    rescreen: Rescreen

    @property
    def changed(self) -> bool:
        return any(o.status == "updated" for o in self.outcomes)


@dataclass(frozen=True)
class ImportResult:
    infos: list[ListInfo]
    pack: PackImport | None  # set when the file was a data pack
    rescreen: Rescreen


def seed(data_dir: Path) -> list[str]:
    """Import the lists bundled with this installation on first start (cheap afterwards); one line each."""
    return seed_bundled_lists(data_dir)


def import_lists(
    data_dir: Path, path: Path, *, now: datetime, force: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Import an official file, a folder of them, or a data pack (told apart by content); then re-screen."""
    screener = Screener.for_import(data_dir, clock=lambda: now)
    if is_pack(path):
        pack = install_pack(screener, path, trust=trust_check(data_dir), force=force)
        infos = pack.infos
    else:
        pack = None
        infos = screener.import_path(path, progress, force=force)
    return ImportResult(infos, pack, rescreen_register(data_dir, screener, now))


def sources(overrides: Sequence[str] = ()) -> list[ListSource]:
    """The publishers' sources from resources/lists/sources.yaml, with `--source ID[=URL]` applied."""
    return select(load_sources(), overrides)


def update(
    data_dir: Path,
    *,
    now: datetime,
    overrides: Sequence[str] = (),
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    progress: UpdateProgress | None = None,
    cancel: Cancel | None = None,
    fetch: Fetch = download,
) -> UpdateResult:
    """Fetch the official lists from their publishers, install them all or none, then re-screen the register.

    The only network access of the program: call it only when the user asks. `progress(list_id, bytes,
    total)` reports each download (total 0 when the server does not say); `cancel()` stops between blocks.
    """
    chosen = sources(overrides)
    screener = Screener.for_import(data_dir, clock=lambda: now)
    outcomes = update_lists(
        screener,
        chosen,
        force=force,
        timeout=timeout,
        deadline=deadline,
        progress=progress,
        cancel=cancel,
        fetch=fetch,
    )
    changed = any(o.status == "updated" for o in outcomes)
    return UpdateResult(outcomes, rescreen_register(data_dir, screener, now) if changed else Rescreen(None))


def export(data_dir: Path, dest: Path, passphrase: str, *, now: datetime) -> PackExport:
    """Write the loaded official lists and a manifest signed with the data folder's identity to `dest`."""
    return export_pack(Screener.open(data_dir), dest, pack_signer(data_dir, passphrase, now), now)


def pack_signer(data_dir: Path, passphrase: str, now: datetime) -> PackSigner:
    """The data folder's signing identity as a pack signer (ECDSA P-256, SHA-256)."""
    from desktop.identity import IdentityStore, certificate_pem

    identity = IdentityStore(data_dir).load(passphrase, now=now)
    key = identity.private_key
    return PackSigner(
        certificate_pem=certificate_pem(identity.certificate),
        sign=lambda data: key.sign(data, ec.ECDSA(hashes.SHA256())),
    )


def trust_check(data_dir: Path) -> TrustCheck:
    """Whether a pack's signer is trusted here: the data folder's own identity, or a certificate in its trust list."""
    from desktop.identity import IdentityError, IdentityStore, TrustList

    try:
        own = IdentityStore(data_dir).certificate() if IdentityStore(data_dir).exists() else None
    except IdentityError:
        own = None
    trusted = TrustList(data_dir)

    def check(certificate: x509.Certificate) -> str | None:
        if own is not None and certificate == own:
            return "your own signing identity"
        try:
            if trusted.contains(certificate):
                return "in your trust list"
        except IdentityError:
            return None
        return None

    return check


def fingerprint(certificate: x509.Certificate) -> str:
    """The signer's SHA-256 fingerprint as `identity show` prints it, for comparing by phone."""
    from desktop.identity import certificate_fingerprint

    return certificate_fingerprint(certificate)


def rescreen_register(
    data_dir: Path, screener: Screener, now: datetime, *, since_years: int = RESCREEN_YEARS
) -> Rescreen:
    """Screen the register's parties and owners of the last `since_years` years again; record the run."""
    if not (data_dir / REGISTER_FILE).exists():  # nothing recorded yet: nothing to re-screen
        return Rescreen(None)
    from desktop.register import Register

    unscreenable: list[str] = []

    def screen(query: PartyQuery) -> list[Match]:
        try:
            return screener.screen(query)
        except InvalidQueryError:  # nothing left to compare: it cannot match anything
            unscreenable.append(query.name)
            return []

    from desktop.register import RegisterError

    try:
        with Register.in_data_dir(data_dir) as register:
            report = register.rescreen(screen, since_years=since_years, now=now)
    except RegisterError as exc:  # the lists are already installed: report, do not undo
        return Rescreen(None, unscreenable, str(exc))
    return Rescreen(report, unscreenable)


def loaded_lists(ws: Workspace) -> list[ListInfo]:
    return ws.screener().lists()
