"""The offline guard itself works: a connection beyond this computer fails the test that makes it."""

import socket
import threading

import pytest

from tests.conftest import NetworkAccessError


@pytest.mark.parametrize("host", ["192.0.2.1", "8.8.8.8", "2001:db8::1", "example.com"])
def test_opening_a_connection_is_refused(host: str) -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection((host, 443), timeout=1)
    with pytest.raises(NetworkAccessError):
        socket.getaddrinfo(host, 443)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family)
    try:
        with pytest.raises(NetworkAccessError):
            sock.connect((host, 443))
        with pytest.raises(NetworkAccessError):
            sock.connect_ex((host, 443))
    finally:
        sock.close()


def test_loopback_is_allowed_for_test_servers() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]))
    thread.start()
    try:
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            client.sendall(b"ok")
        thread.join(5)
        assert accepted and accepted[0].recv(2) == b"ok"
    finally:
        for sock in accepted:
            sock.close()
        server.close()
