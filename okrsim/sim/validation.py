"""Validation of the simulator's arguments at the boundary: trials, seed, probability, path.

Each check returns the clean value or raises :class:`~okrsim.errors.OkrsimError` with one plain
sentence (in ``lang``, English by default), so every entry point (``simulate``, ``solve``,
``sensitivity``, ``compare``, the command line and the exercise bank) refuses bad input the same
way.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from okrsim.errors import OkrsimError
from okrsim.plan import schema
from okrsim.plan.problems import Num, Said, problem


def _refusal(said: Said, lang: str) -> OkrsimError:
    """The error for ``said``: in English it stays sayable in any language, else in ``lang``."""
    return OkrsimError(said if lang == "en" else said.say(lang))


#: Most Monte Carlo trials one run accepts.
MAX_TRIALS = 10_000_000


def check_trials(trials: Any, lang: str = "en") -> int:
    """Return ``trials`` as an int, or raise a one-sentence error.

    Parameters
    ----------
    trials : Any
        Wanted number of Monte Carlo trials, a whole number from 1 to :data:`MAX_TRIALS`.
    lang : str, default "en"
        The language of the error.

    Returns
    -------
    int
    """
    if isinstance(trials, bool) or not isinstance(trials, (int, np.integer)) or not (
        1 <= trials <= MAX_TRIALS
    ):
        raise _refusal(problem("run.trials", most=Num(MAX_TRIALS, ","),
                                  value=repr(trials)), lang)
    return int(trials)


def check_seed(seed: Any, lang: str = "en") -> int | None:
    """Return ``seed`` (``None`` or a whole number of 0 or more), or raise in ``lang``."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise _refusal(problem("run.seed", value=repr(seed)), lang)
    return int(seed)


def resolve_seed(seed: Any) -> int:
    """The seed a run uses: ``seed`` itself, or for ``None`` fresh entropy from the OS.

    The returned number is stored in ``Result.seed``, so a run without a seed can be replayed
    exactly by passing it back.

    Parameters
    ----------
    seed : int or None

    Returns
    -------
    int
        A whole number of 0 or more.
    """
    checked = check_seed(seed)
    if checked is not None:
        return checked
    return int(np.random.SeedSequence().entropy)


def check_probability(probability: Any, lang: str = "en") -> float:
    """Return ``probability`` as a float strictly between 0 and 1, or raise in ``lang``."""
    ok = isinstance(probability, (int, float)) and not isinstance(probability, bool)
    if not ok or not 0 < probability < 1 or math.isnan(probability):
        raise _refusal(problem("run.probability", example=Num(0.8),
                                  value=repr(probability)), lang)
    return float(probability)


def check_path(path: Any, lang: str = "en") -> str:
    """Return ``path`` if goal seek can move it (a numeric model input), or raise in ``lang``."""
    numeric = [p for p, f in schema.MODEL_FIELDS.items() if f.kind in ("number", "count")]
    if path not in numeric:
        raise _refusal(problem("run.solve_path", paths=", ".join(numeric),
                                  value=repr(path)), lang)
    return path
