"""The offline guard itself works: a connection attempt fails the test that makes it."""

import socket

import pytest

from tests.conftest import NetworkAccessError


def test_opening_a_connection_is_refused() -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("127.0.0.1", 9))
    sock = socket.socket()
    try:
        with pytest.raises(NetworkAccessError):
            sock.connect(("127.0.0.1", 9))
    finally:
        sock.close()
