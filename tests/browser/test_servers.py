"""The server helpers on their own (no browser): start, answer, retry a taken port, stop."""

from __future__ import annotations

import socket
import urllib.request

from tests.browser import servers
from tests.browser.notebooks import write_notebook


def test_voila_starts_on_another_port_when_the_first_is_taken(tmp_path, monkeypatch):
    notebook = write_notebook(tmp_path, "hello.ipynb", "Hello", "print('hello')")
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    second = servers.free_port()
    ports = iter([taken.getsockname()[1], second])
    monkeypatch.setattr(servers, "free_port", lambda: next(ports))

    try:
        server = servers.start_voila(tmp_path / notebook, tmp_path / "home")
    finally:
        taken.close()
    try:
        assert server.base_url == f"http://127.0.0.1:{second}"
        with urllib.request.urlopen(server.url(""), timeout=30) as response:
            page = response.read().decode()
        assert "hello" in page
    finally:
        servers.stop(server)
    assert server.process.poll() is not None
