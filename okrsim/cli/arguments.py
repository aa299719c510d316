"""argparse types shared by the commands: each refuses a bad value in one sentence (exit 2)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from okrsim.errors import OkrsimError, PlanError
from okrsim.i18n import languages
from okrsim.plan.problems import message_in, plan_error
from okrsim.sim.validation import MAX_TRIALS


def add_lang_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """``--lang en|it``: the language of ``what`` (e.g. "the summary and the errors").

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The command's parser.
    what : str
        What the option changes, for ``--help``.
    """
    parser.add_argument("--lang", choices=languages(), default="en",
                        help=f"language of {what} (default: en)")


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Raise the kit's errors met inside the block in ``lang``, however deep they were raised.

    A plan's problems and the simulator's refusals are recorded as sentences of every language; a
    command run with ``--lang it`` says them again in Italian before :func:`okrsim.cli.main`
    prints them (exit 2). Errors written in one language only pass unchanged.

    Parameters
    ----------
    lang : str
        The command's ``--lang``.
    """
    try:
        yield
    except PlanError as exc:
        raise plan_error(exc.problems, lang) from None
    except OkrsimError as exc:
        if lang == "en":
            raise
        raise OkrsimError(message_in(exc, lang)) from None


def trials_argument(text: str) -> int:
    """argparse type for ``--trials``: a whole number from 1 to MAX_TRIALS."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_TRIALS:
        raise argparse.ArgumentTypeError(
            f"--trials must be a whole number from 1 to {MAX_TRIALS:,}; got {text!r}")
    return value


def seed_argument(text: str) -> int:
    """argparse type for ``--seed``: a whole number of 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"--seed must be a whole number of 0 or more; "
                                         f"got {text!r}")
    return value


def open_interval(flag: str, high: float, what: str, example: str) -> Callable[[str], float]:
    """An argparse type for a number strictly between 0 and ``high``.

    Parameters
    ----------
    flag : str
        The option, e.g. ``"--probability"``, named in the error.
    high : float
        The exclusive upper bound.
    what : str
        What the number is, e.g. ``"a number"`` or ``"a standard error"``.
    example : str
        An example value with its meaning, e.g. ``"0.8"``.

    Returns
    -------
    callable
        ``text -> float``, raising ``argparse.ArgumentTypeError`` outside the interval.
    """

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 < value < high:
            raise argparse.ArgumentTypeError(
                f"{flag} must be {what} between 0 and {high:g} (exclusive), such as {example}; "
                f"got {text!r}")
        return value

    return parse


#: ``--probability``: a wanted P(target), strictly between 0 and 1.
probability_argument = open_interval("--probability", 1, "a number", "0.8")
#: ``--precision``: a wanted standard error of P(target), strictly between 0 and 0.5.
precision_argument = open_interval("--precision", 0.5, "a standard error",
                                   "0.005 for half a point")
