"""The publishers' download addresses (resources/lists/sources.yaml) and the rules every download URL obeys."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.paths import resource
from desktop.screening.errors import DownloadError, ScreeningError

SOURCES_FORMAT = "clearstone.list-sources/1"
MB = 1024 * 1024


class SourcesFileError(ScreeningError):
    """resources/lists/sources.yaml is missing or invalid (a packaging fault)."""


class ListSource(BaseModel):
    """One official list and the address its publisher serves it from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Z][A-Z0-9-]{1,31}$")
    name: str
    publisher: str
    url: str
    page: str
    checked: str
    max_mb: int = Field(default=150, ge=1, le=1024)

    @property
    def max_bytes(self) -> int:
        return self.max_mb * MB


class _SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: str
    sources: list[ListSource]


def sources_path() -> Path:
    return resource("lists", "sources.yaml")


def load_sources(path: Path | None = None) -> list[ListSource]:
    """The bundled sources, validated: one per id, each URL acceptable to `check_url`."""
    path = path or sources_path()
    try:
        doc = _SourcesFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise SourcesFileError(f"{path} cannot be read: {str(exc).splitlines()[0]}") from None
    if doc.format != SOURCES_FORMAT:
        raise SourcesFileError(f"{path}: format {doc.format!r}, expected {SOURCES_FORMAT}")
    ids = [s.id for s in doc.sources]
    if len(ids) != len(set(ids)):
        raise SourcesFileError(f"{path}: a list id appears twice")
    for source in doc.sources:
        try:
            check_url(source.url)
        except DownloadError as exc:
            raise SourcesFileError(f"{path}: {source.id}: {exc}") from None
    return doc.sources


def is_loopback(host: str) -> bool:
    """`localhost` or a loopback IP literal (127.0.0.0/8, ::1) — the only hosts plain HTTP may reach."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """The URL when it may be fetched: https://, or http:// to a loopback address only; else DownloadError."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise DownloadError(f"not a valid URL: {url[:200]!r}") from None
    if parts.scheme not in ("https", "http"):
        raise DownloadError(f"only https:// URLs are fetched, not {parts.scheme or 'a bare'}: {url[:200]!r}")
    if not host:
        raise DownloadError(f"the URL names no host: {url[:200]!r}")
    if parts.scheme == "http" and not is_loopback(host):
        raise DownloadError(
            f"plain http:// is refused for {host} (only https://, or http:// to this computer)"
        )
    return url


def select(sources: Sequence[ListSource], overrides: Sequence[str]) -> list[ListSource]:
    """Apply `--source ID=URL` (or `--source ID`) options: replace URLs and keep only the named sources.

    With no options, every source. An unknown id or a refused URL raises DownloadError.
    """
    if not overrides:
        return list(sources)
    by_id = {s.id: s for s in sources}
    chosen: dict[str, ListSource] = {}
    for option in overrides:
        list_id, _, url = option.partition("=")
        list_id = list_id.strip().upper()
        if list_id not in by_id:
            raise DownloadError(
                f"--source {option[:80]!r}: unknown list id {list_id!r} (known: {', '.join(by_id)})"
            )
        if list_id in chosen:
            raise DownloadError(f"--source names {list_id} twice")
        source = by_id[list_id]
        chosen[list_id] = source.model_copy(update={"url": check_url(url.strip())}) if url else source
    return [chosen[s.id] for s in sources if s.id in chosen]
