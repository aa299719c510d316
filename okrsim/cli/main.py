"""The ``okrsim`` command line: the parser, the command table and :func:`main`.

Each command lives in its own module of this package and exposes ``add_arguments(parser)`` and
``run(args) -> int``. :func:`main` wires them together, turns the kit's errors into one plain
sentence on stderr with exit code 2, and never shows a traceback for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from enum import IntEnum

from okrsim import __version__
from okrsim.errors import OkrsimError, PlanError


class ExitStatus(IntEnum):
    """What an ``okrsim`` command's exit code means."""

    OK = 0  #: done: graded, clean, simulated, found
    FINDINGS = 1  #: the cascade has findings, the goal is unreachable, the answer did not pass
    BAD_INPUT = 2  #: the input is invalid (one sentence on stderr says why)
    INTERRUPTED = 130  #: stopped with Ctrl-C


#: name -> (module holding add_arguments/run, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "grade": ("okrsim.cli.grade", "SMART assessment of one objective or key result"),
    "check": ("okrsim.cli.check", "cascade and alignment report of a plan file"),
    "simulate": ("okrsim.cli.simulate", "feasibility of a plan: on paper and Monte Carlo"),
    "solve": ("okrsim.cli.solve", "goal seek: the value of an input for P(target) >= P"),
    "compare": ("okrsim.cli.compare", "scenarios from a CSV file side by side"),
    "report": ("okrsim.cli.report", "one self-contained HTML page for a CFO"),
    "exercises": ("okrsim.cli.exercises", "list and check the exercise bank"),
    "init": ("okrsim.cli.init", "lay out the notebooks and example plans in a folder"),
    "lab": ("okrsim.cli.lab", "open the notebooks in JupyterLab"),
}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit code 2, without usage noise."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitStatus.BAD_INPUT,
                  f"{self.prog}: error: {message}. Run '{self.prog} --help' for usage.\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the ``okrsim`` parser with every subcommand.

    Returns
    -------
    argparse.ArgumentParser
    """
    parser = _Parser(
        prog="okrsim",
        description="OKR training and simulation kit for revenue teams.",
    )
    parser.add_argument("--version", action="version", version=f"okrsim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text[0].upper()
                                 + help_text[1:] + ".")
        module = importlib.import_module(module_name)
        module.add_arguments(command)
        command.set_defaults(func=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> ExitStatus:
    """Run the command line and return its exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    ExitStatus
        0 on success, 1 for findings or an unreachable goal, 2 for bad input.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return ExitStatus(int(exc.code or 0))
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitStatus.BAD_INPUT
    try:
        return ExitStatus(int(args.func(args)))
    except PlanError as exc:
        for problem in exc.problems:
            print(f"okrsim: error: {problem}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    except OkrsimError as exc:
        print(f"okrsim: error: {exc}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    except KeyboardInterrupt:
        print("okrsim: interrupted.", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        return ExitStatus.OK
