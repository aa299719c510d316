"""Shared fixtures: paths of the repository and a runner for the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrsim.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "exercises" / "plans"
ARTICLE_PLAN = PLANS / "revenue_teams.yaml"


@pytest.fixture
def cli(capsys):
    """Run ``okrsim`` with a list of arguments; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def write_plan(tmp_path):
    """Write text (str) or bytes to a plan file in a temporary folder and return its path."""

    def write(content: str | bytes, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
