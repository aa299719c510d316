"""``okrsim lab [--dir DIR] [--port N]``: open the notebooks in JupyterLab.

In a checkout it opens the repository's ``notebooks/``. Installed as a package, it opens the
participant's workshop folder (``~/okrsim-workshop``, or DIR), laying it out first with
:func:`okrsim.workshop.folder.lay_out` -- which adds what is new and never overwrites a file the
participant changed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from okrsim.exercises.kit import CHECKOUT, NOTEBOOKS, in_checkout
from okrsim.workshop.folder import lay_out


def notebooks_dir(folder: str | Path | None = None) -> Path:
    """The folder JupyterLab opens: DIR when given (laid out), the checkout's notebooks, else the
    participant's workshop folder (laid out, created the first time)."""
    if folder is None and in_checkout():
        return CHECKOUT / NOTEBOOKS
    layout = lay_out(folder)
    for line in layout.describe()[1:]:  # the files kept because the participant changed them
        print(line, file=sys.stderr)
    return layout.folder


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim lab``."""
    parser.add_argument("--dir", default=None, metavar="DIR",
                        help="a workshop folder (default: the checkout's notebooks, else "
                             "~/okrsim-workshop)")
    parser.add_argument("--port", type=int, default=None, help="port for JupyterLab")


def run(args: argparse.Namespace) -> int:
    """Open JupyterLab on the curriculum."""
    root = notebooks_dir(args.dir)
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root
        command.append("--allow-root")
    if args.port:
        command.append(f"--port={args.port}")
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
