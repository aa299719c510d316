"""The ``okrsim`` command line: :func:`main` runs it; one module per command.

Nothing in the library imports this package: it sits on top of every other layer.
"""

from __future__ import annotations

from okrsim.cli.main import ExitStatus, build_parser, main

__all__ = ["ExitStatus", "build_parser", "main"]
