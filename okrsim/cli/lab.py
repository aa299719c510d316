"""``okrsim lab [--port N]``: open the notebooks in JupyterLab."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path


def notebooks_dir() -> Path:
    """The curriculum folder: next to the package in a checkout, else the current folder."""
    here = Path(__file__).resolve().parents[2] / "notebooks"
    return here if here.is_dir() else Path.cwd()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim lab``."""
    parser.add_argument("--port", type=int, default=None, help="port for JupyterLab")


def run(args: argparse.Namespace) -> int:
    """Open JupyterLab on the curriculum."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={notebooks_dir()}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root
        command.append("--allow-root")
    if args.port:
        command.append(f"--port={args.port}")
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
