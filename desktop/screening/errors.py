"""Screening failures the user can act on, each with a clear one-line message."""

from __future__ import annotations


class ScreeningError(Exception):
    """Base of every screening failure; `str(exc)` is a one-line message fit for the user."""


class InvalidQueryError(ScreeningError):
    """The name to screen is empty, too long or has nothing left to compare after normalisation."""


class ListFormatError(ScreeningError):
    """A file is not a sanctions list format Clearstone knows, or it is malformed or truncated."""


class UnsafeFileError(ScreeningError):
    """An XML file uses entity declarations or external references (billion laughs, XXE): refused."""


class FileTooLargeError(ScreeningError):
    """A file is larger than the import size cap."""


class BundledListError(ScreeningError):
    """The bundled curated list is missing or does not validate (a packaging fault)."""


class ListStoreError(ScreeningError):
    """The list store in the data folder cannot be read or written."""


class ImportRefusedError(ScreeningError):
    """An import would lose data (no entries, far fewer entries, an older publication): refused unless forced."""


class DownloadError(ScreeningError):
    """A list could not be downloaded from its publisher: network fault, HTTP error, size cap, wrong content."""


class DownloadCancelledError(DownloadError):
    """The user cancelled a download; nothing was changed."""


class DataPackError(ScreeningError):
    """A data pack is damaged, unsigned, tampered with or hostile; nothing was installed."""


class UnknownEntryError(ScreeningError):
    """A list entry asked for by id is not in the loaded lists."""
