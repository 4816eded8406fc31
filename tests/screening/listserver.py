"""A loopback HTTP server for list-update tests: serves files, and misbehaves on request.

Routes: /files/<name> (a file given to the server), /status/<code>, /stall (accepts, never answers),
/truncate/<name> (announces the full length, sends half, closes), /html (an error page with status 200),
/html-as-xml (the same page labelled application/xml), /endless (a body that never ends), /empty,
/redirect?to=<url> (302).
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

_HTML = b"<!DOCTYPE html><html><head><title>Service unavailable</title></head><body>Try later</body></html>"


class ListServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, files: dict[str, Path]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files = dict(files)
        self.release = threading.Event()  # set at shutdown: stalled handlers return
        self.requests: list[str] = []

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        scheme = "https" if isinstance(self.socket, ssl.SSLSocket) else "http"
        return f"{scheme}://{host!s}:{port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


class _Handler(BaseHTTPRequestHandler):
    server: ListServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.server.requests.append(parts.path)
        route, _, rest = parts.path.lstrip("/").partition("/")
        try:
            if route == "files" and rest in self.server.files:
                self._send(self.server.files[rest].read_bytes(), "application/xml")
            elif route == "status":
                self.send_error(int(rest))
            elif route == "stall":
                self.server.release.wait(30)
            elif route == "truncate" and rest in self.server.files:
                data = self.server.files[rest].read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
            elif route == "html":
                self._send(_HTML, "text/html; charset=utf-8")
            elif route == "html-as-xml":
                self._send(_HTML, "application/xml")
            elif route == "empty":
                self._send(b"", "application/xml")
            elif route == "endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.end_headers()
                block = b"<x>" + b"A" * 65536 + b"</x>"
                while not self.server.release.is_set():
                    self.wfile.write(block)
            elif route == "redirect":
                self.send_response(302)
                self.send_header("Location", parse_qs(parts.query)["to"][0])
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, time-out): expected

    def do_CONNECT(self) -> None:
        """Acting as the system proxy: note the tunnel asked for, then refuse it."""
        self.server.requests.append(f"CONNECT {self.path}")
        self.send_error(502)

    def _send(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def serving(files: dict[str, Path], tls: ssl.SSLContext | None = None) -> Iterator[ListServer]:
    """Serve on 127.0.0.1 (HTTPS when `tls` is given) until the block ends."""
    server = ListServer(files)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
