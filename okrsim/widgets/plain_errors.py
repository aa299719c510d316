"""In a notebook, the kit's own errors read as one sentence, not as a traceback.

A learner who passes a plan file that does not exist to a widget, or a probability of 1.5 to
``solve``, gets an :class:`~okrsim.errors.OkrsimError` whose message already says what is wrong
and what is allowed; the traceback above it only hides that sentence. Importing
:mod:`okrsim.widgets` installs :func:`show_plain_error` as IPython's handler for these errors
(other exceptions keep their normal traceback). ``OKRSIM_PLAIN_ERRORS=0`` turns this off: the
test suite does, so that nbval still fails a notebook whose cell raises.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from okrsim.errors import OkrsimError, PlanError

#: Set to "0" to keep tracebacks for the kit's errors too.
ENV_VAR = "OKRSIM_PLAIN_ERRORS"


def plain_message(error: BaseException) -> str:
    """The sentence(s) to show for an error of the kit: one line per problem."""
    problems = error.problems if isinstance(error, PlanError) else [str(error)]
    return "\n".join(f"okrsim: {problem}" for problem in problems)


def show_plain_error(shell: Any, etype: type, value: BaseException, tb: Any,
                     tb_offset: int | None = None) -> None:
    """IPython custom-exception handler: print the kit's sentence on stderr, no traceback."""
    print(plain_message(value), file=sys.stderr)


def install(shell: Any = None) -> bool:
    """Make ``shell`` (the running IPython, if any) show the kit's errors as plain sentences.

    Returns
    -------
    bool
        Whether a shell was found and the handler installed.
    """
    if os.environ.get(ENV_VAR, "1") == "0":
        return False
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython ships with Jupyter
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    shell.set_custom_exc((OkrsimError,), show_plain_error)
    return True
