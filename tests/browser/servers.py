"""Start and stop the local JupyterLab and Voilà servers the browser tests talk to.

Everything here is plain process management: no pytest, no browser. Servers listen on
127.0.0.1 only, never open a browser, and are configured not to call the network.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 60.0
PORT_ATTEMPTS = 3
STOP_TIMEOUT_S = 10.0

# JupyterLab user settings written into a private settings folder, so that no toast, news
# fetch or virtualised notebook gets in the way of the tests.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Attach every cell to the page, so widgets further down a notebook are in the DOM.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


# A workshop journal named in the environment would record the tests' attempts.
UNSET_VARIABLES = {"OKRSIM_JOURNAL"}


@dataclass
class Server:
    """A running local server: its process, base URL, token and log file."""

    process: subprocess.Popen
    base_url: str
    token: str
    log_path: Path

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path`` on this server, token included when set."""
        url = f"{self.base_url}/{path.lstrip('/')}"
        if self.token:
            url += ("&" if "?" in url else "?") + f"token={self.token}"
        return url

    def log_tail(self, lines: int = 40) -> str:
        """Return the last ``lines`` lines of the server log, for failure messages."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_jupyter_env(home: Path) -> dict[str, str]:
    """Return an environment whose Jupyter config, settings and runtime live under ``home``.

    The user's own JupyterLab settings, workspaces and IPython start-up files then cannot
    change what the tests see, and no exercise attempt reaches a real workshop journal.
    Kernel specs still come from this Python environment.
    """
    settings = home / "lab-settings"
    for relative, values in LAB_SETTINGS.items():
        path = settings / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in UNSET_VARIABLES}
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        IPYTHONDIR=str(home / "ipython"),
        PYTHONUNBUFFERED="1",
    )
    for variable, folder in (("JUPYTER_PATH", VOILA_DATA), ("JUPYTER_CONFIG_PATH", VOILA_CONFIG)):
        env[variable] = os.pathsep.join(p for p in (str(folder), os.environ.get(variable, ""))
                                        if p)
    return env


def start_lab(root_dir: Path, home: Path) -> Server:
    """Start JupyterLab serving ``root_dir`` and wait until its API answers."""
    token = secrets.token_hex(16)

    def command(port: int) -> list[str]:
        return [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={root_dir}",
            f"--IdentityProvider.token={token}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            *_root_flag(),
        ]

    return _start(command, home, token, "jupyterlab.log", "api/status")


#: The kit's Voilà template (no Font Awesome from a CDN, code-only headings hidden), found
#: through ``JUPYTER_PATH`` as Voilà finds any installed template, and the config that makes
#: plain ``voila`` choose it, found through ``JUPYTER_CONFIG_PATH``: the two folders the wheel
#: installs into ``<prefix>/share/jupyter`` and ``<prefix>/etc/jupyter`` (``make lab`` links
#: them into ``.venv``).
VOILA_DATA = Path(__file__).resolve().parents[2] / "share" / "jupyter"
VOILA_CONFIG = Path(__file__).resolve().parents[2] / "etc" / "jupyter"
VOILA_TEMPLATE = "okrsim"


def start_voila(notebook: Path, home: Path, template: str | None = VOILA_TEMPLATE) -> Server:
    """Start Voilà on one notebook and wait until it serves files.

    ``template`` is passed as ``--template``; ``None`` starts plain ``voila`` (no flag), which
    uses whatever the installed config chooses.
    """

    def command(port: int) -> list[str]:
        return [
            sys.executable, "-m", "voila", str(notebook),
            "--no-browser",
            f"--port={port}",
            *([f"--template={template}"] if template else []),
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
        ]

    # Voilà executes the notebook only when the page is requested; a static file answers
    # as soon as the server listens.
    return _start(command, home, "", "voila.log", "voila/static/voila.js", accept_404=True)


class ServerExited(RuntimeError):
    """The server process ended before it answered."""


def _start(
    command: Callable[[int], list[str]],
    home: Path,
    token: str,
    log_name: str,
    ready_path: str,
    accept_404: bool = False,
) -> Server:
    """Launch on a free port and wait for ``ready_path``; retry if the port was taken meanwhile."""
    for attempt in range(1, PORT_ATTEMPTS + 1):
        port = free_port()
        server = _launch(command(port), home, f"http://127.0.0.1:{port}", token, log_name)
        try:
            _wait_until_answers(server, server.url(ready_path), accept_404)
        except ServerExited:
            if attempt == PORT_ATTEMPTS or "already in use" not in server.log_tail():
                raise
        else:
            return server
    raise AssertionError("unreachable")


def stop(server: Server) -> None:
    """Stop a server: ask politely (SIGTERM, which also shuts its kernels down), then kill."""
    if server.process.poll() is not None:
        return
    server.process.terminate()
    try:
        server.process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=STOP_TIMEOUT_S)


def _root_flag() -> list[str]:
    """Jupyter refuses to run as root (containers, CI) unless told to."""
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def _launch(command: list[str], home: Path, base_url: str, token: str, log_name: str) -> Server:
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / log_name
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=home,
            env=private_jupyter_env(home),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return Server(process=process, base_url=base_url, token=token, log_path=log_path)


def _wait_until_answers(server: Server, url: str, accept_404: bool = False) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerExited(
                f"server exited with code {server.process.returncode} before answering; "
                f"log:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as error:
            if accept_404 and error.code == 404:
                return
        except OSError:
            pass
        time.sleep(0.2)
    stop(server)
    raise RuntimeError(
        f"server did not answer {url} within {START_TIMEOUT_S:.0f} s; log:\n{server.log_tail()}"
    )
