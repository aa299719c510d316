"""The skip policy of the browser tests, checked by running pytest on them without Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MISSING = "/nonexistent/chromium"


def run_browser_tests(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"OKRSIM_REQUIRE_BROWSER", "OKRSIM_SCREENSHOTS"}
    }
    environment.update(OKRSIM_CHROMIUM=MISSING, **env)
    return subprocess.run(
        [
            sys.executable, "-m", "pytest", "tests/browser/test_harness.py",
            "-p", "no:cacheprovider", f"--basetemp={tmp_path}", "-q",
        ],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_chromium_skips_with_one_reason_in_the_summary(tmp_path):
    result = run_browser_tests(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 skipped" in result.stdout
    assert f"browser tests skipped: Chromium not found at {MISSING}" in result.stdout


def test_missing_chromium_fails_when_the_browser_is_required(tmp_path):
    result = run_browser_tests(tmp_path, OKRSIM_REQUIRE_BROWSER="1")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "skipped" not in result.stdout
    assert f"OKRSIM_REQUIRE_BROWSER=1 but Chromium not found at {MISSING}" in result.stdout
