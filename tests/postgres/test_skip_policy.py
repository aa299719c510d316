"""The skip policy of the PostgreSQL tests, checked by running pytest on them without a server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MISSING = "/nonexistent/postgresql/bin"


def run_postgres_tests(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "OKRSIM_REQUIRE_POSTGRES"}
    environment.update(OKRSIM_PG_BIN=MISSING, **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "tests/postgres/test_journal_postgres.py", "-k",
         "reopening or same_dataframe", "-p", "no:cacheprovider", f"--basetemp={tmp_path}",
         "-q", "-rs"],
        cwd=REPO, env=environment, capture_output=True, text=True, timeout=120)


def test_a_missing_server_skips_with_a_plain_reason(tmp_path):
    result = run_postgres_tests(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 skipped" in result.stdout
    assert "PostgreSQL tests skipped: PostgreSQL server binaries (initdb, pg_ctl) not found" \
        in result.stdout


def test_a_missing_server_fails_when_postgres_is_required(tmp_path):
    result = run_postgres_tests(tmp_path, OKRSIM_REQUIRE_POSTGRES="1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "skipped" not in result.stdout
    assert "OKRSIM_REQUIRE_POSTGRES=1 but PostgreSQL server binaries" in result.stdout
