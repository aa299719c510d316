"""A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries, a temporary
folder, a free local port, its unix socket in the same folder, stopped and removed afterwards."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REQUIRE_VAR = "OKRSIM_REQUIRE_POSTGRES"
#: a folder holding initdb and pg_ctl, instead of looking in /usr/lib/postgresql
BIN_VAR = "OKRSIM_PG_BIN"
SERVICE_USER = "postgres"


def find_bin_dir() -> Path | None:
    """``$OKRSIM_PG_BIN``, else the newest ``/usr/lib/postgresql/<version>/bin`` with
    ``initdb`` and ``pg_ctl``, else both on the ``PATH``."""
    if os.environ.get(BIN_VAR):
        folder = Path(os.environ[BIN_VAR])
        return folder if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file() else None
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if
                        Path(p).parent.parent.name.isdigit() else 0)
    for initdb in reversed(candidates):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists():
            return folder
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def why_unavailable() -> str | None:
    """A plain reason when no throwaway cluster can run here, else ``None``."""
    if find_bin_dir() is None:
        return ("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's "
                "'postgresql' package")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed; pip install 'okrsim[postgres]'"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVICE_USER)
        except KeyError:
            return f"running as root and there is no '{SERVICE_USER}' user to run the server"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A running throwaway cluster; :meth:`new_database` gives a fresh database URL."""

    def __init__(self, folder: Path, port: int, user: str):
        self.folder, self.port, self.user = folder, port, user

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"okrsim_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """Start a cluster, yield it, and always stop it and delete its folder."""
    bin_dir = find_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="okrsim-pg-"))
    as_root = os.geteuid() == 0
    run_as: list[str] = []
    if as_root:
        entry = pwd.getpwnam(SERVICE_USER)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        run_as = ["runuser", "-u", SERVICE_USER, "--"]
    data, port, user = folder / "data", _free_port(), "okrsim"
    started = False
    try:
        subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", user,
                        "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                       check=True, capture_output=True, text=True)
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} "
                   f"-c unix_socket_directories={folder} -c fsync=off -c max_connections=60")
        subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                        "-l", str(folder / "server.log"), "-w", "-t", "60", "start"],
                       check=True, capture_output=True, text=True)
        started = True
        yield Cluster(folder, port, user)
    except subprocess.CalledProcessError as exc:
        log = folder / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"the throwaway PostgreSQL cluster did not start: {exc.stderr}"
                           f"{detail}") from None
    finally:
        if started:
            subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                            "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
