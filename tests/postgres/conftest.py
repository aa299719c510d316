"""Fixtures for the PostgreSQL journal tests: one throwaway cluster per session, one database
per test. Without the server binaries or the driver the tests skip with the reason; under
``OKRSIM_REQUIRE_POSTGRES=1`` (set by CI) they fail instead, so CI never passes without them."""

from __future__ import annotations

import os

import pytest

from tests.postgres.cluster import REQUIRE_VAR, throwaway_cluster, why_unavailable


@pytest.fixture(scope="session")
def pg_cluster():
    reason = why_unavailable()
    if reason:
        if os.environ.get(REQUIRE_VAR) == "1":
            pytest.fail(f"{REQUIRE_VAR}=1 but {reason}.", pytrace=False)
        pytest.skip(f"PostgreSQL tests skipped: {reason}.")
    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster):
    """A fresh, empty database on the throwaway cluster."""
    return pg_cluster.new_database()
