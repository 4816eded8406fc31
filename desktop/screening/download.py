"""Fetch one list file from its publisher: HTTPS with certificate checks, time-outs, a size cap, cancellation.

This module is the only place in Clearstone that opens a network connection, and it runs only when the
user asks for a list update (`clearstone lists update`, Data -> Update lists).
"""

from __future__ import annotations

import hashlib
import http.client
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from desktop import __version__
from desktop.screening.errors import DownloadCancelledError, DownloadError
from desktop.screening.sources import MB, check_url, is_loopback

Progress = Callable[[int, int], None]  # (bytes so far, total bytes or 0 when the server does not say)
Cancel = Callable[[], bool]  # asked between blocks; True stops the download

DEFAULT_TIMEOUT = 30.0  # seconds to connect, and at most between two blocks of data
DEFAULT_DEADLINE = 900.0  # seconds for the whole file (a server that drips a byte at a time)
_BLOCK = 64 * 1024
_SNIFF = 1024


@dataclass(frozen=True)
class Downloaded:
    """A file fetched completely: where it is, where it came from, its size and SHA-256."""

    path: Path
    url: str
    final_url: str
    size: int
    sha256: str


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to URLs the first one could have been (https, or http to loopback)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def _opener(url: str) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [
        _CheckedRedirects(),
        # certificate and host name checked against the system's trusted roots
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ]
    if is_loopback(urlsplit(url).hostname or ""):
        # a mirror on this computer is never reached through a proxy; elsewhere the system proxy applies
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def download(
    url: str,
    dest: Path,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    label: str = "download",
) -> Downloaded:
    """Fetch `url` into `dest`; on any failure `dest` is removed and DownloadError says why in one line."""
    check_url(url)
    host = urlsplit(url).hostname or url
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"Clearstone/{__version__} (sanctions list update)",
            "Accept-Encoding": "identity",
        },
    )
    started = time.monotonic()
    digest = hashlib.sha256()
    done = 0
    try:
        with _opener(url).open(request, timeout=timeout) as response, dest.open("wb") as out:
            declared = _declared_length(response.headers)
            if declared is not None and declared > max_bytes:
                raise DownloadError(
                    f"{label}: {host} announces {declared / MB:.0f} MB, over the {max_bytes // MB} MB cap"
                )
            if "html" in response.headers.get("Content-Type", "").lower():
                raise DownloadError(
                    f"{label}: {host} sent a web page, not a list file (an error or login page?)"
                )
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelledError(f"{label}: cancelled; nothing was changed")
                if time.monotonic() - started > deadline:
                    raise DownloadError(f"{label}: {host} took longer than {deadline:.0f} s; stopped")
                block = response.read(_BLOCK)
                if not block:
                    break
                done += len(block)
                if done > max_bytes:
                    raise DownloadError(
                        f"{label}: {host} sent more than the {max_bytes // MB} MB cap; stopped"
                    )
                digest.update(block)
                out.write(block)
                if progress is not None:
                    progress(done, declared or 0)
            if declared is not None and done != declared:
                raise DownloadError(
                    f"{label}: the connection to {host} closed after {done:,} of {declared:,} bytes: incomplete"
                )
            final_url = response.geturl()
    except DownloadError:
        dest.unlink(missing_ok=True)
        raise
    except urllib.error.HTTPError as exc:
        dest.unlink(missing_ok=True)
        raise DownloadError(f"{label}: {host} answered HTTP {exc.code} {exc.reason} for {url}") from None
    except urllib.error.URLError as exc:
        dest.unlink(missing_ok=True)
        raise DownloadError(f"{label}: {_describe(exc.reason, host, timeout)}") from None
    except http.client.IncompleteRead as exc:
        dest.unlink(missing_ok=True)
        raise DownloadError(
            f"{label}: the connection to {host} closed after {done + len(exc.partial):,} bytes: incomplete"
        ) from None
    except (http.client.HTTPException, OSError) as exc:
        dest.unlink(missing_ok=True)
        raise DownloadError(f"{label}: {_describe(exc, host, timeout)}") from None
    _refuse_non_list(dest, done, label, host)
    return Downloaded(path=dest, url=url, final_url=final_url, size=done, sha256=digest.hexdigest())


def _declared_length(headers: Message) -> int | None:
    try:
        value = int(headers.get("Content-Length", ""))
    except ValueError:
        return None
    return value if value >= 0 else None


def _describe(reason: object, host: str, timeout: float) -> str:
    if isinstance(reason, ssl.SSLCertVerificationError):
        return (
            f"the certificate of {host} could not be verified ({reason.verify_message}); nothing was fetched"
        )
    if isinstance(reason, TimeoutError):
        return f"{host} sent nothing for {timeout:.0f} s; stopped (no connection, or the server stalled)"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection to {host} failed ({reason.reason or reason}); nothing was fetched"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach {host}: {reason.strerror}"
    return f"cannot fetch from {host}: {reason}"


def _refuse_non_list(path: Path, size: int, label: str, host: str) -> None:
    """An empty body or an HTML page (error, login or cookie page) is never a list file."""
    if size == 0:
        path.unlink(missing_ok=True)
        raise DownloadError(f"{label}: {host} sent an empty file")
    with path.open("rb") as handle:
        head = handle.read(_SNIFF).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        path.unlink(missing_ok=True)
        raise DownloadError(f"{label}: {host} sent a web page, not a list file (an error or login page?)")
