"""Official list importers, each chosen by what a file contains (never by its name)."""

from __future__ import annotations

from pathlib import Path

from desktop.screening.errors import ListFormatError, ScreeningError, UnsafeFileError
from desktop.screening.importers import eu_fsf, ftm_json, ofac_csv, ofac_xml, uk_csv, uk_xml, un_xml
from desktop.screening.importers.common import ParsedList, Progress, check_size, local, root_attributes

__all__ = ["ParsedList", "detect", "read_one", "read_path"]

# SDN.XML and CONSOLIDATED.XML (and the two CSV sets) share a layout: the source says which one a file is.
_OFAC_NAMES = {
    "OFAC-SDN": "OFAC Specially Designated Nationals List",
    "OFAC-CONS": "OFAC Consolidated (non-SDN) List",
}

_XML_READERS = {
    un_xml.ROOT: un_xml.read,
    eu_fsf.ROOT: eu_fsf.read,
    uk_xml.ROOT: uk_xml.read,
    ofac_xml.ROOT: ofac_xml.read,
}


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(4096).lstrip(b"\xef\xbb\xbf").lstrip()


def _xml_root(path: Path) -> str:
    head = _head(path)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnsafeFileError(f"{path.name}: XML with a DTD or entity declarations is refused")
    root_attributes(path)  # raises on unsafe or malformed starts
    from defusedxml.ElementTree import iterparse

    for _event, elem in iterparse(str(path), events=("start",), forbid_dtd=True):
        return local(elem.tag)
    return ""


def detect(path: Path) -> str:
    """The format of one file: 'xml:<root>', 'ftm', 'ofac-csv:<role>'; ListFormatError when unknown."""
    check_size(path)
    head = _head(path)
    if not head:
        raise ListFormatError(f"{path.name}: the file is empty")
    if head.startswith(b"<"):
        root = _xml_root(path)
        if root in _XML_READERS:
            return f"xml:{root}"
        raise ListFormatError(
            f"{path.name}: XML with root <{root}> is not a sanctions list format Clearstone reads"
        )
    if head.startswith(b"{"):
        return "ftm"
    rows = ofac_csv.head_rows(path)  # the whole file is read by its importer, once
    if uk_csv.header_row(rows) is not None:
        return "uk-csv"
    role = ofac_csv.role_of(rows)
    if role is not None:
        return f"ofac-csv:{role}"
    raise ListFormatError(
        f"{path.name}: not a sanctions list format Clearstone reads (OFAC, EU, UK, UN, FtM)"
    )


def read_path(path: Path, progress: Progress | None = None) -> list[ParsedList]:
    """Parse a file, or every list file in a folder (OFAC CSV files in one folder form one set)."""
    if not path.exists():
        raise ListFormatError(f"{path} does not exist")
    files = (
        sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        if path.is_dir()
        else [path]
    )
    if not files:
        raise ListFormatError(f"{path} holds no files to import")
    out: list[ParsedList] = []
    ofac_set: dict[str, Path] = {}
    for f in files:
        kind = detect(f)
        if kind.startswith("xml:"):
            out.append(_XML_READERS[kind[4:]](f, progress))
        elif kind == "ftm":
            out.append(ftm_json.read(f, progress))
        elif kind == "uk-csv":
            out.append(uk_csv.read(f, ofac_csv.read_rows(f)))
        else:
            role = kind.split(":", 1)[1]
            if role in ofac_set:
                raise ListFormatError(
                    f"{f.name} and {ofac_set[role].name} are both OFAC {role} files in one folder"
                )
            ofac_set[role] = f
            continue
        out[-1].files = [f]
    if ofac_set:
        out.append(ofac_csv.read_set(ofac_set, progress))
        out[-1].files = sorted(ofac_set.values(), key=lambda p: p.name)
    ids = [p.id for p in out]
    if len(ids) != len(set(ids)):
        raise ListFormatError(
            f"{path} holds two files of the same list ({', '.join(ids)}); import them one at a time"
        )
    return out


def read_one(path: Path, list_id: str, where: str, progress: Progress | None = None) -> ParsedList:
    """Parse a file or folder that must hold exactly the list `list_id` (a download, a pack member).

    For the two OFAC lists the caller's id wins over the content heuristic that tells them apart.
    """
    try:
        parsed = read_path(path, progress)
    except ScreeningError as exc:  # same error type, with the list and where its file came from
        raise type(exc)(f"{list_id} {where}: {exc}") from None
    if len(parsed) != 1:
        raise ListFormatError(f"{list_id} {where}: {len(parsed)} lists found, expected one")
    (found,) = parsed
    if found.id in _OFAC_NAMES and list_id in _OFAC_NAMES:
        found.id, found.name = list_id, _OFAC_NAMES[list_id]
    if found.id != list_id:
        raise ListFormatError(f"{list_id} {where}: the file is the {found.id} list, not {list_id}")
    return found
