"""The bundled curated diamond-sector list in resources/lists/: loaded and validated at start-up."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from desktop.paths import resource
from desktop.screening.errors import BundledListError
from desktop.screening.model import Entry
from desktop.screening.types import ListInfo

BUNDLED_FILE = "cs-diamond.yaml"
CONFIDENCE_TAGS = ("P", "S", "U")


class BundledList(BaseModel):
    """The curated list file: an id, a version, an as-of date and entries that cite their sources."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    version: str
    as_of: date
    source: str
    entries: list[Entry]

    @field_validator("entries")
    @classmethod
    def _entries_are_cited(cls, entries: list[Entry]) -> list[Entry]:
        ids = [e.id for e in entries]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate entry ids")
        for e in entries:
            if not e.sources:
                raise ValueError(f"entry {e.id} cites no source")
            if not e.bindings:
                raise ValueError(f"entry {e.id} binds no jurisdiction")
            for b in e.bindings:
                if b.confidence not in CONFIDENCE_TAGS:
                    raise ValueError(f"entry {e.id}: confidence {b.confidence!r} is not one of P/S/U")
        return entries

    def info(self, sha256: str) -> ListInfo:
        jurisdictions = sorted({b.jurisdiction for e in self.entries for b in e.bindings})
        return ListInfo(
            id=self.id,
            name=f"{self.name} v{self.version}",
            source=self.source,
            jurisdictions=jurisdictions,
            as_of=self.as_of,
            entries=len(self.entries),
            sha256=sha256,
            bundled=True,
        )


def load_bundled(path: Path | None = None) -> tuple[BundledList, ListInfo]:
    """Read and validate the bundled list; a packaging fault raises `BundledListError`."""
    target = path if path is not None else resource("lists", BUNDLED_FILE)
    try:
        raw = target.read_bytes()
        data = yaml.safe_load(raw)
        bundled = BundledList.model_validate(data)
    except OSError as exc:
        raise BundledListError(f"bundled list {target} cannot be read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise BundledListError(f"bundled list {target} is not valid YAML: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BundledListError(f"bundled list {target} is invalid at {where}: {first['msg']}") from None
    return bundled, bundled.info(hashlib.sha256(raw).hexdigest())
