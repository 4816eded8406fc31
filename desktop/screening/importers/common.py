"""What every importer shares: the parsed-list shape, size cap, safe XML, progress, dates and countries."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, overload
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from desktop.screening.errors import FileTooLargeError, ListFormatError, UnsafeFileError
from desktop.screening.model import Entry

MAX_FILE_BYTES = 150 * 1024 * 1024
ALL_JURISDICTIONS = ("US", "EU", "UK", "CA", "JP", "CH", "AU", "NZ")
Progress = Callable[[int, int], None]


class StreamedEntries(Sequence[Entry]):
    """A parsed list's entries, made again from the parsed file's bytes each time they are walked.

    The store writes them as they come, so a million-entry list is never held as a million objects;
    the count is known (the file was checked whole when parsed). Indexing, rare (lists kept in memory),
    makes and keeps them all once.
    """

    def __init__(self, count: int, make: Callable[[], Iterator[Entry]]) -> None:
        self._count = count
        self._make = make
        self._held: list[Entry] | None = None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._held) if self._held is not None else self._make()

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if self._held is None:
            self._held = list(self._make())
        return self._held[index]


@dataclass
class ParsedList:
    """An official list read from one file or one OFAC CSV set, ready for the store."""

    id: str
    name: str
    source: str
    jurisdictions: list[str]
    as_of: date | None
    sha256: str
    format: str
    entries: Sequence[Entry] = field(default_factory=list)
    confidence: str = "P"
    # The official files it was read from (set by read_path): kept beside the store for data packs.
    files: list[Path] = field(default_factory=list)


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    size = path.stat().st_size
    if size > limit:
        raise FileTooLargeError(
            f"{path.name} is {size / 1048576:.0f} MB; files over {limit // 1048576} MB are refused"
        )
    return size


def sha256_of(paths: list[Path]) -> str:
    """Hash of the file, or of a set of files taken in name order."""
    digest = hashlib.sha256()
    for p in sorted(paths, key=lambda x: x.name):
        with p.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


class CountingReader:
    """Wraps a binary file so long parses can report how many bytes they have read."""

    def __init__(self, fh: IO[bytes], total: int, progress: Progress | None) -> None:
        self._fh = fh
        self._total = total
        self._progress = progress
        self._done = 0
        self._next_report = 0

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        self._done += len(data)
        if self._progress is not None and (self._done >= self._next_report or not data):
            self._progress(self._done, self._total)
            self._next_report = self._done + max(1, self._total // 50)
        return data


def local(tag: str) -> str:
    """Tag name without its namespace: formats change namespaces between years."""
    return tag.rsplit("}", 1)[-1]


def iter_records(path: Path, record_tags: set[str], progress: Progress | None) -> Iterator[Element]:
    """Yield each record element of a large XML file, refusing DTDs and entities, freeing memory as it goes."""
    total = check_size(path)
    try:
        with path.open("rb") as raw:
            reader = CountingReader(raw, total, progress)
            context = SafeET.iterparse(reader, events=("end",), forbid_dtd=True)
            for _event, elem in context:
                if local(elem.tag) in record_tags:
                    yield elem
                    elem.clear()
    except DefusedXmlException as exc:
        raise UnsafeFileError(
            f"{path.name}: XML with a DTD, entity declarations or external references is refused ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise ListFormatError(f"{path.name}: malformed or truncated XML ({exc})") from None


def root_attributes(path: Path) -> dict[str, str]:
    """Attributes of the root element (generation dates live there)."""
    try:
        for _event, elem in SafeET.iterparse(str(path), events=("start",), forbid_dtd=True):
            return dict(elem.attrib)
    except DefusedXmlException as exc:
        raise UnsafeFileError(
            f"{path.name}: XML with a DTD or entities is refused ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise ListFormatError(f"{path.name}: malformed or truncated XML ({exc})") from None
    return {}


def child_text(elem: Element, name: str) -> str:
    for child in elem:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def children(elem: Element, name: str) -> list[Element]:
    return [c for c in elem if local(c.tag) == name]


def descendants(elem: Element, name: str) -> list[Element]:
    return [c for c in elem.iter() if local(c.tag) == name]


def parse_date(text: str | None) -> date | None:
    """ISO, dd/mm/yyyy or mm/dd/yyyy (OFAC publish dates) and ISO timestamps; None when unreadable."""
    if not text:
        return None
    s = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d %b %Y", "%d-%b-%Y"):
        try:
            return datetime.strptime(s[:10] if fmt == "%Y-%m-%d" else s, fmt).date()
        except ValueError:
            continue
    return None


def partial_date(text: str) -> str | None:
    """A birth date as ISO text, possibly partial: 'dd/mm/1945' -> '1945'; '12/05/1958' -> '1958-05-12'."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2}))?", s)
    if m:
        return s
    m = re.fullmatch(r"(\d{2}|dd)/(\d{2}|mm)/(\d{4})", s)
    if m:
        d, mo, y = m.groups()
        return y if "d" in d or "m" in mo else f"{y}-{mo}-{d}"
    m = re.search(r"(\d{1,2} [A-Z][a-z]{2} )?(\d{4})", s)
    if m:
        full = parse_date(s)
        return full.isoformat() if full else m.group(2)
    return None


_COUNTRY_OVERRIDES = {
    "RUSSIA": "RU", "RUSSIAN FEDERATION": "RU", "BURMA": "MM", "MYANMAR": "MM", "TURKEY": "TR",
    "DEMOCRATIC REPUBLIC OF THE CONGO": "CD", "CONGO, DEMOCRATIC REPUBLIC OF THE": "CD",
    "KOREA, NORTH": "KP", "NORTH KOREA": "KP", "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA": "KP",
    "KOREA, SOUTH": "KR", "SOUTH KOREA": "KR", "IRAN": "IR", "SYRIA": "SY", "UNITED KINGDOM": "GB",
    "UK": "GB", "UNITED STATES": "US", "USA": "US", "KOSOVO": "XK", "PALESTINIAN": "PS",
    "OCCUPIED PALESTINIAN TERRITORY": "PS", "WEST BANK": "PS", "GAZA": "PS", "LAOS": "LA", "VIETNAM": "VN",
    "TANZANIA": "TZ", "BOLIVIA": "BO", "VENEZUELA": "VE", "MOLDOVA": "MD", "CZECH REPUBLIC": "CZ",
    "IVORY COAST": "CI", "COTE D'IVOIRE": "CI", "CONGO": "CG", "REPUBLIC OF THE CONGO": "CG",
    "THE GAMBIA": "GM", "GAMBIA": "GM", "BRUNEI": "BN", "MACAU": "MO", "TAIWAN": "TW", "CRIMEA": "UA",
}  # fmt: skip


@lru_cache(maxsize=2048)
def country_code(name: str) -> str | None:
    """ISO alpha-2 for a country name or code as lists write them; None when unknown."""
    s = " ".join(name.replace(".", "").split()).upper()
    if not s or s in ("00", "UNKNOWN"):
        return None
    if s in _COUNTRY_OVERRIDES:
        return _COUNTRY_OVERRIDES[s]
    if len(s) == 2 and s.isalpha():
        return "GB" if s == "UK" else s
    import pycountry  # slow to import: only importers need it

    try:
        return str(pycountry.countries.lookup(s).alpha_2)
    except LookupError:
        return None


def countries_of(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        code = country_code(n)
        if code and code not in out:
            out.append(code)
    return out


def clean_text(value: Any) -> str:
    return " ".join(str(value or "").split())
