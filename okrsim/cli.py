"""The ``okrsim`` command line.

Each subcommand lives in the module that owns its logic and exposes two functions:
``add_arguments(parser)`` and ``run(args) -> int``. This module wires them together, turns the
kit's errors into one plain sentence on stderr with exit code 2, and never shows a traceback
for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from okrsim import __version__
from okrsim.errors import OkrsimError, PlanError

#: name -> (module holding add_arguments/run, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "grade": ("okrsim.grading.command", "SMART assessment of one objective or key result"),
    "check": ("okrsim.cli", "cascade and alignment report of a plan file"),
    "simulate": ("okrsim.sim.command", "feasibility of a plan: on paper and Monte Carlo"),
    "solve": ("okrsim.sim.solve_command", "goal seek: the value of an input for P(target) >= P"),
    "exercises": ("okrsim.exercise_command", "list and check the exercise bank"),
    "lab": ("okrsim.cli", "open the notebooks in JupyterLab"),
}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit code 2, without usage noise."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}. Run '{self.prog} --help' for usage.\n")


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout (UTF-8, keys in insertion order)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def _json_default(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)


def build_parser() -> argparse.ArgumentParser:
    """Return the ``okrsim`` parser with every available subcommand."""
    parser = _Parser(
        prog="okrsim",
        description="OKR training and simulation kit for revenue teams.",
    )
    parser.add_argument("--version", action="version", version=f"okrsim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text[0].upper()
                                 + help_text[1:] + ".")
        module = _load(module_name)
        if module is None:
            command.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
            command.set_defaults(func=_not_available, command_name=name)
            continue
        getattr(module, f"add_{name}_arguments", getattr(module, "add_arguments", None))(command)
        command.set_defaults(func=getattr(module, f"run_{name}", getattr(module, "run", None)))
    return parser


def _load(module_name: str) -> Any:
    if module_name == __name__:
        return sys.modules[__name__]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise


def _not_available(args: argparse.Namespace) -> int:
    print(f"okrsim: '{args.command_name}' is not available in this version yet.", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    int
        0 on success, 1 for findings or an unreachable goal, 2 for bad input.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except PlanError as exc:
        for problem in exc.problems:
            print(f"okrsim: error: {problem}", file=sys.stderr)
        return 2
    except OkrsimError as exc:
        print(f"okrsim: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("okrsim: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


# -- check ---------------------------------------------------------------------------------------

def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim check``."""
    parser.add_argument("plan", metavar="PLAN.yaml", help="the plan file to check")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--lang", choices=("en", "it"), default="en",
                        help="language of the findings (default: en)")


def run_check(args: argparse.Namespace) -> int:
    """Check a plan file's cascade: exit 0 clean, 1 findings, 2 invalid file."""
    from okrsim.cascade import check
    from okrsim.plan import load_plan

    report = check(load_plan(args.plan, strict=False), lang=args.lang)
    if args.json:
        print_json(report.to_dict())
    else:
        print(report.to_text())
    return report.exit_code


# -- lab -----------------------------------------------------------------------------------------

def notebooks_dir() -> Path:
    """The curriculum folder: next to the package in a checkout, else the current folder."""
    here = Path(__file__).resolve().parent.parent / "notebooks"
    return here if here.is_dir() else Path.cwd()


def add_lab_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim lab``."""
    parser.add_argument("--port", type=int, default=None, help="port for JupyterLab")


def run_lab(args: argparse.Namespace) -> int:
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
